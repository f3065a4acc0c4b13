//! [`find_many`] and [`find_first`]: a table's rows with the relations `.with(..)` loads,
//! in one statement.

use super::nested::Nested;
use super::shape::{AllColumns, ColumnsOf, Omitted, PickOf, Picked, Shape, Without};
use super::tree::{render_key, Children, IntoWith, Loadable, Push};
use crate::access::Reads;
use crate::dialect::Dialect;
use crate::error::Error;
use crate::exec::{Executor, MapRows};
use crate::expr::{AppearsIn, OrderTerm};
use crate::query::{
    AndFilter, IntoRowCount, NoFilterNeeded, NoOrder, NoWhere, OrderBy, Params, Prepared, RowCount, ScopeChecked,
    Statement, TableColumns,
};
use crate::render::{render_statement, RenderList, RenderSql, RenderedSql, SqlWriter};
use crate::row::{DecodeRow, RawRow, RowError};
use crate::schema::{QuerySource, Table};
use crate::types::{Bool, SameType};
use std::marker::PhantomData;

/// The rows of `T` (filtered, ordered, limited) with the relations `Cs` loaded under
/// each. Built by [`find_many`]; run with `.all(&db)` or `.get(&db)`.
#[derive(Debug, Clone, Copy)]
#[must_use = "a relational query does nothing until `.all(&db)` or `.get(&db)`"]
pub struct FindMany<T, W = NoWhere, O = NoOrder, Cs = (), S = AllColumns> {
    table: T,
    filter: W,
    order: O,
    limit: Option<RowCount>,
    offset: Option<RowCount>,
    children: Cs,
    shape: S,
}

/// The rows of `table`, with relations loaded by `.with(relation)`:
/// `find_many(users::table).with(user_posts.with(post_comments)).all(&db)`.
pub fn find_many<T: Table>(table: T) -> FindMany<T> {
    FindMany {
        table,
        filter: NoWhere,
        order: NoOrder,
        limit: None,
        offset: None,
        children: (),
        shape: AllColumns,
    }
}

/// The first row of `table` (with `.filter(..)` and `.order_by(..)`), with relations
/// loaded by `.with(relation)`: `find_first(users::table).filter(..).get(&db)`.
pub fn find_first<T: Table>(table: T) -> FindMany<T> {
    find_many(table).limit(1)
}

impl<T: Table, W, O, Cs, S> FindMany<T, W, O, Cs, S> {
    /// Loads `relation` (with what it loads under it) for each row.
    pub fn with<C, I>(self, relation: C) -> FindMany<T, W, O, <Cs as Push<C::Node>>::Output, S>
    where
        C: IntoWith + Loadable<T, I>,
        Cs: Push<C::Node>,
    {
        FindMany {
            table: self.table,
            filter: self.filter,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            children: self.children.push(relation.into_with()),
            shape: self.shape,
        }
    }

    /// Keeps the rows of `T` where `predicate` holds; called again, the predicates are
    /// ANDed. The relations' rows are not filtered.
    pub fn filter<P, I>(self, predicate: P) -> FindMany<T, W::Output, O, Cs, S>
    where
        P: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        FindMany {
            table: self.table,
            filter: self.filter.and_filter(predicate),
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            children: self.children,
            shape: self.shape,
        }
    }

    /// Orders the rows of `T`; the rows of each relation come in the order of their key.
    pub fn order_by<K: OrderTerm<T, I>, I>(self, terms: K) -> FindMany<T, W, OrderBy<K>, Cs, S> {
        FindMany {
            table: self.table,
            filter: self.filter,
            order: OrderBy(terms),
            limit: self.limit,
            offset: self.offset,
            children: self.children,
            shape: self.shape,
        }
    }

    /// Loads only `columns` (a tuple of `T`'s columns) of each row, read with
    /// `row.get(column)`; filters and order may still use any column.
    pub fn columns<Cols: PickOf<T>>(self, _columns: Cols) -> FindMany<T, W, O, Cs, Picked<Cols::Chain>> {
        self.with_shape()
    }

    /// Loads every column of each row but `columns` (a tuple of `T`'s columns), read with
    /// `row.get(column)`. `I` is inferred.
    pub fn omit<Cols, I>(self, _columns: Cols) -> FindMany<T, W, O, Cs, Omitted<T, Cols, I>>
    where
        ColumnsOf<T>: Without<Cols, I>,
    {
        self.with_shape()
    }

    fn with_shape<S2: Default>(self) -> FindMany<T, W, O, Cs, S2> {
        FindMany {
            table: self.table,
            filter: self.filter,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            children: self.children,
            shape: S2::default(),
        }
    }

    /// At most `n` rows of `T` (each with all its related rows).
    pub fn limit<N: IntoRowCount>(mut self, n: N) -> Self {
        self.limit = Some(n.into_row_count());
        self
    }

    /// Skips the first `n` rows of `T`.
    pub fn offset<N: IntoRowCount>(mut self, n: N) -> Self {
        self.offset = Some(n.into_row_count());
        self
    }
}

