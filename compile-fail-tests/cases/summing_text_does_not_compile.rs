use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let _ = mizzle::select(mizzle::sum(users::name)).from(users::table).all(&db);
}
