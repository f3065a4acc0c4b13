use mizzle::prelude::*;
use mizzle::relation::has;
use mizzle_compile_fail_tests::lite::{posts, users};
use mizzle_compile_fail_tests::lite_relations::{post_author, user_posts};

fn main() {
    // Users that have posts: fine.
    let _ = mizzle::find_many(users::table).filter(has(user_posts));
    // `post_author` starts at posts, not at users.
    let _ = mizzle::find_many(users::table).filter(has(post_author).matching(users::name.eq("Ada")));
    let _ = posts::table;
}
