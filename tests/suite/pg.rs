//! PostgreSQL only: a kept connection the server ended, connection errors, RETURNING,
//! upserts, FULL JOIN, and a round trip of every PostgreSQL column type.

use super::pool::pool_on_postgres::one_connection_with_ada;
use super::schema::pg::{ddl, posts, users};
use crate::support;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use mizzle::pg::Database;
use mizzle::prelude::*;
use mizzle::types::Interval;
use mizzle::{count, excluded, from, insert, select, sql, Error};
pub use mizzle_test_schema::{Mood, Prefs};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::time::Duration;

/// Ends, from another connection, the server process `db`'s next statement would run on,
/// as an administrator (or a server restart) would, and waits for it to exit; returns
/// its pid.
pub(super) async fn terminate_next_connection(db: &Database) -> i32 {
    let pid = backend_pid(db).await;
    let admin = Database::connect(&support::pg_url()).await.unwrap();
    admin
        .execute_sql(&format!("SELECT pg_terminate_backend({pid}, 10000)"))
        .await
        .unwrap();
    pid
}

/// The server process serving the connection the next statement runs on (`users` has a row).
pub(super) async fn backend_pid(db: &Database) -> i32 {
    select(sql::<mizzle::types::Integer>("pg_backend_pid()"))
        .from(users::table)
        .limit(1)
        .get(db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_kept_connection_the_server_ended_is_not_handed_out() {
    let Some(db) = one_connection_with_ada("kept_ended").await else {
        return;
    };
    let ended = terminate_next_connection(&db).await;
    // Idle for a moment, the client reads the server's goodbye and sees the connection
    // closed. (A statement sent before it did gets the closed connection's error: it
    // cannot tell whether the server ran it.)
    tokio::time::sleep(Duration::from_millis(50)).await;
    // The same statement again, which the ended connection had found by its shape.
    assert_ne!(backend_pid(&db).await, ended);
}

#[tokio::test]
async fn connection_failures_name_what_failed() {
    let Some(_) = support::pg("pg_connect_errors", &[]).await else {
        return;
    };
    let wrong_scheme = Database::connect("mysql://root@127.0.0.1:3306/test")
        .await
        .unwrap_err()
        .to_string();
    assert!(wrong_scheme.contains("starts with `postgres://`"), "{wrong_scheme}");
    let bad_role = Database::connect("postgres://no_such_role:secret@127.0.0.1:5432/test")
        .await
        .unwrap_err()
        .to_string();
    assert!(
        bad_role.contains("no_such_role") && !bad_role.contains("secret"),
        "{bad_role}"
    );
    let nobody_there = Database::connect("postgres://postgres@127.0.0.1:1/test")
        .await
        .unwrap_err();
    assert!(matches!(nobody_there, Error::Connection { .. }), "{nobody_there:?}");
    assert!(nobody_there.to_string().contains("127.0.0.1:1"), "{nobody_there}");
}

#[tokio::test]
async fn returning_upserts_and_full_joins() {
    let Some(db) = support::pg("pg_returning", &ddl()).await else {
        return;
    };
    let ada = insert(users::table)
        .values((users::name.to("Ada"), users::email.to("ada@example.com")))
        .returning(users::table.row())
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (ada.name.as_str(), ada.email.as_deref()),
        ("Ada", Some("ada@example.com"))
    );
    let renamed = insert(users::table)
        .values((users::name.to("Ada Lovelace"), users::email.to("ada@example.com")))
        .on_conflict(users::email)
        .do_update(users::name.to(excluded(users::name)))
        .returning((users::id, users::name))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(renamed, [(ada.id, "Ada Lovelace".to_owned())]);
    let skipped = insert(users::table)
        .values((users::name.to("X"), users::email.to("ada@example.com")))
        .on_conflict_do_nothing()
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(skipped, 0);
    let both = select((users::name, posts::title))
        .from(users::table)
        .full_join(posts::table, posts::author_id.eq(users::id))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(both, [(Some("Ada Lovelace".to_owned()), None)]);
    let deleted = mizzle::delete(users::table)
        .filter(users::id.eq(ada.id))
        .returning(users::name)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(deleted, ["Ada Lovelace"]);
    assert_eq!(
        select(count(users::id)).from(users::table).get(&db).await.unwrap(),
        Some(0)
    );
}

mod all_types {
    use super::{Mood, Prefs};
    use mizzle::pg::*;

    mizzle::table! {
        /// One nullable column of each PostgreSQL type.
        pub samples in Pg {
            id: Serial [primary_key],
            small: SmallInt,
            int: Integer,
            big: BigInt,
            real: Real,
            double: DoublePrecision,
            amount: Numeric<20, 6>,
            flag: Boolean,
            text: Text,
            short: Varchar<50>,
            code: Char<3>,
            uuid: Uuid,
            json: Json,
            prefs: Jsonb<Prefs>,
            day: Date,
            clock: Time,
            local: Timestamp,
            instant: Timestamptz,
            span: Interval,
            bytes: Bytea,
            mood: Enum<Mood>,
            ints: Array<Integer>,
            tags: Array<Text>,
        }
    }

    mizzle::relations! {
        /// A sample and itself: every column through a join, nested two levels deep.
        pub same_sample: samples::table => one(samples::table) on (samples::id = samples::id);
    }
}

#[tokio::test]
async fn every_column_type_round_trips_with_extremes_and_null() {
    use all_types::samples;
    let ddl = vec![
        "CREATE TYPE mood AS ENUM ('happy', 'sad')".to_owned(),
        mizzle::create_table(samples::table).unwrap(),
    ];
    let Some(db) = support::pg("pg_types", &ddl).await else {
        return;
    };
    let full = samples::Row {
        id: 0,
        small: Some(i16::MIN),
        int: Some(i32::MAX),
        big: Some(i64::MIN),
        real: Some(1.5),
        double: Some(-2.25e300),
        amount: Some(Decimal::from_str("-12345678901234.123456").unwrap()),
        flag: Some(true),
        text: Some("ünïcödé ✓ 'quoted' \"doubled\" \\ backslash".into()),
        short: Some(String::new()),
        code: Some("abc".into()),
        uuid: Some(uuid::Uuid::from_u128(0x1234_5678_9abc_def0_1234_5678_9abc_def0)),
        json: Some(serde_json::json!({"a": [1, null, "x"], "b": {"c": 2.5}})),
        prefs: Some(Prefs { theme: "dark".into() }),
        day: Some(NaiveDate::from_ymd_opt(1969, 7, 20).unwrap()),
        clock: Some(NaiveTime::from_hms_micro_opt(23, 59, 59, 999_999).unwrap()),
        local: Some(NaiveDateTime::new(
            NaiveDate::from_ymd_opt(2000, 2, 29).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
        )),
        instant: Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()),
        span: Some(Interval {
            months: 14,
            days: -3,
            microseconds: 3_600_000_001,
        }),
        bytes: Some((0..=255u8).cycle().take(1 << 20).collect()),
        mood: Some(Mood::Sad),
        ints: Some(vec![i32::MIN, 0, i32::MAX]),
        tags: Some(vec!["a".into(), String::new(), "ü".into()]),
    };
    let id = insert(samples::table)
        .values(samples::New {
            id: None,
            small: full.small,
            int: full.int,
            big: full.big,
            real: full.real,
            double: full.double,
            amount: full.amount,
            flag: full.flag,
            text: full.text.clone(),
            short: full.short.clone(),
            code: full.code.clone(),
            uuid: full.uuid,
            json: full.json.clone(),
            prefs: full.prefs.clone(),
            day: full.day,
            clock: full.clock,
            local: full.local,
            instant: full.instant,
            span: full.span,
            bytes: full.bytes.clone(),
            mood: full.mood,
            ints: full.ints.clone(),
            tags: full.tags.clone(),
        })
        .returning(samples::id)
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    let row = from(samples::table)
        .filter(samples::id.eq(id))
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row, samples::Row { id, ..full });
    // The same row through a relational query, two levels deep: every type decodes the
    // same through the joins.
    let nested = mizzle::find_first(samples::table)
        .filter(samples::id.eq(row.id))
        .with(all_types::same_sample.with(all_types::same_sample))
        .get(&db)
        .await
        .unwrap()
        .expect("the row is there");
    let once = nested.related(all_types::same_sample);
    assert_eq!(
        (nested.row(), once.row(), once.related(all_types::same_sample).row()),
        (&row, &row, &row)
    );

    let empty = insert(samples::table)
        .default_values()
        .returning(samples::table.row())
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        empty,
        samples::Row {
            id: empty.id,
            small: None,
            int: None,
            big: None,
            real: None,
            double: None,
            amount: None,
            flag: None,
            text: None,
            short: None,
            code: None,
            uuid: None,
            json: None,
            prefs: None,
            day: None,
            clock: None,
            local: None,
            instant: None,
            span: None,
            bytes: None,
            mood: None,
            ints: None,
            tags: None
        }
    );

    let offset: DateTime<Utc> = DateTime::parse_from_rfc3339("2026-11-25T10:30:00+01:00")
        .unwrap()
        .with_timezone(&Utc);
    let at = insert(samples::table)
        .values(samples::instant.to(offset))
        .returning(samples::instant)
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(at, Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()));
}

