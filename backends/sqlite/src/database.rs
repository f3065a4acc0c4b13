//! [`Database`]: one SQLite connection, with synchronous execution.

use crate::error::{connection_error, database_error};
use crate::run;
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::Executor;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use rusqlite::Connection;

/// A SQLite database, opened from a file, a URL or memory. Queries run on the calling
/// thread and return their results directly: `query.all(&db)?`.
///
/// Foreign keys are enforced (SQLite leaves them off unless asked), and each statement
/// is prepared once and cached on the connection.
#[derive(Debug)]
pub struct Database {
    conn: Connection,
}

impl Database {
    /// Opens (creating if needed) the database at `target`: a file path, `sqlite:path`,
    /// `sqlite://path`, or `sqlite::memory:` / `:memory:` for a private in-memory database.
    pub fn connect(target: &str) -> Result<Self, Error> {
        let path = parse_target(target)?;
        let conn = if path == ":memory:" {
            Connection::open_in_memory()
        } else {
            Connection::open(path)
        };
        let conn = conn.map_err(|e| connection_error(target, e))?;
        Self::from_connection(conn).map_err(|e| match e {
            Error::Database { source, .. } => Error::Connection {
                target: target.to_owned(),
                source,
            },
            other => other,
        })
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
        Ok(Database { conn })
    }

    /// Runs SQL text with no parameters, such as DDL; several statements may be separated by `;`.
    pub fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        self.conn.execute_batch(sql).map_err(|e| database_error(sql, e))
    }

    /// The rusqlite connection, for what mizzle does not cover.
    pub fn connection(&self) -> &Connection {
        &self.conn
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
    type All<'a, T> = Result<Vec<T>, Error>;
    type Get<'a, T> = Result<Option<T>, Error>;
    type Execute<'a> = Result<u64, Error>;

    fn fetch_all<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::All<'a, R::Row> {
        run::fetch_all::<R>(&self.conn, &statement?)
    }

    fn fetch_first<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Get<'a, R::Row> {
        run::fetch_first::<R>(&self.conn, &statement?)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        run::execute(&self.conn, &statement?)
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
