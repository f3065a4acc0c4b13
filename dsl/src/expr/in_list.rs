//! `IN` and `NOT IN`, over a list of values or a subquery.

use super::{impl_into_expression, AppearsIn, Expression};
use crate::dialect::{Dialect, DialectKind};
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Bool, Nullability, Value};

/// `expr IN (v1, v2, …)`, or `NOT IN`; on PostgreSQL, a list of values is one array
/// parameter, `expr = ANY($1)` (`<> ALL($1)`). An empty list is valid SQL: `IN` is false
/// and `NOT IN` is true, as the set semantics say.
#[derive(Debug, Clone)]
pub struct InList<E, V, const NEGATED: bool> {
    pub(crate) expr: E,
    pub(crate) values: Vec<V>,
}

impl<E: Expression, V, const NEGATED: bool> Expression for InList<E, V, NEGATED> {
    type SqlType = Bool;
    type Nullability = E::Nullability;
    type Value = bool;
}

impl<E: AppearsIn<S, I>, V, S, I, const NEGATED: bool> AppearsIn<S, I> for InList<E, V, NEGATED> {
    type ScopedNullability = E::ScopedNullability;
    type Proves = E::Proves;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, V: RenderSql<D>, D: Dialect, const NEGATED: bool> RenderSql<D> for InList<E, V, NEGATED> {
    // The number of values is recorded: it decides the text.
    const TYPE_SHAPED: bool = E::TYPE_SHAPED && V::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if D::KIND == DialectKind::Pg && self.render_as_array(out) {
            return;
        }
        out.push_choice(self.values.len() as u64);
        if self.values.is_empty() {
            out.push_sql(if NEGATED { "(1 = 1)" } else { "(1 = 0)" });
            return;
        }
        self.expr.render(out);
        out.push_sql(if NEGATED { " NOT IN (" } else { " IN (" });
        for (i, value) in self.values.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            value.render(out);
        }
        out.push_sql(")");
    }
}
impl<E, V, const NEGATED: bool> InList<E, V, NEGATED> {
    /// On PostgreSQL, a list of bound values is one array parameter: `expr = ANY($1)`, or
    /// `expr <> ALL($1)` for NOT IN, the same statement for every length. Writes that and
    /// says so, unless the list is empty, holds an expression other than a value, or is
    /// written into DDL.
    fn render_as_array<'q, D: Dialect>(&'q self, out: &mut SqlWriter<'q, D>) -> bool
    where
        E: RenderSql<D>,
        V: RenderSql<D>,
    {
        // DDL writes values as literals: its IN list stays a list.
        if self.values.is_empty() || out.writes_literals() {
            return false;
        }
        let mut array = Vec::with_capacity(self.values.len());
        for value in &self.values {
            match value.bound_value() {
                Some(Ok(value)) => array.push(value),
                Some(Err(error)) => {
                    out.push_error(error);
                    array.push(Value::Null);
                }
                None => return false,
            }
        }
        // One text for every length: a choice of its own, apart from every list's length.
        out.push_choice(u64::MAX);
        self.expr.render(out);
        out.push_sql(if NEGATED { " <> ALL(" } else { " = ANY(" });
        out.push_bind(Value::Array(array));
        out.push_sql(")");
        true
    }
}
impl_into_expression!([E, V, const NEGATED: bool] InList<E, V, NEGATED>);
impl<E: super::RowLevel, V: super::RowLevel, const NEGATED: bool> super::RowLevel for InList<E, V, NEGATED> {}

/// `expr IN (SELECT …)`, or `NOT IN`.
#[derive(Debug, Clone, Copy)]
pub struct InSubquery<E, Q, const NEGATED: bool> {
    pub(crate) expr: E,
    pub(crate) query: Q,
}

impl<E: Expression, Q, const NEGATED: bool> Expression for InSubquery<E, Q, NEGATED> {
    type SqlType = Bool;
    type Nullability = <E::Nullability as Nullability>::Or<crate::types::Null>;
    type Value = bool;
}

impl<E: AppearsIn<S, I>, Q: crate::query::OuterIn<S, IQ>, S, I, IQ, const NEGATED: bool> AppearsIn<S, (I, IQ)>
    for InSubquery<E, Q, NEGATED>
{
    type ScopedNullability = crate::types::Null;
    type Proves = E::Proves;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, Q: RenderSql<D>, D: Dialect, const NEGATED: bool> RenderSql<D> for InSubquery<E, Q, NEGATED> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED && Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
        out.push_sql(if NEGATED { " NOT IN (" } else { " IN (" });
        self.query.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([E, Q, const NEGATED: bool] InSubquery<E, Q, NEGATED>);
impl<E: super::RowLevel, Q, const NEGATED: bool> super::RowLevel for InSubquery<E, Q, NEGATED> {}
