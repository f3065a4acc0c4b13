use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let names = || mizzle::select(users::name).from(users::table);
    let titles = || mizzle::select(posts::title).from(posts::table);
    // The result's column is the first query's.
    let by_name = names().union(titles()).order_by(users::name.desc());
    // `users.id` is not one of the result's columns.
    let by_id = names().union(titles()).order_by(users::id);
    let _ = (by_name, by_id);
}
