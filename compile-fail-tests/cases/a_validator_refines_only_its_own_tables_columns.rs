use mizzle::validate::{Rule, Validator};
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // A rule for `posts::title` on a validator of `users`.
    let _ = Validator::<users::table, _>::insert().refine(posts::title, Rule::MaxLength(3));
}
