//! PostgreSQL's errors as mizzle's [`Error`], with kinds mapped from SQLSTATE.

use mizzle_dsl::{DbErrorKind, Error};
use tokio_postgres::error::SqlState;

/// Wraps an error raised while running `sql`.
pub(crate) fn database_error(sql: &str, error: tokio_postgres::Error) -> Error {
    let Some(db) = error.as_db_error() else {
        return Error::Driver(Box::new(error));
    };
    let kind = match db.code() {
        c if *c == SqlState::UNIQUE_VIOLATION => DbErrorKind::UniqueViolation,
        c if *c == SqlState::FOREIGN_KEY_VIOLATION => DbErrorKind::ForeignKeyViolation,
        c if *c == SqlState::NOT_NULL_VIOLATION => DbErrorKind::NotNullViolation,
        c if *c == SqlState::CHECK_VIOLATION => DbErrorKind::CheckViolation,
        c if *c == SqlState::T_R_SERIALIZATION_FAILURE => DbErrorKind::SerializationFailure,
        c if *c == SqlState::T_R_DEADLOCK_DETECTED => DbErrorKind::Deadlock,
        _ => DbErrorKind::Other,
    };
    let message = match db.detail() {
        Some(detail) => format!("{}: {detail}", db.message()),
        None => db.message().to_owned(),
    };
    let constraint = db.constraint().map(str::to_owned);
    Error::Database {
        kind,
        message,
        constraint,
        sql: sql.to_owned(),
        source: Box::new(error),
    }
}

/// Wraps a driver error outside of a statement.
pub(crate) fn driver_error(error: tokio_postgres::Error) -> Error {
    Error::Driver(Box::new(error))
}

/// Wraps an error from the pool.
pub(crate) fn pool_error(target: &str, error: deadpool_postgres::PoolError) -> Error {
    use deadpool_postgres::PoolError;
    match error {
        PoolError::Timeout(_) => Error::PoolTimeout,
        PoolError::Backend(error) => Error::Connection {
            target: target.to_owned(),
            source: Box::new(error),
        },
        other => Error::Connection {
            target: target.to_owned(),
            source: Box::new(other),
        },
    }
}

/// Whether a failed statement certainly did not run: the request could not be sent (the
/// connection was closed), or the server refused it because the backend was shutting
/// down. Only then may it run again elsewhere.
pub(crate) fn not_run(error: &Error) -> bool {
    let source = match error {
        Error::Database { source, .. } | Error::Driver(source) => source,
        _ => return false,
    };
    let Some(error) = source.downcast_ref::<tokio_postgres::Error>() else {
        return false;
    };
    error.is_closed()
        || error.code().is_some_and(|code| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code)
        })
}
