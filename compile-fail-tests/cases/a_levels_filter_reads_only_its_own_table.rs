use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;
use mizzle_compile_fail_tests::lite_relations::user_posts;

fn main() {
    // `user_posts` loads posts: its filter reads posts, not users.
    let _ = mizzle::find_many(users::table).with(user_posts.filter(users::name.eq("Ada")));
}
