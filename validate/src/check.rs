//! Checking one JSON value against a column type's description.

use crate::error::{pointer, Code, ValidationError};
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::TypeInfo;
use mizzle_dsl::types::non_finite;
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::str::FromStr;

fn problem(errors: &mut Vec<ValidationError>, at: &str, code: Code, message: String) {
    errors.push(ValidationError {
        pointer: at.to_owned(),
        code,
        message,
    });
}

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

/// Checks a non-null `value` at pointer `at` against `info` in `dialect`, recording every
/// problem.
pub(crate) fn check(info: &TypeInfo, dialect: DialectKind, value: &Json, at: &str, errors: &mut Vec<ValidationError>) {
    let wrong_type = |errors: &mut Vec<ValidationError>, wanted: &str| {
        problem(
            errors,
            at,
            Code::Type,
            format!("expected {wanted}, found {}", kind(value)),
        );
    };
    match info {
        TypeInfo::Integer { min, max } => match value {
            Json::Number(n) => match n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from)) {
                Some(n) if (*min..=*max).contains(&n) => {}
                Some(n) => problem(errors, at, Code::OutOfRange, format!("{n} is outside {min}..={max}")),
                None if n.as_f64().is_some_and(|x| x.fract() == 0.0) => {
                    problem(errors, at, Code::OutOfRange, format!("{n} is outside {min}..={max}"))
                }
                None => wrong_type(errors, "an integer"),
            },
            _ => wrong_type(errors, "an integer"),
        },
        // NaN and the infinities travel as "NaN", "Infinity", "-Infinity": PostgreSQL
        // stores them; SQLite and MySQL cannot, and their backends refuse them.
        TypeInfo::Float => match value {
            Json::Number(_) => {}
            Json::String(s) if non_finite(s).is_some() && dialect == DialectKind::Pg => {}
            Json::String(s) if non_finite(s).is_some() => problem(
                errors,
                at,
                Code::OutOfRange,
                format!("{s} cannot be stored here: this database's floats are finite numbers"),
            ),
            _ => wrong_type(errors, "a number"),
        },
        TypeInfo::Decimal { precision, scale } => {
            let parsed = match value {
                Json::Number(n) => Decimal::from_str(&n.to_string()).ok(),
                Json::String(s) => Decimal::from_str(s).ok(),
                _ => return wrong_type(errors, "a decimal (a number or a string of digits)"),
            };
            let Some(decimal) = parsed.map(|d| d.normalize()) else {
                return problem(errors, at, Code::Format, format!("{value} is not a decimal"));
            };
            if let (Some(precision), Some(scale)) = (precision, scale) {
                let fraction = decimal.scale();
                let digits = decimal.mantissa().unsigned_abs().to_string().len() as u32;
                let whole = digits.saturating_sub(fraction);
                if fraction > *scale || whole > precision - scale {
                    problem(
                        errors,
                        at,
                        Code::Precision,
                        format!("{decimal} does not fit numeric({precision}, {scale}): at most {} digits before the point and {scale} after", precision - scale),
                    );
                }
            }
        }
        TypeInfo::Bool => {
            if !value.is_boolean() {
                wrong_type(errors, "true or false");
            }
        }
        TypeInfo::Text { max_chars } => match value.as_str() {
            Some(text) => {
                let chars = text.chars().count();
                if let Some(max) = max_chars.filter(|max| chars > *max as usize) {
                    problem(errors, at, Code::TooLong, format!("{chars} characters; at most {max}"));
                }
            }
            None => wrong_type(errors, "a string"),
        },
        TypeInfo::Bytes { max_len } => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    if item.as_u64().is_none_or(|b| b > 255) {
                        problem(
                            errors,
                            &pointer(at, &i.to_string()),
                            Code::Type,
                            format!("expected a byte (0-255), found {item}"),
                        );
                    }
                }
                if let Some(max) = max_len.filter(|max| items.len() > *max as usize) {
                    problem(
                        errors,
                        at,
                        Code::TooLong,
                        format!("{} bytes; at most {max}", items.len()),
                    );
                }
            }
            None => wrong_type(errors, "an array of bytes"),
        },
        TypeInfo::Uuid => format(value, at, errors, "a uuid", |s| uuid::Uuid::from_str(s).is_ok()),
        TypeInfo::Date => format(value, at, errors, "a date (YYYY-MM-DD)", |s| {
            NaiveDate::from_str(s).is_ok()
        }),
        TypeInfo::Time => format(value, at, errors, "a time (HH:MM:SS)", |s| {
            NaiveTime::from_str(s).is_ok()
        }),
        TypeInfo::Timestamp => format(value, at, errors, "a date and time (YYYY-MM-DDTHH:MM:SS)", |s| {
            NaiveDateTime::from_str(s).is_ok()
        }),
        TypeInfo::TimestampTz | TypeInfo::UnixTime { .. } => {
            format(value, at, errors, "an instant with an offset (RFC 3339)", |s| {
                DateTime::parse_from_rfc3339(s).is_ok()
            })
        }
        TypeInfo::Interval => match value.as_object() {
            Some(parts) => {
                for (name, part) in parts {
                    if !["months", "days", "microseconds"].contains(&name.as_str()) {
                        problem(
                            errors,
                            &pointer(at, name),
                            Code::UnknownField,
                            "an interval has months, days and microseconds".to_owned(),
                        );
                    } else if part.as_i64().is_none() {
                        problem(
                            errors,
                            &pointer(at, name),
                            Code::Type,
                            format!("expected an integer, found {}", kind(part)),
                        );
                    }
                }
            }
            None => wrong_type(errors, "an interval object"),
        },
        // A typed JSON column is checked when the record is built, by deserializing.
        TypeInfo::Json => {}
        TypeInfo::Enum { members } => match value.as_str() {
            Some(member) if members.contains(&member) => {}
            Some(member) => problem(
                errors,
                at,
                Code::NotAMember,
                format!("`{member}` is not one of {members:?}"),
            ),
            None => wrong_type(errors, "a string"),
        },
        TypeInfo::Array(element) => match value.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let at = pointer(at, &i.to_string());
                    if item.is_null() {
                        problem(errors, &at, Code::Null, "array elements cannot be null".to_owned());
                    } else {
                        check(element, dialect, item, &at, errors);
                    }
                }
            }
            None => wrong_type(errors, "an array"),
        },
    }
}

fn format(value: &Json, at: &str, errors: &mut Vec<ValidationError>, what: &str, valid: impl Fn(&str) -> bool) {
    match value.as_str() {
        Some(text) if valid(text) => {}
        Some(text) => problem(errors, at, Code::Format, format!("`{text}` is not {what}")),
        None => problem(
            errors,
            at,
            Code::Type,
            format!("expected {what}, found {}", kind(value)),
        ),
    }
}
