use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;
use mizzle_compile_fail_tests::lite_relations::post_author;

fn main() {
    let db = Database::open_in_memory().unwrap();
    // `post_author` starts at posts, not users.
    let _ = mizzle::find_many(users::table).with(post_author).all(&db);
}
