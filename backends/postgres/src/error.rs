//! PostgreSQL's errors as mizzle's [`Error`], with kinds mapped from SQLSTATE.

use mizzle_dsl::{DbErrorKind, Error};
use tokio_postgres::error::SqlState;

/// Wraps an error raised while running `sql`.
pub(crate) fn database_error(sql: &str, error: tokio_postgres::Error) -> Error {
    let Some(db) = error.as_db_error() else {
        if error.is_closed() {
            return Error::ConnectionLost {
                sql: sql.to_owned(),
                source: Box::new(error),
            };
        }
        return Error::Driver(Box::new(error));
    };
    let kind = match db.code() {
        c if *c == SqlState::UNIQUE_VIOLATION => DbErrorKind::UniqueViolation,
        c if *c == SqlState::FOREIGN_KEY_VIOLATION => DbErrorKind::ForeignKeyViolation,
        c if *c == SqlState::NOT_NULL_VIOLATION => DbErrorKind::NotNullViolation,
        c if *c == SqlState::CHECK_VIOLATION => DbErrorKind::CheckViolation,
        c if *c == SqlState::T_R_SERIALIZATION_FAILURE => DbErrorKind::SerializationFailure,
        c if *c == SqlState::T_R_DEADLOCK_DETECTED => DbErrorKind::Deadlock,
        c if *c == SqlState::LOCK_NOT_AVAILABLE => DbErrorKind::LockNotAvailable,
        c if *c == SqlState::QUERY_CANCELED => DbErrorKind::StatementTimeout,
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

/// Wraps an error from the pool: a wait for a free connection that timed out is
/// [`Error::PoolTimeout`]; opening a connection that failed or timed out is
/// [`Error::Connection`], with the server's own reason where it gave one.
pub(crate) fn pool_error(target: &str, error: deadpool_postgres::PoolError) -> Error {
    use deadpool_postgres::{PoolError, TimeoutType};
    let source: Box<dyn std::error::Error + Send + Sync> = match error {
        PoolError::Timeout(TimeoutType::Create) => {
            "the server did not finish opening a connection within the connect timeout".into()
        }
        PoolError::Timeout(_) => return Error::PoolTimeout,
        PoolError::Backend(error) if error.as_db_error().is_some() => Box::new(ServerRefused(error)),
        PoolError::Backend(error) => Box::new(error),
        other => Box::new(other),
    };
    Error::Connection {
        target: target.to_owned(),
        source,
    }
}

/// The server's refusal to open a session (unknown role or database, bad options), shown
/// with its reason: the driver's own message says only "db error".
#[derive(Debug)]
struct ServerRefused(tokio_postgres::Error);

impl std::fmt::Display for ServerRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let db = self.0.as_db_error().expect("ServerRefused holds a server's error");
        write!(f, "the server refused: {}: {}", db.severity(), db.message())?;
        if let Some(detail) = db.detail() {
            write!(f, " ({detail})")?;
        }
        if let Some(hint) = db.hint() {
            write!(f, "; hint: {hint}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ServerRefused {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

/// Whether the server ended the session: the statement, if it had started, was rolled
/// back with it, so it may run again on another connection.
pub(crate) fn server_ended_session(error: &Error) -> bool {
    driver_error_of(error).is_some_and(|error| {
        error.code().is_some_and(|code| {
            [
                SqlState::ADMIN_SHUTDOWN,
                SqlState::CRASH_SHUTDOWN,
                SqlState::CANNOT_CONNECT_NOW,
            ]
            .contains(code)
        })
    })
}

/// Whether a prepared statement no longer fits its tables: a column's type changed since it
/// was prepared (`ALTER TABLE … ALTER COLUMN … TYPE`), and the server refuses to run it
/// before running anything.
pub(crate) fn stale_statement(error: &Error) -> bool {
    driver_error_of(error)
        .and_then(tokio_postgres::Error::as_db_error)
        .is_some_and(|db| {
            *db.code() == SqlState::FEATURE_NOT_SUPPORTED
                && db.message().contains("cached plan must not change result type")
        })
}

/// A stale statement's error inside a transaction, which it aborted: said so, with what to do.
pub(crate) fn stale_in_transaction(error: Error) -> Error {
    match error {
        Error::Database {
            kind,
            message,
            constraint,
            sql,
            source,
        } => Error::Database {
            kind,
            message: format!(
                "{message}: the table changed since this statement was prepared on this connection; \
                 it is prepared again from now on, but this transaction is aborted: run the transaction again"
            ),
            constraint,
            sql,
            source,
        },
        other => other,
    }
}

/// Whether the connection was found closed. Only safe to retry where nothing had been
/// sent that could change data: a closed connection may have run a statement and lost
/// only its answer.
pub(crate) fn connection_closed(error: &Error) -> bool {
    driver_error_of(error).is_some_and(tokio_postgres::Error::is_closed)
}

fn driver_error_of(error: &Error) -> Option<&tokio_postgres::Error> {
    match error {
        Error::Database { source, .. } | Error::ConnectionLost { source, .. } | Error::Driver(source) => {
            source.downcast_ref()
        }
        _ => None,
    }
}
