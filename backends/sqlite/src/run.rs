//! Running a rendered statement on a session: its prepared statement, bound, then decoded.

use crate::error::database_error;
use crate::row::SqliteRow;
use crate::session::Session;
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::push_in_place;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;

/// Every row, decoded with `R`; in the statement's span.
pub(crate) fn fetch_all<R: DecodeRow<Sqlite>>(
    session: &Session,
    trace: &TraceContext,
    statement: &RenderedSql<'_>,
) -> Result<Vec<R::Row>, Error> {
    let all = || {
        session.with_statement(statement, |prepared| {
            let mut rows = prepared.raw_query();
            let mut out = Vec::new();
            while let Some(row) = rows.next().map_err(|e| database_error(&statement.sql, e))? {
                push_in_place(&mut out, R::decode(&mut SqliteRow(row))?);
            }
            Ok(out)
        })
    };
    trace.statement(statement).run_sync(all, |rows| rows.len() as u64)
}

/// Steps through the rows, handing each to `visit` as SQLite produces it, until the last
/// or until `visit` returns `false`.
pub(crate) fn for_each<R: DecodeRow<Sqlite>>(
    session: &Session,
    statement: &RenderedSql<'_>,
    visit: &mut dyn FnMut(R::Row) -> bool,
) -> Result<(), Error> {
    session.with_statement(statement, |prepared| {
        let mut rows = prepared.raw_query();
        while let Some(row) = rows.next().map_err(|e| database_error(&statement.sql, e))? {
            if !visit(R::decode(&mut SqliteRow(row))?) {
                break;
            }
        }
        Ok(())
    })
}

/// The first row, decoded with `R`, if any; in the statement's span.
pub(crate) fn fetch_first<R: DecodeRow<Sqlite>>(
    session: &Session,
    trace: &TraceContext,
    statement: &RenderedSql<'_>,
) -> Result<Option<R::Row>, Error> {
    let first = || {
        session.with_statement(statement, |prepared| {
            let mut rows = prepared.raw_query();
            match rows.next().map_err(|e| database_error(&statement.sql, e))? {
                Some(row) => Ok(Some(R::decode(&mut SqliteRow(row))?)),
                None => Ok(None),
            }
        })
    };
    trace.statement(statement).run_sync(first, |row| row.is_some() as u64)
}

/// Runs the statement: the number of rows it changed; in the statement's span.
pub(crate) fn execute(session: &Session, trace: &TraceContext, statement: &RenderedSql<'_>) -> Result<u64, Error> {
    let execute = || {
        session.with_statement(statement, |prepared| {
            let changed = prepared.raw_execute().map_err(|e| database_error(&statement.sql, e))?;
            Ok(changed as u64)
        })
    };
    trace.statement(statement).run_sync(execute, |changed| *changed)
}
