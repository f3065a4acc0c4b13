//! Set operations: UNION, INTERSECT and EXCEPT (each also ALL) of queries that return the
//! same rows, chained and mixed, with ORDER BY, LIMIT and OFFSET on the combined result.

use super::clause::{NoFilterNeeded, NoOrder, OrderBy};
use super::distinct_order::Selects;
use super::row_count::RowCount;
use super::select::{render_limit_offset, RenderListClause, Select, Subquery};
use super::selection::Selection;
use super::statement::{ClausesAgree, RowOf, RowQuery, ScopeChecked, Statement};
use super::subquery::SubquerySource;
use crate::dialect::{Dialect, SupportsSetOperationAll};
use crate::expr::Order;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{AliasName, Column, QuerySource};

/// The operator that combines the two queries of a [`Compound`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOperator {
    /// `UNION`: the rows of either query, duplicates removed.
    Union,
    /// `UNION ALL`: the rows of both queries, duplicates kept.
    UnionAll,
    /// `INTERSECT`: the rows of both queries, duplicates removed.
    Intersect,
    /// `INTERSECT ALL`: each row as often as it is in both.
    IntersectAll,
    /// `EXCEPT`: the rows of the first query that the second lacks, duplicates removed.
    Except,
    /// `EXCEPT ALL`: each row of the first as many more times as it is there than in the second.
    ExceptAll,
}

impl SetOperator {
    fn keyword(self) -> &'static str {
        match self {
            SetOperator::Union => " UNION ",
            SetOperator::UnionAll => " UNION ALL ",
            SetOperator::Intersect => " INTERSECT ",
            SetOperator::IntersectAll => " INTERSECT ALL ",
            SetOperator::Except => " EXCEPT ",
            SetOperator::ExceptAll => " EXCEPT ALL ",
        }
    }

    /// INTERSECT binds tighter than UNION and EXCEPT on PostgreSQL and MySQL; SQLite reads
    /// every chain left to right.
    fn binds_tighter(self) -> bool {
        matches!(self, SetOperator::Intersect | SetOperator::IntersectAll)
    }
}

/// Two queries combined by a set operation, and the ORDER BY, LIMIT and OFFSET of the
/// result. Its rows decode as the first query's do; it is itself a query, so it runs with
/// `.all(&db)`, chains into further set operations, and serves as a subquery.
#[derive(Debug, Clone, Copy)]
#[must_use = "a set operation does nothing until a terminal method such as `.all(&db)`"]
pub struct Compound<L, R, O = NoOrder> {
    left: L,
    right: R,
    operator: SetOperator,
    order: O,
    limit: Option<u64>,
    offset: Option<u64>,
}

/// Proof that rows `Self` (the second query's) are the rows `Other` (the first query's).
#[diagnostic::on_unimplemented(
    message = "the queries of a set operation must return the same rows: `{Other}` and `{Self}` differ",
    label = "this query's rows are not the first query's",
    note = "select as many columns, of the same types and nullability, in the same order; \
            `.nullable()` reads a NOT NULL expression as nullable, `.cast::<T>()` changes its SQL type"
)]
pub trait SameRowsAs<Other> {}

impl<T> SameRowsAs<T> for T {}

/// Proof that query `R` returns the rows `Self` returns, each of them in its own scope,
/// so that the two can be combined; `I` is inferred.
pub trait RowsMatch<R, I> {}

impl<L, R, I, J> RowsMatch<R, (I, J)> for L
where
    L: RowQuery,
    R: RowQuery<Dialect = L::Dialect>,
    L::Decoded: Selection<L::Source, I, L::Dialect>,
    R::Decoded: Selection<R::Source, J, L::Dialect>,
    <R::Decoded as Selection<R::Source, J, L::Dialect>>::Row: SameRowsAs<RowOf<L, I>>,
{
}

