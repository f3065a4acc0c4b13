//! A mysql_async row as mizzle's decoding reads it.

use mizzle_dsl::dialect::{MySql, MySqlValueRef};
use mizzle_dsl::row::{DecodeRow, RawRow};
use mizzle_dsl::Error;
use mysql_async::{Row, Value};

/// Borrows a row for decoding.
pub(crate) struct MySqlRow<'r>(pub(crate) &'r Row);

impl RawRow<MySql> for MySqlRow<'_> {
    #[inline]
    fn value(&self, index: usize) -> Option<MySqlValueRef<'_>> {
        Some(match self.0.as_ref(index)? {
            Value::NULL => MySqlValueRef::Null,
            Value::Bytes(bytes) => MySqlValueRef::Bytes(bytes),
            Value::Int(n) => MySqlValueRef::Int(*n),
            Value::UInt(n) => MySqlValueRef::UInt(*n),
            Value::Float(x) => MySqlValueRef::Float(*x),
            Value::Double(x) => MySqlValueRef::Double(*x),
            Value::Date(year, month, day, hour, minute, second, micros) => MySqlValueRef::Date {
                year: *year,
                month: *month,
                day: *day,
                hour: *hour,
                minute: *minute,
                second: *second,
                micros: *micros,
            },
            Value::Time(negative, days, hours, minutes, seconds, micros) => MySqlValueRef::Time {
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
        self.0
            .columns_ref()
            .get(index)
            .map_or_else(|| format!("#{index}"), |column| column.name_str().into_owned())
    }
}

/// Decodes a row with `R`: a plain function, so a fetch can carry it as a pointer.
pub(crate) fn decode<R: DecodeRow<MySql>>(row: &Row) -> Result<R::Row, Error> {
    Ok(R::decode(&MySqlRow(row))?)
}
