//! A select used as a FROM source: `(SELECT …) AS "name"`, and the fields it exposes.

use super::insert::{InHead, InTail, TupleSplit};
use super::select::Select;
use super::statement::RowQuery;
use crate::dialect::Dialect;
use crate::expr::{impl_into_expression, AppearsIn, Expression};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{AliasName, Column, Here, Position, QuerySource, TableIn};
use crate::types::{NotNull, Nullability};
use std::marker::PhantomData;

/// A subquery in FROM, under alias `A`: `(SELECT …) AS "a"`. Read its columns with
/// [`field`](SubquerySource::field).
#[derive(Debug, Clone, Copy)]
pub struct SubquerySource<Q, A> {
    query: Q,
    alias: PhantomData<A>,
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// This query as a FROM source named `A`: `select(..).from(query.aliased(Name))`.
    pub fn aliased<A: AliasName>(self, alias: A) -> SubquerySource<Self, A> {
        SubquerySource::new(self, alias)
    }
}

impl<Q, A> SubquerySource<Q, A> {
    /// `query` under `alias`.
    pub(crate) fn new(query: Q, _alias: A) -> Self {
        SubquerySource {
            query,
            alias: PhantomData,
        }
    }
}

impl<Q: RowQuery, A: AliasName> SubquerySource<Q, A> {
    /// The subquery's column `column`, as the outer query sees it: `"a"."column"`. It keeps
    /// the nullability it had inside the subquery, joins included.
    pub fn field<C, I, J>(&self, _column: C) -> Field<Self, C, <C as AppearsIn<Q::Source, J>>::ScopedNullability>
    where
        C: Column + SelectedBy<Q::Selection, I> + AppearsIn<Q::Source, J>,
    {
        Field(PhantomData)
    }
}

impl<Q, A> TableIn<SubquerySource<Q, A>, Here> for SubquerySource<Q, A> {
    type Nullability = NotNull;
    type ColumnNullability<CI: Position, N: Nullability> = N;
}

impl<Q: RowQuery + RenderSql<Q::Dialect>, A: AliasName> QuerySource for SubquerySource<Q, A> {
    type Dialect = Q::Dialect;

    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        out.push_sql("(");
        self.query.render(out);
        out.push_sql(") AS ");
        out.push_ident(A::NAME);
    }
}

/// Proof that column `Self` is selected by the select list `Sel`.
#[diagnostic::on_unimplemented(
    message = "column `{Self}` is not selected by this subquery",
    label = "a subquery exposes only the columns it selects",
    note = "add the column to the subquery's `select(..)`"
)]
pub trait SelectedBy<Sel, I> {}
impl<C: Column> SelectedBy<C, Here> for C {}
impl<C: SelectedBy<R::Head, I>, R: TupleSplit, I> SelectedBy<R, InHead<I>> for C {}
impl<C: SelectedBy<R::Tail, I>, R: TupleSplit, I> SelectedBy<R, InTail<I>> for C {}

/// Column `C` of subquery source `Src`, of nullability `N`.
#[derive(Debug)]
pub struct Field<Src, C, N>(PhantomData<(Src, C, N)>);

impl<Src, C, N> Field<Src, C, N> {
    /// The field; its types say which.
    pub(crate) fn new() -> Self {
        Field(PhantomData)
    }
}

impl<Src, C, N> Clone for Field<Src, C, N> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Src, C, N> Copy for Field<Src, C, N> {}

impl<Src, C: Column, N: Nullability> Expression for Field<Src, C, N> {
    type SqlType = C::SqlType;
    type Nullability = N;
    type Value = C::Value;
}

impl<Src: TableIn<S, I>, C: Column, N: Nullability, S, I> AppearsIn<S, I> for Field<Src, C, N> {
    type ScopedNullability = N::Or<Src::Nullability>;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<Q, A: AliasName, C: Column, N, D: Dialect> RenderSql<D> for Field<SubquerySource<Q, A>, C, N> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(A::NAME, C::NAME);
    }
}
impl_into_expression!([Src, C, N] Field<Src, C, N>);
impl<Src, C, N> crate::expr::RowLevel for Field<Src, C, N> {}
