//! SQLite's full-text search over an FTS5 table (declared with `t.fts5()`): `MATCH`,
//! `bm25` and `highlight`.

use crate::dialect::Sqlite;
use crate::expr::{AppearsIn, AsExpression, Expression, Operand, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Column, Table, TableIn};
use crate::types::{Bool, Double, NotNull, Null, Text};
use std::marker::PhantomData;

/// `"table" MATCH query`.
#[derive(Debug, Clone, Copy)]
pub struct Fts5Match<T, Q> {
    table: PhantomData<T>,
    query: Q,
}

/// `"table" MATCH query`: the rows of the FTS5 table `table` that match the FTS5 query
/// (`"rust AND sql"`, `"title: rust"`, `"\"a phrase\""`, `"data*"`), a bound parameter.
pub fn fts5_match<T: Table, Q: AsExpression<Text, Expr: Operand>>(table: T, query: Q) -> Fts5Match<T, Q::Expr> {
    let _ = table;
    Fts5Match {
        table: PhantomData,
        query: query.into_expression(),
    }
}

impl<T, Q: Expression> Expression for Fts5Match<T, Q> {
    type SqlType = Bool;
    type Nullability = NotNull;
    type Value = bool;
}

impl<T: TableIn<S, IT>, Q: AppearsIn<S, IQ>, S, IT, IQ> AppearsIn<S, (IT, IQ)> for Fts5Match<T, Q> {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::No;
    type GroupKey = crate::schema::ExprKey;
}
crate::expr::impl_into_expression!([T, Q] Fts5Match<T, Q>);
impl<T, Q: RowLevel> RowLevel for Fts5Match<T, Q> {}

impl<T: Table, Q: RenderSql<Sqlite>> RenderSql<Sqlite> for Fts5Match<T, Q> {
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        out.push_table(T::SCHEMA, T::NAME);
        out.push_sql(" MATCH ");
        self.query.render(out);
    }
}

/// `bm25("table")`: how well the row matched, lower (more negative) for better; order by
/// it ascending. Only in a query filtered by [`fts5_match`].
#[derive(Debug, Clone, Copy)]
pub struct Bm25<T> {
    table: PhantomData<T>,
}

/// `bm25("table")`, the relevance of a match in the FTS5 table `table`.
pub fn bm25<T: Table>(table: T) -> Bm25<T> {
    let _ = table;
    Bm25 { table: PhantomData }
}

impl<T> Expression for Bm25<T> {
    type SqlType = Double;
    type Nullability = NotNull;
    type Value = f64;
}

impl<T: TableIn<S, I>, S, I> AppearsIn<S, I> for Bm25<T> {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::No;
    type GroupKey = crate::schema::ExprKey;
}
crate::expr::impl_into_expression!([T] Bm25<T>);
impl<T> RowLevel for Bm25<T> {}

impl<T: Table> RenderSql<Sqlite> for Bm25<T> {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        out.push_sql("bm25(");
        out.push_table(T::SCHEMA, T::NAME);
        out.push_sql(")");
    }
}

/// `highlight("table", column index, open, close)`.
#[derive(Debug, Clone)]
pub struct Highlight<C> {
    column: PhantomData<C>,
    open: String,
    close: String,
}

/// `highlight("table", i, open, close)`: the column's text with the matched words between
/// `open` and `close` (bound parameters, so `"<mark>"` is safe to pass). Only in a query
/// filtered by [`fts5_match`].
pub fn highlight<C: Column>(column: C, open: impl Into<String>, close: impl Into<String>) -> Highlight<C> {
    let _ = column;
    Highlight {
        column: PhantomData,
        open: open.into(),
        close: close.into(),
    }
}

impl<C: Column> Expression for Highlight<C> {
    type SqlType = Text;
    type Nullability = Null;
    type Value = String;
}

impl<C: Column, S, I> AppearsIn<S, I> for Highlight<C>
where
    C::Table: TableIn<S, I>,
{
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::No;
    type GroupKey = crate::schema::ExprKey;
}
crate::expr::impl_into_expression!([C: Column] Highlight<C>);
impl<C> RowLevel for Highlight<C> {}

impl<C: Column> RenderSql<Sqlite> for Highlight<C> {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        out.push_sql("highlight(");
        out.push_table(<C::Table as Table>::SCHEMA, <C::Table as Table>::NAME);
        out.push_sql(", ");
        out.push_u64(crate::schema::fts5_column_index::<C::Table>(C::NAME) as u64);
        out.push_sql(", ");
        out.push_bind(crate::types::Value::Text(std::borrow::Cow::Borrowed(&self.open)));
        out.push_sql(", ");
        out.push_bind(crate::types::Value::Text(std::borrow::Cow::Borrowed(&self.close)));
        out.push_sql(")");
    }
}
