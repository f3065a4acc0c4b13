//! Running statements: `.to_sql()`, `.execute(&db)`, `.all(&db)`, `.get(&db)`.

use super::clause::WhereChosen;
use super::prepared::Prepared;
use super::selection::{Selection, SelectionDecoder};
use crate::access::{Access, Permits};
use crate::dialect::Dialect;
use crate::error::Error;
use crate::exec::{Executor, StreamExecutor};
use crate::render::{RenderSql, RenderedSql};

/// A complete statement of one dialect.
///
/// The methods carry their requirements as bounds, so a statement that cannot run fails
/// to compile at the call, with a message that says why.
pub trait Statement: Sized {
    /// The dialect of its tables.
    type Dialect: Dialect;
    /// For UPDATE and DELETE, whether the rows to touch were chosen (`.filter(..)` or
    /// `.all_rows()`); other statements are always free to run.
    type Filter;
    /// [`Reads`](crate::access::Reads) or [`Writes`](crate::access::Writes): a read-only
    /// transaction runs only the first.
    type Access: Access;

    /// The SQL text and bound values, as they would be sent. Checks, as running does,
    /// that what the statement selects or returns is in its scope; `I` is the proof. (A
    /// statement behind `impl Statement` renders with
    /// [`render_statement`](crate::render::render_statement), which does not check.)
    fn to_sql<I>(&self) -> Result<RenderedSql<'_>, Error>
    where
        Self: RenderSql<Self::Dialect> + ScopeChecked<I>,
    {
        crate::render::render_statement(self)
    }

    /// Renders the statement once, for runs with named parameters ([`placeholder`](super::placeholder)).
    fn prepare<I>(&self) -> Result<Prepared<Self>, Error>
    where
        Self: RenderSql<Self::Dialect> + ScopeChecked<I>,
    {
        Prepared::new(self)
    }

    /// Runs the statement; the result is the number of rows it changed.
    fn execute<'a, C: Executor<Self::Dialect>>(&'a self, db: &'a C) -> C::Execute<'a>
    where
        Self::Filter: WhereChosen,
        C::Mode: Permits<Self::Access>,
        Self: RenderSql<Self::Dialect>,
    {
        db.execute(crate::render::render_statement(self))
    }
}

/// A statement that can run in a batch (`db.batch(&[&insert, &update])`): any complete
/// statement, rendered on its own and run for the number of rows it changes. The batch
/// takes them as trait objects, so statements of different types mix.
pub trait Batched<D: Dialect> {
    /// The statement's SQL and values.
    fn render_batched(&self) -> Result<RenderedSql<'_>, Error>;
}

impl<S> Batched<S::Dialect> for S
where
    S: Statement + RenderSql<<S as Statement>::Dialect>,
    S::Filter: WhereChosen,
{
    fn render_batched(&self) -> Result<RenderedSql<'_>, Error> {
        crate::render::render_statement(self)
    }
}

/// Proof that what a statement selects (or returns) reads only tables in its scope: a
/// select's list, its FROM clause and joins; a RETURNING list, the table written.
/// Checked by `.to_sql()` and `.prepare()`; running checks it through [`Selection`].
#[diagnostic::on_unimplemented(
    message = "this statement selects a column of a table it does not read",
    label = "a selected or returned column's table is not in this statement",
    note = "join every table whose columns you select, with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait ScopeChecked<I> {}

/// Proof that a statement's clauses agree with what it selects: a DISTINCT select orders
/// by selected expressions only; a select that aggregates reads other columns only
/// through its GROUP BY ([`Grouping`](super::Grouping), which `.all()` and `.get()`
/// check with the selection). Checked by `.all()`, `.get()`, `.to_sql()` and
/// `.prepare()`; `J` is inferred.
pub trait ClausesAgree<J> {}

/// The Rust type of one row of query `Q`, `I` being the proof that its selection is in scope.
pub type RowOf<Q, I> =
    <<Q as RowQuery>::Decoded as Selection<<Q as RowQuery>::Source, I, <Q as Statement>::Dialect>>::Row;

/// A statement that returns rows: a select, or a write with `RETURNING`.
pub trait RowQuery: Statement {
    /// What the rows come from: the FROM clause, or the table written.
    type Source;
    /// The select list or RETURNING list.
    type Selection;
    /// What the rows decode from: the selection, for a select together with its GROUP BY
    /// ([`GroupedSelection`](super::GroupedSelection)), checked as one.
    type Decoded;

    /// The select list or RETURNING list, as written.
    fn selection(&self) -> &Self::Selection;

    /// Every row. `I` is the inferred proof that the selection is in scope, `J` that
    /// the rest of the statement agrees with it.
    fn all<'a, C, I, J>(&'a self, db: &'a C) -> C::All<'a, RowOf<Self, I>>
    where
        C: Executor<Self::Dialect, Mode: Permits<Self::Access>>,
        Self::Decoded: Selection<Self::Source, I, Self::Dialect>,
        Self::Filter: WhereChosen,
        Self: RenderSql<Self::Dialect> + ClausesAgree<J>,
    {
        let statement = crate::render::render_statement(self).map(RenderedSql::with_access::<Self::Access>);
        db.fetch_all::<SelectionDecoder<Self::Decoded, Self::Source, I>>(statement)
    }

    /// The first row, or `None` when there is none.
    fn get<'a, C, I, J>(&'a self, db: &'a C) -> C::Get<'a, RowOf<Self, I>>
    where
        C: Executor<Self::Dialect, Mode: Permits<Self::Access>>,
        Self::Decoded: Selection<Self::Source, I, Self::Dialect>,
        Self::Filter: WhereChosen,
        Self: RenderSql<Self::Dialect> + ClausesAgree<J>,
    {
        let statement = crate::render::render_statement(self).map(RenderedSql::with_access::<Self::Access>);
        db.fetch_first::<SelectionDecoder<Self::Decoded, Self::Source, I>>(statement)
    }

    /// The rows one at a time, as they arrive, with memory bounded however many there
    /// are: a [`Stream`](futures_core::Stream) on PostgreSQL and MySQL
    /// (`while let Some(row) = rows.try_next().await?`), and on synchronous SQLite rows
    /// stepped through with `.for_each(|row| ..)`. The connection is held until the last
    /// row is read or the stream is dropped.
    fn stream<'a, C, I, J>(&'a self, db: &'a C) -> C::Stream<'a, RowOf<Self, I>>
    where
        C: StreamExecutor<Self::Dialect, Mode: Permits<Self::Access>>,
        Self::Decoded: Selection<Self::Source, I, Self::Dialect>,
        Self::Filter: WhereChosen,
        Self: RenderSql<Self::Dialect> + ClausesAgree<J>,
    {
        let statement = crate::render::render_statement(self).map(RenderedSql::with_access::<Self::Access>);
        db.fetch_stream::<SelectionDecoder<Self::Decoded, Self::Source, I>>(statement)
    }
}
