//! The same scenarios on every backend: `scenarios!` writes one module of tests per
//! database from a schema module and a connect function.

mod batches;
mod connecting;
mod constraints;
mod ddl_safety;
mod dropped_queries;
mod floats;
mod json;
mod mysql;
mod mysql_faults;
mod pg;
mod pg_decoding;
mod pg_faults;
mod pg_types;
mod pool;
mod query_cache;
mod relations;
mod replicas;
mod row_locks;
mod row_security;
mod schema;
mod search;
mod set_operations_all;
mod spans;
mod transactions;
mod validation;
mod vectors;
mod window_frames;
mod writing_ctes;

/// Writes the shared scenarios for one backend. `$db` is its database type, `$schema` the
/// module with `users`, `posts` and `ddl()`, `$connect` the support function that opens a
/// fresh database for a test.
macro_rules! scenarios {
    ($module:ident, $db:ty, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{count, exists, from, insert, max, select, update, DbErrorKind};
            use $schema::{ddl, posts, users};

            async fn open(test: &str) -> Option<$db> {
                $connect(&format!("{}_{test}", stringify!($module)), &ddl()).await
            }

            /// Ada wrote two posts and manages Grace, who wrote none.
            async fn seed(db: &$db) {
                insert(users::table)
                    .values((users::name.to("Ada"), users::email.to("ada@example.com")))
                    .execute(db)
                    .await
                    .unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(db)
                    .await
                    .unwrap()
                    .unwrap();
                insert(users::table)
                    .values((users::name.to("Grace"), users::manager_id.to(ada)))
                    .execute(db)
                    .await
                    .unwrap();
                insert(posts::table)
                    .values(vec![
                        (
                            posts::author_id.to(ada),
                            posts::title.to("Engines"),
                            posts::likes.to(5),
                        ),
                        (
                            posts::author_id.to(ada),
                            posts::title.to("Numbers"),
                            posts::likes.to(9),
                        ),
                    ])
                    .execute(db)
                    .await
                    .unwrap();
            }

            #[tokio::test]
            async fn integer_expressions_of_different_types_compare() {
                let Some(db) = open("integer_kinds").await else {
                    return;
                };
                seed(&db).await;
                // count(..) is a bigint, the key an integer (or bigint unsigned on MySQL).
                let busier_than_their_id = select(users::name)
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .group_by((users::id, users::name))
                    .having(count(posts::id).gt(users::id))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(busier_than_their_id, ["Ada"]);
            }

            #[tokio::test]
            async fn distinct_from_treats_null_as_a_value() {
                let Some(db) = open("distinct_from").await else {
                    return;
                };
                seed(&db).await;
                let no_email = select(users::name)
                    .from(users::table)
                    .filter(users::email.is_not_distinct_from(None::<&str>))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(no_email, ["Grace"]);
                let adas = select(users::name)
                    .from(users::table)
                    .filter(users::email.is_not_distinct_from(Some("ada@example.com")))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(adas, ["Ada"]);
                let others = select(users::name)
                    .from(users::table)
                    .filter(users::email.is_distinct_from(Some("ada@example.com")))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(others, ["Grace"]);
            }

            #[tokio::test]
            async fn a_querys_rows_are_described_written_as_json_and_checked() {
                use mizzle::validate::{Code, RowShape, RowValidator};
                use serde_json::{json, Value};
                let Some(db) = open("row_shapes").await else {
                    return;
                };
                seed(&db).await;
                let query = select((
                    users::id,
                    users::name,
                    users::email,
                    posts::table.row(),
                    posts::likes.as_("likes"),
                ))
                .from(users::table)
                .left_join(posts::table, posts::author_id.eq(users::id))
                .order_by((users::id, posts::id));
                let shape = RowShape::of(&query);
                let names: Vec<&str> = shape.members().iter().map(|(name, _)| name.as_str()).collect();
                assert_eq!(names, ["id", "name", "email", "posts", "likes"]);
                let validator = RowValidator::of(&query);
                let rows = query.all(&db).await.unwrap();
                let objects: Vec<Value> = rows.iter().map(|row| Value::Object(shape.to_json(row))).collect();
                for object in &objects {
                    validator.validate(object).unwrap();
                }
                assert_eq!(objects[0]["posts"]["title"], "Engines");
                assert_eq!(objects[0]["likes"], 5);
                // Grace wrote nothing: her joined post is null, and so is its likes.
                assert_eq!(
                    (&objects[2]["name"], &objects[2]["posts"], &objects[2]["likes"]),
                    (&json!("Grace"), &Value::Null, &Value::Null)
                );
                let mut wrong = objects[0].clone();
                wrong["name"] = Value::Null;
                wrong["posts"]["likes"] = json!("many");
                wrong["extra"] = json!(1);
                let errors = validator.validate(&wrong).unwrap_err();
                let codes: Vec<(&str, Code)> = errors.errors().iter().map(|e| (e.pointer.as_str(), e.code)).collect();
                assert_eq!(
                    codes,
                    [("/extra", Code::UnknownField), ("/name", Code::Null), ("/posts/likes", Code::Type)]
                );
                let schema = validator.json_schema();
                assert_eq!(schema["required"], json!(["id", "name", "email", "posts", "likes"]));
                assert_eq!(schema["properties"]["posts"]["anyOf"][1], json!({"type": "null"}));
            }

            #[tokio::test]
            async fn insert_select_update_delete() {
                let Some(db) = open("crud").await else { return };
                seed(&db).await;
                let users = from(users::table).order_by(users::name).all(&db).await.unwrap();
                assert_eq!(
                    users
                        .iter()
                        .map(|u| (u.name.as_str(), u.email.as_deref()))
                        .collect::<Vec<_>>(),
                    [("Ada", Some("ada@example.com")), ("Grace", None)]
                );
                assert_eq!(users[1].manager_id, Some(users[0].id));
                let changed = update(posts::table)
                    .set(posts::likes.to(posts::likes.add(1)))
                    .filter(posts::likes.gt(6))
                    .execute(&db)
                    .await
                    .unwrap();
                assert_eq!(changed, 1);
                let likes = select(posts::likes)
                    .from(posts::table)
                    .order_by(posts::likes)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(likes, [5, 10]);
                let deleted = mizzle::delete(posts::table)
                    .filter(posts::title.eq("Engines"))
                    .execute(&db)
                    .await
                    .unwrap();
                assert_eq!(deleted, 1);
                assert_eq!(
                    select(count(posts::id))
                        .from(posts::table)
                        .get(&db)
                        .await
                        .unwrap(),
                    Some(1)
                );
                assert_eq!(
                    select(users::name)
                        .from(users::table)
                        .filter(users::name.eq("Nobody"))
                        .get(&db)
                        .await
                        .unwrap(),
                    None
                );
            }

            #[tokio::test]
            async fn joins_decode_missing_sides_as_none() {
                let Some(db) = open("joins").await else { return };
                seed(&db).await;
                let left = select((users::name, posts::title))
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .order_by((users::name, posts::title))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    left,
                    [
                        ("Ada".to_owned(), Some("Engines".to_owned())),
                        ("Ada".to_owned(), Some("Numbers".to_owned())),
                        ("Grace".to_owned(), None)
                    ]
                );
                let right = select((users::name, posts::title))
                    .from(posts::table)
                    .right_join(users::table, posts::author_id.eq(users::id))
                    .filter(users::name.eq("Grace"))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(right, [("Grace".to_owned(), None)]);
                let inner = select(count(posts::id))
                    .from(users::table)
                    .inner_join(posts::table, posts::author_id.eq(users::id))
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(inner, Some(2));
                let pairs = select(count(users::id))
                    .from(users::table)
                    .cross_join(posts::table)
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(pairs, Some(4));
                let whole = select((users::name, posts::table.row()))
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .filter(users::name.eq("Grace"))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(whole, [("Grace".to_owned(), None)]);
            }

            #[tokio::test]
            async fn aggregates_group_and_filter() {
                let Some(db) = open("aggregates").await else {
                    return;
                };
                seed(&db).await;
                let rows = select((users::name, count(posts::id), max(posts::likes)))
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .group_by(users::name)
                    .having(count(posts::id).ge(0i64))
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    rows,
                    [("Ada".to_owned(), 2, Some(9)), ("Grace".to_owned(), 0, None)]
                );
            }

            #[tokio::test]
            async fn grouping_by_a_primary_key_reads_the_rest_of_its_row() {
                let Some(db) = open("grouped_by_key").await else {
                    return;
                };
                seed(&db).await;
                // `name` and the whole row depend on the grouped key `users::id`.
                let rows = select((users::name, users::table.row(), count(posts::id)))
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .group_by(users::id)
                    .order_by(users::id)
                    .all(&db)
                    .await
                    .unwrap();
                let summary: Vec<(String, Option<String>, i64)> = rows
                    .into_iter()
                    .map(|(name, user, posts)| (name, user.email, posts))
                    .collect();
                assert_eq!(
                    summary,
                    [
                        ("Ada".to_owned(), Some("ada@example.com".to_owned()), 2),
                        ("Grace".to_owned(), None, 0)
                    ]
                );
                // Aggregates alone need no GROUP BY.
                let totals = select((count(posts::id), max(posts::likes)))
                    .from(posts::table)
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(totals, Some((2, Some(9))));
            }

            #[tokio::test]
            async fn subqueries_filter_and_compute() {
                let Some(db) = open("subqueries").await else {
                    return;
                };
                seed(&db).await;
                let authors = select(posts::author_id)
                    .from(posts::table)
                    .filter(posts::likes.gt(6));
                let best = select(max(posts::likes)).from(posts::table).scalar();
                let rows = select((users::name, best))
                    .from(users::table)
                    .filter(users::id.in_subquery(authors))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(rows, [("Ada".to_owned(), Some(9))]);
                let idle = select(users::name)
                    .from(users::table)
                    .filter(users::id.not_in_subquery(select(posts::author_id).from(posts::table)))
                    .filter(exists(select(posts::id).from(posts::table)))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(idle, ["Grace".to_owned()]);
            }

            #[derive(Debug, Clone, Copy, Default)]
            struct Manager;
            impl mizzle::schema::AliasName for Manager {
                const NAME: &'static str = "manager";
            }

            #[derive(Debug, Clone, Copy, Default)]
            struct Liked;
            impl mizzle::schema::AliasName for Liked {
                const NAME: &'static str = "liked";
            }

            #[tokio::test]
            async fn aliases_and_subquery_sources() {
                let Some(db) = open("aliases").await else { return };
                seed(&db).await;
                let manager = mizzle::schema::alias(users::table, Manager);
                let managed = select((users::name, manager.col(users::name)))
                    .from(users::table)
                    .inner_join(manager, manager.col(users::id).eq(users::manager_id))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(managed, [("Grace".to_owned(), "Ada".to_owned())]);
                let liked = select((posts::author_id, posts::title))
                    .from(posts::table)
                    .filter(posts::likes.gt(6))
                    .aliased(Liked);
                let (author, title) = (liked.field(posts::author_id), liked.field(posts::title));
                let rows = select((users::name, title))
                    .from(liked)
                    .inner_join(users::table, users::id.eq(author))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(rows, [("Ada".to_owned(), "Numbers".to_owned())]);
            }

            #[tokio::test]
            async fn predicates_chosen_at_run_time_filter_or_keep_every_row() {
                let Some(db) = open("dynamic").await else { return };
                seed(&db).await;
                let named = |name: Option<&'static str>| {
                    select(users::name)
                        .from(users::table)
                        .filter(mizzle::maybe(name.map(|n| users::name.eq(n))))
                };
                assert_eq!(named(Some("Ada")).all(&db).await.unwrap(), ["Ada"]);
                assert_eq!(
                    named(None).order_by(users::name).all(&db).await.unwrap(),
                    ["Ada", "Grace"]
                );
                let wanted = ["Grace", "Linus"];
                let some = select(users::name)
                    .from(users::table)
                    .filter(mizzle::any_of(wanted.iter().map(|n| users::name.eq(*n))))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(some, ["Grace"]);
                let nobody: Vec<&str> = Vec::new();
                let none = select(users::name)
                    .from(users::table)
                    .filter(mizzle::any_of(nobody.iter().map(|n| users::name.eq(*n))))
                    .all(&db)
                    .await
                    .unwrap();
                assert!(none.is_empty());
                // Filters and order chosen in a loop, each checked when boxed.
                let search = |email: Option<bool>, sort_desc: Option<bool>| {
                    let mut filters = Vec::new();
                    match email {
                        Some(true) => filters.push(mizzle::boxed(users::email.is_not_null())),
                        Some(false) => filters.push(mizzle::boxed(users::email.is_null())),
                        None => {}
                    }
                    filters.push(mizzle::boxed(users::name.ne("Nobody")));
                    let mut order = Vec::new();
                    if let Some(descending) = sort_desc {
                        order.push(if descending {
                            mizzle::boxed_order(users::name.desc())
                        } else {
                            mizzle::boxed_order(users::name.asc())
                        });
                    }
                    select(users::name)
                        .from(users::table)
                        .filter(mizzle::all_of(filters))
                        .order_by(order)
                };
                assert_eq!(search(Some(false), None).all(&db).await.unwrap(), ["Grace"]);
                assert_eq!(search(None, Some(true)).all(&db).await.unwrap(), ["Grace", "Ada"]);
                assert_eq!(search(Some(true), Some(false)).all(&db).await.unwrap(), ["Ada"]);
            }

            #[tokio::test]
            async fn union_intersect_and_except_combine_rows_of_the_same_shape() {
                let Some(db) = open("set_operations").await else {
                    return;
                };
                seed(&db).await;
                let names = || select(users::name).from(users::table);
                let titles = || select(posts::title).from(posts::table);
                let both = names()
                    .union(titles())
                    .order_by(users::name.desc())
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(both, ["Numbers", "Grace", "Engines", "Ada"]);
                let twice = names()
                    .union_all(names().filter(users::name.eq("Ada")))
                    .order_by(users::name)
                    .limit(2)
                    .offset(1)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(twice, ["Ada", "Grace"]);
                let authors = select(users::id)
                    .from(users::table)
                    .intersect(select(posts::author_id).from(posts::table))
                    .all(&db)
                    .await
                    .unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(authors, ada);
                let wrote_nothing = names()
                    .except(names().inner_join(posts::table, posts::author_id.eq(users::id)))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(wrote_nothing, ["Grace"]);
                // Read left to right: (names UNION titles) INTERSECT Grace.
                let grace = names()
                    .union(titles())
                    .intersect(names().filter(users::name.eq("Grace")))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(grace, ["Grace"]);
                // A set operation on the right is nested: names EXCEPT (Ada UNION Grace).
                let nobody = names()
                    .except(
                        names()
                            .filter(users::name.eq("Ada"))
                            .union(names().filter(users::name.eq("Grace"))),
                    )
                    .all(&db)
                    .await
                    .unwrap();
                assert!(nobody.is_empty());
                // Operands that sort and limit their own rows.
                let firsts = names()
                    .order_by(users::name)
                    .limit(1)
                    .union(titles().order_by(posts::likes.desc()).limit(1))
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(firsts, ["Ada", "Numbers"]);
                // A nullable column beside a NOT NULL one read as nullable.
                let mut emails_and_names = select(users::email)
                    .from(users::table)
                    .union(select(users::name.nullable()).from(users::table))
                    .order_by(users::email.asc().nulls_last())
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(emails_and_names.pop(), Some(None));
                emails_and_names.sort();
                assert_eq!(
                    emails_and_names,
                    [
                        Some("Ada".to_owned()),
                        Some("Grace".to_owned()),
                        Some("ada@example.com".to_owned()),
                    ]
                );
                // As an IN subquery, with parameters on both sides.
                let liked_or_managed = select(users::name)
                    .from(users::table)
                    .filter(
                        users::id.in_subquery(
                            select(posts::author_id)
                                .from(posts::table)
                                .filter(posts::likes.gt(100))
                                .union(
                                    select(users::id)
                                        .from(users::table)
                                        .filter(users::manager_id.is_not_null()),
                                ),
                        ),
                    )
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(liked_or_managed, ["Grace"]);
            }

            #[tokio::test]
            async fn window_functions_rank_number_and_sum_rows_of_their_window() {
                use mizzle::window::{lag, ntile, percent_rank, rank, row_number, window, FrameBound};
                let Some(db) = open("windows").await else { return };
                seed(&db).await;
                let by_likes = || {
                    window()
                        .partition_by(posts::author_id)
                        .order_by(posts::likes.desc())
                };
                let running = window()
                    .order_by(posts::likes)
                    .rows(FrameBound::UnboundedPreceding, FrameBound::CurrentRow);
                let rows = select((
                    posts::title,
                    row_number().over(by_likes()),
                    rank().over(by_likes()),
                    ntile(2).over(by_likes()),
                    percent_rank().over(by_likes()),
                    mizzle::sum(posts::likes)
                        .over(running)
                        .cast::<mizzle::types::BigInt>(),
                    lag(posts::title).over(window().order_by(posts::likes)),
                ))
                .from(posts::table)
                .order_by(posts::likes)
                .all(&db)
                .await
                .unwrap();
                assert_eq!(
                    rows,
                    [
                        ("Engines".to_owned(), 2, 2, 2, 1.0, Some(5), None),
                        (
                            "Numbers".to_owned(),
                            1,
                            1,
                            1,
                            0.0,
                            Some(14),
                            Some("Engines".to_owned()),
                        ),
                    ]
                );
                // Ranked by an aggregate of the query's groups.
                let ranked = select((
                    users::name,
                    count(posts::id),
                    rank().over(window().order_by(count(posts::id).desc())),
                ))
                .from(users::table)
                .left_join(posts::table, posts::author_id.eq(users::id))
                .group_by(users::id)
                .order_by(users::name)
                .all(&db)
                .await
                .unwrap();
                assert_eq!(ranked, [("Ada".to_owned(), 2, 1), ("Grace".to_owned(), 0, 2)]);
                // A named window, declared once and read by two functions.
                let by_likes = mizzle::window::named_window("by_likes", window().order_by(posts::likes.desc()));
                let named: Vec<(String, i64, i64)> = select((
                    posts::title,
                    row_number().over_named(&by_likes),
                    rank().over_named(&by_likes),
                ))
                .from(posts::table)
                .window(&by_likes)
                .order_by(posts::likes)
                .all(&db)
                .await
                .unwrap();
                assert_eq!(
                    named,
                    [("Engines".to_owned(), 2, 2), ("Numbers".to_owned(), 1, 1)]
                );
            }

            #[derive(Debug, Clone, Copy, Default)]
            struct Chain;
            impl mizzle::schema::AliasName for Chain {
                const NAME: &'static str = "chain";
            }

            #[tokio::test]
            async fn named_and_recursive_queries_feed_selects_and_inserts() {
                use mizzle::{cte, recursive_cte, with};
                let Some(db) = open("ctes").await else { return };
                seed(&db).await;
                let liked = cte(
                    Liked,
                    select((posts::author_id, posts::title))
                        .from(posts::table)
                        .filter(posts::likes.gt(6)),
                );
                let (author, title) = (liked.field(posts::author_id), liked.field(posts::title));
                let query = select((users::name, title))
                    .from(liked.source())
                    .inner_join(users::table, users::id.eq(author));
                let rows = with(liked, query).all(&db).await.unwrap();
                assert_eq!(rows, [("Ada".to_owned(), "Numbers".to_owned())]);

                // Grace's chain of managers: Grace, then Ada.
                let managers = || {
                    recursive_cte(
                        Chain,
                        select((users::id, users::name, users::manager_id))
                            .from(users::table)
                            .filter(users::name.eq("Grace")),
                        |chain| {
                            select((users::id, users::name, users::manager_id))
                                .from(chain)
                                .inner_join(users::table, users::id.eq(chain.field(users::manager_id)))
                        },
                    )
                };
                let chain = managers();
                let names = chain.field(users::name);
                let walk = with(chain, select(names).from(chain.source()).order_by(names.desc()))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(walk, ["Grace", "Ada"]);

                // Ada managed by Grace makes a cycle; UNION stops at the rows seen before.
                update(users::table)
                    .set(users::manager_id.to(users::id.add(1)))
                    .filter(users::name.eq("Ada"))
                    .execute(&db)
                    .await
                    .unwrap();
                let cycle = managers().union_distinct();
                let ids = cycle.field(users::id);
                let seen = with(cycle, select(count(ids)).from(cycle.source()))
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(seen, Some(2));

                // INSERT … SELECT from a named query (the WITH inside the SELECT).
                let titles = cte(Liked, select(posts::title).from(posts::table));
                let title = titles.field(posts::title);
                insert(users::table)
                    .select(users::name, with(titles, select(title).from(titles.source())))
                    .execute(&db)
                    .await
                    .unwrap();
                let everyone = select(users::name)
                    .from(users::table)
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(everyone, ["Ada", "Engines", "Grace", "Numbers"]);
            }

            #[tokio::test]
            async fn a_query_joins_an_aggregated_subquery() {
                let Some(db) = open("derived_join").await else {
                    return;
                };
                seed(&db).await;
                let counts = select((posts::author_id, count(posts::id)))
                    .from(posts::table)
                    .group_by(posts::author_id)
                    .aliased(Liked);
                let author = counts.field(posts::author_id);
                let rows = select((users::name, author))
                    .from(users::table)
                    .left_join(counts, author.eq(users::id))
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(rows, [("Ada".to_owned(), ada), ("Grace".to_owned(), None)]);
                // A computed column of the subquery, read by the name it was given.
                let post_count = count(posts::id).as_("post_count");
                let counts = select((posts::author_id, post_count))
                    .from(posts::table)
                    .group_by(posts::author_id)
                    .aliased(Liked);
                let (author, total) = (counts.field(posts::author_id), counts.named(&post_count));
                let busy: Vec<(String, i64)> = select((users::name, total))
                    .from(users::table)
                    .inner_join(counts, author.eq(users::id))
                    .filter(total.gt(1))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(busy, [("Ada".to_owned(), 2)]);
            }

            #[tokio::test]
            async fn filtered_distinct_and_collecting_aggregates() {
                use mizzle::{count_rows, count_star, json_agg, string_agg, sum_distinct};
                let Some(db) = open("aggregates_more").await else {
                    return;
                };
                seed(&db).await;
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                insert(posts::table)
                    .values((
                        posts::author_id.to(ada),
                        posts::title.to("Again"),
                        posts::likes.to(9),
                    ))
                    .execute(&db)
                    .await
                    .unwrap();
                let row = select((
                    count(posts::id).filter(posts::likes.gt(6)),
                    count_star().filter(posts::title.like("E%")),
                    sum_distinct(posts::likes).cast::<mizzle::types::BigInt>(),
                    string_agg(posts::title, ", ").order_by(posts::title),
                    json_agg(posts::title).order_by((posts::likes.desc(), posts::title)),
                ))
                .from(posts::table)
                .get(&db)
                .await
                .unwrap();
                assert_eq!(
                    row,
                    Some((
                        2,
                        1,
                        Some(14),
                        Some("Again, Engines, Numbers".to_owned()),
                        Some(["Again", "Numbers", "Engines"].map(str::to_owned).to_vec()),
                    ))
                );
                let authors = count_rows(select(posts::author_id).from(posts::table).distinct())
                    .get(&db)
                    .await
                    .unwrap();
                assert_eq!(authors, Some(1));
            }

            #[tokio::test]
            async fn an_update_takes_values_from_another_table() {
                let Some(db) = open("update_from").await else {
                    return;
                };
                seed(&db).await;
                let changed = update(users::table)
                    .from(posts::table)
                    .set(users::email.to(posts::title))
                    .filter(posts::author_id.eq(users::id).and(posts::likes.gt(6)))
                    .execute(&db)
                    .await
                    .unwrap();
                assert_eq!(changed, 1);
                let emails = select((users::name, users::email))
                    .from(users::table)
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    emails,
                    [
                        ("Ada".to_owned(), Some("Numbers".to_owned())),
                        ("Grace".to_owned(), None)
                    ]
                );
            }

            #[tokio::test]
            async fn raw_sql_of_an_outer_joined_table_decodes_as_an_option() {
                let Some(db) = open("raw_outer").await else { return };
                seed(&db).await;
                let shouted = mizzle::sql::<mizzle::types::Text>("upper(")
                    .column(posts::title)
                    .text(")");
                let rows = select((users::name, shouted))
                    .from(users::table)
                    .left_join(
                        posts::table,
                        posts::author_id.eq(users::id).and(posts::likes.gt(6)),
                    )
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    rows,
                    [
                        ("Ada".to_owned(), Some("NUMBERS".to_owned())),
                        ("Grace".to_owned(), None)
                    ]
                );
            }

            #[tokio::test]
            async fn an_optional_group_of_an_outer_join_is_one_option() {
                let Some(db) = open("optional_group").await else {
                    return;
                };
                seed(&db).await;
                let rows = select((users::name, mizzle::optional((posts::title, posts::likes))))
                    .from(users::table)
                    .left_join(
                        posts::table,
                        posts::author_id.eq(users::id).and(posts::likes.gt(6)),
                    )
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    rows,
                    [
                        ("Ada".to_owned(), Some(("Numbers".to_owned(), 9))),
                        ("Grace".to_owned(), None)
                    ]
                );
            }

            #[tokio::test]
            async fn correlated_subqueries_read_the_enclosing_row() {
                let Some(db) = open("correlated").await else {
                    return;
                };
                seed(&db).await;
                let post_count = select(count(posts::id))
                    .from(posts::table)
                    .correlated(users::table)
                    .filter(posts::author_id.eq(users::id))
                    .scalar();
                let counts = select((users::name, post_count))
                    .from(users::table)
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    counts,
                    [("Ada".to_owned(), Some(2)), ("Grace".to_owned(), Some(0))]
                );
                let wrote_a_liked_post = exists(
                    select(posts::id)
                        .from(posts::table)
                        .correlated(users::table)
                        .filter(posts::author_id.eq(users::id).and(posts::likes.gt(6))),
                );
                let names = select(users::name)
                    .from(users::table)
                    .filter(wrote_a_liked_post)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(names, ["Ada"]);
            }

            #[tokio::test]
            async fn filters_and_inner_joins_narrow_nullable_columns() {
                let Some(db) = open("narrowing").await else { return };
                seed(&db).await;
                // `email` is nullable; once filtered IS NOT NULL it decodes as a String.
                let emails: Vec<(String, String)> = select((users::name, users::email))
                    .from(users::table)
                    .filter(users::name.ne("").and(users::email.is_not_null()))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(emails, [("Ada".to_owned(), "ada@example.com".to_owned())]);
                // An OR proves neither side: the column stays an Option.
                let either: Vec<Option<String>> = select(users::email)
                    .from(users::table)
                    .filter(mizzle::or(users::email.is_not_null(), users::name.eq("Grace")))
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(either, [Some("ada@example.com".to_owned()), None]);
                // A left-joined row whose key is proven present is a plain value, columns and row.
                let titles: Vec<(String, String)> = select((users::name, posts::title))
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .filter(posts::id.is_not_null())
                    .order_by(posts::title)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    titles,
                    [
                        ("Ada".to_owned(), "Engines".to_owned()),
                        ("Ada".to_owned(), "Numbers".to_owned())
                    ]
                );
                let rows: Vec<posts::Row> = select(posts::table.row())
                    .from(users::table)
                    .left_join(posts::table, posts::author_id.eq(users::id))
                    .filter(posts::id.is_not_null())
                    .order_by(posts::title)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(rows.iter().map(|row| row.likes).collect::<Vec<_>>(), [5, 9]);
                // An inner join's `=` proves the nullable `manager_id` present.
                let manager = mizzle::schema::alias(users::table, Manager);
                let managed = select((users::name, users::manager_id))
                    .from(users::table)
                    .inner_join(manager, manager.col(users::id).eq(users::manager_id))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(managed.len(), 1);
                // `+ 0` compiles only on a plain integer, not on an Option.
                assert!(managed[0].1 + 0 > 0);
            }

            #[tokio::test]
            async fn insert_records_leave_defaults_to_the_database() {
                let Some(db) = open("records").await else { return };
                let record = users::New {
                    id: None,
                    name: "Ada".into(),
                    email: None,
                    manager_id: None,
                };
                insert(users::table).values(record).execute(&db).await.unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                let posts = vec![
                    posts::New {
                        id: None,
                        author_id: ada,
                        title: "a".into(),
                        likes: None,
                    },
                    posts::New {
                        id: None,
                        author_id: ada,
                        title: "b".into(),
                        likes: None,
                    },
                ];
                insert(posts::table).values(posts).execute(&db).await.unwrap();
                assert_eq!(
                    select(posts::likes).from(posts::table).all(&db).await.unwrap(),
                    [0, 0]
                );
            }

            #[tokio::test]
            async fn constraint_violations_have_typed_kinds() {
                let Some(db) = open("constraints").await else {
                    return;
                };
                seed(&db).await;
                let duplicate = insert(users::table)
                    .values((users::name.to("Eve"), users::email.to("ada@example.com")))
                    .execute(&db)
                    .await
                    .unwrap_err();
                assert_eq!(
                    duplicate.db_kind(),
                    Some(DbErrorKind::UniqueViolation),
                    "{duplicate}"
                );
                assert!(duplicate.constraint().is_some(), "{duplicate:?}");
                let orphan = insert(posts::table)
                    .values((posts::author_id.to(999_999), posts::title.to("x")))
                    .execute(&db)
                    .await
                    .unwrap_err();
                assert_eq!(
                    orphan.db_kind(),
                    Some(DbErrorKind::ForeignKeyViolation),
                    "{orphan}"
                );
                let unnamed = db
                    .execute_sql("INSERT INTO users (email) VALUES ('x@example.com')")
                    .await
                    .unwrap_err();
                assert_eq!(
                    unnamed.db_kind(),
                    Some(DbErrorKind::NotNullViolation),
                    "{unnamed}"
                );
                db.execute_sql("CREATE TABLE positives (n integer, CONSTRAINT positive_n CHECK (n > 0))")
                    .await
                    .unwrap();
                let negative = db
                    .execute_sql("INSERT INTO positives (n) VALUES (-1)")
                    .await
                    .unwrap_err();
                assert_eq!(
                    negative.db_kind(),
                    Some(DbErrorKind::CheckViolation),
                    "{negative}"
                );
            }

            #[tokio::test]
            async fn prepared_statements_run_with_named_parameters_checked_before_sending() {
                use mizzle::query::{params, placeholder};
                let Some(db) = open("prepared").await else { return };
                seed(&db).await;
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                let add = insert(posts::table)
                    .values((
                        posts::author_id.to(placeholder("author")),
                        posts::title.to(placeholder("title")),
                    ))
                    .prepare()
                    .unwrap();
                for title in ["a", "b", "c"] {
                    add.execute(&db, &params().set("author", ada).set("title", title))
                        .await
                        .unwrap();
                }
                let by_author = select(posts::title)
                    .from(posts::table)
                    .filter(
                        posts::author_id
                            .eq(placeholder("author"))
                            .and(posts::likes.lt(placeholder("below"))),
                    )
                    .order_by(posts::title)
                    .prepare()
                    .unwrap();
                let titles = by_author
                    .all(&db, &params().set("author", ada).set("below", 1))
                    .await
                    .unwrap();
                assert_eq!(titles, ["a", "b", "c"]);
                // One prepared statement pages through the rows.
                let page = select(posts::title)
                    .from(posts::table)
                    .filter(posts::author_id.eq(placeholder("author")))
                    .order_by(posts::id)
                    .limit(placeholder("size"))
                    .offset(placeholder("skip"))
                    .prepare()
                    .unwrap();
                let second = page
                    .all(
                        &db,
                        &params().set("author", ada).set("size", 2i64).set("skip", 2i64),
                    )
                    .await
                    .unwrap();
                assert_eq!(second, ["a", "b"]);
                let first = page
                    .all(
                        &db,
                        &params().set("author", ada).set("size", 2i64).set("skip", 0i64),
                    )
                    .await
                    .unwrap();
                assert_eq!(first, ["Engines", "Numbers"]);
                assert_eq!(
                    by_author
                        .get(&db, &params().set("author", ada).set("below", 0))
                        .await
                        .unwrap(),
                    None
                );
                let liked = by_author
                    .all(&db, &params().set("author", ada).set("below", 100))
                    .await
                    .unwrap();
                assert_eq!(liked.len(), 5);

                let missing = by_author
                    .all(&db, &params().set("author", ada))
                    .await
                    .unwrap_err()
                    .to_string();
                assert!(missing.contains("missing parameter `below`"), "{missing}");
                let unknown = by_author
                    .all(&db, &params().set("author", ada).set("below", 1).set("belo", 1))
                    .await
                    .unwrap_err()
                    .to_string();
                assert!(unknown.contains("unknown parameter `belo`"), "{unknown}");
                let mistyped = by_author
                    .all(&db, &params().set("author", "Ada").set("below", 1))
                    .await
                    .unwrap_err()
                    .to_string();
                assert!(
                    mistyped.contains("parameter `author`: expected an integer"),
                    "{mistyped}"
                );
                let unprepared = select(posts::title)
                    .from(posts::table)
                    .filter(posts::title.eq(placeholder("t")))
                    .all(&db)
                    .await
                    .unwrap_err()
                    .to_string();
                assert!(
                    unprepared.contains("placeholder `t`") && unprepared.contains(".prepare()"),
                    "{unprepared}"
                );
            }

            #[tokio::test]
            async fn an_insert_over_the_parameter_limit_is_refused_before_it_is_sent() {
                let Some(db) = open("param_limit").await else {
                    return;
                };
                let rows: Vec<_> = (0..33_000)
                    .map(|i| {
                        (
                            users::name.to(format!("user {i}")),
                            users::email.to(format!("{i}@x")),
                        )
                    })
                    .collect();
                let error = insert(users::table).values(rows).execute(&db).await.unwrap_err();
                assert!(
                    error.to_string().contains("parameters and"),
                    "{}",
                    &error.to_string()[..200.min(error.to_string().len())]
                );
                assert_eq!(
                    select(count(users::id))
                        .from(users::table)
                        .get(&db)
                        .await
                        .unwrap(),
                    Some(0)
                );
            }
        }
    };
}

