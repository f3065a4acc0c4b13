//! SELECT: the builder, its clauses, and running it.

use super::clause::{
    AndFilter, Distinct, DistinctOn, GroupBy, NoDistinct, NoFilterNeeded, NoGroup, NoOrder, NoWhere, OrderBy,
    RenderClause,
};
use super::distinct_order::DistinctOrder;
use super::grouping::{GroupedSelection, Grouping};
use super::row_count::{IntoRowCount, RowCount};
use super::selection::{ExprList, SelectionIn, WholeRow};
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use crate::dialect::{Dialect, SupportsDistinctOn};
use crate::expr::{AppearsIn, Expression, OrderTerm};
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::schema::{ProofList, QuerySource, Table};
use crate::types::{Bool, SameType};

/// `SELECT <selection>` waiting for its FROM clause.
#[derive(Debug, Clone, Copy)]
#[must_use = "a select does nothing until `.from(..)` and a terminal method such as `.all(&db)`"]
pub struct SelectBuilder<Sel> {
    selection: Sel,
}

/// Starts `SELECT <selection>`: an expression, a tuple of them, or `table.row()`.
///
/// The selection is checked against the tables once the query is complete (at `.all()`,
/// `.get()` or `.to_sql()`), since joins may still add the tables it reads.
pub fn select<Sel>(selection: Sel) -> SelectBuilder<Sel> {
    SelectBuilder { selection }
}

/// `SELECT * FROM table`, decoding into the table's row struct (Drizzle's `$inferSelect`).
pub fn from<T: Table>(table: T) -> Select<T, WholeRow<T>> {
    select(WholeRow(table)).from(table)
}

impl<Sel> SelectBuilder<Sel> {
    /// `FROM source`.
    pub fn from<Src: QuerySource>(self, source: Src) -> Select<Src, Sel> {
        Select {
            source,
            selection: self.selection,
            filter: NoWhere,
            group: NoGroup,
            having: NoWhere,
            order: NoOrder,
            distinct: NoDistinct,
            limit: None,
            offset: None,
        }
    }
}

