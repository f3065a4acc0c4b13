//! Correlated subqueries: a subquery that reads a table of the query enclosing it.
//!
//! `select(posts::id).from(posts::table).correlated(users::table)` may read `users` in its
//! clauses, though its FROM clause does not name it; used as a value (`exists(..)`,
//! `.scalar()`, `.in_subquery(..)`), it is then in scope only where `users` is.

use super::select::Select;
use super::subquery::SubquerySource;
use crate::render::SqlWriter;
use crate::schema::{Here, InLeft, InRight, Join, Narrowed, Position, QuerySource, Table, TableIn};
use crate::types::{NotNull, Nullability};
use std::marker::PhantomData;

/// Source `Src` that may also read table `Outer` of the enclosing query. Renders as `Src`.
#[derive(Debug)]
pub struct Correlated<Src, Outer> {
    source: Src,
    outer: PhantomData<Outer>,
}

impl<Src: Clone, Outer> Clone for Correlated<Src, Outer> {
    fn clone(&self) -> Self {
        Correlated {
            source: self.source.clone(),
            outer: PhantomData,
        }
    }
}
impl<Src: Copy, Outer> Copy for Correlated<Src, Outer> {}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// Lets this query, used as a subquery, read `table` of the query around it: a
    /// correlated subquery. Call it before the clauses that read `table`; call it again
    /// for another table.
    pub fn correlated<T: Table>(self, _table: T) -> Select<Correlated<Src, T>, Sel, W, G, H, O, Dis> {
        self.map_source(|source| Correlated {
            source,
            outer: PhantomData,
        })
    }
}

impl<Src: QuerySource, T: Table<Dialect = Src::Dialect>> QuerySource for Correlated<Src, T> {
    type Dialect = Src::Dialect;
    const TYPE_SHAPED: bool = Src::TYPE_SHAPED;

    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        self.source.render_source(out);
    }
}

impl<T: TableIn<Src, I>, Src, Outer, I> TableIn<Correlated<Src, Outer>, InLeft<I>> for T {
    type Nullability = T::Nullability;
    type ColumnNullability<CI: Position, N: Nullability> = T::ColumnNullability<CI, N>;
}

impl<T: Table, Src> TableIn<Correlated<Src, T>, InRight<Here>> for T {
    type Nullability = NotNull;
    type ColumnNullability<CI: Position, N: Nullability> = N;
}

/// Proof that the outer tables a subquery reads (see
/// [`correlated`](Select::correlated)) are in scope `S` of the query it is used in.
#[diagnostic::on_unimplemented(
    message = "this subquery reads a table of an enclosing query that does not have it",
    label = "a table named in `.correlated(..)` is not in `{S}`",
    note = "a correlated subquery runs inside a query that reads its outer tables: join them there, \
            or drop them from `.correlated(..)`"
)]
pub trait OuterIn<S, I> {}

impl<Src: OuterIn<S, I>, Sel, W, G, H, O, Dis, S, I> OuterIn<S, I> for Select<Src, Sel, W, G, H, O, Dis> {}

impl<L: OuterIn<S, I>, R: OuterIn<S, J>, O, S, I, J> OuterIn<S, (I, J)> for super::Compound<L, R, O> {}

impl<T: Table, S> OuterIn<S, ()> for T {}
impl<L: OuterIn<S, I>, R, K, On, S, I> OuterIn<S, I> for Join<L, R, K, On> {}
impl<Q, A, S> OuterIn<S, ()> for SubquerySource<Q, A> {}
impl<Q, A, S> OuterIn<S, ()> for super::CteSource<Q, A> {}
impl<Src: OuterIn<S, I>, L, S, I> OuterIn<S, I> for Narrowed<Src, L> {}
impl<Src: OuterIn<S, I>, T: TableIn<S, IT>, S, I, IT> OuterIn<S, (I, IT)> for Correlated<Src, T> {}
