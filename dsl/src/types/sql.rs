//! SQL type markers: zero-sized types naming what a column or expression holds.
//!
//! They are dialect-neutral (`Integer` is `integer`, `int` or `INTEGER`); the column
//! types of each dialect (`pg::Varchar<255>`, `sqlite::Integer`…) say how the DDL spells them.

use super::{Interval, SqlEnum};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rust_decimal::Decimal;
use std::marker::PhantomData;

/// A SQL type. Implemented by the markers of this module.
pub trait SqlType: 'static {
    /// The Rust type a value of this SQL type decodes to unless a column says otherwise.
    type Rust;
    /// The marker's name, for messages.
    const NAME: &'static str;
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
    note = "convert one side with `.cast::<T>()` if the database should convert it"
)]
pub trait SameType<T> {}
impl<T: SqlType> SameType<T> for T {}

macro_rules! sql_types {
    ($( $(#[$doc:meta])* $name:ident => $rust:ty; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl SqlType for $name {
            type Rust = $rust;
            const NAME: &'static str = stringify!($name);
        }
    )*};
}

sql_types! {
    /// `tinyint` (MySQL).
    TinyInt => i8;
    /// `smallint`.
    SmallInt => i16;
    /// `mediumint` (MySQL).
    MediumInt => i32;
    /// `integer`.
    Integer => i32;
    /// `bigint`; also SQLite's `integer`, which is 64-bit.
    BigInt => i64;
    /// `tinyint unsigned` (MySQL).
    TinyIntUnsigned => u8;
    /// `smallint unsigned` (MySQL).
    SmallIntUnsigned => u16;
    /// `mediumint unsigned` (MySQL).
    MediumIntUnsigned => u32;
    /// `int unsigned` (MySQL).
    IntUnsigned => u32;
    /// `bigint unsigned` (MySQL).
    BigIntUnsigned => u64;
    /// `real`, `float`: 32-bit float.
    Real => f32;
    /// `double precision`, `double`; SQLite's `real`.
    Double => f64;
    /// `numeric`, `decimal`: exact decimal.
    Numeric => Decimal;
    /// `boolean`; `tinyint(1)` on MySQL and an integer 0/1 on SQLite.
    Bool => bool;
    /// Any text: `text`, `varchar(n)`, `char(n)`.
    Text => String;
    /// Bytes: `bytea`, `blob`, `binary(n)`, `varbinary(n)`.
    Bytes => Vec<u8>;
    /// `uuid` (PostgreSQL).
    Uuid => uuid::Uuid;
    /// `date`.
    Date => NaiveDate;
    /// `time`.
    Time => NaiveTime;
    /// `timestamp` without time zone; MySQL's `datetime`; SQLite text in ISO-8601.
    Timestamp => NaiveDateTime;
    /// `timestamptz`: an instant; MySQL's `timestamp` (stored in UTC).
    TimestampTz => DateTime<Utc>;
    /// An instant stored as whole seconds since the Unix epoch (SQLite's timestamp mode).
    UnixTimestamp => DateTime<Utc>;
    /// `interval` (PostgreSQL).
    IntervalType => Interval;
    /// `year` (MySQL).
    Year => u16;
}

/// `json`, holding `T` (any serde type; `serde_json::Value` for untyped JSON).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T = serde_json::Value>(PhantomData<T>);
impl<T: 'static> SqlType for Json<T> {
    type Rust = T;
    const NAME: &'static str = "Json";
}

/// `jsonb` (PostgreSQL), holding `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonb<T = serde_json::Value>(PhantomData<T>);
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
    SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned, Real, Double, Numeric);
marker_impls!(TextType: Text);
