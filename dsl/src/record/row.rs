//! What a table's `Row` does, written once for every table: its columns in a select list
//! and its decoding from a row of them.

use super::fields::{FieldColumn, FieldList, FieldsOf, Record, Select};
use crate::dialect::Dialect;
use crate::query::{TableColumns, TableRow};
use crate::render::SqlWriter;
use crate::row::{decode_column, RawRow, RowError};
use crate::schema::{Chain, End};
use crate::types::FromSql;

/// A table's columns as a `Row` sees them: listed in a select list.
pub trait RowFields: FieldList {
    /// Writes the columns qualified by `qualifier`, separated by commas; `first` says
    /// whether none is written yet.
    fn render_columns<D: Dialect>(qualifier: &'static str, first: bool, out: &mut SqlWriter<'_, D>);
}

impl RowFields for End {
    fn render_columns<D: Dialect>(_qualifier: &'static str, _first: bool, _out: &mut SqlWriter<'_, D>) {}
}

impl<H: FieldColumn, T: RowFields, K> RowFields for Chain<H, T, K> {
    fn render_columns<D: Dialect>(qualifier: &'static str, first: bool, out: &mut SqlWriter<'_, D>) {
        if !first {
            out.push_sql(", ");
        }
        out.push_column(qualifier, H::NAME);
        T::render_columns(qualifier, false, out);
    }
}

/// A table's columns decodable on dialect `D` into a `Row`'s fields.
pub trait DecodeFields<D: Dialect>: FieldList {
    /// Decodes the columns starting at `*index`, moving it past them.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Fields<Select>, RowError>;
}

impl<D: Dialect> DecodeFields<D> for End {
    #[inline(always)]
    fn decode<R: RawRow<D>>(_row: &mut R, _index: &mut usize) -> Result<(), RowError> {
        Ok(())
    }
}

impl<H, T: DecodeFields<D>, K, D: Dialect> DecodeFields<D> for Chain<H, T, K>
where
    H: FieldColumn<Value: FromSql<H::SqlType, D>>,
{
    // Inlined down the whole chain: a row decodes as one function, as a struct written
    // out column by column would.
    #[inline(always)]
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Fields<Select>, RowError> {
        let field = decode_column::<H::Value, H::SqlType, H::Nullability, D, R>(row, *index)?;
        *index += 1;
        Ok((field, T::decode(row, index)?))
    }
}

impl<R> TableColumns for R
where
    R: Record<Kind = Select>,
    FieldsOf<R>: RowFields + FieldList<Fields<Select> = R::Fields>,
{
    const WIDTH: usize = <FieldsOf<R> as FieldList>::LEN;

    fn render_columns<D: Dialect>(qualifier: &'static str, out: &mut SqlWriter<'_, D>) {
        <FieldsOf<R> as RowFields>::render_columns(qualifier, true, out);
    }
}

impl<R, D: Dialect> TableRow<D> for R
where
    R: Record<Kind = Select>,
    FieldsOf<R>: RowFields + DecodeFields<D> + FieldList<Fields<Select> = R::Fields>,
{
    #[inline]
    fn decode<Raw: RawRow<D>>(row: &mut Raw, index: &mut usize) -> Result<Self, RowError> {
        <FieldsOf<R> as DecodeFields<D>>::decode(row, index).map(R::from_fields)
    }
}
