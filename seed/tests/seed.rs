//! Seeding on the three databases: the same rows for the same seed everywhere, every
//! constraint kept (the databases accept every row), parents before children.

use mizzle::prelude::*;
use mizzle_seed::{generators as gen, Seed};

macro_rules! blog {
    ($module:ident, $dialect:ident, $d:ty, $int:ty) => {
        pub mod $module {
            use mizzle::$dialect::*;
            mizzle::table! {
                pub users in $d {
                    id: $int [primary_key],
                    name: Text [not_null],
                    email: Text [not_null, unique],
                    city: Text,
                    age: $int [not_null],
                    invited_by: $int [references(users::id)],
                }
                define |t| {
                    t.check("users_adult", age.ge(18));
                }
            }
            mizzle::table! {
                pub posts in $d {
                    id: $int [primary_key],
                    author_id: $int [not_null, references(users::id)],
                    title: Text [not_null],
                    likes: $int [not_null],
                }
            }
            mizzle::table! {
                pub tags in $d { id: $int [primary_key], label: Text [not_null] }
            }
            mizzle::table! {
                pub post_tags in $d {
                    post_id: $int [not_null, references(posts::id)],
                    tag_id: $int [not_null, references(tags::id)],
                }
                define |t| {
                    t.primary_key((post_id, tag_id));
                }
            }

            mizzle::relations! {
                /// A user's posts, by the foreign key.
                pub user_posts: users::table => many(posts::table);
            }

            pub fn ddl() -> Vec<String> {
                mizzle::schema::Schema::new()
                    .table(users::table)
                    .table(posts::table)
                    .table(tags::table)
                    .table(post_tags::table)
                    .create_statements()
                    .unwrap()
            }

            /// The run: 50 users (ages 18 to 90 by the check), 200 posts, 10 tags, 300
            /// distinct post/tag pairs.
            pub fn run(seed: u64) -> mizzle_seed::Seed<$d> {
                mizzle_seed::Seed::new(seed)
                    .table(post_tags::table, 300)
                    .table(tags::table, 10)
                    .table(posts::table, 200)
                    .table(users::table, 50)
                    .column(users::age, super::gen::integers(0, 90))
                    .column(tags::label, super::gen::word().unique().or_null(0.0))
            }
        }
    };
}

blog!(pg, pg, Pg, Integer);
blog!(my, mysql, MySql, Int);
blog!(lite, sqlite, Sqlite, Integer);

