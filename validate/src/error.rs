//! What a validator reports: every problem, each with a JSON pointer, a code and a message.

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
        }
    }
}

/// One problem with a body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// Where: a JSON pointer such as `/name` or `/tags/2`; empty for the whole body.
    pub pointer: String,
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, for people.
    pub message: String,
}

/// Every problem found in a body; never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<ValidationError>);

impl ValidationErrors {
    /// The problems.
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
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