/// A SELECT statement. Each clause is a type parameter, so what a query reads and
/// returns is known at compile time.
#[derive(Debug, Clone, Copy)]
#[must_use = "a select does nothing until a terminal method such as `.all(&db)`"]
pub struct Select<Src, Sel, W = NoWhere, G = NoGroup, H = NoWhere, O = NoOrder, Dis = NoDistinct> {
    pub(crate) source: Src,
    pub(crate) selection: Sel,
    pub(crate) filter: W,
    pub(crate) group: G,
    pub(crate) having: H,
    pub(crate) order: O,
    pub(crate) distinct: Dis,
    pub(crate) limit: Option<RowCount>,
    pub(crate) offset: Option<RowCount>,
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// Adds `WHERE predicate`; called again, the predicates are ANDed.
    ///
    /// The columns the predicate proves not NULL (`col.is_not_null()`, `col.eq(..)` and the
    /// other strict comparisons, alone or ANDed) decode as plain values from then on, and
    /// a proven NOT NULL column of an outer-joined table makes its whole row present.
    #[allow(clippy::type_complexity)]
    pub fn filter<P, I>(
        self,
        predicate: P,
    ) -> Select<<P::Proves as ProofList>::Narrow<Src>, Sel, W::Output, G, H, O, Dis>
    where
        P: AppearsIn<Src, I, SqlType: SameType<Bool>> + RenderSql<Src::Dialect> + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        Select {
            source: P::Proves::narrow(self.source),
            selection: self.selection,
            filter: self.filter.and_filter(predicate),
            group: self.group,
            having: self.having,
            order: self.order,
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `GROUP BY expressions`: one expression or a tuple.
    pub fn group_by<E: ExprList<Src, I>, I>(self, expressions: E) -> Select<Src, Sel, W, GroupBy<E>, H, O, Dis> {
        Select {
            source: self.source,
            selection: self.selection,
            filter: self.filter,
            group: GroupBy(expressions),
            having: self.having,
            order: self.order,
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `HAVING predicate`; called again, the predicates are ANDed.
    pub fn having<P, I>(self, predicate: P) -> Select<Src, Sel, W, G, H::Output, O, Dis>
    where
        P: AppearsIn<Src, I, SqlType: SameType<Bool>> + RenderSql<Src::Dialect>,
        H: AndFilter<P>,
    {
        Select {
            source: self.source,
            selection: self.selection,
            filter: self.filter,
            group: self.group,
            having: self.having.and_filter(predicate),
            order: self.order,
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `ORDER BY terms`: an expression, `expr.desc()`, or a tuple; replaces any earlier order.
    pub fn order_by<T: OrderTerm<Src, I>, I>(self, terms: T) -> Select<Src, Sel, W, G, H, OrderBy<T>, Dis> {
        Select {
            source: self.source,
            selection: self.selection,
            filter: self.filter,
            group: self.group,
            having: self.having,
            order: OrderBy(terms),
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `SELECT DISTINCT`.
    pub fn distinct(self) -> Select<Src, Sel, W, G, H, O, Distinct> {
        self.with_distinct(Distinct)
    }

    /// `SELECT DISTINCT ON (expressions)`, PostgreSQL only.
    pub fn distinct_on<E: ExprList<Src, I>, I>(self, expressions: E) -> Select<Src, Sel, W, G, H, O, DistinctOn<E>>
    where
        Src::Dialect: SupportsDistinctOn,
    {
        self.with_distinct(DistinctOn(expressions))
    }

    fn with_distinct<Dis2>(self, distinct: Dis2) -> Select<Src, Sel, W, G, H, O, Dis2> {
        Select {
            source: self.source,
            selection: self.selection,
            filter: self.filter,
            group: self.group,
            having: self.having,
            order: self.order,
            distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }

    /// `LIMIT n`: a `u64`, written as a literal (SQLite re-prepares a statement whose
    /// LIMIT is bound on every run), or a `placeholder::<BigInt>("name")` of a prepared
    /// statement, which takes the count when it runs.
    pub fn limit<N: IntoRowCount>(mut self, n: N) -> Self {
        self.limit = Some(n.into_row_count());
        self
    }

    /// `OFFSET n`: a literal like LIMIT, or a placeholder.
    pub fn offset<N: IntoRowCount>(mut self, n: N) -> Self {
        self.offset = Some(n.into_row_count());
        self
    }

    pub(crate) fn map_source<Src2>(self, f: impl FnOnce(Src) -> Src2) -> Select<Src2, Sel, W, G, H, O, Dis> {
        Select {
            source: f(self.source),
            selection: self.selection,
            filter: self.filter,
            group: self.group,
            having: self.having,
            order: self.order,
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }
}

/// Writes the DISTINCT part of a select.
pub(crate) trait RenderDistinct<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    fn render_distinct<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderDistinct<D> for NoDistinct {
    const TYPE_SHAPED: bool = true;
    fn render_distinct<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

impl<D: Dialect> RenderDistinct<D> for Distinct {
    const TYPE_SHAPED: bool = true;
    fn render_distinct<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("DISTINCT ");
    }
}

impl<E: RenderList<D>, D: SupportsDistinctOn> RenderDistinct<D> for DistinctOn<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;
    fn render_distinct<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("DISTINCT ON (");
        self.0.render_list(out);
        out.push_sql(") ");
    }
}

/// Writes an optional list clause such as GROUP BY or ORDER BY.
pub(crate) trait RenderListClause<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    /// Whether the clause is there at all.
    const PRESENT: bool;
    fn render_list_clause<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderListClause<D> for NoGroup {
    const TYPE_SHAPED: bool = true;
    const PRESENT: bool = false;
    fn render_list_clause<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

impl<D: Dialect> RenderListClause<D> for NoOrder {
    const TYPE_SHAPED: bool = true;
    const PRESENT: bool = false;
    fn render_list_clause<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

impl<G: RenderList<D>, D: Dialect> RenderListClause<D> for GroupBy<G> {
    const TYPE_SHAPED: bool = G::TYPE_SHAPED;
    const PRESENT: bool = true;
    fn render_list_clause<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" GROUP BY ");
        self.0.render_list(out);
    }
}

impl<O: RenderList<D>, D: Dialect> RenderListClause<D> for OrderBy<O> {
    const TYPE_SHAPED: bool = O::TYPE_SHAPED;
    const PRESENT: bool = true;
    fn render_list_clause<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if self.0.is_empty() {
            return;
        }
        out.push_sql(" ORDER BY ");
        self.0.render_list(out);
    }
}

impl<Src, Sel, W, G, H, O, Dis, D> RenderSql<D> for Select<Src, Sel, W, G, H, O, Dis>
where
    D: Dialect,
    Src: QuerySource<Dialect = D>,
    Sel: RenderList<D>,
    W: RenderClause<D>,
    G: RenderListClause<D>,
    H: RenderClause<D>,
    O: RenderListClause<D>,
    Dis: RenderDistinct<D>,
{
    // LIMIT and OFFSET are values: their numbers, and whether they are there, are recorded.
    const TYPE_SHAPED: bool = Src::TYPE_SHAPED
        && Sel::TYPE_SHAPED
        && W::TYPE_SHAPED
        && G::TYPE_SHAPED
        && H::TYPE_SHAPED
        && O::TYPE_SHAPED
        && Dis::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let qualified = out.set_qualify_columns(true);
        out.push_sql("SELECT ");
        self.distinct.render_distinct(out);
        self.selection.render_list(out);
        out.push_sql(" FROM ");
        self.source.render_source(out);
        self.filter.render_clause(" WHERE ", out);
        self.group.render_list_clause(out);
        self.having.render_clause(" HAVING ", out);
        self.order.render_list_clause(out);
        out.push_choice(RowCount::choice(self.limit) | RowCount::choice(self.offset) << 2);
        render_limit_offset(self.limit, self.offset, out);
        out.set_qualify_columns(qualified);
    }
}

/// ` LIMIT n OFFSET m`, either or both, as literals; an OFFSET alone gets the LIMIT the
/// dialect needs before it.
pub(crate) fn render_limit_offset<D: Dialect>(
    limit: Option<RowCount>,
    offset: Option<RowCount>,
    out: &mut SqlWriter<'_, D>,
) {
    match (limit, offset, D::LIMIT_ALL) {
        (Some(limit), _, _) => {
            out.push_sql(" LIMIT ");
            limit.write(out);
        }
        (None, Some(_), Some(all)) => {
            out.push_sql(" LIMIT ");
            out.push_sql(all);
        }
        _ => {}
    }
    if let Some(offset) = offset {
        out.push_sql(" OFFSET ");
        offset.write(out);
    }
}

impl<Src, Sel, W, G, H, O, Dis, I, J, K> ScopeChecked<(I, J, K)> for Select<Src, Sel, W, G, H, O, Dis>
where
    Sel: SelectionIn<Src, I>,
    (G, Sel): Grouping<Src, I, K>,
    Self: ClausesAgree<J>,
{
}

impl<Src, Sel, W, G, H, O, Dis, J> ClausesAgree<J> for Select<Src, Sel, W, G, H, O, Dis> where
    (O, Dis): DistinctOrder<Sel, J>
{
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Statement for Select<Src, Sel, W, G, H, O, Dis> {
    type Dialect = Src::Dialect;
    type Filter = NoFilterNeeded;
    type Access = crate::access::Reads;
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> RowQuery for Select<Src, Sel, W, G, H, O, Dis> {
    type Source = Src;
    type Selection = Sel;
    type Decoded = GroupedSelection<Sel, G>;

    fn selection(&self) -> &Self::Selection {
        &self.selection
    }
}

/// A query usable as a subquery of one column of SQL type `ST`: `x IN (SELECT …)`.
#[diagnostic::on_unimplemented(
    message = "this query cannot be used as a subquery of `{ST}` values",
    label = "expected a select of exactly one column of SQL type `{ST}`"
)]
pub trait Subquery<ST, I> {}

// Not looked through in errors: "exactly one column" says more than what the selection
// lacks to be an expression.
#[diagnostic::do_not_recommend]
impl<Src, Sel, W, G, H, O, Dis, ST, I> Subquery<ST, I> for Select<Src, Sel, W, G, H, O, Dis>
where
    Src: QuerySource,
    Sel: Expression<SqlType: SameType<ST>> + AppearsIn<Src, I>,
{
}

/// A select used as a value: `(SELECT …)`. It selects one expression; it is NULL when the
/// query finds no row. The subquery is checked against its own FROM clause, so it
/// cannot refer to the outer query's tables.
#[derive(Debug, Clone, Copy)]
pub struct Scalar<Q>(Q);

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// This query as a value, for a select list, a comparison or an assignment.
    pub fn scalar(self) -> Scalar<Self>
    where
        Sel: OneColumn,
    {
        Scalar(self)
    }
}

/// A selection of exactly one column (an expression), as a subquery used as a value needs.
#[diagnostic::on_unimplemented(
    message = "`.scalar()` takes a select of exactly one column, not `{Self}`",
    label = "a query used as a value selects one expression",
    note = "select the one column you need: `select(posts::title)`, or an aggregate such as `count(..)`"
)]
pub trait OneColumn {}

#[diagnostic::do_not_recommend]
impl<E: Expression> OneColumn for E {}

impl<Src, Sel: Expression, W, G, H, O, Dis> Expression for Scalar<Select<Src, Sel, W, G, H, O, Dis>> {
    type SqlType = Sel::SqlType;
    type Nullability = crate::types::Null;
    type Value = Sel::Value;
}

impl<Q: super::OuterIn<S, I>, S, I> AppearsIn<S, I> for Scalar<Q>
where
    Self: Expression,
{
    type ScopedNullability = crate::types::Null;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<Q: RenderSql<D>, D: Dialect> RenderSql<D> for Scalar<Q> {
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(");
        self.0.render(out);
        out.push_sql(")");
    }
}
crate::expr::impl_into_expression!([Q] Scalar<Q>);
impl<Q> crate::expr::RowLevel for Scalar<Q> {}
