//! A rusqlite row as mizzle's decoding reads it.

use mizzle_dsl::dialect::{Sqlite, SqliteValueRef};
use mizzle_dsl::row::RawRow;
use rusqlite::types::ValueRef;

/// Borrows a rusqlite row for decoding.
pub(crate) struct SqliteRow<'r, 's>(pub(crate) &'r rusqlite::Row<'s>);

impl RawRow<Sqlite> for SqliteRow<'_, '_> {
    #[inline]
    fn value(&mut self, index: usize) -> Option<SqliteValueRef<'_>> {
        Some(match self.0.get_ref(index).ok()? {
            ValueRef::Null => SqliteValueRef::Null,
            ValueRef::Integer(n) => SqliteValueRef::Integer(n),
            ValueRef::Real(x) => SqliteValueRef::Real(x),
            ValueRef::Text(text) => SqliteValueRef::Text(text),
            ValueRef::Blob(bytes) => SqliteValueRef::Blob(bytes),
        })
    }

    fn column_name(&self, index: usize) -> String {
        self.0
            .as_ref()
            .column_name(index)
            .map(str::to_owned)
            .unwrap_or_else(|_| format!("#{index}"))
    }

    fn width(&self) -> usize {
        self.0.as_ref().column_count()
    }
}
