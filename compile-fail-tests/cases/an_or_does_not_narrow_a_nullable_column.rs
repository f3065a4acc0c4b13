use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    // Either side of an OR may be the true one: `email` may still be NULL.
    let emails: Vec<String> = mizzle::select(users::email)
        .from(users::table)
        .filter(mizzle::or(users::email.is_not_null(), users::name.eq("Ada")))
        .all(&db)
        .unwrap();
    let _ = emails;
}