/// The combining methods, the same on a select and on a set operation.
macro_rules! set_operations {
    () => {
        /// `self UNION other`: the rows of either query, duplicates removed. `other` must
        /// return the same rows (as many columns, of the same types and nullability).
        pub fn union<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
        {
            Compound::new(self, SetOperator::Union, other)
        }

        /// `self UNION ALL other`: the rows of both queries, duplicates kept.
        pub fn union_all<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
        {
            Compound::new(self, SetOperator::UnionAll, other)
        }

        /// `self INTERSECT other`: the rows both queries return, duplicates removed.
        pub fn intersect<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
        {
            Compound::new(self, SetOperator::Intersect, other)
        }

        /// `self INTERSECT ALL other` (PostgreSQL, MySQL 8.0.31+, MariaDB 10.5+): each row
        /// as many times as both queries return it.
        pub fn intersect_all<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
            <Self as Statement>::Dialect: SupportsSetOperationAll,
        {
            Compound::new(self, SetOperator::IntersectAll, other)
        }

        /// `self EXCEPT other`: the rows of `self` that `other` does not return,
        /// duplicates removed.
        pub fn except<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
        {
            Compound::new(self, SetOperator::Except, other)
        }

        /// `self EXCEPT ALL other` (PostgreSQL, MySQL 8.0.31+, MariaDB 10.5+): each row of
        /// `self` as many more times as it returns it than `other` does.
        pub fn except_all<Q, I>(self, other: Q) -> Compound<Self, Q>
        where
            Self: RowsMatch<Q, I>,
            <Self as Statement>::Dialect: SupportsSetOperationAll,
        {
            Compound::new(self, SetOperator::ExceptAll, other)
        }
    };
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    set_operations!();
}

impl<L: Statement, R, O> Compound<L, R, O> {
    set_operations!();
}

impl<L, R> Compound<L, R> {
    pub(crate) fn new(left: L, operator: SetOperator, right: R) -> Self {
        Compound {
            left,
            right,
            operator,
            order: NoOrder,
            limit: None,
            offset: None,
        }
    }
}

impl<L, R, O> Compound<L, R, O> {
    /// Changes the operator (a recursive common table expression's UNION ALL to UNION).
    pub(crate) fn set_operator(&mut self, operator: SetOperator) {
        self.operator = operator;
    }
}

impl<L: RowQuery, R, O> Compound<L, R, O> {
    /// `ORDER BY terms` of the combined rows: a column the first query selects, `.desc()`
    /// of one, or a tuple of those; replaces any earlier order. The columns are written
    /// by name, as the result's columns are named.
    pub fn order_by<T, I>(self, terms: T) -> Compound<L, R, OrderBy<T>>
    where
        T: ResultColumns<L::Selection, I>,
    {
        Compound {
            left: self.left,
            right: self.right,
            operator: self.operator,
            order: OrderBy(terms),
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `LIMIT n` of the combined rows, a literal as on a select.
    pub fn limit(mut self, n: u64) -> Self {
        self.limit = Some(n);
        self
    }

    /// `OFFSET n` of the combined rows, a literal as on a select.
    pub fn offset(mut self, n: u64) -> Self {
        self.offset = Some(n);
        self
    }

    /// The combined rows as a FROM source named `A`: `select(..).from(query.aliased(Name))`.
    pub fn aliased<A: AliasName>(self, alias: A) -> SubquerySource<Self, A> {
        SubquerySource::new(self, alias)
    }
}

/// ORDER BY terms of a set operation: columns the first query selects (`Sel`), each maybe
/// with a direction, or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "the ORDER BY of a set operation names columns of its result",
    label = "expected a column the first query selects, `.desc()` of one, or a tuple of those",
    note = "the combined rows are sorted by their own columns: select the column in the first query and order by it"
)]
pub trait ResultColumns<Sel, I> {}

#[diagnostic::do_not_recommend]
impl<C: Column, Sel: Selects<C, I>, I> ResultColumns<Sel, I> for C {}

#[diagnostic::do_not_recommend]
impl<C: Column, Sel: Selects<C, I>, I> ResultColumns<Sel, I> for Order<C> {}

macro_rules! tuple_result_columns {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: ResultColumns<Sel, $idx>, $idx,)+ Sel> ResultColumns<Sel, ($($idx,)+)> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_result_columns);

/// One side of a set operation: a select, or another set operation.
pub(crate) trait SetOperand<D: Dialect>: RenderSql<D> {
    /// Whether it has its own ORDER BY, LIMIT or OFFSET, which only a nested operand may have.
    fn sorts_or_limits(&self) -> bool;
    /// The operator at its top, when it is a set operation itself.
    fn operator(&self) -> Option<SetOperator>;
}

