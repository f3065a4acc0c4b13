use mizzle::prelude::*;
use mizzle_compile_fail_tests::{lite, pg};

fn main() {
    // A named constraint as the conflict target is PostgreSQL's.
    let named = mizzle::insert(pg::users::table)
        .values(pg::users::name.to("Ada"))
        .on_conflict_on_constraint("users_name_unique")
        .do_nothing();
    let sqlite_named = mizzle::insert(lite::users::table)
        .values(lite::users::name.to("Ada"))
        .on_conflict_on_constraint("users_name_unique")
        .do_nothing();
    // INSERT IGNORE is MySQL's: elsewhere, ON CONFLICT DO NOTHING.
    let ignored = mizzle::insert(pg::users::table).values(pg::users::name.to("Ada")).ignore();
    // Several ON CONFLICT clauses are SQLite's, each but the last with a target.
    let two_on_sqlite = mizzle::insert(lite::users::table)
        .values(lite::users::name.to("Ada"))
        .on_conflict(lite::users::id)
        .do_nothing()
        .on_conflict(lite::users::name)
        .do_nothing();
    let untargeted_first = mizzle::insert(lite::users::table)
        .values(lite::users::name.to("Ada"))
        .on_conflict_do_nothing()
        .on_conflict(lite::users::name)
        .do_nothing();
    let two_on_pg = mizzle::insert(pg::users::table)
        .values(pg::users::name.to("Ada"))
        .on_conflict(pg::users::id)
        .do_nothing()
        .on_conflict(pg::users::name)
        .do_nothing();
    let _ = (named, sqlite_named, ignored, two_on_sqlite, untargeted_first, two_on_pg);
}
