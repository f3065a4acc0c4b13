//! What the validators accept, the database accepts: generated bodies, real inserts.

/// A mood, stored as an enum (text on SQLite).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mood {
    Happy,
    Sad,
}

impl mizzle::types::SqlEnum for Mood {
    const TYPE_NAME: &'static str = "mood";
    const MEMBERS: &'static [&'static str] = &["happy", "sad"];
    fn as_member(&self) -> &'static str {
        match self {
            Mood::Happy => "happy",
            Mood::Sad => "sad",
        }
    }
    fn from_member(member: &str) -> Option<Self> {
        match member {
            "happy" => Some(Mood::Happy),
            "sad" => Some(Mood::Sad),
            _ => None,
        }
    }
}

/// Bodies with edge values for each field, in and out of what the columns take.
pub fn bodies() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    use serde_json::{json, Value};
    let label = prop_oneof![
        Just(Value::Null),
        "[a-zé✓ ]{0,14}".prop_map(Value::from),
        Just(json!(7))
    ];
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
    let unknown = prop_oneof![Just(None), Just(Some(json!(1)))];
    (label, small, amount, flag, mood, unknown, any::<[bool; 5]>()).prop_map(
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
                let config = proptest::test_runner::Config {
                    cases: 64,
                    failure_persistence: None,
                    ..Default::default()
                };
                proptest::test_runner::TestRunner::new(config)
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
