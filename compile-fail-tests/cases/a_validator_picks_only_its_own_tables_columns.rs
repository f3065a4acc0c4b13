use mizzle::validate::Validator;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = Validator::<users::table, _>::update().pick((users::name, posts::title));
}
