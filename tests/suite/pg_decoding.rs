//! PostgreSQL's built-in types read straight from their binary format: each value and
//! NULL read back as written, and a column whose type is not the schema's named.

use mizzle::prelude::*;
use mizzle::{insert, select};

mod tables {
    use mizzle::pg::*;
    mizzle::table! {
        pub samples in Pg {
            id: Integer [primary_key],
            small: SmallInt,
            big: BigInt,
            real: Real,
            double: DoublePrecision,
            flag: Boolean,
            text: Text,
            short: Varchar<8>,
            fixed: Char<4>,
            raw: Bytea,
            key: Uuid,
        }
    }

    // The same table as a schema that disagrees with the database: `big` read as integer.
    mizzle::table! {
        pub misread("samples") in Pg {
            id: Integer [primary_key],
            big: Integer,
        }
    }
}

use tables::{misread, samples};

async fn open(test: &str) -> Option<mizzle::pg::Database> {
    crate::support::pg(test, &[mizzle::create_table(samples::table).unwrap()]).await
}

#[tokio::test]
async fn each_built_in_type_reads_back_what_was_written() {
    let Some(db) = open("pg_decoding_values").await else {
        return;
    };
    let key = uuid::Uuid::from_u128(0x0123_4567_89ab_cdef_0123_4567_89ab_cdef);
    let full = samples::New {
        id: 1,
        small: Some(-32768),
        big: Some(i64::MAX),
        real: Some(-1.5),
        double: Some(std::f64::consts::PI),
        flag: Some(true),
        text: Some("naïve ✓".to_owned()),
        short: Some("eight ch".to_owned()),
        fixed: Some("ab".to_owned()),
        raw: Some(vec![0, 255, 7]),
        key: Some(key),
    };
    let empty = samples::New {
        id: 2,
        small: None,
        big: None,
        real: None,
        double: None,
        flag: None,
        text: None,
        short: None,
        fixed: None,
        raw: None,
        key: None,
    };
    insert(samples::table)
        .values(vec![full.clone(), empty])
        .execute(&db)
        .await
        .unwrap();
    let rows = select(samples::table.row())
        .from(samples::table)
        .order_by(samples::id.asc())
        .all(&db)
        .await
        .unwrap();
    assert_eq!(
        rows,
        vec![
            samples::Row {
                id: 1,
                small: Some(-32768),
                big: Some(i64::MAX),
                real: Some(-1.5),
                double: Some(std::f64::consts::PI),
                flag: Some(true),
                text: Some("naïve ✓".to_owned()),
                short: Some("eight ch".to_owned()),
                // char(4) pads with blanks, as PostgreSQL stores it.
                fixed: Some("ab  ".to_owned()),
                raw: Some(vec![0, 255, 7]),
                key: Some(key),
            },
            samples::Row {
                id: 2,
                small: None,
                big: None,
                real: None,
                double: None,
                flag: None,
                text: None,
                short: None,
                fixed: None,
                raw: None,
                key: None,
            },
        ]
    );
}

#[tokio::test]
async fn a_column_of_another_type_is_an_error_naming_both_types() {
    let Some(db) = open("pg_decoding_mismatch").await else {
        return;
    };
    db.execute_sql("INSERT INTO samples (id, big) VALUES (1, 5)")
        .await
        .unwrap();
    let error = select(misread::table.row())
        .from(misread::table)
        .all(&db)
        .await
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "cannot decode column 1 `big`: expected integer, found int8"
    );
}