scenarios!(on_postgres, mizzle::pg::Database, super::schema::pg, crate::support::pg);
scenarios!(
    on_mysql,
    mizzle::mysql::Database,
    super::schema::my,
    crate::support::mysql
);
scenarios!(
    on_sqlite,
    mizzle::sqlite::AsyncDatabase,
    super::schema::lite,
    crate::support::sqlite
);

transactions::transaction_scenarios!(
    transactions_on_postgres,
    mizzle::pg::Database,
    super::schema::pg,
    crate::support::pg
);
transactions::transaction_scenarios!(
    transactions_on_mysql,
    mizzle::mysql::Database,
    super::schema::my,
    crate::support::mysql
);

/// Each dialect's column types under the names the constraint scenarios use.
mod dialects {
    pub mod pg {
        pub use mizzle::pg::{Boolean, Enum, Integer, Numeric, Pg as Dialect, Serial, SmallInt, Text, Varchar};
    }
    pub mod my {
        pub use mizzle::mysql::{
            BigIntUnsigned, Boolean, Decimal, Enum, Int, MySql as Dialect, Serial, SmallInt, Varchar,
        };
        pub type Text = Varchar<100>;
    }
    pub mod lite {
        pub use mizzle::sqlite::{Integer, IntegerBool, Numeric, Sqlite as Dialect, Text, TextEnum};
    }
}

