//! Validators derived from tables: what they accept and build, what they refuse and why.

use mizzle_dsl::prelude::*;
pub use mizzle_test_schema::{Mood, Prefs};
use mizzle_validate::{Code, Rule, Validator};
use serde_json::json;

mod pg_tables {
    use super::{Mood, Prefs};
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub people in Pg {
            id: Integer [primary_key, identity_always],
            name: Varchar<10> [not_null],
            nickname: Text,
            age: SmallInt [not_null, default(0)],
            score: Numeric<5, 2>,
            ratio: DoublePrecision,
            active: Boolean [not_null],
            token: Uuid,
            born: Date,
            wakes: Time,
            seen: Timestamp,
            joined: Timestamptz,
            pause: Interval,
            photo: Bytea,
            mood: Enum<Mood>,
            prefs: Jsonb<Prefs>,
            extra: Json,
            tags: Array<Varchar<3>>,
            slug: Text [generated_stored("lower(name)")],
        }
    }
}
use pg_tables::people;

fn codes(errors: &mizzle_validate::ValidationErrors) -> Vec<(&str, Code)> {
    errors.errors().iter().map(|e| (e.pointer.as_str(), e.code)).collect()
}

#[test]
fn an_insert_body_with_every_type_builds_the_record() {
    let body = json!({
        "name": "Ada", "nickname": null, "age": 36, "score": "123.45", "ratio": 0.5, "active": true,
        "token": "67e55044-10b1-426f-9247-bb680e5fe0c8", "born": "1815-12-10", "wakes": "06:30:00",
        "seen": "2026-11-25T09:30:00", "joined": "2026-11-25T10:30:00+01:00", "pause": "P2D",
        "photo": "AQL/", "mood": "happy", "prefs": {"theme": "dark"}, "extra": {"any": [1, "x"]},
        "tags": ["a", "bc"]
    });
    let record = Validator::<people::table, _>::insert().validate(&body).unwrap();
    assert_eq!(record.name, "Ada");
    assert_eq!(record.age, Some(36));
    assert_eq!(record.score, Some("123.45".parse().unwrap()));
    assert_eq!(
        record.joined,
        Some(
            chrono::DateTime::parse_from_rfc3339("2026-11-25T09:30:00Z")
                .unwrap()
                .with_timezone(&chrono::Utc)
        )
    );
    assert_eq!(
        record.pause,
        Some(mizzle_dsl::types::Interval {
            months: 0,
            days: 2,
            microseconds: 0
        })
    );
    assert_eq!(record.photo, Some(vec![1, 2, 255]));
    assert_eq!(record.mood, Some(Mood::Happy));
    assert_eq!(record.prefs, Some(Prefs { theme: "dark".into() }));
    assert_eq!(record.tags, Some(vec!["a".to_owned(), "bc".to_owned()]));
    assert_eq!((record.id, record.slug.as_deref()), (None, None));
    // The record goes straight into an insert.
    assert!(mizzle_dsl::query::insert(people::table).values(record).to_sql().is_ok());
}

#[test]
fn an_insert_body_reports_every_problem_with_its_pointer_and_code() {
    let body = json!({
        "id": 7, "age": 40_000, "score": 1234.5, "ratio": "half", "active": null, "token": "not-a-uuid",
        "born": "1815-13-10", "wakes": 630, "joined": "2026-11-25T10:30:00", "photo": "AQL/!", "pause": {"days": 2},
        "mood": "angry", "prefs": {"colour": 1}, "tags": ["abcd", null], "slug": "x", "unknown": 1, "name": "Ada Lovelace!"
    });
    let errors = Validator::<people::table, _>::insert().validate(&body).unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            ("/unknown", Code::UnknownField),
            ("/id", Code::NotWritable),
            ("/name", Code::TooLong),
            ("/age", Code::OutOfRange),
            ("/score", Code::Precision),
            ("/ratio", Code::Type),
            ("/active", Code::Null),
            ("/token", Code::Format),
            ("/born", Code::Format),
            ("/wakes", Code::Type),
            ("/joined", Code::Format),
            ("/pause", Code::Type),
            ("/photo", Code::Format),
            ("/mood", Code::NotAMember),
            ("/tags/0", Code::TooLong),
            ("/tags/1", Code::Null),
            ("/slug", Code::NotWritable),
        ]
    );
    let missing = Validator::<people::table, _>::insert()
        .validate(&json!({}))
        .unwrap_err();
    assert_eq!(
        codes(&missing),
        [("/name", Code::Required), ("/active", Code::Required)]
    );
    let typed_json = Validator::<people::table, _>::insert()
        .validate(&json!({"name": "A", "active": true, "prefs": {"colour": 1}}))
        .unwrap_err();
    assert_eq!(codes(&typed_json), [("/prefs", Code::Type)]);
    assert!(
        typed_json
            .to_string()
            .contains("/prefs: does not fit the column's JSON type"),
        "{typed_json}"
    );
}

