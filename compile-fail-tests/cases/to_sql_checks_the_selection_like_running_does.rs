use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // `posts` is never joined: running this would fail to compile, and so does rendering it.
    let _ = mizzle::select((users::name, posts::title))
        .from(users::table)
        .to_sql();
}
