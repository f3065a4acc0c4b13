//! Aggregates beyond the basic five: DISTINCT sums, FILTER, collecting aggregates, and
//! counting a query's rows.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::expr::{array_agg, avg_distinct, count, count_star, json_agg, string_agg, sum, sum_distinct};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{count_rows, select};
use mizzle_dsl::types::Value;

#[test]
fn distinct_sums_and_filtered_aggregates_on_postgres() {
    use pg::posts;
    assert_sql(
        select((
            sum_distinct(posts::likes),
            avg_distinct(posts::likes),
            count(posts::id).filter(posts::likes.gt(5)),
            count_star().filter(posts::title.like("A%")),
        ))
        .from(posts::table)
        .to_sql(),
        r#"SELECT sum(distinct "posts"."likes"), avg(distinct "posts"."likes"), count("posts"."id") FILTER (WHERE "posts"."likes" > $1), count(*) FILTER (WHERE "posts"."title" LIKE $2) FROM "posts""#,
        &[Value::I32(5), text("A%")],
    );
}

#[test]
fn mysql_filters_an_aggregate_with_a_case_inside_it() {
    use my::posts;
    assert_sql(
        select((
            sum(posts::likes).filter(posts::author_id.eq(1u64)),
            count_star().filter(posts::likes.gt(5)),
            string_agg(posts::title, ", ").filter(posts::likes.gt(0)),
        ))
        .from(posts::table)
        .to_sql(),
        "SELECT sum(CASE WHEN `posts`.`author_id` = ? THEN `posts`.`likes` END), count(CASE WHEN `posts`.`likes` > ? THEN 1 END), group_concat(CASE WHEN `posts`.`likes` > ? THEN `posts`.`title` END SEPARATOR ', ') FROM `posts`",
        &[Value::U64(1), Value::I32(5), Value::I32(0)],
    );
}

#[test]
fn string_agg_is_group_concat_outside_postgres_and_orders_its_values() {
    use lite::posts;
    assert_sql(
        select((
            posts::author_id,
            string_agg(posts::title, "; ").order_by(posts::likes.desc()),
        ))
        .from(posts::table)
        .group_by(posts::author_id)
        .to_sql(),
        r#"SELECT "posts"."author_id", group_concat("posts"."title", ? ORDER BY "posts"."likes" DESC) FROM "posts" GROUP BY "posts"."author_id""#,
        &[text("; ")],
    );
    assert_sql(
        select(string_agg(pg::posts::title, "; ").order_by(pg::posts::id))
            .from(pg::posts::table)
            .to_sql(),
        r#"SELECT string_agg("posts"."title", $1 ORDER BY "posts"."id") FROM "posts""#,
        &[text("; ")],
    );
    assert_sql(
        select(string_agg(my::posts::title, "it's").order_by(my::posts::id))
            .from(my::posts::table)
            .to_sql(),
        "SELECT group_concat(`posts`.`title` ORDER BY `posts`.`id` SEPARATOR 'it''s') FROM `posts`",
        &[],
    );
}

#[test]
fn a_mysql_separator_with_a_backslash_is_refused() {
    let query = select(string_agg(my::posts::title, "\\")).from(my::posts::table);
    let error = query
        .to_sql()
        .expect_err("a backslash cannot be written into a MySQL separator");
    assert!(error.to_string().contains("backslash"), "{error}");
}

#[test]
fn arrays_and_json_arrays_of_a_groups_values() {
    assert_sql(
        select(array_agg(pg::posts::title).order_by(pg::posts::title))
            .from(pg::posts::table)
            .to_sql(),
        r#"SELECT array_agg("posts"."title" ORDER BY "posts"."title") FROM "posts""#,
        &[],
    );
    assert_sql(
        select(json_agg(my::posts::likes)).from(my::posts::table).to_sql(),
        "SELECT JSON_ARRAYAGG(`posts`.`likes`) FROM `posts`",
        &[],
    );
    assert_sql(
        select(json_agg(lite::posts::likes).order_by(lite::posts::id))
            .from(lite::posts::table)
            .to_sql(),
        r#"SELECT json_group_array("posts"."likes" ORDER BY "posts"."id") FROM "posts""#,
        &[],
    );
}

#[test]
fn count_rows_counts_what_a_query_returns() {
    use pg::posts;
    let query = select(posts::author_id)
        .from(posts::table)
        .filter(posts::likes.gt(2))
        .distinct();
    assert_sql(
        count_rows(query).to_sql(),
        r#"SELECT count(*) FROM (SELECT DISTINCT "posts"."author_id" FROM "posts" WHERE "posts"."likes" > $1) AS "counted""#,
        &[Value::I32(2)],
    );
}
