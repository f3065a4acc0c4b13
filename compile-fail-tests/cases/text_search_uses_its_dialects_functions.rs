use mizzle::expr::{to_tsquery, to_tsvector};
use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    // PostgreSQL's tsvector search does not exist on SQLite, which searches FTS5 tables.
    let _ = mizzle::select(users::id)
        .from(users::table)
        .filter(to_tsvector("english", users::name).matches(to_tsquery("english", "ada")));
}
