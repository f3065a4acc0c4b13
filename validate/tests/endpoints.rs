//! What an API endpoint needs of a validator beyond the table's own rules: replaced and
//! narrowed rules, picked fields, server-filled values, coercion from query strings,
//! duplicate keys, error parameters, and the JSON forms of bytes and intervals.

use mizzle_dsl::types::{Interval, ToJson};
use mizzle_validate::{Code, Rule, Validator};
use serde_json::json;

mod tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub accounts in Pg {
            id: Integer [identity_always],
            owner_id: Integer [not_null],
            zip: Varchar<5> [not_null],
            plan: Text [not_null, default("free")],
            seats: SmallInt [not_null, default(1)],
            trial: Boolean,
            renews: Timestamp,
            started: Timestamptz,
            grace: Interval,
            logo: Bytea,
            code: Char<3>,
        }
    }
}
use tables::accounts;

fn codes(errors: &mizzle_validate::ValidationErrors) -> Vec<(&str, Code)> {
    errors.errors().iter().map(|e| (e.pointer.as_str(), e.code)).collect()
}

#[test]
fn an_identity_column_is_not_null_in_the_select_validator_and_its_schema() {
    let select = Validator::<accounts::table, _>::select();
    let row = json!({"id": 1, "owner_id": 2, "zip": "12345", "plan": "free", "seats": 1, "trial": null,
        "renews": null, "started": null, "grace": null, "logo": null, "code": null});
    select.validate(&row).unwrap();
    let mut null_id = row.clone();
    null_id["id"] = json!(null);
    assert_eq!(codes(&select.validate(&null_id).unwrap_err()), [("/id", Code::Null)]);
    assert_eq!(
        select.json_schema()["properties"]["id"],
        json!({"type": "integer", "minimum": i32::MIN, "maximum": i32::MAX})
    );
    // The row type says so too: the column decodes as i32, not Option<i32>.
    let _: fn(&accounts::Row) -> i32 = |row| row.id;
}

#[test]
fn a_replaced_rule_converts_the_value_and_the_column_still_checks_it() {
    // A legacy client sends the zip code as a number.
    let validator = Validator::<accounts::table, _>::insert().replace(
        accounts::zip,
        json!({"type": "integer", "minimum": 0, "maximum": 99999}),
        |value| {
            value
                .as_u64()
                .map(|n| format!("{n:05}"))
                .ok_or_else(|| "expected the zip code as a number".to_owned())
        },
    );
    let record = validator.validate(&json!({"owner_id": 1, "zip": 501})).unwrap();
    assert_eq!(record.zip, "00501");
    let refused = validator.validate(&json!({"owner_id": 1, "zip": "00501"})).unwrap_err();
    assert_eq!(codes(&refused), [("/zip", Code::Custom)]);
    assert_eq!(refused.errors()[0].message, "expected the zip code as a number");
    // What it converts to is still checked as varchar(5).
    let too_long = validator.validate(&json!({"owner_id": 1, "zip": 123456})).unwrap_err();
    assert_eq!(codes(&too_long), [("/zip", Code::TooLong)]);
    assert_eq!(
        validator.json_schema()["properties"]["zip"],
        json!({"type": "integer", "minimum": 0, "maximum": 99999})
    );
}

#[test]
fn one_of_narrows_the_values_a_column_takes() {
    let validator = Validator::<accounts::table, _>::update().refine(accounts::plan, Rule::one_of(["free", "team"]));
    assert!(validator.validate(&json!({"plan": "team"})).is_ok());
    let refused = validator.validate(&json!({"plan": "enterprise"})).unwrap_err();
    assert_eq!(codes(&refused), [("/plan", Code::NotAMember)]);
    assert_eq!(refused.errors()[0].params["members"], json!(["free", "team"]));
    assert_eq!(
        validator.json_schema()["properties"]["plan"],
        json!({"type": "string", "enum": ["free", "team"]})
    );
}

#[test]
fn picked_and_omitted_fields_are_all_an_endpoint_takes() {
    let rename = Validator::<accounts::table, _>::update().pick((accounts::plan, accounts::seats));
    assert!(rename.validate(&json!({"plan": "team", "seats": 5})).is_ok());
    let refused = rename
        .validate(&json!({"plan": "team", "owner_id": 9, "zip": "1"}))
        .unwrap_err();
    assert_eq!(
        codes(&refused),
        [("/owner_id", Code::NotAllowed), ("/zip", Code::NotAllowed)]
    );
    let schema = rename.json_schema();
    let properties: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    assert_eq!(properties, ["plan", "seats"]);

    // The owner comes from the session, never from the body.
    let create = Validator::<accounts::table, _>::insert().omit(accounts::owner_id);
    let record = create
        .validate_with(&json!({"zip": "12345"}), |fill| {
            fill.set(accounts::owner_id, 42);
        })
        .unwrap();
    assert_eq!((record.owner_id, record.zip.as_str()), (42, "12345"));
    let forged = create
        .validate_with(&json!({"zip": "12345", "owner_id": 1}), |fill| {
            fill.set(accounts::owner_id, 42);
        })
        .unwrap_err();
    assert_eq!(codes(&forged), [("/owner_id", Code::NotAllowed)]);
    let unfilled = create.validate(&json!({"zip": "12345"})).unwrap_err();
    assert_eq!(codes(&unfilled), [("/owner_id", Code::Required)]);
    assert!(unfilled.to_string().contains("validate_with"), "{unfilled}");
    assert_eq!(create.json_schema()["required"], json!(["zip"]));
}

