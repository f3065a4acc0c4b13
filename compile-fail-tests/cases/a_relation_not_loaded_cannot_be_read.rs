use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;
use mizzle_compile_fail_tests::lite_relations::user_posts;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let users = mizzle::find_many(users::table).all(&db).unwrap();
    // The query did not load `user_posts`.
    let _ = users[0].related(user_posts);
}
