use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let _ = mizzle::insert(users::table)
        .values((users::id.to(1), users::name.to("Ada")))
        .on_conflict(users::id)
        .do_update(users::name.to(posts::title));
}
