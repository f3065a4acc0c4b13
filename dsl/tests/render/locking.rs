//! Row locks: strengths, NOWAIT and SKIP LOCKED, OF tables, per dialect.

use crate::assert_sql;
use crate::schema::{my, pg};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{from, select};
use mizzle_dsl::types::Value;

#[test]
fn postgres_has_four_strengths_and_locks_after_limit() {
    use pg::users;
    let first = || select(users::id).from(users::table).filter(users::age.gt(1)).limit(1);
    let base = r#"SELECT "users"."id" FROM "users" WHERE "users"."age" > $1 LIMIT 1"#;
    for (query, lock) in [
        (first().for_update(), "FOR UPDATE"),
        (first().for_no_key_update(), "FOR NO KEY UPDATE"),
        (first().for_share(), "FOR SHARE"),
        (first().for_key_share(), "FOR KEY SHARE"),
    ] {
        assert_sql(query.to_sql(), &format!("{base} {lock}"), &[Value::I32(1)]);
    }
}

#[test]
fn nowait_skip_locked_and_of_tables_follow_the_strength() {
    use pg::{posts, users};
    assert_sql(
        from(users::table).for_update().skip_locked().to_sql(),
        r#"SELECT "users"."id", "users"."name", "users"."email", "users"."age" FROM "users" FOR UPDATE SKIP LOCKED"#,
        &[],
    );
    let joined = select((users::name, posts::title))
        .from(users::table)
        .inner_join(posts::table, posts::author_id.eq(users::id));
    assert_sql(
        joined.for_update().of(posts::table).nowait().to_sql(),
        r#"SELECT "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."author_id" = "users"."id" FOR UPDATE OF "posts" NOWAIT"#,
        &[],
    );
    assert_sql(
        joined.for_share().of((users::table, posts::table)).to_sql(),
        r#"SELECT "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."author_id" = "users"."id" FOR SHARE OF "users", "posts""#,
        &[],
    );
}

#[test]
fn mysql_shares_with_lock_in_share_mode_which_mariadb_understands() {
    use my::users;
    let query = || select(users::name).from(users::table).filter(users::id.eq(1u64));
    assert_sql(
        query().for_update().nowait().to_sql(),
        "SELECT `users`.`name` FROM `users` WHERE `users`.`id` = ? FOR UPDATE NOWAIT",
        &[Value::U64(1)],
    );
    assert_sql(
        query().for_share().skip_locked().to_sql(),
        "SELECT `users`.`name` FROM `users` WHERE `users`.`id` = ? LOCK IN SHARE MODE SKIP LOCKED",
        &[Value::U64(1)],
    );
}
