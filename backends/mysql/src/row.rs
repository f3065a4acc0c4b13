//! A mysql_async row as mizzle's decoding reads it.

use mizzle_dsl::dialect::{MySql, MySqlBytes, MySqlValueRef};
use mizzle_dsl::row::{DecodeRow, RawRow};
use mizzle_dsl::Error;
use mysql_async::{Column, Row, Value};
use std::sync::Arc;

/// A fetched row, handed over for decoding: its values, which decoders may take, and its
/// columns, for error messages.
pub(crate) struct MySqlRow {
    values: Vec<Option<Value>>,
    columns: Arc<[Column]>,
}

impl RawRow<MySql> for MySqlRow {
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
    let mut row = MySqlRow {
        values: row.unwrap_raw(),
        columns,
    };
    Ok(R::decode(&mut row)?)
}
