//! The blog schema the SQLite tests use.

use mizzle::sqlite::*;
pub use mizzle_test_schema::Role;
use serde::{Deserialize, Serialize};

/// Settings kept as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    pub theme: String,
    pub font_size: u8,
}
impl mizzle::types::JsonValue for Prefs {}

mizzle::table! {
    pub users in Sqlite {
        id: Integer [primary_key, autoincrement],
        name: Text [not_null],
        email: Text [unique],
        role: TextEnum<Role> [not_null, default("member")],
        manager_id: Integer [references(users::id), on_delete(SetNull)],
    }
}

mizzle::table! {
    pub posts in Sqlite {
        id: Integer [primary_key, autoincrement],
        author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
        title: Text [not_null],
        likes: Integer [not_null, default(0)],
    }
}

mizzle::table! {
    /// One column of each SQLite column type, all nullable, to round-trip values and NULL.
    pub samples in Sqlite {
        id: Integer [primary_key, autoincrement],
        int: Integer,
        flag: IntegerBool,
        at: IntegerTimestamp,
        real: Real,
        text: Text,
        role: TextEnum<Role>,
        prefs: TextJson<Prefs>,
        any_json: TextJson,
        bytes: Blob,
        amount: Numeric,
    }
}

/// CREATE TABLE statements, in dependency order.
pub fn ddl() -> Vec<String> {
    vec![
        mizzle::create_table(users::table).unwrap(),
        mizzle::create_table(posts::table).unwrap(),
        mizzle::create_table(samples::table).unwrap(),
    ]
}
