//! Relational queries on every backend: the same blog loaded as nested rows, in one
//! statement, with relations one, optional and many, several levels deep and side by side.

/// The blog's tables and relations in dialect `$d`: `$int` and `$text` are its column types.
macro_rules! blog_schema {
    ($module:ident, $dialect:ident, $d:ty, $int:ty, $text:ty) => {
        pub mod $module {
            use mizzle::$dialect::*;

            mizzle::table! {
                pub users in $d {
                    id: $int [primary_key],
                    name: $text [not_null],
                    invited_by: $int [references(users::id)],
                }
            }
            mizzle::table! {
                pub posts in $d {
                    id: $int [primary_key],
                    author_id: $int [not_null, references(users::id)],
                    title: $text [not_null],
                }
            }
            mizzle::table! {
                pub comments in $d {
                    id: $int [primary_key],
                    post_id: $int [not_null, references(posts::id)],
                    author_id: $int [not_null, references(users::id)],
                    body: $text [not_null],
                }
            }
            mizzle::table! {
                pub groups in $d {
                    id: $int [primary_key],
                    name: $text [not_null],
                }
            }
            mizzle::table! {
                pub memberships in $d {
                    user_id: $int [not_null, references(users::id)],
                    group_id: $int [not_null, references(groups::id)],
                }
                define |t| {
                    t.primary_key((user_id, group_id));
                }
            }
            mizzle::relations! {
                /// The groups a user belongs to, through memberships.
                pub user_groups: users::table => many(groups::table) through(memberships::table)
                    on (users::id = memberships::user_id) and (memberships::group_id = groups::id);
                /// A group's members.
                pub group_members: groups::table => many(users::table) through(memberships::table)
                    on (groups::id = memberships::group_id) and (memberships::user_id = users::id);
                /// The posts a user wrote.
                pub user_posts: users::table => many(posts::table) on (users::id = posts::author_id);
                /// A post's author.
                pub post_author: posts::table => one(users::table) on (posts::author_id = users::id);
                /// A post's comments.
                pub post_comments: posts::table => many(comments::table) on (posts::id = comments::post_id);
                /// Who wrote a comment.
                pub comment_author: comments::table => one(users::table) on (comments::author_id = users::id);
                /// Who invited a user, if anyone.
                pub inviter: users::table => optional(users::table) on (users::invited_by = users::id);
                /// The same three, their keys taken from the foreign keys.
                pub written: users::table => many(posts::table);
                pub remarks: posts::table => many(comments::table);
                pub invited_by: users::table => optional(users::table);
            }

            /// CREATE TABLE, in dependency order.
            pub fn ddl() -> Vec<String> {
                vec![
                    mizzle::create_table(users::table).unwrap(),
                    mizzle::create_table(posts::table).unwrap(),
                    mizzle::create_table(comments::table).unwrap(),
                    mizzle::create_table(groups::table).unwrap(),
                    mizzle::create_table(memberships::table).unwrap(),
                ]
            }
        }
    };
}

blog_schema!(pg, pg, Pg, Integer, Text);
blog_schema!(my, mysql, MySql, Int, Text);
blog_schema!(lite, sqlite, Sqlite, Integer, Text);

