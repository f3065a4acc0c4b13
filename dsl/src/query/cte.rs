//! Common table expressions: `WITH name AS (query) statement`, `WITH RECURSIVE`, and on
//! PostgreSQL the data-modifying `WITH moved AS (DELETE … RETURNING …) INSERT …`.

use super::clause::WhereChosen;
use super::select::Select;
use super::set_operation::{Compound, RowsMatch, SetOperator};
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use super::subquery::{Field, SelectedBy};
use crate::access::{Reads, Writes};
use crate::dialect::{Dialect, Pg, Sqlite};
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{AliasName, Column, Here, Position, QuerySource, TableIn};
use crate::types::{NotNull, Nullability};
use std::marker::PhantomData;

/// A named query for a WITH clause: `"name" AS (query)`. Read it in the statement with
/// [`source`](Cte::source) (the FROM source `"name"`) and [`field`](Cte::field).
#[derive(Debug, Clone, Copy)]
pub struct Cte<Q, A> {
    query: Q,
    recursive: bool,
    alias: PhantomData<A>,
}

/// A common table expression as a FROM source: `FROM "name"`. Its columns are the
/// query's selected columns, read with [`field`](CteSource::field).
#[derive(Debug)]
pub struct CteSource<Q, A>(PhantomData<(Q, A)>);

impl<Q, A> Clone for CteSource<Q, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Q, A> Copy for CteSource<Q, A> {}

/// Names `query` `A` for a WITH clause: `WITH "a" AS (query) …`. The query is a select,
/// a set operation, or on PostgreSQL an INSERT, UPDATE or DELETE with RETURNING.
pub fn cte<A: AliasName, Q, I>(_alias: A, query: Q) -> Cte<Q, A>
where
    Q: RowQuery + ScopeChecked<I>,
    Q::Filter: WhereChosen,
    Q::Access: CteAccess<Q::Dialect>,
{
    Cte {
        query,
        recursive: false,
        alias: PhantomData,
    }
}

/// A recursive common table expression: `anchor UNION ALL recursive`, where the recursive
/// part reads the rows found so far from the source `recursive` is handed. The two parts
/// must return the same rows (as many columns, of the same types and nullability). A
/// statement with one is written `WITH RECURSIVE`.
pub fn recursive_cte<A: AliasName, Q, R, F, I, J>(alias: A, anchor: Q, recursive: F) -> Cte<Compound<Q, R>, A>
where
    F: FnOnce(CteSource<Q, A>) -> R,
    Q: RowQuery + ScopeChecked<I> + RowsMatch<R, J>,
    Q::Access: CteAccess<Q::Dialect>,
{
    let _ = alias;
    let recursive = recursive(CteSource(PhantomData));
    Cte {
        query: Compound::new(anchor, SetOperator::UnionAll, recursive),
        recursive: true,
        alias: PhantomData,
    }
}

impl<Q, R, A> Cte<Compound<Q, R>, A> {
    /// Joins the recursive part with UNION instead of UNION ALL: a row found before is
    /// not added again, so a walk around a cycle of a graph ends.
    pub fn union_distinct(mut self) -> Self {
        self.query.set_operator(SetOperator::Union);
        self
    }
}

impl<Q: RowQuery, A: AliasName> Cte<Q, A> {
    /// The common table expression as a FROM source: `select(..).from(cte.source())`.
    pub fn source(&self) -> CteSource<Q, A> {
        CteSource(PhantomData)
    }

    /// Its column `column` (one its query selects), as the statement reads it:
    /// `"a"."column"`, as nullable as it is in the query.
    #[allow(clippy::type_complexity)]
    pub fn field<C, I, J>(
        &self,
        column: C,
    ) -> Field<CteSource<Q, A>, C, <C as AppearsIn<Q::Source, J>>::ScopedNullability>
    where
        C: Column + SelectedBy<Q::Selection, I> + AppearsIn<Q::Source, J>,
    {
        self.source().field(column)
    }
}

impl<Q: RowQuery, A: AliasName> CteSource<Q, A> {
    /// Its column `column` (one its query selects): `"a"."column"`.
    pub fn field<C, I, J>(&self, _column: C) -> Field<Self, C, <C as AppearsIn<Q::Source, J>>::ScopedNullability>
    where
        C: Column + SelectedBy<Q::Selection, I> + AppearsIn<Q::Source, J>,
    {
        Field::new()
    }
}

impl<Q, A> TableIn<CteSource<Q, A>, Here> for CteSource<Q, A> {
    type Nullability = NotNull;
    type ColumnNullability<CI: Position, N: Nullability> = N;
}

impl<Q: RowQuery, A: AliasName> QuerySource for CteSource<Q, A> {
    type Dialect = Q::Dialect;
    const TYPE_SHAPED: bool = true;

    fn render_source<'q>(&'q self, out: &mut SqlWriter<'q, Self::Dialect>) {
        out.push_ident(A::NAME);
    }
}

impl<Q, A: AliasName, C: Column, N, D: Dialect> RenderSql<D> for Field<CteSource<Q, A>, C, N> {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(A::NAME, C::NAME);
    }
}

/// Whether a query of access `Self` may be a common table expression on dialect `D`:
/// a read anywhere, a write (with RETURNING) on PostgreSQL only.
#[diagnostic::on_unimplemented(
    message = "only PostgreSQL runs an INSERT, UPDATE or DELETE inside WITH",
    label = "a data-modifying common table expression on {D}",
    note = "run the write as a statement of its own first, in the same transaction"
)]
pub trait CteAccess<D> {}

impl<D> CteAccess<D> for Reads {}
impl CteAccess<Pg> for Writes {}

