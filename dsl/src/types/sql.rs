//! SQL type markers: zero-sized types naming what a column or expression holds.
//!
//! They are dialect-neutral (`Integer` is `integer`, `int` or `INTEGER`); the column
//! types of each dialect (`pg::Varchar<255>`, `sqlite::Integer`…) say how the DDL spells them.

use super::{Interval, ParamKind, SqlEnum};
#[cfg(feature = "chrono")]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;
use std::marker::PhantomData;

/// A SQL type. Implemented by the markers of this module.
pub trait SqlType: 'static {
    /// The Rust type a value of this SQL type decodes to unless a column says otherwise.
    type Rust;
    /// The marker's name, for messages.
    const NAME: &'static str;
    /// Which bound values a prepared statement's placeholder of this type accepts.
    const PARAM: ParamKind = ParamKind::Any;
}

/// SQL types that take arithmetic: `+ - * /`, `sum` and `avg`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a numeric SQL type",
    label = "arithmetic, `sum` and `avg` need a number"
)]
pub trait NumericType: SqlType {}

/// SQL types that are text: `like`, `concat`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a text SQL type",
    label = "`like`, `ilike` and `concat` need text"
)]
pub trait TextType: SqlType {}

/// Two SQL types that may be compared or assigned to each other: equal markers.
#[diagnostic::on_unimplemented(
    message = "a `{Self}` expression cannot be used where a `{T}` is expected",
    label = "expected `{T}`, found `{Self}`",
    note = "a condition (`filter`, `having`, `on`) is a comparison such as `.eq(..)` or `.is_null()`; \
            to compare values of two SQL types, convert one with `.cast::<T>()`"
)]
pub trait SameType<T> {}
impl<T: SqlType> SameType<T> for T {}

macro_rules! sql_types {
    ($( $(#[$doc:meta])* $name:ident => $rust:ty, $param:expr; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl SqlType for $name {
            type Rust = $rust;
            const NAME: &'static str = stringify!($name);
            const PARAM: ParamKind = $param;
        }
    )*};
}

/// An integer placeholder accepting the values of Rust type `$t`.
macro_rules! int {
    ($t:ty) => {
        ParamKind::Integer {
            min: <$t>::MIN as i128,
            max: <$t>::MAX as i128,
        }
    };
}

sql_types! {
    /// `tinyint` (MySQL).
    TinyInt => i8, int!(i8);
    /// `smallint`.
    SmallInt => i16, int!(i16);
    /// `mediumint` (MySQL).
    MediumInt => i32, ParamKind::Integer { min: -8_388_608, max: 8_388_607 };
    /// `integer`.
    Integer => i32, int!(i32);
    /// `bigint`; also SQLite's `integer`, which is 64-bit.
    BigInt => i64, int!(i64);
    /// `tinyint unsigned` (MySQL).
    TinyIntUnsigned => u8, int!(u8);
    /// `smallint unsigned` (MySQL).
    SmallIntUnsigned => u16, int!(u16);
    /// `mediumint unsigned` (MySQL).
    MediumIntUnsigned => u32, ParamKind::Integer { min: 0, max: 16_777_215 };
    /// `int unsigned` (MySQL).
    IntUnsigned => u32, int!(u32);
    /// `bigint unsigned` (MySQL).
    BigIntUnsigned => u64, int!(u64);
    /// `real`, `float`: 32-bit float.
    Real => f32, ParamKind::Float;
    /// `double precision`, `double`; SQLite's `real`.
    Double => f64, ParamKind::Float;
    /// `boolean`; `tinyint(1)` on MySQL and an integer 0/1 on SQLite.
    Bool => bool, ParamKind::Bool;
    /// Any text: `text`, `varchar(n)`, `char(n)`.
    Text => String, ParamKind::Text;
    /// Bytes: `bytea`, `blob`, `binary(n)`, `varbinary(n)`.
    Bytes => Vec<u8>, ParamKind::Bytes;
    /// `interval` (PostgreSQL).
    IntervalType => Interval, ParamKind::Interval;
    /// `year` (MySQL).
    Year => u16, int!(u16);
    /// MySQL's `bit(n)`: up to 64 bits, read as an unsigned integer.
    BitField => u64, int!(u64);
}

/// `json`, holding `T` (any serde type; `serde_json::Value` for untyped JSON).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> SqlType for Json<T> {
    type Rust = T;
    const NAME: &'static str = "Json";
}

/// `jsonb` (PostgreSQL), holding `T`.
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonb<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> SqlType for Jsonb<T> {
    type Rust = T;
    const NAME: &'static str = "Jsonb";
}

/// A SQL enum whose members are those of `E`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Enum<E>(PhantomData<E>);
impl<E: SqlEnum> SqlType for Enum<E> {
    type Rust = E;
    const NAME: &'static str = "Enum";
}

/// A PostgreSQL array of `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Array<T>(PhantomData<T>);
impl<T: SqlType> SqlType for Array<T> {
    type Rust = Vec<T::Rust>;
    const NAME: &'static str = "Array";
}

macro_rules! marker_impls {
    ($tr:ident: $($t:ty),*) => { $(impl $tr for $t {})* };
}
marker_impls!(NumericType: TinyInt, SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned,
    SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned, Real, Double);
#[cfg(feature = "decimal")]
marker_impls!(NumericType: Numeric);
marker_impls!(TextType: Text);

// Exact decimals are rust_decimal's `Decimal`: the `decimal` feature.
#[cfg(feature = "decimal")]
sql_types! {
    /// `numeric`, `decimal`: exact decimal.
    Numeric => Decimal, ParamKind::Decimal;
    /// `money` (PostgreSQL): an amount with the server's currency digits (two, in the
    /// default locale), read as a decimal.
    Money => Decimal, ParamKind::Decimal;
}

#[cfg(feature = "uuid")]
sql_types! {
    /// `uuid` (PostgreSQL).
    Uuid => uuid::Uuid, ParamKind::Uuid;
}

// Dates and times are chrono's types: the `chrono` feature.
#[cfg(feature = "chrono")]
sql_types! {
    /// `date`.
    Date => NaiveDate, ParamKind::Date;
    /// `time`.
    Time => NaiveTime, ParamKind::Time;
    /// `timestamp` without time zone; MySQL's `datetime`; SQLite text in ISO-8601.
    Timestamp => NaiveDateTime, ParamKind::Timestamp;
    /// `timestamptz`: an instant; MySQL's `timestamp` (stored in UTC).
    TimestampTz => DateTime<Utc>, ParamKind::TimestampTz;
    /// An instant stored as whole seconds since the Unix epoch (SQLite's timestamp mode).
    UnixTimestamp => DateTime<Utc>, ParamKind::UnixTime { millis: false };
    /// An instant stored as milliseconds since the Unix epoch (SQLite's timestamp_ms mode).
    UnixTimestampMs => DateTime<Utc>, ParamKind::UnixTime { millis: true };
}
