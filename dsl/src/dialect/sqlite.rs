//! SQLite: `"ident"`, `?` placeholders, and its five storage classes.

use super::{write_quoted, write_sized, Dialect, DialectKind};

/// SQLite 3.35+ (the bundled build is newer).
#[derive(Debug, Clone, Copy, Default)]
pub struct Sqlite;

impl crate::private::Sealed for Sqlite {}

/// One column of a SQLite row, in one of SQLite's storage classes, borrowed from the row.
///
/// The backend converts its driver's value to this; decoding reads it without copying.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SqliteValueRef<'a> {
    /// SQL NULL.
    Null,
    /// A 64-bit signed integer.
    Integer(i64),
    /// A 64-bit float.
    Real(f64),
    /// Text; SQLite does not guarantee it is valid UTF-8, so decoding checks.
    Text(&'a [u8]),
    /// Bytes.
    Blob(&'a [u8]),
}

impl Dialect for Sqlite {
    const NAME: &'static str = "SQLite";
    const KIND: DialectKind = DialectKind::Sqlite;
    const SUPPORTS_NULLS_ORDER: bool = true;
    const LIMIT_ALL: Option<&'static str> = Some("-1");
    const PARENTHESIZED_SET_OPERANDS: bool = false;
    const MAX_PARAMS: usize = 32766;
    type RawValue<'a> = SqliteValueRef<'a>;

    fn write_ident(sql: &mut String, ident: &str) {
        write_quoted(sql, ident, '"');
    }

    fn write_placeholder(sql: &mut String, _n: usize) {
        sql.push('?');
    }

    fn is_null(raw: &Self::RawValue<'_>) -> bool {
        matches!(raw, SqliteValueRef::Null)
    }

    fn write_identity(raw: &Self::RawValue<'_>, out: &mut Vec<u8>) {
        match raw {
            SqliteValueRef::Null => out.push(0),
            SqliteValueRef::Integer(n) => {
                out.push(1);
                out.extend_from_slice(&n.to_le_bytes());
            }
            SqliteValueRef::Real(x) => {
                out.push(2);
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
            SqliteValueRef::Text(bytes) => {
                out.push(3);
                write_sized(bytes, out);
            }
            SqliteValueRef::Blob(bytes) => {
                out.push(4);
                write_sized(bytes, out);
            }
        }
    }
}
