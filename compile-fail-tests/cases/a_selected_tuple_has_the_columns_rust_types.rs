use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let rows: Vec<(i64, i64)> = mizzle::select((users::id, users::name)).from(users::table).all(&db).unwrap();
    let _ = rows;
}
