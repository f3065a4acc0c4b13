//! [`ToSql`]: encoding a Rust value as a bound parameter of a given SQL type.

use super::sql::*;
use super::{Interval, SqlEnum, Value};
use crate::error::EncodeError;
#[cfg(feature = "chrono")]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;
use std::borrow::Cow;

/// A Rust value that can be bound as a parameter of SQL type `ST`.
///
/// mizzle implements it for the Rust types of every SQL type; implement it for a
/// custom Rust type stored in a column (together with [`FromSql`](super::FromSql)).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be stored as a SQL `{ST}`",
    label = "no conversion to `{ST}`",
    note = "implement `mizzle::types::ToSql<{ST}>` for `{Self}` to store a custom type"
)]
pub trait ToSql<ST> {
    /// The bound parameter; borrows from `self` where it can.
    fn to_value(&self) -> Result<Value<'_>, EncodeError>;
}

macro_rules! copy_to_sql {
    ($($st:ty: $rust:ty => $variant:ident;)*) => {$(
        impl ToSql<$st> for $rust {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::$variant(*self))
            }
        }
    )*};
}

copy_to_sql! {
    TinyInt: i8 => I8;
    SmallInt: i16 => I16;
    MediumInt: i32 => I32;
    Integer: i32 => I32;
    BigInt: i64 => I64;
    TinyIntUnsigned: u8 => U8;
    SmallIntUnsigned: u16 => U16;
    MediumIntUnsigned: u32 => U32;
    IntUnsigned: u32 => U32;
    BigIntUnsigned: u64 => U64;
    Real: f32 => F32;
    Double: f64 => F64;
    Bool: bool => Bool;
    IntervalType: Interval => Interval;
    Year: u16 => U16;
    BitField: u64 => U64;
}

#[cfg(feature = "decimal")]
copy_to_sql! {
    Numeric: Decimal => Decimal;
    Money: Decimal => Decimal;
}

#[cfg(feature = "uuid")]
copy_to_sql! {
    Uuid: uuid::Uuid => Uuid;
}

#[cfg(feature = "chrono")]
copy_to_sql! {
    Date: NaiveDate => Date;
    Time: NaiveTime => Time;
    Timestamp: NaiveDateTime => Timestamp;
    TimestampTz: DateTime<Utc> => TimestampTz;
}

#[cfg(feature = "chrono")]
impl ToSql<UnixTimestamp> for DateTime<Utc> {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::I64(self.timestamp()))
    }
}

#[cfg(feature = "chrono")]
impl ToSql<UnixTimestampMs> for DateTime<Utc> {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::I64(self.timestamp_millis()))
    }
}

impl ToSql<Text> for str {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Text(Cow::Borrowed(self)))
    }
}

impl ToSql<Text> for &str {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Text(Cow::Borrowed(self)))
    }
}

impl ToSql<Text> for String {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Text(Cow::Borrowed(self)))
    }
}

impl ToSql<Bytes> for [u8] {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Bytes(Cow::Borrowed(self)))
    }
}

impl ToSql<Bytes> for &[u8] {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Bytes(Cow::Borrowed(self)))
    }
}

impl ToSql<Bytes> for Vec<u8> {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Bytes(Cow::Borrowed(self)))
    }
}

impl<E: SqlEnum> ToSql<Enum<E>> for E {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Text(Cow::Borrowed(self.as_member())))
    }
}

#[cfg(feature = "json")]
fn json_text<T: serde::Serialize + ?Sized>(value: &T) -> Result<Value<'static>, EncodeError> {
    serde_json::to_string(value)
        .map(|text| Value::Json(Cow::Owned(text)))
        .map_err(|e| EncodeError::new(format!("cannot serialize the value as JSON: {e}")))
}

#[cfg(feature = "json")]
impl<T: serde::Serialize + 'static> ToSql<Json<T>> for T {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        json_text(self)
    }
}

#[cfg(feature = "json")]
impl<T: serde::Serialize + 'static> ToSql<Jsonb<T>> for T {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        json_text(self)
    }
}

impl<ST: SqlType, T: ToSql<ST>> ToSql<Array<ST>> for Vec<T> {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        self.as_slice().to_value()
    }
}

impl<ST: SqlType, T: ToSql<ST>> ToSql<Array<ST>> for [T] {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        self.iter()
            .map(ToSql::<ST>::to_value)
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }
}
