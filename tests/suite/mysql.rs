//! MySQL and MariaDB only: a kept connection the server closed or the driver's statement
//! cache closed a statement of, connection errors, ON DUPLICATE KEY UPDATE,
//! LAST_INSERT_ID(), and a round trip of every MySQL column type.

use super::pool::pool_on_mysql::one_connection_with_ada;
use super::schema::my::{ddl, users};
use crate::support;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Timelike, Utc};
use mizzle::mysql::Database;
use mizzle::prelude::*;
use mizzle::{excluded, from, insert, last_insert_id, select, sql, Error};
use rust_decimal::Decimal;
use std::str::FromStr;
use std::time::Duration;

/// Ends, from another connection, the connection `db`'s next statement would run on, as
/// an administrator (or the server's `wait_timeout`) would, and waits until the server
/// has let it go; returns its id.
pub(super) async fn kill_next_connection(db: &Database) -> u64 {
    use mysql_async::prelude::Queryable;
    let id = connection_id(db).await;
    let mut admin = mysql_async::Conn::from_url(support::mysql_url()).await.unwrap();
    admin.query_drop(format!("KILL {id}")).await.unwrap();
    let still_there = format!("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = {id}");
    for _ in 0..200 {
        if admin.query_first::<u64, _>(&still_there).await.unwrap() == Some(0) {
            return id;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("connection {id} was not gone two seconds after KILL");
}

/// The server's id of the connection the next statement runs on (`users` has a row).
pub(super) async fn connection_id(db: &Database) -> u64 {
    select(sql::<mizzle::types::BigIntUnsigned>("CONNECTION_ID()"))
        .from(users::table)
        .limit(1)
        .get(db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn a_write_on_a_connection_the_server_closed_runs_once_on_another() {
    let Some(db) = one_connection_with_ada("kept_killed").await else {
        return;
    };
    let killed = kill_next_connection(&db).await;
    // Taken at once, the kept connection is not pinged: the write meets the closed
    // socket before the server could run it, and runs again on a new connection.
    let changed = insert(users::table)
        .values(users::name.to("Grace"))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(changed, 1);
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada", "Grace"]);
    assert_ne!(connection_id(&db).await, killed);
}

#[tokio::test]
async fn a_kept_connection_unused_for_a_while_is_pinged_before_use() {
    let Some(db) = one_connection_with_ada("kept_idle").await else {
        return;
    };
    let killed = kill_next_connection(&db).await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada"]);
    assert_ne!(connection_id(&db).await, killed);
}

#[tokio::test]
async fn a_kept_statement_the_driver_closed_is_prepared_again() {
    let Some(_) = support::mysql("my_kept_closed", &ddl()).await else {
        return;
    };
    // A pool whose statement cache holds two statements: preparing a third closes the
    // least recently prepared one on the server, under the statement kept by its shape.
    let url = support::mysql_test_url("my_kept_closed");
    let opts = mysql_async::OptsBuilder::from_opts(mysql_async::Opts::from_url(&url).unwrap()).stmt_cache_size(2);
    let db = Database::from_pool(mysql_async::Pool::new(opts));
    insert(users::table)
        .values((users::name.to("Ada"), users::email.to(Some("ada@example.com"))))
        .execute(&db)
        .await
        .unwrap();
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada"]);
    let emails = select(users::email).from(users::table).all(&db).await.unwrap();
    assert_eq!(emails, [Some("ada@example.com".to_owned())]);
    let ids = select(users::id).from(users::table).all(&db).await.unwrap();
    assert_eq!(ids.len(), 1);
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada"]);
}

#[tokio::test]
async fn connection_failures_name_what_failed() {
    let Some(_) = support::mysql("my_connect_errors", &[]).await else {
        return;
    };
    let wrong_scheme = Database::connect("postgres://postgres@127.0.0.1:5432/test")
        .await
        .unwrap_err()
        .to_string();
    assert!(wrong_scheme.contains("starts with `mysql://`"), "{wrong_scheme}");
    let bad_user = Database::connect("mysql://no_such_user:secret@127.0.0.1:3306/test")
        .await
        .unwrap_err()
        .to_string();
    assert!(
        bad_user.contains("no_such_user") && !bad_user.contains("secret@"),
        "{bad_user}"
    );
    let nobody_there = Database::connect("mysql://root@127.0.0.1:1/test").await.unwrap_err();
    assert!(matches!(nobody_there, Error::Connection { .. }), "{nobody_there:?}");
    assert!(nobody_there.to_string().contains("127.0.0.1:1"), "{nobody_there}");
}

#[tokio::test]
async fn on_duplicate_key_update_and_last_insert_id() {
    let Some(db) = support::mysql("my_upsert", &ddl()).await else {
        return;
    };
    db.transaction(async |tx| {
        insert(users::table)
            .values((users::name.to("Ada"), users::email.to("ada@example.com")))
            .execute(tx)
            .await?;
        let ada = from(users::table)
            .filter(users::id.eq(last_insert_id()))
            .get(tx)
            .await?
            .expect("the row just inserted");
        assert_eq!(ada.name, "Ada");
        Ok::<_, Error>(())
    })
    .await
    .unwrap();
    insert(users::table)
        .values((users::name.to("Ada Lovelace"), users::email.to("ada@example.com")))
        .on_duplicate_key_update(users::name.to(excluded(users::name)))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        select(users::name).from(users::table).all(&db).await.unwrap(),
        ["Ada Lovelace"]
    );
}

/// A size, stored as a MySQL enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Small,
    Large,
}

impl mizzle::types::SqlEnum for Size {
    const TYPE_NAME: &'static str = "size";
    const MEMBERS: &'static [&'static str] = &["small", "large"];
    fn as_member(&self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Large => "large",
        }
    }
    fn from_member(member: &str) -> Option<Self> {
        match member {
            "small" => Some(Size::Small),
            "large" => Some(Size::Large),
            _ => None,
        }
    }
}

