use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle::{count, max};
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let db = Database::open_in_memory().unwrap();
    // Grouped by the primary key, the other columns of its row may be selected.
    let by_key = mizzle::select((users::name, users::email, count(posts::id)))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::id)
        .all(&db);
    // Grouped by `name`, `email` differs between the rows of a group.
    let by_name = mizzle::select((users::name, users::email, max(posts::title)))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::name)
        .all(&db);
    let _ = (by_key, by_name);
}
