use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // The subquery reads `users`, which the query it is used in (on `posts`) does not read.
    let by_admins = mizzle::select(users::id)
        .from(users::table)
        .correlated(posts::table)
        .filter(users::id.eq(posts::author_id));
    let _ = mizzle::select(posts::title).from(posts::table).filter(mizzle::exists(by_admins));
    let sub = mizzle::select(posts::id)
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::author_id.eq(users::id));
    let _ = mizzle::select(posts::title).from(posts::table).filter(mizzle::exists(sub));
}
