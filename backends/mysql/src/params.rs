//! Binding mizzle's values as mysql_async parameters.

#[cfg(feature = "chrono")]
use chrono::{Datelike, NaiveDateTime, NaiveTime, Timelike};
use mizzle_dsl::exec::push_in_place;
use mizzle_dsl::types::{without_feature, Value};
use mizzle_dsl::EncodeError;
use mysql_async::{Params, Value as MyValue};
use std::borrow::Cow;

#[cfg(feature = "chrono")]
fn date_time(at: NaiveDateTime) -> MyValue {
    let (date, time) = (at.date(), at.time());
    MyValue::Date(
        u16::try_from(date.year()).unwrap_or(0),
        date.month() as u8,
        date.day() as u8,
        time.hour() as u8,
        time.minute() as u8,
        time.second() as u8,
        time.nanosecond() / 1_000,
    )
}

#[cfg(feature = "chrono")]
fn time_of_day(time: NaiveTime) -> MyValue {
    MyValue::Time(
        false,
        0,
        time.hour() as u8,
        time.minute() as u8,
        time.second() as u8,
        time.nanosecond() / 1_000,
    )
}

/// MySQL's float and double hold finite numbers only: NaN and the infinities are refused.
#[cold]
fn non_finite(x: f64) -> EncodeError {
    EncodeError::new(format!(
        "MySQL cannot store the float {x}: its float types hold finite numbers only"
    ))
}

/// One value as mysql_async sends it, copied: the statement keeps its values, to send
/// them again if the connection turns out to be closed.
#[inline]
fn copy(value: &Value<'_>) -> Result<MyValue, EncodeError> {
    Ok(match value {
        Value::Null => MyValue::NULL,
        Value::Bool(b) => MyValue::Int(i64::from(*b)),
        Value::I8(n) => MyValue::Int(i64::from(*n)),
        Value::I16(n) => MyValue::Int(i64::from(*n)),
        Value::I32(n) => MyValue::Int(i64::from(*n)),
        Value::I64(n) => MyValue::Int(*n),
        Value::U8(n) => MyValue::UInt(u64::from(*n)),
        Value::U16(n) => MyValue::UInt(u64::from(*n)),
        Value::U32(n) => MyValue::UInt(u64::from(*n)),
        Value::U64(n) => MyValue::UInt(*n),
        Value::F32(x) if !x.is_finite() => return Err(non_finite(f64::from(*x))),
        Value::F64(x) if !x.is_finite() => return Err(non_finite(*x)),
        Value::F32(x) => MyValue::Float(*x),
        Value::F64(x) => MyValue::Double(*x),
        Value::Text(text) | Value::Json(text) => MyValue::Bytes(text.as_bytes().to_vec()),
        Value::Bytes(bytes) => MyValue::Bytes(bytes.to_vec()),
        #[cfg(feature = "uuid")]
        Value::Uuid(uuid) => MyValue::Bytes(uuid.hyphenated().to_string().into_bytes()),
        #[cfg(feature = "decimal")]
        Value::Decimal(decimal) => MyValue::Bytes(decimal.to_string().into_bytes()),
        #[cfg(feature = "chrono")]
        Value::Date(date) => date_time(date.and_time(NaiveTime::MIN)),
        #[cfg(feature = "chrono")]
        Value::Time(time) => time_of_day(*time),
        #[cfg(feature = "chrono")]
        Value::Timestamp(at) => date_time(*at),
        #[cfg(feature = "chrono")]
        Value::TimestampTz(at) => date_time(at.naive_utc()),
        Value::Interval(_) => return Err(EncodeError::new("MySQL has no interval type")),
        Value::Array(_) => return Err(EncodeError::new("MySQL has no array type")),
        other => return Err(EncodeError::new(without_feature(other))),
    })
}

/// One value as mysql_async sends it; text the statement owns moves over uncopied.
#[inline]
fn take(value: Value<'_>) -> Result<MyValue, EncodeError> {
    Ok(match value {
        Value::Text(Cow::Owned(text)) | Value::Json(Cow::Owned(text)) => MyValue::Bytes(text.into_bytes()),
        Value::Bytes(Cow::Owned(bytes)) => MyValue::Bytes(bytes),
        other => copy(&other)?,
    })
}

/// The parameters of a statement, converted before anything is sent. The values are
/// consumed: each is moved or copied once into what mysql_async sends, and none is left
/// to drop afterwards.
pub(crate) fn params(binds: Vec<Value<'_>>) -> Result<Params, EncodeError> {
    positional(binds.len(), binds.into_iter().map(take))
}

/// The parameters of a statement, converted with its values left in place, for a
/// statement that may have to run again on another connection.
pub(crate) fn params_copied(binds: &[Value<'_>]) -> Result<Params, EncodeError> {
    positional(binds.len(), binds.iter().map(copy))
}

fn positional(len: usize, values: impl Iterator<Item = Result<MyValue, EncodeError>>) -> Result<Params, EncodeError> {
    if len == 0 {
        return Ok(Params::Empty);
    }
    let mut converted = Vec::with_capacity(len);
    for value in values {
        push_in_place(&mut converted, value?);
    }
    Ok(Params::Positional(converted))
}
