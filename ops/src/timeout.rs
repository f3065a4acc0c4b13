//! [`Timeout`]: a time limit for each query run on a database.

use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::exec::{BoxFuture, RawExecutor};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use std::future::Future;
use std::marker::PhantomData;
use std::time::Duration;

/// A database whose queries each have a time limit: `query.all(&db.timeout(limit))`. A
/// query that runs past it fails with [`Error::QueryTimeout`], and its future is dropped,
/// which stops it on the server (PostgreSQL gets a cancel request, MariaDB a `KILL` of
/// the connection's thread) and closes its connection. The limit covers the whole query:
/// waiting for a connection, running, and reading the rows.
///
/// Made with [`WithTimeout::timeout`]; for one limit on every statement of a pool, the
/// backends' `PoolOptions::statement_timeout` has the server enforce it instead.
pub struct Timeout<'d, DB, D> {
    db: &'d DB,
    limit: Duration,
    dialect: PhantomData<fn() -> D>,
}

impl<DB, D> Clone for Timeout<'_, DB, D> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<DB, D> Copy for Timeout<'_, DB, D> {}

impl<DB, D> std::fmt::Debug for Timeout<'_, DB, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Timeout")
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

/// `.timeout(limit)` on every async database.
pub trait WithTimeout<D: Dialect>: RawExecutor<D> + Sized {
    /// This database, with each query limited to `limit`.
    fn timeout(&self, limit: Duration) -> Timeout<'_, Self, D> {
        Timeout {
            db: self,
            limit,
            dialect: PhantomData,
        }
    }
}

impl<D: Dialect, DB: RawExecutor<D>> WithTimeout<D> for DB {}

impl<'d, DB: RawExecutor<D>, D: Dialect> Timeout<'d, DB, D> {
    /// Runs `run` with the limit.
    fn bounded<'a, T: Send + 'a>(&self, run: BoxFuture<'a, Result<T, Error>>) -> BoxFuture<'a, Result<T, Error>> {
        let limit = self.limit;
        Box::pin(within(limit, run))
    }
}

/// `run`, or [`Error::QueryTimeout`] once `limit` has passed (dropping `run`).
async fn within<T>(limit: Duration, run: impl Future<Output = Result<T, Error>>) -> Result<T, Error> {
    match tokio::time::timeout(limit, run).await {
        Ok(done) => done,
        Err(_) => Err(Error::QueryTimeout { after: limit }),
    }
}

mizzle_dsl::executor_via_raw!(['d, DB: RawExecutor<D>, D: Dialect] Timeout<'d, DB, D>, D, mode = DB::Mode);

impl<'d, DB: RawExecutor<D>, D: Dialect> RawExecutor<D> for Timeout<'d, DB, D> {
    type Rows = DB::Rows;
    type Row = DB::Row;

    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<DB::Rows, Error>> {
        self.bounded(self.db.rows(statement))
    }

    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<DB::Row>, Error>> {
        self.bounded(self.db.first_row(statement))
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        self.bounded(self.db.changed(statement))
    }

    fn decode_all<R: DecodeRow<D>>(rows: DB::Rows) -> Result<Vec<R::Row>, Error> {
        DB::decode_all::<R>(rows)
    }

    fn decode_first<R: DecodeRow<D>>(row: DB::Row) -> Result<R::Row, Error> {
        DB::decode_first::<R>(row)
    }
}
