//! Running a statement on one connection, and the futures the query methods return.

use crate::error::database_error;
use crate::params::params;
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

/// Every row of a statement; `exec` prepares it once per connection (mysql_async caches it).
pub(crate) async fn query<C: Queryable>(conn: &mut C, statement: &RenderedSql<'_>) -> Result<Vec<Row>, Error> {
    let params = params(&statement.binds).map_err(|e| encode_error(statement, e))?;
    conn.exec(&*statement.sql, params)
        .await
        .map_err(|e| database_error(&statement.sql, e))
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
