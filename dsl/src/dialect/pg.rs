//! PostgreSQL: `"ident"` and `$n` placeholders.

use super::{write_quoted, Dialect, DialectKind};
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
    /// The binary-format bytes of one column, `None` for NULL.
    type RawValue<'a> = Option<&'a [u8]>;

    fn write_ident(sql: &mut String, ident: &str) {
        write_quoted(sql, ident, '"');
    }

    fn write_placeholder(sql: &mut String, n: usize) {
        // Writing to a String cannot fail.
        let _ = write!(sql, "${n}");
    }

    fn is_null(raw: &Self::RawValue<'_>) -> bool {
        raw.is_none()
    }
}
