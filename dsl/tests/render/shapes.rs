//! Statements of a shape rendered before reuse its text: only their values are collected anew.

use crate::schema::lite::users;
use crate::{assert_sql, text};
use mizzle_dsl::expr::sql;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::types::Value;
use std::borrow::Cow;

#[test]
fn a_statement_of_a_known_shape_reuses_its_text_and_binds_its_new_values() {
    let by_name = |name: &'static str| {
        select((users::id, users::name))
            .from(users::table)
            .filter(users::name.eq(name).and(users::age.gt(30)))
    };
    let sql = r#"SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."name" = ? AND "users"."age" > ?)"#;
    assert_sql(by_name("ada").to_sql(), sql, &[text("ada"), Value::I64(30)]);
    let again = by_name("grace");
    let rendered = again.to_sql().unwrap();
    assert!(
        matches!(rendered.sql, Cow::Borrowed(_)),
        "the text is reused, not written again"
    );
    assert_sql(Ok(rendered), sql, &[text("grace"), Value::I64(30)]);
}

#[test]
fn limits_and_offsets_of_other_values_are_other_shapes() {
    let page = |size: u64, skip: u64| select(users::id).from(users::table).limit(size).offset(skip);
    for _ in 0..2 {
        assert_sql(
            page(10, 0).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT 10 OFFSET 0"#,
            &[],
        );
        assert_sql(
            page(10, 20).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT 10 OFFSET 20"#,
            &[],
        );
        assert_sql(
            page(1, 0).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT 1 OFFSET 0"#,
            &[],
        );
    }
}

#[test]
fn in_lists_of_other_lengths_are_other_shapes() {
    for _ in 0..2 {
        assert_sql(
            select(users::id)
                .from(users::table)
                .filter(users::age.in_array([1i64, 2]))
                .to_sql(),
            r#"SELECT "users"."id" FROM "users" WHERE "users"."age" IN (?, ?)"#,
            &[Value::I64(1), Value::I64(2)],
        );
        assert_sql(
            select(users::id)
                .from(users::table)
                .filter(users::age.in_array([3i64]))
                .to_sql(),
            r#"SELECT "users"."id" FROM "users" WHERE "users"."age" IN (?)"#,
            &[Value::I64(3)],
        );
    }
}

#[test]
fn raw_sql_made_at_run_time_is_part_of_the_shape() {
    for _ in 0..2 {
        for column in ["age", "id", "agf"] {
            let expr = sql::<mizzle_dsl::types::BigInt>(format!("max({column})"));
            assert_sql(
                select(expr).from(users::table).to_sql(),
                &format!(r#"SELECT max({column}) FROM "users""#),
                &[],
            );
        }
    }
}

#[test]
fn the_same_shape_on_another_dialect_is_spelled_its_own_way() {
    use crate::schema::pg;
    for _ in 0..2 {
        assert_sql(
            select(users::id).from(users::table).filter(users::id.eq(1)).to_sql(),
            r#"SELECT "users"."id" FROM "users" WHERE "users"."id" = ?"#,
            &[Value::I64(1)],
        );
        assert_sql(
            select(pg::users::id)
                .from(pg::users::table)
                .filter(pg::users::id.eq(1))
                .to_sql(),
            r#"SELECT "users"."id" FROM "users" WHERE "users"."id" = $1"#,
            &[Value::I32(1)],
        );
    }
}
