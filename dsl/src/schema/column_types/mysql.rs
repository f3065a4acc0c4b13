//! MySQL and MariaDB column types.

use super::{fixed_column_types, write_sized, ColumnType, TypeInfo};
pub use crate::dialect::MySql;
use crate::schema::NoDefault;
use crate::types::{self as st, SqlEnum};
use std::marker::PhantomData;

fixed_column_types! { MySql;
    /// `tinyint` → `i8`.
    TinyInt => st::TinyInt, NoDefault, "tinyint";
    /// `smallint` → `i16`.
    SmallInt => st::SmallInt, NoDefault, "smallint";
    /// `mediumint` → `i32`.
    MediumInt => st::MediumInt, NoDefault, "mediumint";
    /// `int` → `i32`.
    Int => st::Integer, NoDefault, "int";
    /// `bigint` → `i64`.
    BigInt => st::BigInt, NoDefault, "bigint";
    /// `tinyint unsigned` → `u8`.
    TinyIntUnsigned => st::TinyIntUnsigned, NoDefault, "tinyint unsigned";
    /// `smallint unsigned` → `u16`.
    SmallIntUnsigned => st::SmallIntUnsigned, NoDefault, "smallint unsigned";
    /// `mediumint unsigned` → `u32`.
    MediumIntUnsigned => st::MediumIntUnsigned, NoDefault, "mediumint unsigned";
    /// `int unsigned` → `u32`.
    IntUnsigned => st::IntUnsigned, NoDefault, "int unsigned";
    /// `bigint unsigned` → `u64`.
    BigIntUnsigned => st::BigIntUnsigned, NoDefault, "bigint unsigned";
    /// `serial`: `bigint unsigned not null auto_increment unique` → `u64`.
    Serial => st::BigIntUnsigned, HasDefault, "serial";
    /// `float` → `f32`.
    Float => st::Real, NoDefault, "float";
    /// `double` → `f64`.
    Double => st::Double, NoDefault, "double";
    /// `boolean` (`tinyint(1)`) → `bool`.
    Boolean => st::Bool, NoDefault, "boolean";
    /// `tinytext` → `String`: at most 255 bytes of UTF-8.
    TinyText => st::Text, NoDefault, "tinytext", TypeInfo::Text { max_chars: None, max_bytes: Some(255) };
    /// `text` → `String`: at most 65,535 bytes of UTF-8.
    Text => st::Text, NoDefault, "text", TypeInfo::Text { max_chars: None, max_bytes: Some(65_535) };
    /// `mediumtext` → `String`: at most 16,777,215 bytes of UTF-8.
    MediumText => st::Text, NoDefault, "mediumtext", TypeInfo::Text { max_chars: None, max_bytes: Some(16_777_215) };
    /// `longtext` → `String`: at most 4,294,967,295 bytes of UTF-8.
    LongText => st::Text, NoDefault, "longtext", TypeInfo::Text { max_chars: None, max_bytes: Some(u32::MAX) };
    /// `year` → `u16`.
    Year => st::Year, NoDefault, "year", TypeInfo::Integer { min: 1901, max: 2155 };
}

// Dates and times are chrono's types: the `chrono` feature.
#[cfg(feature = "chrono")]
fixed_column_types! { MySql;
    /// `date` → `chrono::NaiveDate`.
    Date => st::Date, NoDefault, "date";
}

/// Date and time types with `FSP` digits of fractional seconds (0 to 6): `datetime(3)`
/// keeps milliseconds. Without the parameter, whole seconds, written as the bare name.
#[cfg(feature = "chrono")]
macro_rules! fractional_column_types {
    ($( $(#[$doc:meta])* $name:ident => $st:ty, $ddl:literal, $info:expr; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<const FSP: u32 = 0>;
        impl<const FSP: u32> ColumnType<MySql> for $name<FSP> {
            type SqlType = $st;
            type Value = <$st as st::SqlType>::Rust;
            type Default = NoDefault;
            type KeyDefault = NoDefault;
            fn write_ddl(sql: &mut String) {
                const { assert!(FSP <= 6, "MySQL keeps at most 6 digits of fractional seconds") };
                if FSP == 0 {
                    sql.push_str($ddl);
                } else {
                    write_sized(sql, $ddl, &[FSP]);
                }
            }
            fn type_info() -> TypeInfo {
                $info
            }
            // `now()` has whole seconds: a column that keeps fractions gets them too.
            fn now_sql() -> Option<&'static str> {
                ["(now())", "(now(1))", "(now(2))", "(now(3))", "(now(4))", "(now(5))", "(now(6))"]
                    .get(FSP as usize)
                    .copied()
                    .filter(|_| FSP > 0)
            }
        }
    )*};
}