/// The rows as dialect-neutral text: the same seed gives the same text on every dialect.
fn text_of(rows: &[mizzle_seed::TableRows]) -> String {
    rows.iter()
        .map(|t| {
            format!(
                "{} {:?} {}",
                t.table,
                t.columns,
                t.rows
                    .iter()
                    .map(|r| format!("{r:?}").replace("I32(", "N(").replace("I64(", "N("))
                    .collect::<Vec<_>>()
                    .join("|")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_same_seed_makes_the_same_rows_on_every_dialect_and_run() {
    let pg_rows = pg::run(7).rows().unwrap();
    let my_rows = my::run(7).rows().unwrap();
    let lite_rows = lite::run(7).rows().unwrap();
    assert_eq!(text_of(&pg_rows), text_of(&my_rows));
    assert_eq!(text_of(&pg_rows), text_of(&lite_rows));
    assert_eq!(text_of(&pg_rows), text_of(&pg::run(7).rows().unwrap()));
    assert_ne!(text_of(&pg_rows), text_of(&pg::run(8).rows().unwrap()));
    // Parents first, whatever the order the tables were given in.
    let order: Vec<&str> = pg_rows.iter().map(|t| t.table.as_str()).collect();
    assert_eq!(order, ["tags", "users", "posts", "post_tags"]);
    // The check holds: every age is 18 or more.
    let users = pg_rows.iter().find(|t| t.table == "users").unwrap();
    let age = users.columns.iter().position(|c| c == "age").unwrap();
    assert!(users
        .rows
        .iter()
        .all(|r| matches!(r[age], mizzle::types::Value::I32(n) if n >= 18)));
}

#[test]
fn a_domain_too_small_for_the_count_is_an_error_naming_it() {
    let error = Seed::<mizzle::pg::Pg>::new(1)
        .table(pg::tags::table, 1000)
        .column(pg::tags::label, gen::one_of(&["a", "b"]).unique())
        .rows()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("cannot make row 3 of `tags`: its unique values"),
        "{error}"
    );
    let error = Seed::<mizzle::pg::Pg>::new(1)
        .table(pg::posts::table, 1)
        .rows()
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("`posts.author_id` references `users`, which this run does not seed"),
        "{error}"
    );
}

fn pg_url() -> String {
    std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

fn mysql_url() -> String {
    std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned())
}

fn unreachable(server: &str, error: &dyn std::fmt::Display) {
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{server} is not reachable, and CI=true requires it: {error}");
    }
    eprintln!("skipped: {server} is not reachable: {error}");
}

#[tokio::test]
async fn every_seeded_row_is_accepted_by_postgres() {
    let admin = match mizzle::pg::Database::connect(&pg_url()).await {
        Ok(db) => db,
        Err(e) => return unreachable("PostgreSQL", &e),
    };
    admin
        .execute_sql("DROP SCHEMA IF EXISTS mizzle_seed_pg CASCADE; CREATE SCHEMA mizzle_seed_pg")
        .await
        .unwrap();
    let db = mizzle::pg::Database::connect(&format!("{}?options=-c%20search_path%3Dmizzle_seed_pg", pg_url()))
        .await
        .unwrap();
    for statement in pg::ddl() {
        db.execute_sql(&statement).await.unwrap();
    }
    let written = pg::run(7).run_async(&db).await.unwrap();
    assert_eq!(written, 560);
}

#[tokio::test]
async fn every_seeded_row_is_accepted_by_mariadb() {
    let admin = match mizzle::mysql::Database::connect(&mysql_url()).await {
        Ok(db) => db,
        Err(e) => return unreachable("MySQL", &e),
    };
    admin
        .execute_sql("DROP DATABASE IF EXISTS mizzle_seed_my; CREATE DATABASE mizzle_seed_my")
        .await
        .unwrap();
    let base = mysql_url();
    let url = format!("{}/mizzle_seed_my", &base[..base.rfind('/').unwrap()]);
    let db = mizzle::mysql::Database::connect(&url).await.unwrap();
    for statement in my::ddl() {
        db.execute_sql(&statement).await.unwrap();
    }
    let written = my::run(7).run_async(&db).await.unwrap();
    assert_eq!(written, 560);
}

#[test]
fn every_seeded_row_is_accepted_by_sqlite_with_foreign_keys_on() {
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    db.execute_sql("PRAGMA foreign_keys = ON").unwrap();
    for statement in lite::ddl() {
        db.execute_sql(&statement).unwrap();
    }
    let written = lite::run(7).run(&db).unwrap();
    assert_eq!(written, 560);
    for statement in lite::run(7).reset_statements() {
        db.execute_sql(&statement).unwrap();
    }
}

#[test]
fn relations_give_each_parent_its_number_of_children() {
    let rows = Seed::<mizzle::pg::Pg>::new(3)
        .table(pg::users::table, 5)
        .with(pg::user_posts, 4)
        .rows()
        .unwrap();
    let posts = rows.iter().find(|t| t.table == "posts").unwrap();
    assert_eq!(posts.rows.len(), 20);
    let author = posts.columns.iter().position(|c| c == "author_id").unwrap();
    for user in 1..=5 {
        let theirs = posts
            .rows
            .iter()
            .filter(|r| r[author] == mizzle::types::Value::I32(user))
            .count();
        assert_eq!(theirs, 4, "user {user}");
    }
    let weighted = Seed::<mizzle::pg::Pg>::new(3)
        .table(pg::users::table, 200)
        .with(
            pg::user_posts,
            mizzle_seed::PerParent::weighted(&[(70, 1..=3), (30, 10..=20)]),
        )
        .rows()
        .unwrap();
    let posts = weighted.iter().find(|t| t.table == "posts").unwrap();
    let mut per_user = std::collections::HashMap::new();
    for row in &posts.rows {
        *per_user.entry(format!("{:?}", row[author])).or_insert(0) += 1;
    }
    assert!(
        per_user.values().all(|n| (1..=3).contains(n) || (10..=20).contains(n)),
        "{per_user:?}"
    );
    let many = per_user.values().filter(|n| **n >= 10).count();
    assert!(
        (30..=90).contains(&many),
        "about 30% of 200 users have 10-20 posts: {many}"
    );
}

mod cycle {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub players in Sqlite { id: Integer [primary_key], team_id: Integer [not_null, references(teams::id)], name: Text [not_null] }
    }
    mizzle::table! {
        pub teams in Sqlite { id: Integer [primary_key], captain_id: Integer [references(players::id)], name: Text [not_null] }
    }
}

