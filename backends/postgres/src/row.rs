//! A tokio-postgres row as mizzle's decoding reads it: raw binary values with their types.

use mizzle_dsl::dialect::{Pg, PgValueRef};
use mizzle_dsl::exec::push_in_place;
use mizzle_dsl::row::{DecodeRow, RawRow};
use mizzle_dsl::Error;
use postgres_types::{FromSql, Type};
use tokio_postgres::Row;

/// The raw bytes of any column, as tokio-postgres hands them over.
pub(crate) struct RawBytes<'a>(pub(crate) Option<&'a [u8]>);

impl<'a> FromSql<'a> for RawBytes<'a> {
    fn from_sql(_ty: &Type, raw: &'a [u8]) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(RawBytes(Some(raw)))
    }

    fn from_sql_null(_ty: &Type) -> Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(RawBytes(None))
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }
}

/// Borrows a row for decoding.
pub(crate) struct PgRow<'r>(pub(crate) &'r Row);

impl RawRow<Pg> for PgRow<'_> {
    #[inline]
    fn value(&mut self, index: usize) -> Option<PgValueRef<'_>> {
        let column = self.0.columns().get(index)?;
        // `RawBytes` accepts every type, so reading it fails only past the row's end.
        let RawBytes(bytes) = self.0.try_get::<_, RawBytes<'_>>(index).ok()?;
        Some(PgValueRef {
            ty: column.type_(),
            bytes,
        })
    }

    fn column_name(&self, index: usize) -> String {
        self.0
            .columns()
            .get(index)
            .map_or_else(|| format!("#{index}"), |column| column.name().to_owned())
    }

    fn width(&self) -> usize {
        self.0.len()
    }
}

/// Decodes a row with `R`: a plain function, so a fetch can carry it as a pointer.
pub(crate) fn decode<R: DecodeRow<Pg>>(row: Row) -> Result<R::Row, Error> {
    Ok(R::decode(&mut PgRow(&row))?)
}

/// Decodes every row with `R`, into a vector sized once.
pub(crate) fn decode_all<R: DecodeRow<Pg>>(rows: Vec<Row>) -> Result<Vec<R::Row>, Error> {
    let mut decoded = Vec::with_capacity(rows.len());
    for row in &rows {
        push_in_place(&mut decoded, R::decode(&mut PgRow(row))?);
    }
    Ok(decoded)
}