/// One common table expression or a tuple of them, for [`with`].
pub trait CteList<D: Dialect> {
    /// [`Writes`] when one of them writes.
    type Access: crate::access::Access;
    /// Whether one of them is recursive.
    fn recursive(&self) -> bool;
    /// Writes `"a" AS (query)`, separated by commas.
    fn render_definitions<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<Q: RowQuery<Dialect = D> + RenderSql<D>, A: AliasName, D: Dialect> CteList<D> for Cte<Q, A>
where
    Q::Access: crate::access::Access,
{
    type Access = Q::Access;

    fn recursive(&self) -> bool {
        self.recursive
    }

    fn render_definitions<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_ident(A::NAME);
        out.push_sql(" AS (");
        self.query.render(out);
        out.push_sql(")");
    }
}

/// The access of two parts together: a write if either writes.
pub trait AccessOr<B> {
    /// [`Reads`] when both read, else [`Writes`].
    type Output: crate::access::Access;
}
impl AccessOr<Reads> for Reads {
    type Output = Reads;
}
impl AccessOr<Writes> for Reads {
    type Output = Writes;
}
impl<B> AccessOr<B> for Writes {
    type Output = Writes;
}

macro_rules! tuple_cte_lists {
    ($($name:ident $idx:ident $i:tt),+) => {
        impl<$($name: CteList<D>,)+ D: Dialect> CteList<D> for ($($name,)+)
        where
            ($($name::Access,)+): AnyWrites,
        {
            type Access = <($($name::Access,)+) as AnyWrites>::Access;

            fn recursive(&self) -> bool {
                false $(|| self.$i.recursive())+
            }

            fn render_definitions<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_definitions(out);
                )+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_cte_lists);

/// A tuple of accesses: [`Writes`] when one of them is.
pub trait AnyWrites {
    /// The access of them all.
    type Access: crate::access::Access;
}

impl AnyWrites for () {
    type Access = Reads;
}

impl<T: super::TupleSplit<Head: AccessOr<<T::Tail as AnyWrites>::Access>, Tail: AnyWrites>> AnyWrites for T {
    type Access = <T::Head as AccessOr<<T::Tail as AnyWrites>::Access>>::Output;
}

/// A statement with common table expressions before it: `WITH "a" AS (…) statement`.
/// It runs as the statement does, reading what its rows read.
#[derive(Debug, Clone, Copy)]
#[must_use = "a statement does nothing until a terminal method such as `.all(&db)` or `.execute(&db)`"]
pub struct With<C, S> {
    ctes: C,
    statement: S,
}

/// `WITH ctes statement`: the statement (a select, a set operation, or on PostgreSQL and
/// SQLite an INSERT, UPDATE or DELETE) reads each common table expression of `ctes` (one
/// or a tuple) by its [`source`](Cte::source). A later one may read an earlier one.
pub fn with<C, S>(ctes: C, statement: S) -> With<C, S>
where
    S: Statement + LeadsWith<S::Dialect>,
    C: CteList<S::Dialect>,
{
    With { ctes, statement }
}

/// A statement a WITH clause may stand before on dialect `D`.
#[diagnostic::on_unimplemented(
    message = "{D} has WITH before a SELECT only",
    label = "an INSERT, UPDATE or DELETE after WITH",
    note = "MariaDB reads WITH only before a SELECT: for INSERT … SELECT, put the WITH in the select \
            (`insert(t).select(columns, with(ctes, select(..)))`)"
)]
pub trait LeadsWith<D> {}

impl<Src, Sel, W, G, H, O, Dis, D> LeadsWith<D> for Select<Src, Sel, W, G, H, O, Dis> {}
impl<L, R, O, D> LeadsWith<D> for Compound<L, R, O> {}
impl<Q, Of, D> LeadsWith<D> for super::Locked<Q, Of> {}

/// The writes WITH may stand before: on PostgreSQL and SQLite.
macro_rules! writes_lead_with {
    ($($dialect:ty),*) => {$(
        impl<T, V, Cf, R> LeadsWith<$dialect> for super::Insert<T, V, Cf, R> {}
        impl<T, S, W, R> LeadsWith<$dialect> for super::Update<T, S, W, R> {}
        impl<T, W, R> LeadsWith<$dialect> for super::Delete<T, W, R> {}
    )*};
}
writes_lead_with!(Pg, Sqlite);

impl<C, S, D> RenderSql<D> for With<C, S>
where
    D: Dialect,
    C: CteList<D>,
    S: RenderSql<D>,
{
    // Whether the WITH is recursive is recorded.
    const TYPE_SHAPED: bool = false;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let recursive = self.ctes.recursive();
        out.push_choice(u64::from(recursive));
        out.push_sql(if recursive { "WITH RECURSIVE " } else { "WITH " });
        self.ctes.render_definitions(out);
        out.push_sql(" ");
        self.statement.render(out);
    }
}

impl<C: CteList<S::Dialect>, S: Statement> Statement for With<C, S>
where
    C::Access: AccessOr<S::Access>,
{
    type Dialect = S::Dialect;
    type Filter = S::Filter;
    type Access = <C::Access as AccessOr<S::Access>>::Output;
}

impl<C: CteList<S::Dialect>, S: RowQuery> RowQuery for With<C, S>
where
    C::Access: AccessOr<S::Access>,
{
    type Source = S::Source;
    type Selection = S::Selection;
    type Decoded = S::Decoded;

    fn selection(&self) -> &Self::Selection {
        self.statement.selection()
    }
}

impl<C, S: ScopeChecked<I>, I> ScopeChecked<I> for With<C, S> {}

impl<C, S: ClausesAgree<J>, J> ClausesAgree<J> for With<C, S> {}
