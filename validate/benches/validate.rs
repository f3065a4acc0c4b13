//! Validating a ten-field body: the insert validator with the record it builds, and the
//! check alone; beside serde reading the same body into a plain struct of the same Rust
//! types (no lengths, ranges or members checked), the lower bound.

use criterion::{criterion_group, criterion_main, Criterion};
use mizzle_validate::Validator;
use serde::Deserialize;
use serde_json::json;
use std::hint::black_box;

mod tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub signups in Pg {
            id: Serial [primary_key],
            email: Varchar<255> [not_null],
            name: Varchar<100> [not_null],
            age: SmallInt,
            country: Char<2> [not_null],
            newsletter: Boolean [not_null, default(false)],
            score: Numeric<8, 2>,
            born: Date,
            joined: Timestamptz [not_null],
            referrer: Uuid,
            tags: Array<Varchar<20>>,
        }
    }
}
use tables::signups;

/// The same body as a plain struct: what serde alone reads.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Signup {
    email: String,
    name: String,
    age: Option<i16>,
    country: String,
    newsletter: Option<bool>,
    score: Option<rust_decimal::Decimal>,
    born: Option<chrono::NaiveDate>,
    joined: chrono::DateTime<chrono::Utc>,
    referrer: Option<uuid::Uuid>,
    tags: Option<Vec<String>>,
}

fn validate(c: &mut Criterion) {
    let body = json!({
        "email": "ada@example.com", "name": "Ada Lovelace", "age": 36, "country": "GB", "newsletter": true,
        "score": "1234.50", "born": "1815-12-10", "joined": "2026-11-25T09:30:00Z",
        "referrer": "67e55044-10b1-426f-9247-bb680e5fe0c8", "tags": ["math", "engines"]
    });
    let validator = Validator::<signups::table, _>::insert();
    assert!(validator.validate(&body).is_ok());
    c.bench_function("validate 10-field body into a record", |b| {
        b.iter(|| validator.validate(black_box(&body)))
    });
    c.bench_function("check 10-field body", |b| {
        b.iter(|| validator.check(black_box(&body)).is_ok())
    });
    c.bench_function("serde: 10-field JSON value into a struct", |b| {
        b.iter(|| Signup::deserialize(black_box(&body)).is_ok())
    });
    let text = body.to_string();
    c.bench_function("parse and validate 10-field body", |b| {
        b.iter(|| validator.validate_str(black_box(&text)))
    });
    c.bench_function("serde: 10-field JSON text into a Value", |b| {
        b.iter(|| serde_json::from_str::<serde_json::Value>(black_box(&text)).is_ok())
    });
    c.bench_function("serde: 10-field JSON text into a struct", |b| {
        b.iter(|| serde_json::from_str::<Signup>(black_box(&text)).is_ok())
    });
}

criterion_group!(benches, validate);
criterion_main!(benches);
