//! [`Value`]: one bound parameter, borrowed from the query where it can be.

use super::Interval;
#[cfg(feature = "chrono")]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;
use std::borrow::Cow;
#[cfg(feature = "uuid")]
use uuid::Uuid;

/// A bound parameter as the query hands it to a backend.
///
/// Text and bytes borrow from the query, so binding a `&str` or a `String` copies
/// nothing. Each variant keeps the width of its SQL type, which PostgreSQL's binary
/// protocol needs; the SQLite and MySQL backends widen as their drivers require.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Value<'q> {
    /// SQL NULL.
    Null,
    /// A boolean.
    Bool(bool),
    /// `tinyint`.
    I8(i8),
    /// `smallint`.
    I16(i16),
    /// `integer`.
    I32(i32),
    /// `bigint`.
    I64(i64),
    /// `tinyint unsigned`.
    U8(u8),
    /// `smallint unsigned`.
    U16(u16),
    /// `int unsigned`, `mediumint unsigned`.
    U32(u32),
    /// `bigint unsigned`.
    U64(u64),
    /// `real`, `float`.
    F32(f32),
    /// `double precision`.
    F64(f64),
    /// Text of any kind.
    Text(Cow<'q, str>),
    /// Bytes.
    Bytes(Cow<'q, [u8]>),
    /// A UUID.
    #[cfg(feature = "uuid")]
    Uuid(Uuid),
    /// An exact decimal.
    #[cfg(feature = "decimal")]
    Decimal(Decimal),
    /// A calendar date.
    #[cfg(feature = "chrono")]
    Date(NaiveDate),
    /// A time of day.
    #[cfg(feature = "chrono")]
    Time(NaiveTime),
    /// A date and time without time zone.
    #[cfg(feature = "chrono")]
    Timestamp(NaiveDateTime),
    /// An instant, in UTC.
    #[cfg(feature = "chrono")]
    TimestampTz(DateTime<Utc>),
    /// A PostgreSQL interval.
    Interval(Interval),
    /// A JSON document, already serialized.
    Json(Cow<'q, str>),
    /// A PostgreSQL array; elements share one variant.
    Array(Vec<Value<'q>>),
}

impl Value<'_> {
    /// The same value, owning its text and bytes.
    pub fn into_owned(self) -> Value<'static> {
        match self {
            Value::Null => Value::Null,
            Value::Bool(v) => Value::Bool(v),
            Value::I8(v) => Value::I8(v),
            Value::I16(v) => Value::I16(v),
            Value::I32(v) => Value::I32(v),
            Value::I64(v) => Value::I64(v),
            Value::U8(v) => Value::U8(v),
            Value::U16(v) => Value::U16(v),
            Value::U32(v) => Value::U32(v),
            Value::U64(v) => Value::U64(v),
            Value::F32(v) => Value::F32(v),
            Value::F64(v) => Value::F64(v),
            Value::Text(v) => Value::Text(Cow::Owned(v.into_owned())),
            Value::Bytes(v) => Value::Bytes(Cow::Owned(v.into_owned())),
            #[cfg(feature = "uuid")]
            Value::Uuid(v) => Value::Uuid(v),
            #[cfg(feature = "decimal")]
            Value::Decimal(v) => Value::Decimal(v),
            #[cfg(feature = "chrono")]
            Value::Date(v) => Value::Date(v),
            #[cfg(feature = "chrono")]
            Value::Time(v) => Value::Time(v),
            #[cfg(feature = "chrono")]
            Value::Timestamp(v) => Value::Timestamp(v),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(v) => Value::TimestampTz(v),
            Value::Interval(v) => Value::Interval(v),
            Value::Json(v) => Value::Json(Cow::Owned(v.into_owned())),
            Value::Array(v) => Value::Array(v.into_iter().map(Value::into_owned).collect()),
        }
    }
}

impl Value<'_> {
    /// A decimal, uuid, date, time or timestamp as text: how SQLite stores it (and, but
    /// for the decimal, how a SQL literal writes it). `None` for the other variants.
    pub fn text_form(&self) -> Option<String> {
        match self {
            #[cfg(feature = "decimal")]
            Value::Decimal(d) => Some(d.to_string()),
            #[cfg(feature = "uuid")]
            Value::Uuid(u) => Some(u.hyphenated().to_string()),
            #[cfg(feature = "chrono")]
            Value::Date(d) => Some(d.format("%Y-%m-%d").to_string()),
            #[cfg(feature = "chrono")]
            Value::Time(t) => Some(t.format("%H:%M:%S%.f").to_string()),
            #[cfg(feature = "chrono")]
            Value::Timestamp(t) => Some(t.format("%Y-%m-%d %H:%M:%S%.f").to_string()),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(t) => Some(t.format("%Y-%m-%d %H:%M:%S%.f+00:00").to_string()),
            _ => None,
        }
    }
}

/// Why a backend that encodes dates and uuids itself cannot send `value`: it is of an
/// optional type (`chrono`'s dates and times, `uuid`) whose feature the query builder was
/// built with and the backend without, which happens only when the two crates are
/// depended on apart with different features.
pub fn without_feature(value: &Value<'_>) -> String {
    let feature: Option<&str> = match value {
        #[cfg(feature = "uuid")]
        Value::Uuid(_) => Some("uuid"),
        #[cfg(feature = "chrono")]
        Value::Date(_) | Value::Time(_) | Value::Timestamp(_) | Value::TimestampTz(_) => Some("chrono"),
        #[cfg(feature = "decimal")]
        Value::Decimal(_) => Some("decimal"),
        _ => None,
    };
    match feature {
        Some(feature) => format!(
            "cannot send {value:?}: this backend was built without the `{feature}` feature; enable it on \
             mizzle (or on the backend crate, as on mizzle-dsl)"
        ),
        None => format!("cannot send {value:?}: this backend has no encoding for it"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_an_optional_type_names_the_feature_a_backend_lacks() {
        let date = Value::Date(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        assert_eq!(
            without_feature(&date),
            "cannot send Date(2026-12-03): this backend was built without the `chrono` feature; enable it on \
             mizzle (or on the backend crate, as on mizzle-dsl)"
        );
        let uuid = Value::Uuid(Uuid::nil());
        assert_eq!(
            without_feature(&uuid),
            "cannot send Uuid(00000000-0000-0000-0000-000000000000): this backend was built without the \
             `uuid` feature; enable it on mizzle (or on the backend crate, as on mizzle-dsl)"
        );
    }

    #[test]
    fn dates_times_and_uuids_have_one_text_form() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 3)
            .unwrap()
            .and_hms_micro_opt(4, 5, 6, 7)
            .unwrap();
        let forms: Vec<Option<String>> = [
            Value::Uuid(Uuid::nil()),
            Value::Date(at.date()),
            Value::Time(at.time()),
            Value::Timestamp(at),
            Value::TimestampTz(at.and_utc()),
            Value::I32(1),
        ]
        .iter()
        .map(Value::text_form)
        .collect();
        assert_eq!(
            forms,
            [
                Some("00000000-0000-0000-0000-000000000000".to_owned()),
                Some("2026-12-03".to_owned()),
                Some("04:05:06.000007".to_owned()),
                Some("2026-12-03 04:05:06.000007".to_owned()),
                Some("2026-12-03 04:05:06.000007+00:00".to_owned()),
                None,
            ]
        );
    }
}