#[tokio::test]
async fn concurrent_serializable_writers_get_a_serialization_failure() {
    let Some(db) = support::pg("pg_serialization", &ddl()).await else {
        return;
    };
    let barrier = tokio::sync::Barrier::new(2);
    let serializable = mizzle::TransactionOptions::new().isolation(mizzle::IsolationLevel::Serializable);
    let writer = |name: &'static str| {
        let (db, barrier) = (&db, &barrier);
        async move {
            db.transaction_with(serializable, async |tx| {
                let seen = select(count(users::id)).from(users::table).get(tx).await?;
                barrier.wait().await;
                insert(users::table).values(users::name.to(name)).execute(tx).await?;
                Ok::<_, Error>(seen)
            })
            .await
        }
    };
    let both = async { tokio::join!(writer("a"), writer("b")) };
    let (a, b) = tokio::time::timeout(Duration::from_secs(30), both)
        .await
        .expect("the conflict resolves within 30 s");
    let failure = a
        .err()
        .or(b.err())
        .expect("one of two conflicting serializable transactions fails");
    assert_eq!(
        failure.db_kind(),
        Some(mizzle::DbErrorKind::SerializationFailure),
        "{failure}"
    );
}

mod objects {
    use super::Mood;
    use mizzle::pg::*;
    mizzle::table! {
        pub accounts schema "auth" in Pg {
            id: Integer [primary_key, identity_always],
            mood: Enum<Mood> [not_null],
            first: Text [not_null],
            last: Text [not_null],
            full: Text [generated_stored("first || ' ' || last")],
        }
    }
    mizzle::table! {
        pub teams in Pg { id: Serial [primary_key], captain_id: Integer [references(players::id)] }
    }
    mizzle::table! {
        pub players in Pg { id: Serial [primary_key], team_id: Integer [references(teams::id)] }
    }
}

