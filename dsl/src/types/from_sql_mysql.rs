//! Decoding MySQL values, typed (binary protocol) or as text (text protocol).

use super::sql::*;
use super::{FromSql, SqlEnum};
use crate::dialect::{MySql, MySqlValueRef};
use crate::error::DecodeError;
#[cfg(feature = "chrono")]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
#[cfg(feature = "decimal")]
use rust_decimal::Decimal;
use std::str::FromStr;

fn kind(raw: &MySqlValueRef<'_>) -> &'static str {
    match raw {
        MySqlValueRef::Null => "NULL",
        MySqlValueRef::Bytes(_) => "bytes",
        MySqlValueRef::Int(_) | MySqlValueRef::UInt(_) => "an integer",
        MySqlValueRef::Float(_) | MySqlValueRef::Double(_) => "a float",
        MySqlValueRef::Date { .. } => "a date",
        MySqlValueRef::Time { .. } => "a time",
    }
}

#[cold]
fn unexpected(raw: MySqlValueRef<'_>, wanted: &str) -> DecodeError {
    DecodeError::new(format!("expected {wanted}, found {}", kind(&raw)))
}

#[inline]
fn text(bytes: &[u8]) -> Result<&str, DecodeError> {
    std::str::from_utf8(bytes).map_err(|e| DecodeError::new(format!("text is not valid UTF-8: {e}")))
}

fn parse<T: FromStr>(bytes: &[u8], what: &str) -> Result<T, DecodeError>
where
    T::Err: std::fmt::Display,
{
    let text = text(bytes)?;
    text.parse()
        .map_err(|e| DecodeError::new(format!("`{text}` is not {what}: {e}")))
}

macro_rules! mysql_ints {
    ($($st:ty: $rust:ty;)*) => {$(
        impl FromSql<$st, MySql> for $rust {
            #[inline]
            fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
                let out_of_range = |n: &dyn std::fmt::Display| {
                    DecodeError::new(format!("{n} is out of range for {}", stringify!($rust)))
                };
                match raw {
                    MySqlValueRef::Int(n) => <$rust>::try_from(n).map_err(|_| out_of_range(&n)),
                    MySqlValueRef::UInt(n) => <$rust>::try_from(n).map_err(|_| out_of_range(&n)),
                    MySqlValueRef::Bytes(bytes) => parse(&bytes, "an integer"),
                    other => Err(unexpected(other, "an integer")),
                }
            }
        }
    )*};
}

mysql_ints! {
    TinyInt: i8; SmallInt: i16; MediumInt: i32; Integer: i32; BigInt: i64;
    TinyIntUnsigned: u8; SmallIntUnsigned: u16; MediumIntUnsigned: u32; IntUnsigned: u32;
    BigIntUnsigned: u64; Year: u16;
}

/// `bit(n)`: the server sends its bytes, the first the most significant.
impl FromSql<BitField, MySql> for u64 {
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::UInt(n) => Ok(n),
            MySqlValueRef::Int(n) => u64::try_from(n).map_err(|_| DecodeError::new(format!("{n} is not a bit field"))),
            MySqlValueRef::Bytes(bytes) if bytes.len() <= 8 => {
                Ok(bytes.iter().fold(0u64, |n, byte| (n << 8) | u64::from(*byte)))
            }
            other => Err(unexpected(other, "a bit field")),
        }
    }
}

impl FromSql<Double, MySql> for f64 {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Double(x) => Ok(x),
            MySqlValueRef::Float(x) => Ok(f64::from(x)),
            MySqlValueRef::Bytes(bytes) => parse(&bytes, "a number"),
            other => Err(unexpected(other, "a double")),
        }
    }
}

impl FromSql<Real, MySql> for f32 {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Float(x) => Ok(x),
            MySqlValueRef::Bytes(bytes) => parse(&bytes, "a number"),
            other => Err(unexpected(other, "a float")),
        }
    }
}

#[cfg(feature = "decimal")]
impl FromSql<Numeric, MySql> for Decimal {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Bytes(bytes) => parse(&bytes, "a decimal"),
            MySqlValueRef::Int(n) => Ok(Decimal::from(n)),
            MySqlValueRef::UInt(n) => Ok(Decimal::from(n)),
            MySqlValueRef::Double(x) => {
                Decimal::try_from(x).map_err(|e| DecodeError::new(format!("{x} is not a decimal: {e}")))
            }
            other => Err(unexpected(other, "a decimal")),
        }
    }
}

impl FromSql<Bool, MySql> for bool {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match <i64 as FromSql<BigInt, MySql>>::from_sql(raw)? {
            0 => Ok(false),
            1 => Ok(true),
            n => Err(DecodeError::new(format!("{n} is not a boolean (0 or 1)"))),
        }
    }
}

impl FromSql<Text, MySql> for String {
    // Text is the most decoded column there is: always inlined, as on SQLite.
    #[inline(always)]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            // The row's buffer becomes the string: checked, not copied.
            MySqlValueRef::Bytes(bytes) => String::from_utf8(bytes.take())
                .map_err(|e| DecodeError::new(format!("text is not valid UTF-8: {}", e.utf8_error()))),
            other => Err(unexpected(other, "text")),
        }
    }
}

