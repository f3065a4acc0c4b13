//! mizzle beside the raw drivers: each workload runs both ways in the same run, and the
//! summary prints `ratio <workload> <database> <mizzle / raw>` with both medians.
//!
//! Criterion measures each side for its report; the summary's figures come from the two
//! sides run interleaved ([`mizzle_benches::paired`]), which holds still on a machine
//! whose server latency drifts.
//!
//! `bash benches/run` (the bench with the database servers pinned to its CPU and a fixed
//! heap; the script says why), or `cargo bench -p mizzle-benches` without those. PostgreSQL
//! and MariaDB come from `MIZZLE_PG_URL` and `MIZZLE_MYSQL_URL` (the test defaults
//! otherwise); an unreachable one is skipped.

use criterion::Criterion;
use futures_util::future::join_all;
use mizzle::prelude::*;
use mizzle::{insert, select};
use mizzle_benches::paired::{paired, Paired, Rounds};
use std::hint::black_box;
use std::sync::Mutex;
use std::time::Duration;

/// The paired measurement of each workload run so far, for the summary.
static MEASURED: Mutex<Vec<(String, Paired)>> = Mutex::new(Vec::new());

/// Runs workload `group` through mizzle and through the raw driver: criterion measures
/// each side, then the two run interleaved for the summary. Each side is called with a
/// running iteration number, which lookups turn into the key they look up.
fn compare<A, B>(c: &mut Criterion, group: &str, mut mizzle: impl FnMut(u64) -> A, mut raw: impl FnMut(u64) -> B) {
    let mut iteration = 0u64;
    // Criterion calls a side only when the command line's filter selects it.
    let (mut ran_mizzle, mut ran_raw) = (false, false);
    let mut criterion_group = c.benchmark_group(group);
    criterion_group.bench_function("mizzle", |b| {
        ran_mizzle = true;
        b.iter(|| {
            iteration += 1;
            mizzle(iteration)
        })
    });
    criterion_group.bench_function("raw", |b| {
        ran_raw = true;
        b.iter(|| {
            iteration += 1;
            raw(iteration)
        })
    });
    criterion_group.finish();
    // `cargo test --benches` runs each side once to see that it works: no timing then.
    if !(ran_mizzle && ran_raw) || std::env::args().any(|arg| arg == "--test") {
        return;
    }
    let measured = paired(Rounds::default(), mizzle, raw);
    MEASURED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .push((group.to_owned(), measured));
}

mod lite {
    use mizzle::sqlite::*;
    mizzle::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null], hair_color: Text } }
    mizzle::table! { pub posts in Sqlite { id: Integer [primary_key], user_id: Integer [not_null], title: Text [not_null] } }
    mizzle::table! { pub articles in Sqlite { id: Integer [primary_key], user_id: Integer [not_null], title: Text [not_null] } }
    mizzle::table! { pub remarks in Sqlite { id: Integer [primary_key], article_id: Integer [not_null], user_id: Integer [not_null], body: Text [not_null] } }
    mizzle::relations! {
        pub user_articles: users::table => many(articles::table) on (users::id = articles::user_id);
        pub article_remarks: articles::table => many(remarks::table) on (articles::id = remarks::article_id);
        pub remark_author: remarks::table => one(users::table) on (remarks::user_id = users::id);
    }
}

mod pg {
    use mizzle::pg::*;
    mizzle::table! { pub users in Pg { id: Serial [primary_key], name: Text [not_null], hair_color: Text } }
    mizzle::table! { pub inserted in Pg { id: Serial [primary_key], name: Text [not_null], hair_color: Text } }
    mizzle::table! { pub posts in Pg { id: Serial [primary_key], user_id: Integer [not_null], title: Text [not_null] } }
    mizzle::table! { pub articles in Pg { id: Serial [primary_key], user_id: Integer [not_null], title: Text [not_null] } }
    mizzle::table! { pub remarks in Pg { id: Serial [primary_key], article_id: Integer [not_null], user_id: Integer [not_null], body: Text [not_null] } }
    mizzle::relations! {
        pub user_articles: users::table => many(articles::table) on (users::id = articles::user_id);
        pub article_remarks: articles::table => many(remarks::table) on (articles::id = remarks::article_id);
        pub remark_author: remarks::table => one(users::table) on (remarks::user_id = users::id);
    }
}

