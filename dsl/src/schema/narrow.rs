//! Narrowing: what a WHERE clause or an inner join's ON proves not NULL, at the type level.
//!
//! `.filter(users::email.is_not_null())` proves `email` present in every row the query
//! returns, so it decodes as `String`, not `Option<String>`. Each expression states what
//! it proves when it is TRUE ([`AppearsIn::Proves`](crate::expr::AppearsIn::Proves)), as
//! a [`ProofList`] of column positions; the query's source is then wrapped in
//! [`Narrowed`], through which [`TableIn`] reads a proven column as NOT NULL. A proof on
//! a NOT NULL column of an outer-joined table proves the whole joined row is there.
//!
//! Columns are compared by position, not by type: the path to their table in the FROM
//! clause (the index [`TableIn`] infers) and their place in the table's
//! [`Chain`](super::Chain) of columns. Both are types built of [`Here`], [`InLeft`] and
//! [`InRight`], which [`Position`] compares.

use super::scope::{Here, InLeft, InRight, QuerySource, TableIn};
use crate::render::SqlWriter;
use crate::types::{NotNull, Nullability};
use std::marker::PhantomData;

/// A type-level boolean: [`Yes`] or [`No`].
pub trait Truth {
    /// Either.
    type Or<T: Truth>: Truth;
    /// Both.
    type And<T: Truth>: Truth;
    /// `A` when true, `B` when false.
    type Choose<A: Nullability, B: Nullability>: Nullability;
    /// `T` when true, [`Yes`] when false.
    type Implies<T: Truth>: Truth;
}

/// True.
#[derive(Debug, Clone, Copy, Default)]
pub struct Yes;
/// False.
#[derive(Debug, Clone, Copy, Default)]
pub struct No;

impl Truth for Yes {
    type Or<T: Truth> = Yes;
    type And<T: Truth> = T;
    type Choose<A: Nullability, B: Nullability> = A;
    type Implies<T: Truth> = T;
}

impl Truth for No {
    type Or<T: Truth> = T;
    type And<T: Truth> = No;
    type Choose<A: Nullability, B: Nullability> = B;
    type Implies<T: Truth> = Yes;
}

/// A position built of [`Here`], [`InLeft`] and [`InRight`], compared with another at
/// the type level (each side asks the other what it is).
pub trait Position {
    /// [`Yes`] when `O` is the same position.
    type Equals<O: Position>: Truth;
    /// [`Yes`] for [`Here`].
    type IsHere: Truth;
    /// [`Yes`] for `InLeft<B>` where `B` equals `A`.
    type IsLeftOf<A: Position>: Truth;
    /// [`Yes`] for `InRight<B>` where `B` equals `A`.
    type IsRightOf<A: Position>: Truth;
}

impl Position for Here {
    type Equals<O: Position> = O::IsHere;
    type IsHere = Yes;
    type IsLeftOf<A: Position> = No;
    type IsRightOf<A: Position> = No;
}

impl<B: Position> Position for InLeft<B> {
    type Equals<O: Position> = O::IsLeftOf<B>;
    type IsHere = No;
    type IsLeftOf<A: Position> = A::Equals<B>;
    type IsRightOf<A: Position> = No;
}

impl<B: Position> Position for InRight<B> {
    type Equals<O: Position> = O::IsRightOf<B>;
    type IsHere = No;
    type IsLeftOf<A: Position> = No;
    type IsRightOf<A: Position> = A::Equals<B>;
}

/// Proof that the column at chain position `CI` of the table at path `I` is not NULL;
/// `N` is the column's own nullability (a NOT NULL column proves its row is there).
#[derive(Debug)]
pub struct Proof<I, CI, N>(PhantomData<(I, CI, N)>);

/// The empty [`ProofList`]: nothing is proven.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nil;

/// A [`ProofList`]: proof `P`, then the rest.
#[derive(Debug)]
pub struct Cons<P, Rest>(PhantomData<(P, Rest)>);

/// The columns an expression proves not NULL when it is TRUE.
pub trait ProofList {
    /// Both lists.
    type Append<O: ProofList>: ProofList;
    /// Source `S` as narrowed by these proofs: `S` itself when there are none, so that
    /// queries which narrow nothing keep their plain types.
    type Narrow<S>;
    /// [`Yes`] when a proof names the column at chain position `CI` of the table at `I`.
    type ColumnProven<I: Position, CI: Position>: Truth;
    /// [`Yes`] when a proof names a NOT NULL column of the table at `I`: its row is there.
    type RowProven<I: Position>: Truth;
    /// Wraps the source.
    fn narrow<S>(source: S) -> Self::Narrow<S>;
}

impl ProofList for Nil {
    type Append<O: ProofList> = O;
    type Narrow<S> = S;
    type ColumnProven<I: Position, CI: Position> = No;
    type RowProven<I: Position> = No;
    fn narrow<S>(source: S) -> S {
        source
    }
}

