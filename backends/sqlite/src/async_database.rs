//! [`AsyncDatabase`]: the async API of the server backends, over SQLite.

use crate::database::Database;
use crate::run;
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::Executor;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use std::future::{ready, Ready};
use std::sync::{Mutex, MutexGuard};

/// A SQLite database with the same async API as the PostgreSQL and MySQL backends:
/// `query.all(&db).await?`. It is `Send + Sync`, so it can be shared between tasks.
///
/// What it costs: the query runs on the calling task when the method is called, with no
/// thread hop (a hop to a blocking pool costs about 20 µs here, twenty times a
/// primary-key lookup); the returned future is already complete. One mutex lock per
/// query (tens of nanoseconds uncontended) serialises tasks sharing the connection, as
/// SQLite would anyway. A long query blocks the executor thread meanwhile: run such a
/// query with the synchronous [`Database`] inside `tokio::task::spawn_blocking`.
#[derive(Debug)]
pub struct AsyncDatabase {
    db: Mutex<Database>,
}

impl AsyncDatabase {
    /// Opens the database at `target`, as [`Database::connect`] does.
    pub fn connect(target: &str) -> Result<Self, Error> {
        Database::connect(target).map(Self::from)
    }

    /// Opens the database at `target` with options, as [`Database::connect_with`] does.
    pub fn connect_with(target: &str, options: crate::ConnectOptions) -> Result<Self, Error> {
        Database::connect_with(target, options).map(Self::from)
    }

    /// Runs SQL text with no parameters, such as DDL.
    pub async fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        self.lock().execute_sql(sql)
    }

    fn lock(&self) -> MutexGuard<'_, Database> {
        // A panic while holding the lock cannot leave the connection half-changed
        // (SQLite statements are atomic), so a poisoned lock is still usable.
        self.db.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl From<Database> for AsyncDatabase {
    fn from(db: Database) -> Self {
        AsyncDatabase { db: Mutex::new(db) }
    }
}

impl Executor<Sqlite> for AsyncDatabase {
    type Mode = mizzle_dsl::access::ReadWrite;
    type All<'a, T> = Ready<Result<Vec<T>, Error>>;
    type Get<'a, T> = Ready<Result<Option<T>, Error>>;
    type Execute<'a> = Ready<Result<u64, Error>>;

    fn fetch_all<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::All<'a, R::Row> {
        ready(statement.and_then(|statement| {
            let db = self.lock();
            run::fetch_all::<R>(db.session(), db.trace(), &statement)
        }))
    }

    fn fetch_first<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Get<'a, R::Row> {
        ready(statement.and_then(|statement| {
            let db = self.lock();
            run::fetch_first::<R>(db.session(), db.trace(), &statement)
        }))
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        ready(statement.and_then(|statement| {
            let db = self.lock();
            run::execute(db.session(), db.trace(), &statement)
        }))
    }
}