#[test]
fn updates_take_any_subset_and_selects_need_every_column() {
    let patch = Validator::<people::table, _>::update()
        .validate(&json!({"nickname": null, "age": 3}))
        .unwrap();
    assert_eq!(
        patch,
        people::Patch {
            nickname: Some(None),
            age: Some(3),
            ..Default::default()
        }
    );
    let refused = Validator::<people::table, _>::update()
        .validate(&json!({"name": null}))
        .unwrap_err();
    assert_eq!(codes(&refused), [("/name", Code::Null)]);
    let row = json!({
        "id": 1, "name": "Ada", "nickname": null, "age": 3, "score": null, "ratio": null, "active": false, "token": null,
        "born": null, "wakes": null, "seen": null, "joined": null, "pause": null, "photo": null, "mood": null,
        "prefs": null, "extra": null, "tags": null, "slug": "ada"
    });
    assert!(Validator::<people::table, _>::select().validate(&row).is_ok());
    let mut partial = row.clone();
    partial.as_object_mut().unwrap().remove("slug");
    assert_eq!(
        codes(&Validator::<people::table, _>::select().validate(&partial).unwrap_err()),
        [("/slug", Code::Required)]
    );
}

#[test]
fn refinements_add_lengths_ranges_patterns_and_custom_rules() {
    let validator = Validator::<people::table, _>::insert()
        .refine(people::name, Rule::MinLength(2))
        .refine(people::nickname, Rule::pattern("^[a-z]+$").unwrap())
        .refine(
            people::age,
            Rule::Range {
                min: Some(18.0),
                max: Some(130.0),
            },
        )
        .refine(
            people::name,
            Rule::custom(|v| if v == "root" { Err("is reserved".into()) } else { Ok(()) }),
        );
    let errors = validator
        .validate(&json!({"name": "A", "nickname": "Ada", "age": 12, "active": true}))
        .unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            ("/name", Code::TooShort),
            ("/nickname", Code::Pattern),
            ("/age", Code::OutOfRange)
        ]
    );
    let reserved = validator
        .validate(&json!({"name": "root", "active": true}))
        .unwrap_err();
    assert_eq!(reserved.errors()[0].message, "is reserved");
    let unknown_allowed = Validator::<people::table, _>::insert().allow_unknown_fields();
    assert!(unknown_allowed
        .validate(&json!({"name": "Ada", "active": true, "csrf": "x"}))
        .is_ok());
}

#[test]
fn text_that_is_not_an_object_or_not_json_is_refused() {
    let validator = Validator::<people::table, _>::insert();
    assert_eq!(
        codes(&validator.validate_str("[1, 2]").unwrap_err()),
        [("", Code::InvalidBody)]
    );
    assert_eq!(
        codes(&validator.validate_str("{\"name\": ").unwrap_err()),
        [("", Code::InvalidBody)]
    );
}

mod small {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub notes in Sqlite {
            id: Integer [primary_key],
            title: Text [not_null],
            done: IntegerBool [not_null, default(false)],
            body: Text,
        }
    }
}

#[test]
fn the_json_schema_says_what_the_validator_accepts() {
    let schema = Validator::<small::notes::table, _>::insert()
        .refine(small::notes::title, Rule::MaxLength(80))
        .json_schema();
    assert_eq!(
        schema,
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "notes (insert)",
            "type": "object",
            "properties": {
                "id": {"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX},
                "title": {"type": "string", "maxLength": 80},
                "done": {"type": "boolean"},
                "body": {"anyOf": [{"type": "string"}, {"type": "null"}]}
            },
            "required": ["title"],
            "additionalProperties": false
        })
    );
    let computed = Validator::<people::table, _>::insert().json_schema();
    assert!(computed["properties"].get("slug").is_none() && computed["properties"].get("id").is_none());
}

