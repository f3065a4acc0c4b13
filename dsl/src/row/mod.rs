//! Reading rows: the driver's row as mizzle sees it, and decoding columns into Rust values.

use crate::dialect::Dialect;
use crate::error::{DecodeError, Error};
use crate::types::{FromSql, Nullability};

/// A fetched row, as a backend exposes it to decoding. Implemented by each backend.
pub trait RawRow<D: Dialect> {
    /// The value of the column at `index`, borrowed from the row.
    fn value(&self, index: usize) -> Result<D::RawValue<'_>, Error>;
    /// The column's name as the database reported it, for error messages.
    fn column_name(&self, index: usize) -> String;
}

/// Turns a fetched row into a typed result. Implemented for each query's selection.
pub trait DecodeRow<D: Dialect> {
    /// The typed row.
    type Row;
    /// Decodes the whole row.
    fn decode<R: RawRow<D>>(row: &R) -> Result<Self::Row, Error>;
}

/// Decodes the column at `index` as `V` (SQL type `ST`), honouring nullability `N`: NULL
/// becomes `None` where `N` is nullable and a decode error where it is not.
pub fn decode_column<V, ST, N, D, R>(row: &R, index: usize) -> Result<N::Wrap<V>, Error>
where
    V: FromSql<ST, D>,
    N: Nullability,
    D: Dialect,
    R: RawRow<D>,
{
    let raw = row.value(index)?;
    if D::is_null(&raw) {
        return N::none().ok_or_else(|| Error::Decode {
            index,
            column: row.column_name(index),
            source: DecodeError::new(
                "unexpected NULL: the schema says this column is NOT NULL; declare it nullable, or fix the data",
            ),
        });
    }
    V::from_sql(raw).map(N::some).map_err(|source| Error::Decode {
        index,
        column: row.column_name(index),
        source,
    })
}

/// Whether every column in `start..start + width` is NULL: how a whole row on the
/// nullable side of an outer join is recognised as missing.
pub fn all_null<D: Dialect, R: RawRow<D>>(row: &R, start: usize, width: usize) -> Result<bool, Error> {
    for index in start..start + width {
        if !D::is_null(&row.value(index)?) {
            return Ok(false);
        }
    }
    Ok(true)
}
