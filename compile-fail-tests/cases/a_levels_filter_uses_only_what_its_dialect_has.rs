use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};
use mizzle_compile_fail_tests::lite_relations::user_posts;

fn main() {
    // SQLite has no ILIKE, at any level of a relational query.
    let _ = mizzle::find_many(users::table).with(user_posts.filter(posts::title.ilike("%rust%")));
}