#[test]
fn coercion_reads_query_string_text_only_when_asked() {
    let body = json!({"owner_id": "7", "zip": "12345", "seats": "3", "trial": "on",
        "renews": "2026-12-02 10:30", "started": "1764671400", "code": ""});
    let strict = Validator::<accounts::table, _>::insert();
    assert_eq!(
        codes(&strict.validate(&body).unwrap_err()),
        [
            ("/owner_id", Code::Type),
            ("/seats", Code::Type),
            ("/trial", Code::Type),
            ("/renews", Code::Format),
            ("/started", Code::Format)
        ]
    );
    let record = strict.clone().coerce().validate(&body).unwrap();
    assert_eq!((record.owner_id, record.seats, record.trial), (7, Some(3), Some(true)));
    assert_eq!(record.renews.unwrap().to_string(), "2026-12-02 10:30:00");
    assert_eq!(record.started.unwrap().to_rfc3339(), "2025-12-02T10:30:00+00:00");
    // An empty field of a text column stays text.
    assert_eq!(record.code.as_deref(), Some(""));
    let wrong = strict
        .coerce()
        .validate(&json!({"owner_id": "seven", "zip": "1", "trial": "maybe"}))
        .unwrap_err();
    assert_eq!(codes(&wrong), [("/owner_id", Code::Type), ("/trial", Code::Type)]);
}

