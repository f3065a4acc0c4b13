use mizzle::prelude::*;
use mizzle::count;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // One row for the whole table: which user's name would it show?
    let _ = mizzle::select((users::name, count(posts::id)))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .to_sql();
}
