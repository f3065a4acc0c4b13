use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let db = Database::open_in_memory().unwrap();
    // Same rows: a name and a title, both NOT NULL text.
    let same = mizzle::select(users::name)
        .from(users::table)
        .union(mizzle::select(posts::title).from(posts::table))
        .all(&db);
    // One column against two.
    let wider = mizzle::select(users::name)
        .from(users::table)
        .union(mizzle::select((posts::title, posts::id)).from(posts::table));
    // Text against an integer.
    let other_type = mizzle::select(users::name)
        .from(users::table)
        .except(mizzle::select(posts::id).from(posts::table));
    // A NOT NULL column against a nullable one: `.nullable()` on the first would make them agree.
    let nullable = mizzle::select(users::name)
        .from(users::table)
        .intersect(mizzle::select(users::email).from(users::table));
    let _ = (same, wider, other_type, nullable);
}
