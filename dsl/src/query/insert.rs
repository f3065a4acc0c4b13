//! INSERT: one row, many rows, default values; required columns checked at compile time.

use super::assign::{
    render_app_names, render_app_values, unassigned, Assign, AssignmentList, AssignmentOf, ColumnNames, ValuesRead,
    WritableColumns,
};
use super::clause::NoFilterNeeded;
use super::conflict::{NoConflict, RenderConflict};
use super::selection::SelectionIn;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use super::{NoReturning, Returning};
use crate::dialect::{Dialect, DialectKind, SupportsReturning};
use crate::error::EncodeError;
use crate::expr::Expression;
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::schema::{AppValue, Chain, Column, ColumnList, End, HasDefault, NoDefault, Table};
use crate::schema::{Here, NoTables};
use crate::types::SameType;
use crate::types::{NotNull, Null};
use std::marker::PhantomData;

/// `INSERT INTO table` waiting for its rows.
#[derive(Debug, Clone, Copy)]
#[must_use = "an insert does nothing until `.values(..)` and `.execute(&db)`"]
pub struct InsertInto<T> {
    table: T,
}

/// Starts `INSERT INTO table`.
pub fn insert<T: Table>(table: T) -> InsertInto<T> {
    InsertInto { table }
}

/// An INSERT statement: table `T`, rows `V`, conflict handling `C`, returning `R`.
#[derive(Debug, Clone)]
#[must_use = "an insert does nothing until `.execute(&db)` (or `.all(&db)` with `.returning(..)`)"]
pub struct Insert<T, V, C = NoConflict, R = NoReturning> {
    pub(crate) table: T,
    pub(crate) rows: V,
    pub(crate) conflict: C,
    pub(crate) returning: R,
}

/// `INSERT INTO table DEFAULT VALUES`: one row, every column from its default.
#[derive(Debug, Clone, Copy, Default)]
pub struct DefaultValues;

impl<T: Table> InsertInto<T> {
    /// The rows: one row (a `column.to(value)` or a tuple of them), or a `Vec` of rows
    /// that all set the same columns. Every NOT NULL column without a default must be set.
    pub fn values<V: InsertRows<T, I>, I>(self, rows: V) -> Insert<T, V> {
        Insert {
            table: self.table,
            rows,
            conflict: NoConflict,
            returning: NoReturning,
        }
    }

    /// One row of defaults. Every column must be nullable or have a default.
    pub fn default_values<I>(self) -> Insert<T, DefaultValues>
    where
        T::AllColumns: RequiredColumnsSet<(), I>,
    {
        Insert {
            table: self.table,
            rows: DefaultValues,
            conflict: NoConflict,
            returning: NoReturning,
        }
    }
}

impl<T: Table> InsertInto<T> {
    /// `INSERT INTO table (columns) SELECT …`: the query's selection must have the SQL
    /// types of `columns`, in order, and `columns` must include every required column.
    pub fn select<Cols, Q, I>(self, columns: Cols, query: Q) -> Insert<T, FromSelect<Cols, Q>>
    where
        Cols: ColumnNames + ColumnsOf<T> + WritableColumns,
        T::AllColumns: RequiredColumnsSet<Cols, I>,
        Q: RowQuery<Dialect = T::Dialect>,
        Q::Selection: MatchesColumns<Cols>,
    {
        Insert {
            table: self.table,
            rows: FromSelect { columns, query },
            conflict: NoConflict,
            returning: NoReturning,
        }
    }
}

/// The rows of `INSERT … SELECT`: the columns written and the query that reads them.
#[derive(Debug, Clone, Copy)]
pub struct FromSelect<Cols, Q> {
    columns: Cols,
    query: Q,
}

/// Columns of table `T`: one or a tuple (an INSERT … SELECT's, a key's, a validator's).
#[diagnostic::on_unimplemented(
    message = "the columns given here must belong to table `{T}`",
    label = "expected a column of `{T}` or a tuple of them"
)]
pub trait ColumnsOf<T> {}
impl<C: Column> ColumnsOf<C::Table> for C {}

/// A selection whose SQL types are those of columns `Cols`, in order.
#[diagnostic::on_unimplemented(
    message = "the query selects values that do not fit the columns `{Cols}`",
    label = "expected one selected expression per column, of the column's SQL type"
)]
pub trait MatchesColumns<Cols> {}
impl<E: Expression<SqlType: SameType<C::SqlType>>, C: Column> MatchesColumns<C> for E {}

