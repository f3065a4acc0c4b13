//! WITH: named queries before a statement, recursive ones, and data-modifying ones.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::expr::count;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{cte, delete, insert, recursive_cte, select, update, with};
use mizzle_dsl::schema::AliasName;
use mizzle_dsl::types::Value;

#[derive(Debug, Clone, Copy, Default)]
struct Liked;
impl AliasName for Liked {
    const NAME: &'static str = "liked";
}

#[derive(Debug, Clone, Copy, Default)]
struct Chain;
impl AliasName for Chain {
    const NAME: &'static str = "chain";
}

#[test]
fn a_select_reads_a_named_query_by_its_name() {
    use pg::{posts, users};
    let liked = cte(
        Liked,
        select((posts::author_id, posts::title))
            .from(posts::table)
            .filter(posts::likes.gt(6)),
    );
    let (author, title) = (liked.field(posts::author_id), liked.field(posts::title));
    let query = select((users::name, title))
        .from(liked.source())
        .inner_join(users::table, users::id.eq(author))
        .order_by(title);
    assert_sql(
        with(liked, query).to_sql(),
        r#"WITH "liked" AS (SELECT "posts"."author_id", "posts"."title" FROM "posts" WHERE "posts"."likes" > $1) SELECT "users"."name", "liked"."title" FROM "liked" INNER JOIN "users" ON "users"."id" = "liked"."author_id" ORDER BY "liked"."title""#,
        &[Value::I32(6)],
    );
}

#[test]
fn several_named_queries_and_a_write_that_reads_them() {
    use lite::{posts, users};
    let liked = cte(
        Liked,
        select(posts::author_id).from(posts::table).filter(posts::likes.gt(6)),
    );
    let chain = cte(Chain, select(users::id).from(users::table).filter(users::age.lt(20)));
    let fans = liked.source();
    let young = chain.source();
    let update_them = update(users::table).set(users::age.to(21)).filter(
        users::id
            .in_subquery(select(fans.field(posts::author_id)).from(fans))
            .or(users::id.in_subquery(select(young.field(users::id)).from(young))),
    );
    assert_sql(
        with((liked, chain), update_them).to_sql(),
        r#"WITH "liked" AS (SELECT "posts"."author_id" FROM "posts" WHERE "posts"."likes" > ?), "chain" AS (SELECT "users"."id" FROM "users" WHERE "users"."age" < ?) UPDATE "users" SET "age" = ? WHERE ("id" IN (SELECT "liked"."author_id" FROM "liked") OR "id" IN (SELECT "chain"."id" FROM "chain"))"#,
        &[Value::I64(6), Value::I64(20), Value::I64(21)],
    );
}

#[test]
fn a_recursive_query_unions_its_anchor_with_rows_it_reads_from_itself() {
    use my::users;
    let chain = recursive_cte(
        Chain,
        select((users::id, users::name))
            .from(users::table)
            .filter(users::id.eq(1u64)),
        |chain| {
            select((users::id, users::name))
                .from(chain)
                .inner_join(users::table, users::id.eq(chain.field(users::id).add(1u64)))
                .filter(users::id.lt(10u64))
        },
    );
    let names = chain.field(users::name);
    let query = with(chain, select(names).from(chain.source()));
    assert_sql(
        query.to_sql(),
        "WITH RECURSIVE `chain` AS (SELECT `users`.`id`, `users`.`name` FROM `users` WHERE `users`.`id` = ? UNION ALL SELECT `users`.`id`, `users`.`name` FROM `chain` INNER JOIN `users` ON `users`.`id` = (`chain`.`id` + ?) WHERE `users`.`id` < ?) SELECT `chain`.`name` FROM `chain`",
        &[Value::U64(1), Value::U64(1), Value::U64(10)],
    );
}

#[test]
fn a_recursive_walk_of_a_graph_stops_at_repeated_rows_with_union() {
    use pg::users;
    let reach = recursive_cte(
        Chain,
        select(users::id).from(users::table).filter(users::id.eq(1)),
        |chain| {
            select(users::id)
                .from(chain)
                .inner_join(users::table, users::age.eq(chain.field(users::id)))
        },
    )
    .union_distinct();
    let ids = reach.field(users::id);
    assert_sql(
        with(reach, select(count(ids)).from(reach.source())).to_sql(),
        r#"WITH RECURSIVE "chain" AS (SELECT "users"."id" FROM "users" WHERE "users"."id" = $1 UNION SELECT "users"."id" FROM "chain" INNER JOIN "users" ON "users"."age" = "chain"."id") SELECT count("chain"."id") FROM "chain""#,
        &[Value::I32(1)],
    );
}

#[test]
fn postgres_moves_rows_with_a_delete_inside_with() {
    use pg::{posts, users};
    let moved = cte(
        Liked,
        delete(posts::table)
            .filter(posts::likes.lt(1))
            .returning((posts::author_id, posts::title)),
    );
    let source = moved.source();
    let statement = with(
        moved,
        insert(users::table).select(users::name, select(source.field(posts::title)).from(source)),
    );
    assert_sql(
        statement.to_sql(),
        r#"WITH "liked" AS (DELETE FROM "posts" WHERE "likes" < $1 RETURNING "author_id", "title") INSERT INTO "users" ("name") SELECT "liked"."title" FROM "liked""#,
        &[Value::I32(1)],
    );
}

#[test]
fn mysql_puts_the_with_of_an_insert_inside_its_select() {
    use my::{posts, users};
    let liked = cte(
        Liked,
        select(posts::title).from(posts::table).filter(posts::title.ne("x")),
    );
    let titles = liked.field(posts::title);
    let statement = insert(users::table).select(users::name, with(liked, select(titles).from(liked.source())));
    assert_sql(
        statement.to_sql(),
        "INSERT INTO `users` (`name`) WITH `liked` AS (SELECT `posts`.`title` FROM `posts` WHERE `posts`.`title` <> ?) SELECT `liked`.`title` FROM `liked`",
        &[text("x")],
    );
}
