//! Refinements: extra rules on a field beyond what its column type implies.

use crate::error::{Code, ValidationError};
use serde_json::Value as Json;
use std::fmt;
use std::sync::Arc;

/// A rule of the application's own: `Err` says what is wrong with the value.
pub type CustomCheck = Arc<dyn Fn(&Json) -> Result<(), String> + Send + Sync>;

/// An extra rule for one field, like drizzle-zod's refine callback.
#[derive(Clone)]
pub enum Rule {
    /// Text of at least this many characters.
    MinLength(usize),
    /// Text of at most this many characters.
    MaxLength(usize),
    /// A number within the bounds (inclusive).
    Range {
        /// The smallest value allowed.
        min: Option<f64>,
        /// The largest value allowed.
        max: Option<f64>,
    },
    /// Text matching a regular expression.
    Pattern(regex_lite::Regex),
    /// One of these values (a narrower enum, say): code `not_a_member` otherwise.
    OneOf(Vec<Json>),
    /// Any rule: `Err` says what is wrong.
    Custom(CustomCheck),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::MinLength(n) => write!(f, "MinLength({n})"),
            Rule::MaxLength(n) => write!(f, "MaxLength({n})"),
            Rule::Range { min, max } => write!(f, "Range({min:?}, {max:?})"),
            Rule::Pattern(regex) => write!(f, "Pattern({})", regex.as_str()),
            Rule::OneOf(values) => write!(f, "OneOf({values:?})"),
            Rule::Custom(_) => f.write_str("Custom(..)"),
        }
    }
}

impl Rule {
    /// A regular expression the text must match (the whole text: anchor it with `^…$`).
    pub fn pattern(regex: &str) -> Result<Self, regex_lite::Error> {
        regex_lite::Regex::new(regex).map(Rule::Pattern)
    }

    /// One of `values`: `Rule::one_of(["draft", "review"])`.
    pub fn one_of<V: Into<Json>>(values: impl IntoIterator<Item = V>) -> Self {
        Rule::OneOf(values.into_iter().map(Into::into).collect())
    }

    /// A rule of your own.
    pub fn custom(check: impl Fn(&Json) -> Result<(), String> + Send + Sync + 'static) -> Self {
        Rule::Custom(Arc::new(check))
    }

    /// Checks a non-null value, recording a problem at `at`.
    pub(crate) fn check(&self, value: &Json, at: &str, errors: &mut Vec<ValidationError>) {
        fn fail<'e>(
            errors: &'e mut Vec<ValidationError>,
            at: &str,
            code: Code,
            message: String,
        ) -> &'e mut ValidationError {
            errors.push(ValidationError::new(at, code, message));
            errors.last_mut().expect("just pushed")
        }
        match self {
            Rule::MinLength(min) => {
                if let Some(chars) = value.as_str().map(|s| s.chars().count()).filter(|chars| chars < min) {
                    fail(
                        errors,
                        at,
                        Code::TooShort,
                        format!("{chars} characters; at least {min}"),
                    )
                    .with("min", *min)
                    .with("actual", chars)
                    .with("unit", "characters");
                }
            }
            Rule::MaxLength(max) => {
                if let Some(chars) = value.as_str().map(|s| s.chars().count()).filter(|chars| chars > max) {
                    fail(errors, at, Code::TooLong, format!("{chars} characters; at most {max}"))
                        .with("max", *max)
                        .with("actual", chars)
                        .with("unit", "characters");
                }
            }
            Rule::Range { min, max } => {
                if let Some(x) = value.as_f64() {
                    match (min.filter(|min| x < *min), max.filter(|max| x > *max)) {
                        (Some(min), _) => {
                            fail(errors, at, Code::OutOfRange, format!("{x} is below the minimum {min}"))
                                .with("min", min);
                        }
                        (_, Some(max)) => {
                            fail(errors, at, Code::OutOfRange, format!("{x} is above the maximum {max}"))
                                .with("max", max);
                        }
                        _ => {}
                    }
                }
            }
            Rule::Pattern(regex) => {
                if let Some(text) = value.as_str().filter(|text| !regex.is_match(text)) {
                    fail(
                        errors,
                        at,
                        Code::Pattern,
                        format!("`{text}` does not match {}", regex.as_str()),
                    )
                    .with("pattern", regex.as_str());
                }
            }
            Rule::OneOf(values) => {
                if !values.contains(value) {
                    let members = Json::Array(values.clone());
                    fail(errors, at, Code::NotAMember, format!("{value} is not one of {members}"))
                        .with("members", members);
                }
            }
            Rule::Custom(check) => {
                if let Err(message) = check(value) {
                    fail(errors, at, Code::Custom, message);
                }
            }
        }
    }
}
