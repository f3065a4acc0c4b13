use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // With `.from(posts)`, a value may read posts.
    let from_posts = mizzle::update(users::table)
        .from(posts::table)
        .set(users::name.to(posts::title))
        .filter(posts::author_id.eq(users::id));
    // Without it, posts is not in the statement.
    let unread = mizzle::update(users::table)
        .set(users::name.to(posts::title))
        .filter(users::id.eq(1));
    let _ = (from_posts, unread);
}