mod all_types {
    use super::Size;
    use mizzle::mysql::*;

    mizzle::table! {
        /// One nullable column of each MySQL type.
        pub samples in MySql {
            id: Serial [primary_key],
            tiny: TinyInt,
            small: SmallInt,
            medium: MediumInt,
            int: Int,
            big: BigInt,
            utiny: TinyIntUnsigned,
            usmall: SmallIntUnsigned,
            umedium: MediumIntUnsigned,
            uint: IntUnsigned,
            ubig: BigIntUnsigned,
            float: Float,
            double: Double,
            amount: Decimal<20, 6>,
            flag: Boolean,
            code: Char<3>,
            short: Varchar<50>,
            tiny_text: TinyText,
            text: Text,
            medium_text: MediumText,
            long_text: LongText,
            fixed: Binary<4>,
            bytes: Varbinary<2000>,
            json: Json,
            day: Date,
            local: DateTime,
            clock: Time,
            instant: Timestamp,
            year: Year,
            size: Enum<Size>,
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
    let Some(db) = support::mysql("my_types", &[mizzle::create_table(samples::table).unwrap()]).await else {
        return;
    };
    let full = samples::Row {
        id: 0,
        tiny: Some(i8::MIN),
        small: Some(i16::MAX),
        medium: Some(-8_388_608),
        int: Some(i32::MIN),
        big: Some(i64::MAX),
        utiny: Some(u8::MAX),
        usmall: Some(u16::MAX),
        umedium: Some(16_777_215),
        uint: Some(u32::MAX),
        ubig: Some(u64::MAX),
        float: Some(1.5),
        double: Some(-2.25e300),
        amount: Some(Decimal::from_str("-12345678901234.123456").unwrap()),
        flag: Some(true),
        code: Some("abc".into()),
        short: Some(String::new()),
        tiny_text: Some("ünïcödé ✓".into()),
        text: Some("'quoted' \"doubled\" \\ backslash".into()),
        medium_text: Some("m".repeat(70_000)),
        long_text: Some("l".repeat(100_000)),
        fixed: Some(vec![0, 1, 254, 255]),
        bytes: Some((0..=255u8).cycle().take(2000).collect()),
        json: Some(serde_json::json!({"a": [1, null, "x"], "b": {"c": 2.5}})),
        day: Some(NaiveDate::from_ymd_opt(1969, 7, 20).unwrap()),
        local: Some(NaiveDateTime::new(
            NaiveDate::from_ymd_opt(2000, 2, 29).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 1).unwrap(),
        )),
        clock: Some(NaiveTime::from_hms_opt(23, 59, 59).unwrap()),
        instant: Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap()),
        year: Some(2026),
        size: Some(Size::Large),
    };
    insert(samples::table)
        .values(samples::New {
            id: None,
            tiny: full.tiny,
            small: full.small,
            medium: full.medium,
            int: full.int,
            big: full.big,
            utiny: full.utiny,
            usmall: full.usmall,
            umedium: full.umedium,
            uint: full.uint,
            ubig: full.ubig,
            float: full.float,
            double: full.double,
            amount: full.amount,
            flag: full.flag,
            code: full.code.clone(),
            short: full.short.clone(),
            tiny_text: full.tiny_text.clone(),
            text: full.text.clone(),
            medium_text: full.medium_text.clone(),
            long_text: full.long_text.clone(),
            fixed: full.fixed.clone(),
            bytes: full.bytes.clone(),
            json: full.json.clone(),
            day: full.day,
            local: full.local,
            clock: full.clock,
            instant: full.instant,
            year: full.year,
            size: full.size,
        })
        .execute(&db)
        .await
        .unwrap();
    let row = from(samples::table).get(&db).await.unwrap().unwrap();
    assert_eq!(row, samples::Row { id: row.id, ..full });
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

