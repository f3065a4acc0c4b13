use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = mizzle::delete(users::table)
        .filter(users::id.eq(1))
        .returning(posts::title);
}