#[test]
fn a_key_given_twice_is_refused_where_the_text_is_read() {
    let validator = Validator::<accounts::table, _>::insert();
    let errors = validator
        .validate_str(r#"{"owner_id": 1, "zip": "12345", "owner_id": 2, "logo": null}"#)
        .unwrap_err();
    assert_eq!(codes(&errors), [("/owner_id", Code::DuplicateKey)]);
    // Reported beside every other problem of the body.
    let both = validator
        .validate_str(r#"{"owner_id": 1, "zip": "123456", "owner_id": "2"}"#)
        .unwrap_err();
    assert_eq!(
        codes(&both),
        [
            ("/owner_id", Code::DuplicateKey),
            ("/owner_id", Code::Type),
            ("/zip", Code::TooLong)
        ]
    );
    assert_eq!(errors.errors()[0].params["key"], json!("owner_id"));
    assert!(validator.validate_str(r#"{"owner_id": 1, "zip": "12345"}"#).is_ok());
    let not_json = validator.validate_str(r#"{"owner_id": 1,"#).unwrap_err();
    assert_eq!(codes(&not_json), [("", Code::InvalidBody)]);
}

#[test]
fn errors_carry_their_parameters_for_messages_of_your_own() {
    let validator = Validator::<accounts::table, _>::insert().refine(accounts::zip, Rule::pattern("^[0-9]+$").unwrap());
    let errors = validator
        .validate(&json!({"owner_id": 3_000_000_000u64, "zip": "12a456", "seats": "2", "code": "abcd", "logo": "***"}))
        .unwrap_err();
    let params: Vec<(&str, serde_json::Value)> = errors
        .errors()
        .iter()
        .map(|e| (e.code.as_str(), serde_json::Value::Object(e.params.clone())))
        .collect();
    assert_eq!(
        params,
        [
            ("out_of_range", json!({"min": i32::MIN, "max": i32::MAX})),
            ("too_long", json!({"max": 5, "actual": 6, "unit": "characters"})),
            ("pattern", json!({"pattern": "^[0-9]+$"})),
            ("type", json!({"expected": "integer", "found": "string"})),
            ("format", json!({"format": "byte"})),
            ("too_long", json!({"max": 3, "actual": 4, "unit": "characters"})),
        ]
    );
    assert_eq!(
        errors.to_json()["errors"][1],
        json!({"pointer": "/zip", "code": "too_long", "message": "6 characters; at most 5",
            "params": {"max": 5, "actual": 6, "unit": "characters"}})
    );
}

#[test]
fn bytes_travel_as_base64_and_intervals_as_iso_8601_durations() {
    assert_eq!(
        ToJson::<mizzle_dsl::types::Bytes>::to_json(&vec![0u8, 1, 254, 255]),
        json!("AAH+/w==")
    );
    let cases = [
        (
            Interval {
                months: 14,
                days: 3,
                microseconds: 14_706_500_000,
            },
            "P1Y2M3DT4H5M6.5S",
        ),
        (
            Interval {
                months: -1,
                days: 0,
                microseconds: 7_200_000_000,
            },
            "P-1MT2H",
        ),
        (
            Interval {
                months: 0,
                days: 0,
                microseconds: -500_000,
            },
            "PT-0.5S",
        ),
        (Interval::default(), "PT0S"),
    ];
    for (interval, text) in cases {
        assert_eq!(
            ToJson::<mizzle_dsl::types::IntervalType>::to_json(&interval),
            json!(text)
        );
        assert_eq!(Interval::parse_iso8601(text), Ok(interval), "{text}");
    }
    assert_eq!(
        Interval::parse_iso8601("-P1W2DT1M"),
        Ok(Interval {
            months: 0,
            days: -9,
            microseconds: -60_000_000
        })
    );
    for wrong in [
        "",
        "P",
        "1D",
        "PT",
        "P1H",
        "P1D2Y",
        "PT1.5M",
        "P1.5D",
        "PT1.1234567S",
        "P99999999999Y",
    ] {
        assert!(Interval::parse_iso8601(wrong).is_err(), "{wrong}");
    }
    let validator = Validator::<accounts::table, _>::insert();
    let record = validator
        .validate(&json!({"owner_id": 1, "zip": "1", "grace": "P14D", "logo": "iVBORw0KGgo"}))
        .unwrap();
    assert_eq!(
        record.grace,
        Some(Interval {
            months: 0,
            days: 14,
            microseconds: 0
        })
    );
    assert_eq!(
        record.logo.as_deref(),
        Some(&[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a][..])
    );
    let schema = validator.json_schema();
    assert_eq!(
        schema["properties"]["logo"],
        json!({"anyOf": [{"type": "string", "format": "byte", "contentEncoding": "base64"}, {"type": "null"}]})
    );
    assert_eq!(
        schema["properties"]["grace"],
        json!({"anyOf": [{"type": "string", "format": "duration"}, {"type": "null"}]})
    );
}

mod other_dialects {
    mizzle_dsl::table! {
        pub my_accounts in mizzle_dsl::mysql::MySql {
            id: mizzle_dsl::mysql::Serial [primary_key],
            owner_id: mizzle_dsl::mysql::Int [not_null],
            trial: mizzle_dsl::mysql::Boolean,
            seats: mizzle_dsl::mysql::TinyIntUnsigned,
            logo: mizzle_dsl::mysql::Varbinary<4>,
            notes: mizzle_dsl::mysql::TinyText,
        }
    }
    mizzle_dsl::table! {
        pub lite_accounts in mizzle_dsl::sqlite::Sqlite {
            id: mizzle_dsl::sqlite::Integer [primary_key],
            owner_id: mizzle_dsl::sqlite::Integer [not_null],
            trial: mizzle_dsl::sqlite::IntegerBool,
            started: mizzle_dsl::sqlite::IntegerTimestamp,
            logo: mizzle_dsl::sqlite::Blob,
        }
    }
}
use other_dialects::{lite_accounts, my_accounts};

#[test]
fn mysql_and_sqlite_tables_take_the_same_endpoint_rules() {
    let my = Validator::<my_accounts::table, _>::insert()
        .omit(my_accounts::owner_id)
        .coerce();
    let record = my
        .validate_with(&json!({"trial": "off", "seats": "12", "logo": "3q2+7w=="}), |fill| {
            fill.set(my_accounts::owner_id, 5);
        })
        .unwrap();
    assert_eq!(
        (record.owner_id, record.trial, record.seats, record.logo),
        (5, Some(false), Some(12), Some(vec![0xde, 0xad, 0xbe, 0xef]))
    );
    let refused = my
        .validate_with(
            &json!({"seats": "300", "logo": "3q2+7wA=", "notes": "é".repeat(128)}),
            |fill| {
                fill.set(my_accounts::owner_id, 5);
            },
        )
        .unwrap_err();
    assert_eq!(
        codes(&refused),
        [
            ("/seats", Code::OutOfRange),
            ("/logo", Code::TooLong),
            ("/notes", Code::TooLong)
        ]
    );
    assert_eq!(refused.errors()[2].params["unit"], json!("bytes"));

    let lite = Validator::<lite_accounts::table, _>::update()
        .pick((lite_accounts::trial, lite_accounts::started))
        .coerce();
    let patch = lite.validate(&json!({"trial": "1", "started": "1764671400"})).unwrap();
    assert_eq!(patch.trial, Some(Some(true)));
    assert_eq!(patch.started.flatten().map(|at| at.timestamp()), Some(1_764_671_400));
    assert_eq!(
        codes(&lite.validate(&json!({"logo": "AA=="})).unwrap_err()),
        [("/logo", Code::NotAllowed)]
    );
    let row = lite_accounts::Row {
        id: 1,
        owner_id: 2,
        trial: None,
        started: None,
        logo: Some(vec![0, 1, 2]),
    };
    assert_eq!(row.to_json()["logo"], json!("AAEC"));
    Validator::<lite_accounts::table, _>::select()
        .validate(&serde_json::Value::Object(row.to_json()))
        .unwrap();
}
