//! The errors of mizzle: encoding and decoding values, and running statements.

use std::error::Error as StdError;
use std::fmt;

/// A value that could not be turned into a bound parameter (for example a JSON value
/// whose `Serialize` impl failed). The statement is not sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    message: String,
}

impl EncodeError {
    /// An error with a message that names what was wrong with the value.
    pub fn new(message: impl Into<String>) -> Self {
        EncodeError {
            message: message.into(),
        }
    }
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for EncodeError {}

/// A column value that could not be read as the Rust type the query expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    message: String,
}

impl DecodeError {
    /// An error with a message that names what was found and what was expected.
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            message: message.into(),
        }
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl StdError for DecodeError {}

/// What kind of rule a database error says was broken; lets callers react without
/// parsing messages. Mapped from SQLSTATE, MySQL error numbers and SQLite result codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DbErrorKind {
    /// A unique or primary key constraint.
    UniqueViolation,
    /// A foreign key constraint.
    ForeignKeyViolation,
    /// A NOT NULL constraint.
    NotNullViolation,
    /// A CHECK constraint.
    CheckViolation,
    /// The transaction could not be serialized; retry it.
    SerializationFailure,
    /// A deadlock was detected; retry the transaction.
    Deadlock,
    /// A row lock could not be taken: `NOWAIT` found the row locked, or waiting for it
    /// timed out (PostgreSQL's `lock_timeout`, MySQL's `innodb_lock_wait_timeout`).
    LockNotAvailable,
    /// The statement ran past the statement timeout and the server cancelled it
    /// (`statement_timeout` in the pool options; PostgreSQL's 57014, MariaDB's
    /// `max_statement_time`). The connection stays usable.
    StatementTimeout,
    /// Anything else: syntax, missing table, permissions…
    Other,
}

/// Every error a mizzle backend returns.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A bound value could not be encoded; nothing was sent.
    Encode {
        /// The statement's SQL.
        sql: String,
        /// What was wrong with the value.
        source: EncodeError,
    },
    /// A column of a result row could not be decoded.
    Decode {
        /// Zero-based index of the column in the row.
        index: usize,
        /// The column's name as the database reported it.
        column: String,
        /// What was wrong.
        source: DecodeError,
    },
    /// The database refused the statement.
    Database {
        /// The broken rule, if it is one of the known kinds.
        kind: DbErrorKind,
        /// The database's message.
        message: String,
        /// The constraint involved, where the database names it.
        constraint: Option<String>,
        /// The statement's SQL.
        sql: String,
        /// The driver's own error.
        source: Box<dyn StdError + Send + Sync>,
    },
    /// The database could not be opened or reached.
    Connection {
        /// What was being connected to (URL without password, or file path).
        target: String,
        /// The driver's own error.
        source: Box<dyn StdError + Send + Sync>,
    },
    /// The connection broke while the statement ran (the server went away, or closed the
    /// session): the statement may or may not have run. A read can be run again; a write
    /// should be checked first.
    ConnectionLost {
        /// The statement's SQL.
        sql: String,
        /// The driver's own error.
        source: Box<dyn StdError + Send + Sync>,
    },
    /// The driver failed outside of a statement (for example at commit).
    Driver(Box<dyn StdError + Send + Sync>),
    /// A transaction was rolled back on request: return it from a transaction's closure
    /// to roll back without another error.
    Rollback,
    /// A connection could not be had from the pool in time.
    PoolTimeout,
    /// The transaction's closure returned `Ok`, but a statement in it had failed, after
    /// which the server (PostgreSQL) refuses everything until the transaction ends: it was
    /// rolled back, not committed.
    TransactionAborted {
        /// The failed statement's error, as it read.
        cause: String,
    },
    /// The query did not finish within its time limit (a per-query timeout): it was
    /// stopped, and on the server backends cancelled on the server too.
    QueryTimeout {
        /// The limit it ran past.
        after: std::time::Duration,
    },
}

impl Error {
    /// The kind of a database error; `None` for other errors.
    pub fn db_kind(&self) -> Option<DbErrorKind> {
        match self {
            Error::Database { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// The constraint a database error names, where the database gives one.
    pub fn constraint(&self) -> Option<&str> {
        match self {
            Error::Database { constraint, .. } => constraint.as_deref(),
            _ => None,
        }
    }
}

/// SQL for a message: long statements (a many-row insert) are cut, saying how much was left out.
struct ShortSql<'a>(&'a str);

impl fmt::Display for ShortSql<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const LIMIT: usize = 300;
        match self.0.char_indices().nth(LIMIT) {
            Some((cut, _)) => write!(f, "{}… ({} more bytes)", &self.0[..cut], self.0.len() - cut),
            None => f.write_str(self.0),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Encode { sql, source } => write!(f, "cannot bind a value ({source}) in: {}", ShortSql(sql)),
            Error::Decode { index, column, source } => {
                write!(f, "cannot decode column {index} `{column}`: {source}")
            }
            Error::Database { message, sql, .. } => write!(f, "{message} (in: {})", ShortSql(sql)),
            Error::Connection { target, source } => {
                write!(f, "cannot connect to {target}: {source}")
            }
            Error::ConnectionLost { sql, source } => write!(
                f,
                "the connection to the database broke while the statement ran ({source}), so it may or may not \
                 have run (in: {})",
                ShortSql(sql)
            ),
            Error::Driver(source) => {
                // A driver's error often says where ("error serializing parameter 1") and
                // keeps what went wrong as its source: say both.
                write!(f, "database driver error: {source}")?;
                let mut cause = source.source();
                while let Some(inner) = cause {
                    write!(f, ": {inner}")?;
                    cause = inner.source();
                }
                Ok(())
            }
            Error::Rollback => f.write_str("the transaction was rolled back on request"),
            Error::PoolTimeout => {
                f.write_str("no database connection became free in time; raise the pool size or its wait timeout")
            }
            Error::TransactionAborted { cause } => write!(
                f,
                "the transaction was rolled back, not committed: a statement in it failed ({cause}), \
                 and the server refuses every statement after a failure until the transaction ends; \
                 return the error with `?`, or run the statement in a nested `tx.transaction(..)` \
                 so that its failure rolls back only that"
            ),
            Error::QueryTimeout { after } => write!(
                f,
                "the query did not finish within its time limit of {after:?}, and was cancelled"
            ),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            Error::Encode { source, .. } => Some(source),
            Error::Decode { source, .. } => Some(source),
            Error::Database { source, .. }
            | Error::Connection { source, .. }
            | Error::ConnectionLost { source, .. }
            | Error::Driver(source) => Some(source.as_ref()),
            Error::Rollback | Error::PoolTimeout | Error::TransactionAborted { .. } | Error::QueryTimeout { .. } => {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{EncodeError, Error};

    #[test]
    fn long_sql_is_cut_in_messages_but_kept_in_the_error() {
        let sql = format!("INSERT INTO t (a) VALUES {}", vec!["(?)"; 1000].join(", "));
        let error = Error::Encode {
            sql: sql.clone(),
            source: EncodeError::new("too many"),
        };
        let message = error.to_string();
        assert!(message.len() < 400 && message.contains("more bytes)"), "{message}");
        assert!(matches!(error, Error::Encode { sql: kept, .. } if kept == sql));
    }
}
