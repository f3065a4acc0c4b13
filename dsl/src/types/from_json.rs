//! [`FromJson`]: reading a Rust value of SQL type `ST` from a JSON request body.

#[cfg(feature = "uuid")]
use super::sql::Uuid;
use super::sql::{
    Array, BigInt, BigIntUnsigned, Bool, Bytes, Double, Enum, IntUnsigned, Integer, IntervalType, Jsonb, MediumInt,
    MediumIntUnsigned, Numeric, Real, SmallInt, SmallIntUnsigned, SqlType, Text, TinyInt, TinyIntUnsigned, Year,
};
#[cfg(feature = "chrono")]
use super::sql::{Date, Time, Timestamp, TimestampTz, UnixTimestamp, UnixTimestampMs};
use super::{Interval, JsonValue, SqlEnum};
#[cfg(feature = "chrono")]
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;

/// A JSON object, as request bodies arrive.
pub type JsonObject = serde_json::Map<String, Json>;

/// A Rust value that can be read from JSON as SQL type `ST`. Errors say what was expected.
pub trait FromJson<ST>: Sized {
    /// Reads a non-null JSON value.
    fn from_json(value: &Json) -> Result<Self, String>;
}

fn integer<T: TryFrom<i128>>(value: &Json, what: &str) -> Result<T, String> {
    let n = match value {
        Json::Number(n) => n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)),
        _ => None,
    };
    let n = n.ok_or_else(|| format!("expected {what}, found {value}"))?;
    T::try_from(n).map_err(|_| format!("{n} is out of range for {what}"))
}

macro_rules! json_ints {
    ($($st:ty: $rust:ty;)*) => {$(
        impl FromJson<$st> for $rust {
            fn from_json(value: &Json) -> Result<Self, String> {
                integer(value, concat!("an integer (", stringify!($rust), ")"))
            }
        }
    )*};
}

json_ints! {
    TinyInt: i8; SmallInt: i16; MediumInt: i32; Integer: i32; BigInt: i64; TinyIntUnsigned: u8;
    SmallIntUnsigned: u16; MediumIntUnsigned: u32; IntUnsigned: u32; BigIntUnsigned: u64; Year: u16;
}

fn text<'a>(value: &'a Json, what: &str) -> Result<&'a str, String> {
    value.as_str().ok_or_else(|| format!("expected {what}, found {value}"))
}

fn parsed<T: FromStr>(value: &Json, what: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    let s = text(value, what)?;
    s.parse().map_err(|e| format!("`{s}` is not {what}: {e}"))
}

/// A float from a JSON number, or from `"NaN"`, `"Infinity"` or `"-Infinity"`, the
/// strings [`ToJson`] writes for what JSON numbers cannot be (as PostgreSQL's `to_json` does).
fn float(value: &Json) -> Result<f64, String> {
    match value {
        Json::String(s) => non_finite(s).ok_or_else(|| format!("expected a number, found {value}")),
        _ => value
            .as_f64()
            .ok_or_else(|| format!("expected a number, found {value}")),
    }
}

/// The float a JSON string names, if it is `"NaN"`, `"Infinity"` or `"-Infinity"`.
pub fn non_finite(name: &str) -> Option<f64> {
    match name {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// A float as JSON: a number, or for NaN and the infinities the strings [`non_finite`] reads.
fn float_json(x: f64) -> Json {
    match serde_json::Number::from_f64(x) {
        Some(n) => Json::Number(n),
        None if x.is_nan() => Json::from("NaN"),
        None if x > 0.0 => Json::from("Infinity"),
        None => Json::from("-Infinity"),
    }
}

impl FromJson<Real> for f32 {
    fn from_json(value: &Json) -> Result<Self, String> {
        float(value).map(|x| x as f32)
    }
}

impl FromJson<Double> for f64 {
    fn from_json(value: &Json) -> Result<Self, String> {
        float(value)
    }
}

/// A decimal from a JSON string (exact) or number.
impl FromJson<Numeric> for Decimal {
    fn from_json(value: &Json) -> Result<Self, String> {
        match value {
            Json::Number(n) => Decimal::from_str(&n.to_string()).map_err(|e| format!("{n} is not a decimal: {e}")),
            _ => parsed(value, "a decimal"),
        }
    }
}

/// An amount of money as a decimal.
impl FromJson<super::Money> for Decimal {
    fn from_json(value: &Json) -> Result<Self, String> {
        <Decimal as FromJson<Numeric>>::from_json(value)
    }
}

/// A bit field as an unsigned integer.
impl FromJson<super::BitField> for u64 {
    fn from_json(value: &Json) -> Result<Self, String> {
        <u64 as FromJson<BigIntUnsigned>>::from_json(value)
    }
}

impl FromJson<Bool> for bool {
    fn from_json(value: &Json) -> Result<Self, String> {
        value
            .as_bool()
            .ok_or_else(|| format!("expected true or false, found {value}"))
    }
}

impl FromJson<Text> for String {
    fn from_json(value: &Json) -> Result<Self, String> {
        text(value, "a string").map(str::to_owned)
    }
}

/// Bytes from base64 text (RFC 4648, standard alphabet, padding optional): OpenAPI's
/// `format: byte`.
impl FromJson<Bytes> for Vec<u8> {
    fn from_json(value: &Json) -> Result<Self, String> {
        decode_base64(text(value, "base64 text")?)
    }
}

/// The standard base64 alphabet, writing padding and reading text with or without it.
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// Reads base64 text, saying what is wrong with text that is not.
pub fn decode_base64(text: &str) -> Result<Vec<u8>, String> {
    use base64::Engine;
    BASE64
        .decode(text)
        .map_err(|e| format!("`{}` is not base64: {e}", shorten(text)))
}

/// Writes bytes as base64 text with padding.
pub fn encode_base64(bytes: &[u8]) -> String {
    use base64::Engine;
    BASE64.encode(bytes)
}

/// Long text cut for an error message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_owned(),
    }
}

