//! SQLite's errors as mizzle's [`Error`], with the constraint kinds mapped from result codes.

use mizzle_dsl::{DbErrorKind, Error};
use rusqlite::ffi;

/// Wraps a rusqlite error raised while running `sql`. A value that could not be bound
/// is an [`Error::Encode`]: nothing ran.
pub(crate) fn database_error(sql: &str, error: rusqlite::Error) -> Error {
    if let rusqlite::Error::ToSqlConversionFailure(source) = &error {
        return Error::Encode {
            sql: sql.to_owned(),
            source: mizzle_dsl::EncodeError::new(source.to_string()),
        };
    }
    let (kind, message, constraint) = match &error {
        rusqlite::Error::SqliteFailure(failure, message) => {
            let message = message.clone().unwrap_or_else(|| failure.to_string());
            let kind = kind_of(failure.extended_code);
            let constraint = (kind != DbErrorKind::Other)
                .then(|| message.split_once(": ").map(|(_, name)| name.to_owned()))
                .flatten();
            (kind, message, constraint)
        }
        other => (DbErrorKind::Other, other.to_string(), None),
    };
    Error::Database {
        kind,
        message,
        constraint,
        sql: sql.to_owned(),
        source: Box::new(error),
    }
}

/// Wraps an error raised while opening `target`.
pub(crate) fn connection_error(target: &str, error: rusqlite::Error) -> Error {
    Error::Connection {
        target: target.to_owned(),
        source: Box::new(error),
    }
}

fn kind_of(extended_code: i32) -> DbErrorKind {
    match extended_code {
        ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY => DbErrorKind::UniqueViolation,
        ffi::SQLITE_CONSTRAINT_FOREIGNKEY => DbErrorKind::ForeignKeyViolation,
        ffi::SQLITE_CONSTRAINT_NOTNULL => DbErrorKind::NotNullViolation,
        ffi::SQLITE_CONSTRAINT_CHECK => DbErrorKind::CheckViolation,
        _ => DbErrorKind::Other,
    }
}