    insert(samples::table).default_values().execute(&db).await.unwrap();
    let empty = from(samples::table)
        .filter(samples::id.ne(row.id))
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            empty.tiny,
            empty.ubig,
            empty.text,
            empty.json,
            empty.instant,
            empty.size
        ),
        (None, None, None, None, None, None)
    );
}

mod objects {
    use mizzle::mysql::*;
    mizzle::table! {
        pub boxes in MySql {
            id: Serial [primary_key],
            width: Int [not_null],
            height: Int [not_null],
            area: Int [generated_virtual("width * height")],
        }
    }
    mizzle::table! {
        pub teams in MySql { id: Serial [primary_key], captain_id: BigIntUnsigned [references(players::id)] }
    }
    mizzle::table! {
        pub players in MySql { id: Serial [primary_key], team_id: BigIntUnsigned [references(teams::id)] }
    }
}

#[tokio::test]
async fn generated_columns_sequences_views_and_cycles() {
    use mizzle::schema::{Schema, Sequence};
    use objects::{boxes, players, teams};
    let big = select((boxes::id, boxes::area))
        .from(boxes::table)
        .filter(boxes::area.gt(10));
    let schema = Schema::new()
        .table(teams::table)
        .table(players::table)
        .table(boxes::table)
        .sequence(Sequence::new("tickets").start(100))
        .view("big_boxes", &big);
    let Some(db) = support::mysql("my_objects", &[]).await else {
        return;
    };
    for statement in schema.create_statements().unwrap() {
        db.execute_sql(&statement).await.unwrap();
    }
    insert(boxes::table)
        .values((boxes::width.to(3), boxes::height.to(4)))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(
        select(boxes::area).from(boxes::table).all(&db).await.unwrap(),
        [Some(12)]
    );
    db.execute_sql("SELECT NEXTVAL(tickets)").await.unwrap();
    db.execute_sql("INSERT INTO teams (id) VALUES (1); INSERT INTO players (id, team_id) VALUES (1, 1); UPDATE teams SET captain_id = 1").await.unwrap();
    let dangling = db.execute_sql("UPDATE teams SET captain_id = 2").await.unwrap_err();
    assert_eq!(
        dangling.db_kind(),
        Some(mizzle::DbErrorKind::ForeignKeyViolation),
        "{dangling}"
    );
    db.execute_sql("SELECT * FROM big_boxes").await.unwrap();
    for statement in schema.drop_statements() {
        db.execute_sql(&statement).await.unwrap();
    }
}

mod ticks {
    use mizzle::mysql::*;
    mizzle::table! { pub ticks in MySql { id: Serial [primary_key], label: Varchar<10> [not_null, default("tick")] } }
}

#[tokio::test]
async fn several_rows_of_defaults_insert_one_row_each() {
    use ticks::ticks;
    let Some(db) = support::mysql("my_ticks", &[mizzle::create_table(ticks::table).unwrap()]).await else {
        return;
    };
    let inserted = insert(ticks::table)
        .values(vec![ticks::New { id: None, label: None }; 3])
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(inserted, 3);
    let labels = select(ticks::label).from(ticks::table).all(&db).await.unwrap();
    assert_eq!(labels, ["tick", "tick", "tick"]);
}

