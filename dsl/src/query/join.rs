//! Joins: inner, left, right, full and cross, each changing what the query can read.

use super::correlated::OuterIn;
use super::cte::CteSource;
use super::select::Select;
use super::statement::RowQuery;
use super::subquery::SubquerySource;
use crate::dialect::{SupportsFullJoin, SupportsLateral};
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{
    AliasName, Cross, CrossLateral, Full, Inner, InnerLateral, Join, JoinKind, Left, LeftLateral, NoTables, ProofList,
    QuerySource, Right, Table,
};
use crate::types::{Bool, SameType};
use std::marker::PhantomData;

impl<L, R, K, On> QuerySource for Join<L, R, K, On>
where
    L: QuerySource,
    R: QuerySource<Dialect = L::Dialect>,
    K: JoinKind,
    On: RenderSql<L::Dialect>,
{
    type Dialect = L::Dialect;
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && <R as QuerySource>::TYPE_SHAPED && On::TYPE_SHAPED;

    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        self.left.render_source(out);
        out.push_sql(K::SQL);
        self.right.render_source(out);
        self.on.render(out);
    }
}

/// The ON part of a join; a cross join has none.
#[derive(Debug, Clone, Copy)]
pub struct On<P>(P);

/// No ON condition (cross joins).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoOn;

impl<P: RenderSql<D>, D: crate::dialect::Dialect> RenderSql<D> for On<P> {
    const TYPE_SHAPED: bool = P::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" ON ");
        self.0.render(out);
    }
}

impl<D: crate::dialect::Dialect> RenderSql<D> for NoOn {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

fn join<L, R, K, P>(left: L, right: R, on: P) -> Join<L, R, K, P> {
    Join {
        left,
        right,
        on,
        kind: PhantomData,
    }
}

/// What can join a query of dialect `D`: a table of the same dialect, a subquery
/// (`query.aliased(Name)`, a derived table) or a common table expression's source.
#[diagnostic::on_unimplemented(
    message = "this cannot be joined to a {D} query",
    label = "not a table, subquery or named query of this database that stands on its own",
    note = "join a table, a subquery (`.aliased(Name)`) or a named query's `.source()`; a subquery that reads \
            the query's tables (`.correlated(..)`) runs per row: join it with `.inner_join_lateral(..)` \
            (PostgreSQL), or select it as a value with `.scalar()`"
)]
pub trait JoinsInto<D, I> {}

impl<T: Table, D> JoinsInto<D, ()> for T where T::Dialect: DialectIs<D> {}

/// A derived table joins as a table does; one that reads the query's own tables
/// (`.correlated(..)`) needs a lateral join.
#[diagnostic::do_not_recommend]
impl<Q: RowQuery + OuterIn<NoTables, I>, A, D, I> JoinsInto<D, I> for SubquerySource<Q, A> where Q::Dialect: DialectIs<D>
{}

#[diagnostic::do_not_recommend]
impl<Q: RowQuery, A, D> JoinsInto<D, ()> for CteSource<Q, A> where Q::Dialect: DialectIs<D> {}

/// The dialect of a joined table is the query's.
#[diagnostic::on_unimplemented(
    message = "a {Self} table cannot join a {D} query",
    label = "a table of another database",
    note = "a query reads the tables of one database: join a table declared `in {D}`"
)]
pub trait DialectIs<D> {}

impl<D: crate::dialect::Dialect> DialectIs<D> for D {}

