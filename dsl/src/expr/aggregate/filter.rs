//! `aggregate FILTER (WHERE predicate)`: an aggregate of the rows a predicate keeps. MySQL
//! has no FILTER; there the argument becomes `CASE WHEN predicate THEN argument END`,
//! which every aggregate reads the same way, since each skips NULLs.

use crate::dialect::{Dialect, DialectKind};
use crate::expr::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Bool, SameType};

/// How an aggregate is written around its argument, so that FILTER can stand in for it
/// where a dialect lacks the clause.
pub trait AggregateCall<D: Dialect> {
    /// Whether its argument is `*` (`count(*)`), for which the CASE yields `1`.
    const STAR: bool;
    /// Writes the call, with `argument` writing what goes where its argument goes.
    fn render_call<'q>(&'q self, out: &mut SqlWriter<'q, D>, argument: &mut dyn FnMut(&mut SqlWriter<'q, D>));
    /// Writes its own argument.
    fn render_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

/// An aggregate of the rows `predicate` keeps: `count(x) FILTER (WHERE p)`.
#[derive(Debug, Clone, Copy)]
pub struct Filtered<A, P> {
    aggregate: A,
    predicate: P,
}

impl<A, P> Filtered<A, P> {
    pub(super) fn new(aggregate: A, predicate: P) -> Self {
        Filtered { aggregate, predicate }
    }
}

/// The `.filter(predicate)` method of an aggregate.
macro_rules! filter_method {
    ([$($gen:tt)*] $ty:ty) => {
        impl<$($gen)*> $ty {
            /// Aggregates only the rows `predicate` keeps: `… FILTER (WHERE predicate)` on
            /// PostgreSQL and SQLite, a CASE inside the aggregate on MySQL. The predicate is
            /// computed per row, as a WHERE is.
            pub fn filter<P>(self, predicate: P) -> $crate::expr::aggregate::Filtered<Self, P>
            where
                P: Expression<SqlType: SameType<Bool>> + RowLevel,
            {
                $crate::expr::aggregate::Filtered::new(self, predicate)
            }
        }
    };
}
filter_method!([F, E] super::Aggregate<F, E>);
filter_method!([] super::CountStar);
filter_method!([K, E, O] super::Collect<K, E, O>);

impl<A: Expression, P> Expression for Filtered<A, P> {
    type SqlType = A::SqlType;
    type Nullability = A::Nullability;
    type Value = A::Value;
}

impl<A: AppearsIn<S, I>, P: AppearsIn<S, J>, S, I, J> AppearsIn<S, (I, J)> for Filtered<A, P> {
    type ScopedNullability = A::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::Yes;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

/// An aggregate whose FILTER dialect `D` can write: every one where FILTER exists, and
/// on MySQL those that skip NULLs, as the CASE standing in for FILTER makes NULLs of
/// the rows left out (`JSON_ARRAYAGG` keeps them).
#[diagnostic::on_unimplemented(
    message = "{D} cannot filter this aggregate",
    label = "MySQL has no FILTER, and this aggregate keeps the NULLs that stand in for it",
    note = "choose the rows in the query's `.filter(..)` instead"
)]
pub trait FilterableOn<D> {}

impl<F, E, D> FilterableOn<D> for super::Aggregate<F, E> {}
impl<D> FilterableOn<D> for super::CountStar {}
impl<E, O, D> FilterableOn<D> for super::Collect<super::StringAgg, E, O> {}
impl<E, O> FilterableOn<crate::dialect::Pg> for super::Collect<super::ArrayAgg, E, O> {}
#[cfg(feature = "json")]
impl<E, O> FilterableOn<crate::dialect::Pg> for super::Collect<super::JsonAgg, E, O> {}
#[cfg(feature = "json")]
impl<E, O> FilterableOn<crate::dialect::Sqlite> for super::Collect<super::JsonAgg, E, O> {}

impl<A: AggregateCall<D> + RenderSql<D> + FilterableOn<D>, P: RenderSql<D>, D: Dialect> RenderSql<D>
    for Filtered<A, P>
{
    const TYPE_SHAPED: bool = <A as RenderSql<D>>::TYPE_SHAPED && P::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if D::KIND == DialectKind::MySql {
            self.aggregate.render_call(out, &mut |out| {
                out.push_sql("CASE WHEN ");
                self.predicate.render(out);
                out.push_sql(" THEN ");
                if A::STAR {
                    out.push_sql("1");
                } else {
                    self.aggregate.render_argument(out);
                }
                out.push_sql(" END");
            });
        } else {
            self.aggregate.render(out);
            out.push_sql(" FILTER (WHERE ");
            self.predicate.render(out);
            out.push_sql(")");
        }
    }
}
impl_into_expression!([A, P] Filtered<A, P>);