/// The typed rows of a relational query over `T` (its columns loaded as `S`) loading `Cs`.
pub type RowsOf<T, S, Cs, D> = Nested<<S as Shape<T, D>>::Row, <Cs as Children<D>>::Out>;

/// One joined row: the row of `T`, and the relations' rows beside it.
type Flat<T, S, Cs, D> = (<S as Shape<T, D>>::Decoded, <Cs as Children<D>>::Flat);

/// What `.all(&db)` (`Out` = the rows) or `.get(&db)` (`Out` = the first) returns on
/// executor `C`: the joined rows' result, regrouped.
pub type Regrouped<'a, C, T, S, Cs, D, Out> =
    <<C as Executor<D>>::All<'a, Flat<T, S, Cs, D>> as MapRows<Flat<T, S, Cs, D>>>::Mapped<Out>;

/// What `.all(&db)` returns on executor `C`: every row, nested.
pub type FoundAll<'a, C, T, S, Cs, D> = Regrouped<'a, C, T, S, Cs, D, Vec<RowsOf<T, S, Cs, D>>>;

/// What `.get(&db)` returns on executor `C`: the first row, nested, if any.
pub type FoundFirst<'a, C, T, S, Cs, D> = Regrouped<'a, C, T, S, Cs, D, Option<RowsOf<T, S, Cs, D>>>;

impl<T, W, O, Cs, S, D> FindMany<T, W, O, Cs, S>
where
    T: Table<Dialect = D>,
    S: Shape<T, D>,
    Cs: Children<D>,
    D: Dialect,
    Self: RenderSql<D>,
{
    /// Every row of `T` the query keeps, each with its relations' rows.
    pub fn all<'a, C>(&'a self, db: &'a C) -> FoundAll<'a, C, T, S, Cs, D>
    where
        C: Executor<D>,
        C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    {
        fetch_all::<T, S, Cs, C, D>(db, render_statement(self))
    }

    /// The first row of `T` the query keeps, with its relations' rows, if there is one.
    /// With [`find_first`], only that row is read.
    pub fn get<'a, C>(&'a self, db: &'a C) -> FoundFirst<'a, C, T, S, Cs, D>
    where
        C: Executor<D>,
        C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    {
        fetch_first::<T, S, Cs, C, D>(db, render_statement(self))
    }
}

/// A relational query is a statement: `.prepare()` renders it once, for runs with named
/// parameters ([`placeholder`](crate::query::placeholder)) in its filters. Its scope is
/// checked as it is built.
impl<T: Table, W, O, Cs, S> Statement for FindMany<T, W, O, Cs, S> {
    type Dialect = T::Dialect;
    type Filter = NoFilterNeeded;
    type Access = Reads;
}

impl<T, W, O, Cs, S> ScopeChecked<()> for FindMany<T, W, O, Cs, S> {}

impl<T, W, O, Cs, S, D> Prepared<FindMany<T, W, O, Cs, S>>
where
    T: Table<Dialect = D>,
    S: Shape<T, D>,
    Cs: Children<D>,
    D: Dialect,
{
    /// Every row of the prepared relational query, with `params` bound.
    pub fn all<'a, C>(&'a self, db: &'a C, params: &Params) -> FoundAll<'a, C, T, S, Cs, D>
    where
        C: Executor<D>,
        C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    {
        fetch_all::<T, S, Cs, C, D>(db, self.bind(params))
    }

    /// The first row of the prepared relational query, with `params` bound.
    pub fn get<'a, C>(&'a self, db: &'a C, params: &Params) -> FoundFirst<'a, C, T, S, Cs, D>
    where
        C: Executor<D>,
        C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    {
        fetch_first::<T, S, Cs, C, D>(db, self.bind(params))
    }
}

/// Runs a relational query's statement and regroups its rows: every row of `T`.
fn fetch_all<'a, T, S, Cs, C, D>(db: &'a C, statement: Result<RenderedSql<'a>, Error>) -> FoundAll<'a, C, T, S, Cs, D>
where
    T: Table<Dialect = D>,
    S: Shape<T, D>,
    Cs: Children<D>,
    C: Executor<D>,
    C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    D: Dialect,
{
    db.fetch_all::<Joined<T, S, Cs>>(statement.map(RenderedSql::with_access::<Reads>))
        .map_rows(regroup::<T, S, Cs, D>)
}

/// [`fetch_all`], keeping the first row of `T`.
fn fetch_first<'a, T, S, Cs, C, D>(
    db: &'a C,
    statement: Result<RenderedSql<'a>, Error>,
) -> FoundFirst<'a, C, T, S, Cs, D>
where
    T: Table<Dialect = D>,
    S: Shape<T, D>,
    Cs: Children<D>,
    C: Executor<D>,
    C::All<'a, Flat<T, S, Cs, D>>: MapRows<Flat<T, S, Cs, D>>,
    D: Dialect,
{
    db.fetch_all::<Joined<T, S, Cs>>(statement.map(RenderedSql::with_access::<Reads>))
        .map_rows(|flat| regroup::<T, S, Cs, D>(flat).map(|rows| rows.into_iter().next()))
}

