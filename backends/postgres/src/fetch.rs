//! Running a statement on one connection, and the futures the query methods return.

use crate::error::{database_error, stale_in_transaction, stale_statement};
use crate::params::PgParam;
use deadpool_postgres::ClientWrapper;
use futures_util::TryStreamExt;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use std::future::Future;
use tokio_postgres::{Row, Statement};

/// Prepares `sql` once per connection (deadpool caches the statement). Preparing runs
/// nothing, so a failure here can always be retried elsewhere.
pub(crate) async fn prepare(client: &ClientWrapper, sql: &str) -> Result<Statement, Error> {
    client.prepare_cached(sql).await.map_err(|e| database_error(sql, e))
}

/// Forgets the statement prepared for `sql` on `client`, so that it is prepared again.
pub(crate) fn forget(client: &ClientWrapper, sql: &str) {
    client.statement_cache.remove(sql, &[]);
}

/// Prepares and runs a statement on `client`, once (in a transaction). A statement that
/// no longer fits its tables is forgotten, so the transaction can be run again.
pub(crate) async fn run<O: Operation>(client: &ClientWrapper, statement: &RenderedSql<'_>) -> Result<O::Output, Error> {
    let prepared = prepare(client, &statement.sql).await?;
    match O::run(client, &prepared, statement).await {
        Err(error) if stale_statement(&error) => {
            forget(client, &statement.sql);
            Err(stale_in_transaction(error))
        }
        result => result,
    }
}

/// One way of running a prepared statement. A trait rather than a closure: the future
/// borrows the client and must be `Send`, which a generic async closure cannot promise.
pub(crate) trait Operation {
    /// What the statement gives back.
    type Output: Send;
    /// How many rows that is (or the statement changed), for its span.
    fn count(output: &Self::Output) -> u64;
    /// Runs `prepared` (the statement's prepared form) on `client`.
    fn run<'c>(
        client: &'c ClientWrapper,
        prepared: &'c Statement,
        statement: &'c RenderedSql<'_>,
    ) -> impl Future<Output = Result<Self::Output, Error>> + Send + 'c;
}

/// Every row.
pub(crate) struct All;
/// The first row; the rest are not decoded.
pub(crate) struct First;
/// The number of rows changed.
pub(crate) struct Changed;
/// The rows, to be read as they arrive.
pub(crate) struct Open;

impl Operation for All {
    type Output = Vec<Row>;
    fn count(rows: &Vec<Row>) -> u64 {
        rows.len() as u64
    }
    async fn run(client: &ClientWrapper, prepared: &Statement, statement: &RenderedSql<'_>) -> Result<Vec<Row>, Error> {
        let rows = client
            .query_raw(prepared, statement.binds.iter().map(PgParam))
            .await
            .map_err(|e| database_error(&statement.sql, e))?;
        rows.try_collect().await.map_err(|e| database_error(&statement.sql, e))
    }
}

impl Operation for First {
    type Output = Option<Row>;
    fn count(row: &Option<Row>) -> u64 {
        row.is_some() as u64
    }
    async fn run(
        client: &ClientWrapper,
        prepared: &Statement,
        statement: &RenderedSql<'_>,
    ) -> Result<Option<Row>, Error> {
        let rows = client
            .query_raw(prepared, statement.binds.iter().map(PgParam))
            .await
            .map_err(|e| database_error(&statement.sql, e))?;
        let mut rows = std::pin::pin!(rows);
        rows.try_next().await.map_err(|e| database_error(&statement.sql, e))
    }
}

impl Operation for Changed {
    type Output = u64;
    fn count(changed: &u64) -> u64 {
        *changed
    }
    async fn run(client: &ClientWrapper, prepared: &Statement, statement: &RenderedSql<'_>) -> Result<u64, Error> {
        client
            .execute_raw(prepared, statement.binds.iter().map(PgParam))
            .await
            .map_err(|e| database_error(&statement.sql, e))
    }
}

impl Operation for Open {
    type Output = tokio_postgres::RowStream;
    // Never run in a span of its own: whoever reads the rows counts them.
    fn count(_: &tokio_postgres::RowStream) -> u64 {
        0
    }
    async fn run(
        client: &ClientWrapper,
        prepared: &Statement,
        statement: &RenderedSql<'_>,
    ) -> Result<tokio_postgres::RowStream, Error> {
        client
            .query_raw(prepared, statement.binds.iter().map(PgParam))
            .await
            .map_err(|e| database_error(&statement.sql, e))
    }
}
