use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let db = Database::open_in_memory().unwrap();
    let _ = mizzle::select((users::name, posts::title)).from(users::table).all(&db);
}