#[tokio::test]
async fn schemas_enums_identity_generated_columns_sequences_views_and_cycles() {
    use mizzle::schema::{Schema, Sequence};
    use objects::{accounts, players, teams};
    let adults = select((accounts::id, accounts::full))
        .from(accounts::table)
        .filter(accounts::mood.eq(Mood::Happy));
    let schema = Schema::new()
        .table(teams::table)
        .table(players::table)
        .table(accounts::table)
        .sequence(Sequence::new("tickets").start(100).increment(5))
        .view("happy_accounts", &adults);
    let Some(db) = support::pg("pg_objects", &[]).await else {
        return;
    };
    // The test's search path is its own schema; "auth" and the enum type are shared, so start clean.
    db.execute_sql("DROP SCHEMA IF EXISTS auth CASCADE; DROP TYPE IF EXISTS mood CASCADE")
        .await
        .unwrap();
    for statement in schema.create_statements().unwrap() {
        db.execute_sql(&statement).await.unwrap();
    }
    let id = insert(accounts::table)
        .values((
            accounts::mood.to(Mood::Happy),
            accounts::first.to("Ada"),
            accounts::last.to("Lovelace"),
        ))
        .returning(accounts::id)
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    let full = select(accounts::full)
        .from(accounts::table)
        .filter(accounts::id.eq(id))
        .get(&db)
        .await
        .unwrap();
    assert_eq!(full, Some(Some("Ada Lovelace".to_owned())));
    // Giving `accounts::id` a value does not compile: it is `identity_always`
    // (compile-fail-tests/cases/a_computed_column_cannot_be_written.rs).
    let ticket = select(sql::<mizzle::types::BigInt>("nextval('tickets')"))
        .from(accounts::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(ticket, Some(100));
    db.execute_sql("INSERT INTO teams (id) VALUES (1); INSERT INTO players (id, team_id) VALUES (1, 1); UPDATE teams SET captain_id = 1").await.unwrap();
    let dangling = db.execute_sql("UPDATE teams SET captain_id = 2").await.unwrap_err();
    assert_eq!(
        dangling.db_kind(),
        Some(mizzle::DbErrorKind::ForeignKeyViolation),
        "{dangling}"
    );
    let viewed = db.execute_sql("SELECT * FROM happy_accounts").await;
    assert!(viewed.is_ok(), "{viewed:?}");
    for statement in schema.drop_statements() {
        db.execute_sql(&statement).await.unwrap();
    }
    db.execute_sql("DROP SCHEMA auth").await.unwrap();
}

mod ticks {
    use mizzle::pg::*;
    mizzle::table! { pub ticks in Pg { id: Serial [primary_key], at: Timestamptz [not_null, default_now] } }
}

#[tokio::test]
async fn several_rows_of_defaults_insert_one_row_each() {
    use ticks::ticks;
    let Some(db) = support::pg("pg_ticks", &[mizzle::create_table(ticks::table).unwrap()]).await else {
        return;
    };
    let inserted = insert(ticks::table)
        .values(vec![ticks::New { id: None, at: None }; 3])
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(inserted, 3);
    assert_eq!(
        select(count(ticks::id)).from(ticks::table).get(&db).await.unwrap(),
        Some(3)
    );
}

/// A fresh database where Ada wrote Engines (5 likes) and Numbers (9), and Grace nothing.
async fn ada_and_grace(name: &str) -> Option<Database> {
    let db = support::pg(name, &ddl()).await?;
    let ids: Vec<i32> = insert(users::table)
        .values(vec![users::name.to("Ada"), users::name.to("Grace")])
        .returning(users::id)
        .all(&db)
        .await
        .unwrap();
    let post = |title: &'static str, likes: i32| {
        (
            posts::author_id.to(ids[0]),
            posts::title.to(title),
            posts::likes.to(likes),
        )
    };
    insert(posts::table)
        .values(vec![post("Engines", 5), post("Numbers", 9)])
        .execute(&db)
        .await
        .unwrap();
    Some(db)
}

