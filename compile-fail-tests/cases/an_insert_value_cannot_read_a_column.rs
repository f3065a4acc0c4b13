use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = mizzle::insert(users::table).values(users::name.to(posts::title));
}
