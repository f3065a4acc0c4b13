//! Checking one JSON value against a column type's description.

use crate::error::{pointer, Code, ValidationError};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::TypeInfo;
use mizzle_dsl::types::{decode_base64, non_finite, Interval};
use rust_decimal::Decimal;
use serde_json::{json, Value as Json};
use std::str::FromStr;

/// The JSON type of a value, as error parameters name it.
pub(crate) fn json_type(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// The JSON type of a value, as messages name it.
fn kind(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "a boolean",
        Json::Number(_) => "a number",
        Json::String(_) => "a string",
        Json::Array(_) => "an array",
        Json::Object(_) => "an object",
    }
}

/// Where problems of one value go.
struct Problems<'e> {
    at: &'e str,
    errors: &'e mut Vec<ValidationError>,
}

impl Problems<'_> {
    fn push(&mut self, code: Code, message: String) -> &mut ValidationError {
        self.errors.push(ValidationError::new(self.at, code, message));
        self.errors.last_mut().expect("just pushed")
    }

    /// A value of the wrong JSON type: `expected` names the wanted one for people,
    /// `expected_type` for programs.
    fn wrong_type(&mut self, value: &Json, expected: &str, expected_type: &'static str) {
        self.push(Code::Type, format!("expected {expected}, found {}", kind(value)))
            .with("expected", expected_type)
            .with("found", json_type(value));
    }

    /// Text that is not in `format` (a JSON Schema format name).
    fn bad_format(&mut self, message: String, format: &'static str) {
        self.push(Code::Format, message).with("format", format);
    }

    /// Text of one of the formats, checked by `valid`.
    fn text_format(&mut self, value: &Json, what: &str, format: &'static str, valid: impl Fn(&str) -> bool) {
        match value.as_str() {
            Some(text) if valid(text) => {}
            Some(text) => self.bad_format(format!("`{text}` is not {what}"), format),
            None => self.wrong_type(value, what, "string"),
        }
    }
}

