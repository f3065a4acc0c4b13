//! A mysql_async row as mizzle's decoding reads it.

use mizzle_dsl::dialect::{MySql, MySqlBytes, MySqlValueRef};
use mizzle_dsl::exec::push_in_place;
use mizzle_dsl::row::{DecodeRow, RawRow};
use mizzle_dsl::Error;
use mysql_async::{Column, Row, Value};
use std::cell::Cell;
use std::sync::Arc;

/// Every row of a result as fetched, before decoding: what a [`Database`](crate::Database)
/// fetch holds between the two. The rows' values lie end to end in one vector: each
/// row's own vector is emptied and freed as it arrives, so the allocator hands the same
/// memory to the next row, as when each row is decoded at once.
///
/// The vector is the thread's spare one from the last fetch, emptied: a result of a
/// thousand rows needs a hundred kilobytes of values, and growing a new vector to that
/// size each time copies it over and over and touches fresh memory, which measured 5% of
/// a 1,000-row select's time.
#[derive(Debug)]
pub struct Rows {
    values: Vec<Option<Value>>,
    columns: Arc<[Column]>,
}

/// The largest vector of values a thread keeps for its next fetch, in values (2 MiB):
/// a larger result's vector is freed, so one huge result does not hold its memory.
const SPARE_VALUES: usize = 1 << 16;

thread_local! {
    /// This thread's emptied vector of values from its last fetch.
    static SPARE: Cell<Vec<Option<Value>>> = const { Cell::new(Vec::new()) };
}

impl Rows {
    /// No rows yet, of a result with `columns`.
    pub(crate) fn new(columns: Arc<[Column]>) -> Self {
        Rows {
            // A fetch during the thread's teardown, when its locals are gone, starts afresh.
            values: SPARE.try_with(Cell::take).unwrap_or_default(),
            columns,
        }
    }

    /// Appends a fetched row.
    pub(crate) fn push(&mut self, row: Row) {
        self.values.extend(row.unwrap_raw());
    }

    /// Appends one value of a row (a kept result read back).
    pub(crate) fn push_value(&mut self, value: Value) {
        self.values.push(Some(value));
    }

    /// The columns.
    pub(crate) fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Every value, row after row.
    pub(crate) fn values(&self) -> &[Option<Value>] {
        &self.values
    }

    /// How many rows there are.
    pub(crate) fn len(&self) -> usize {
        self.values.len().checked_div(self.columns.len()).unwrap_or(0)
    }
}

impl Drop for Rows {
    fn drop(&mut self) {
        if self.values.capacity() <= SPARE_VALUES {
            let mut values = std::mem::take(&mut self.values);
            values.clear();
            let _ = SPARE.try_with(|spare| spare.set(values));
        }
    }
}

/// A row lent for decoding: its values, which decoders may take, and its columns, for
/// error messages.
pub(crate) struct MySqlRow<'r> {
    values: &'r mut [Option<Value>],
    columns: &'r [Column],
}

impl RawRow<MySql> for MySqlRow<'_> {
    #[inline]
    fn value(&mut self, index: usize) -> Option<MySqlValueRef<'_>> {
        Some(match self.values.get_mut(index)? {
            // A value already taken out of the row (none is, while decoding) reads as NULL.
            None | Some(Value::NULL) => MySqlValueRef::Null,
            Some(Value::Bytes(bytes)) => MySqlValueRef::Bytes(MySqlBytes::new(bytes)),
            Some(Value::Int(n)) => MySqlValueRef::Int(*n),
            Some(Value::UInt(n)) => MySqlValueRef::UInt(*n),
            Some(Value::Float(x)) => MySqlValueRef::Float(*x),
            Some(Value::Double(x)) => MySqlValueRef::Double(*x),
            Some(Value::Date(year, month, day, hour, minute, second, micros)) => MySqlValueRef::Date {
                year: *year,
                month: *month,
                day: *day,
                hour: *hour,
                minute: *minute,
                second: *second,
                micros: *micros,
            },
            Some(Value::Time(negative, days, hours, minutes, seconds, micros)) => MySqlValueRef::Time {
                negative: *negative,
                days: *days,
                hours: *hours,
                minutes: *minutes,
                seconds: *seconds,
                micros: *micros,
            },
        })
    }

    fn column_name(&self, index: usize) -> String {
        self.columns
            .get(index)
            .map_or_else(|| format!("#{index}"), |column| column.name_str().into_owned())
    }

    fn width(&self) -> usize {
        self.values.len()
    }
}

/// Decodes a row with `R`: a plain function, so a fetch can carry it as a pointer. The
/// row is taken by value, so text and bytes move into the decoded values uncopied.
pub(crate) fn decode<R: DecodeRow<MySql>>(row: Row) -> Result<R::Row, Error> {
    let columns = row.columns();
    let mut values = row.unwrap_raw();
    let mut row = MySqlRow {
        values: &mut values,
        columns: &columns,
    };
    Ok(R::decode(&mut row)?)
}

/// Decodes every row with `R`, into a vector sized once.
pub(crate) fn decode_all<R: DecodeRow<MySql>>(mut rows: Rows) -> Result<Vec<R::Row>, Error> {
    let width = rows.columns.len();
    if width == 0 {
        return Ok(Vec::new());
    }
    let mut decoded = Vec::with_capacity(rows.values.len() / width);
    for values in rows.values.chunks_exact_mut(width) {
        push_in_place(
            &mut decoded,
            R::decode(&mut MySqlRow {
                values,
                columns: &rows.columns,
            })?,
        );
    }
    Ok(decoded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows_of(count: usize) -> Rows {
        let mut rows = Rows::new(Arc::from(Vec::new()));
        rows.values.extend((0..count).map(|n| Some(Value::Int(n as i64))));
        rows
    }

    #[test]
    fn a_fetch_reuses_the_values_vector_the_last_one_on_its_thread_emptied() {
        let first = rows_of(3_000);
        let (address, capacity) = (first.values.as_ptr(), first.values.capacity());
        drop(first);
        let second = Rows::new(Arc::from(Vec::new()));
        assert!(second.values.is_empty());
        assert_eq!((second.values.as_ptr(), second.values.capacity()), (address, capacity));
    }

    #[test]
    fn a_huge_result_does_not_keep_its_memory() {
        drop(rows_of(SPARE_VALUES + 1));
        assert_eq!(Rows::new(Arc::from(Vec::new())).values.capacity(), 0);
    }
}
