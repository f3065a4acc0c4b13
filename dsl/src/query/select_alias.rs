//! `expr.as_("name")`: a selected expression with an output name, as a subquery or a set
//! operation exposes it, and read back from a subquery by that name.

use super::selection::{Selection, SelectionIn};
use super::statement::RowQuery;
use super::subquery::{SelectedBy, SubquerySource};
use crate::dialect::Dialect;
use crate::expr::{impl_into_expression, AppearsIn, Expression, ExpressionMethods, Order};
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::row::{RawRow, RowError};
use crate::schema::{AliasName, ExprKey, GroupKeys, Here, Nil, No, TableIn, Yes};
use crate::types::Nullability;
use std::marker::PhantomData;

/// A selected expression named `name`: `expr AS "name"` in a select list. Elsewhere
/// (ORDER BY, HAVING) use the expression itself, which every dialect accepts there.
#[derive(Debug, Clone, Copy)]
pub struct As<E> {
    expr: E,
    name: &'static str,
}

impl<E> As<E> {
    pub(crate) fn new(expr: E, name: &'static str) -> Self {
        As { expr, name }
    }

    /// The expression, borrowed.
    #[cfg(feature = "json")]
    pub(crate) fn expression_ref(&self) -> &E {
        &self.expr
    }

    /// The output name.
    #[cfg(feature = "json")]
    pub(crate) fn output_name(&self) -> &'static str {
        self.name
    }

    /// The expression, for ORDER BY or HAVING.
    pub fn expr(&self) -> E
    where
        E: Clone,
    {
        self.expr.clone()
    }

    /// Ascending order of the named expression, for `.order_by(..)`.
    pub fn asc(&self) -> Order<E>
    where
        E: Expression + Clone,
    {
        self.expr.clone().asc()
    }

    /// Descending order of the named expression, for `.order_by(..)`.
    pub fn desc(&self) -> Order<E>
    where
        E: Expression + Clone,
    {
        self.expr.clone().desc()
    }
}

#[diagnostic::do_not_recommend]
impl<E: SelectionIn<S, I>, S, I> SelectionIn<S, I> for As<E> {
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}

impl<E: Selection<S, I, D>, S, I, D: Dialect> Selection<S, I, D> for As<E> {
    type Row = E::Row;
    const WIDTH: usize = E::WIDTH;

    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        E::decode(row, index)
    }
}

impl<E: RenderSql<D>, D: Dialect> RenderList<D> for As<E> {
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
        out.push_sql(" AS ");
        out.push_ident(self.name);
    }
}

/// A named expression is selected by the select list that names it.
#[diagnostic::do_not_recommend]
impl<E> SelectedBy<As<E>, Here> for As<E> {}

impl<Q: RowQuery, A: AliasName> SubquerySource<Q, A> {
    /// The subquery's expression named `named` (selected as `expr.as_("name")`), as the
    /// outer query sees it: `"a"."name"`, typed as the expression.
    #[allow(clippy::type_complexity)]
    pub fn named<E, I, J>(
        &self,
        named: &As<E>,
    ) -> NamedField<Self, E, <E as AppearsIn<Q::Source, J>>::ScopedNullability>
    where
        As<E>: SelectedBy<Q::Selection, I>,
        E: AppearsIn<Q::Source, J>,
    {
        NamedField {
            name: named.name,
            types: PhantomData,
        }
    }
}

/// A named expression of subquery source `Src`, of nullability `N`: `"a"."name"`.
#[derive(Debug)]
pub struct NamedField<Src, E, N> {
    name: &'static str,
    types: PhantomData<(Src, E, N)>,
}

impl<Src, E, N> Clone for NamedField<Src, E, N> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Src, E, N> Copy for NamedField<Src, E, N> {}

impl<Src, E: Expression, N: Nullability> Expression for NamedField<Src, E, N> {
    type SqlType = E::SqlType;
    type Nullability = N;
    type Value = E::Value;
}

impl<Src: TableIn<S, I>, E: Expression, N: Nullability, S, I> AppearsIn<S, I> for NamedField<Src, E, N> {
    type ScopedNullability = N::Or<Src::Nullability>;
    type Proves = Nil;
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
    type GroupKey = ExprKey;
}

impl<Q, A: AliasName, E, N, D: Dialect> RenderSql<D> for NamedField<SubquerySource<Q, A>, E, N> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(A::NAME, self.name);
    }
}
impl_into_expression!([Src, E, N] NamedField<Src, E, N>);
impl<Src, E, N> crate::expr::RowLevel for NamedField<Src, E, N> {}
