//! SQL dialects: quoting, placeholders and the capabilities only some dialects have.

mod capability;
mod engine;
mod literal;
mod mysql;
mod pg;
mod sqlite;

pub use capability::{
    SupportsDistinctOn, SupportsFullJoin, SupportsIlike, SupportsInsertIgnore, SupportsKeyLocks, SupportsLateral,
    SupportsLockOf, SupportsOnConflict, SupportsOnDuplicateKey, SupportsReturning, SupportsRowLocks,
    SupportsSetOperationAll, SupportsWriteLimit,
};
pub use engine::Engine;
pub use mysql::{MySql, MySqlBytes, MySqlValueRef};
pub use pg::{Pg, PgValueRef};
pub use sqlite::{Sqlite, SqliteValueRef};

pub(crate) use literal::{needs_expression, write_enum_member, write_literal, write_text};
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

    /// Whether an operand of UNION, INTERSECT or EXCEPT may be a query in parentheses;
    /// where not (SQLite), an operand with its own ORDER BY or LIMIT is read from a
    /// subquery instead.
    const PARENTHESIZED_SET_OPERANDS: bool;

    /// The most bound parameters one statement may carry.
    const MAX_PARAMS: usize;

    /// Writes `ident` quoted, with embedded quote characters doubled.
    fn write_ident(sql: &mut String, ident: &str);

    /// Writes the placeholder of the `n`th bind, 1-based: `$n` or `?`.
    fn write_placeholder(sql: &mut String, n: usize);

    /// Whether a raw column value is SQL NULL.
    fn is_null(raw: &Self::RawValue<'_>) -> bool;

    /// Appends bytes that another value of the same column appends too exactly when the
    /// two are equal: how a relational query tells its rows apart by key columns it
    /// fetches without decoding.
    fn write_identity(raw: &Self::RawValue<'_>, out: &mut Vec<u8>);
}

/// Appends `bytes` with their length first, so that consecutive values cannot run together.
pub(crate) fn write_sized(bytes: &[u8], out: &mut Vec<u8>) {
    out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
    out.extend_from_slice(bytes);
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
