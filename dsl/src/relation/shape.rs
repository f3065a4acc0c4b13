//! The columns a level of a relational query loads: every column, as the table's row
//! struct, or some of them (`.columns(..)`, `.omit(..)`), read by column.

#[cfg(feature = "json")]
use super::json::RowJson;
use super::tree::key_columns;
use crate::dialect::Dialect;
use crate::query::{TableColumns, TableRow, TupleSplit};
use crate::render::SqlWriter;
use crate::row::{decode_column, RawRow, RowError};
use crate::schema::{Chain, ChainHas, Column, ColumnList, ColumnValue, End, Here, InRight, Table};
use crate::types::FromSql;
#[cfg(feature = "json")]
use crate::types::{JsonObject, Nullability, ToJson};
use std::fmt;
use std::marker::PhantomData;

/// What a level's rows are made of, and how the rows of one parent are told apart.
pub trait Shape<T: Table, D: Dialect> {
    /// The row the application reads.
    type Row;
    /// A decoded row as regrouping compares it: equal for the same row of `T`.
    type Decoded: PartialEq;
    /// Writes its columns under `qualifier`, separated by `, `.
    fn render_columns(qualifier: &'static str, out: &mut SqlWriter<'_, D>);
    /// How many columns [`render_columns`](Self::render_columns) writes.
    fn width() -> usize;
    /// Decodes its columns, starting at `*index`.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Decoded, RowError>;
    /// The row the application reads.
    fn into_row(decoded: Self::Decoded) -> Self::Row;
}

/// Every column of the table, decoded into its row struct (`user.name`); rows are told
/// apart by all their values.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllColumns;

impl<T: Table, D: Dialect> Shape<T, D> for AllColumns
where
    T::Row: TableRow<D> + PartialEq,
{
    type Row = T::Row;
    type Decoded = T::Row;

    fn render_columns(qualifier: &'static str, out: &mut SqlWriter<'_, D>) {
        <T::Row as TableColumns>::render_columns(qualifier, out);
    }

    fn width() -> usize {
        <T::Row as TableColumns>::WIDTH
    }

    #[inline]
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<T::Row, RowError> {
        <T::Row as TableRow<D>>::decode(row, index)
    }

    #[inline]
    fn into_row(decoded: T::Row) -> T::Row {
        decoded
    }
}

/// The columns of chain `Ch` only, read with [`PickedRow::get`]. The table's key columns
/// are fetched too, unseen, to tell its rows apart.
#[derive(Debug)]
pub struct Picked<Ch>(PhantomData<Ch>);

impl<Ch> Default for Picked<Ch> {
    fn default() -> Self {
        Picked(PhantomData)
    }
}
impl<Ch> Clone for Picked<Ch> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Ch> Copy for Picked<Ch> {}

impl<T: Table, Ch: PickedColumns<D>, D: Dialect> Shape<T, D> for Picked<Ch> {
    type Row = PickedRow<Ch>;
    type Decoded = Keyed<PickedRow<Ch>>;

    fn render_columns(qualifier: &'static str, out: &mut SqlWriter<'_, D>) {
        let mut first = true;
        Ch::render(qualifier, out, &mut first);
        for name in key_columns::<T>() {
            if !std::mem::take(&mut first) {
                out.push_sql(", ");
            }
            out.push_column(qualifier, name);
        }
    }

    fn width() -> usize {
        Ch::WIDTH + key_columns::<T>().len()
    }

    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Decoded, RowError> {
        let values = Ch::decode(row, index)?;
        let mut key = Vec::new();
        for _ in key_columns::<T>() {
            match row.value(*index) {
                Some(raw) => D::write_identity(&raw, &mut key),
                None => {
                    return Err(RowError::new(
                        *index,
                        format!("#{index}"),
                        crate::DecodeError::new("the row ends before the key columns of a relational query's level"),
                    ))
                }
            }
            *index += 1;
        }
        Ok(Keyed {
            key,
            row: PickedRow { values },
        })
    }

    fn into_row(decoded: Self::Decoded) -> PickedRow<Ch> {
        decoded.row
    }
}

/// A picked row with the bytes of its table's key: equal when the keys are.
#[derive(Debug)]
pub struct Keyed<Row> {
    key: Vec<u8>,
    row: Row,
}

impl<Row> PartialEq for Keyed<Row> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// The values of some columns of a row: `row.get(users::name)`. Serializes to a JSON
/// object of those columns.
pub struct PickedRow<Ch: ChainValues> {
    values: Ch::Values,
}