#[test]
fn a_cycle_of_keys_is_closed_by_updates_once_both_tables_have_rows() {
    use cycle::{players, teams};
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    db.execute_sql("PRAGMA foreign_keys = ON").unwrap();
    for statement in mizzle::schema::Schema::new()
        .table(players::table)
        .table(teams::table)
        .create_statements()
        .unwrap()
    {
        db.execute_sql(&statement).unwrap();
    }
    let seed = Seed::new(5).table(players::table, 30).table(teams::table, 3);
    // Listed players first, but teams come first: their captain is the key that can wait.
    let order: Vec<String> = seed.rows().unwrap().into_iter().map(|t| t.table).collect();
    assert_eq!(order, ["teams", "players"]);
    let written = seed.run(&db).unwrap();
    assert_eq!(written, 33 + 3, "33 rows inserted, 3 captains set");
    let captains = mizzle::select(teams::captain_id).from(teams::table).all(&db).unwrap();
    assert!(captains.iter().all(Option::is_some), "{captains:?}");
}

#[test]
fn every_seeded_row_passes_its_tables_select_validator() {
    use lite::{posts, users};
    use mizzle::validate::Validator;
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    for statement in lite::ddl() {
        db.execute_sql(&statement).unwrap();
    }
    lite::run(7).run(&db).unwrap();
    let users_validator = Validator::<users::table, _>::select();
    for row in mizzle::from(users::table).all(&db).unwrap() {
        let json = serde_json::Value::Object(row.to_json());
        users_validator
            .validate(&json)
            .unwrap_or_else(|e| panic!("{json}: {e:?}"));
    }
    let posts_validator = Validator::<posts::table, _>::select();
    for row in mizzle::from(posts::table).all(&db).unwrap() {
        let json = serde_json::Value::Object(row.to_json());
        posts_validator
            .validate(&json)
            .unwrap_or_else(|e| panic!("{json}: {e:?}"));
    }
}

#[test]
fn a_whole_schema_seeds_with_one_count_and_a_table_can_change_it() {
    let schema = mizzle::schema::Schema::new()
        .table(lite::users::table)
        .table(lite::posts::table)
        .table(lite::tags::table)
        .table(lite::post_tags::table);
    let rows = Seed::new(1)
        .schema(&schema, 20)
        .table(lite::tags::table, 5)
        .column(lite::users::age, gen::integers(18, 60))
        .rows()
        .unwrap();
    let counts: Vec<(String, usize)> = rows.into_iter().map(|t| (t.table, t.rows.len())).collect();
    assert_eq!(
        counts,
        [
            ("users".to_owned(), 20),
            ("tags".to_owned(), 5),
            ("posts".to_owned(), 20),
            ("post_tags".to_owned(), 20)
        ]
    );
}

