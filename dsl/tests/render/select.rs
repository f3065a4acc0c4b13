//! SELECT: selections, filters, joins, grouping, ordering, limits.

use crate::assert_sql;
use crate::schema::lite::{posts, users};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{from, select};
use mizzle_dsl::types::Value;

#[test]
fn select_columns_with_a_filter_binds_the_value() {
    let query = select((users::id, users::name))
        .from(users::table)
        .filter(users::id.eq(7));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."id" = ?"#,
        &[Value::I64(7)],
    );
}

#[test]
fn left_join_selects_from_both_tables() {
    let query = select((users::name, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .order_by(users::name.desc())
        .limit(10);
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name", "posts"."title" FROM "users" LEFT JOIN "posts" ON "posts"."author_id" = "users"."id" ORDER BY "users"."name" DESC LIMIT 10"#,
        &[],
    );
}

#[test]
fn from_table_selects_every_column() {
    assert_sql(
        from(users::table).to_sql(),
        r#"SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."role", "users"."prefs" FROM "users""#,
        &[],
    );
}