mod other_dialects {
    use super::Mood;
    use mizzle_dsl::{mysql, sqlite};
    mizzle_dsl::table! {
        pub my_counts in mysql::MySql {
            tiny: mysql::TinyIntUnsigned [not_null],
            big: mysql::BigIntUnsigned,
            code: mysql::Char<2>,
            year: mysql::Year,
            size: mysql::Enum<Mood>,
            blob: mysql::Varbinary<2>,
        }
    }
    mizzle_dsl::table! {
        pub lite_things in sqlite::Sqlite {
            at: sqlite::IntegerTimestamp,
            mood: sqlite::TextEnum<Mood>,
            data: sqlite::TextJson,
            flag: sqlite::IntegerBool,
        }
    }
}

#[test]
fn mysql_and_sqlite_types_have_their_own_limits() {
    use other_dialects::{lite_things, my_counts};
    let ok = Validator::<my_counts::table, _>::insert()
        .validate(&json!({"tiny": 255, "big": 18_446_744_073_709_551_615u64, "code": "ab", "year": 2026, "size": "sad", "blob": "AQI="}))
        .unwrap();
    assert_eq!((ok.tiny, ok.big), (255, Some(u64::MAX)));
    let refused = Validator::<my_counts::table, _>::insert()
        .validate(&json!({"tiny": -1, "big": -1, "code": "abc", "year": 1800, "size": "big", "blob": "AQID"}))
        .unwrap_err();
    assert_eq!(
        codes(&refused),
        [
            ("/tiny", Code::OutOfRange),
            ("/big", Code::OutOfRange),
            ("/code", Code::TooLong),
            ("/year", Code::OutOfRange),
            ("/size", Code::NotAMember),
            ("/blob", Code::TooLong)
        ]
    );
    let thing = Validator::<lite_things::table, _>::insert()
        .validate(&json!({"at": "2026-11-25T09:30:00Z", "mood": "happy", "data": [1, {"a": null}], "flag": false}))
        .unwrap();
    assert_eq!(thing.flag, Some(false));
    let wrong = Validator::<lite_things::table, _>::insert()
        .validate(&json!({"at": 1_700_000_000, "flag": 1}))
        .unwrap_err();
    assert_eq!(codes(&wrong), [("/at", Code::Type), ("/flag", Code::Type)]);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// No input makes a validator panic: it accepts or reports.
    #[test]
    fn no_body_makes_a_validator_panic(body in arbitrary_json()) {
        let _ = Validator::<people::table, _>::insert().validate(&body);
        let _ = Validator::<people::table, _>::update().validate(&body);
        let _ = Validator::<people::table, _>::select().validate(&body);
    }
}

/// Objects with the table's own field names (and others), holding any JSON.
fn arbitrary_json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(serde_json::Value::from),
        "[a-z0-9:.\\-T+ ]{0,40}".prop_map(serde_json::Value::from),
    ];
    let value = leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map("[a-z]{1,8}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()))
        ]
    });
    let names = prop_oneof![
        Just("name"),
        Just("age"),
        Just("score"),
        Just("born"),
        Just("tags"),
        Just("pause"),
        Just("photo"),
        Just("prefs"),
        Just("mood"),
        Just("other")
    ];
    prop_oneof![
        value.clone(),
        proptest::collection::btree_map(names.prop_map(str::to_owned), value, 0..8)
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()))
    ]
}

mod checked {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub members in Pg {
            name: Text,
            nickname: Text,
            age: Integer [not_null],
            score: Numeric<5, 2>,
            level: Integer,
        }
        define |t| {
            t.check("adult", age.ge(18));
            t.check("score_range", score.between(0, 100));
            t.check("named", name.is_not_null().or(nickname.is_not_null()));
            t.check("level_known", level.in_array([1, 2, 3]).and(level.add(age).lt(200)));
            t.check_sql("raw", "length(name) < 50");
        }
    }
}