/// Writes the relational scenarios for one backend.
macro_rules! relation_scenarios {
    ($module:ident, $db:ty, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{find_first, find_many, insert, update};
            use serde_json::json;
            use $schema::{
                comment_author, comments, ddl, group_members, groups, inviter, post_author, post_comments, posts,
                user_groups, user_posts, users,
            };

            /// Ada wrote two posts; Grace, invited by Ada, wrote none and commented twice
            /// on Ada's first; Linus wrote one.
            async fn open(test: &str) -> Option<$db> {
                let db = $connect(&format!("{}_{test}", stringify!($module)), &ddl()).await?;
                insert(users::table)
                    .values(vec![
                        (users::id.to(1), users::name.to("Ada")),
                        (users::id.to(2), users::name.to("Grace")),
                        (users::id.to(3), users::name.to("Linus")),
                    ])
                    .execute(&db)
                    .await
                    .unwrap();
                update(users::table)
                    .set(users::invited_by.to(1))
                    .filter(users::id.eq(2))
                    .execute(&db)
                    .await
                    .unwrap();
                db.execute_sql(
                    "INSERT INTO posts (id, author_id, title) VALUES (10, 1, 'Engines'), (11, 1, 'Numbers'), (12, 3, 'Kernels')",
                )
                .await
                .unwrap();
                db.execute_sql(
                    "INSERT INTO comments (id, post_id, author_id, body) VALUES (100, 10, 2, 'Steam?'), (101, 10, 2, 'Yes, steam.')",
                )
                .await
                .unwrap();
                db.execute_sql("INSERT INTO groups (id, name) VALUES (1, 'analysts'), (2, 'builders'), (3, 'empty')")
                    .await
                    .unwrap();
                db.execute_sql(
                    "INSERT INTO memberships (user_id, group_id) VALUES (1, 1), (1, 2), (2, 1), (3, 2)",
                )
                .await
                .unwrap();
                Some(db)
            }

            #[tokio::test]
            async fn many_to_many_goes_through_the_junction_both_ways() {
                let Some(db) = open("rel_through").await else { return };
                let users = find_many(users::table).with(user_groups).all(&db).await.unwrap();
                let memberships: Vec<(&str, Vec<&str>)> = users
                    .iter()
                    .map(|user| {
                        let groups = user.related(user_groups).iter().map(|group| group.name.as_str());
                        (user.name.as_str(), groups.collect())
                    })
                    .collect();
                assert_eq!(
                    memberships,
                    [("Ada", vec!["analysts", "builders"]), ("Grace", vec!["analysts"]), ("Linus", vec!["builders"])]
                );
                // Each group's first member by name, and a group nobody joined.
                let groups = find_many(groups::table)
                    .with(group_members.order_by(users::name.desc()).limit(1).with(user_posts))
                    .all(&db)
                    .await
                    .unwrap();
                let firsts: Vec<(&str, Vec<(&str, usize)>)> = groups
                    .iter()
                    .map(|group| {
                        let members = group.related(group_members).iter();
                        (group.name.as_str(), members.map(|m| (m.name.as_str(), m.related(user_posts).len())).collect())
                    })
                    .collect();
                assert_eq!(
                    firsts,
                    [("analysts", vec![("Grace", 0)]), ("builders", vec![("Linus", 1)]), ("empty", vec![])]
                );
            }

            #[tokio::test]
            async fn each_user_comes_with_their_posts() {
                let Some(db) = open("rel_many").await else { return };
                let users = find_many(users::table).with(user_posts).all(&db).await.unwrap();
                let titles: Vec<(&str, Vec<&str>)> = users
                    .iter()
                    .map(|user| {
                        let posts = user.related(user_posts);
                        (user.name.as_str(), posts.iter().map(|post| post.title.as_str()).collect())
                    })
                    .collect();
                assert_eq!(
                    titles,
                    [("Ada", vec!["Engines", "Numbers"]), ("Grace", vec![]), ("Linus", vec!["Kernels"])]
                );
            }

            #[tokio::test]
            async fn three_levels_deep_serialize_to_nested_json() {
                let Some(db) = open("rel_deep").await else { return };
                let ada = find_first(users::table)
                    .filter(users::name.eq("Ada"))
                    .with(user_posts.with(post_comments.with(comment_author)).with(post_author))
                    .get(&db)
                    .await
                    .unwrap()
                    .expect("Ada is there");
                let engines = &ada.related(user_posts)[0];
                assert_eq!(engines.related(post_author).name, "Ada");
                let steam = &engines.related(post_comments)[0];
                assert_eq!(steam.related(comment_author).name, "Grace");
                assert_eq!(
                    serde_json::to_value(&ada).unwrap(),
                    json!({
                        "id": 1, "name": "Ada", "invited_by": null,
                        "user_posts": [
                            {
                                "id": 10, "author_id": 1, "title": "Engines",
                                "post_comments": [
                                    {
                                        "id": 100, "post_id": 10, "author_id": 2, "body": "Steam?",
                                        "comment_author": {"id": 2, "name": "Grace", "invited_by": 1}
                                    },
                                    {
                                        "id": 101, "post_id": 10, "author_id": 2, "body": "Yes, steam.",
                                        "comment_author": {"id": 2, "name": "Grace", "invited_by": 1}
                                    }
                                ],
                                "post_author": {"id": 1, "name": "Ada", "invited_by": null}
                            },
                            {
                                "id": 11, "author_id": 1, "title": "Numbers",
                                "post_comments": [],
                                "post_author": {"id": 1, "name": "Ada", "invited_by": null}
                            }
                        ]
                    })
                );
            }

            #[tokio::test]
            async fn a_relational_querys_nested_rows_have_a_validator_and_a_schema() {
                use mizzle::relation::count_of;
                use mizzle::validate::{Code, OpenApi, RowValidator};
                let Some(db) = open("rel_validator").await else { return };
                let query = find_many(users::table)
                    .columns((users::id, users::name))
                    .with(user_posts.with(post_comments.with(comment_author)))
                    .with(inviter)
                    .with(count_of(user_groups))
                    .order_by(users::id);
                let validator = RowValidator::of_relational(&query);
                let names: Vec<&str> = validator.members().iter().map(|(name, _)| name.as_str()).collect();
                assert_eq!(names, ["id", "name", "user_posts", "inviter", "user_groups_count"]);
                let people = query.all(&db).await.unwrap();
                for person in &people {
                    validator.validate(&serde_json::to_value(person).unwrap()).unwrap();
                }
                let mut grace = serde_json::to_value(&people[1]).unwrap();
                assert_eq!(grace["inviter"]["name"], "Ada");
                grace["inviter"] = serde_json::Value::Null;
                validator.validate(&grace).unwrap();
                let mut wrong = serde_json::to_value(&people[0]).unwrap();
                wrong["user_posts"][0]["post_comments"][0]["comment_author"] = serde_json::Value::Null;
                wrong["user_posts"][1]["title"] = json!(7);
                wrong["user_groups_count"] = json!("two");
                let errors = validator.validate(&wrong).unwrap_err();
                let codes: Vec<(&str, Code)> = errors.errors().iter().map(|e| (e.pointer.as_str(), e.code)).collect();
                assert_eq!(
                    codes,
                    [
                        ("/user_posts/0/post_comments/0/comment_author", Code::Null),
                        ("/user_posts/1/title", Code::Type),
                        ("/user_groups_count", Code::Type)
                    ]
                );
                let document = OpenApi::new("Blog", "1").rows("UserWithPosts", &validator).to_json();
                let schema = &document["components"]["schemas"]["UserWithPosts"];
                assert_eq!(schema["properties"]["user_posts"]["type"], "array");
                assert_eq!(
                    schema["properties"]["inviter"]["anyOf"][0]["required"],
                    json!(["id", "name", "invited_by"])
                );
            }

            #[tokio::test]
            async fn relations_side_by_side_are_not_repeated() {
                let Some(db) = open("rel_siblings").await else { return };
                // Posts and inviter at one level, and posts' comments below: the join
                // repeats rows, the result does not.
                let users = find_many(users::table)
                    .with(user_posts.with(post_comments))
                    .with(inviter)
                    .order_by(users::id.desc())
                    .all(&db)
                    .await
                    .unwrap();
                let shape: Vec<(&str, usize, Vec<usize>, Option<&str>)> = users
                    .iter()
                    .map(|user| {
                        let posts = user.related(user_posts);
                        (
                            user.name.as_str(),
                            posts.len(),
                            posts.iter().map(|post| post.related(post_comments).len()).collect(),
                            user.related(inviter).as_ref().map(|who| who.name.as_str()),
                        )
                    })
                    .collect();
                assert_eq!(
                    shape,
                    [
                        ("Linus", 1, vec![0], None),
                        ("Grace", 0, vec![], Some("Ada")),
                        ("Ada", 2, vec![2, 0], None),
                    ]
                );
            }

            #[tokio::test]
            async fn each_level_filters_orders_and_limits_the_rows_of_each_parent() {
                let Some(db) = open("rel_levels").await else { return };
                use $schema::{comments, posts};
                // Each user's latest post (not one post in all), with its comments that
                // say ", steam", newest first.
                let users = find_many(users::table)
                    .with(
                        user_posts
                            .order_by(posts::id.desc())
                            .limit(1)
                            .with(post_comments.filter(comments::body.like("%, steam%")).order_by(comments::id.desc())),
                    )
                    .all(&db)
                    .await
                    .unwrap();
                let shape: Vec<(&str, Vec<(&str, Vec<i64>)>)> = users
                    .iter()
                    .map(|user| {
                        let posts = user.related(user_posts).iter().map(|post| {
                            let ids = post.related(post_comments).iter().map(|c| i64::from(c.id)).collect();
                            (post.title.as_str(), ids)
                        });
                        (user.name.as_str(), posts.collect())
                    })
                    .collect();
                assert_eq!(
                    shape,
                    [("Ada", vec![("Numbers", vec![])]), ("Grace", vec![]), ("Linus", vec![("Kernels", vec![])])]
                );
                // The first post of each user, skipping none, and then skipping one.
                let firsts = find_many(users::table)
                    .with(user_posts.order_by(posts::id).offset(1).limit(5))
                    .all(&db)
                    .await
                    .unwrap();
                let second_posts: Vec<usize> = firsts.iter().map(|user| user.related(user_posts).len()).collect();
                assert_eq!(second_posts, [1, 0, 0]);
                // Ada's first post with the comments that say ", steam", newest first.
                let ada = find_first(users::table)
                    .with(user_posts.order_by(posts::id).limit(1).with(post_comments.filter(comments::body.like("%, steam%")).order_by(comments::id.desc())))
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                let bodies: Vec<&str> = ada.related(user_posts)[0]
                    .related(post_comments)
                    .iter()
                    .map(|comment| comment.body.as_str())
                    .collect();
                assert_eq!(bodies, ["Yes, steam."]);
            }

            #[tokio::test]
            async fn a_prepared_relational_query_runs_with_each_parameter() {
                let Some(db) = open("rel_prepared").await else { return };
                use mizzle::query::{params, placeholder};
                use $schema::{posts};
                let by_name = find_many(users::table)
                    .filter(users::name.eq(placeholder("name")))
                    .with(user_posts.filter(posts::title.ne(placeholder("skip"))))
                    .prepare()
                    .unwrap();
                for (name, skip, titles) in [("Ada", "Numbers", vec!["Engines"]), ("Linus", "-", vec!["Kernels"])] {
                    let users = by_name
                        .all(&db, &params().set("name", name).set("skip", skip))
                        .await
                        .unwrap();
                    let found: Vec<&str> = users[0].related(user_posts).iter().map(|p| p.title.as_str()).collect();
                    assert_eq!(found, titles);
                }
                let missing = by_name.get(&db, &params().set("name", "Ada")).await.unwrap_err();
                assert!(missing.to_string().contains("missing parameter `skip`"), "{missing}");
                // Limits and offsets, of the query and of each parent's rows, as parameters.
                let paged = find_many(users::table)
                    .with(user_posts.order_by(posts::id).limit(placeholder("posts")).offset(placeholder("skipped")))
                    .order_by(users::id)
                    .limit(placeholder("users"))
                    .offset(placeholder("from"))
                    .prepare()
                    .unwrap();
                for (users, from, posts, skipped, expected) in [
                    (1i64, 0i64, 1i64, 1i64, vec![("Ada", vec!["Numbers"])]),
                    (2, 1, 5, 0, vec![("Grace", vec![]), ("Linus", vec!["Kernels"])]),
                ] {
                    let rows = paged
                        .all(
                            &db,
                            &params()
                                .set("users", users)
                                .set("from", from)
                                .set("posts", posts)
                                .set("skipped", skipped),
                        )
                        .await
                        .unwrap();
                    let found: Vec<(&str, Vec<&str>)> = rows
                        .iter()
                        .map(|u| (u.name.as_str(), u.related(user_posts).iter().map(|p| p.title.as_str()).collect()))
                        .collect();
                    assert_eq!(found, expected);
                }
                let negative = paged
                    .all(&db, &params().set("users", -1i64).set("from", 0i64).set("posts", 1i64).set("skipped", 0i64))
                    .await
                    .unwrap_err();
                assert!(negative.to_string().contains("users"), "{negative}");
            }

            #[tokio::test]
            async fn rows_convert_into_the_applications_own_structs() {
                let Some(db) = open("rel_structs").await else { return };
                #[derive(Debug, PartialEq, serde::Deserialize)]
                struct Post {
                    title: String,
                }
                #[derive(Debug, PartialEq, serde::Deserialize)]
                struct Author {
                    name: String,
                    user_posts: Vec<Post>,
                }
                let ada = find_first(users::table).with(user_posts).get(&db).await.unwrap().unwrap();
                let mine: Author = ada.to_struct().unwrap();
                assert_eq!(
                    mine,
                    Author {
                        name: "Ada".into(),
                        user_posts: vec![Post { title: "Engines".into() }, Post { title: "Numbers".into() }],
                    }
                );
            }

            #[tokio::test]
            async fn relation_counts_load_beside_the_rows() {
                let Some(db) = open("rel_counts").await else { return };
                use mizzle::relation::count_of;
                let users = find_many(users::table)
                    .with(count_of(user_posts))
                    .with(count_of(user_groups))
                    .with(user_posts.with(count_of(post_comments)))
                    .all(&db)
                    .await
                    .unwrap();
                let counts: Vec<(&str, i64, i64, Vec<i64>)> = users
                    .iter()
                    .map(|user| {
                        let comments = user.related(user_posts).iter().map(|p| *p.related(count_of(post_comments)));
                        (
                            user.name.as_str(),
                            *user.related(count_of(user_posts)),
                            *user.related(count_of(user_groups)),
                            comments.collect(),
                        )
                    })
                    .collect();
                assert_eq!(
                    counts,
                    [("Ada", 2, 2, vec![2, 0]), ("Grace", 0, 1, vec![]), ("Linus", 1, 1, vec![0])]
                );
                let json = serde_json::to_value(&users[1]).unwrap();
                assert_eq!((json["user_posts_count"].clone(), json["user_groups_count"].clone()), (json!(0), json!(1)));

                // Any aggregate of a relation's rows: each post's latest comment.
                use mizzle::relation::aggregate_of;
                use $schema::{comments, posts};
                let latest = aggregate_of(post_comments, mizzle::max(comments::id));
                let posts = find_many(posts::table).with(latest).all(&db).await.unwrap();
                let latest_ids: Vec<Option<i64>> = posts.iter().map(|post| post.related(latest).map(i64::from)).collect();
                assert_eq!(latest_ids, [Some(101), None, None]);
                assert_eq!(serde_json::to_value(&posts[0]).unwrap()["post_comments_max"], json!(101));
            }

            #[tokio::test]
            async fn a_limit_counts_the_queried_rows_not_the_joined_ones() {
                let Some(db) = open("rel_limit").await else { return };
                let first = find_many(users::table).with(user_posts).limit(1).all(&db).await.unwrap();
                assert_eq!(first.len(), 1);
                assert_eq!(first[0].related(user_posts).len(), 2, "all of Ada's posts");
                let rest = find_many(users::table).with(user_posts).offset(1).all(&db).await.unwrap();
                let names: Vec<&str> = rest.iter().map(|user| user.name.as_str()).collect();
                assert_eq!(names, ["Grace", "Linus"]);
                let nobody = find_first(users::table)
                    .filter(users::name.eq("Nobody"))
                    .with(user_posts)
                    .get(&db)
                    .await
                    .unwrap();
                assert!(nobody.is_none());
            }

            #[tokio::test]
            async fn picked_columns_load_only_what_is_asked_and_read_by_column() {
                let Some(db) = open("rel_columns").await else { return };
                // Filtered and ordered by `id`, which it does not load.
                let people = find_many(users::table)
                    .columns((users::name,))
                    .with(user_posts.columns((posts::title,)).order_by(posts::title.desc()))
                    .filter(users::id.le(2))
                    .order_by(users::id)
                    .all(&db)
                    .await
                    .unwrap();
                let shown: Vec<(&str, Vec<&str>)> = people
                    .iter()
                    .map(|user| {
                        let titles = user.related(user_posts).iter().map(|post| post.get(posts::title).as_str());
                        (user.get(users::name).as_str(), titles.collect())
                    })
                    .collect();
                assert_eq!(shown, [("Ada", vec!["Numbers", "Engines"]), ("Grace", vec![])]);
                assert_eq!(
                    serde_json::to_value(&people).unwrap(),
                    json!([
                        {"name": "Ada", "user_posts": [{"title": "Numbers"}, {"title": "Engines"}]},
                        {"name": "Grace", "user_posts": []}
                    ])
                );
                // Rows alike in what is loaded stay apart: each comment is its own row.
                let posts = find_many(posts::table)
                    .omit((posts::author_id, posts::title))
                    .with(post_comments.columns((comments::author_id,)))
                    .with(post_author.columns((users::name,)))
                    .order_by(posts::id)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    serde_json::to_value(&posts).unwrap(),
                    json!([
                        {"id": 10, "post_comments": [{"author_id": 2}, {"author_id": 2}], "post_author": {"name": "Ada"}},
                        {"id": 11, "post_comments": [], "post_author": {"name": "Ada"}},
                        {"id": 12, "post_comments": [], "post_author": {"name": "Linus"}}
                    ])
                );
                assert_eq!(posts[2].related(post_author).get(users::name), "Linus");
            }

            #[derive(Debug, Clone, Copy, Default)]
            struct Shout;
            impl mizzle::schema::AliasName for Shout {
                const NAME: &'static str = "shout";
            }
            #[derive(Debug, Clone, Copy, Default)]
            struct Ticket;
            impl mizzle::schema::AliasName for Ticket {
                const NAME: &'static str = "ticket";
            }

            #[tokio::test]
            async fn extras_compute_values_from_each_rows_own_columns() {
                use mizzle::relation::extra;
                let Some(db) = open("rel_extras").await else { return };
                let shout = extra(Shout, users::name.concat("!"));
                let ticket = extra(Ticket, posts::id.add(1000));
                let people = find_many(users::table)
                    .with(shout)
                    .with(user_posts.with(ticket).columns((posts::title,)))
                    .filter(users::id.eq(1))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(people[0].related(shout), "Ada!");
                assert_eq!(format!("{}", people[0].related(user_posts)[1].related(ticket)), "1011");
                assert_eq!(
                    serde_json::to_value(&people).unwrap(),
                    json!([{
                        "id": 1, "name": "Ada", "invited_by": null, "shout": "Ada!",
                        "user_posts": [{"title": "Engines", "ticket": 1010}, {"title": "Numbers", "ticket": 1011}]
                    }])
                );
            }

            #[tokio::test]
            async fn relations_keyed_by_foreign_keys_load_as_those_written_out() {
                use $schema::{invited_by, remarks, written};
                let Some(db) = open("rel_derived").await else { return };
                let derived = find_many(users::table)
                    .with(written.with(remarks))
                    .with(invited_by)
                    .all(&db)
                    .await
                    .unwrap();
                let explicit = find_many(users::table)
                    .with(user_posts.with(post_comments))
                    .with(inviter)
                    .all(&db)
                    .await
                    .unwrap();
                let json = serde_json::to_string(&derived).unwrap();
                let expected = serde_json::to_string(&explicit)
                    .unwrap()
                    .replace("user_posts", "written")
                    .replace("post_comments", "remarks")
                    .replace("inviter", "invited_by");
                assert_eq!(json, expected);
                assert_eq!(derived[0].related(written).len(), 2);
            }

            #[tokio::test]
            async fn relation_filters_keep_the_rows_that_have_or_lack_related_rows() {
                use mizzle::relation::{has, has_no};
                let Some(db) = open("rel_has").await else { return };
                let names = |rows: &[_]| -> Vec<String> { rows.iter().map(|u: &users::Row| u.name.clone()).collect() };
                // Users who wrote a post that has a comment.
                let writers = find_many(users::table)
                    .filter(has(user_posts).matching(has(post_comments)))
                    .all(&db)
                    .await
                    .unwrap();
                let rows: Vec<users::Row> = writers.into_iter().map(|user| user.into_row()).collect();
                assert_eq!(names(&rows), ["Ada"]);
                // Users with no post titled "Kernels", each with the posts they have.
                let others = find_many(users::table)
                    .filter(has_no(user_posts).matching(posts::title.eq("Kernels")))
                    .with(user_posts)
                    .all(&db)
                    .await
                    .unwrap();
                let loaded: Vec<(&str, usize)> =
                    others.iter().map(|user| (user.name.as_str(), user.related(user_posts).len())).collect();
                assert_eq!(loaded, [("Ada", 2), ("Grace", 0)]);
                // At a nested level, and through a junction table, and in a plain select.
                let commented = find_many(users::table)
                    .with(user_posts.filter(has(post_comments).matching(comments::body.like("%steam%"))))
                    .filter(has(user_groups).matching(groups::name.eq("builders")))
                    .all(&db)
                    .await
                    .unwrap();
                let posts: Vec<(&str, Vec<&str>)> = commented
                    .iter()
                    .map(|user| {
                        let titles = user.related(user_posts).iter().map(|post| post.title.as_str()).collect();
                        (user.name.as_str(), titles)
                    })
                    .collect();
                assert_eq!(posts, [("Ada", vec!["Engines"]), ("Linus", vec![])]);
                let invited = mizzle::select(users::name)
                    .from(users::table)
                    .filter(has(inviter))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(invited, ["Grace"]);
            }
        }
    };
}

