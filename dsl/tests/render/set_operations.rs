//! UNION, INTERSECT and EXCEPT: operators, nesting per dialect, and the result's ORDER BY.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::types::Value;

#[test]
fn each_operator_joins_two_selects_and_the_result_orders_by_column_name() {
    use pg::{posts, users};
    let names = || select(users::name).from(users::table).filter(users::age.gt(18));
    let titles = || select(posts::title).from(posts::table);
    let cases: [(&str, _); 6] = [
        ("UNION", names().union(titles())),
        ("UNION ALL", names().union_all(titles())),
        ("INTERSECT", names().intersect(titles())),
        ("INTERSECT ALL", names().intersect_all(titles())),
        ("EXCEPT", names().except(titles())),
        ("EXCEPT ALL", names().except_all(titles())),
    ];
    for (keyword, query) in cases {
        assert_sql(
            query.order_by(users::name.desc()).limit(10).offset(5).to_sql(),
            &format!(
                r#"SELECT "users"."name" FROM "users" WHERE "users"."age" > $1 {keyword} SELECT "posts"."title" FROM "posts" ORDER BY "name" DESC LIMIT 10 OFFSET 5"#
            ),
            &[Value::I32(18)],
        );
    }
}

#[test]
fn the_parameters_of_both_sides_number_on_across_the_operator() {
    use pg::users;
    let query = select(users::id)
        .from(users::table)
        .filter(users::name.eq("a"))
        .union(select(users::id).from(users::table).filter(users::name.eq("b")));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."name" = $1 UNION SELECT "users"."id" FROM "users" WHERE "users"."name" = $2"#,
        &[text("a"), text("b")],
    );
}

#[test]
fn a_chain_reads_left_to_right_with_parentheses_where_intersect_binds_tighter() {
    use my::{posts, users};
    let names = || select(users::name).from(users::table);
    let titles = || select(posts::title).from(posts::table);
    assert_sql(
        names().union(titles()).except(names()).to_sql(),
        "SELECT `users`.`name` FROM `users` UNION SELECT `posts`.`title` FROM `posts` EXCEPT SELECT `users`.`name` FROM `users`",
        &[],
    );
    assert_sql(
        names().union(titles()).intersect(names()).to_sql(),
        "(SELECT `users`.`name` FROM `users` UNION SELECT `posts`.`title` FROM `posts`) INTERSECT SELECT `users`.`name` FROM `users`",
        &[],
    );
    assert_sql(
        names().intersect(titles()).union(names()).to_sql(),
        "SELECT `users`.`name` FROM `users` INTERSECT SELECT `posts`.`title` FROM `posts` UNION SELECT `users`.`name` FROM `users`",
        &[],
    );
    assert_sql(
        names().except(titles().union(names())).to_sql(),
        "SELECT `users`.`name` FROM `users` EXCEPT (SELECT `posts`.`title` FROM `posts` UNION SELECT `users`.`name` FROM `users`)",
        &[],
    );
}

#[test]
fn sqlite_reads_a_nested_operand_from_a_subquery() {
    use lite::{posts, users};
    let names = || select(users::name).from(users::table);
    let titles = || select(posts::title).from(posts::table);
    // SQLite reads every chain left to right, so a chain on the left needs nothing.
    assert_sql(
        names().union(titles()).intersect(names()).to_sql(),
        r#"SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" INTERSECT SELECT "users"."name" FROM "users""#,
        &[],
    );
    assert_sql(
        names().except(titles().union(names())).to_sql(),
        r#"SELECT "users"."name" FROM "users" EXCEPT SELECT * FROM (SELECT "posts"."title" FROM "posts" UNION SELECT "users"."name" FROM "users")"#,
        &[],
    );
    assert_sql(
        names()
            .order_by(users::name)
            .limit(1)
            .union_all(titles().order_by(posts::likes.desc()).limit(1))
            .to_sql(),
        r#"SELECT * FROM (SELECT "users"."name" FROM "users" ORDER BY "users"."name" LIMIT 1) UNION ALL SELECT * FROM (SELECT "posts"."title" FROM "posts" ORDER BY "posts"."likes" DESC LIMIT 1)"#,
        &[],
    );
}

#[test]
fn an_operand_that_sorts_or_limits_its_own_rows_is_in_parentheses() {
    use pg::{posts, users};
    let query = select(users::name)
        .from(users::table)
        .order_by(users::name)
        .limit(1)
        .union(select(posts::title).from(posts::table).offset(2))
        .order_by(users::name);
    assert_sql(
        query.to_sql(),
        r#"(SELECT "users"."name" FROM "users" ORDER BY "users"."name" LIMIT 1) UNION (SELECT "posts"."title" FROM "posts" OFFSET 2) ORDER BY "name""#,
        &[],
    );
    // A chain that limits its rows, combined again, is nested too.
    let limited = select(users::name)
        .from(users::table)
        .union(select(posts::title).from(posts::table))
        .limit(3)
        .except(select(users::name).from(users::table));
    assert_sql(
        limited.to_sql(),
        r#"(SELECT "users"."name" FROM "users" UNION SELECT "posts"."title" FROM "posts" LIMIT 3) EXCEPT SELECT "users"."name" FROM "users""#,
        &[],
    );
}

#[test]
fn a_nullable_column_and_a_not_null_one_combine_once_the_latter_is_read_as_nullable() {
    use pg::users;
    let query = select((users::id, users::email))
        .from(users::table)
        .union(select((users::id, users::name.nullable())).from(users::table))
        .order_by((users::email.asc().nulls_last(), users::id));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id", "users"."email" FROM "users" UNION SELECT "users"."id", "users"."name" FROM "users" ORDER BY "email" ASC NULLS LAST, "id""#,
        &[],
    );
}

#[test]
fn a_set_operation_serves_as_an_in_subquery_and_a_from_source() {
    use pg::{posts, users};
    let ids = select(posts::author_id)
        .from(posts::table)
        .filter(posts::likes.gt(5))
        .union(select(users::id).from(users::table).filter(users::age.lt(20)));
    assert_sql(
        select(users::name)
            .from(users::table)
            .filter(users::id.in_subquery(ids))
            .to_sql(),
        r#"SELECT "users"."name" FROM "users" WHERE "users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE "posts"."likes" > $1 UNION SELECT "users"."id" FROM "users" WHERE "users"."age" < $2)"#,
        &[Value::I32(5), Value::I32(20)],
    );
}
