//! Running a rendered statement on a rusqlite connection: prepare (cached), bind, decode.

use crate::error::database_error;
use crate::params::Param;
use crate::row::SqliteRow;
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use rusqlite::{CachedStatement, Connection};

fn prepare<'c>(conn: &'c Connection, statement: &RenderedSql<'_>) -> Result<CachedStatement<'c>, Error> {
    let mut prepared = conn
        .prepare_cached(&statement.sql)
        .map_err(|e| database_error(&statement.sql, e))?;
    for (i, value) in statement.binds.iter().enumerate() {
        prepared
            .raw_bind_parameter(i + 1, Param(value))
            .map_err(|e| database_error(&statement.sql, e))?;
    }
    Ok(prepared)
}

pub(crate) fn fetch_all<R: DecodeRow<Sqlite>>(
    conn: &Connection,
    statement: &RenderedSql<'_>,
) -> Result<Vec<R::Row>, Error> {
    let mut prepared = prepare(conn, statement)?;
    let mut rows = prepared.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(|e| database_error(&statement.sql, e))? {
        out.push(R::decode(&SqliteRow(row))?);
    }
    Ok(out)
}

pub(crate) fn fetch_first<R: DecodeRow<Sqlite>>(
    conn: &Connection,
    statement: &RenderedSql<'_>,
) -> Result<Option<R::Row>, Error> {
    let mut prepared = prepare(conn, statement)?;
    let mut rows = prepared.raw_query();
    match rows.next().map_err(|e| database_error(&statement.sql, e))? {
        Some(row) => Ok(Some(R::decode(&SqliteRow(row))?)),
        None => Ok(None),
    }
}

pub(crate) fn execute(conn: &Connection, statement: &RenderedSql<'_>) -> Result<u64, Error> {
    let mut prepared = prepare(conn, statement)?;
    let changed = prepared.raw_execute().map_err(|e| database_error(&statement.sql, e))?;
    Ok(changed as u64)
}
