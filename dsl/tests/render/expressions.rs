//! Operators, functions, casts and raw SQL, rendered inside a filter or select list.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::expr::{and, avg, count, count_distinct, max, min, not, or, sql, sum};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::types::{self as st, Value};

#[test]
fn comparisons_bind_their_right_hand_side_and_a_chain_of_ands_shares_one_pair_of_parentheses() {
    use pg::users;
    let query = select(users::id).from(users::table).filter(and(
        and(
            users::id.ne(1).and(users::id.gt(2)),
            users::id.ge(3).and(users::id.lt(4)),
        ),
        users::id.le(5),
    ));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."id" <> $1 AND "users"."id" > $2 AND "users"."id" >= $3 AND "users"."id" < $4 AND "users"."id" <= $5)"#,
        &[
            Value::I32(1),
            Value::I32(2),
            Value::I32(3),
            Value::I32(4),
            Value::I32(5),
        ],
    );
}

#[test]
fn comparing_two_columns_binds_nothing() {
    use pg::users;
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::id.eq(users::age))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."id" = "users"."age""#,
        &[],
    );
}

#[test]
fn or_not_and_null_tests() {
    use lite::users;
    let query = select(users::id)
        .from(users::table)
        .filter(or(not(users::email.is_null()), users::age.is_not_null()));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (NOT ("users"."email" IS NULL) OR "users"."age" IS NOT NULL)"#,
        &[],
    );
}

#[test]
fn in_lists_bind_each_value_and_empty_lists_stay_valid() {
    use lite::users;
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::name.in_array(["a", "b"]))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."name" IN (?, ?)"#,
        &[text("a"), text("b")],
    );
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::age.not_in_array(vec![1i64, 2, 3]))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."age" NOT IN (?, ?, ?)"#,
        &[Value::I64(1), Value::I64(2), Value::I64(3)],
    );
    let none: Vec<&str> = Vec::new();
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::name.in_array(none.clone()))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (1 = 0)"#,
        &[],
    );
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::name.not_in_array(none))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (1 = 1)"#,
        &[],
    );
}

#[test]
fn an_or_inside_a_chain_of_ands_keeps_its_parentheses_and_so_does_an_and_inside_ors() {
    use lite::users;
    let query = select(users::id)
        .from(users::table)
        .filter(users::id.gt(1))
        .filter(or(users::id.eq(2), users::id.eq(3)).or(users::id.eq(4)))
        .filter(not(users::id.eq(5).and(users::id.eq(6))).or(users::id.eq(7).and(users::id.eq(8))));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."id" > ? AND ("users"."id" = ? OR "users"."id" = ? OR "users"."id" = ?) AND (NOT (("users"."id" = ? AND "users"."id" = ?)) OR ("users"."id" = ? AND "users"."id" = ?)))"#,
        &(1..=8).map(Value::I64).collect::<Vec<_>>(),
    );
}

#[test]
fn between_and_like() {
    use my::users;
    let query = select(users::id).from(users::table).filter(
        users::age
            .between(18, 65)
            .and(users::age.not_between(30, 40))
            .and(users::name.like("A%").and(users::name.not_like("%z"))),
    );
    assert_sql(
        query.to_sql(),
        "SELECT `users`.`id` FROM `users` WHERE (`users`.`age` BETWEEN ? AND ? AND `users`.`age` NOT BETWEEN ? AND ? AND `users`.`name` LIKE ? AND `users`.`name` NOT LIKE ?)",
        &[Value::I32(18), Value::I32(65), Value::I32(30), Value::I32(40), text("A%"), text("%z")],
    );
}

#[test]
fn ilike_renders_on_postgres() {
    use pg::users;
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(users::name.ilike("%ada%").or(users::name.not_ilike("x%")))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."name" ILIKE $1 OR "users"."name" NOT ILIKE $2)"#,
        &[text("%ada%"), text("x%")],
    );
}

#[test]
fn arithmetic_is_parenthesised() {
    use pg::posts;
    assert_sql(
        select(posts::likes.add(1).mul(2).sub(posts::id).div(3))
            .from(posts::table)
            .to_sql(),
        r#"SELECT (((("posts"."likes" + $1) * $2) - "posts"."id") / $3) FROM "posts""#,
        &[Value::I32(1), Value::I32(2), Value::I32(3)],
    );
}

