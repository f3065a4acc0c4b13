//! SELECT: selections, filters, joins, grouping, ordering, limits, subqueries.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::expr::{count, count_star, exists, max};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{from, select};
use mizzle_dsl::schema::{alias, AliasName};
use mizzle_dsl::types::Value;

#[test]
fn each_dialect_quotes_identifiers_and_numbers_placeholders_its_own_way() {
    assert_sql(
        select((pg::users::id, pg::users::name))
            .from(pg::users::table)
            .filter(pg::users::id.eq(7).and(pg::users::name.eq("a")))
            .to_sql(),
        r#"SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."id" = $1 AND "users"."name" = $2)"#,
        &[Value::I32(7), text("a")],
    );
    assert_sql(
        select((my::users::id, my::users::name))
            .from(my::users::table)
            .filter(my::users::id.eq(7u64).and(my::users::name.eq("a")))
            .to_sql(),
        "SELECT `users`.`id`, `users`.`name` FROM `users` WHERE (`users`.`id` = ? AND `users`.`name` = ?)",
        &[Value::U64(7), text("a")],
    );
    assert_sql(
        select((lite::users::id, lite::users::name))
            .from(lite::users::table)
            .filter(lite::users::id.eq(7).and(lite::users::name.eq("a")))
            .to_sql(),
        r#"SELECT "users"."id", "users"."name" FROM "users" WHERE ("users"."id" = ? AND "users"."name" = ?)"#,
        &[Value::I64(7), text("a")],
    );
}

#[test]
fn filter_called_twice_ands_the_predicates() {
    use lite::users;
    let query = from(users::table)
        .filter(users::age.gt(18))
        .filter(users::email.is_not_null());
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."id", "users"."name", "users"."email", "users"."age", "users"."role", "users"."prefs" FROM "users" WHERE ("users"."age" > ? AND "users"."email" IS NOT NULL)"#,
        &[Value::I64(18)],
    );
}

#[test]
fn from_table_selects_every_column_in_declaration_order() {
    assert_sql(
        from(pg::users::table).to_sql(),
        r#"SELECT "users"."id", "users"."name", "users"."email", "users"."age" FROM "users""#,
        &[],
    );
}

#[test]
fn distinct_and_postgres_distinct_on() {
    assert_sql(
        select(lite::users::name).from(lite::users::table).distinct().to_sql(),
        r#"SELECT DISTINCT "users"."name" FROM "users""#,
        &[],
    );
    assert_sql(
        select((pg::posts::author_id, pg::posts::title))
            .from(pg::posts::table)
            .distinct_on(pg::posts::author_id)
            .order_by((pg::posts::author_id, pg::posts::likes.desc()))
            .to_sql(),
        r#"SELECT DISTINCT ON ("posts"."author_id") "posts"."author_id", "posts"."title" FROM "posts" ORDER BY "posts"."author_id", "posts"."likes" DESC"#,
        &[],
    );
}

