//! A request body validated against the table, inserted, and the JSON Schema printed.
//!
//! Run it with `cargo run --example validate`.

use mizzle::prelude::*;
use mizzle::sqlite::*;
use mizzle::validate::{Rule, Validator};
use mizzle::{create_table, from, insert};

mizzle::table! {
    /// People who signed up.
    pub signups in Sqlite {
        id: Integer [primary_key],
        email: Text [not_null, unique],
        name: Text [not_null],
        age: Integer,
        newsletter: IntegerBool [not_null, default(false)],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = Database::open_in_memory()?;
    db.execute_sql(&create_table(signups::table)?)?;

    let validator = Validator::<signups::table, _>::insert()
        .refine(signups::email, Rule::pattern("^[^@ ]+@[^@ ]+$")?)
        .refine(
            signups::age,
            Rule::Range {
                min: Some(13.0),
                max: None,
            },
        );

    // A good body becomes the table's insert record, ready for `insert(..).values(..)`.
    let body = r#"{"email": "ada@example.com", "name": "Ada", "age": 36}"#;
    let record = validator.validate_str(body)?;
    insert(signups::table).values(record).execute(&db)?;
    println!("inserted: {:?}", from(signups::table).all(&db)?);

    // A bad one reports every problem, each with a JSON pointer and a code.
    let bad = r#"{"email": "nobody", "age": 9, "newsletter": "yes", "admin": true}"#;
    match validator.validate_str(bad) {
        Ok(_) => println!("unexpectedly accepted"),
        Err(errors) => {
            for error in errors.errors() {
                println!("refused {}: {} ({})", error.pointer, error.message, error.code.as_str());
            }
        }
    }

    // The same rules as JSON Schema, for an OpenAPI document.
    println!("{}", serde_json::to_string_pretty(&validator.json_schema())?);
    Ok(())
}