impl<Ch: ChainValues> PickedRow<Ch> {
    /// The value of `column`, one of the columns the query picked (any other does not
    /// compile). `I` is inferred.
    pub fn get<C, I>(&self, _column: C) -> &ColumnValue<C>
    where
        C: Column,
        Ch: ChainGet<C, I>,
    {
        Ch::get(&self.values)
    }
}

impl<Ch: ChainValues> fmt::Debug for PickedRow<Ch> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut map = f.debug_map();
        Ch::debug(&self.values, &mut map);
        map.finish()
    }
}

impl<Ch: ChainValues> Clone for PickedRow<Ch> {
    fn clone(&self) -> Self {
        PickedRow {
            values: self.values.clone(),
        }
    }
}

impl<Ch: ChainValues> PartialEq for PickedRow<Ch> {
    fn eq(&self, other: &Self) -> bool {
        self.values == other.values
    }
}

#[cfg(feature = "json")]
impl<Ch: ChainJson> RowJson for PickedRow<Ch> {
    fn row_json(&self) -> JsonObject {
        let mut object = JsonObject::new();
        Ch::write_json(&self.values, &mut object);
        object
    }
    fn members() -> Vec<(String, crate::query::JsonShape)> {
        let mut columns = Vec::new();
        Ch::columns(&mut columns);
        crate::query::column_members(columns)
    }
}

/// A chain of columns and the values of a row for them: `(first, (second, ()))`.
pub trait ChainValues {
    /// The values.
    type Values: Clone + PartialEq;
    /// Adds each `name: value` to a debug map.
    fn debug(values: &Self::Values, map: &mut fmt::DebugMap<'_, '_>);
    /// Appends each column's description.
    fn columns(out: &mut Vec<crate::schema::ColumnInfo>);
}

impl ChainValues for End {
    type Values = ();
    fn debug(_values: &(), _map: &mut fmt::DebugMap<'_, '_>) {}
    fn columns(_out: &mut Vec<crate::schema::ColumnInfo>) {}
}

impl<H, T, K> ChainValues for Chain<H, T, K>
where
    H: Column,
    ColumnValue<H>: Clone + PartialEq + fmt::Debug,
    T: ChainValues,
{
    type Values = (ColumnValue<H>, T::Values);

    fn debug(values: &Self::Values, map: &mut fmt::DebugMap<'_, '_>) {
        map.entry(&H::NAME, &values.0);
        T::debug(&values.1, map);
    }

    fn columns(out: &mut Vec<crate::schema::ColumnInfo>) {
        out.push(H::info());
        T::columns(out);
    }
}

/// A chain of columns whose values are written as JSON.
#[cfg(feature = "json")]
pub trait ChainJson: ChainValues {
    /// Adds each column's JSON under its name.
    fn write_json(values: &Self::Values, object: &mut JsonObject);
}

#[cfg(feature = "json")]
impl ChainJson for End {
    fn write_json(_values: &(), _object: &mut JsonObject) {}
}

#[cfg(feature = "json")]
impl<H, T, K> ChainJson for Chain<H, T, K>
where
    Self: ChainValues<Values = (ColumnValue<H>, T::Values)>,
    H: Column<Value: ToJson<H::SqlType>>,
    T: ChainJson,
{
    fn write_json(values: &Self::Values, object: &mut JsonObject) {
        let json = <H::Nullability as Nullability>::to_json::<H::SqlType, H::Value>(&values.0);
        object.insert(H::NAME.to_owned(), json);
        T::write_json(&values.1, object);
    }
}

/// A chain of columns a level writes and decodes on dialect `D`.
pub trait PickedColumns<D: Dialect>: ChainValues {
    /// How many columns.
    const WIDTH: usize;
    /// Writes them under `qualifier`, each after `, ` unless `*first`.
    fn render(qualifier: &'static str, out: &mut SqlWriter<'_, D>, first: &mut bool);
    /// Decodes them, starting at `*index`.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Values, RowError>;
}

impl<D: Dialect> PickedColumns<D> for End {
    const WIDTH: usize = 0;
    fn render(_qualifier: &'static str, _out: &mut SqlWriter<'_, D>, _first: &mut bool) {}
    fn decode<R: RawRow<D>>(_row: &mut R, _index: &mut usize) -> Result<(), RowError> {
        Ok(())
    }
}

