use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    // DISTINCT names, ordered by something that is not selected: which id would decide?
    let _ = mizzle::select(users::name)
        .from(users::table)
        .distinct()
        .order_by(users::id)
        .all(&db);
}
