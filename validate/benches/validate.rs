//! Validating a ten-field body: the insert validator with the record it builds, and the
//! check alone.

use criterion::{criterion_group, criterion_main, Criterion};
use mizzle_validate::Validator;
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
    let text = body.to_string();
    c.bench_function("parse and validate 10-field body", |b| {
        b.iter(|| validator.validate_str(black_box(&text)))
    });
}

criterion_group!(benches, validate);
criterion_main!(benches);
