//! Running a statement on one connection, and the futures the query methods return.

use crate::error::database_error;
use crate::params::params;
use crate::row::Rows;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::Row;

fn encode_error(statement: &RenderedSql<'_>, source: mizzle_dsl::EncodeError) -> Error {
    Error::Encode {
        sql: statement.sql.to_string(),
        source,
    }
}

/// Every row of a statement; it is prepared once per connection (mysql_async caches it).
pub(crate) async fn query<C: Queryable>(conn: &mut C, statement: &RenderedSql<'_>) -> Result<Rows, Error> {
    let params = params(&statement.binds).map_err(|e| encode_error(statement, e))?;
    let failed = |e| database_error(&statement.sql, e);
    let mut result = conn.exec_iter(&*statement.sql, params).await.map_err(failed)?;
    let mut rows = Rows::new(result.columns().unwrap_or_default());
    while let Some(row) = result.next().await.map_err(failed)? {
        rows.push(row);
    }
    result.drop_result().await.map_err(failed)?;
    Ok(rows)
}

/// The first row of a statement, if any.
pub(crate) async fn query_first<C: Queryable>(conn: &mut C, statement: &RenderedSql<'_>) -> Result<Option<Row>, Error> {
    let params = params(&statement.binds).map_err(|e| encode_error(statement, e))?;
    conn.exec_first(&*statement.sql, params)
        .await
        .map_err(|e| database_error(&statement.sql, e))
}

/// Rows changed by a statement.
pub(crate) async fn execute<C: Queryable>(conn: &mut C, statement: &RenderedSql<'_>) -> Result<u64, Error> {
    let params = params(&statement.binds).map_err(|e| encode_error(statement, e))?;
    let result = conn
        .exec_iter(&*statement.sql, params)
        .await
        .map_err(|e| database_error(&statement.sql, e))?;
    let affected = result.affected_rows();
    result
        .drop_result()
        .await
        .map_err(|e| database_error(&statement.sql, e))?;
    Ok(affected)
}