#[test]
fn every_join_kind_renders_its_keywords_and_condition() {
    use pg::{posts, users};
    let on = || posts::author_id.eq(users::id);
    let base = || select((users::name, posts::title)).from(users::table);
    let prefix = r#"SELECT "users"."name", "posts"."title" FROM "users""#;
    let cond = r#" ON "posts"."author_id" = "users"."id""#;
    assert_sql(
        base().inner_join(posts::table, on()).to_sql(),
        &format!(r#"{prefix} INNER JOIN "posts"{cond}"#),
        &[],
    );
    assert_sql(
        base().left_join(posts::table, on()).to_sql(),
        &format!(r#"{prefix} LEFT JOIN "posts"{cond}"#),
        &[],
    );
    assert_sql(
        base().right_join(posts::table, on()).to_sql(),
        &format!(r#"{prefix} RIGHT JOIN "posts"{cond}"#),
        &[],
    );
    assert_sql(
        base().full_join(posts::table, on()).to_sql(),
        &format!(r#"{prefix} FULL JOIN "posts"{cond}"#),
        &[],
    );
    assert_sql(
        base().cross_join(posts::table).to_sql(),
        &format!(r#"{prefix} CROSS JOIN "posts""#),
        &[],
    );
}

#[derive(Debug, Clone, Copy, Default)]
struct Inviter;
impl AliasName for Inviter {
    const NAME: &'static str = "inviter";
}

#[test]
fn an_alias_joins_a_table_to_itself() {
    use pg::users;
    let inviter = alias(users::table, Inviter);
    let query = select((users::name, inviter.col(users::name)))
        .from(users::table)
        .left_join(inviter, inviter.col(users::id).eq(users::age))
        .filter(inviter.col(users::name).like("A%"));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name", "inviter"."name" FROM "users" LEFT JOIN "users" AS "inviter" ON "inviter"."id" = "users"."age" WHERE "inviter"."name" LIKE $1"#,
        &[text("A%")],
    );
}

#[test]
fn group_by_and_having_with_aggregates() {
    use lite::{posts, users};
    let query = select((users::name, count(posts::id)))
        .from(users::table)
        .inner_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::name)
        .having(count(posts::id).gt(2i64));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name", count("posts"."id") FROM "users" INNER JOIN "posts" ON "posts"."author_id" = "users"."id" GROUP BY "users"."name" HAVING count("posts"."id") > ?"#,
        &[Value::I64(2)],
    );
}

#[test]
fn order_by_nulls_first_and_last_is_emulated_on_mysql() {
    assert_sql(
        select(pg::users::id)
            .from(pg::users::table)
            .order_by((pg::users::age.desc().nulls_last(), pg::users::name.asc().nulls_first()))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" ORDER BY "users"."age" DESC NULLS LAST, "users"."name" ASC NULLS FIRST"#,
        &[],
    );
    assert_sql(
        select(lite::users::id)
            .from(lite::users::table)
            .order_by(lite::users::age.asc().nulls_last())
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" ORDER BY "users"."age" ASC NULLS LAST"#,
        &[],
    );
    assert_sql(
        select(my::users::id).from(my::users::table).order_by((my::users::age.desc().nulls_last(), my::users::name.asc().nulls_first())).to_sql(),
        "SELECT `users`.`id` FROM `users` ORDER BY `users`.`age` IS NULL ASC, `users`.`age` DESC, `users`.`name` IS NULL DESC, `users`.`name` ASC",
        &[],
    );
}

#[test]
fn limit_and_offset_are_literals_and_offset_alone_gets_the_limit_each_dialect_needs() {
    assert_sql(
        select(pg::users::id)
            .from(pg::users::table)
            .limit(10)
            .offset(20)
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" LIMIT 10 OFFSET 20"#,
        &[],
    );
    assert_sql(
        select(pg::users::id).from(pg::users::table).offset(5).to_sql(),
        r#"SELECT "users"."id" FROM "users" OFFSET 5"#,
        &[],
    );
    assert_sql(
        select(lite::users::id).from(lite::users::table).offset(5).to_sql(),
        r#"SELECT "users"."id" FROM "users" LIMIT -1 OFFSET 5"#,
        &[],
    );
    assert_sql(
        select(my::users::id).from(my::users::table).offset(5).to_sql(),
        "SELECT `users`.`id` FROM `users` LIMIT 18446744073709551615 OFFSET 5",
        &[],
    );
}

#[test]
fn subqueries_in_select_lists_and_predicates() {
    use lite::{posts, users};
    let most_likes = select(max(posts::likes))
        .from(posts::table)
        .filter(posts::title.like("%rust%"))
        .scalar();
    let authors = select(posts::author_id).from(posts::table).filter(posts::likes.gt(10));
    let query = select((users::name, most_likes))
        .from(users::table)
        .filter(users::id.in_subquery(authors))
        .filter(exists(select(count_star()).from(posts::table)));
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name", (SELECT max("posts"."likes") FROM "posts" WHERE "posts"."title" LIKE ?) FROM "users" WHERE ("users"."id" IN (SELECT "posts"."author_id" FROM "posts" WHERE "posts"."likes" > ?) AND EXISTS (SELECT count(*) FROM "posts"))"#,
        &[text("%rust%"), Value::I64(10)],
    );
}

#[test]
fn correlated_subqueries_read_the_enclosing_querys_table_without_naming_it_in_from() {
    use pg::{posts, users};
    let post_count = select(count(posts::id))
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::author_id.eq(users::id))
        .scalar();
    let wrote = select(posts::id)
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::author_id.eq(users::id).and(posts::likes.gt(6)));
    assert_sql(
        select((users::name, post_count))
            .from(users::table)
            .filter(exists(wrote))
            .to_sql(),
        r#"SELECT "users"."name", (SELECT count("posts"."id") FROM "posts" WHERE "posts"."author_id" = "users"."id") FROM "users" WHERE EXISTS (SELECT "posts"."id" FROM "posts" WHERE ("posts"."author_id" = "users"."id" AND "posts"."likes" > $1))"#,
        &[Value::I32(6)],
    );
    let liked = select(posts::author_id)
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::likes.gt(users::id));
    assert_sql(
        mizzle_dsl::query::delete(users::table)
            .filter(users::id.not_in_subquery(liked))
            .to_sql(),
        r#"DELETE FROM "users" WHERE "id" NOT IN (SELECT "posts"."author_id" FROM "posts" WHERE "posts"."likes" > "users"."id")"#,
        &[],
    );
}