constraints::constraint_scenarios!(
    constraints_on_postgres,
    mizzle::pg::Database,
    pg,
    crate::support::pg,
    Text,
    Integer,
    Serial,
    Integer
);
constraints::constraint_scenarios!(
    constraints_on_mysql,
    mizzle::mysql::Database,
    my,
    crate::support::mysql,
    Text,
    Int,
    Serial,
    BigIntUnsigned
);
constraints::constraint_scenarios!(
    constraints_on_sqlite,
    mizzle::sqlite::AsyncDatabase,
    lite,
    crate::support::sqlite,
    Text,
    Integer,
    Integer,
    Integer
);

validation::validation_properties!(
    validation_on_postgres, mizzle::pg::Database, crate::support::pg, pg,
    Serial, Varchar<10>, SmallInt, Numeric<5, 2>, Boolean, Enum<Mood>
);
validation::validation_properties!(
    validation_on_mysql, mizzle::mysql::Database, crate::support::mysql, my,
    Serial, Varchar<10>, SmallInt, Decimal<5, 2>, Boolean, Enum<Mood>
);
validation::validation_properties!(
    validation_on_sqlite,
    mizzle::sqlite::AsyncDatabase,
    crate::support::sqlite,
    lite,
    Integer,
    Text,
    Integer,
    Numeric,
    IntegerBool,
    TextEnum<Mood>
);
