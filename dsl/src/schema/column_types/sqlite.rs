//! SQLite column types, including Drizzle's modes over `integer` and `text`.

use super::{fixed_column_types, ColumnType};
pub use crate::dialect::Sqlite;
use crate::schema::NoDefault;
use crate::types::{self as st, SqlEnum};
use std::marker::PhantomData;

/// `integer` → `i64` (SQLite integers are 64-bit). As the primary key it is the rowid,
/// which SQLite fills when an insert leaves it out.
#[derive(Debug, Clone, Copy, Default)]
pub struct Integer;
impl ColumnType<Sqlite> for Integer {
    type SqlType = st::BigInt;
    type Value = i64;
    type Default = NoDefault;
    type KeyDefault = crate::schema::HasDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("integer");
    }
}

/// `integer` holding seconds since 1970 → `chrono::DateTime<Utc>` (`mode: 'timestamp'`).
#[cfg(feature = "chrono")]
#[derive(Debug, Clone, Copy, Default)]
pub struct IntegerTimestamp;
#[cfg(feature = "chrono")]
impl ColumnType<Sqlite> for IntegerTimestamp {
    type SqlType = st::UnixTimestamp;
    type Value = chrono::DateTime<chrono::Utc>;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("integer");
    }
    fn now_sql() -> Option<&'static str> {
        Some("(cast(strftime('%s', 'now') as integer))")
    }
}

/// `integer` holding milliseconds since 1970 → `chrono::DateTime<Utc>` (`mode:
/// 'timestamp_ms'`).
#[cfg(feature = "chrono")]
#[derive(Debug, Clone, Copy, Default)]
pub struct IntegerTimestampMs;
#[cfg(feature = "chrono")]
impl ColumnType<Sqlite> for IntegerTimestampMs {
    type SqlType = st::UnixTimestampMs;
    type Value = chrono::DateTime<chrono::Utc>;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("integer");
    }
    fn now_sql() -> Option<&'static str> {
        Some("(cast(unixepoch('subsec') * 1000 as integer))")
    }
}

fixed_column_types! { Sqlite;
    /// `integer` holding 0/1 → `bool` (Drizzle's `mode: 'boolean'`).
    IntegerBool => st::Bool, NoDefault, "integer";
    /// `real` → `f64`.
    Real => st::Double, NoDefault, "real";
    /// `text` → `String`.
    Text => st::Text, NoDefault, "text";
    /// `blob` → `Vec<u8>`.
    Blob => st::Bytes, NoDefault, "blob";
}

// Exact decimals are rust_decimal's `Decimal`: the `decimal` feature.
#[cfg(feature = "decimal")]
fixed_column_types! { Sqlite;
    /// `numeric` → `rust_decimal::Decimal`.
    Numeric => st::Numeric, NoDefault, "numeric";
}

/// `text` holding a member of `E` (`mode: 'enum'`); the database does not check it,
/// decoding does.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextEnum<E>(PhantomData<E>);
impl<E: SqlEnum> ColumnType<Sqlite> for TextEnum<E> {
    type SqlType = st::Enum<E>;
    type Value = E;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("text");
    }
    fn type_info() -> super::TypeInfo {
        super::TypeInfo::Enum { members: E::MEMBERS }
    }
}

/// `text` holding JSON of type `T` (`mode: 'json'`).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct TextJson<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> ColumnType<Sqlite> for TextJson<T> {
    type SqlType = st::Json<T>;
    type Value = T;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("text");
    }
}

/// `blob` holding SQLite's binary JSON (`jsonb`, SQLite 3.45+) of type `T`: stored
/// without text to parse, and read by SQLite's JSON functions as they are.
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct BlobJson<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> ColumnType<Sqlite> for BlobJson<T> {
    type SqlType = st::BlobJson<T>;
    type Value = T;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("blob");
    }
    fn type_info() -> super::TypeInfo {
        super::TypeInfo::Json
    }
}