#[derive(Debug, Clone, Copy, Default)]
struct Popular;
impl AliasName for Popular {
    const NAME: &'static str = "popular";
}

#[test]
fn a_subquery_in_from_exposes_its_selected_columns() {
    use lite::{posts, users};
    let popular = select((posts::author_id, posts::likes))
        .from(posts::table)
        .filter(posts::likes.gt(5))
        .aliased(Popular);
    let (author, likes) = (popular.field(posts::author_id), popular.field(posts::likes));
    let query = select((users::name, likes))
        .from(popular)
        .inner_join(users::table, users::id.eq(author))
        .order_by(likes.desc());
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name", "popular"."likes" FROM (SELECT "posts"."author_id", "posts"."likes" FROM "posts" WHERE "posts"."likes" > ?) AS "popular" INNER JOIN "users" ON "users"."id" = "popular"."author_id" ORDER BY "popular"."likes" DESC"#,
        &[Value::I64(5)],
    );
}

#[test]
fn mysql_reads_back_the_row_it_inserted_last() {
    use mizzle_dsl::expr::last_insert_id;
    use my::users;
    assert_sql(
        from(users::table).filter(users::id.eq(last_insert_id())).to_sql(),
        "SELECT `users`.`id`, `users`.`name`, `users`.`email`, `users`.`age` FROM `users` WHERE `users`.`id` = LAST_INSERT_ID()",
        &[],
    );
}

#[test]
fn a_prepared_statement_numbers_its_named_parameters_in_place() {
    use mizzle_dsl::query::{params, placeholder};
    let by_name = select(pg::users::id)
        .from(pg::users::table)
        .filter(
            pg::users::name
                .eq(placeholder("name"))
                .and(pg::users::age.gt(18))
                .or(pg::users::email.eq(placeholder("name"))),
        )
        .prepare()
        .unwrap();
    assert_eq!(
        by_name.sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (("users"."name" = $1 AND "users"."age" > $2) OR "users"."email" = $3)"#
    );
    let bound = by_name.bind(&params().set("name", "Ada")).unwrap();
    assert_eq!(bound.binds, [text("Ada"), Value::I32(18), text("Ada")]);
}

#[test]
fn distinct_orders_by_selected_expressions_of_a_tuple_or_a_whole_row() {
    use mizzle_dsl::query::from;
    use pg::users;
    assert_sql(
        select((users::id, users::name))
            .from(users::table)
            .distinct()
            .order_by((users::name.desc(), users::id))
            .to_sql(),
        r#"SELECT DISTINCT "users"."id", "users"."name" FROM "users" ORDER BY "users"."name" DESC, "users"."id""#,
        &[],
    );
    let query = from(users::table).distinct().order_by(users::age);
    let whole = query.to_sql().unwrap();
    assert!(
        whole.sql.starts_with("SELECT DISTINCT \"users\".\"id\""),
        "{}",
        whole.sql
    );
    assert!(whole.sql.ends_with("ORDER BY \"users\".\"age\""), "{}", whole.sql);
}

