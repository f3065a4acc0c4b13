//! Statements of a shape rendered before reuse its text: only their values are collected anew.

use crate::schema::lite::{posts, users};
use crate::{assert_sql, text};
use mizzle_dsl::dialect::{Dialect, Sqlite};
use mizzle_dsl::expr::sql;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{delete, from, insert, select, update};
use mizzle_dsl::render::{render_statement, RenderSql, SqlWriter};
use mizzle_dsl::types::Value;
use std::borrow::Cow;

/// Whether `statement` is found again by its type, its walk fingerprinting only values.
fn keyed_by_type<S: RenderSql<D>, D: Dialect>(_statement: &S) -> bool {
    S::TYPE_SHAPED
}

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

#[test]
fn statements_made_of_the_builders_nodes_are_keyed_by_their_type() {
    let joined = select((users::name, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .filter(users::age.gt(18).or(users::age.is_null()))
        .filter(users::id.in_array([1i64, 2]))
        .order_by((users::name.desc(), posts::id))
        .limit(10);
    assert!(keyed_by_type(&joined));
    assert!(keyed_by_type(&from(users::table).filter(users::id.eq(1))));
    assert!(keyed_by_type(
        &insert(users::table).values(vec![(users::name.to("Ada"), users::age.to(Some(36i64)))])
    ));
    assert!(keyed_by_type(
        &update(users::table)
            .set(users::age.to(users::age.add(1)))
            .filter(users::id.eq(1))
    ));
    assert!(keyed_by_type(&delete(users::table).filter(users::id.eq(1))));
}

#[test]
fn statements_whose_text_depends_on_more_than_their_type_are_fingerprinted_piece_by_piece() {
    let raw = select(sql::<mizzle_dsl::types::BigInt>("max(age)".to_owned())).from(users::table);
    assert!(!keyed_by_type(&raw));
    let upsert = insert(users::table)
        .values(users::name.to("Ada"))
        .on_conflict_do_nothing();
    assert!(!keyed_by_type(&upsert));
    let patch = update(users::table)
        .set(users::Patch {
            age: Some(Some(1)),
            ..Default::default()
        })
        .filter(users::id.eq(1));
    assert!(!keyed_by_type(&patch));
}

#[test]
fn a_limit_an_offset_and_both_of_one_number_are_three_texts_of_one_type() {
    let page = |limit: Option<u64>, offset: Option<u64>| {
        let query = select(users::id).from(users::table);
        let query = match limit {
            Some(limit) => query.limit(limit),
            None => query,
        };
        match offset {
            Some(offset) => query.offset(offset),
            None => query,
        }
    };
    for _ in 0..2 {
        assert_sql(
            page(Some(5), None).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT 5"#,
            &[],
        );
        assert_sql(
            page(None, Some(5)).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT -1 OFFSET 5"#,
            &[],
        );
        assert_sql(
            page(Some(5), Some(5)).to_sql(),
            r#"SELECT "users"."id" FROM "users" LIMIT 5 OFFSET 5"#,
            &[],
        );
        assert_sql(page(None, None).to_sql(), r#"SELECT "users"."id" FROM "users""#, &[]);
    }
}

#[test]
fn directions_and_null_orders_of_one_type_are_other_texts() {
    let sorted = |descending: bool, nulls_first: bool| {
        let order = if descending {
            users::age.desc()
        } else {
            users::age.asc()
        };
        let order = if nulls_first {
            order.nulls_first()
        } else {
            order.nulls_last()
        };
        select(users::id).from(users::table).order_by(order)
    };
    for _ in 0..2 {
        assert_sql(
            sorted(false, true).to_sql(),
            r#"SELECT "users"."id" FROM "users" ORDER BY "users"."age" ASC NULLS FIRST"#,
            &[],
        );
        assert_sql(
            sorted(true, true).to_sql(),
            r#"SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC NULLS FIRST"#,
            &[],
        );
        assert_sql(
            sorted(true, false).to_sql(),
            r#"SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC NULLS LAST"#,
            &[],
        );
    }
}

#[test]
fn inserts_of_other_row_counts_are_other_texts_and_a_null_binds_like_a_value() {
    let rows = |count: usize| {
        let rows: Vec<_> = (0..count)
            .map(|i| (users::name.to("Ada"), users::age.to((i % 2 == 0).then_some(i as i64))))
            .collect();
        insert(users::table).values(rows)
    };
    for _ in 0..2 {
        assert_sql(
            rows(1).to_sql(),
            r#"INSERT INTO "users" ("name", "age") VALUES (?, ?)"#,
            &[text("Ada"), Value::I64(0)],
        );
        assert_sql(
            rows(2).to_sql(),
            r#"INSERT INTO "users" ("name", "age") VALUES (?, ?), (?, ?)"#,
            &[text("Ada"), Value::I64(0), text("Ada"), Value::Null],
        );
    }
}

/// A node that claims its text follows from its type, and picks its text by its value.
struct Untruthful(bool);

impl RenderSql<Sqlite> for Untruthful {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        out.push_sql(if self.0 { "SELECT 1" } else { "SELECT 2" });
    }
}

#[test]
#[should_panic(expected = "found the text of another statement kept under its key")]
fn a_node_that_picks_its_text_by_value_without_recording_the_choice_fails_in_debug_builds() {
    assert_eq!(render_statement(&Untruthful(true)).unwrap().sql, "SELECT 1");
    let _ = render_statement(&Untruthful(false));
}