#[test]
fn typed_checks_of_the_table_are_evaluated_in_rust() {
    use checked::members;
    let validator = Validator::<members::table, _>::insert();
    assert!(validator
        .validate(&json!({"name": "Ada", "age": 36, "score": "99.50", "level": 2}))
        .is_ok());
    let errors = validator
        .validate(&json!({"age": 12, "score": "100.01", "level": 4}))
        .unwrap_err();
    assert_eq!(
        errors.errors().iter().map(|e| e.message.as_str()).collect::<Vec<_>>(),
        [
            "breaks the check `adult`: \"age\" >= 18",
            "breaks the check `score_range`: \"score\" BETWEEN 0 AND 100",
            "breaks the check `named`: (\"name\" IS NOT NULL OR \"nickname\" IS NOT NULL)",
            "breaks the check `level_known`: (\"level\" IN (1, 2, 3) AND (\"level\" + \"age\") < 200)",
        ]
    );
    assert!(errors.errors().iter().all(|e| e.code == Code::Check));
    // NULL makes a check unknown, which SQL lets pass; so does a column the body leaves out.
    assert!(validator
        .validate(&json!({"nickname": "A", "age": 30, "score": null}))
        .is_ok());
}

mod every_mysql_type {
    use super::Mood;
    use mizzle_dsl::mysql::*;
    mizzle_dsl::table! {
        pub all in MySql {
            tiny: TinyInt, small: SmallInt, medium: MediumInt, int: Int, big: BigInt,
            utiny: TinyIntUnsigned, usmall: SmallIntUnsigned, umedium: MediumIntUnsigned, uint: IntUnsigned,
            ubig: BigIntUnsigned, serial: Serial, float: Float, double: Double, amount: Decimal<6, 3>, flag: Boolean,
            code: Char<2>, short: Varchar<4>, tiny_text: TinyText, text: Text, medium_text: MediumText,
            long_text: LongText, fixed: Binary<2>, bytes: Varbinary<3>, json: Json, day: Date, local: DateTime,
            clock: Time, instant: Timestamp, year: Year, size: Enum<Mood>,
        }
    }
}

mod every_sqlite_type {
    use super::Mood;
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub all in Sqlite {
            int: Integer, flag: IntegerBool, at: IntegerTimestamp, real: Real, text: Text, mood: TextEnum<Mood>,
            data: TextJson, bytes: Blob, amount: Numeric,
        }
    }
}

/// For each field: a value the column takes, and one it refuses with the code given.
fn accepts_and_refuses<T: mizzle_dsl::query::TableRecords>(cases: &[(&str, serde_json::Value, serde_json::Value, Code)])
where
    T::New: mizzle_dsl::query::FromJsonRecord,
{
    let validator = Validator::<T, _>::insert();
    let good: serde_json::Map<_, _> = cases
        .iter()
        .map(|(field, good, _, _)| (field.to_string(), good.clone()))
        .collect();
    if let Err(errors) = validator.validate(&serde_json::Value::Object(good)) {
        panic!("a body of good values is refused: {errors}");
    }
    for (field, _, bad, code) in cases {
        if bad.is_null() {
            // A nullable JSON column takes any JSON, null included: nothing to refuse.
            continue;
        }
        let Err(errors) = validator.validate(&json!({ *field: bad.clone() })) else {
            panic!("{field} = {bad} is accepted");
        };
        // The problem is at the field, or at the element of it that is wrong.
        let pointer = format!("/{field}");
        let under: Vec<Code> = errors
            .errors()
            .iter()
            .filter(|e| e.pointer == pointer || e.pointer.starts_with(&format!("{pointer}/")))
            .map(|e| e.code)
            .collect();
        assert_eq!(under, [*code], "{field} = {bad}: {errors}");
    }
}