#[test]
fn predicates_chosen_at_run_time_keep_their_columns_checked() {
    use lite::users;
    use mizzle_dsl::expr::{all_of, any_of, maybe};
    let by_name = |name: Option<&'static str>| {
        select(users::id)
            .from(users::table)
            .filter(maybe(name.map(|n| users::name.eq(n))))
    };
    assert_sql(
        by_name(Some("Ada")).to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE "users"."name" = ?"#,
        &[text("Ada")],
    );
    assert_sql(
        by_name(None).to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (1 = 1)"#,
        &[],
    );
    let names = ["Ada", "Grace"];
    let wanted: Vec<i64> = vec![1];
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(any_of(names.iter().map(|n| users::name.eq(*n))))
            .filter(all_of(wanted.iter().map(|id| users::id.gt(*id))))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (("users"."name" = ? OR "users"."name" = ?) AND "users"."id" > ?)"#,
        &[text("Ada"), text("Grace"), Value::I64(1)],
    );
    let none: Vec<i64> = Vec::new();
    assert_sql(
        select(users::id)
            .from(users::table)
            .filter(any_of(none.iter().map(|id| users::id.eq(*id))))
            .to_sql(),
        r#"SELECT "users"."id" FROM "users" WHERE (1 = 0)"#,
        &[],
    );
}

#[test]
fn limit_and_offset_take_placeholders_in_a_prepared_select() {
    use mizzle_dsl::query::{params, placeholder};
    use pg::users;
    let page = select(users::name)
        .from(users::table)
        .order_by(users::id)
        .limit(placeholder("size"))
        .offset(placeholder("skip"));
    let prepared = page.prepare().unwrap();
    assert_eq!(
        prepared.sql(),
        r#"SELECT "users"."name" FROM "users" ORDER BY "users"."id" LIMIT $1 OFFSET $2"#
    );
    let bound = prepared.bind(&params().set("size", 10i64).set("skip", 20i64)).unwrap();
    assert_eq!(bound.binds, [Value::I64(10), Value::I64(20)]);
    let negative = prepared
        .bind(&params().set("size", -1i64).set("skip", 0i64))
        .unwrap_err();
    assert!(negative.to_string().contains("size"), "{negative}");
}

#[test]
fn filters_and_order_built_at_run_time_from_boxed_terms() {
    use mizzle_dsl::expr::{all_of, boxed, boxed_order};
    use pg::users;
    let search = |name: Option<&'static str>, min_age: Option<i32>, sort: &[(&str, bool)]| {
        let mut filters = Vec::new();
        if let Some(name) = name {
            filters.push(boxed(users::name.like(name)));
        }
        if let Some(age) = min_age {
            filters.push(boxed(users::age.ge(age)));
        }
        let mut order = Vec::new();
        for (column, descending) in sort {
            order.push(match (*column, *descending) {
                ("name", false) => boxed_order(users::name.asc()),
                ("name", true) => boxed_order(users::name.desc()),
                (_, false) => boxed_order(users::id.asc()),
                (_, true) => boxed_order(users::id.desc()),
            });
        }
        select(users::name)
            .from(users::table)
            .filter(all_of(filters))
            .order_by(order)
            .limit(10)
    };
    let query = search(Some("A%"), Some(18), &[("name", true), ("id", false)]);
    assert_sql(
        query.to_sql(),
        r#"SELECT "users"."name" FROM "users" WHERE ("users"."name" LIKE $1 AND "users"."age" >= $2) ORDER BY "users"."name" DESC, "users"."id" ASC LIMIT 10"#,
        &[text("A%"), Value::I32(18)],
    );
    let everything = search(None, None, &[]);
    assert_sql(
        everything.to_sql(),
        r#"SELECT "users"."name" FROM "users" WHERE (1 = 1) LIMIT 10"#,
        &[],
    );
}
