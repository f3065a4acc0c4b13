//! Running a statement on one connection: the three ways a query reads its result.

use crate::error::{database_error, encode_error};
use crate::params::params;
use crate::row::Rows;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Params, Row};
use std::future::Future;

/// One way of running a statement; mysql_async prepares it once per connection and
/// caches it. A trait rather than a closure: the future borrows the connection and must
/// be `Send`, which a generic async closure cannot promise. Errors are mysql_async's, so
/// the caller can tell a connection that failed from a statement that did.
pub(crate) trait Operation {
    /// What the statement gives back.
    type Output: Send;
    /// Runs `sql` with `params` on `conn`.
    fn run<'c>(
        conn: &'c mut Conn,
        sql: &'c str,
        params: Params,
    ) -> impl Future<Output = Result<Self::Output, mysql_async::Error>> + Send + 'c;
}

/// Every row.
pub(crate) struct All;
/// The first row; the rest are read and dropped.
pub(crate) struct First;
/// The number of rows changed.
pub(crate) struct Changed;

impl Operation for All {
    type Output = Rows;
    async fn run(conn: &mut Conn, sql: &str, params: Params) -> Result<Rows, mysql_async::Error> {
        let mut result = conn.exec_iter(sql, params).await?;
        let mut rows = Rows::new(result.columns().unwrap_or_default());
        while let Some(row) = result.next().await? {
            rows.push(row);
        }
        result.drop_result().await?;
        Ok(rows)
    }
}

impl Operation for First {
    type Output = Option<Row>;
    async fn run(conn: &mut Conn, sql: &str, params: Params) -> Result<Option<Row>, mysql_async::Error> {
        conn.exec_first(sql, params).await
    }
}

impl Operation for Changed {
    type Output = u64;
    async fn run(conn: &mut Conn, sql: &str, params: Params) -> Result<u64, mysql_async::Error> {
        let result = conn.exec_iter(sql, params).await?;
        let affected = result.affected_rows();
        result.drop_result().await?;
        Ok(affected)
    }
}

/// Runs a statement once on `conn`, consuming its bound values.
pub(crate) async fn once<O: Operation>(conn: &mut Conn, statement: RenderedSql<'_>) -> Result<O::Output, Error> {
    let RenderedSql { sql, binds, .. } = statement;
    let params = params(binds).map_err(|source| encode_error(&sql, source))?;
    O::run(conn, &sql, params).await.map_err(|e| database_error(&sql, e))
}
