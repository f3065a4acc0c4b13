//! PostgreSQL: `"ident"` and `$n` placeholders.

use super::{write_quoted, write_sized, Dialect, DialectKind};
use std::fmt::Write;

/// PostgreSQL (and wire-compatible servers).
#[derive(Debug, Clone, Copy, Default)]
pub struct Pg;

impl crate::private::Sealed for Pg {}

impl Dialect for Pg {
    const NAME: &'static str = "PostgreSQL";
    const KIND: DialectKind = DialectKind::Pg;
    const SUPPORTS_NULLS_ORDER: bool = true;
    const LIMIT_ALL: Option<&'static str> = None;
    const PARENTHESIZED_SET_OPERANDS: bool = true;
    const MAX_PARAMS: usize = 65535;
    type RawValue<'a> = PgValueRef<'a>;

    fn write_ident(sql: &mut String, ident: &str) {
        write_quoted(sql, ident, '"');
    }

    fn write_placeholder(sql: &mut String, n: usize) {
        // Writing to a String cannot fail.
        let _ = write!(sql, "${n}");
    }

    fn is_null(raw: &Self::RawValue<'_>) -> bool {
        raw.bytes.is_none()
    }

    fn write_identity(raw: &Self::RawValue<'_>, out: &mut Vec<u8>) {
        // The binary format writes one value of a type one way.
        match raw.bytes {
            None => out.push(0),
            Some(bytes) => {
                out.push(1);
                write_sized(bytes, out);
            }
        }
    }
}

/// One column of a PostgreSQL row: its type and its binary-format bytes (`None` for
/// NULL), borrowed from the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PgValueRef<'a> {
    /// The column's type, as the server described the row (decoding needs the `pg` feature).
    #[cfg(feature = "pg")]
    pub ty: &'a postgres_types::Type,
    /// The value in binary format.
    pub bytes: Option<&'a [u8]>,
}
