//! Joins to derived tables (aggregated subqueries), to named queries, and LATERAL joins.

use crate::assert_sql;
use crate::schema::{lite, pg};
use mizzle_dsl::expr::count;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::schema::AliasName;
use mizzle_dsl::types::Value;

#[derive(Debug, Clone, Copy, Default)]
struct Counts;
impl AliasName for Counts {
    const NAME: &'static str = "counts";
}

#[test]
fn a_query_left_joins_an_aggregated_subquery() {
    use lite::{posts, users};
    let counts = select((posts::author_id, count(posts::id)))
        .from(posts::table)
        .group_by(posts::author_id)
        .aliased(Counts);
    let author = counts.field(posts::author_id);
    assert_sql(
        select((users::name, author))
            .from(users::table)
            .left_join(counts, author.eq(users::id))
            .filter(users::age.gt(3))
            .to_sql(),
        r#"SELECT "users"."name", "counts"."author_id" FROM "users" LEFT JOIN (SELECT "posts"."author_id", count("posts"."id") FROM "posts" GROUP BY "posts"."author_id") AS "counts" ON "counts"."author_id" = "users"."id" WHERE "users"."age" > ?"#,
        &[Value::I64(3)],
    );
}

#[test]
fn a_lateral_join_reads_the_rows_joined_before_it() {
    use pg::{posts, users};
    let top = select((posts::title, posts::likes))
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::author_id.eq(users::id))
        .order_by(posts::likes.desc())
        .limit(2)
        .aliased(Counts);
    let title = top.field(posts::title);
    assert_sql(
        select((users::name, title))
            .from(users::table)
            .cross_join_lateral(top)
            .to_sql(),
        r#"SELECT "users"."name", "counts"."title" FROM "users" CROSS JOIN LATERAL (SELECT "posts"."title", "posts"."likes" FROM "posts" WHERE "posts"."author_id" = "users"."id" ORDER BY "posts"."likes" DESC LIMIT 2) AS "counts""#,
        &[],
    );
    assert_sql(
        select((users::name, title))
            .from(users::table)
            .left_join_lateral(top, top.field(posts::likes).gt(users::age))
            .to_sql(),
        r#"SELECT "users"."name", "counts"."title" FROM "users" LEFT JOIN LATERAL (SELECT "posts"."title", "posts"."likes" FROM "posts" WHERE "posts"."author_id" = "users"."id" ORDER BY "posts"."likes" DESC LIMIT 2) AS "counts" ON "counts"."likes" > "users"."age""#,
        &[],
    );
}

#[test]
fn a_named_expression_orders_and_filters_its_own_select_through_its_expression() {
    use pg::posts;
    let post_count = count(posts::id).as_("post_count");
    assert_sql(
        select((posts::author_id, post_count))
            .from(posts::table)
            .group_by(posts::author_id)
            .having(post_count.expr().gt(1))
            .order_by(post_count.desc())
            .to_sql(),
        r#"SELECT "posts"."author_id", count("posts"."id") AS "post_count" FROM "posts" GROUP BY "posts"."author_id" HAVING count("posts"."id") > $1 ORDER BY count("posts"."id") DESC"#,
        &[Value::I64(1)],
    );
}

#[test]
fn a_named_expression_of_a_subquery_is_read_by_its_name() {
    use pg::{posts, users};
    let post_count = count(posts::id).as_("post_count");
    let counts = select((posts::author_id, post_count))
        .from(posts::table)
        .group_by(posts::author_id)
        .aliased(Counts);
    let (author, total) = (counts.field(posts::author_id), counts.named(&post_count));
    assert_sql(
        select((users::name, total))
            .from(users::table)
            .inner_join(counts, author.eq(users::id))
            .filter(total.gt(1))
            .order_by(total.desc())
            .to_sql(),
        r#"SELECT "users"."name", "counts"."post_count" FROM "users" INNER JOIN (SELECT "posts"."author_id", count("posts"."id") AS "post_count" FROM "posts" GROUP BY "posts"."author_id") AS "counts" ON "counts"."author_id" = "users"."id" WHERE "counts"."post_count" > $1 ORDER BY "counts"."post_count" DESC"#,
        &[Value::I64(1)],
    );
}
