//! Literals for DDL, where values cannot be bound: written so that every setting of the
//! dialect reads them as the same value.
//!
//! A quote is doubled, which every dialect reads the same way. A backslash is where the
//! settings disagree: PostgreSQL reads `'\'` as an escape when `standard_conforming_strings`
//! is off, MySQL unless `NO_BACKSLASH_ESCAPES` is set. So text with a backslash is
//! written in a form that has no escapes to read: PostgreSQL's `E'…'` (escapes on under
//! every setting, the backslash doubled) and MySQL's `CONCAT('…', CHAR(92 USING utf8mb4), '…')`
//! (no backslash in the text at all). SQLite never reads escapes.

use super::DialectKind;
use crate::error::EncodeError;
use crate::types::Value;
use std::fmt::Write;

/// MySQL's backslash, spelled without one.
const MYSQL_BACKSLASH: &str = "CHAR(92 USING utf8mb4)";

/// Writes `value` as a SQL literal, for DDL where parameters cannot be bound (CHECK
/// constraints, partial indexes, views, defaults). Text is written as [`write_text`] does.
pub(crate) fn write_literal(kind: DialectKind, sql: &mut String, value: &Value<'_>) -> Result<(), EncodeError> {
    match value {
        Value::Null => sql.push_str("NULL"),
        Value::Bool(b) => sql.push_str(if *b { "true" } else { "false" }),
        Value::I8(n) => write_number(sql, n),
        Value::I16(n) => write_number(sql, n),
        Value::I32(n) => write_number(sql, n),
        Value::I64(n) => write_number(sql, n),
        Value::U8(n) => write_number(sql, n),
        Value::U16(n) => write_number(sql, n),
        Value::U32(n) => write_number(sql, n),
        Value::U64(n) => write_number(sql, n),
        Value::F32(x) if x.is_finite() => {
            let _ = write!(sql, "{x:?}");
        }
        Value::F64(x) if x.is_finite() => {
            let _ = write!(sql, "{x:?}");
        }
        #[cfg(feature = "decimal")]
        Value::Decimal(d) => write_number(sql, d),
        Value::Text(s) | Value::Json(s) => write_text(kind, sql, s)?,
        // Uuids, dates and times: their text form.
        other => match other.text_form() {
            Some(text) => write_text(kind, sql, &text)?,
            None => {
                return Err(EncodeError::new(format!(
                    "{other:?} cannot be written as a SQL literal"
                )))
            }
        },
    }
    Ok(())
}

fn write_number(sql: &mut String, n: &impl std::fmt::Display) {
    let _ = write!(sql, "{n}");
}

/// Writes `text` as a string literal that means `text` under every setting: `'…'` with
/// quotes doubled, and where it holds a backslash, `E'…'` on PostgreSQL and a `CONCAT` of
/// its pieces on MySQL. On MySQL the result is then an expression, not a literal: a
/// DEFAULT wraps it in parentheses ([`needs_expression`]). Refuses a NUL character, which
/// no dialect's text holds.
pub(crate) fn write_text(kind: DialectKind, sql: &mut String, text: &str) -> Result<(), EncodeError> {
    refuse_nul(text)?;
    if kind == DialectKind::MySql && text.contains('\\') {
        sql.push_str("CONCAT(");
        for (i, piece) in text.split('\\').enumerate() {
            if i > 0 {
                separate(sql);
                sql.push_str(MYSQL_BACKSLASH);
            }
            if !piece.is_empty() {
                separate(sql);
                quoted(sql, piece);
            }
        }
        sql.push(')');
    } else {
        write_plain(kind, sql, text);
    }
    Ok(())
}

/// `, ` between two arguments of the `CONCAT(` being written.
fn separate(sql: &mut String) {
    if !sql.ends_with('(') {
        sql.push_str(", ");
    }
}

/// Whether `text`, written by [`write_text`] in `kind`, is an expression rather than a
/// literal, so that a column DEFAULT must put it in parentheses.
pub(crate) fn needs_expression(kind: DialectKind, text: &str) -> bool {
    kind == DialectKind::MySql && text.contains('\\')
}

/// Writes an enum member, which must be a literal (no expression may stand there): as
/// [`write_text`], except that on MySQL a member with a backslash or a NUL is written as a
/// hex string (`X'5C'`), which has no escapes under any setting. PostgreSQL refuses a NUL
/// in the statement itself.
pub(crate) fn write_enum_member(kind: DialectKind, sql: &mut String, member: &str) {
    if kind == DialectKind::MySql && member.contains(['\\', '\0']) {
        sql.push_str("X'");
        for byte in member.bytes() {
            let _ = write!(sql, "{byte:02X}");
        }
        sql.push('\'');
    } else {
        write_plain(kind, sql, member);
    }
}

/// `'…'`, or PostgreSQL's `E'…'` with backslashes doubled where `text` holds one.
fn write_plain(kind: DialectKind, sql: &mut String, text: &str) {
    if kind == DialectKind::Pg && text.contains('\\') {
        sql.push('E');
        quoted(sql, &text.replace('\\', "\\\\"));
    } else {
        quoted(sql, text);
    }
}

fn refuse_nul(text: &str) -> Result<(), EncodeError> {
    if text.contains('\0') {
        return Err(EncodeError::new(format!(
            "{text:?} holds a NUL character, which SQL text cannot hold"
        )));
    }
    Ok(())
}

/// `'text'`, with each `'` doubled.
fn quoted(sql: &mut String, text: &str) {
    sql.reserve(text.len() + 2);
    sql.push('\'');
    for piece in text.split_inclusive('\'') {
        sql.push_str(piece);
        if piece.ends_with('\'') {
            sql.push('\'');
        }
    }
    sql.push('\'');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(kind: DialectKind, s: &str) -> String {
        let mut sql = String::new();
        write_text(kind, &mut sql, s).unwrap();
        sql
    }

    #[test]
    fn text_without_a_backslash_is_quoted_with_its_quotes_doubled() {
        for kind in [DialectKind::Pg, DialectKind::MySql, DialectKind::Sqlite] {
            assert_eq!(text(kind, "it's"), "'it''s'");
        }
    }

    #[test]
    fn a_backslash_is_written_without_an_escape_a_setting_could_change() {
        assert_eq!(text(DialectKind::Pg, r"a\'b"), r"E'a\\''b'");
        assert_eq!(
            text(DialectKind::MySql, r"a\'b"),
            "CONCAT('a', CHAR(92 USING utf8mb4), '''b')"
        );
        assert_eq!(
            text(DialectKind::MySql, r"\\"),
            "CONCAT(CHAR(92 USING utf8mb4), CHAR(92 USING utf8mb4))"
        );
        assert_eq!(text(DialectKind::Sqlite, r"a\'b"), r"'a\''b'");
    }

    #[test]
    fn a_mysql_enum_member_with_a_backslash_is_a_hex_string() {
        let mut sql = String::new();
        write_enum_member(DialectKind::MySql, &mut sql, r"a\b");
        assert_eq!(sql, "X'615C62'");
    }

    #[test]
    fn a_nul_character_is_refused() {
        let mut sql = String::new();
        let error = write_text(DialectKind::Sqlite, &mut sql, "a\0b").unwrap_err();
        assert!(error.to_string().contains("NUL"), "{error}");
    }
}
