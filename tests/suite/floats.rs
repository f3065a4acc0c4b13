//! Floats that are not numbers: kept where the database stores them (PostgreSQL), refused
//! before anything is sent where it cannot (SQLite stores NaN as NULL; MySQL has neither).

use crate::support;
use mizzle::prelude::*;
use mizzle::{from, insert, Error};

mod lite {
    mizzle::table! { pub readings in mizzle::sqlite::Sqlite { id: mizzle::sqlite::Integer [primary_key], value: mizzle::sqlite::Real } }
}
mod my {
    mizzle::table! { pub readings in mizzle::mysql::MySql { id: mizzle::mysql::Int [primary_key], value: mizzle::mysql::Double } }
}
mod pg {
    mizzle::table! { pub readings in mizzle::pg::Pg { id: mizzle::pg::Integer [primary_key], value: mizzle::pg::DoublePrecision } }
}

const NOT_NUMBERS: [f64; 3] = [f64::NAN, f64::INFINITY, f64::NEG_INFINITY];

#[track_caller]
fn assert_refused(result: Result<u64, Error>) {
    let error = result.unwrap_err();
    assert!(matches!(error, Error::Encode { .. }), "{error:?}");
    assert!(error.to_string().contains("cannot store the float"), "{error}");
}

/// A test that `$module::readings` on `$connect`'s database refuses every non-number and
/// stores nothing.
macro_rules! refuses_not_numbers {
    ($test:ident, $module:ident, $connect:path) => {
        #[tokio::test]
        async fn $test() {
            use $module::readings;
            let Some(db) = $connect("floats", &[mizzle::create_table(readings::table).unwrap()]).await else {
                return;
            };
            for (id, x) in (1..).zip(NOT_NUMBERS) {
                assert_refused(
                    insert(readings::table)
                        .values((readings::id.to(id), readings::value.to(x)))
                        .execute(&db)
                        .await,
                );
            }
            assert!(
                from(readings::table).all(&db).await.unwrap().is_empty(),
                "nothing was stored"
            );
        }
    };
}

refuses_not_numbers!(sqlite_refuses_floats_that_are_not_numbers, lite, support::sqlite);
refuses_not_numbers!(mysql_refuses_floats_that_are_not_numbers, my, support::mysql);

#[tokio::test]
async fn postgres_keeps_floats_that_are_not_numbers() {
    use pg::readings;
    let Some(db) = support::pg("floats", &[mizzle::create_table(readings::table).unwrap()]).await else {
        return;
    };
    for (id, x) in (1..).zip(NOT_NUMBERS) {
        insert(readings::table)
            .values((readings::id.to(id), readings::value.to(x)))
            .execute(&db)
            .await
            .unwrap();
    }
    let rows = from(readings::table).order_by(readings::id).all(&db).await.unwrap();
    let values: Vec<f64> = rows.iter().map(|row| row.value.unwrap()).collect();
    assert!(values[0].is_nan());
    assert_eq!(values[1..], [f64::INFINITY, f64::NEG_INFINITY]);
}
