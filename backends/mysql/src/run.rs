//! Running a statement on one connection, and the futures the query methods return.

use crate::error::database_error;
use crate::params::params;
use crate::row::Rows;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::{Params, Row};
use std::borrow::Cow;

/// The statement's text and its converted parameters; the bound values are consumed.
fn prepare_params(statement: RenderedSql<'_>) -> Result<(Cow<'_, str>, Params), Error> {
    let RenderedSql { sql, binds, .. } = statement;
    match params(binds) {
        Ok(params) => Ok((sql, params)),
        Err(source) => Err(Error::Encode {
            sql: sql.into_owned(),
            source,
        }),
    }
}

/// Every row of a statement; it is prepared once per connection (mysql_async caches it).
pub(crate) async fn query<C: Queryable>(conn: &mut C, statement: RenderedSql<'_>) -> Result<Rows, Error> {
    let (sql, params) = prepare_params(statement)?;
    let failed = |e| database_error(&sql, e);
    let mut result = conn.exec_iter(&*sql, params).await.map_err(failed)?;
    let mut rows = Rows::new(result.columns().unwrap_or_default());
    while let Some(row) = result.next().await.map_err(failed)? {
        rows.push(row);
    }
    result.drop_result().await.map_err(failed)?;
    Ok(rows)
}

/// The first row of a statement, if any.
pub(crate) async fn query_first<C: Queryable>(conn: &mut C, statement: RenderedSql<'_>) -> Result<Option<Row>, Error> {
    let (sql, params) = prepare_params(statement)?;
    conn.exec_first(&*sql, params)
        .await
        .map_err(|e| database_error(&sql, e))
}

/// Rows changed by a statement.
pub(crate) async fn execute<C: Queryable>(conn: &mut C, statement: RenderedSql<'_>) -> Result<u64, Error> {
    let (sql, params) = prepare_params(statement)?;
    let failed = |e| database_error(&sql, e);
    let result = conn.exec_iter(&*sql, params).await.map_err(failed)?;
    let affected = result.affected_rows();
    result.drop_result().await.map_err(failed)?;
    Ok(affected)
}
