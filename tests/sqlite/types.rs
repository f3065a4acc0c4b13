//! Every SQLite column type round-trips: insert a value, select it back, equal; NULL too.

use super::db;
use super::schema::{samples, Prefs, Role};
use chrono::{DateTime, TimeZone, Utc};
use mizzle::prelude::*;
use mizzle::{from, insert};
use rust_decimal::Decimal;
use std::str::FromStr;

#[test]
fn values_of_every_column_type_round_trip() {
    let db = db();
    let at: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap();
    let prefs = Prefs {
        theme: "dark".into(),
        font_size: 14,
    };
    let any = serde_json::json!({"nested": [1, 2, {"k": null}], "unicode": "żółw 🐢"});
    let bytes: Vec<u8> = (0..=255u8).cycle().take(100_000).collect();
    let amount = Decimal::from_str("12345.6789").unwrap();
    for int in [i64::MIN, -1, 0, i64::MAX] {
        let id = insert(samples::table)
            .values((
                samples::int.to(int),
                samples::flag.to(true),
                samples::at.to(at),
                samples::real.to(-1.5e300),
                samples::text.to("ünïcödé ✓ and 'quotes' and \"doubles\""),
                samples::role.to(Role::Admin),
                samples::prefs.to(prefs.clone()),
                samples::any_json.to(any.clone()),
                samples::bytes.to(bytes.clone()),
                samples::amount.to(amount),
            ))
            .returning(samples::id)
            .get(&db)
            .unwrap()
            .unwrap();
        let row = from(samples::table)
            .filter(samples::id.eq(id))
            .get(&db)
            .unwrap()
            .unwrap();
        assert_eq!(
            row,
            samples::Row {
                id,
                int: Some(int),
                flag: Some(true),
                at: Some(at),
                real: Some(-1.5e300),
                text: Some("ünïcödé ✓ and 'quotes' and \"doubles\"".into()),
                role: Some(Role::Admin),
                prefs: Some(prefs.clone()),
                any_json: Some(any.clone()),
                bytes: Some(bytes.clone()),
                amount: Some(amount),
            }
        );
        // The same row through a relational query, two levels deep.
        let nested = mizzle::find_first(samples::table)
            .filter(samples::id.eq(id))
            .with(same_sample.with(same_sample))
            .get(&db)
            .unwrap()
            .expect("the row is there");
        let once = nested.related(same_sample);
        assert_eq!(
            (nested.row(), once.row(), once.related(same_sample).row()),
            (&row, &row, &row)
        );
    }
}

mizzle::relations! {
    /// A sample and itself: every column through a join, nested two levels deep.
    same_sample: samples::table => one(samples::table) on (samples::id = samples::id);
}

#[test]
fn empty_values_and_null_round_trip() {
    let db = db();
    let id = insert(samples::table)
        .values((
            samples::text.to(""),
            samples::bytes.to(Vec::<u8>::new()),
            samples::flag.to(false),
        ))
        .returning(samples::id)
        .get(&db)
        .unwrap()
        .unwrap();
    let row = from(samples::table)
        .filter(samples::id.eq(id))
        .get(&db)
        .unwrap()
        .unwrap();
    assert_eq!(row.text.as_deref(), Some(""));
    assert_eq!(row.bytes, Some(Vec::new()));
    assert_eq!(row.flag, Some(false));
    assert_eq!(
        (row.int, row.at, row.real, row.role, row.prefs, row.any_json, row.amount),
        (None, None, None, None, None, None, None)
    );
}

mod stamped {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub events in Sqlite {
            id: Integer [primary_key],
            at: IntegerTimestamp [not_null, default_now],
        }
    }
}

#[test]
fn an_integer_timestamp_defaulting_to_now_reads_back_as_an_instant() {
    use stamped::events;
    let db = db();
    db.execute_sql(&mizzle::create_table(events::table).unwrap()).unwrap();
    insert(events::table).values(events::id.to(1)).execute(&db).unwrap();
    let at: DateTime<Utc> = mizzle::select(events::at)
        .from(events::table)
        .get(&db)
        .unwrap()
        .unwrap();
    assert!(at > Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap(), "{at}");
}

#[test]
fn several_rows_of_defaults_insert_one_row_each() {
    use stamped::events;
    let db = db();
    db.execute_sql(&mizzle::create_table(events::table).unwrap()).unwrap();
    let inserted = insert(events::table)
        .values(vec![events::New { id: None, at: None }; 3])
        .execute(&db)
        .unwrap();
    assert_eq!(inserted, 3);
    let ids = mizzle::select(events::id)
        .from(events::table)
        .order_by(events::id)
        .all(&db)
        .unwrap();
    assert_eq!(ids, [1, 2, 3]);
}

mod stamped_ms {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub events in Sqlite {
            id: Integer [primary_key],
            at: IntegerTimestampMs [not_null, default_now],
        }
    }
}

#[test]
fn a_millisecond_timestamp_keeps_milliseconds_and_defaults_to_now() {
    use stamped_ms::events;
    let db = db();
    db.execute_sql(&mizzle::create_table(events::table).unwrap()).unwrap();
    let at = Utc.with_ymd_and_hms(2026, 12, 2, 16, 5, 7).unwrap() + chrono::Duration::milliseconds(321);
    insert(events::table)
        .values((events::id.to(1), events::at.to(at)))
        .execute(&db)
        .unwrap();
    insert(events::table).values(events::id.to(2)).execute(&db).unwrap();
    let stored: Vec<i64> = mizzle::select(mizzle::sql::<mizzle::types::BigInt>("at"))
        .from(events::table)
        .order_by(events::id)
        .all(&db)
        .unwrap();
    assert_eq!(stored[0], at.timestamp_millis());
    let read = mizzle::select(events::at)
        .from(events::table)
        .order_by(events::id)
        .all(&db)
        .unwrap();
    assert_eq!(read[0], at);
    assert!(
        read[1] > Utc.with_ymd_and_hms(2020, 1, 1, 0, 0, 0).unwrap(),
        "{}",
        read[1]
    );
}
