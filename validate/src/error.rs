//! What a validator reports: every problem, each with a JSON pointer, a code and a message.

use serde_json::{json, Map, Value as Json};
use std::fmt;

/// A stable, machine-readable kind of problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The body is not JSON, or not a JSON object.
    InvalidBody,
    /// A field that must be present is missing.
    Required,
    /// `null` where the column is NOT NULL.
    Null,
    /// A value of the wrong JSON type.
    Type,
    /// A number outside the column's range.
    OutOfRange,
    /// Text or bytes longer than the column allows.
    TooLong,
    /// Text shorter than a refinement allows.
    TooShort,
    /// A decimal with more digits than the column's precision or scale.
    Precision,
    /// A string that is not a valid uuid, date, time or timestamp.
    Format,
    /// Not one of an enum's members.
    NotAMember,
    /// A field the table does not have.
    UnknownField,
    /// A field the database computes: generated and identity-always columns.
    NotWritable,
    /// Text that does not match a refinement's pattern.
    Pattern,
    /// A refinement's own rule.
    Custom,
    /// A CHECK constraint of the table, evaluated in Rust, is broken.
    Check,
    /// A key that appears twice in one JSON object of the body.
    DuplicateKey,
    /// A field of the table that this validator does not take (`pick`/`omit`).
    NotAllowed,
}

impl Code {
    /// The code as text, e.g. `too_long`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidBody => "invalid_body",
            Code::Required => "required",
            Code::Null => "null",
            Code::Type => "type",
            Code::OutOfRange => "out_of_range",
            Code::TooLong => "too_long",
            Code::TooShort => "too_short",
            Code::Precision => "precision",
            Code::Format => "format",
            Code::NotAMember => "not_a_member",
            Code::UnknownField => "unknown_field",
            Code::NotWritable => "not_writable",
            Code::Pattern => "pattern",
            Code::Custom => "custom",
            Code::Check => "check",
            Code::DuplicateKey => "duplicate_key",
            Code::NotAllowed => "not_allowed",
        }
    }
}

/// One problem with a body.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    /// Where: a JSON pointer such as `/name` or `/tags/2`; empty for the whole body.
    pub pointer: String,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, for people.
    pub message: String,
    /// The values the message is made of, by name, for a message of your own (in another
    /// language, say): `max`, `actual` and `unit` (`characters` or `bytes`) for
    /// `too_long`; `min`/`max` for `out_of_range`; `expected` and `found` (JSON type
    /// names) for `type`; `format` (the JSON Schema format) for `format`; `members` for
    /// `not_a_member`; `pattern`; `precision` and `scale`; `field`, `key` or `check` for
    /// the problems of a field, a duplicate key or a CHECK.
    pub params: Map<String, Json>,
}

impl ValidationError {
    /// A problem without parameters.
    pub fn new(pointer: &str, code: Code, message: impl Into<String>) -> Self {
        ValidationError {
            pointer: pointer.to_owned(),
            code,
            message: message.into(),
            params: Map::new(),
        }
    }

    /// Adds the parameter `name`.
    pub fn with(&mut self, name: &str, value: impl Into<Json>) -> &mut Self {
        self.params.insert(name.to_owned(), value.into());
        self
    }

    /// `{"pointer": …, "code": …, "message": …, "params": {…}}`, for a response body.
    pub fn to_json(&self) -> Json {
        json!({
            "pointer": self.pointer,
            "code": self.code.as_str(),
            "message": self.message,
            "params": self.params,
        })
    }
}

/// Every problem found in a body; never empty.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl ValidationErrors {
    /// The problems.
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
    }

    /// `{"errors": [ … ]}`, each problem as [`ValidationError::to_json`] writes it: a
    /// response body for a 422.
    pub fn to_json(&self) -> Json {
        json!({"errors": self.0.iter().map(ValidationError::to_json).collect::<Vec<_>>()})
    }

    /// One problem for the whole body.
    pub(crate) fn body(code: Code, message: String) -> Self {
        ValidationErrors(vec![ValidationError::new("", code, message)])
    }

    /// The problems at `pointer`.
    pub fn at<'a>(&'a self, pointer: &'a str) -> impl Iterator<Item = &'a ValidationError> + 'a {
        self.0.iter().filter(move |e| e.pointer == pointer)
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            let at = if error.pointer.is_empty() {
                "the body"
            } else {
                &error.pointer
            };
            write!(f, "{at}: {} ({})", error.message, error.code.as_str())?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// A JSON pointer segment, escaped as RFC 6901 says.
pub(crate) fn pointer(parent: &str, segment: &str) -> String {
    format!("{parent}/{}", segment.replace('~', "~0").replace('/', "~1"))
}