#[cfg(feature = "uuid")]
impl FromJson<Uuid> for uuid::Uuid {
    fn from_json(value: &Json) -> Result<Self, String> {
        parsed(value, "a uuid")
    }
}

#[cfg(feature = "chrono")]
impl FromJson<Date> for NaiveDate {
    fn from_json(value: &Json) -> Result<Self, String> {
        parsed(value, "a date (YYYY-MM-DD)")
    }
}

#[cfg(feature = "chrono")]
impl FromJson<Time> for NaiveTime {
    fn from_json(value: &Json) -> Result<Self, String> {
        parsed(value, "a time (HH:MM:SS)")
    }
}

#[cfg(feature = "chrono")]
impl FromJson<Timestamp> for NaiveDateTime {
    fn from_json(value: &Json) -> Result<Self, String> {
        parsed(value, "a date and time (YYYY-MM-DDTHH:MM:SS)")
    }
}

#[cfg(feature = "chrono")]
fn instant(value: &Json) -> Result<DateTime<Utc>, String> {
    let s = text(value, "an instant (RFC 3339)")?;
    DateTime::parse_from_rfc3339(s)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|e| format!("`{s}` is not an instant with an offset (RFC 3339): {e}"))
}

#[cfg(feature = "chrono")]
impl FromJson<TimestampTz> for DateTime<Utc> {
    fn from_json(value: &Json) -> Result<Self, String> {
        instant(value)
    }
}

#[cfg(feature = "chrono")]
impl FromJson<UnixTimestamp> for DateTime<Utc> {
    fn from_json(value: &Json) -> Result<Self, String> {
        instant(value)
    }
}

#[cfg(feature = "chrono")]
impl FromJson<UnixTimestampMs> for DateTime<Utc> {
    fn from_json(value: &Json) -> Result<Self, String> {
        instant(value)
    }
}

/// An interval from an ISO 8601 duration (`P1Y2M3DT4H5M6.5S`).
impl FromJson<IntervalType> for Interval {
    fn from_json(value: &Json) -> Result<Self, String> {
        Interval::parse_iso8601(text(value, "an ISO 8601 duration")?)
    }
}

impl<E: SqlEnum> FromJson<Enum<E>> for E {
    fn from_json(value: &Json) -> Result<Self, String> {
        let member = text(value, "a string")?;
        E::from_member(member).ok_or_else(|| format!("`{member}` is not one of {:?}", E::MEMBERS))
    }
}

fn deserialize<T: serde::de::DeserializeOwned>(value: &Json) -> Result<T, String> {
    serde_json::from_value(value.clone()).map_err(|e| format!("does not fit the column's JSON type: {e}"))
}

impl<T: JsonValue> FromJson<super::sql::Json<T>> for T {
    fn from_json(value: &Json) -> Result<Self, String> {
        deserialize(value)
    }
}

impl<T: JsonValue> FromJson<Jsonb<T>> for T {
    fn from_json(value: &Json) -> Result<Self, String> {
        deserialize(value)
    }
}

