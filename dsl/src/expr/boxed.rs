//! Predicates and ORDER BY terms boxed for queries built at run time: terms of different
//! types in one list, each checked against the query's tables when it is boxed.

use super::{AppearsIn, Expression, OrderTerm, RowLevel};
use crate::dialect::Dialect;
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::schema::{ExprKey, GroupKeys, Nil, No, Yes};
use crate::types::{Bool, SameType};
use std::marker::PhantomData;

/// Renders a node behind a pointer: what a boxed term keeps of its expression.
trait DynRender<D: Dialect> {
    fn render_dyn<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<T: RenderSql<D>, D: Dialect> DynRender<D> for T {
    fn render_dyn<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render(out);
    }
}

/// Renders an ORDER BY term behind a pointer.
trait DynRenderList<D: Dialect> {
    fn render_list_dyn<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<T: RenderList<D>, D: Dialect> DynRenderList<D> for T {
    fn render_list_dyn<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render_list(out);
    }
}

/// A predicate of any type, boxed, whose columns were checked against the query source
/// `S` of dialect `D` when it was boxed. A `Vec` of them, filled in a loop or by
/// conditions, goes to `.filter(all_of(list))` or `.filter(any_of(list))`.
pub struct BoxedPredicate<'a, S, D: Dialect> {
    node: Box<dyn DynRender<D> + Send + Sync + 'a>,
    source: PhantomData<fn() -> S>,
}

impl<S, D: Dialect> std::fmt::Debug for BoxedPredicate<'_, S, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BoxedPredicate")
    }
}

/// Boxes `predicate` for a list built at run time. Its columns are checked now against
/// the source of the query that will read the list (inferred from that query).
pub fn boxed<'a, S, D, P, I>(predicate: P) -> BoxedPredicate<'a, S, D>
where
    D: Dialect,
    P: Expression<SqlType: SameType<Bool>> + AppearsIn<S, I> + RenderSql<D> + RowLevel + Send + Sync + 'a,
{
    BoxedPredicate {
        node: Box::new(predicate),
        source: PhantomData,
    }
}

impl<S, D: Dialect> Expression for BoxedPredicate<'_, S, D> {
    type SqlType = Bool;
    type Nullability = crate::types::Null;
    type Value = bool;
}

impl<S, D: Dialect> AppearsIn<S, ()> for BoxedPredicate<'_, S, D> {
    type ScopedNullability = crate::types::Null;
    type Proves = Nil;
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
    type GroupKey = ExprKey;
}

impl<S, D: Dialect> RenderSql<D> for BoxedPredicate<'_, S, D> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.node.render_dyn(out);
    }
}

impl<S, D: Dialect> RowLevel for BoxedPredicate<'_, S, D> {}
impl<S, D: Dialect> super::Operand for BoxedPredicate<'_, S, D> {}

/// An ORDER BY term of any type (`col`, `col.desc()`, `.nulls_last()`), boxed, checked
/// against the query source `S` when it was boxed. A `Vec` of them goes to
/// `.order_by(list)`; an empty list writes no ORDER BY.
pub struct BoxedOrder<'a, S, D: Dialect> {
    term: Box<dyn DynRenderList<D> + Send + Sync + 'a>,
    source: PhantomData<fn() -> S>,
}

impl<S, D: Dialect> std::fmt::Debug for BoxedOrder<'_, S, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BoxedOrder")
    }
}

/// Boxes an ORDER BY term for a list built at run time.
pub fn boxed_order<'a, S, D, T, I>(term: T) -> BoxedOrder<'a, S, D>
where
    D: Dialect,
    T: OrderTerm<S, I> + RenderList<D> + Send + Sync + 'a,
{
    BoxedOrder {
        term: Box::new(term),
        source: PhantomData,
    }
}

impl<S, D: Dialect> OrderTerm<S, ()> for Vec<BoxedOrder<'_, S, D>> {}

impl<S, D: Dialect> RenderList<D> for Vec<BoxedOrder<'_, S, D>> {
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        // How many terms there are decides the text.
        out.push_choice(self.len() as u64);
        for (i, order) in self.iter().enumerate() {
            if i > 0 {
                out.push_sql(", ");
            }
            order.term.render_list_dyn(out);
        }
    }

    fn is_empty(&self) -> bool {
        <[_]>::is_empty(self)
    }
}