relation_scenarios!(on_postgres, mizzle::pg::Database, super::pg, crate::support::pg);
relation_scenarios!(on_mysql, mizzle::mysql::Database, super::my, crate::support::mysql);
relation_scenarios!(
    on_sqlite,
    mizzle::sqlite::AsyncDatabase,
    super::lite,
    crate::support::sqlite
);

/// Relational queries inside transactions: the server backends' async ones, and SQLite's.
mod in_transactions {
    use super::{lite, my, pg};
    use mizzle::find_many;

    /// Ada wrote two posts, Linus one.
    fn seed() -> (Vec<String>, &'static [&'static str]) {
        let statements = [
            "INSERT INTO users (id, name) VALUES (1, 'Ada'), (3, 'Linus')",
            "INSERT INTO posts (id, author_id, title) VALUES (10, 1, 'Engines'), (11, 1, 'Numbers'), (12, 3, 'Kernels')",
        ];
        (
            statements.iter().map(|s| (*s).to_owned()).collect(),
            &["Ada", "Ada", "Linus"],
        )
    }

    macro_rules! in_a_transaction {
        ($test:ident, $schema:ident, $connect:path) => {
            #[tokio::test]
            async fn $test() {
                use $schema::{post_author, posts};
                let (rows, authors) = seed();
                let ddl = [$schema::ddl(), rows].concat();
                let Some(db) = $connect(stringify!($test), &ddl).await else {
                    return;
                };
                let loaded = db
                    .transaction(async |tx| find_many(posts::table).with(post_author).all(tx).await)
                    .await
                    .unwrap();
                let names: Vec<&str> = loaded
                    .iter()
                    .map(|post| post.related(post_author).name.as_str())
                    .collect();
                assert_eq!(names, authors);
            }
        };
    }

    in_a_transaction!(
        a_relational_query_runs_in_a_postgres_transaction,
        pg,
        crate::support::pg
    );
    in_a_transaction!(
        a_relational_query_runs_in_a_mysql_transaction,
        my,
        crate::support::mysql
    );

    #[test]
    fn a_relational_query_runs_in_a_sqlite_transaction() {
        use lite::{post_author, posts};
        let db = mizzle::sqlite::Database::open_in_memory().unwrap();
        let (rows, authors) = seed();
        for statement in [lite::ddl(), rows].concat() {
            db.execute_sql(&statement).unwrap();
        }
        let loaded = db
            .transaction(|tx| find_many(posts::table).with(post_author).all(tx))
            .unwrap();
        let names: Vec<&str> = loaded
            .iter()
            .map(|post| post.related(post_author).name.as_str())
            .collect();
        assert_eq!(names, authors);
    }
}