/// Checks a non-null `value` at pointer `at` against `info` in `dialect`, recording every
/// problem.
pub(crate) fn check(info: &TypeInfo, dialect: DialectKind, value: &Json, at: &str, errors: &mut Vec<ValidationError>) {
    let mut problems = Problems { at, errors };
    match info {
        TypeInfo::Integer { min, max } => match value {
            Json::Number(n) => {
                let whole = n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from));
                match whole {
                    Some(n) if (*min..=*max).contains(&n) => {}
                    None if !n.as_f64().is_some_and(|x| x.fract() == 0.0) => {
                        problems.wrong_type(value, "an integer", "integer")
                    }
                    _ => {
                        problems
                            .push(Code::OutOfRange, format!("{n} is outside {min}..={max}"))
                            .with("min", bound(*min))
                            .with("max", bound(*max));
                    }
                }
            }
            _ => problems.wrong_type(value, "an integer", "integer"),
        },
        // NaN and the infinities travel as "NaN", "Infinity", "-Infinity": PostgreSQL
        // stores them; SQLite and MySQL cannot, and their backends refuse them.
        TypeInfo::Float => match value {
            Json::Number(_) => {}
            Json::String(s) if non_finite(s).is_some() && dialect == DialectKind::Pg => {}
            Json::String(s) if non_finite(s).is_some() => {
                problems.push(
                    Code::OutOfRange,
                    format!("{s} cannot be stored here: this database's floats are finite numbers"),
                );
            }
            _ => problems.wrong_type(value, "a number", "number"),
        },
        TypeInfo::Decimal { precision, scale } => {
            let parsed = match value {
                Json::Number(n) => Decimal::from_str(&n.to_string()).ok(),
                Json::String(s) => Decimal::from_str(s).ok(),
                _ => return problems.wrong_type(value, "a decimal (a number or a string of digits)", "decimal"),
            };
            let Some(decimal) = parsed.map(|d| d.normalize()) else {
                return problems.bad_format(format!("{value} is not a decimal"), "decimal");
            };
            if let (Some(precision), Some(scale)) = (precision, scale) {
                let fraction = decimal.scale();
                let digits = decimal.mantissa().unsigned_abs().to_string().len() as u32;
                let whole = digits.saturating_sub(fraction);
                if fraction > *scale || whole > precision - scale {
                    problems
                        .push(
                            Code::Precision,
                            format!("{decimal} does not fit numeric({precision}, {scale}): at most {} digits before the point and {scale} after", precision - scale),
                        )
                        .with("precision", *precision)
                        .with("scale", *scale);
                }
            } else if let Some(scale) = scale.filter(|scale| decimal.scale() > *scale) {
                // money: its digits after the point are fixed, the rest free.
                problems
                    .push(
                        Code::Precision,
                        format!("{decimal} has more than {scale} digits after the point"),
                    )
                    .with("scale", scale);
            }
        }
        TypeInfo::Bool => {
            if !value.is_boolean() {
                problems.wrong_type(value, "true or false", "boolean");
            }
        }
        TypeInfo::Text { max_chars, max_bytes } => match value.as_str() {
            Some(text) => {
                if let Some(max) = *max_chars {
                    let chars = text.chars().count();
                    if chars > max as usize {
                        too_long(&mut problems, chars, max, "characters", "characters");
                    }
                }
                if let Some(max) = max_bytes.filter(|max| text.len() > *max as usize) {
                    too_long(&mut problems, text.len(), max, "bytes", "bytes of UTF-8");
                }
            }
            None => problems.wrong_type(value, "a string", "string"),
        },
        TypeInfo::Bytes { max_len } => match value.as_str() {
            Some(text) => match decode_base64(text) {
                Ok(bytes) => {
                    if let Some(max) = max_len.filter(|max| bytes.len() > *max as usize) {
                        too_long(&mut problems, bytes.len(), max, "bytes", "bytes");
                    }
                }
                Err(message) => problems.bad_format(message, "byte"),
            },
            None => problems.wrong_type(value, "base64 text", "string"),
        },
        TypeInfo::Uuid => problems.text_format(value, "a uuid", "uuid", |s| uuid::Uuid::from_str(s).is_ok()),
        TypeInfo::Date => {
            problems.text_format(value, "a date (YYYY-MM-DD)", "date", |s| NaiveDate::from_str(s).is_ok())
        }
        TypeInfo::Time => problems.text_format(value, "a time (HH:MM:SS)", "time", |s| NaiveTime::from_str(s).is_ok()),
        TypeInfo::Timestamp => {
            problems.text_format(value, "a date and time (YYYY-MM-DDTHH:MM:SS)", "date-time-local", |s| {
                NaiveDateTime::from_str(s).is_ok()
            })
        }
        TypeInfo::TimestampTz | TypeInfo::UnixTime { .. } => {
            problems.text_format(value, "an instant with an offset (RFC 3339)", "date-time", |s| {
                DateTime::parse_from_rfc3339(s).is_ok()
            })
        }
        TypeInfo::Interval => match value.as_str() {
            Some(text) => {
                if let Err(message) = Interval::parse_iso8601(text) {
                    problems.bad_format(message, "duration");
                }
            }
            None => problems.wrong_type(value, "an ISO 8601 duration (like P1DT2H)", "string"),
        },
        // A typed JSON column is checked when the record is built, by deserializing.
        TypeInfo::Json => {}
        TypeInfo::Enum { members } => match value.as_str() {
            Some(member) if members.contains(&member) => {}
            Some(member) => {
                problems
                    .push(Code::NotAMember, format!("`{member}` is not one of {members:?}"))
                    .with("members", *members);
            }
            None => problems.wrong_type(value, "a string", "string"),
        },
        TypeInfo::Vector { dim } => match value.as_array() {
            Some(items) if items.iter().any(|item| !item.is_number()) => {
                problems.wrong_type(value, "an array of numbers", "array");
            }
            Some(items) => {
                if let Some(dim) = dim.filter(|dim| items.len() != *dim as usize) {
                    problems
                        .push(Code::Format, format!("{} numbers; the vector has {dim}", items.len()))
                        .with("format", "vector")
                        .with("length", dim);
                }
            }
            None => problems.wrong_type(value, "an array of numbers", "array"),
        },
        TypeInfo::SparseVector { dim } => match value.as_str() {
            Some(text) => match text.parse::<mizzle_dsl::types::SparseVector>() {
                Ok(vector) => {
                    if let Some(dim) = dim.filter(|dim| vector.dim != *dim) {
                        problems
                            .push(Code::Format, format!("{} dimensions; the vector has {dim}", vector.dim))
                            .with("format", "sparsevec")
                            .with("length", dim);
                    }
                }
                Err(message) => problems.bad_format(message, "sparsevec"),
            },
            None => problems.wrong_type(value, "a sparse vector (like {1:0.5,3:2}/5)", "string"),
        },
        TypeInfo::Formatted(format) => match value.as_str() {
            Some(text) => {
                if let Err(message) = (format.check)(text) {
                    problems.bad_format(message, format.name);
                }
            }
            None => problems.wrong_type(value, format.name, "string"),
        },
        TypeInfo::Bits { len, varying } => match value.as_str() {
            Some(bits) if !bits.chars().all(|c| c == '0' || c == '1') => {
                problems.bad_format(format!("`{bits}` is not a bit string (only 0 and 1)"), "bits");
            }
            Some(bits) => match (*len, *varying) {
                (Some(max), true) if bits.len() > max as usize => {
                    too_long(&mut problems, bits.len(), max, "bits", "bits")
                }
                (Some(n), false) if bits.len() != n as usize => {
                    problems
                        .push(Code::Format, format!("{} bits; exactly {n}", bits.len()))
                        .with("format", "bits")
                        .with("length", n);
                }
                _ => {}
            },
            None => problems.wrong_type(value, "a bit string (like 0101)", "string"),
        },
        TypeInfo::Array(element) => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = pointer(at, &i.to_string());
                    if item.is_null() {
                        problems
                            .errors
                            .push(ValidationError::new(&at, Code::Null, "array elements cannot be null"));
                    } else {
                        check(element, dialect, item, &at, problems.errors);
                    }
                }
            }
            None => problems.wrong_type(value, "an array", "array"),
        },
    }
}

