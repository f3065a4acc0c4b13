use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let db = Database::open_in_memory().unwrap();
    let rows: Vec<(String, String)> = mizzle::select((users::name, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .all(&db)
        .unwrap();
    let _ = rows;
}