macro_rules! tuple_columns_of {
    ($($name:ident $idx:ident $i:tt),+) => {
        impl<$($name: ColumnsOf<T>,)+ T> ColumnsOf<T> for ($($name,)+) {}
        impl<$($name: MatchesColumns<$idx>, $idx,)+> MatchesColumns<($($idx,)+)> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_columns_of);

/// The SELECT gives every value: application-side defaults do not apply to it.
impl<Cols: ColumnNames, Q: RenderSql<D>, D: Dialect> RenderRows<D> for FromSelect<Cols, Q> {
    // Column names are `'static`.
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render_rows<'q>(&'q self, _defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        out.push_sql(" (");
        self.columns.render_names(out);
        out.push_sql(") ");
        self.query.render(out);
    }
}

impl<T: Table, V, C> Insert<T, V, C, NoReturning> {
    /// `RETURNING selection`: the inserted rows come back, typed. Not on MySQL.
    pub fn returning<S, I>(self, selection: S) -> Insert<T, V, C, Returning<S>>
    where
        T::Dialect: SupportsReturning,
        S: SelectionIn<T, I>,
    {
        Insert {
            table: self.table,
            rows: self.rows,
            conflict: self.conflict,
            returning: Returning(selection),
        }
    }
}

/// Rows for an insert into `T` that set every required column; `I` is the inferred proof.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a row (or rows) for table `{T}`",
    label = "expected `column.to(value)`, a tuple of those, or a `Vec` of such tuples",
    note = "every column must belong to `{T}`, and no value may read a column: INSERT … VALUES reads no table \
            (use `insert(..).select(..)` to insert from a query)"
)]
pub trait InsertRows<T, I> {}

macro_rules! insert_row_tuples {
    ($($name:ident $idx:ident $i:tt),+) => {
        impl<$($name,)+ T: Table, I, IV> InsertRows<T, (I, IV)> for ($($name,)+)
        where
            Self: AssignmentOf<T> + ValuesRead<NoTables, IV>,
            T::AllColumns: RequiredColumnsSet<Self, I>,
        {
        }
    };
}
crate::macros::for_tuples!(insert_row_tuples);

impl<C, E, T: Table, I, IV> InsertRows<T, (I, IV)> for Assign<C, E>
where
    Self: AssignmentOf<T> + ValuesRead<NoTables, IV>,
    T::AllColumns: RequiredColumnsSet<Self, I>,
{
}

impl<R, T: Table, I> InsertRows<T, I> for Vec<R> where R: InsertRows<T, I> {}

/// Proof that a row sets every column of a table that is NOT NULL without a default.
/// Implemented for a table's columns: a tuple of columns, or a [`Chain`] of them.
pub trait RequiredColumnsSet<Row, I> {}

impl<Row> RequiredColumnsSet<Row, ()> for End {}

impl<H: SetIfRequired<Row, IH>, T: RequiredColumnsSet<Row, IT>, K, Row, IH, IT> RequiredColumnsSet<Row, (IH, IT)>
    for Chain<H, T, K>
{
}

macro_rules! required_columns_set {
    ($($name:ident $idx:ident $i:tt),+) => {
        impl<$($name: SetIfRequired<Row, $idx>, $idx,)+ Row> RequiredColumnsSet<Row, ($($idx,)+)> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(required_columns_set);

/// A column that the row sets, or that an insert may leave out.
pub trait SetIfRequired<Row, I> {}

impl<C: Column, Row, I> SetIfRequired<Row, I> for C
where
    C::Nullability: InsertRule<C::Default>,
    <C::Nullability as InsertRule<C::Default>>::Rule: RuleHolds<C, Row, I>,
{
}

/// Whether an insert must set a column, from its nullability and default.
pub trait InsertRule<Default> {
    /// [`Required`] or [`Optional`].
    type Rule;
}
impl InsertRule<NoDefault> for NotNull {
    type Rule = Required;
}
impl InsertRule<HasDefault> for NotNull {
    type Rule = Optional;
}
impl<D> InsertRule<D> for Null {
    type Rule = Optional;
}

/// The insert must set the column.
#[derive(Debug)]
pub struct Required;
/// The insert may leave the column out.
#[derive(Debug)]
pub struct Optional;

/// The insert rule `Self` holds for column `C` in `Row`.
pub trait RuleHolds<C, Row, I> {}
impl<C, Row> RuleHolds<C, Row, ()> for Optional {}
impl<C: SetBy<Row, I>, Row, I> RuleHolds<C, Row, I> for Required {}

/// Proof that `Row` assigns column `Self`.
#[diagnostic::on_unimplemented(
    message = "the insert does not set `{Self}`, which is NOT NULL and has no default",
    label = "`{Self}` is missing from this row",
    note = "add `{Self}.to(value)` to the row, or give the column a default in the schema"
)]
pub trait SetBy<Row, I> {}

