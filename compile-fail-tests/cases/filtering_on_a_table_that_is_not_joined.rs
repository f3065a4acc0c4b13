use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = mizzle::select(users::name).from(users::table).filter(posts::title.eq("x"));
}
