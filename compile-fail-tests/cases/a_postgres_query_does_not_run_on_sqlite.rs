use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::pg::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let _ = mizzle::delete(users::table).filter(users::id.eq(1)).execute(&db);
}
