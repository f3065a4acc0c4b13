//! What a query selects: expressions, tuples of them, or whole table rows; and decoding them.

use crate::dialect::Dialect;
use crate::expr::{AppearsIn, Expression};
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::row::{all_null, decode_column, DecodeRow, RawRow, RowError};
use crate::schema::{ColumnList, GroupKeys, Here, KeyChain, No, Position, Table, TableIn, Truth, Truths};
use crate::types::{FromSql, Nullability};
use std::marker::PhantomData;

/// A select list valid in source `S` on dialect `D`, and the typed row it decodes to.
///
/// Implemented for every expression, for tuples of selections (up to 16), and for
/// [`WholeRow`]. `I` is the inferred proof that each column's table is in `S`.
#[diagnostic::on_unimplemented(
    message = "this selection reads a table that is not in the query's FROM clause",
    label = "selected here, but not every column's table is in `{S}`",
    note = "join every table whose columns you select, with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait Selection<S, I, D: Dialect>: SelectionIn<S, I> {
    /// The decoded row: a value, a tuple, or a table's row struct.
    type Row;
    /// Number of columns it reads.
    const WIDTH: usize;
    /// Decodes its columns starting at `*index`, and advances `*index` past them.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError>;
}

impl<E, S, I, D> Selection<S, I, D> for E
where
    E: Expression + AppearsIn<S, I> + RenderSql<D>,
    E::Value: FromSql<E::SqlType, D>,
    D: Dialect,
{
    type Row = <E::ScopedNullability as Nullability>::Wrap<E::Value>;
    const WIDTH: usize = 1;

    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        let value = decode_column::<E::Value, E::SqlType, E::ScopedNullability, D, R>(row, *index)?;
        *index += 1;
        Ok(value)
    }
}

macro_rules! tuple_selections {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: Selection<S, $idx, D>, $idx,)+ S, D: Dialect> Selection<S, ($($idx,)+), D> for ($($name,)+) {
            type Row = ($($name::Row,)+);
            const WIDTH: usize = 0 $(+ $name::WIDTH)+;

            fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
                Ok(($($name::decode(row, index)?,)+))
            }
        }
    };
}
crate::macros::for_tuples!(tuple_selections);

/// A select list whose every column's table is in source `S`: the scope half of
/// [`Selection`], without decoding, which `.to_sql()` and `RETURNING` check.
#[diagnostic::on_unimplemented(
    message = "this selection reads a table the statement does not read",
    label = "not every column's table here is in `{S}`",
    note = "a SELECT reads the tables of its FROM clause and joins: join every table whose columns you \
            select, with `.inner_join(table, on)` or `.left_join(table, on)`; RETURNING reads only the \
            table the statement writes"
)]
pub trait SelectionIn<S, I> {
    /// [`Yes`](crate::schema::Yes) when it selects an aggregate.
    type Aggregates: Truth;
    /// [`Yes`](crate::schema::Yes) when every column it reads outside an aggregate is
    /// grouped by the keys `G` (see [`AppearsIn::Grouped`]).
    type Grouped<G: GroupKeys>: Truth;
}

#[diagnostic::do_not_recommend]
impl<E: Expression + AppearsIn<S, I>, S, I> SelectionIn<S, I> for E {
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}

/// A whole row reads every column of its table: grouped when its primary key is.
impl<T: TableIn<S, I>, S, I: Position> SelectionIn<S, I> for WholeRow<T>
where
    T: Table,
{
    type Aggregates = No;
    type Grouped<G: GroupKeys> = <<T::AllColumns as ColumnList>::Chained as KeyChain>::KeyGrouped<G, I, Here>;
}

macro_rules! tuple_selections_in {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: SelectionIn<S, $idx>, $idx,)+ S> SelectionIn<S, ($($idx,)+)> for ($($name,)+) {
            type Aggregates = <($($name::Aggregates,)+) as Truths>::Any;
            type Grouped<G: GroupKeys> = <($($name::Grouped<G>,)+) as Truths>::All;
        }
    };
}
crate::macros::for_tuples!(tuple_selections_in);

/// Every column of table `T`, decoded into `T::Row`. On the nullable side of an outer
/// join the whole row becomes `Option<T::Row>`: `None` when the join found no match.
#[derive(Debug, Clone, Copy, Default)]
pub struct WholeRow<T>(pub(crate) T);

impl<T> WholeRow<T> {
    /// Selects every column of `table`.
    pub fn of(table: T) -> Self {
        WholeRow(table)
    }
}

/// A table's row struct: its columns, in declaration order.
/// Implemented by [`table!`](crate::table) for the `Row` struct it writes.
pub trait TableColumns {
    /// Number of columns.
    const WIDTH: usize;
    /// Writes the table's columns qualified by `qualifier` (its name or an alias), separated by commas.
    fn render_columns<D: Dialect>(qualifier: &'static str, out: &mut SqlWriter<'_, D>);
}

/// A table's row struct, decodable on dialect `D` from its columns in declaration order.
/// Implemented by [`table!`](crate::table) for the `Row` struct it writes.
pub trait TableRow<D: Dialect>: TableColumns + Sized {
    /// Decodes the columns starting at `*index`.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self, RowError>;
}

impl<T: Table, D: Dialect> RenderList<D> for WholeRow<T>
where
    T::Row: TableColumns,
{
    // The table's columns are a list of `'static` names.
    const TYPE_SHAPED: bool = true;

    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        <T::Row as TableColumns>::render_columns(T::NAME, out);
    }
}

impl<T, S, I, D> Selection<S, I, D> for WholeRow<T>
where
    T: Table + TableIn<S, I>,
    I: Position,
    T::Row: TableRow<D>,
    D: Dialect,
{
    type Row = <<T as TableIn<S, I>>::Nullability as Nullability>::Wrap<T::Row>;
    const WIDTH: usize = <T::Row as TableColumns>::WIDTH;

    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        type N<T, S, I> = <T as TableIn<S, I>>::Nullability;
        if N::<T, S, I>::NULLABLE && all_null(row, *index, Self::WIDTH)? {
            if let Some(missing) = N::<T, S, I>::none() {
                *index += Self::WIDTH;
                return Ok(missing);
            }
        }
        <T::Row as TableRow<D>>::decode(row, index).map(N::<T, S, I>::some)
    }
}

/// Decodes whole rows of a query whose select list is `Sel`.
#[derive(Debug)]
pub struct SelectionDecoder<Sel, S, I>(PhantomData<(Sel, S, I)>);

impl<Sel: Selection<S, I, D>, S, I, D: Dialect> DecodeRow<D> for SelectionDecoder<Sel, S, I> {
    type Row = Sel::Row;
    fn decode<R: RawRow<D>>(row: &mut R) -> Result<Self::Row, RowError> {
        let mut index = 0;
        Sel::decode(row, &mut index)
    }
}

/// A list of expressions whose columns are in scope of source `S` (GROUP BY, DISTINCT ON,
/// conflict targets): one expression or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "this list reads a table that is not in the query's FROM clause",
    label = "expected expressions over `{S}`: one, or a tuple of them",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait ExprList<S, I> {
    /// What grouping by the list groups by.
    type Keys: GroupKeys;
}

impl<E: Expression + AppearsIn<S, I>, S, I> ExprList<S, I> for E {
    type Keys = E::GroupKey;
}

macro_rules! tuple_expr_lists {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: ExprList<S, $idx>, $idx,)+ S> ExprList<S, ($($idx,)+)> for ($($name,)+) {
            type Keys = ($($name::Keys,)+);
        }
    };
}
crate::macros::for_tuples!(tuple_expr_lists);