impl<H, T, K, D> PickedColumns<D> for Chain<H, T, K>
where
    Self: ChainValues<Values = (ColumnValue<H>, T::Values)>,
    H: Column,
    H::Value: FromSql<H::SqlType, D>,
    T: PickedColumns<D>,
    D: Dialect,
{
    const WIDTH: usize = 1 + T::WIDTH;

    fn render(qualifier: &'static str, out: &mut SqlWriter<'_, D>, first: &mut bool) {
        if !std::mem::take(first) {
            out.push_sql(", ");
        }
        out.push_column(qualifier, H::NAME);
        T::render(qualifier, out, first);
    }

    #[inline]
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Values, RowError> {
        let value = decode_column::<H::Value, H::SqlType, H::Nullability, D, R>(row, *index)?;
        *index += 1;
        Ok((value, T::decode(row, index)?))
    }
}

/// Proof that column `C` is in the chain at `I`, and the way to its value.
#[diagnostic::on_unimplemented(
    message = "column `{C}` was not picked for these rows",
    label = "the query's `.columns(..)` or `.omit(..)` leaves it out",
    note = "pick it with `.columns(..)`, or take it out of `.omit(..)`"
)]
pub trait ChainGet<C: Column, I>: ChainValues {
    /// The value of `C` among `values`.
    fn get(values: &Self::Values) -> &ColumnValue<C>;
}

#[diagnostic::do_not_recommend]
impl<C, T, K> ChainGet<C, Here> for Chain<C, T, K>
where
    C: Column,
    Self: ChainValues<Values = (ColumnValue<C>, T::Values)>,
    T: ChainValues,
{
    fn get(values: &Self::Values) -> &ColumnValue<C> {
        &values.0
    }
}

// Looked through in errors: a column missing from the chain is reported at the chain.
#[diagnostic::do_not_recommend]
impl<C, H, T, K, I> ChainGet<C, InRight<I>> for Chain<H, T, K>
where
    C: Column,
    H: Column,
    Self: ChainValues<Values = (ColumnValue<H>, T::Values)>,
    T: ChainGet<C, I>,
{
    fn get(values: &Self::Values) -> &ColumnValue<C> {
        T::get(&values.1)
    }
}

/// A tuple of columns of table `T` to pick: the chain they make.
#[diagnostic::on_unimplemented(
    message = "`.columns(..)` takes a tuple of the table's own columns",
    label = "not a tuple of columns of `{T}`",
    note = "pick columns of the level's table: `.columns((users::id, users::name))`"
)]
pub trait PickOf<T> {
    /// The columns as a chain.
    type Chain;
}

impl<Cols: ColumnList + ColumnsOfTable<T>, T> PickOf<T> for Cols {
    type Chain = Cols::Chained;
}

/// Every column of a tuple belongs to table `T`.
pub trait ColumnsOfTable<T> {}

impl<T> ColumnsOfTable<T> for () {}

impl<Cols: TupleSplit<Head: Column<Table = T>, Tail: ColumnsOfTable<T>>, T> ColumnsOfTable<T> for Cols {}

/// Chain `Self` without the columns of the tuple `Cols` (`I` are their inferred places):
/// what `.omit(..)` leaves.
#[diagnostic::on_unimplemented(
    message = "`.omit(..)` takes a tuple of the table's own columns, each once",
    label = "a column here is not one of the level's table, or is named twice",
    note = "omit columns of the level's table: `.omit((users::email,))`"
)]
pub trait Without<Cols, I> {
    /// The columns left.
    type Output;
}

impl<Ch> Without<(), ()> for Ch {
    type Output = Ch;
}

impl<Ch, Cols, IH, IT> Without<Cols, (IH, IT)> for Ch
where
    Cols: TupleSplit,
    Ch: ChainHas<Cols::Head, IH> + RemoveAt<IH>,
    <Ch as RemoveAt<IH>>::Output: Without<Cols::Tail, IT>,
{
    type Output = <<Ch as RemoveAt<IH>>::Output as Without<Cols::Tail, IT>>::Output;
}

/// The chain without its column at `I`.
pub trait RemoveAt<I> {
    /// The chain left.
    type Output;
}

impl<H, T, K> RemoveAt<Here> for Chain<H, T, K> {
    type Output = T;
}

impl<H, T: RemoveAt<I>, K, I> RemoveAt<InRight<I>> for Chain<H, T, K> {
    type Output = Chain<H, T::Output, K>;
}

/// The chain of table `T`'s columns.
pub type ColumnsOf<T> = <<T as Table>::AllColumns as ColumnList>::Chained;

/// The shape `.omit(cols)` loads: table `T`'s columns without `Cols` (at `I`).
pub type Omitted<T, Cols, I> = Picked<<ColumnsOf<T> as Without<Cols, I>>::Output>;