mod my {
    use mizzle::mysql::*;
    mizzle::table! { pub users in MySql { id: Serial [primary_key], name: Varchar<100> [not_null], hair_color: Varchar<100> } }
    mizzle::table! { pub inserted in MySql { id: Serial [primary_key], name: Varchar<100> [not_null], hair_color: Varchar<100> } }
    mizzle::table! { pub posts in MySql { id: Serial [primary_key], user_id: BigIntUnsigned [not_null], title: Varchar<100> [not_null] } }
    mizzle::table! { pub articles in MySql { id: Serial [primary_key], user_id: BigIntUnsigned [not_null], title: Varchar<100> [not_null] } }
    mizzle::table! { pub remarks in MySql { id: Serial [primary_key], article_id: BigIntUnsigned [not_null], user_id: BigIntUnsigned [not_null], body: Varchar<100> [not_null] } }
    mizzle::relations! {
        pub user_articles: users::table => many(articles::table) on (users::id = articles::user_id);
        pub article_remarks: articles::table => many(remarks::table) on (articles::id = remarks::article_id);
        pub remark_author: remarks::table => one(users::table) on (remarks::user_id = users::id);
    }
}

/// The names of the 100 users each insert workload adds.
fn new_user_names() -> Vec<String> {
    (0..100).map(|i| format!("new user {i}")).collect()
}

const SEED_SQL: &str = "INSERT INTO users (name, hair_color) VALUES ";

fn seed_sql(dialect_null: &str) -> Vec<String> {
    let users: Vec<String> = (0..1000)
        .map(|i| {
            format!(
                "('user {i}', {})",
                if i % 3 == 0 {
                    dialect_null.to_owned()
                } else {
                    format!("'color {i}'")
                }
            )
        })
        .collect();
    let posts: Vec<String> = (0..1000).map(|i| format!("({}, 'post {i}')", i % 100 + 1)).collect();
    let remarks: Vec<String> = (1..=1000)
        .flat_map(|article| {
            (0..5).map(move |k| format!("({article}, {}, 'remark {article}.{k}')", (article * 7 + k) % 1000 + 1))
        })
        .collect();
    vec![
        format!("{SEED_SQL}{}", users.join(", ")),
        format!("INSERT INTO posts (user_id, title) VALUES {}", posts.join(", ")),
        // The relational workloads' children: the same rows, with the index on their
        // foreign key that a schema with relations has.
        "CREATE INDEX articles_user_id_idx ON articles (user_id)".to_owned(),
        format!("INSERT INTO articles (user_id, title) VALUES {}", posts.join(", ")),
        // Five remarks on each article, each by some user: the three-level workload's.
        "CREATE INDEX remarks_article_id_idx ON remarks (article_id)".to_owned(),
        format!(
            "INSERT INTO remarks (article_id, user_id, body) VALUES {}",
            remarks.join(", ")
        ),
    ]
}