#[cfg(feature = "chrono")]
fractional_column_types! {
    /// `datetime` / `datetime(FSP)` → `chrono::NaiveDateTime`.
    DateTime => st::Timestamp, "datetime", TypeInfo::Timestamp;
    /// `time` / `time(FSP)` → `chrono::NaiveTime`.
    Time => st::Time, "time", TypeInfo::Time;
    /// `timestamp` / `timestamp(FSP)` (stored in UTC) → `chrono::DateTime<Utc>`.
    Timestamp => st::TimestampTz, "timestamp", TypeInfo::TimestampTz;
}

macro_rules! sized_column_types {
    ($( $(#[$doc:meta])* $name:ident => $st:ty, $ddl:literal, $info:expr; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<const N: u32>;
        impl<const N: u32> ColumnType<MySql> for $name<N> {
            type SqlType = $st;
            type Value = <$st as st::SqlType>::Rust;
            type Default = NoDefault;
            type KeyDefault = NoDefault;
            fn write_ddl(sql: &mut String) {
                write_sized(sql, $ddl, &[N]);
            }
            fn type_info() -> TypeInfo {
                $info
            }
        }
    )*};
}

sized_column_types! {
    /// `char(N)` → `String`.
    Char => st::Text, "char", TypeInfo::Text { max_chars: Some(N), max_bytes: None };
    /// `varchar(N)` → `String`.
    Varchar => st::Text, "varchar", TypeInfo::Text { max_chars: Some(N), max_bytes: None };
    /// `binary(N)` → `Vec<u8>`.
    Binary => st::Bytes, "binary", TypeInfo::Bytes { max_len: Some(N) };
    /// `varbinary(N)` → `Vec<u8>`.
    Varbinary => st::Bytes, "varbinary", TypeInfo::Bytes { max_len: Some(N) };
}

#[cfg(feature = "decimal")]
/// `decimal(P, S)` → `rust_decimal::Decimal`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Decimal<const P: u32, const S: u32>;
#[cfg(feature = "decimal")]
impl<const P: u32, const S: u32> ColumnType<MySql> for Decimal<P, S> {
    type SqlType = st::Numeric;
    type Value = rust_decimal::Decimal;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_sized(sql, "decimal", &[P, S]);
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Decimal {
            precision: Some(P),
            scale: Some(S),
        }
    }
}

/// `json` holding `T` (`serde_json::Value` by default).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> ColumnType<MySql> for Json<T> {
    type SqlType = st::Json<T>;
    type Value = T;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("json");
    }
}

/// `enum('a', 'b', …)` with the members of `E`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Enum<E>(PhantomData<E>);
impl<E: SqlEnum> ColumnType<MySql> for Enum<E> {
    type SqlType = st::Enum<E>;
    type Value = E;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("enum(");
        for (i, member) in E::MEMBERS.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            crate::dialect::write_enum_member(crate::dialect::DialectKind::MySql, sql, member);
        }
        sql.push(')');
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Enum { members: E::MEMBERS }
    }
}

/// `bit(N)` → `u64`: `N` bits, 1 to 64.
#[derive(Debug, Clone, Copy, Default)]
pub struct Bit<const N: u32>;
impl<const N: u32> ColumnType<MySql> for Bit<N> {
    type SqlType = st::BitField;
    type Value = u64;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_sized(sql, "bit", &[N]);
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Integer {
            min: 0,
            max: (1i128 << N.min(64)) - 1,
        }
    }
}

/// `point` → [`GeoPoint`](crate::types::GeoPoint), its SRID kept with the value.
#[derive(Debug, Clone, Copy, Default)]
pub struct Point;
impl ColumnType<MySql> for Point {
    type SqlType = st::GeoPointType;
    type Value = st::GeoPoint;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("point");
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Formatted(&st::GEOPOINT_FORMAT)
    }
}