/// Text or bytes over a limit; `unit` is `characters` or `bytes`, `counted` says of what.
fn too_long(problems: &mut Problems<'_>, actual: usize, max: u32, unit: &'static str, counted: &str) {
    problems
        .push(Code::TooLong, format!("{actual} {counted}; at most {max}"))
        .with("max", max)
        .with("actual", actual)
        .with("unit", unit);
}

/// An integer bound as an exact JSON number.
pub(crate) fn bound(n: i128) -> Json {
    i64::try_from(n)
        .map(Json::from)
        .or_else(|_| u64::try_from(n).map(Json::from))
        .unwrap_or_else(|_| json!(n as f64))
}

/// The value a query string or form field means for a column of type `info`, when
/// `value` is text that spells one (`"5"` for an integer, `"true"` or `"on"` for a
/// boolean, `"2026-12-02 10:00"` for a timestamp); `None` to keep `value` as it is.
pub(crate) fn coerce(info: &TypeInfo, nullable: bool, value: &Json) -> Option<Json> {
    let text = value.as_str()?.trim();
    if text.is_empty() {
        // A blank form field of a nullable column that text cannot hold means "none".
        return (nullable && !matches!(info, TypeInfo::Text { .. } | TypeInfo::Json)).then_some(Json::Null);
    }
    match info {
        TypeInfo::Integer { .. } => text
            .parse::<i64>()
            .map(Json::from)
            .or_else(|_| text.parse::<u64>().map(Json::from))
            .ok(),
        TypeInfo::Float => text
            .parse::<f64>()
            .ok()
            .filter(|x| x.is_finite())
            .and_then(serde_json::Number::from_f64)
            .map(Json::Number),
        TypeInfo::Bool => match text.to_ascii_lowercase().as_str() {
            "true" | "1" | "on" | "yes" => Some(Json::Bool(true)),
            "false" | "0" | "off" | "no" => Some(Json::Bool(false)),
            _ => None,
        },
        TypeInfo::Timestamp => local_date_time(text).map(|at| json!(at.format("%Y-%m-%dT%H:%M:%S%.f").to_string())),
        TypeInfo::TimestampTz | TypeInfo::UnixTime { .. } => text
            .parse::<i64>()
            .ok()
            .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
            .map(|at| json!(at.to_rfc3339())),
        _ => None,
    }
}

/// A date and time as forms write them: a space or `T` between, seconds optional.
fn local_date_time(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok())
}
