//! What the validators accept, the database accepts: generated bodies, real inserts.

pub use mizzle_test_schema::Mood;

/// Bodies with edge values for each field, in and out of what the columns take.
pub fn bodies() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::{json, Value};
    // Mostly plausible values, so that many bodies are valid; each edge still comes up.
    let label = prop_oneof![1 => Just(Value::Null), 6 => "[a-zé✓ ]{0,14}".prop_map(Value::from), 1 => Just(json!(7))];
    let small = prop_oneof![
        Just(json!(-40_000)),
        Just(json!(-32_768)),
        Just(json!(0)),
        Just(json!(32_767)),
        Just(json!(40_000)),
        Just(json!("1")),
        Just(Value::Null)
    ];
    let amount = prop_oneof![
        Just(json!("999.99")),
        Just(json!("-999.99")),
        Just(json!("1000.00")),
        Just(json!("12.345")),
        Just(json!(5)),
        Just(json!(0.5)),
        Just(json!("abc")),
        Just(Value::Null)
    ];
    let flag = prop_oneof![Just(json!(true)), Just(json!(false)), Just(json!(1)), Just(Value::Null)];
    let mood = prop_oneof![
        Just(json!("happy")),
        Just(json!("sad")),
        Just(json!("angry")),
        Just(Value::Null)
    ];
    let unknown = prop_oneof![6 => Just(None), 1 => Just(Some(json!(1)))];
    let present = proptest::array::uniform5(proptest::bool::weighted(0.8));
    (label, small, amount, flag, mood, unknown, present).prop_map(
        |(label, small, amount, flag, mood, unknown, present)| {
            let mut body = serde_json::Map::new();
            for ((name, value), keep) in [
                ("label", label),
                ("small", small),
                ("amount", amount),
                ("flag", flag),
                ("mood", mood),
            ]
            .into_iter()
            .zip(present)
            {
                if keep {
                    body.insert(name.to_owned(), value);
                }
            }
            if let Some(value) = unknown {
                body.insert("unknown".to_owned(), value);
            }
            Value::Object(body)
        },
    )
}

/// Writes the property for one backend.
macro_rules! validation_properties {
    ($module:ident, $db:ty, $connect:path, $dialect:ident, $key:ty, $label:ty, $small:ty, $amount:ty, $flag:ty, $mood:ty) => {
        mod $module {
            use super::validation::Mood;
            use mizzle::prelude::*;
            use mizzle::validate::Validator;
            use mizzle::{from, insert};

            mod tables {
                use super::Mood;
                use crate::suite::dialects::$dialect::*;
                mizzle::table! {
                    pub entries in Dialect {
                        id: $key [primary_key],
                        label: $label [not_null],
                        small: $small,
                        amount: $amount [not_null, default(0)],
                        flag: $flag,
                        mood: $mood,
                    }
                    define |t| {
                        t.check("small_floor", small.ge(-30_000));
                    }
                }
            }
            use tables::entries;

            #[test]
            fn bodies_the_insert_validator_accepts_insert_and_rows_pass_the_select_validator() {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                let ddl = mizzle::schema::Schema::new()
                    .table(entries::table)
                    .create_statements()
                    .unwrap();
                let Some(db) = runtime.block_on($connect(concat!(stringify!($module), "_validation"), &ddl)) else {
                    return;
                };
                let inserts = Validator::<entries::table, _>::insert();
                let selects = Validator::<entries::table, _>::select();
                let accepted = std::cell::Cell::new(0);
                // A fixed seed: the same bodies every run, so the test cannot flake.
                let config = proptest::test_runner::Config {
                    cases: 128,
                    failure_persistence: None,
                    ..Default::default()
                };
                let rng =
                    proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha);
                proptest::test_runner::TestRunner::new_with_rng(config, rng)
                    .run(&super::validation::bodies(), |body| {
                        if let Ok(record) = inserts.validate(&body) {
                            accepted.set(accepted.get() + 1);
                            let inserted = runtime.block_on(insert(entries::table).values(record).execute(&db));
                            proptest::prop_assert!(
                                inserted.is_ok(),
                                "accepted {body} but the database refused it: {inserted:?}"
                            );
                        }
                        Ok(())
                    })
                    .unwrap();
                assert!(accepted.get() > 0, "some generated bodies are valid");
                let rows = runtime.block_on(from(entries::table).all(&db)).unwrap();
                assert_eq!(rows.len(), accepted.get());
                for row in rows {
                    let json = serde_json::Value::Object(row.to_json());
                    assert!(
                        selects.validate(&json).is_ok(),
                        "{json} fails the select validator: {:?}",
                        selects.validate(&json)
                    );
                }
            }
        }
    };
}
pub(crate) use validation_properties;