#[test]
fn every_mysql_column_type_accepts_its_values_and_refuses_others() {
    let long = |n: usize| json!("x".repeat(n));
    accepts_and_refuses::<every_mysql_type::all::table>(&[
        ("tiny", json!(-128), json!(128), Code::OutOfRange),
        ("small", json!(32_767), json!(-32_769), Code::OutOfRange),
        ("medium", json!(-8_388_608), json!(8_388_608), Code::OutOfRange),
        ("int", json!(i32::MIN), json!(2_147_483_648u64), Code::OutOfRange),
        ("big", json!(i64::MAX), json!(u64::MAX), Code::OutOfRange),
        ("utiny", json!(255), json!(256), Code::OutOfRange),
        ("usmall", json!(65_535), json!(-1), Code::OutOfRange),
        ("umedium", json!(16_777_215), json!(16_777_216), Code::OutOfRange),
        ("uint", json!(u32::MAX), json!(4_294_967_296u64), Code::OutOfRange),
        ("ubig", json!(u64::MAX), json!(-1), Code::OutOfRange),
        ("serial", json!(1), json!(1.5), Code::Type),
        ("float", json!(1.5), json!("1.5"), Code::Type),
        ("double", json!(-2.5e300), json!(true), Code::Type),
        ("amount", json!("123.456"), json!("1234.5"), Code::Precision),
        ("flag", json!(false), json!(0), Code::Type),
        ("code", json!("ab"), json!("abc"), Code::TooLong),
        ("short", json!("ébcd"), json!("abcde"), Code::TooLong),
        ("tiny_text", long(255), long(256), Code::TooLong),
        // Text types count bytes of UTF-8: 128 two-byte characters are 256 bytes.
        (
            "tiny_text",
            json!("é".repeat(127)),
            json!("é".repeat(128)),
            Code::TooLong,
        ),
        ("text", long(1000), json!(5), Code::Type),
        ("medium_text", long(70_000), json!([]), Code::Type),
        ("long_text", long(100_000), json!({}), Code::Type),
        ("fixed", json!("AP8="), json!("AQID"), Code::TooLong),
        ("bytes", json!("AQID"), json!([1, 2, 3]), Code::Type),
        ("bytes", json!("AQID"), json!("A?"), Code::Format),
        ("json", json!({"any": ["thing", null]}), json!(null), Code::Type),
        ("day", json!("2026-02-28"), json!("2026-02-30"), Code::Format),
        (
            "local",
            json!("2026-11-25T09:30:00"),
            json!("2026-11-25 09:30"),
            Code::Format,
        ),
        ("clock", json!("23:59:59"), json!("24:00:01"), Code::Format),
        (
            "instant",
            json!("2026-11-25T09:30:00+01:00"),
            json!("2026-11-25T09:30:00"),
            Code::Format,
        ),
        ("year", json!(2155), json!(1900), Code::OutOfRange),
        ("size", json!("sad"), json!("Sad"), Code::NotAMember),
    ]);
}

#[test]
fn every_sqlite_column_type_accepts_its_values_and_refuses_others() {
    accepts_and_refuses::<every_sqlite_type::all::table>(&[
        ("int", json!(i64::MIN), json!(u64::MAX), Code::OutOfRange),
        ("flag", json!(true), json!("true"), Code::Type),
        ("at", json!("2026-11-25T09:30:00Z"), json!(1_700_000_000), Code::Type),
        ("real", json!(0.1), json!("0.1"), Code::Type),
        ("text", json!("anything ✓"), json!(1), Code::Type),
        ("mood", json!("happy"), json!("glad"), Code::NotAMember),
        ("data", json!([1, 2]), json!(null), Code::Type),
        ("bytes", json!("AAH/"), json!([0, 1, 255]), Code::Type),
        ("amount", json!("-1.25"), json!("1,5"), Code::Format),
    ]);
}

#[test]
fn floats_that_are_not_numbers_are_taken_where_the_database_stores_them() {
    // PostgreSQL stores NaN and the infinities; they travel as JSON strings.
    let pg = Validator::<people::table, _>::update();
    for name in ["NaN", "Infinity", "-Infinity"] {
        let patch = pg.validate(&json!({ "ratio": name }));
        assert!(patch.is_ok(), "{name}: {:?}", patch.err());
    }
    assert_eq!(
        codes(&pg.validate(&json!({ "ratio": "nan" })).unwrap_err()),
        [("/ratio", Code::Type)]
    );
    // SQLite and MySQL cannot: the validator refuses what their backends refuse.
    let lite = Validator::<every_sqlite_type::all::table, _>::update();
    assert_eq!(
        codes(&lite.validate(&json!({ "real": "NaN" })).unwrap_err()),
        [("/real", Code::OutOfRange)]
    );
    let my = Validator::<every_mysql_type::all::table, _>::update();
    assert_eq!(
        codes(&my.validate(&json!({ "double": "-Infinity" })).unwrap_err()),
        [("/double", Code::OutOfRange)]
    );
}