/// Index: the column is assigned by the first element of a tuple.
#[derive(Debug)]
pub struct InHead<I>(PhantomData<I>);
/// Index: the column is assigned by the rest of a tuple.
#[derive(Debug)]
pub struct InTail<I>(PhantomData<I>);

impl<C, E> SetBy<Assign<C, E>, Here> for C {}
impl<C: Column> SetBy<C, Here> for C {}
impl<C: SetBy<R::Head, I>, R: TupleSplit, I> SetBy<R, InHead<I>> for C {}
impl<C: SetBy<R::Tail, I>, R: TupleSplit, I> SetBy<R, InTail<I>> for C {}

/// A non-empty tuple as its first element and the rest.
pub trait TupleSplit {
    /// The first element.
    type Head;
    /// The other elements, as a tuple.
    type Tail;
}

macro_rules! tuple_split {
    ($first:ident $fi:ident $f0:tt $(, $name:ident $idx:ident $i:tt)*) => {
        impl<$first, $($name),*> TupleSplit for ($first, $($name,)*) {
            type Head = $first;
            type Tail = ($($name,)*);
        }
    };
}
crate::macros::for_tuples!(tuple_split);

/// Writes the column list and VALUES of an insert.
pub trait RenderRows<D: Dialect> {
    /// Whether the text of the rows follows from their type and their number: see
    /// [`RenderSql::TYPE_SHAPED`]. Not of a table's `New` records, whose columns are the
    /// fields they have.
    const TYPE_SHAPED: bool = false;

    /// Writes ` ("a", "b") VALUES (?, ?), …` or the dialect's DEFAULT VALUES, adding the
    /// application-side `defaults` of the columns the rows leave out.
    fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>);
}

/// One row type of an insert, rendering a whole list of such rows. Implemented by
/// assignment rows (`column.to(value)` and tuples of them) and by tables' `New` structs;
/// a single row is a list of one, and a `Vec` of rows renders through it.
pub trait InsertRow<D: Dialect>: Sized {
    /// Whether the text of a list of such rows follows from the row type and the number
    /// of rows: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool = false;

    /// Writes ` (columns) VALUES (…), (…)` for `rows`, adding the application-side
    /// `defaults` of the columns they leave out.
    fn render_rows<'q>(rows: &'q [Self], defaults: &[AppValue], out: &mut SqlWriter<'q, D>);
}

/// Renders rows of assignments; rows of one type assign the same columns, so the first
/// row speaks for all.
fn render_assignment_rows<'q, A: AssignmentList<D>, D: Dialect>(
    rows: &'q [A],
    defaults: &[AppValue],
    out: &mut SqlWriter<'q, D>,
) {
    let Some(first) = rows.first() else {
        out.push_error(EncodeError::new(
            "an insert needs at least one row; `values` got an empty Vec",
        ));
        return;
    };
    let missing = unassigned(defaults, first);
    // The number of rows decides the text, where the row type decides the rest.
    out.push_choice(rows.len() as u64);
    out.push_sql(" (");
    first.render_columns(out);
    render_app_names(&missing, false, out);
    out.push_sql(") VALUES ");
    let bound_before = out.bind_count();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push_sql(", ");
        }
        out.push_sql("(");
        row.render_values(out);
        render_app_values(&missing, false, out);
        out.push_sql(")");
        if i == 0 {
            // Every row binds as many values as the first.
            out.reserve_binds((out.bind_count() - bound_before) * (rows.len() - 1));
        }
    }
}

impl<C, E, D: Dialect> InsertRow<D> for Assign<C, E>
where
    Self: AssignmentList<D>,
{
    const TYPE_SHAPED: bool = <Self as AssignmentList<D>>::TYPE_SHAPED;

    fn render_rows<'q>(rows: &'q [Self], defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        render_assignment_rows(rows, defaults, out);
    }
}

impl<C, E, D: Dialect> RenderRows<D> for Assign<C, E>
where
    Self: AssignmentList<D>,
{
    const TYPE_SHAPED: bool = <Self as AssignmentList<D>>::TYPE_SHAPED;

    fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        render_assignment_rows(std::slice::from_ref(self), defaults, out);
    }
}

