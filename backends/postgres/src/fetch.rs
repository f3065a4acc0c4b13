//! Running a statement on one connection, and the futures the query methods return.

use crate::error::database_error;
use crate::params::PgParam;
use deadpool_postgres::ClientWrapper;
use futures_util::TryStreamExt;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use std::future::Future;
use tokio_postgres::{Row, Statement};

/// Prepares `sql` once per connection (deadpool caches the statement).
async fn prepare(client: &ClientWrapper, sql: &str) -> Result<Statement, Error> {
    client.prepare_cached(sql).await.map_err(|e| database_error(sql, e))
}

/// Every row of a statement.
pub(crate) async fn query(client: &ClientWrapper, statement: &RenderedSql<'_>) -> Result<Vec<Row>, Error> {
    let prepared = prepare(client, &statement.sql).await?;
    let rows = client
        .query_raw(&prepared, statement.binds.iter().map(PgParam))
        .await
        .map_err(|e| database_error(&statement.sql, e))?;
    rows.try_collect().await.map_err(|e| database_error(&statement.sql, e))
}

/// The first row of a statement, if any; the rest are not decoded.
pub(crate) async fn query_first(client: &ClientWrapper, statement: &RenderedSql<'_>) -> Result<Option<Row>, Error> {
    let prepared = prepare(client, &statement.sql).await?;
    let rows = client
        .query_raw(&prepared, statement.binds.iter().map(PgParam))
        .await
        .map_err(|e| database_error(&statement.sql, e))?;
    let mut rows = std::pin::pin!(rows);
    rows.try_next().await.map_err(|e| database_error(&statement.sql, e))
}

/// Rows changed by a statement.
pub(crate) async fn execute(client: &ClientWrapper, statement: &RenderedSql<'_>) -> Result<u64, Error> {
    let prepared = prepare(client, &statement.sql).await?;
    client
        .execute_raw(&prepared, statement.binds.iter().map(PgParam))
        .await
        .map_err(|e| database_error(&statement.sql, e))
}

/// One way of running a statement: for the pool's retry on a connection found closed.
pub(crate) trait Operation {
    /// What the statement gives back.
    type Output: Send;
    /// Runs the statement on `client`.
    fn run<'c>(
        client: &'c ClientWrapper,
        statement: &'c RenderedSql<'_>,
    ) -> impl Future<Output = Result<Self::Output, Error>> + Send + 'c;
}

/// Every row.
pub(crate) struct All;
/// The first row.
pub(crate) struct First;
/// The number of rows changed.
pub(crate) struct Changed;

impl Operation for All {
    type Output = Vec<Row>;
    fn run<'c>(
        client: &'c ClientWrapper,
        statement: &'c RenderedSql<'_>,
    ) -> impl Future<Output = Result<Vec<Row>, Error>> + Send + 'c {
        query(client, statement)
    }
}

impl Operation for First {
    type Output = Option<Row>;
    fn run<'c>(
        client: &'c ClientWrapper,
        statement: &'c RenderedSql<'_>,
    ) -> impl Future<Output = Result<Option<Row>, Error>> + Send + 'c {
        query_first(client, statement)
    }
}

impl Operation for Changed {
    type Output = u64;
    fn run<'c>(
        client: &'c ClientWrapper,
        statement: &'c RenderedSql<'_>,
    ) -> impl Future<Output = Result<u64, Error>> + Send + 'c {
        execute(client, statement)
    }
}