impl<Src, Sel, W, G, H, O, Dis, D> SetOperand<D> for Select<Src, Sel, W, G, H, O, Dis>
where
    D: Dialect,
    Self: RenderSql<D>,
    O: RenderListClause<D>,
{
    fn sorts_or_limits(&self) -> bool {
        O::PRESENT || self.limit.is_some() || self.offset.is_some()
    }

    fn operator(&self) -> Option<SetOperator> {
        None
    }
}

impl<L, R, O, D> SetOperand<D> for Compound<L, R, O>
where
    D: Dialect,
    Self: RenderSql<D>,
    O: RenderListClause<D>,
{
    fn sorts_or_limits(&self) -> bool {
        O::PRESENT || self.limit.is_some() || self.offset.is_some()
    }

    fn operator(&self) -> Option<SetOperator> {
        Some(self.operator)
    }
}

/// Writes one side of set operation `parent`. It is nested when it sorts or limits its own
/// rows, when it is a set operation on the right (the chain reads left to right), and when
/// it is a looser set operation under INTERSECT where that binds tighter. Nested is in
/// parentheses, or on SQLite, which has none for queries, read from a subquery.
fn render_operand<'q, Q: SetOperand<D>, D: Dialect>(
    operand: &'q Q,
    parent: SetOperator,
    left: bool,
    out: &mut SqlWriter<'q, D>,
) {
    let nested = operand.sorts_or_limits()
        || operand.operator().is_some_and(|own| {
            !left || (D::PARENTHESIZED_SET_OPERANDS && parent.binds_tighter() && !own.binds_tighter())
        });
    out.push_choice(u64::from(nested));
    match (nested, D::PARENTHESIZED_SET_OPERANDS) {
        (false, _) => operand.render(out),
        (true, true) => {
            out.push_sql("(");
            operand.render(out);
            out.push_sql(")");
        }
        (true, false) => {
            out.push_sql("SELECT * FROM (");
            operand.render(out);
            out.push_sql(")");
        }
    }
}

impl<L, R, O, D> RenderSql<D> for Compound<L, R, O>
where
    D: Dialect,
    L: SetOperand<D>,
    R: SetOperand<D>,
    O: RenderListClause<D>,
{
    // The operator, and whether LIMIT and OFFSET are there, are recorded.
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED && O::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_choice(
            self.operator as u64 | u64::from(self.limit.is_some()) << 3 | u64::from(self.offset.is_some()) << 4,
        );
        render_operand(&self.left, self.operator, true, out);
        out.push_sql(self.operator.keyword());
        render_operand(&self.right, self.operator, false, out);
        // The result's columns have names but no table.
        let qualified = out.set_qualify_columns(false);
        self.order.render_list_clause(out);
        out.set_qualify_columns(qualified);
        render_limit_offset(self.limit.map(RowCount::Fixed), self.offset.map(RowCount::Fixed), out);
    }
}

impl<L: Statement, R, O> Statement for Compound<L, R, O> {
    type Dialect = L::Dialect;
    type Filter = NoFilterNeeded;
    type Access = crate::access::Reads;
}

impl<L: RowQuery, R, O> RowQuery for Compound<L, R, O> {
    type Source = L::Source;
    type Selection = L::Selection;
    type Decoded = L::Decoded;

    fn selection(&self) -> &Self::Selection {
        self.left.selection()
    }
}

impl<L: ScopeChecked<I>, R: ScopeChecked<J>, O, I, J> ScopeChecked<(I, J)> for Compound<L, R, O> {}

impl<L: ClausesAgree<I>, R: ClausesAgree<J>, O, I, J> ClausesAgree<(I, J)> for Compound<L, R, O> {}

/// Used as a subquery of one column (`x IN (SELECT … UNION SELECT …)`) when its first
/// query may be: the rows of the others match it.
#[diagnostic::do_not_recommend]
impl<L: Subquery<ST, I>, R, O, ST, I> Subquery<ST, I> for Compound<L, R, O> {}
