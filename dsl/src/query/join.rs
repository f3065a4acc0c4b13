//! Joins: inner, left, right, full and cross, each changing what the query can read.

use super::select::Select;
use crate::dialect::SupportsFullJoin;
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Cross, Full, Inner, Join, JoinKind, Left, ProofList, QuerySource, Right, Table};
use crate::types::{Bool, SameType};
use std::marker::PhantomData;

impl<L, R, K, On> QuerySource for Join<L, R, K, On>
where
    L: QuerySource,
    R: Table<Dialect = L::Dialect>,
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

/// A table that can join a query of dialect `D`: one of the same dialect.
pub trait JoinsInto<D> {}

impl<T: Table, D> JoinsInto<D> for T where T::Dialect: DialectIs<D> {}

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
            pub fn $method<T, P, I>(self, table: T, on: P) -> Select<Join<Src, T, $kind, On<P>>, Sel, W, G, H, O, Dis>
            where
                T: Table + JoinsInto<Src::Dialect>,
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
    pub fn inner_join<T, P, I>(
        self,
        table: T,
        on: P,
    ) -> Select<<P::Proves as ProofList>::Narrow<Join<Src, T, Inner, On<P>>>, Sel, W, G, H, O, Dis>
    where
        T: Table + JoinsInto<Src::Dialect>,
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
    pub fn full_join<T, P, I>(self, table: T, on: P) -> Select<Join<Src, T, Full, On<P>>, Sel, W, G, H, O, Dis>
    where
        Src::Dialect: SupportsFullJoin,
        T: Table + JoinsInto<Src::Dialect>,
        P: AppearsIn<Join<Src, T, Full, On<P>>, I, SqlType: SameType<Bool>>
            + RenderSql<Src::Dialect>
            + crate::expr::RowLevel,
    {
        self.map_source(|source| join(source, table, On(on)))
    }

    /// `CROSS JOIN table`: every pair of rows.
    pub fn cross_join<T>(self, table: T) -> Select<Join<Src, T, Cross, NoOn>, Sel, W, G, H, O, Dis>
    where
        T: Table + JoinsInto<Src::Dialect>,
    {
        self.map_source(|source| join(source, table, NoOn))
    }
}