impl<PI: Position, PCI: Position, PN: Nullability, Rest: ProofList> ProofList for Cons<Proof<PI, PCI, PN>, Rest> {
    type Append<O: ProofList> = Cons<Proof<PI, PCI, PN>, Rest::Append<O>>;
    type Narrow<S> = Narrowed<S, Self>;
    type ColumnProven<I: Position, CI: Position> =
        <<PI::Equals<I> as Truth>::And<PCI::Equals<CI>> as Truth>::Or<Rest::ColumnProven<I, CI>>;
    type RowProven<I: Position> = <<PI::Equals<I> as Truth>::And<PN::IsNotNull> as Truth>::Or<Rest::RowProven<I>>;
    fn narrow<S>(source: S) -> Narrowed<S, Self> {
        Narrowed {
            source,
            proofs: PhantomData,
        }
    }
}

/// Source `S` in which the columns `L` names are known not to be NULL. Renders as `S`.
#[derive(Debug)]
pub struct Narrowed<S, L> {
    pub(crate) source: S,
    proofs: PhantomData<L>,
}

impl<S: Clone, L> Clone for Narrowed<S, L> {
    fn clone(&self) -> Self {
        Narrowed {
            source: self.source.clone(),
            proofs: PhantomData,
        }
    }
}
impl<S: Copy, L> Copy for Narrowed<S, L> {}

impl<S: QuerySource, L> QuerySource for Narrowed<S, L> {
    type Dialect = S::Dialect;
    const TYPE_SHAPED: bool = S::TYPE_SHAPED;

    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        self.source.render_source(out);
    }
}

impl<T, S, L, I> TableIn<Narrowed<S, L>, I> for T
where
    T: TableIn<S, I>,
    L: ProofList,
    I: Position,
{
    type Nullability = <L::RowProven<I> as Truth>::Choose<NotNull, <T as TableIn<S, I>>::Nullability>;
    type ColumnNullability<CI: Position, N: Nullability> = <L::ColumnProven<I, CI> as Truth>::Choose<
        NotNull,
        <L::RowProven<I> as Truth>::Choose<N, <T as TableIn<S, I>>::ColumnNullability<CI, N>>,
    >;
}

/// Proof that column `C` is in the column chain `Self`, at position `CI`.
#[diagnostic::on_unimplemented(
    message = "column `{C}` is not among its table's columns",
    label = "the table's `AllColumns` does not list it",
    note = "a table written by hand lists every column in `type AllColumns`"
)]
pub trait ChainHas<C, CI> {}

impl<C, Tail, K> ChainHas<C, Here> for super::Chain<C, Tail, K> {}
impl<C, Head, Tail: ChainHas<C, CI>, K, CI> ChainHas<C, InRight<CI>> for super::Chain<Head, Tail, K> {}

/// A table's columns as a [`Chain`](super::Chain), read for its primary key.
pub trait KeyChain {
    /// [`Yes`] when a column is marked as (part of) the primary key.
    type HasKey: Truth;
    /// [`Yes`] when every key column, the first at chain position `P` of the table at
    /// path `I`, is among the keys `G` groups by.
    type KeyGrouped<G: GroupKeys, I: Position, P: Position>: Truth;
}

impl KeyChain for super::End {
    type HasKey = No;
    type KeyGrouped<G: GroupKeys, I: Position, P: Position> = Yes;
}

impl<H, T: KeyChain, K: Truth> KeyChain for super::Chain<H, T, K> {
    type HasKey = K::Or<T::HasKey>;
    type KeyGrouped<G: GroupKeys, I: Position, P: Position> =
        <K::Implies<G::Covers<I, P>> as Truth>::And<T::KeyGrouped<G, I, InRight<P>>>;
}

/// What a GROUP BY list groups by, for the check that a grouped select reads no other
/// column outside an aggregate: [`ColumnKey`]s, [`ExprKey`]s, and tuples of them.
pub trait GroupKeys {
    /// [`Yes`] when the column at chain position `CI` of the table at path `I` is grouped.
    type Covers<I: Position, CI: Position>: Truth;
}

/// Grouping by the column at chain position `CI` of the table at path `I`.
#[derive(Debug)]
pub struct ColumnKey<I, CI>(PhantomData<(I, CI)>);

/// Grouping by an expression other than a column: mizzle cannot tell which columns it
/// fixes, so it leaves the check of that query to the database.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExprKey;

impl<KI: Position, KCI: Position> GroupKeys for ColumnKey<KI, KCI> {
    type Covers<I: Position, CI: Position> = <KI::Equals<I> as Truth>::And<KCI::Equals<CI>>;
}

impl GroupKeys for ExprKey {
    type Covers<I: Position, CI: Position> = Yes;
}

impl GroupKeys for () {
    type Covers<I: Position, CI: Position> = No;
}

impl<T: crate::query::TupleSplit<Head: GroupKeys, Tail: GroupKeys>> GroupKeys for T {
    type Covers<I: Position, CI: Position> =
        <<T::Head as GroupKeys>::Covers<I, CI> as Truth>::Or<<T::Tail as GroupKeys>::Covers<I, CI>>;
}

/// A tuple of [`Truth`]s, folded.
pub trait Truths {
    /// [`Yes`] when one is.
    type Any: Truth;
    /// [`Yes`] when all are.
    type All: Truth;
}

impl Truths for () {
    type Any = No;
    type All = Yes;
}

impl<T: crate::query::TupleSplit<Head: Truth, Tail: Truths>> Truths for T {
    type Any = <T::Head as Truth>::Or<<T::Tail as Truths>::Any>;
    type All = <T::Head as Truth>::And<<T::Tail as Truths>::All>;
}