impl<ST: SqlType, T: FromJson<ST>> FromJson<Array<ST>> for Vec<T> {
    fn from_json(value: &Json) -> Result<Self, String> {
        let items = value
            .as_array()
            .ok_or_else(|| format!("expected an array, found {value}"))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                if item.is_null() {
                    Err(format!("element {i} is null"))
                } else {
                    T::from_json(item).map_err(|e| format!("element {i}: {e}"))
                }
            })
            .collect()
    }
}

/// A Rust value of SQL type `ST` written as JSON, in the forms [`FromJson`] reads back.
pub trait ToJson<ST> {
    /// The JSON value.
    fn to_json(&self) -> Json;
}

macro_rules! to_json_via_from {
    ($($st:ty: $rust:ty;)*) => {$(
        impl ToJson<$st> for $rust {
            fn to_json(&self) -> Json {
                Json::from(*self)
            }
        }
    )*};
}

to_json_via_from! {
    TinyInt: i8; SmallInt: i16; MediumInt: i32; Integer: i32; BigInt: i64; TinyIntUnsigned: u8;
    SmallIntUnsigned: u16; MediumIntUnsigned: u32; IntUnsigned: u32; BigIntUnsigned: u64; Year: u16;
    Bool: bool;
}

/// A float that JSON numbers cannot hold (NaN, infinity) becomes `"NaN"`, `"Infinity"`
/// or `"-Infinity"`, which [`FromJson`] reads back.
impl ToJson<Real> for f32 {
    fn to_json(&self) -> Json {
        float_json(f64::from(*self))
    }
}

impl ToJson<Double> for f64 {
    fn to_json(&self) -> Json {
        float_json(*self)
    }
}

/// A decimal as a string, to keep every digit.
impl ToJson<Numeric> for Decimal {
    fn to_json(&self) -> Json {
        Json::String(self.to_string())
    }
}

/// An amount of money as a decimal string.
impl ToJson<super::Money> for Decimal {
    fn to_json(&self) -> Json {
        Json::String(self.to_string())
    }
}

/// A bit field as an unsigned integer.
impl ToJson<super::BitField> for u64 {
    fn to_json(&self) -> Json {
        <u64 as ToJson<BigIntUnsigned>>::to_json(self)
    }
}

impl ToJson<Text> for String {
    fn to_json(&self) -> Json {
        Json::String(self.clone())
    }
}

/// Bytes as base64 text with padding.
impl ToJson<Bytes> for Vec<u8> {
    fn to_json(&self) -> Json {
        Json::String(encode_base64(self))
    }
}

#[cfg(feature = "uuid")]
impl ToJson<Uuid> for uuid::Uuid {
    fn to_json(&self) -> Json {
        Json::String(self.hyphenated().to_string())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<Date> for NaiveDate {
    fn to_json(&self) -> Json {
        Json::String(self.format("%Y-%m-%d").to_string())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<Time> for NaiveTime {
    fn to_json(&self) -> Json {
        Json::String(self.format("%H:%M:%S%.f").to_string())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<Timestamp> for NaiveDateTime {
    fn to_json(&self) -> Json {
        Json::String(self.format("%Y-%m-%dT%H:%M:%S%.f").to_string())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<TimestampTz> for DateTime<Utc> {
    fn to_json(&self) -> Json {
        Json::String(self.to_rfc3339())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<UnixTimestamp> for DateTime<Utc> {
    fn to_json(&self) -> Json {
        Json::String(self.to_rfc3339())
    }
}

#[cfg(feature = "chrono")]
impl ToJson<UnixTimestampMs> for DateTime<Utc> {
    fn to_json(&self) -> Json {
        Json::String(self.to_rfc3339())
    }
}

/// An interval as an ISO 8601 duration.
impl ToJson<IntervalType> for Interval {
    fn to_json(&self) -> Json {
        Json::String(self.to_iso8601())
    }
}

impl<E: SqlEnum> ToJson<Enum<E>> for E {
    fn to_json(&self) -> Json {
        Json::String(self.as_member().to_owned())
    }
}

impl<T: JsonValue> ToJson<super::sql::Json<T>> for T {
    fn to_json(&self) -> Json {
        serde_json::to_value(self).unwrap_or(Json::Null)
    }
}

impl<T: JsonValue> ToJson<Jsonb<T>> for T {
    fn to_json(&self) -> Json {
        serde_json::to_value(self).unwrap_or(Json::Null)
    }
}

impl<ST: SqlType, T: ToJson<ST>> ToJson<Array<ST>> for Vec<T> {
    fn to_json(&self) -> Json {
        Json::Array(self.iter().map(ToJson::to_json).collect())
    }
}
