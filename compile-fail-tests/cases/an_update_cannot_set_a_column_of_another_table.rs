use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = mizzle::update(users::table).set(posts::title.to("x"));
}
