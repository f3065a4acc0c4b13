use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // WHERE runs per row, before any grouping: `count` has no value there.
    let _ = mizzle::select(users::id)
        .from(users::table)
        .inner_join(posts::table, posts::author_id.eq(users::id))
        .filter(mizzle::count(posts::id).gt(1));
}
