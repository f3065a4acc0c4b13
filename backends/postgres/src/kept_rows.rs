//! Results kept as bytes for a query cache: the columns' names and types, and each
//! value's binary form as the server sent it, decoded later as if just received.

use crate::database::Database;
use crate::row::RawBytes;
use mizzle_dsl::dialect::{Pg, PgValueRef};
use mizzle_dsl::exec::KeepRows;
use mizzle_dsl::row::{DecodeRow, RawRow};
use mizzle_dsl::Error;
use postgres_types::{Kind, Type};
use tokio_postgres::{Column, Row};

impl KeepRows<Pg> for Database {
    fn keep_rows(rows: &Vec<Row>, out: &mut Vec<u8>) {
        write_result(rows.first().map_or(&[], Row::columns), rows, out);
    }

    fn keep_row(row: &Row, out: &mut Vec<u8>) {
        write_result(row.columns(), std::slice::from_ref(row), out);
    }

    fn decode_kept<R: DecodeRow<Pg>>(kept: &[u8]) -> Result<Vec<R::Row>, Error> {
        let malformed = || Error::Driver("a cached PostgreSQL result is malformed".into());
        let mut input = Input(kept);
        let width = input.u16().ok_or_else(malformed)? as usize;
        let columns = (0..width)
            .map(|_| Some((input.text()?, input.ty()?)))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(malformed)?;
        let count = input.u32().ok_or_else(malformed)? as usize;
        let mut decoded = Vec::with_capacity(count.min(kept.len()));
        let mut values = Vec::with_capacity(width);
        for _ in 0..count {
            values.clear();
            for _ in 0..width {
                values.push(input.value().ok_or_else(malformed)?);
            }
            decoded.push(R::decode(&mut KeptRow {
                columns: &columns,
                values: &values,
            })?);
        }
        Ok(decoded)
    }
}

/// The columns, then the row count, then each value: its length (-1 for NULL) and bytes.
fn write_result(columns: &[Column], rows: &[Row], out: &mut Vec<u8>) {
    out.extend_from_slice(&(columns.len() as u16).to_le_bytes());
    for column in columns {
        write_text(column.name(), out);
        write_type(column.type_(), out);
    }
    out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
    for row in rows {
        for index in 0..columns.len() {
            match row.try_get::<_, RawBytes<'_>>(index) {
                Ok(RawBytes(Some(bytes))) => {
                    out.extend_from_slice(&(bytes.len() as i32).to_le_bytes());
                    out.extend_from_slice(bytes);
                }
                _ => out.extend_from_slice(&(-1i32).to_le_bytes()),
            }
        }
    }
}

fn write_text(text: &str, out: &mut Vec<u8>) {
    out.extend_from_slice(&(text.len() as u16).to_le_bytes());
    out.extend_from_slice(text.as_bytes());
}

/// A type by its oid, name and schema, and an array's element type, so that a type the
/// driver does not know by oid (an enum, an array of enums) is made again as it was.
fn write_type(ty: &Type, out: &mut Vec<u8>) {
    out.extend_from_slice(&ty.oid().to_le_bytes());
    write_text(ty.name(), out);
    write_text(ty.schema(), out);
    match ty.kind() {
        Kind::Array(member) => {
            out.push(1);
            write_type(member, out);
        }
        _ => out.push(0),
    }
}

/// The kept bytes, read from the front; `None` when they end too soon.
struct Input<'a>(&'a [u8]);

impl<'a> Input<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (taken, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(taken)
    }

    fn u16(&mut self) -> Option<u16> {
        self.take(2).map(|b| u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        self.take(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn text(&mut self) -> Option<String> {
        let len = self.u16()? as usize;
        String::from_utf8(self.take(len)?.to_vec()).ok()
    }

    fn ty(&mut self) -> Option<Type> {
        let oid = self.u32()?;
        let name = self.text()?;
        let schema = self.text()?;
        let kind = match self.take(1)?[0] {
            1 => Kind::Array(self.ty()?),
            _ => Kind::Simple,
        };
        Some(Type::from_oid(oid).unwrap_or_else(|| Type::new(name, oid, kind, schema)))
    }

    fn value(&mut self) -> Option<Option<&'a [u8]>> {
        let len = self.u32()? as i32;
        match usize::try_from(len) {
            Ok(len) => self.take(len).map(Some),
            Err(_) => Some(None),
        }
    }
}

/// A kept row lent for decoding.
struct KeptRow<'r> {
    columns: &'r [(String, Type)],
    values: &'r [Option<&'r [u8]>],
}

impl RawRow<Pg> for KeptRow<'_> {
    fn value(&mut self, index: usize) -> Option<PgValueRef<'_>> {
        Some(PgValueRef {
            ty: &self.columns.get(index)?.1,
            bytes: *self.values.get(index)?,
        })
    }

    fn column_name(&self, index: usize) -> String {
        self.columns
            .get(index)
            .map_or_else(|| format!("#{index}"), |(name, _)| name.clone())
    }

    fn width(&self) -> usize {
        self.columns.len()
    }
}
