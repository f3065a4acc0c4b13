//! SQL dialects: quoting, placeholders and the capabilities only some dialects have.

mod capability;
mod mysql;
mod pg;
mod sqlite;

pub use capability::{
    SupportsDistinctOn, SupportsFullJoin, SupportsIlike, SupportsOnConflict, SupportsOnDuplicateKey, SupportsReturning,
};
pub use mysql::{MySql, MySqlBytes, MySqlValueRef};
pub use pg::{Pg, PgValueRef};
pub use sqlite::{Sqlite, SqliteValueRef};

use std::fmt::Debug;

/// A SQL dialect. Sealed: only [`Pg`], [`MySql`] and [`Sqlite`] implement it.
///
/// Tables name their dialect (`Table::Dialect`), so every query knows at compile time
/// how it will be spelled and which features it may use.
pub trait Dialect: crate::private::Sealed + Copy + Default + Debug + Send + Sync + 'static {
    /// The dialect's name in messages: `PostgreSQL`, `MySQL`, `SQLite`.
    const NAME: &'static str;

    /// One column of a fetched row as the driver hands it over, borrowed from the row.
    type RawValue<'a>;

    /// Which dialect this is, for the few places (DDL) that spell things differently.
    const KIND: DialectKind;

    /// Whether `ORDER BY … NULLS FIRST/LAST` is understood; where not, mizzle sorts on
    /// `expr IS NULL` first, which gives the same order.
    const SUPPORTS_NULLS_ORDER: bool;

    /// What to write as LIMIT when only OFFSET is given and the dialect requires a LIMIT.
    const LIMIT_ALL: Option<&'static str>;

    /// The most bound parameters one statement may carry.
    const MAX_PARAMS: usize;

    /// Writes `ident` quoted, with embedded quote characters doubled.
    fn write_ident(sql: &mut String, ident: &str);

    /// Writes the placeholder of the `n`th bind, 1-based: `$n` or `?`.
    fn write_placeholder(sql: &mut String, n: usize);

    /// Whether a raw column value is SQL NULL.
    fn is_null(raw: &Self::RawValue<'_>) -> bool;
}

/// The three dialects as a value, for code that branches on the dialect at run time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DialectKind {
    /// PostgreSQL.
    Pg,
    /// MySQL and MariaDB.
    MySql,
    /// SQLite.
    Sqlite,
}

/// Writes `value` as a SQL literal, for DDL where parameters cannot be bound (CHECK
/// constraints, partial indexes, views). Strings are quoted with `'` doubled, and on MySQL
/// backslashes are doubled too, since MySQL reads them as escapes.
pub(crate) fn write_literal(
    kind: DialectKind,
    sql: &mut String,
    value: &crate::types::Value<'_>,
) -> Result<(), crate::error::EncodeError> {
    use crate::types::Value;
    use std::fmt::Write;
    let mut text = |s: &str| {
        sql.push('\'');
        for ch in s.chars() {
            match ch {
                '\'' => sql.push_str("''"),
                '\\' if kind == DialectKind::MySql => sql.push_str("\\\\"),
                ch => sql.push(ch),
            }
        }
        sql.push('\'');
    };
    match value {
        Value::Null => sql.push_str("NULL"),
        Value::Bool(b) => sql.push_str(if *b { "true" } else { "false" }),
        Value::I8(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::I16(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::I32(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::I64(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::U8(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::U16(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::U32(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::U64(n) => {
            let _ = write!(sql, "{n}");
        }
        Value::F32(x) if x.is_finite() => {
            let _ = write!(sql, "{x:?}");
        }
        Value::F64(x) if x.is_finite() => {
            let _ = write!(sql, "{x:?}");
        }
        Value::Decimal(d) => {
            let _ = write!(sql, "{d}");
        }
        Value::Text(s) | Value::Json(s) => text(s),
        Value::Uuid(u) => text(&u.hyphenated().to_string()),
        Value::Date(d) => text(&d.format("%Y-%m-%d").to_string()),
        Value::Time(t) => text(&t.format("%H:%M:%S%.f").to_string()),
        Value::Timestamp(t) => text(&t.format("%Y-%m-%d %H:%M:%S%.f").to_string()),
        Value::TimestampTz(t) => text(&t.format("%Y-%m-%d %H:%M:%S%.f+00:00").to_string()),
        other => {
            return Err(crate::error::EncodeError::new(format!(
                "{other:?} cannot be written as a SQL literal"
            )))
        }
    }
    Ok(())
}

/// Quotes with `quote`, doubling any `quote` inside `ident`: the escaping rule of all three dialects.
pub(crate) fn write_quoted(sql: &mut String, ident: &str, quote: char) {
    sql.reserve(ident.len() + 2);
    sql.push(quote);
    // Names rarely hold the quote: copy them whole, and walk the characters only to double one.
    if ident.contains(quote) {
        for ch in ident.chars() {
            if ch == quote {
                sql.push(quote);
            }
            sql.push(ch);
        }
    } else {
        sql.push_str(ident);
    }
    sql.push(quote);
}

#[cfg(test)]
mod tests {
    use super::write_quoted;

    #[test]
    fn identifiers_are_quoted_and_their_quotes_doubled() {
        let mut sql = String::new();
        write_quoted(&mut sql, "users", '"');
        sql.push(' ');
        write_quoted(&mut sql, "say \"hi\" ✓", '"');
        sql.push(' ');
        write_quoted(&mut sql, "it`s", '`');
        assert_eq!(sql, r#""users" "say ""hi"" ✓" `it``s`"#);
    }
}
