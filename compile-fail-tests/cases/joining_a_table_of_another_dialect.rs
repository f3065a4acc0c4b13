use mizzle::prelude::*;
use mizzle_compile_fail_tests::{lite, pg};

fn main() {
    // A SQLite table and a PostgreSQL table cannot meet in one query.
    let _ = mizzle::select(lite::users::id)
        .from(lite::users::table)
        .inner_join(pg::users::table, pg::users::id.eq(1));
}