#[derive(Debug, Clone, Copy, Default)]
struct Top;
impl mizzle::schema::AliasName for Top {
    const NAME: &'static str = "top";
}

#[tokio::test]
async fn a_lateral_join_finds_each_users_best_post() {
    let Some(db) = ada_and_grace("pg_lateral").await else {
        return;
    };
    let best = select(posts::title)
        .from(posts::table)
        .correlated(users::table)
        .filter(posts::author_id.eq(users::id))
        .order_by(posts::likes.desc())
        .limit(1)
        .aliased(Top);
    let title = best.field(posts::title);
    let rows = select((users::name, title))
        .from(users::table)
        .left_join_lateral(best, sql::<mizzle::types::Bool>("true"))
        .order_by(users::name)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        rows,
        [
            ("Ada".to_owned(), Some("Numbers".to_owned())),
            ("Grace".to_owned(), None)
        ]
    );
}

#[tokio::test]
async fn array_agg_collects_a_groups_values_in_order() {
    let Some(db) = ada_and_grace("pg_array_agg").await else {
        return;
    };
    let rows = select((
        users::name,
        mizzle::array_agg(posts::title).order_by(posts::title),
        mizzle::json_agg(posts::likes).filter(posts::likes.gt(6)),
    ))
    .from(users::table)
    .inner_join(posts::table, posts::author_id.eq(users::id))
    .group_by(users::id)
    .all(&db)
    .await
    .unwrap();
    assert_eq!(
        rows,
        [(
            "Ada".to_owned(),
            Some(vec!["Engines".to_owned(), "Numbers".to_owned()]),
            Some(vec![9])
        )]
    );
}

