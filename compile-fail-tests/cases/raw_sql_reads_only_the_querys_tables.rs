use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // A raw fragment's columns are checked like any other.
    let upper = || mizzle::sql::<mizzle::types::Text>("upper(").column(posts::title).text(")");
    let joined = mizzle::select(upper())
        .from(users::table)
        .inner_join(posts::table, posts::author_id.eq(users::id))
        .to_sql();
    let unjoined = mizzle::select(upper()).from(users::table).to_sql();
    let _ = (joined, unjoined);
}