mod stamped {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub events in Sqlite { id: Integer [primary_key], at: IntegerTimestamp [not_null], at_ms: IntegerTimestampMs [not_null] }
    }
}

#[test]
fn integer_timestamps_are_seeded_as_the_instants_they_read_back() {
    use stamped::events;
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    db.execute_sql(&mizzle::create_table(events::table).unwrap()).unwrap();
    Seed::new(3).table(events::table, 20).run(&db).unwrap();
    let instants = mizzle::select((events::at, events::at_ms))
        .from(events::table)
        .all(&db)
        .unwrap();
    assert_eq!(instants.len(), 20);
    let since = chrono::DateTime::parse_from_rfc3339("2000-01-01T00:00:00Z").unwrap();
    assert!(
        instants.iter().all(|(at, at_ms)| *at > since && *at_ms > since),
        "{instants:?}"
    );
}

mod special {
    use mizzle::pg::*;
    mizzle::table! {
        pub hosts in Pg {
            id: Integer [primary_key],
            address: Inet [not_null],
            network: Cidr [unique],
            mac: MacAddr,
            flags: Bit<4> [not_null],
            mask: VarBit<8>,
            location: Point,
            border: Line,
            balance: Money,
            seen: TimestampP<3>,
            words: TsVector,
            embedding_bits: VarBitAny,
        }
    }
    mizzle::table! {
        pub spots in Pg {
            id: Integer [primary_key],
            at: GeometryPoint<4326> [not_null],
        }
    }
}

mod my_points {
    use mizzle::mysql::*;
    mizzle::table! {
        pub spots in MySql {
            id: Int [primary_key],
            at: Point [not_null],
            flags: Bit<6> [not_null],
        }
    }
}

#[tokio::test]
async fn network_bit_geometric_and_search_columns_are_seeded_with_values_the_servers_take() {
    let admin = match mizzle::pg::Database::connect(&pg_url()).await {
        Ok(db) => db,
        Err(e) => return unreachable("PostgreSQL", &e),
    };
    admin
        .execute_sql("DROP SCHEMA IF EXISTS mizzle_seed_special CASCADE; CREATE SCHEMA mizzle_seed_special")
        .await
        .unwrap();
    let db = mizzle::pg::Database::connect(&format!("{}?options=-c%20search_path%3Dmizzle_seed_special", pg_url()))
        .await
        .unwrap();
    db.execute_sql(&mizzle::create_table(special::hosts::table).unwrap())
        .await
        .unwrap();
    let written = Seed::new(3)
        .table(special::hosts::table, 40)
        .run_async(&db)
        .await
        .unwrap();
    assert_eq!(written, 40);
    // A geometry needs PostGIS: where it is not there, the rest stands.
    if db
        .execute_sql("DROP EXTENSION IF EXISTS postgis CASCADE; CREATE EXTENSION postgis SCHEMA mizzle_seed_special")
        .await
        .is_ok()
    {
        db.execute_sql(&mizzle::create_table(special::spots::table).unwrap())
            .await
            .unwrap();
        assert_eq!(
            Seed::new(3)
                .table(special::spots::table, 10)
                .run_async(&db)
                .await
                .unwrap(),
            10
        );
    }
    let admin = match mizzle::mysql::Database::connect(&mysql_url()).await {
        Ok(db) => db,
        Err(e) => return unreachable("MySQL", &e),
    };
    admin
        .execute_sql("DROP DATABASE IF EXISTS mizzle_seed_points; CREATE DATABASE mizzle_seed_points")
        .await
        .unwrap();
    let base = mysql_url();
    let db = mizzle::mysql::Database::connect(&format!("{}/mizzle_seed_points", &base[..base.rfind('/').unwrap()]))
        .await
        .unwrap();
    db.execute_sql(&mizzle::create_table(my_points::spots::table).unwrap())
        .await
        .unwrap();
    assert_eq!(
        Seed::new(3)
            .table(my_points::spots::table, 10)
            .run_async(&db)
            .await
            .unwrap(),
        10
    );
}
