//! Reading rows: the driver's row as mizzle sees it, and decoding columns into Rust values.

use crate::dialect::Dialect;
use crate::error::{DecodeError, Error};
use crate::types::{FromSql, Nullability};
use std::fmt;

/// A row that could not be decoded: which column, and why. One pointer wide, so a decoded
/// row travels in a `Result` barely larger than the row; becomes [`Error::Decode`] with `?`.
pub struct RowError(Box<RowErrorDetail>);

struct RowErrorDetail {
    index: usize,
    column: String,
    source: DecodeError,
}

impl RowError {
    /// Column `index` (named `column` by the database) could not be decoded because of `source`.
    pub fn new(index: usize, column: String, source: DecodeError) -> Self {
        RowError(Box::new(RowErrorDetail { index, column, source }))
    }
}

impl From<RowError> for Error {
    fn from(error: RowError) -> Self {
        let RowErrorDetail { index, column, source } = *error.0;
        Error::Decode { index, column, source }
    }
}

impl fmt::Debug for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RowError")
            .field("index", &self.0.index)
            .field("column", &self.0.column)
            .field("source", &self.0.source)
            .finish()
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let RowErrorDetail { index, column, source } = &*self.0;
        write!(f, "cannot decode column {index} `{column}`: {source}")
    }
}

impl std::error::Error for RowError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0.source)
    }
}

/// A fetched row, as a backend exposes it to decoding. Implemented by each backend.
///
/// A row is decoded once, column by column, so it lends its values mutably: where the
/// driver hands the row over (MySQL), a decoder may take a value's buffer instead of
/// copying it.
pub trait RawRow<D: Dialect> {
    /// The value of the column at `index`, lent by the row; `None` past the row's end.
    fn value(&mut self, index: usize) -> Option<D::RawValue<'_>>;
    /// The column's name as the database reported it, for error messages.
    fn column_name(&self, index: usize) -> String;
    /// How many columns the row has, for error messages.
    fn width(&self) -> usize;
}

/// Turns a fetched row into a typed result. Implemented for each query's selection.
pub trait DecodeRow<D: Dialect> {
    /// The typed row.
    type Row;
    /// Decodes the whole row.
    fn decode<R: RawRow<D>>(row: &mut R) -> Result<Self::Row, RowError>;
}

/// Decodes the column at `index` as `V` (SQL type `ST`), honouring nullability `N`: NULL
/// becomes `None` where `N` is nullable and a decode error where it is not.
///
/// Always inlined: it runs once per column of every row, and a call costs more than its
/// body once the error paths are out of line.
#[inline(always)]
pub fn decode_column<V, ST, N, D, R>(row: &mut R, index: usize) -> Result<N::Wrap<V>, RowError>
where
    V: FromSql<ST, D>,
    N: Nullability,
    D: Dialect,
    R: RawRow<D>,
{
    let Some(raw) = row.value(index) else {
        return Err(missing_column(row, index));
    };
    if D::is_null(&raw) {
        drop(raw);
        return match N::none() {
            Some(none) => Ok(none),
            None => Err(decode_error(row, index, DecodeError::new(UNEXPECTED_NULL))),
        };
    }
    match V::from_sql(raw) {
        Ok(value) => Ok(N::some(value)),
        Err(source) => Err(decode_error(row, index, source)),
    }
}

const UNEXPECTED_NULL: &str =
    "unexpected NULL: the schema says this column is NOT NULL; declare it nullable, or fix the data";

/// The error of a column that could not be decoded. Out of line and cold, so the decoding
/// of every column stays small.
#[cold]
#[inline(never)]
fn decode_error<D: Dialect, R: RawRow<D>>(row: &R, index: usize, source: DecodeError) -> RowError {
    RowError::new(index, row.column_name(index), source)
}

/// The error of a decoder that reads past the end of the row: its selection and the
/// statement's columns disagree.
#[cold]
#[inline(never)]
fn missing_column<D: Dialect, R: RawRow<D>>(row: &R, index: usize) -> RowError {
    let width = row.width();
    RowError::new(
        index,
        format!("#{index}"),
        DecodeError::new(format!(
            "the row has {width} columns and the query decodes more: its selection and the statement disagree"
        )),
    )
}

/// Whether every column in `start..start + width` is NULL: how a whole row on the
/// nullable side of an outer join is recognised as missing.
pub fn all_null<D: Dialect, R: RawRow<D>>(row: &mut R, start: usize, width: usize) -> Result<bool, RowError> {
    for index in start..start + width {
        let Some(null) = row.value(index).map(|raw| D::is_null(&raw)) else {
            return Err(missing_column(row, index));
        };
        if !null {
            return Ok(false);
        }
    }
    Ok(true)
}