#[tokio::test]
async fn an_upsert_names_its_constraint_and_updates_only_where_its_predicate_holds() {
    let Some(db) = support::pg("pg_upsert_where", &ddl()).await else {
        return;
    };
    insert(users::table)
        .values((users::name.to("Ada"), users::email.to("ada@example.com")))
        .execute(&db)
        .await
        .unwrap();
    let upsert = |name: &'static str| {
        insert(users::table)
            .values((users::name.to(name), users::email.to("ada@example.com")))
            .on_conflict_on_constraint("users_email_unique")
            .do_update(users::name.to(excluded(users::name)))
            .filter(users::name.ne("Ada Lovelace"))
    };
    assert_eq!(upsert("Ada Lovelace").execute(&db).await.unwrap(), 1);
    // The existing row's name is now the one the predicate keeps: nothing changes.
    assert_eq!(upsert("Countess").execute(&db).await.unwrap(), 0);
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada Lovelace"]);
}

mod documents {
    use super::Mood;
    use mizzle::pg::*;
    mizzle::table! {
        pub docs in Pg {
            id: Integer [primary_key],
            body: Jsonb [not_null],
            moods: Array<Enum<Mood>>,
        }
    }
}

#[tokio::test]
async fn text_binds_to_jsonb_and_arrays_of_enums_read_back() {
    use documents::docs;
    let ddl = vec![
        "DROP TYPE IF EXISTS mood CASCADE".to_owned(),
        "CREATE TYPE mood AS ENUM ('happy', 'sad')".to_owned(),
        mizzle::create_table(docs::table).unwrap(),
    ];
    let Some(db) = support::pg("documents", &ddl).await else {
        return;
    };
    insert(docs::table)
        .values((
            docs::id.to(1),
            docs::body.to(serde_json::json!({"theme": "dark", "size": 3})),
            docs::moods.to(vec![Mood::Sad, Mood::Happy]),
        ))
        .execute(&db)
        .await
        .unwrap();
    // JSON given as text, bound where the server expects jsonb.
    let matching = select(docs::id)
        .from(docs::table)
        .filter(sql::<mizzle::types::Bool>("body @> ").bind(String::from(r#"{"theme": "dark"}"#)))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(matching, [1]);
    let refused = select(docs::id)
        .from(docs::table)
        .filter(sql::<mizzle::types::Bool>("body @> ").bind(String::from("not json")))
        .all(&db)
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("invalid input syntax for type json"),
        "{refused}"
    );
    // An array of a database enum decodes.
    let moods = select(docs::moods).from(docs::table).get(&db).await.unwrap().unwrap();
    assert_eq!(moods, Some(vec![Mood::Sad, Mood::Happy]));
}

mod tagged {
    use mizzle::pg::*;
    mizzle::table! {
        pub articles in Pg {
            id: Integer [primary_key],
            tags: Array<Text> [not_null],
        }
    }
}

#[tokio::test]
async fn array_operators_find_rows_by_their_elements() {
    use mizzle::prelude::{ArrayExpressionMethods, ElementMethods};
    use tagged::articles;
    let Some(db) = support::pg("array_operators", &[mizzle::create_table(articles::table).unwrap()]).await else {
        return;
    };
    insert(articles::table)
        .values(vec![
            (articles::id.to(1), articles::tags.to(vec!["rust", "sql"])),
            (articles::id.to(2), articles::tags.to(vec!["sql"])),
            (articles::id.to(3), articles::tags.to(Vec::<&str>::new())),
        ])
        .execute(&db)
        .await
        .unwrap();
    let with_rust = select(articles::id)
        .from(articles::table)
        .filter(articles::tags.contains(vec!["rust"]))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(with_rust, [1]);
    let within = select(articles::id)
        .from(articles::table)
        .filter(articles::tags.contained_by(vec!["sql", "orm"]))
        .order_by(articles::id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(within, [2, 3]);
    let sharing = select(articles::id)
        .from(articles::table)
        .filter(articles::tags.overlaps(vec!["sql", "go"]))
        .order_by(articles::id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(sharing, [1, 2]);
    // One statement, prepared once, for lists of any length.
    for (list, expected) in [(vec![1, 3], vec![1, 3]), (vec![2, 3, 4, 5], vec![2, 3])] {
        let found = select(articles::id)
            .from(articles::table)
            .filter(articles::id.eq_any(list))
            .order_by(articles::id)
            .all(&db)
            .await
            .unwrap();
        assert_eq!(found, expected);
    }
    let others = select(articles::id)
        .from(articles::table)
        .filter(articles::id.ne_all(vec![1, 2]))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(others, [3]);
    let lengths = select((articles::tags.array_length(1), articles::tags.cardinality()))
        .from(articles::table)
        .order_by(articles::id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(lengths, [(Some(2), 2), (Some(1), 1), (None, 0)]);
}

mod matrices {
    use mizzle::pg::*;
    mizzle::table! {
        pub grids in Pg {
            id: Integer [primary_key],
            cells: Array<Array<Integer>> [not_null],
            tags: Array<Text> [not_null],
        }
    }
}

#[tokio::test]
async fn arrays_are_subscripted_sliced_unnested_and_nested() {
    use matrices::grids;
    use mizzle::prelude::ArrayExpressionMethods;
    use mizzle::types::{Bool, Value};
    let Some(db) = support::pg("array_shapes", &[mizzle::create_table(grids::table).unwrap()]).await else {
        return;
    };
    let cells = vec![vec![1, 2, 3], vec![4, 5, 6]];
    insert(grids::table)
        .values((
            grids::id.to(1),
            grids::cells.to(cells.clone()),
            grids::tags.to(vec!["a", "b", "c"]),
        ))
        .execute(&db)
        .await
        .unwrap();
    // A two-dimensional array goes in as one parameter and comes back as nested Vecs.
    let read = select(grids::cells).from(grids::table).get(&db).await.unwrap();
    assert_eq!(read, Some(cells));
    let dims = select(mizzle::sql::<mizzle::types::Text>("array_dims(cells)"))
        .from(grids::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(dims.as_deref(), Some("[1:2][1:3]"));
    // A ragged one is refused before it is sent.
    let ragged = insert(grids::table)
        .values((
            grids::id.to(2),
            grids::cells.to(vec![vec![1], vec![2, 3]]),
            grids::tags.to(vec!["x"]),
        ))
        .execute(&db)
        .await
        .unwrap_err();
    assert!(ragged.to_string().contains("must all have the same length"), "{ragged}");
    let picked = select((grids::tags.at(2), grids::tags.at(9), grids::tags.slice(2, 3)))
        .from(grids::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(
        picked,
        Some((Some("b".to_owned()), None, vec!["b".to_owned(), "c".to_owned()]))
    );
    let each = select(grids::tags.unnest()).from(grids::table).all(&db).await.unwrap();
    assert_eq!(each, ["a", "b", "c"]);
    // An array bound in raw SQL is one parameter too.
    let any = select(grids::id)
        .from(grids::table)
        .filter(
            mizzle::sql::<Bool>("id = ANY(")
                .bind(Value::Array(vec![Value::I32(1), Value::I32(7)]))
                .text(")"),
        )
        .all(&db)
        .await
        .unwrap();
    assert_eq!(any, [1]);
}
