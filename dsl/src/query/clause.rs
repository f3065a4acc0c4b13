//! Clause states of a statement: WHERE, GROUP BY, ORDER BY, DISTINCT, each present or not.

use crate::dialect::Dialect;
use crate::expr::ops::{op, Logic};
use crate::render::{RenderSql, SqlWriter};

/// No WHERE clause (yet).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWhere;

/// `WHERE <predicate>`.
#[derive(Debug, Clone, Copy)]
pub struct Where<P>(pub(crate) P);

/// An UPDATE or DELETE that is meant to touch every row: no WHERE clause, on purpose.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllRows;

/// Adding a predicate to a WHERE clause: the first one starts it, later ones are ANDed.
pub trait AndFilter<P> {
    /// The clause with `P` added.
    type Output;
    /// Adds `predicate`.
    fn and_filter(self, predicate: P) -> Self::Output;
}

impl<P> AndFilter<P> for NoWhere {
    type Output = Where<P>;
    fn and_filter(self, predicate: P) -> Where<P> {
        Where(predicate)
    }
}

impl<Q, P> AndFilter<P> for Where<Q> {
    type Output = Where<Logic<Q, P, op::And>>;
    fn and_filter(self, predicate: P) -> Self::Output {
        Where(Logic::new(self.0, predicate))
    }
}

/// Writes a WHERE-like clause with its keyword, or nothing when absent.
pub trait RenderClause<D: Dialect> {
    /// Whether the clause's text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    /// Writes ` <keyword> <predicate>`, or nothing.
    fn render_clause<'q>(&'q self, keyword: &'static str, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderClause<D> for NoWhere {
    const TYPE_SHAPED: bool = true;
    fn render_clause<'q>(&'q self, _keyword: &'static str, _out: &mut SqlWriter<'q, D>) {}
}

impl<D: Dialect> RenderClause<D> for AllRows {
    const TYPE_SHAPED: bool = true;
    fn render_clause<'q>(&'q self, _keyword: &'static str, _out: &mut SqlWriter<'q, D>) {}
}

impl<P: RenderSql<D>, D: Dialect> RenderClause<D> for Where<P> {
    const TYPE_SHAPED: bool = P::TYPE_SHAPED;
    fn render_clause<'q>(&'q self, keyword: &'static str, out: &mut SqlWriter<'q, D>) {
        out.push_sql(keyword);
        self.0.render(out);
    }
}

/// Proof that an UPDATE or DELETE says which rows it touches.
#[diagnostic::on_unimplemented(
    message = "this statement has no WHERE clause and would change every row of the table",
    label = "add `.filter(..)` to choose the rows",
    note = "if every row is meant, say so with `.all_rows()`"
)]
pub trait WhereChosen {}
impl<P> WhereChosen for Where<P> {}
impl WhereChosen for AllRows {}

/// The [`Statement::Filter`](super::Statement::Filter) of statements that need no WHERE
/// to run: selects and inserts.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFilterNeeded;
impl WhereChosen for NoFilterNeeded {}

/// No GROUP BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoGroup;

/// `GROUP BY <expressions>`.
#[derive(Debug, Clone, Copy)]
pub struct GroupBy<G>(pub(crate) G);

/// No ORDER BY.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOrder;

/// `ORDER BY <terms>`.
#[derive(Debug, Clone, Copy)]
pub struct OrderBy<O>(pub(crate) O);

/// Plain `SELECT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDistinct;

/// `SELECT DISTINCT`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Distinct;

/// `SELECT DISTINCT ON (<expressions>)` (PostgreSQL).
#[derive(Debug, Clone, Copy)]
pub struct DistinctOn<E>(pub(crate) E);
