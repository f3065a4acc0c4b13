//! [`Database`]: one SQLite connection, with synchronous execution.

use crate::error::{connection_error, database_error};
use crate::run;
use crate::session::Session;
use crate::transaction::{run_transaction, Transaction};
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::{Executor, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use rusqlite::Connection;
use std::time::Duration;

/// A SQLite database, opened from a file, a URL or memory. Queries run on the calling
/// thread and return their results directly: `query.all(&db)?`.
///
/// Foreign keys are enforced (SQLite leaves them off unless asked), and each statement
/// is prepared once and cached on the connection.
#[derive(Debug)]
pub struct Database {
    session: Session,
    trace: TraceContext,
}

impl Database {
    /// Opens (creating if needed) the database at `target`: a file path, `sqlite:path`,
    /// `sqlite://path`, or `sqlite::memory:` / `:memory:` for a private in-memory database;
    /// with the default [`ConnectOptions`] (a 5 s busy timeout, WAL for files).
    pub fn connect(target: &str) -> Result<Self, Error> {
        Self::connect_with(target, ConnectOptions::default())
    }

    /// [`connect`](Self::connect) with the given options.
    pub fn connect_with(target: &str, options: ConnectOptions) -> Result<Self, Error> {
        let path = parse_target(target)?;
        let in_memory = path == ":memory:";
        let conn = if in_memory {
            Connection::open_in_memory()
        } else {
            Connection::open(path)
        };
        let conn = conn.map_err(|e| connection_error(target, e))?;
        let as_connection_error = |e| match e {
            Error::Database { source, .. } => Error::Connection {
                target: target.to_owned(),
                source,
            },
            other => other,
        };
        conn.busy_timeout(options.busy_timeout)
            .map_err(|e| as_connection_error(database_error("PRAGMA busy_timeout", e)))?;
        if options.wal && !in_memory {
            conn.pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| as_connection_error(database_error("PRAGMA journal_mode = WAL", e)))?;
        }
        Self::from_connection(conn).map_err(as_connection_error)
    }

    /// A private in-memory database, gone when dropped.
    pub fn open_in_memory() -> Result<Self, Error> {
        Self::connect(":memory:")
    }

    /// Wraps a connection the application opened itself; turns foreign keys on.
    pub fn from_connection(conn: Connection) -> Result<Self, Error> {
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| database_error("PRAGMA foreign_keys = ON", e))?;
        conn.set_prepared_statement_cache_capacity(256);
        // SQLite gives an in-memory database the empty path.
        let namespace = conn
            .path()
            .filter(|path| !path.is_empty())
            .unwrap_or(":memory:")
            .to_owned();
        Ok(Database {
            session: Session::open(conn),
            trace: TraceContext::new("sqlite", namespace),
        })
    }

    /// Runs SQL text with no parameters, such as DDL; several statements may be separated by `;`.
    pub fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        self.connection().execute_batch(sql).map_err(|e| database_error(sql, e))
    }

    /// Runs `f` in a transaction: committed when `f` returns `Ok`, rolled back when it
    /// returns `Err` (return [`Error::Rollback`] to roll back on purpose) or panics.
    /// `tx.transaction(..)` nests one as a savepoint.
    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_>) -> Result<T, E>,
        E: From<Error>,
    {
        run_transaction(&self.session, &self.trace, TransactionOptions::default(), f)
    }

    /// [`transaction`](Self::transaction) with options: SQLite transactions are always
    /// serializable; a read-only one starts deferred, others take the write lock at once.
    /// A read-only transaction's closure gets a `Transaction<'_, ReadOnly>`, on which
    /// statements that write do not compile.
    pub fn transaction_with<M, T, E, F>(&self, options: TransactionOptions<M>, f: F) -> Result<T, E>
    where
        M: AccessMode,
        F: FnOnce(&Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        run_transaction(&self.session, &self.trace, options, f)
    }

    /// The rusqlite connection, for what mizzle does not cover.
    pub fn connection(&self) -> &Connection {
        self.session.connection()
    }

    /// The session, for the async wrapper.
    pub(crate) fn session(&self) -> &Session {
        &self.session
    }

    /// What its statements' spans carry.
    pub(crate) fn trace(&self) -> &TraceContext {
        &self.trace
    }
}

/// How [`Database::connect_with`] opens a database.
///
/// Each `Database` is one connection. Several of them (in threads, or in processes) may
/// share one file: SQLite lets one writer in at a time, and a writer that finds the file
/// locked waits up to `busy_timeout` before failing with "database is locked". In WAL
/// mode readers do not wait for the writer, nor the writer for readers. Transactions
/// that write take the write lock at `BEGIN` (see [`Database::transaction`]), so they
/// wait there rather than fail half-way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnectOptions {
    /// How long a statement waits for another connection's lock; 5 s by default.
    pub busy_timeout: Duration,
    /// Put a file database in write-ahead-log mode (`PRAGMA journal_mode = WAL`, which the
    /// file keeps); `true` by default. Ignored for in-memory databases.
    pub wal: bool,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            busy_timeout: Duration::from_secs(5),
            wal: true,
        }
    }
}

/// The file path a connect target names.
fn parse_target(target: &str) -> Result<&str, Error> {
    if let Some(rest) = target.strip_prefix("sqlite:") {
        let path = rest.strip_prefix("//").unwrap_or(rest);
        return Ok(if path == ":memory:" || path.is_empty() {
            ":memory:"
        } else {
            path
        });
    }
    if let Some((scheme, _)) = target.split_once("://") {
        return Err(Error::Connection {
            target: target.to_owned(),
            source: format!("a `{scheme}://` URL is not a SQLite database; use `sqlite:path` or a file path").into(),
        });
    }
    Ok(target)
}

impl Executor<Sqlite> for Database {
    type Mode = ReadWrite;
    type All<'a, T> = Result<Vec<T>, Error>;
    type Get<'a, T> = Result<Option<T>, Error>;
    type Execute<'a> = Result<u64, Error>;

    fn fetch_all<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::All<'a, R::Row> {
        run::fetch_all::<R>(&self.session, &self.trace, &statement?)
    }

    fn fetch_first<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Get<'a, R::Row> {
        run::fetch_first::<R>(&self.session, &self.trace, &statement?)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        run::execute(&self.session, &self.trace, &statement?)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_target;

    #[test]
    fn connect_targets_name_a_path_or_memory() {
        assert_eq!(parse_target("app.db").unwrap(), "app.db");
        assert_eq!(parse_target("sqlite:app.db").unwrap(), "app.db");
        assert_eq!(parse_target("sqlite:///tmp/app.db").unwrap(), "/tmp/app.db");
        assert_eq!(parse_target("sqlite::memory:").unwrap(), ":memory:");
    }

    #[test]
    fn a_server_url_is_refused_with_its_scheme_named() {
        let error = parse_target("postgres://localhost/test").unwrap_err().to_string();
        assert!(error.contains("`postgres://` URL is not a SQLite database"), "{error}");
    }
}
