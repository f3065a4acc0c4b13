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
    let _ = (named, sqlite_named, ignored);
}