macro_rules! join_methods {
    ($( $(#[$doc:meta])* $method:ident => $kind:ty; )*) => {
        #[allow(clippy::type_complexity)]
        impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {$(
            $(#[$doc])*
            pub fn $method<T, P, I, J>(self, table: T, on: P) -> Select<Join<Src, T, $kind, On<P>>, Sel, W, G, H, O, Dis>
            where
                T: QuerySource + JoinsInto<Src::Dialect, J>,
                P: AppearsIn<Join<Src, T, $kind, On<P>>, I, SqlType: SameType<Bool>> + RenderSql<Src::Dialect> + crate::expr::RowLevel,
            {
                self.map_source(|source| join(source, table, On(on)))
            }
        )*}
    };
}

#[allow(clippy::type_complexity)]
impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// `INNER JOIN table ON on`. A row is kept only where `on` is TRUE, so the columns it
    /// proves not NULL (those `=` compares, for one) decode as plain values.
    pub fn inner_join<T, P, I, J>(
        self,
        table: T,
        on: P,
    ) -> Select<<P::Proves as ProofList>::Narrow<Join<Src, T, Inner, On<P>>>, Sel, W, G, H, O, Dis>
    where
        T: QuerySource + JoinsInto<Src::Dialect, J>,
        P: AppearsIn<Join<Src, T, Inner, On<P>>, I, SqlType: SameType<Bool>>
            + RenderSql<Src::Dialect>
            + crate::expr::RowLevel,
    {
        self.map_source(|source| P::Proves::narrow(join(source, table, On(on))))
    }
}

join_methods! {
    /// `LEFT JOIN table ON on`: the joined table's columns decode to `Option`s.
    left_join => Left;
    /// `RIGHT JOIN table ON on`: the columns of the tables joined so far decode to `Option`s.
    right_join => Right;
}

// A join's return type spells out every clause of the select it extends; an alias
// would only rename the same eight parameters.
#[allow(clippy::type_complexity)]
impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// `FULL JOIN table ON on`: every column decodes to an `Option`. Not on MySQL. (Written
    /// out rather than by `join_methods!`, so that its dialect error stays short.)
    pub fn full_join<T, P, I, J>(self, table: T, on: P) -> Select<Join<Src, T, Full, On<P>>, Sel, W, G, H, O, Dis>
    where
        Src::Dialect: SupportsFullJoin,
        T: QuerySource + JoinsInto<Src::Dialect, J>,
        P: AppearsIn<Join<Src, T, Full, On<P>>, I, SqlType: SameType<Bool>>
            + RenderSql<Src::Dialect>
            + crate::expr::RowLevel,
    {
        self.map_source(|source| join(source, table, On(on)))
    }

    /// `CROSS JOIN table`: every pair of rows.
    pub fn cross_join<T, J>(self, table: T) -> Select<Join<Src, T, Cross, NoOn>, Sel, W, G, H, O, Dis>
    where
        T: QuerySource + JoinsInto<Src::Dialect, J>,
    {
        self.map_source(|source| join(source, table, NoOn))
    }
}

// As the other joins, a lateral join's return type spells out the select it extends.
#[allow(clippy::type_complexity)]
impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// `INNER JOIN LATERAL (subquery) AS "a" ON on` (PostgreSQL): the subquery may read
    /// the tables joined before it (`select(..).from(posts::table).correlated(users::table)
    /// .filter(..).limit(3).aliased(Name)`), so it runs once per row: "the top three posts
    /// of each user".
    pub fn inner_join_lateral<Q, A, P, I, J>(
        self,
        subquery: SubquerySource<Q, A>,
        on: P,
    ) -> Select<Join<Src, SubquerySource<Q, A>, InnerLateral, On<P>>, Sel, W, G, H, O, Dis>
    where
        Src::Dialect: SupportsLateral,
        Q: RowQuery<Dialect = Src::Dialect> + OuterIn<Src, J> + RenderSql<Src::Dialect>,
        A: AliasName,
        P: AppearsIn<Join<Src, SubquerySource<Q, A>, InnerLateral, On<P>>, I, SqlType: SameType<Bool>>
            + RenderSql<Src::Dialect>
            + crate::expr::RowLevel,
    {
        self.map_source(|source| join(source, subquery, On(on)))
    }

    /// `LEFT JOIN LATERAL (subquery) AS "a" ON on` (PostgreSQL): as
    /// [`inner_join_lateral`](Self::inner_join_lateral), keeping the rows for which the
    /// subquery finds nothing; its fields decode to `Option`s.
    pub fn left_join_lateral<Q, A, P, I, J>(
        self,
        subquery: SubquerySource<Q, A>,
        on: P,
    ) -> Select<Join<Src, SubquerySource<Q, A>, LeftLateral, On<P>>, Sel, W, G, H, O, Dis>
    where
        Src::Dialect: SupportsLateral,
        Q: RowQuery<Dialect = Src::Dialect> + OuterIn<Src, J> + RenderSql<Src::Dialect>,
        A: AliasName,
        P: AppearsIn<Join<Src, SubquerySource<Q, A>, LeftLateral, On<P>>, I, SqlType: SameType<Bool>>
            + RenderSql<Src::Dialect>
            + crate::expr::RowLevel,
    {
        self.map_source(|source| join(source, subquery, On(on)))
    }

    /// `CROSS JOIN LATERAL (subquery) AS "a"` (PostgreSQL): each row with every row its
    /// subquery finds for it.
    pub fn cross_join_lateral<Q, A, J>(
        self,
        subquery: SubquerySource<Q, A>,
    ) -> Select<Join<Src, SubquerySource<Q, A>, CrossLateral, NoOn>, Sel, W, G, H, O, Dis>
    where
        Src::Dialect: SupportsLateral,
        Q: RowQuery<Dialect = Src::Dialect> + OuterIn<Src, J> + RenderSql<Src::Dialect>,
        A: AliasName,
    {
        self.map_source(|source| join(source, subquery, NoOn))
    }
}
