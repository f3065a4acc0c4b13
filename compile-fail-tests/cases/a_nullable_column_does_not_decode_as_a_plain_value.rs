use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let emails: Vec<String> = mizzle::select(users::email).from(users::table).all(&db).unwrap();
    let _ = emails;
}
