use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // Would write `SET "name" = "title"`: on SQLite, the text `title` in every row.
    let _ = mizzle::update(users::table)
        .set(users::name.to(posts::title))
        .all_rows();
}
