//! [`Executor`]: what a backend connection offers the query builders.

use crate::dialect::Dialect;
use crate::error::Error;
use crate::render::RenderedSql;
use crate::row::DecodeRow;

/// A connection (or transaction) that runs rendered statements of dialect `D`.
///
/// Implemented by each backend. The result types are the backend's: a synchronous
/// backend returns `Result`s, an asynchronous one returns futures of them, so the same
/// builder methods (`.all(&db)`, `.get(&db)`, `.execute(&db)`) serve both.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot run {D} queries",
    label = "this connection speaks another dialect",
    note = "a query's dialect is that of its tables; use a connection of the same database"
)]
pub trait Executor<D: Dialect> {
    /// The result of fetching every row.
    type All<'a, T>
    where
        Self: 'a;
    /// The result of fetching the first row, if any.
    type Get<'a, T>
    where
        Self: 'a;
    /// The result of executing a statement: the number of rows affected.
    type Execute<'a>
    where
        Self: 'a;

    /// Runs a statement and decodes every row with `R`.
    fn fetch_all<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::All<'a, R::Row>;

    /// Runs a statement and decodes its first row with `R`, if there is one.
    fn fetch_first<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Get<'a, R::Row>;

    /// Runs a statement and reports the number of rows it changed.
    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a>;
}
