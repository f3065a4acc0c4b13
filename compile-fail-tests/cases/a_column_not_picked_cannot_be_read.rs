use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let people = mizzle::find_many(users::table).columns((users::id, users::name)).all(&db).unwrap();
    let _ = people[0].get(users::name);
    let _ = people[0].get(users::email);
}