#[test]
fn a_row_with_a_float_that_is_not_a_number_writes_json_its_validator_takes() {
    use mizzle_dsl::types::{Double, ToJson};
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let written = ToJson::<Double>::to_json(&x);
        let read: f64 = mizzle_dsl::types::FromJson::<Double>::from_json(&written).unwrap();
        assert!(
            read.is_nan() && x.is_nan() || read == x,
            "{x} became {written} and {read}"
        );
        let patch = Validator::<people::table, _>::update().validate(&json!({ "ratio": written }));
        assert!(patch.is_ok(), "{x}: {:?}", patch.err());
    }
}

mod network_tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub hosts in Pg {
            id: Integer [primary_key],
            address: Inet [not_null],
            network: Cidr,
            mac: MacAddr,
            flags: Bit<4>,
            mask: VarBit<3>,
            location: Point,
            balance: Money,
        }
    }
}
use network_tables::hosts;

#[test]
fn network_bit_and_geometric_values_are_checked_by_their_formats() {
    let good = json!({
        "id": 1, "address": "10.0.0.7/8", "network": "10.0.0.0/8", "mac": "08:00:2b:01:02:03",
        "flags": "1010", "mask": "11", "location": "(1.5,-2)", "balance": "12.34"
    });
    let record = Validator::<hosts::table, _>::insert().validate(&good).unwrap();
    assert_eq!(record.address.to_string(), "10.0.0.7/8");
    assert_eq!(record.location.map(|p| (p.x, p.y)), Some((1.5, -2.0)));
    let bad = json!({
        "id": 1, "address": "10.0.0.300", "network": "10.0.0.7/8", "mac": "08:00:2b",
        "flags": "10", "mask": "1111", "location": "(1,x)", "balance": "1.234"
    });
    let errors = Validator::<hosts::table, _>::insert().validate(&bad).unwrap_err();
    assert_eq!(
        codes(&errors),
        [
            ("/address", Code::Format),
            ("/network", Code::Format),
            ("/mac", Code::Format),
            ("/flags", Code::Format),
            ("/mask", Code::TooLong),
            ("/location", Code::Format),
            ("/balance", Code::Precision),
        ]
    );
    let schema = Validator::<hosts::table, _>::insert().json_schema();
    assert_eq!(
        schema["properties"]["address"],
        json!({"type": "string", "format": "inet"})
    );
    assert_eq!(
        schema["properties"]["flags"],
        json!({"anyOf": [{"type": "string", "pattern": "^[01]*$", "minLength": 4, "maxLength": 4}, {"type": "null"}]})
    );
}

mod vector_tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub items in Pg {
            id: Integer [primary_key],
            embedding: Vector<3> [not_null],
            sparse: SparseVec<5>,
        }
    }
}

#[test]
fn a_vector_is_an_array_of_its_dimensions() {
    let record = Validator::<vector_tables::items::table, _>::insert()
        .validate(&json!({"id": 1, "embedding": [0.5, 1, -2], "sparse": "{1:0.5,4:2}/5"}))
        .unwrap();
    assert_eq!(record.embedding, [0.5, 1.0, -2.0]);
    assert_eq!(record.sparse.map(|s| s.indices), Some(vec![0, 3]));
    let errors = Validator::<vector_tables::items::table, _>::insert()
        .validate(&json!({"id": 1, "embedding": [0.5, 1], "sparse": "{9:1}/5"}))
        .unwrap_err();
    assert_eq!(
        codes(&errors),
        [("/embedding", Code::Format), ("/sparse", Code::Format)]
    );
    // A sparse vector of other dimensions than the column's is refused too.
    let errors = Validator::<vector_tables::items::table, _>::insert()
        .validate(&json!({"id": 1, "embedding": [0, 0, 1], "sparse": "{1:1}/4"}))
        .unwrap_err();
    assert_eq!(codes(&errors), [("/sparse", Code::Format)]);
    let schema = Validator::<vector_tables::items::table, _>::insert().json_schema();
    assert_eq!(
        schema["properties"]["embedding"],
        json!({"type": "array", "items": {"type": "number"}, "minItems": 3, "maxItems": 3})
    );
}
