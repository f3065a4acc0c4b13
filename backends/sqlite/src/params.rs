//! Binding mizzle's values as rusqlite parameters, in SQLite's storage classes.

use mizzle_dsl::types::Value;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::ToSql;

/// One bound value, borrowed for binding.
pub(crate) struct Param<'v, 'q>(pub(crate) &'v Value<'q>);

fn refuse(message: String) -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure(message.into())
}

/// SQLite stores NaN as NULL and has no literal for the infinities: refused, not changed.
#[cold]
fn non_finite(x: f64) -> String {
    format!("SQLite cannot store the float {x}: it would read back as NULL or fail; store finite numbers only")
}

impl ToSql for Param<'_, '_> {
    // Inlined into the bind of each value, which then matches the variant once.
    #[inline]
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        use rusqlite::types::Value as Owned;
        Ok(match self.0 {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Bool(b) => ToSqlOutput::Owned(Owned::Integer(i64::from(*b))),
            Value::I8(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::I16(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::I32(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::I64(n) => ToSqlOutput::Owned(Owned::Integer(*n)),
            Value::U8(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::U16(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::U32(n) => ToSqlOutput::Owned(Owned::Integer(i64::from(*n))),
            Value::U64(n) => match i64::try_from(*n) {
                Ok(n) => ToSqlOutput::Owned(Owned::Integer(n)),
                Err(_) => return Err(refuse(format!("{n} does not fit SQLite's 64-bit signed integer"))),
            },
            Value::F32(x) if !x.is_finite() => return Err(refuse(non_finite(f64::from(*x)))),
            Value::F64(x) if !x.is_finite() => return Err(refuse(non_finite(*x))),
            Value::F32(x) => ToSqlOutput::Owned(Owned::Real(f64::from(*x))),
            Value::F64(x) => ToSqlOutput::Owned(Owned::Real(*x)),
            Value::Text(text) | Value::Json(text) => ToSqlOutput::Borrowed(ValueRef::Text(text.as_bytes())),
            Value::Bytes(bytes) => ToSqlOutput::Borrowed(ValueRef::Blob(bytes)),
            Value::Interval(_) => return Err(refuse("SQLite has no interval type".to_owned())),
            Value::Array(_) => return Err(refuse("SQLite has no array type".to_owned())),
            // Decimals, uuids, dates and times: their text form, whichever of them the query
            // builder has.
            other => match other.text_form() {
                Some(text) => ToSqlOutput::Owned(Owned::Text(text)),
                None => return Err(refuse(format!("SQLite cannot store {other:?}"))),
            },
        })
    }
}