/// Relations between tables in a schema other than the connection's (PostgreSQL), or in
/// another database (MySQL): every table a relational query writes carries its schema.
mod elsewhere {
    macro_rules! elsewhere_schema {
        ($module:ident, $dialect:ident, $d:ty, $int:ty) => {
            pub mod $module {
                use mizzle::$dialect::*;
                mizzle::table! {
                    pub owners schema "mizzle_elsewhere" in $d { id: $int [primary_key], name: Text [not_null] }
                }
                mizzle::table! {
                    pub pets schema "mizzle_elsewhere" in $d {
                        id: $int [primary_key],
                        owner_id: $int [not_null],
                        name: Text [not_null],
                    }
                }
                mizzle::relations! {
                    pub owner_pets: owners::table => many(pets::table) on (owners::id = pets::owner_id);
                }
            }
        };
    }
    elsewhere_schema!(pg, pg, Pg, Integer);
    elsewhere_schema!(my, mysql, MySql, Int);

    /// Owners with their first pet, those with pets, and how many each has.
    macro_rules! reach_elsewhere {
        ($db:expr, $schema:ident) => {{
            use mizzle::prelude::*;
            use mizzle::relation::{count_of, has};
            use $schema::{owner_pets, owners, pets};
            let db = $db;
            for statement in [
                mizzle::create_table(owners::table).unwrap(),
                mizzle::create_table(pets::table).unwrap(),
            ] {
                db.execute_sql(&statement).await.unwrap();
            }
            db.execute_sql("INSERT INTO mizzle_elsewhere.owners (id, name) VALUES (1, 'Ada'), (2, 'Grace')")
                .await
                .unwrap();
            db.execute_sql(
                "INSERT INTO mizzle_elsewhere.pets (id, owner_id, name) VALUES (1, 1, 'Rex'), (2, 1, 'Tom')",
            )
            .await
            .unwrap();
            let owners = mizzle::find_many(owners::table)
                .with(owner_pets.order_by(pets::id).limit(1))
                .with(count_of(owner_pets))
                .filter(has(owner_pets))
                .limit(5)
                .all(&db)
                .await
                .unwrap();
            let seen: Vec<(&str, Vec<&str>, i64)> = owners
                .iter()
                .map(|o| {
                    let first = o.related(owner_pets).iter().map(|p| p.name.as_str()).collect();
                    (o.name.as_str(), first, *o.related(count_of(owner_pets)))
                })
                .collect();
            assert_eq!(seen, [("Ada", vec!["Rex"], 2)]);
        }};
    }

    #[tokio::test]
    async fn pg_relations_reach_tables_in_another_schema() {
        let Some(db) = crate::support::pg("rel_elsewhere", &[]).await else {
            return;
        };
        db.execute_sql("DROP SCHEMA IF EXISTS mizzle_elsewhere CASCADE; CREATE SCHEMA mizzle_elsewhere")
            .await
            .unwrap();
        reach_elsewhere!(db, pg);
    }

    #[tokio::test]
    async fn mysql_relations_reach_tables_in_another_database() {
        let Some(db) = crate::support::mysql("rel_elsewhere", &[]).await else {
            return;
        };
        db.execute_sql("DROP DATABASE IF EXISTS mizzle_elsewhere; CREATE DATABASE mizzle_elsewhere")
            .await
            .unwrap();
        reach_elsewhere!(db, my);
    }
}
