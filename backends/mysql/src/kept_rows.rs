//! Results kept as bytes for a query cache: the columns (name, type, flags) and each
//! value as mysql_async read it, made into rows again and decoded as if just received.

use crate::database::Database;
use crate::row::{decode_all, Rows};
use mizzle_dsl::dialect::MySql;
use mizzle_dsl::exec::KeepRows;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use mysql_async::consts::{ColumnFlags, ColumnType};
use mysql_async::{Column, Row, Value};
use std::sync::Arc;

impl KeepRows<MySql> for Database {
    fn keep_rows(rows: &Rows, out: &mut Vec<u8>) {
        write_columns(rows.columns(), out);
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for value in rows.values() {
            write_value(value.as_ref().unwrap_or(&Value::NULL), out);
        }
    }

    fn keep_row(row: &Row, out: &mut Vec<u8>) {
        write_columns(&row.columns(), out);
        out.extend_from_slice(&1u32.to_le_bytes());
        for index in 0..row.len() {
            write_value(row.as_ref(index).unwrap_or(&Value::NULL), out);
        }
    }

    fn decode_kept<R: DecodeRow<MySql>>(kept: &[u8]) -> Result<Vec<R::Row>, Error> {
        let rows = read_rows(kept).ok_or_else(|| Error::Driver("a cached MySQL result is malformed".into()))?;
        decode_all::<R>(rows)
    }
}

fn write_columns(columns: &[Column], out: &mut Vec<u8>) {
    out.extend_from_slice(&(columns.len() as u16).to_le_bytes());
    for column in columns {
        let name = column.name_ref();
        out.extend_from_slice(&(name.len() as u16).to_le_bytes());
        out.extend_from_slice(name);
        out.push(column.column_type() as u8);
        out.extend_from_slice(&column.flags().bits().to_le_bytes());
    }
}

fn write_value(value: &Value, out: &mut Vec<u8>) {
    match value {
        Value::NULL => out.push(0),
        Value::Bytes(bytes) => {
            out.push(1);
            out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
            out.extend_from_slice(bytes);
        }
        Value::Int(n) => {
            out.push(2);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::UInt(n) => {
            out.push(3);
            out.extend_from_slice(&n.to_le_bytes());
        }
        Value::Float(x) => {
            out.push(4);
            out.extend_from_slice(&x.to_le_bytes());
        }
        Value::Double(x) => {
            out.push(5);
            out.extend_from_slice(&x.to_le_bytes());
        }
        Value::Date(year, month, day, hour, minute, second, micros) => {
            out.push(6);
            out.extend_from_slice(&year.to_le_bytes());
            out.extend_from_slice(&[*month, *day, *hour, *minute, *second]);
            out.extend_from_slice(&micros.to_le_bytes());
        }
        Value::Time(negative, days, hours, minutes, seconds, micros) => {
            out.push(7);
            out.push(*negative as u8);
            out.extend_from_slice(&days.to_le_bytes());
            out.extend_from_slice(&[*hours, *minutes, *seconds]);
            out.extend_from_slice(&micros.to_le_bytes());
        }
    }
}

/// Reads what `keep_rows` wrote; `None` when the bytes are not such a result.
fn read_rows(kept: &[u8]) -> Option<Rows> {
    let mut input = Input(kept);
    let width = input.array::<2>().map(u16::from_le_bytes)? as usize;
    let columns: Arc<[Column]> = (0..width)
        .map(|_| {
            let len = input.array::<2>().map(u16::from_le_bytes)? as usize;
            let name = input.take(len)?;
            let column_type = ColumnType::try_from(input.array::<1>()?[0]).ok()?;
            let flags = ColumnFlags::from_bits_truncate(input.array::<2>().map(u16::from_le_bytes)?);
            Some(Column::new(column_type).with_name(name).with_flags(flags))
        })
        .collect::<Option<_>>()?;
    let count = input.array::<4>().map(u32::from_le_bytes)? as usize;
    let mut rows = Rows::new(columns);
    for _ in 0..count * width {
        rows.push_value(input.value()?);
    }
    Some(rows)
}

/// The kept bytes, read from the front; `None` when they end too soon.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }

    fn value(&mut self) -> Option<Value> {
        Some(match self.array::<1>()?[0] {
            0 => Value::NULL,
            1 => {
                let len = u32::from_le_bytes(self.array::<4>()?) as usize;
                Value::Bytes(self.take(len)?.to_vec())
            }
            2 => Value::Int(i64::from_le_bytes(self.array()?)),
            3 => Value::UInt(u64::from_le_bytes(self.array()?)),
            4 => Value::Float(f32::from_le_bytes(self.array()?)),
            5 => Value::Double(f64::from_le_bytes(self.array()?)),
            6 => {
                let year = u16::from_le_bytes(self.array()?);
                let [month, day, hour, minute, second] = self.array()?;
                Value::Date(
                    year,
                    month,
                    day,
                    hour,
                    minute,
                    second,
                    u32::from_le_bytes(self.array()?),
                )
            }
            7 => {
                let negative = self.array::<1>()?[0] != 0;
                let days = u32::from_le_bytes(self.array()?);
                let [hours, minutes, seconds] = self.array()?;
                Value::Time(
                    negative,
                    days,
                    hours,
                    minutes,
                    seconds,
                    u32::from_le_bytes(self.array()?),
                )
            }
            _ => return None,
        })
    }
}
