//! Which tables a query reads from, proven at the type level, and how joins make them nullable.
//!
//! A FROM clause is a table or a left-deep [`Join`]. [`TableIn<S, I>`] proves that a table
//! is part of source `S`; the index `I` ([`Here`], [`InLeft`], [`InRight`]) is the path to
//! it, found by inference, which keeps the impls disjoint without specialization.

use super::narrow::Position;
use super::Table;
use crate::dialect::Dialect;
use crate::render::SqlWriter;
use crate::types::{NotNull, Null, Nullability};
use std::marker::PhantomData;

/// Proof that table `Self` is part of the FROM clause `S`.
///
/// [`TableIn::Nullability`] says whether the outer joins of `S` can turn its columns NULL.
#[diagnostic::on_unimplemented(
    message = "table `{Self}` is not in scope of this query",
    label = "this uses `{Self}`, which the query does not read from",
    note = "a SELECT reads the tables of its FROM clause and joins: add it with `.inner_join({Self}, on)` \
            or `.left_join({Self}, on)`; UPDATE and DELETE read only their own table: test another \
            with `exists(..)` or `.in_subquery(..)`"
)]
pub trait TableIn<S, I> {
    /// [`Null`] when the table sits on the nullable side of an outer join.
    type Nullability: Nullability;
    /// The nullability in `S` of the table's column at chain position `CI` whose own is
    /// `N`: `N`, made NULL by outer joins, made NOT NULL by what a WHERE or ON proves
    /// (see [`Narrowed`](super::Narrowed)).
    type ColumnNullability<CI: Position, N: Nullability>: Nullability;
}

/// The source of what reads no table, such as an INSERT's VALUES: no table is in it,
/// so a value there that reads a column does not compile.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoTables;

/// Index: the source is the table itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct Here;
/// Index: the table is in the left side of a join, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct InLeft<I>(PhantomData<I>);
/// Index: the table is in the right side of a join, at `I`.
#[derive(Debug, Clone, Copy, Default)]
pub struct InRight<I>(PhantomData<I>);

impl<T: Table> TableIn<T, Here> for T {
    type Nullability = NotNull;
    type ColumnNullability<CI: Position, N: Nullability> = N;
}

impl<T, L, R, K: JoinKind, On, I> TableIn<Join<L, R, K, On>, InLeft<I>> for T
where
    T: TableIn<L, I>,
{
    type Nullability = <<T as TableIn<L, I>>::Nullability as Nullability>::Or<K::LeftNullability>;
    type ColumnNullability<CI: Position, N: Nullability> =
        <<T as TableIn<L, I>>::ColumnNullability<CI, N> as Nullability>::Or<K::LeftNullability>;
}

impl<T, L, R, K: JoinKind, On, I> TableIn<Join<L, R, K, On>, InRight<I>> for T
where
    T: TableIn<R, I>,
{
    type Nullability = <<T as TableIn<R, I>>::Nullability as Nullability>::Or<K::RightNullability>;
    type ColumnNullability<CI: Position, N: Nullability> =
        <<T as TableIn<R, I>>::ColumnNullability<CI, N> as Nullability>::Or<K::RightNullability>;
}

/// A join of source `L` with table `R`, of kind `K`, on condition `On`.
#[derive(Debug)]
pub struct Join<L, R, K, On> {
    pub(crate) left: L,
    pub(crate) right: R,
    pub(crate) on: On,
    pub(crate) kind: PhantomData<K>,
}

impl<L: Clone, R: Clone, K, On: Clone> Clone for Join<L, R, K, On> {
    fn clone(&self) -> Self {
        Join {
            left: self.left.clone(),
            right: self.right.clone(),
            on: self.on.clone(),
            kind: PhantomData,
        }
    }
}

impl<L: Copy, R: Copy, K, On: Copy> Copy for Join<L, R, K, On> {}

/// A kind of join, and which of its sides it can turn NULL.
pub trait JoinKind: crate::private::Sealed + 'static {
    /// The SQL keywords.
    const SQL: &'static str;
    /// [`Null`] when rows of the left side may have no match (right and full joins).
    type LeftNullability: Nullability;
    /// [`Null`] when rows of the right side may have no match (left and full joins).
    type RightNullability: Nullability;
}

macro_rules! join_kinds {
    ($( $(#[$doc:meta])* $name:ident => $sql:literal, $left:ty, $right:ty; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl crate::private::Sealed for $name {}
        impl JoinKind for $name {
            const SQL: &'static str = $sql;
            type LeftNullability = $left;
            type RightNullability = $right;
        }
    )*};
}

join_kinds! {
    /// `INNER JOIN`: both sides keep their nullability.
    Inner => " INNER JOIN ", NotNull, NotNull;
    /// `LEFT JOIN`: the right side may be NULL.
    Left => " LEFT JOIN ", NotNull, Null;
    /// `RIGHT JOIN`: the left side may be NULL.
    Right => " RIGHT JOIN ", Null, NotNull;
    /// `FULL JOIN`: both sides may be NULL.
    Full => " FULL JOIN ", Null, Null;
    /// `CROSS JOIN`: every pair; no side may be NULL.
    Cross => " CROSS JOIN ", NotNull, NotNull;
    /// `INNER JOIN LATERAL`: an inner join to a subquery that reads the rows before it.
    InnerLateral => " INNER JOIN LATERAL ", NotNull, NotNull;
    /// `LEFT JOIN LATERAL`: a left join to a subquery that reads the rows before it.
    LeftLateral => " LEFT JOIN LATERAL ", NotNull, Null;
    /// `CROSS JOIN LATERAL`: each row with every row of a subquery that reads it.
    CrossLateral => " CROSS JOIN LATERAL ", NotNull, NotNull;
}

/// Something a query can read from: a table or a join.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from",
    label = "expected a table or a join",
    note = "pass a table's type, such as `users::table`"
)]
pub trait QuerySource {
    /// The dialect of the tables read.
    type Dialect: Dialect;
    /// Whether the source's text follows from its type: see
    /// [`RenderSql::TYPE_SHAPED`](crate::render::RenderSql::TYPE_SHAPED).
    const TYPE_SHAPED: bool = false;

    /// Writes the FROM clause body: `"users"` or `"users" LEFT JOIN "posts" ON …`.
    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>);
}

impl<T: Table> QuerySource for T {
    type Dialect = T::Dialect;
    // Its names, and whether it is an alias, are constants of the table.
    const TYPE_SHAPED: bool = true;
    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        match T::ALIAS_OF {
            Some(real) => {
                out.push_table(T::SCHEMA, real);
                out.push_sql(" AS ");
                out.push_ident(T::NAME);
            }
            None => out.push_table(T::SCHEMA, T::NAME),
        }
    }
}