/// Regroups joined rows, ordered by each level's key, into nested rows.
fn regroup<T, S, Cs, D>(flat: Vec<Flat<T, S, Cs, D>>) -> Result<Vec<RowsOf<T, S, Cs, D>>, Error>
where
    T: Table,
    S: Shape<T, D>,
    Cs: Children<D>,
    D: Dialect,
{
    let mut gathered: Vec<(S::Decoded, Cs::Acc)> = Vec::new();
    for (row, children) in flat {
        match gathered.last_mut() {
            Some((last, acc)) if *last == row => Cs::gather(acc, children, false),
            _ => {
                let mut acc = Cs::empty();
                Cs::gather(&mut acc, children, false);
                gathered.push((row, acc));
            }
        }
    }
    gathered
        .into_iter()
        .map(|(row, acc)| Ok(Nested::new(S::into_row(row), Cs::finish(acc)?)))
        .collect()
}

/// Decodes a joined row of a query over `T` loading `Cs`.
#[derive(Debug)]
pub struct Joined<T, S, Cs>(PhantomData<(T, S, Cs)>);

impl<T, S, Cs, D> DecodeRow<D> for Joined<T, S, Cs>
where
    T: Table,
    S: Shape<T, D>,
    Cs: Children<D>,
    D: Dialect,
{
    type Row = Flat<T, S, Cs, D>;
    fn decode<R: RawRow<D>>(row: &mut R) -> Result<Self::Row, RowError> {
        let mut index = 0;
        let own = S::decode(row, &mut index)?;
        Ok((own, Cs::decode(row, &mut index)?))
    }
}

/// ORDER BY of the rows of `T`: the query's own terms, if any.
pub trait FindOrder<D: Dialect> {
    /// Writes the terms, and says whether there were any.
    fn render_terms<'q>(&'q self, out: &mut SqlWriter<'q, D>) -> bool;
}

impl<D: Dialect> FindOrder<D> for NoOrder {
    fn render_terms<'q>(&'q self, _out: &mut SqlWriter<'q, D>) -> bool {
        false
    }
}

impl<K: RenderList<D>, D: Dialect> FindOrder<D> for OrderBy<K> {
    fn render_terms<'q>(&'q self, out: &mut SqlWriter<'q, D>) -> bool {
        self.0.render_list(out);
        true
    }
}

impl<T, W, O, Cs, S, D> RenderSql<D> for FindMany<T, W, O, Cs, S>
where
    T: Table<Dialect = D>,
    T::Row: TableColumns,
    S: Shape<T, D>,
    W: crate::query::RenderClause<D>,
    O: FindOrder<D>,
    Cs: Children<D>,
    D: Dialect,
{
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let qualified = out.set_qualify_columns(true);
        out.push_sql("SELECT ");
        S::render_columns(T::NAME, out);
        self.children.render_columns(T::NAME, T::NAME, out, &mut 0);
        out.push_sql(" FROM ");
        let limited = self.limit.is_some() || self.offset.is_some();
        out.push_choice(RowCount::choice(self.limit) | RowCount::choice(self.offset) << 2);
        if limited {
            // The limit counts rows of `T`, not joined rows: it applies before the joins.
            out.push_sql("(SELECT ");
            <T::Row as TableColumns>::render_columns(T::NAME, out);
            out.push_sql(" FROM ");
            self.table.render_source(out);
            self.filter.render_clause(" WHERE ", out);
            self.render_order(out, false);
            crate::query::render_limit_offset(self.limit, self.offset, out);
            out.push_sql(") AS ");
            out.push_ident(T::NAME);
        } else {
            self.table.render_source(out);
        }
        self.children.render_joins(T::NAME, out, &mut 0);
        if !limited {
            self.filter.render_clause(" WHERE ", out);
        }
        self.render_order(out, true);
        out.set_qualify_columns(qualified);
    }
}

impl<T, W, O, Cs, S> FindMany<T, W, O, Cs, S> {
    /// ORDER BY: the query's terms, then the key of `T`, then (with `joined`) each joined
    /// level's key, so that the rows of one parent come together.
    fn render_order<'q, D>(&'q self, out: &mut SqlWriter<'q, D>, joined: bool)
    where
        T: Table<Dialect = D>,
        O: FindOrder<D>,
        Cs: Children<D>,
        D: Dialect,
    {
        out.push_sql(" ORDER BY ");
        let mut first = !self.order.render_terms(out);
        render_key::<T, D>(T::NAME, out, &mut first);
        if joined {
            self.children.render_order(out, &mut 0);
        }
    }
}