#[tokio::test]
async fn insert_ignore_skips_a_row_that_breaks_a_unique_key() {
    let Some(db) = support::mysql("my_insert_ignore", &ddl()).await else {
        return;
    };
    let row = |name: &'static str| (users::name.to(name), users::email.to("ada@example.com"));
    assert_eq!(
        insert(users::table)
            .values(row("Ada"))
            .ignore()
            .execute(&db)
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        insert(users::table)
            .values(row("Again"))
            .ignore()
            .execute(&db)
            .await
            .unwrap(),
        0
    );
    let names = select(users::name).from(users::table).all(&db).await.unwrap();
    assert_eq!(names, ["Ada"]);
}

#[tokio::test]
async fn updates_and_deletes_take_the_first_rows_in_an_order() {
    let Some(db) = support::mysql("my_write_limit", &ddl()).await else {
        return;
    };
    insert(users::table)
        .values(vec![
            users::name.to("Ada"),
            users::name.to("Grace"),
            users::name.to("Linus"),
        ])
        .execute(&db)
        .await
        .unwrap();
    let changed = mizzle::update(users::table)
        .set(users::email.to("first@example.com"))
        .all_rows()
        .order_by(users::name.desc())
        .limit(1)
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(changed, 1);
    let deleted = mizzle::delete(users::table)
        .filter(users::email.is_null())
        .order_by(users::name)
        .limit(1)
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(deleted, 1);
    let rows = select((users::name, users::email))
        .from(users::table)
        .order_by(users::name)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        rows,
        [
            ("Grace".to_owned(), None),
            ("Linus".to_owned(), Some("first@example.com".to_owned()))
        ]
    );
}

mod precise {
    use mizzle::mysql::*;
    mizzle::table! {
        pub readings in MySql {
            id: Serial [primary_key],
            taken: DateTime<3> [not_null, default_now],
            at: Timestamp<6>,
            lasted: Time<2>,
            whole: DateTime,
        }
    }
}

#[tokio::test]
async fn date_and_time_columns_keep_their_fractional_seconds() {
    use precise::readings;
    let Some(db) = support::mysql("my_fsp", &[mizzle::create_table(readings::table).unwrap()]).await else {
        return;
    };
    let taken = NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_milli_opt(16, 5, 7, 123)
        .unwrap();
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 16, 5, 7).unwrap() + chrono::Duration::microseconds(654_321);
    let lasted = NaiveTime::from_hms_milli_opt(1, 2, 3, 450).unwrap();
    insert(readings::table)
        .values((
            readings::taken.to(taken),
            readings::at.to(at),
            readings::lasted.to(lasted),
            readings::whole.to(taken),
        ))
        .execute(&db)
        .await
        .unwrap();
    insert(readings::table)
        .values(readings::at.to(at))
        .execute(&db)
        .await
        .unwrap();
    let rows = select((readings::taken, readings::at, readings::lasted, readings::whole))
        .from(readings::table)
        .order_by(readings::id)
        .all(&db)
        .await
        .unwrap();
    // Whole seconds where no digits were asked for.
    let whole = taken.with_nanosecond(0).unwrap();
    assert_eq!(rows[0], (taken, Some(at), Some(lasted), Some(whole)));
    // `now(3)` filled the second row: an instant of this century, to the millisecond.
    assert!(
        rows[1].0
            > NaiveDate::from_ymd_opt(2020, 1, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap()
    );
    assert_eq!(rows[1].0.nanosecond() % 1_000_000, 0);
}

#[tokio::test]
async fn the_keys_of_inserted_rows_come_back_with_the_insert() {
    let Some(db) = support::mysql("my_insert_ids", &ddl()).await else {
        return;
    };
    let rows = vec![users::name.to("Ada"), users::name.to("Grace"), users::name.to("Linus")];
    let ids = db.insert_ids(&insert(users::table).values(rows)).await.unwrap();
    let stored = select(users::id)
        .from(users::table)
        .order_by(users::id)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(ids, stored);
    assert_eq!(ids.len(), 3);
    let in_transaction = db
        .transaction(async |tx| {
            tx.insert_ids(&insert(users::table).values(users::name.to("Margaret")))
                .await
        })
        .await
        .unwrap();
    let margaret = select(users::id)
        .from(users::table)
        .filter(users::name.eq("Margaret"))
        .get(&db)
        .await
        .unwrap();
    assert_eq!(in_transaction, Vec::from_iter(margaret));
}