#[test]
fn concatenation_is_pipes_except_on_mysql() {
    assert_sql(
        select(pg::users::name.concat(" <").concat(pg::users::email))
            .from(pg::users::table)
            .to_sql(),
        r#"SELECT (("users"."name" || $1) || "users"."email") FROM "users""#,
        &[text(" <")],
    );
    assert_sql(
        select(lite::users::name.concat("!")).from(lite::users::table).to_sql(),
        r#"SELECT ("users"."name" || ?) FROM "users""#,
        &[text("!")],
    );
    assert_sql(
        select(my::users::name.concat("!")).from(my::users::table).to_sql(),
        "SELECT concat(`users`.`name`, ?) FROM `users`",
        &[text("!")],
    );
}

#[test]
fn aggregates() {
    use pg::posts;
    let query = select((
        count(posts::id),
        count_distinct(posts::author_id),
        sum(posts::likes),
        avg(posts::likes),
        min(posts::title),
        max(posts::likes),
    ))
    .from(posts::table);
    assert_sql(
        query.to_sql(),
        r#"SELECT count("posts"."id"), count(distinct "posts"."author_id"), sum("posts"."likes"), avg("posts"."likes"), min("posts"."title"), max("posts"."likes") FROM "posts""#,
        &[],
    );
}

#[test]
fn casts_use_each_dialects_type_names() {
    assert_sql(
        select(pg::users::id.cast::<st::Text>()).from(pg::users::table).to_sql(),
        r#"SELECT CAST("users"."id" AS text) FROM "users""#,
        &[],
    );
    assert_sql(
        select(my::users::name.cast::<st::BigInt>())
            .from(my::users::table)
            .to_sql(),
        "SELECT CAST(`users`.`name` AS signed) FROM `users`",
        &[],
    );
    assert_sql(
        select(lite::users::age.cast::<st::Text>())
            .from(lite::users::table)
            .to_sql(),
        r#"SELECT CAST("users"."age" AS text) FROM "users""#,
        &[],
    );
}

#[test]
fn raw_sql_fragments_quote_columns_and_bind_values() {
    use lite::users;
    let coalesced = sql::<st::BigInt>("coalesce(")
        .column(users::age)
        .text(", ")
        .bind(0i64)
        .text(")");
    assert_sql(
        select(coalesced)
            .from(users::table)
            .filter(users::name.eq("x"))
            .to_sql(),
        r#"SELECT coalesce("users"."age", ?) FROM "users" WHERE "users"."name" = ?"#,
        &[Value::I64(0), text("x")],
    );
}

#[test]
fn enum_and_json_values_bind_as_text() {
    use crate::schema::{Prefs, Role};
    use lite::users;
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(
                users::role
                    .eq(Role::Admin)
                    .and(users::prefs.eq(Prefs { theme: "dark".into() })),
            )
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE ("users"."role" = ? AND "users"."prefs" = ?)"#,
        &[text("admin"), Value::Json(r#"{"theme":"dark"}"#.into())],
    );
}

#[test]
fn distinct_from_compares_with_null_as_a_value_in_each_dialect() {
    assert_sql(
        select(pg::users::id)
            .from(pg::users::table)
            .filter(pg::users::email.is_not_distinct_from(None::<&str>))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."email" IS NOT DISTINCT FROM $1"#,
        &[Value::Null],
    );
    assert_sql(
        select(lite::users::id)
            .from(lite::users::table)
            .filter(lite::users::email.is_distinct_from(Some("a@x")))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."email" IS DISTINCT FROM ?"#,
        &[text("a@x")],
    );
    assert_sql(
        select(my::users::id)
            .from(my::users::table)
            .filter(
                my::users::email
                    .is_not_distinct_from(Some("a@x"))
                    .and(my::users::email.is_distinct_from(my::users::name)),
            )
            .to_sql(),
        "SELECT `users`.`id` FROM `users` WHERE (`users`.`email` <=> ? AND NOT (`users`.`email` <=> `users`.`name`))",
        &[text("a@x")],
    );
}

#[test]
fn integer_expressions_of_different_sql_types_compare_without_a_cast() {
    use pg::users;
    // count(..) is a bigint; `age` an integer.
    assert_sql(
        select(users::id)
            .from(users::table)
            .group_by(users::id)
            .having(count(users::id).ge(users::age).and(users::age.lt(count(users::id))))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" GROUP BY "users"."id" HAVING (count("users"."id") >= "users"."age" AND "users"."age" < count("users"."id"))"#,
        &[],
    );
}
