use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // IN (SELECT …) takes a select of exactly one column.
    let authors = mizzle::select((posts::author_id, posts::title)).from(posts::table);
    let _ = mizzle::select(users::id).from(users::table).filter(users::id.in_subquery(authors));
    // So does a subquery used as a value.
    let _ = mizzle::select((posts::author_id, posts::title)).from(posts::table).scalar();
}