fn sqlite(c: &mut Criterion) {
    use lite::{posts, users};
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    db.execute_sql("CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, hair_color text); CREATE TABLE posts (id integer PRIMARY KEY, user_id integer NOT NULL, title text NOT NULL); CREATE TABLE inserted (id integer PRIMARY KEY, name text NOT NULL, hair_color text); CREATE TABLE articles (id integer PRIMARY KEY, user_id integer NOT NULL, title text NOT NULL); CREATE TABLE remarks (id integer PRIMARY KEY, article_id integer NOT NULL, user_id integer NOT NULL, body text NOT NULL)").unwrap();
    for sql in seed_sql("NULL") {
        db.execute_sql(&sql).unwrap();
    }
    let raw = db.connection();

    compare(
        c,
        "pk_lookup_sqlite",
        |i| {
            let id = (i % 1000 + 1) as i64;
            select((users::id, users::name, users::hair_color))
                .from(users::table)
                .filter(users::id.eq(id))
                .get(&db)
                .unwrap()
        },
        |i| {
            let id = (i % 1000 + 1) as i64;
            let mut stmt = raw
                .prepare_cached(
                    r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users" WHERE "users"."id" = ?"#,
                )
                .unwrap();
            stmt.query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .ok()
        },
    );

    compare(
        c,
        "select_1000_sqlite",
        |_| {
            select((users::id, users::name, users::hair_color))
                .from(users::table)
                .all(&db)
                .unwrap()
        },
        |_| {
            let mut stmt = raw
                .prepare_cached(r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users""#)
                .unwrap();
            stmt.query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
        },
    );

    // The first 100 users with their articles (10 each): one statement through mizzle; by
    // hand, the users and then their articles with an IN list, grouped in memory.
    let in_list = vec!["?"; 100].join(", ");
    let posts_sql =
        format!(r#"SELECT "id", "user_id", "title" FROM "articles" WHERE "user_id" IN ({in_list}) ORDER BY "id""#);
    let latest_sql = format!("{posts_sql} DESC");
    // By hand: the users, then their articles (`articles_sql`) with an IN list, grouped.
    let by_hand = |articles_sql: &str| {
        let mut stmt = raw
            .prepare_cached(r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" <= ? ORDER BY "id""#)
            .unwrap();
        let users: Vec<(i64, String, Option<String>)> = stmt
            .query_map([100i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let ids: Vec<i64> = users.iter().map(|u| u.0).collect();
        let mut stmt = raw.prepare_cached(articles_sql).unwrap();
        let articles: Vec<(i64, i64, String)> = stmt
            .query_map(rusqlite::params_from_iter(ids.iter()), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        group_children(users, articles, |u| u.0, |p| p.1)
    };
    compare(
        c,
        "relational-users-posts_sqlite",
        |_| {
            mizzle::find_many(users::table)
                .filter(users::id.le(100))
                .with(lite::user_articles)
                .all(&db)
                .unwrap()
        },
        |_| by_hand(&posts_sql),
    );

    // Each of the first 100 users' 3 latest articles: a row number per user in one
    // statement; by hand, every article of those users newest first, kept 3 a user.
    compare(
        c,
        "relational-latest-3_sqlite",
        |_| {
            mizzle::find_many(users::table)
                .filter(users::id.le(100))
                .with(lite::user_articles.order_by(lite::articles::id.desc()).limit(3))
                .all(&db)
                .unwrap()
        },
        |_| first_children(by_hand(&latest_sql), 3),
    );

    // Three levels: the first 50 users, their articles (10 each), each article's 5 remarks
    // with the remark's author. By hand: a query per level with an IN list, grouped.
    let in_list = |n: usize| vec!["?"; n].join(", ");
    compare(
        c,
        "relational-three-levels_sqlite",
        |_| {
            mizzle::find_many(users::table)
                .filter(users::id.le(50))
                .with(lite::user_articles.with(lite::article_remarks.with(lite::remark_author)))
                .all(&db)
                .unwrap()
        },
        |_| {
            type User = (i64, String, Option<String>);
            let mut stmt = raw
                .prepare_cached(r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" <= ? ORDER BY "id""#)
                .unwrap();
            let users: Vec<User> = stmt
                .query_map([50i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let ids: Vec<i64> = users.iter().map(|u| u.0).collect();
            let mut stmt = raw
                .prepare_cached(&format!(
                    r#"SELECT "id", "user_id", "title" FROM "articles" WHERE "user_id" IN ({}) ORDER BY "id""#,
                    in_list(ids.len())
                ))
                .unwrap();
            let articles: Vec<(i64, i64, String)> = stmt
                .query_map(rusqlite::params_from_iter(ids.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let article_ids: Vec<i64> = articles.iter().map(|a| a.0).collect();
            let mut stmt = raw
                .prepare_cached(&format!(
                    r#"SELECT "id", "article_id", "user_id", "body" FROM "remarks" WHERE "article_id" IN ({}) ORDER BY "id""#,
                    in_list(article_ids.len())
                ))
                .unwrap();
            let remarks: Vec<(i64, i64, i64, String)> = stmt
                .query_map(rusqlite::params_from_iter(article_ids.iter()), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            let mut author_ids: Vec<i64> = remarks.iter().map(|r| r.2).collect();
            author_ids.sort_unstable();
            author_ids.dedup();
            let mut stmt = raw
                .prepare_cached(&format!(
                    r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" IN ({})"#,
                    in_list(author_ids.len())
                ))
                .unwrap();
            let authors: std::collections::HashMap<i64, User> = stmt
                .query_map(rusqlite::params_from_iter(author_ids.iter()), |r| {
                    Ok((r.get(0)?, (r.get(0)?, r.get(1)?, r.get(2)?)))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            group_three_levels(users, articles, remarks, &authors)
        },
    );

    mod ins {
        use mizzle::sqlite::*;
        mizzle::table! { pub inserted in Sqlite { id: Integer [primary_key], name: Text [not_null], hair_color: Text } }
    }
    let names = new_user_names();
    let insert_sql = format!(
        "INSERT INTO \"inserted\" (\"name\", \"hair_color\") VALUES {}",
        vec!["(?, ?)"; 100].join(", ")
    );
    compare(
        c,
        "insert_100_sqlite",
        |_| {
            let rows: Vec<_> = names
                .iter()
                .map(|n| {
                    (
                        ins::inserted::name.to(n.as_str()),
                        ins::inserted::hair_color.to(Some("red")),
                    )
                })
                .collect();
            insert(ins::inserted::table).values(rows).execute(&db).unwrap()
        },
        |_| {
            let mut stmt = raw.prepare_cached(&insert_sql).unwrap();
            let params: Vec<&dyn rusqlite::ToSql> = names
                .iter()
                .flat_map(|n| [n as &dyn rusqlite::ToSql, &"red" as &dyn rusqlite::ToSql])
                .collect();
            stmt.execute(params.as_slice()).unwrap()
        },
    );

    compare(
        c,
        "join_100_sqlite",
        |_| {
            select((users::name, posts::title))
                .from(users::table)
                .inner_join(posts::table, posts::user_id.eq(users::id))
                .filter(users::id.lt(50))
                .order_by(posts::id)
                .limit(100)
                .all(&db)
                .unwrap()
        },
        |_| {
            let mut stmt = raw
                .prepare_cached(r#"SELECT "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "users"."id" < ? ORDER BY "posts"."id" ASC LIMIT 100"#)
                .unwrap();
            stmt.query_map([50], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
                .unwrap()
                .collect::<Result<Vec<_>, _>>()
                .unwrap()
        },
    );
}

/// The render-only workload ([`mizzle_benches::render`]): the statement built and
/// rendered with mizzle, or written by hand into a string with its values, with inputs
/// that change every iteration.
fn render(c: &mut Criterion) {
    use mizzle_benches::render::{built, hand_written};
    compare(
        c,
        "render_10_tables_none",
        |i| {
            let low = (i % 1000) as i64;
            let statement = built(low, low + 100);
            let rendered = mizzle::render::render_statement(&statement).unwrap();
            black_box(&rendered);
            rendered.binds.len()
        },
        |i| {
            let low = (i % 1000) as i64;
            let rendered = hand_written(low, low + 100);
            black_box(&rendered);
            rendered.1.len()
        },
    );
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn postgres(c: &mut Criterion) {
    use pg::{inserted, posts, users};
    let url = std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let rt = runtime();
    let Ok(admin) = rt.block_on(mizzle::pg::Database::connect(&url)) else {
        eprintln!("skipped PostgreSQL: not reachable at {url}");
        return;
    };
    rt.block_on(admin.execute_sql(
        "DROP SCHEMA IF EXISTS mizzle_bench CASCADE; CREATE SCHEMA mizzle_bench; SET search_path TO mizzle_bench",
    ))
    .unwrap();
    let scoped = format!("{url}?options=-c%20search_path%3Dmizzle_bench");
    let db = rt.block_on(mizzle::pg::Database::connect(&scoped)).unwrap();
    rt.block_on(db.execute_sql("CREATE TABLE users (id serial PRIMARY KEY, name text NOT NULL, hair_color text); CREATE TABLE posts (id serial PRIMARY KEY, user_id integer NOT NULL, title text NOT NULL); CREATE TABLE inserted (id serial PRIMARY KEY, name text NOT NULL, hair_color text); CREATE TABLE articles (id serial PRIMARY KEY, user_id integer NOT NULL, title text NOT NULL); CREATE TABLE remarks (id serial PRIMARY KEY, article_id integer NOT NULL, user_id integer NOT NULL, body text NOT NULL)")).unwrap();
    for sql in seed_sql("NULL") {
        rt.block_on(db.execute_sql(&sql)).unwrap();
    }
    let (client, connection) = rt
        .block_on(tokio_postgres::connect(&scoped, tokio_postgres::NoTls))
        .unwrap();
    rt.spawn(connection);

    let stmt = rt
        .block_on(client.prepare(
            r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users" WHERE "users"."id" = $1"#,
        ))
        .unwrap();
    compare(
        c,
        "pk_lookup_postgres",
        |i| {
            let id = (i % 1000 + 1) as i32;
            rt.block_on(
                select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .filter(users::id.eq(id))
                    .get(&db),
            )
            .unwrap()
        },
        |i| {
            let id = (i % 1000 + 1) as i32;
            rt.block_on(client.query_opt(&stmt, &[&id]))
                .unwrap()
                .map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
        },
    );

    // A primary-key lookup answered by the Redis query cache (every lookup a hit once the
    // first thousand are cached), beside the raw driver's lookup on the server.
    let redis = std::env::var("MIZZLE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_owned());
    if std::net::TcpStream::connect("127.0.0.1:6379").is_ok() || std::env::var("MIZZLE_REDIS_URL").is_ok() {
        let cache = mizzle::ops::RedisCache::new(&redis).unwrap().prefix("mizzle_bench");
        let cached = mizzle::ops::Cached::new(db.clone(), cache).cache_every_read(Duration::from_secs(600));
        // Results an earlier run left are not this run's.
        rt.block_on(cached.invalidate(&["users"]));
        compare(
            c,
            "pk_lookup_cache_hit_postgres",
            |i| {
                let id = (i % 1000 + 1) as i32;
                rt.block_on(
                    select((users::id, users::name, users::hair_color))
                        .from(users::table)
                        .filter(users::id.eq(id))
                        .get(&cached),
                )
                .unwrap()
            },
            |i| {
                let id = (i % 1000 + 1) as i32;
                rt.block_on(client.query_opt(&stmt, &[&id]))
                    .unwrap()
                    .map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
            },
        );
    } else {
        eprintln!("skipped the cache workload: Redis is not reachable at {redis}");
    }

    // A hundred independent lookups: one after another, then pipelined on one connection
    // (sent together, answered together); the raw side does the same with tokio-postgres.
    let by_id = |id: i32| {
        select((users::id, users::name, users::hair_color))
            .from(users::table)
            .filter(users::id.eq(id))
    };
    let ids = |i: u64| (0..100).map(move |n| ((i * 100 + n) % 1000 + 1) as i32);
    compare(
        c,
        "lookups_100_sequential_postgres",
        |i| {
            rt.block_on(async {
                let mut found = Vec::with_capacity(100);
                for id in ids(i) {
                    found.push(by_id(id).get(&db).await.unwrap());
                }
                found
            })
        },
        |i| {
            rt.block_on(async {
                let mut found = Vec::with_capacity(100);
                for id in ids(i) {
                    let row = client.query_opt(&stmt, &[&id]).await.unwrap();
                    found.push(row.map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2))));
                }
                found
            })
        },
    );
    compare(
        c,
        "lookups_100_pipelined_postgres",
        |i| {
            rt.block_on(db.pipeline(async |p| {
                let lookups = ids(i).map(|id| async move { by_id(id).get(p).await });
                join_all(lookups).await.into_iter().collect::<Result<Vec<_>, _>>()
            }))
            .unwrap()
        },
        |i| {
            rt.block_on(async {
                let lookups = ids(i).map(|id| {
                    let stmt = &stmt;
                    let client = &client;
                    async move {
                        let row = client.query_opt(stmt, &[&id]).await.unwrap();
                        row.map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
                    }
                });
                join_all(lookups).await
            })
        },
    );

    let stmt = rt
        .block_on(client.prepare(r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users""#))
        .unwrap();
    compare(
        c,
        "select_1000_postgres",
        |_| {
            rt.block_on(
                select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            rt.block_on(client.query(&stmt, &[]))
                .unwrap()
                .iter()
                .map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
                .collect::<Vec<_>>()
        },
    );

    let stmt = rt
        .block_on(client.prepare(r#"SELECT "users"."name", "posts"."title" FROM "users" INNER JOIN "posts" ON "posts"."user_id" = "users"."id" WHERE "users"."id" < $1 ORDER BY "posts"."id" ASC LIMIT 100"#))
        .unwrap();
    compare(
        c,
        "join_100_postgres",
        |_| {
            rt.block_on(
                select((users::name, posts::title))
                    .from(users::table)
                    .inner_join(posts::table, posts::user_id.eq(users::id))
                    .filter(users::id.lt(50))
                    .order_by(posts::id)
                    .limit(100)
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            rt.block_on(client.query(&stmt, &[&50i32]))
                .unwrap()
                .iter()
                .map(|r| (r.get::<_, String>(0), r.get::<_, String>(1)))
                .collect::<Vec<_>>()
        },
    );

    let users_stmt = rt
        .block_on(client.prepare(r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" <= $1 ORDER BY "id""#))
        .unwrap();
    let articles_sql = r#"SELECT "id", "user_id", "title" FROM "articles" WHERE "user_id" = ANY($1) ORDER BY "id""#;
    let posts_stmt = rt.block_on(client.prepare(articles_sql)).unwrap();
    let latest_stmt = rt.block_on(client.prepare(&format!("{articles_sql} DESC"))).unwrap();
    // By hand: the users, then their articles (`articles`) with `= ANY($1)`, grouped.
    let by_hand = |articles: &tokio_postgres::Statement| {
        let users: Vec<(i32, String, Option<String>)> = rt
            .block_on(client.query(&users_stmt, &[&100i32]))
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        let ids: Vec<i32> = users.iter().map(|u| u.0).collect();
        let articles: Vec<(i32, i32, String)> = rt
            .block_on(client.query(articles, &[&ids]))
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        group_children(users, articles, |u| u.0, |p| p.1)
    };
    compare(
        c,
        "relational-users-posts_postgres",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(100))
                    .with(pg::user_articles)
                    .all(&db),
            )
            .unwrap()
        },
        |_| by_hand(&posts_stmt),
    );
    compare(
        c,
        "relational-latest-3_postgres",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(100))
                    .with(pg::user_articles.order_by(pg::articles::id.desc()).limit(3))
                    .all(&db),
            )
            .unwrap()
        },
        |_| first_children(by_hand(&latest_stmt), 3),
    );

    let three_users = rt
        .block_on(client.prepare(r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" <= $1 ORDER BY "id""#))
        .unwrap();
    let three_remarks = rt
        .block_on(client.prepare(
            r#"SELECT "id", "article_id", "user_id", "body" FROM "remarks" WHERE "article_id" = ANY($1) ORDER BY "id""#,
        ))
        .unwrap();
    let three_authors = rt
        .block_on(client.prepare(r#"SELECT "id", "name", "hair_color" FROM "users" WHERE "id" = ANY($1)"#))
        .unwrap();
    compare(
        c,
        "relational-three-levels_postgres",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(50))
                    .with(pg::user_articles.with(pg::article_remarks.with(pg::remark_author)))
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            type User = (i32, String, Option<String>);
            let users: Vec<User> = rt
                .block_on(client.query(&three_users, &[&50i32]))
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
            let ids: Vec<i32> = users.iter().map(|u| u.0).collect();
            let articles: Vec<(i32, i32, String)> = rt
                .block_on(client.query(&posts_stmt, &[&ids]))
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2)))
                .collect();
            let article_ids: Vec<i32> = articles.iter().map(|a| a.0).collect();
            let remarks: Vec<(i32, i32, i32, String)> = rt
                .block_on(client.query(&three_remarks, &[&article_ids]))
                .unwrap()
                .iter()
                .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
                .collect();
            let mut author_ids: Vec<i32> = remarks.iter().map(|r| r.2).collect();
            author_ids.sort_unstable();
            author_ids.dedup();
            let authors: std::collections::HashMap<i32, User> = rt
                .block_on(client.query(&three_authors, &[&author_ids]))
                .unwrap()
                .iter()
                .map(|r| (r.get(0), (r.get(0), r.get(1), r.get(2))))
                .collect();
            group_three_levels(users, articles, remarks, &authors)
        },
    );

    let names = new_user_names();
    let placeholders: Vec<String> = (0..100).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
    let stmt = rt
        .block_on(client.prepare(&format!(
            "INSERT INTO \"inserted\" (\"name\", \"hair_color\") VALUES {}",
            placeholders.join(", ")
        )))
        .unwrap();
    compare(
        c,
        "insert_100_postgres",
        |_| {
            let rows: Vec<_> = names
                .iter()
                .map(|n| (inserted::name.to(n.as_str()), inserted::hair_color.to(Some("red"))))
                .collect();
            rt.block_on(insert(inserted::table).values(rows).execute(&db)).unwrap()
        },
        |_| {
            let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = names
                .iter()
                .flat_map(|n| [n as &(dyn tokio_postgres::types::ToSql + Sync), &"red"])
                .collect();
            rt.block_on(client.execute(&stmt, &params)).unwrap()
        },
    );
}

fn mysql(c: &mut Criterion) {
    use my::{inserted, posts, users};
    use mysql_async::prelude::Queryable;
    let url = std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned());
    let rt = runtime();
    let Ok(admin) = rt.block_on(mizzle::mysql::Database::connect(&url)) else {
        eprintln!("skipped MySQL: not reachable at {url}");
        return;
    };
    rt.block_on(admin.execute_sql("DROP DATABASE IF EXISTS mizzle_bench; CREATE DATABASE mizzle_bench"))
        .unwrap();
    let scoped = format!("{}/mizzle_bench", &url[..url.rfind('/').unwrap()]);
    let db = rt.block_on(mizzle::mysql::Database::connect(&scoped)).unwrap();
    rt.block_on(db.execute_sql("CREATE TABLE users (id serial PRIMARY KEY, name varchar(100) NOT NULL, hair_color varchar(100)); CREATE TABLE posts (id serial PRIMARY KEY, user_id bigint unsigned NOT NULL, title varchar(100) NOT NULL); CREATE TABLE inserted (id serial PRIMARY KEY, name varchar(100) NOT NULL, hair_color varchar(100)); CREATE TABLE articles (id serial PRIMARY KEY, user_id bigint unsigned NOT NULL, title varchar(100) NOT NULL); CREATE TABLE remarks (id serial PRIMARY KEY, article_id bigint unsigned NOT NULL, user_id bigint unsigned NOT NULL, body varchar(100) NOT NULL)")).unwrap();
    for sql in seed_sql("NULL") {
        rt.block_on(db.execute_sql(&sql)).unwrap();
    }
    let mut conn = rt.block_on(mysql_async::Conn::from_url(&scoped)).unwrap();

    compare(
        c,
        "pk_lookup_mysql",
        |i| {
            let id = i % 1000 + 1;
            rt.block_on(
                select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .filter(users::id.eq(id))
                    .get(&db),
            )
            .unwrap()
        },
        |i| {
            let id = i % 1000 + 1;
            rt.block_on(conn.exec_first::<(u64, String, Option<String>), _, _>(
                "SELECT `users`.`id`, `users`.`name`, `users`.`hair_color` FROM `users` WHERE `users`.`id` = ?",
                (id,),
            ))
            .unwrap()
        },
    );

    compare(
        c,
        "select_1000_mysql",
        |_| {
            rt.block_on(
                select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            rt.block_on(conn.exec::<(u64, String, Option<String>), _, _>(
                "SELECT `users`.`id`, `users`.`name`, `users`.`hair_color` FROM `users`",
                (),
            ))
            .unwrap()
        },
    );

    compare(
        c,
        "join_100_mysql",
        |_| {
            rt.block_on(
                select((users::name, posts::title))
                    .from(users::table)
                    .inner_join(posts::table, posts::user_id.eq(users::id))
                    .filter(users::id.lt(50u64))
                    .order_by(posts::id)
                    .limit(100)
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            rt.block_on(conn.exec::<(String, String), _, _>(
                "SELECT `users`.`name`, `posts`.`title` FROM `users` INNER JOIN `posts` ON `posts`.`user_id` = `users`.`id` WHERE `users`.`id` < ? ORDER BY `posts`.`id` ASC LIMIT 100",
                (50u64,),
            ))
            .unwrap()
        },
    );

    let in_list = vec!["?"; 100].join(", ");
    let posts_sql =
        format!("SELECT `id`, `user_id`, `title` FROM `articles` WHERE `user_id` IN ({in_list}) ORDER BY `id`");
    let latest_sql = format!("{posts_sql} DESC");
    // By hand: the users, then their articles (`articles_sql`) with an IN list, grouped.
    let mut by_hand = |articles_sql: &str| {
        let users: Vec<(u64, String, Option<String>)> = rt
            .block_on(conn.exec(
                "SELECT `id`, `name`, `hair_color` FROM `users` WHERE `id` <= ? ORDER BY `id`",
                (100u64,),
            ))
            .unwrap();
        let ids: Vec<mysql_async::Value> = users.iter().map(|u| mysql_async::Value::from(u.0)).collect();
        let articles: Vec<(u64, u64, String)> = rt.block_on(conn.exec(articles_sql, ids)).unwrap();
        group_children(users, articles, |u| u.0, |p| p.1)
    };
    compare(
        c,
        "relational-users-posts_mysql",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(100))
                    .with(my::user_articles)
                    .all(&db),
            )
            .unwrap()
        },
        |_| by_hand(&posts_sql),
    );
    compare(
        c,
        "relational-latest-3_mysql",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(100))
                    .with(my::user_articles.order_by(my::articles::id.desc()).limit(3))
                    .all(&db),
            )
            .unwrap()
        },
        |_| first_children(by_hand(&latest_sql), 3),
    );

    let in_list = |n: usize| vec!["?"; n].join(", ");
    compare(
        c,
        "relational-three-levels_mysql",
        |_| {
            rt.block_on(
                mizzle::find_many(users::table)
                    .filter(users::id.le(50))
                    .with(my::user_articles.with(my::article_remarks.with(my::remark_author)))
                    .all(&db),
            )
            .unwrap()
        },
        |_| {
            type User = (u64, String, Option<String>);
            let values = |ids: &[u64]| -> Vec<mysql_async::Value> {
                ids.iter().map(|id| mysql_async::Value::from(*id)).collect()
            };
            let users: Vec<User> = rt
                .block_on(conn.exec(
                    "SELECT `id`, `name`, `hair_color` FROM `users` WHERE `id` <= ? ORDER BY `id`",
                    (50u64,),
                ))
                .unwrap();
            let ids: Vec<u64> = users.iter().map(|u| u.0).collect();
            let articles: Vec<(u64, u64, String)> = rt
                .block_on(conn.exec(
                    format!(
                        "SELECT `id`, `user_id`, `title` FROM `articles` WHERE `user_id` IN ({}) ORDER BY `id`",
                        in_list(ids.len())
                    ),
                    values(&ids),
                ))
                .unwrap();
            let article_ids: Vec<u64> = articles.iter().map(|a| a.0).collect();
            let remarks: Vec<(u64, u64, u64, String)> = rt
                .block_on(conn.exec(
                    format!(
                        "SELECT `id`, `article_id`, `user_id`, `body` FROM `remarks` WHERE `article_id` IN ({}) ORDER BY `id`",
                        in_list(article_ids.len())
                    ),
                    values(&article_ids),
                ))
                .unwrap();
            let mut author_ids: Vec<u64> = remarks.iter().map(|r| r.2).collect();
            author_ids.sort_unstable();
            author_ids.dedup();
            let authors: Vec<User> = rt
                .block_on(conn.exec(
                    format!(
                        "SELECT `id`, `name`, `hair_color` FROM `users` WHERE `id` IN ({})",
                        in_list(author_ids.len())
                    ),
                    values(&author_ids),
                ))
                .unwrap();
            let authors: std::collections::HashMap<u64, User> = authors.into_iter().map(|u| (u.0, u)).collect();
            group_three_levels(users, articles, remarks, &authors)
        },
    );

    let names = new_user_names();
    let insert_sql = format!(
        "INSERT INTO `inserted` (`name`, `hair_color`) VALUES {}",
        vec!["(?, ?)"; 100].join(", ")
    );
    compare(
        c,
        "insert_100_mysql",
        |_| {
            let rows: Vec<_> = names
                .iter()
                .map(|n| (inserted::name.to(n.as_str()), inserted::hair_color.to(Some("red"))))
                .collect();
            rt.block_on(insert(inserted::table).values(rows).execute(&db)).unwrap()
        },
        |_| {
            let params: Vec<mysql_async::Value> = names
                .iter()
                .flat_map(|n| [mysql_async::Value::from(n.as_str()), mysql_async::Value::from("red")])
                .collect();
            rt.block_on(conn.exec_drop(insert_sql.as_str(), params)).unwrap()
        },
    );
}

/// The raw side of the relational workloads, grouped as a careful hand would: each
/// parent's children in a vector, found by the parent's key.
fn group_children<K: std::hash::Hash + Eq + Copy, P, C>(
    parents: Vec<P>,
    children: Vec<C>,
    parent_key: impl Fn(&P) -> K,
    child_key: impl Fn(&C) -> K,
) -> Vec<(P, Vec<C>)> {
    let mut by_parent: std::collections::HashMap<K, Vec<C>> = std::collections::HashMap::with_capacity(parents.len());
    for child in children {
        by_parent.entry(child_key(&child)).or_default().push(child);
    }
    parents
        .into_iter()
        .map(|parent| {
            let children = by_parent.remove(&parent_key(&parent)).unwrap_or_default();
            (parent, children)
        })
        .collect()
}

/// The raw side of the three-level workload: each remark with its author (found by its
/// `.2`), each article with its remarks (by their `.1`), each user with their articles.
#[allow(clippy::type_complexity)]
fn group_three_levels<K: std::hash::Hash + Eq + Copy>(
    users: Vec<(K, String, Option<String>)>,
    articles: Vec<(K, K, String)>,
    remarks: Vec<(K, K, K, String)>,
    authors: &std::collections::HashMap<K, (K, String, Option<String>)>,
) -> Vec<(
    (K, String, Option<String>),
    Vec<((K, K, String), Vec<((K, K, K, String), (K, String, Option<String>))>)>,
)> {
    let remarks: Vec<_> = remarks
        .into_iter()
        .map(|remark| {
            let author = authors[&remark.2].clone();
            (remark, author)
        })
        .collect();
    let articles = group_children(articles, remarks, |a| a.0, |r| r.0 .1);
    group_children(users, articles, |u| u.0, |a| a.0 .1)
}

/// The raw side of a per-parent limit: each parent's first `n` children, as fetched.
fn first_children<P, C>(mut grouped: Vec<(P, Vec<C>)>, n: usize) -> Vec<(P, Vec<C>)> {
    for (_, children) in &mut grouped {
        children.truncate(n);
    }
    grouped
}

/// One line per workload measured in this run, by name.
fn summary() {
    let mut measured = MEASURED.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
    measured.sort_by(|a, b| a.0.cmp(&b.0));
    println!();
    for (
        group,
        Paired {
            first_ns,
            second_ns,
            ratio,
        },
    ) in measured
    {
        let (workload, database) = group.rsplit_once('_').unwrap_or((&group, "?"));
        println!(
            "ratio {workload} {database} {ratio:.2} (mizzle {:.2} µs, raw {:.2} µs)",
            first_ns / 1000.0,
            second_ns / 1000.0
        );
    }
}

fn main() {
    let mut c = Criterion::default()
        .configure_from_args()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    sqlite(&mut c);
    render(&mut c);
    postgres(&mut c);
    mysql(&mut c);
    c.final_summary();
    summary();
}
