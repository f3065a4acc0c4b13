//! MySQL and MariaDB: `` `ident` `` and `?` placeholders.

use super::{write_quoted, Dialect, DialectKind};

/// MySQL 8 and MariaDB 10.5+.
#[derive(Debug, Clone, Copy, Default)]
pub struct MySql;

impl crate::private::Sealed for MySql {}

impl Dialect for MySql {
    const NAME: &'static str = "MySQL";
    const KIND: DialectKind = DialectKind::MySql;
    const SUPPORTS_NULLS_ORDER: bool = false;
    const LIMIT_ALL: Option<&'static str> = Some("18446744073709551615");
    /// The text or binary bytes of one column, `None` for NULL.
    type RawValue<'a> = Option<&'a [u8]>;

    fn write_ident(sql: &mut String, ident: &str) {
        write_quoted(sql, ident, '`');
    }

    fn write_placeholder(sql: &mut String, _n: usize) {
        sql.push('?');
    }

    fn is_null(raw: &Self::RawValue<'_>) -> bool {
        raw.is_none()
    }
}