macro_rules! tuple_rows {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name,)+ D: Dialect> InsertRow<D> for ($($name,)+)
        where
            Self: AssignmentList<D>,
        {
            const TYPE_SHAPED: bool = <Self as AssignmentList<D>>::TYPE_SHAPED;

            fn render_rows<'q>(rows: &'q [Self], defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
                render_assignment_rows(rows, defaults, out);
            }
        }

        #[diagnostic::do_not_recommend]
        impl<$($name,)+ D: Dialect> RenderRows<D> for ($($name,)+)
        where
            Self: AssignmentList<D>,
        {
            const TYPE_SHAPED: bool = <Self as AssignmentList<D>>::TYPE_SHAPED;

            fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
                render_assignment_rows(std::slice::from_ref(self), defaults, out);
            }
        }
    };
}
crate::macros::for_tuples!(tuple_rows);

impl<R: InsertRow<D>, D: Dialect> RenderRows<D> for Vec<R> {
    const TYPE_SHAPED: bool = R::TYPE_SHAPED;

    fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        R::render_rows(self, defaults, out);
    }
}

impl<D: Dialect> RenderRows<D> for DefaultValues {
    // The application-side defaults are the table's, and each binds its value.
    const TYPE_SHAPED: bool = true;

    fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        if !defaults.is_empty() {
            out.push_sql(" (");
            render_app_names(defaults, true, out);
            out.push_sql(") VALUES (");
            render_app_values(defaults, true, out);
            out.push_sql(")");
        } else if D::KIND == DialectKind::MySql {
            out.push_sql(" () VALUES ()");
        } else {
            out.push_sql(" DEFAULT VALUES");
        }
    }
}

/// Writes a RETURNING clause, or nothing.
pub(crate) trait RenderReturning<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    fn render_returning<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderReturning<D> for NoReturning {
    const TYPE_SHAPED: bool = true;
    fn render_returning<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

impl<S: RenderList<D>, D: SupportsReturning> RenderReturning<D> for Returning<S> {
    const TYPE_SHAPED: bool = S::TYPE_SHAPED;
    fn render_returning<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" RETURNING ");
        self.0.render_list(out);
    }
}

impl<T, V, C, R, D> RenderSql<D> for Insert<T, V, C, R>
where
    T: Table<Dialect = D>,
    V: RenderRows<D>,
    C: RenderConflict<D>,
    R: RenderReturning<D>,
    D: Dialect,
{
    const TYPE_SHAPED: bool = V::TYPE_SHAPED && C::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let qualified = out.set_qualify_columns(false);
        out.push_sql(C::INSERT);
        out.push_table(T::SCHEMA, T::NAME);
        let mut defaults = Vec::new();
        T::AllColumns::insert_defaults(&mut defaults);
        self.rows.render_rows(&defaults, out);
        self.conflict.render_conflict(out);
        self.returning.render_returning(out);
        out.set_qualify_columns(qualified);
    }
}

impl<T, V, C> ScopeChecked<()> for Insert<T, V, C, NoReturning> {}

impl<T, V, C, Sel: SelectionIn<T, I>, I> ScopeChecked<I> for Insert<T, V, C, Returning<Sel>> {}

impl<T, V, C, R> ClausesAgree<()> for Insert<T, V, C, R> {}

impl<T: Table, V, C, R> Statement for Insert<T, V, C, R> {
    type Dialect = T::Dialect;
    type Filter = NoFilterNeeded;
    type Access = crate::access::Writes;
}

impl<T: Table, V, C, S> RowQuery for Insert<T, V, C, Returning<S>> {
    type Source = T;
    type Selection = S;
    type Decoded = S;

    fn selection(&self) -> &Self::Selection {
        &self.returning.0
    }
}

/// An INSERT whose rows all get an auto-increment key: one without conflict handling, which
/// could skip rows. What `insert_ids` on MySQL takes.
#[diagnostic::on_unimplemented(
    message = "this statement's inserted keys cannot be read back",
    label = "expected an INSERT without `.ignore()` or `on_duplicate_key_update(..)`",
    note = "an insert that may skip rows does not say which rows got keys: select them again by a unique column"
)]
pub trait InsertsKeys<D: Dialect>: RenderSql<D> {}

impl<T: Table<Dialect = D>, V, D: Dialect> InsertsKeys<D> for Insert<T, V, NoConflict, NoReturning> where
    Self: RenderSql<D>
{
}
