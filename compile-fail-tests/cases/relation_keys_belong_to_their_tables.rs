// Two errors of 17 lines, one for each column written on the wrong side.
use mizzle_compile_fail_tests::lite::{posts, users};

mizzle::relations! {
    // Written the wrong way round: the first column of each pair is the source table's.
    pub user_posts: users::table => many(posts::table) on (posts::author_id = users::id);
}

fn main() {}
