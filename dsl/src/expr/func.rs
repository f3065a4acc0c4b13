//! Free functions that read like Drizzle's: `and`, `or`, `not`, `exists`, `not_exists`.

use super::ops::{op, Logic, Not};
use super::{impl_into_expression, AppearsIn, Expression};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Bool, NotNull, SameType};

/// `(a AND b)`.
pub fn and<A, B>(a: A, b: B) -> Logic<A, B, op::And>
where
    A: Expression<SqlType: SameType<Bool>>,
    B: Expression<SqlType: SameType<Bool>>,
{
    Logic::new(a, b)
}

/// `(a OR b)`.
pub fn or<A, B>(a: A, b: B) -> Logic<A, B, op::Or>
where
    A: Expression<SqlType: SameType<Bool>>,
    B: Expression<SqlType: SameType<Bool>>,
{
    Logic::new(a, b)
}

/// `NOT (a)`.
pub fn not<A: Expression<SqlType: SameType<Bool>>>(a: A) -> Not<A> {
    Not { expr: a }
}

/// `EXISTS (subquery)`, or `NOT EXISTS`.
#[derive(Debug, Clone, Copy)]
pub struct Exists<Q, const NEGATED: bool> {
    query: Q,
}

/// `EXISTS (subquery)`.
pub fn exists<Q>(query: Q) -> Exists<Q, false> {
    Exists { query }
}

/// `NOT EXISTS (subquery)`.
pub fn not_exists<Q>(query: Q) -> Exists<Q, true> {
    Exists { query }
}

impl<Q, const NEGATED: bool> Expression for Exists<Q, NEGATED> {
    type SqlType = Bool;
    type Nullability = NotNull;
    type Value = bool;
}

impl<Q: crate::query::OuterIn<S, I>, S, I, const NEGATED: bool> AppearsIn<S, I> for Exists<Q, NEGATED> {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<Q: RenderSql<D>, D: Dialect, const NEGATED: bool> RenderSql<D> for Exists<Q, NEGATED> {
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(if NEGATED { "NOT EXISTS (" } else { "EXISTS (" });
        self.query.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([Q, const NEGATED: bool] Exists<Q, NEGATED>);
impl<Q, const NEGATED: bool> super::RowLevel for Exists<Q, NEGATED> {}

/// MySQL's `LAST_INSERT_ID()`: the auto-increment key of the row this connection inserted
/// last. MySQL has no RETURNING; read the new row back with
/// `.filter(users::id.eq(last_insert_id()))` on the same connection.
pub fn last_insert_id() -> LastInsertId {
    LastInsertId
}

/// `LAST_INSERT_ID()` (MySQL).
#[derive(Debug, Clone, Copy, Default)]
pub struct LastInsertId;

impl Expression for LastInsertId {
    type SqlType = crate::types::BigIntUnsigned;
    type Nullability = NotNull;
    type Value = u64;
}

impl<S> AppearsIn<S, ()> for LastInsertId {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl RenderSql<crate::dialect::MySql> for LastInsertId {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, crate::dialect::MySql>) {
        out.push_sql("LAST_INSERT_ID()");
    }
}
impl_into_expression!([] LastInsertId);
impl super::RowLevel for LastInsertId {}