impl FromSql<Bytes, MySql> for Vec<u8> {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Bytes(bytes) => Ok(bytes.take()),
            other => Err(unexpected(other, "bytes")),
        }
    }
}

#[cfg(feature = "chrono")]
fn date_time(raw: MySqlValueRef<'_>) -> Result<NaiveDateTime, DecodeError> {
    match raw {
        MySqlValueRef::Date { year, month, day, hour, minute, second, micros } => {
            NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
                .and_then(|date| date.and_hms_micro_opt(hour.into(), minute.into(), second.into(), micros))
                .ok_or_else(|| {
                    DecodeError::new(format!(
                        "{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02} is not a valid date and time (zero dates are not supported)"
                    ))
                })
        }
        MySqlValueRef::Bytes(bytes) => {
            let text = text(&bytes)?;
            NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f")
                .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d").map(|d| d.and_time(NaiveTime::MIN)))
                .map_err(|e| DecodeError::new(format!("`{text}` is not a date and time: {e}")))
        }
        other => Err(unexpected(other, "a date and time")),
    }
}

#[cfg(feature = "chrono")]
impl FromSql<Timestamp, MySql> for NaiveDateTime {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        date_time(raw)
    }
}

/// MySQL's `timestamp` reads back in the session time zone, which mizzle sets to UTC.
#[cfg(feature = "chrono")]
impl FromSql<TimestampTz, MySql> for DateTime<Utc> {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        date_time(raw).map(|naive| naive.and_utc())
    }
}

#[cfg(feature = "chrono")]
impl FromSql<Date, MySql> for NaiveDate {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        date_time(raw).map(|at| at.date())
    }
}

#[cfg(feature = "chrono")]
impl FromSql<Time, MySql> for NaiveTime {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Time {
                negative: false,
                days: 0,
                hours,
                minutes,
                seconds,
                micros,
            } => NaiveTime::from_hms_micro_opt(hours.into(), minutes.into(), seconds.into(), micros)
                .ok_or_else(|| DecodeError::new("not a valid time of day")),
            MySqlValueRef::Time { .. } => Err(DecodeError::new(
                "a negative time or one over 24 hours is not a time of day",
            )),
            MySqlValueRef::Bytes(bytes) => parse(&bytes, "a time of day"),
            other => Err(unexpected(other, "a time")),
        }
    }
}

#[cfg(feature = "json")]
impl<T: serde::de::DeserializeOwned + 'static> FromSql<Json<T>, MySql> for T {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Bytes(bytes) => serde_json::from_slice(&bytes)
                .map_err(|e| DecodeError::new(format!("invalid JSON for this column: {e}"))),
            other => Err(unexpected(other, "JSON")),
        }
    }
}

impl<E: SqlEnum> FromSql<Enum<E>, MySql> for E {
    #[inline]
    fn from_sql(raw: MySqlValueRef<'_>) -> Result<Self, DecodeError> {
        match raw {
            MySqlValueRef::Bytes(bytes) => {
                let member = text(&bytes)?;
                E::from_member(member).ok_or_else(|| {
                    DecodeError::new(format!(
                        "`{member}` is not a member of enum `{}` {:?}",
                        E::TYPE_NAME,
                        E::MEMBERS
                    ))
                })
            }
            other => Err(unexpected(other, "an enum member")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dialect::MySqlBytes;

    fn decode<T: FromSql<ST, MySql>, ST>(buffer: &mut Vec<u8>) -> Result<T, DecodeError> {
        T::from_sql(MySqlValueRef::Bytes(MySqlBytes::new(buffer)))
    }

    #[test]
    fn text_takes_the_rows_buffer_instead_of_copying_it() {
        let mut buffer = b"Ada Lovelace".to_vec();
        let address = buffer.as_ptr();
        let text: String = decode::<String, Text>(&mut buffer).unwrap();
        assert_eq!(text, "Ada Lovelace");
        assert_eq!(text.as_ptr(), address, "the string is the row's buffer");
        assert!(buffer.is_empty(), "the row gave its buffer up");
    }

    #[test]
    fn bytes_take_the_rows_buffer_too() {
        let mut buffer = vec![0, 159, 146, 150];
        let address = buffer.as_ptr();
        let bytes: Vec<u8> = decode::<Vec<u8>, Bytes>(&mut buffer).unwrap();
        assert_eq!((bytes.as_slice(), bytes.as_ptr()), (&[0, 159, 146, 150][..], address));
    }

    #[test]
    fn text_that_is_not_utf8_is_an_error_that_says_so() {
        let error = decode::<String, Text>(&mut vec![0x61, 0xff]).unwrap_err().to_string();
        assert_eq!(
            error,
            "text is not valid UTF-8: invalid utf-8 sequence of 1 bytes from index 1"
        );
    }

    #[test]
    fn values_read_from_text_leave_the_buffer_in_the_row() {
        let mut buffer = b"42".to_vec();
        assert_eq!(decode::<i64, BigInt>(&mut buffer).unwrap(), 42);
        assert_eq!(buffer, b"42");
    }
}
