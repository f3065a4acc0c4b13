//! [`ParamKind`]: which values a prepared statement's placeholder accepts, checked before
//! anything is sent.

use super::Value;

/// The values a placeholder of some SQL type accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamKind {
    /// Any integer within `min..=max`.
    Integer {
        /// The smallest value.
        min: i128,
        /// The largest value.
        max: i128,
    },
    /// A float.
    Float,
    /// A decimal, or an integer.
    Decimal,
    /// A boolean.
    Bool,
    /// Text.
    Text,
    /// Bytes.
    Bytes,
    /// A UUID.
    Uuid,
    /// A date.
    Date,
    /// A time of day.
    Time,
    /// A date and time.
    Timestamp,
    /// An instant.
    TimestampTz,
    /// An instant stored as an integer count since the Unix epoch: of milliseconds when
    /// `millis`, else of seconds (SQLite's timestamp modes).
    UnixTime {
        /// Milliseconds rather than seconds.
        millis: bool,
    },
    /// An interval.
    Interval,
    /// Anything: JSON, enums and arrays are checked by the database.
    Any,
}

fn integer(value: &Value<'_>) -> Option<i128> {
    Some(match value {
        Value::I8(n) => (*n).into(),
        Value::I16(n) => (*n).into(),
        Value::I32(n) => (*n).into(),
        Value::I64(n) => (*n).into(),
        Value::U8(n) => (*n).into(),
        Value::U16(n) => (*n).into(),
        Value::U32(n) => (*n).into(),
        Value::U64(n) => (*n).into(),
        _ => return None,
    })
}

impl ParamKind {
    /// `Ok` when `value` fits; otherwise what was expected.
    pub fn check(self, value: &Value<'_>) -> Result<(), String> {
        let fits = match (self, value) {
            (_, Value::Null) | (ParamKind::Any, _) => true,
            (ParamKind::Integer { min, max }, value) => match integer(value) {
                Some(n) if (min..=max).contains(&n) => true,
                Some(n) => return Err(format!("{n} is out of range ({min} to {max})")),
                None => false,
            },
            (ParamKind::Float, Value::F32(_) | Value::F64(_)) => true,
            #[cfg(feature = "decimal")]
            (ParamKind::Decimal, Value::Decimal(_)) => true,
            (ParamKind::Decimal, value) => integer(value).is_some(),
            (ParamKind::UnixTime { .. }, value) => integer(value).is_some(),
            (ParamKind::Bool, Value::Bool(_))
            | (ParamKind::Text, Value::Text(_))
            | (ParamKind::Bytes, Value::Bytes(_))
            | (ParamKind::Interval, Value::Interval(_)) => true,
            #[cfg(feature = "uuid")]
            (ParamKind::Uuid, Value::Uuid(_)) => true,
            #[cfg(feature = "chrono")]
            (ParamKind::Date, Value::Date(_))
            | (ParamKind::Time, Value::Time(_))
            | (ParamKind::Timestamp, Value::Timestamp(_))
            | (ParamKind::TimestampTz, Value::TimestampTz(_)) => true,
            _ => false,
        };
        if fits {
            Ok(())
        } else {
            Err(format!("expected {}, got {value:?}", self.describe()))
        }
    }

    fn describe(self) -> &'static str {
        match self {
            ParamKind::Integer { .. } => "an integer",
            ParamKind::Float => "a float",
            ParamKind::Decimal => "a decimal",
            ParamKind::Bool => "a boolean",
            ParamKind::Text => "text",
            ParamKind::Bytes => "bytes",
            ParamKind::Uuid => "a uuid",
            ParamKind::Date => "a date",
            ParamKind::Time => "a time of day",
            ParamKind::Timestamp => "a date and time",
            ParamKind::TimestampTz => "an instant (DateTime<Utc>)",
            ParamKind::UnixTime { millis: false } => "an instant as seconds since 1970",
            ParamKind::UnixTime { millis: true } => "an instant as milliseconds since 1970",
            ParamKind::Interval => "an interval",
            ParamKind::Any => "any value",
        }
    }
}
