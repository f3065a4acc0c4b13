//! MySQL's errors as mizzle's [`Error`], with kinds mapped from MySQL's error numbers.

use mizzle_dsl::{DbErrorKind, EncodeError, Error};

/// The constraint (or key) a MySQL message names: `… for key 'users.email'` or
/// `… CONSTRAINT `posts_ibfk_1` FOREIGN KEY …` or `CONSTRAINT `age_check` failed`.
fn constraint_of(message: &str) -> Option<String> {
    if let Some(rest) = message.split("for key '").nth(1) {
        return rest.split('\'').next().map(str::to_owned);
    }
    if let Some(rest) = message.split("CONSTRAINT `").nth(1) {
        return rest.split('`').next().map(str::to_owned);
    }
    None
}

/// Wraps an error raised while running `sql`.
pub(crate) fn database_error(sql: &str, error: mysql_async::Error) -> Error {
    let server = match &error {
        mysql_async::Error::Server(server) => server,
        mysql_async::Error::Io(_) => {
            return Error::ConnectionLost {
                sql: sql.to_owned(),
                source: Box::new(error),
            }
        }
        _ => return Error::Driver(Box::new(error)),
    };
    let kind = match server.code {
        1062 | 1586 => DbErrorKind::UniqueViolation,
        1216 | 1217 | 1451 | 1452 => DbErrorKind::ForeignKeyViolation,
        1048 | 1364 => DbErrorKind::NotNullViolation,
        3819 | 4025 => DbErrorKind::CheckViolation,
        1213 => DbErrorKind::Deadlock,
        // A lock wait timed out, or NOWAIT found the row locked (1205 on MariaDB, 3572 on MySQL).
        1205 | 3572 => DbErrorKind::LockNotAvailable,
        // max_statement_time (MariaDB), max_execution_time (MySQL) exceeded.
        1969 | 3024 => DbErrorKind::StatementTimeout,
        _ => DbErrorKind::Other,
    };
    let message = server.message.clone();
    let constraint = if kind == DbErrorKind::Other {
        None
    } else {
        constraint_of(&message)
    };
    Error::Database {
        kind,
        message,
        constraint,
        sql: sql.to_owned(),
        source: Box::new(error),
    }
}

/// Wraps a value the statement could not send.
pub(crate) fn encode_error(sql: &str, source: EncodeError) -> Error {
    Error::Encode {
        sql: sql.to_owned(),
        source,
    }
}

/// Whether `error` is a write to a connection the server had already closed: the
/// statement never reached the server, so it can run again elsewhere. Only writing
/// fails with a broken pipe; a connection that closes while a statement is in flight
/// fails its read instead, and that statement may have run.
pub(crate) fn never_sent(error: &mysql_async::Error) -> bool {
    matches!(error, mysql_async::Error::Io(mysql_async::IoError::Io(io)) if io.kind() == std::io::ErrorKind::BrokenPipe)
}

/// How many bytes a statement sends: its text and its values. Measured only where a
/// broken connection needs explaining.
pub(crate) fn payload_size(sql: &str, binds: &[mizzle_dsl::types::Value<'_>]) -> usize {
    use mizzle_dsl::types::Value;
    sql.len()
        + binds
            .iter()
            .map(|value| match value {
                Value::Text(text) | Value::Json(text) => text.len(),
                Value::Bytes(bytes) => bytes.len(),
                _ => 8,
            })
            .sum::<usize>()
}

/// The error for a statement that broke its connection: when it was larger than the
/// server's `max_allowed_packet` (the server closes the connection on such a packet, and
/// the driver sees only a broken pipe), an [`Error::Encode`] that says so.
pub(crate) fn oversized(sql: &str, size: usize, max_packet: Option<usize>, error: mysql_async::Error) -> Error {
    match max_packet {
        Some(limit) if size >= limit && matches!(error, mysql_async::Error::Io(_)) => Error::Encode {
            sql: sql.to_owned(),
            source: EncodeError::new(format!(
                "the statement is {size} bytes with its values, more than the server's max_allowed_packet \
                 of {limit} bytes, and the server closed the connection; send less in one statement, \
                 or raise max_allowed_packet on the server"
            )),
        },
        _ => database_error(sql, error),
    }
}

/// Wraps an error raised while opening or taking a connection.
pub(crate) fn connection_error(target: &str, error: mysql_async::Error) -> Error {
    Error::Connection {
        target: target.to_owned(),
        source: Box::new(error),
    }
}

#[cfg(test)]
mod tests {
    use super::constraint_of;

    #[test]
    fn constraint_names_are_read_from_messages() {
        assert_eq!(
            constraint_of("Duplicate entry 'a' for key 'users.email'").as_deref(),
            Some("users.email")
        );
        assert_eq!(
            constraint_of("Cannot add or update a child row: a foreign key constraint fails (`t`.`posts`, CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`author_id`) REFERENCES `users` (`id`))").as_deref(),
            Some("posts_ibfk_1")
        );
        assert_eq!(
            constraint_of("CONSTRAINT `age_check` failed for `t`.`users`").as_deref(),
            Some("age_check")
        );
    }
}
