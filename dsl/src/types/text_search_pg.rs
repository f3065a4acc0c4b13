//! Reading PostgreSQL's binary `tsvector` and `tsquery` into the text PostgreSQL prints
//! for them (`tsvectorout`, `tsqueryout`), so that a value read is one that can be sent.

use super::{FromSql, TsQuery, TsVector};
use crate::dialect::{Pg, PgValueRef};
use crate::error::DecodeError;

/// Reads the binary form, front to back.
struct Reader<'a> {
    bytes: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], DecodeError> {
        if self.bytes.len() < n {
            return Err(DecodeError::new(format!("a {} ends too soon", self.what)));
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Ok(head)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take(1)?[0])
    }

    fn u16(&mut self) -> Result<u16, DecodeError> {
        let b = self.take(2)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        let b = self.take(4)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A NUL-terminated UTF-8 string.
    fn cstr(&mut self) -> Result<&'a str, DecodeError> {
        let end = self
            .bytes
            .iter()
            .position(|&b| b == 0)
            .ok_or_else(|| DecodeError::new(format!("a {} holds an unterminated string", self.what)))?;
        let text = std::str::from_utf8(&self.bytes[..end])
            .map_err(|e| DecodeError::new(format!("a {} holds text that is not UTF-8: {e}", self.what)))?;
        self.bytes = &self.bytes[end + 1..];
        Ok(text)
    }
}

/// The value's bytes, after checking the column is of type `name`.
fn reader<'a>(raw: PgValueRef<'a>, name: &'static str) -> Result<Reader<'a>, DecodeError> {
    if raw.ty.name() != name {
        return Err(DecodeError::new(format!("expected {name}, found {}", raw.ty.name())));
    }
    let bytes = raw.bytes.ok_or_else(|| DecodeError::new("unexpected NULL"))?;
    Ok(Reader { bytes, what: name })
}

/// `'text'`, with `'` and `\` doubled, as both types print their words.
fn quote(out: &mut String, word: &str) {
    out.push('\'');
    for c in word.chars() {
        if c == '\'' || c == '\\' {
            out.push(c);
        }
        out.push(c);
    }
    out.push('\'');
}

impl FromSql<TsVector, Pg> for String {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let mut r = reader(raw, "tsvector")?;
        let count = r.u32()?;
        let mut out = String::new();
        for i in 0..count {
            if i > 0 {
                out.push(' ');
            }
            quote(&mut out, r.cstr()?);
            let positions = r.u16()?;
            for p in 0..positions {
                out.push(if p == 0 { ':' } else { ',' });
                let entry = r.u16()?;
                // The weight is in the top two bits (3 = A … 0 = D, which is not printed).
                out.push_str(&(entry & 0x3fff).to_string());
                match entry >> 14 {
                    3 => out.push('A'),
                    2 => out.push('B'),
                    1 => out.push('C'),
                    _ => {}
                }
            }
        }
        Ok(out)
    }
}

/// One item of a tsquery, as sent: the operators come before their operands, the right
/// operand first.
enum Item<'a> {
    Operand { weight: u8, prefix: bool, word: &'a str },
    Not,
    And,
    Or,
    Phrase(u16),
}

impl Item<'_> {
    /// How tightly the operator binds (PostgreSQL's `tsearch_op_priority`).
    fn priority(&self) -> i32 {
        match self {
            Item::Not => 4,
            Item::Phrase(_) => 3,
            Item::And => 2,
            Item::Or => 1,
            Item::Operand { .. } => 5,
        }
    }
}

impl FromSql<TsQuery, Pg> for String {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let mut r = reader(raw, "tsquery")?;
        let count = r.u32()?;
        let mut items = Vec::with_capacity(count.min(1024) as usize);
        for _ in 0..count {
            items.push(match r.u8()? {
                1 => {
                    let weight = r.u8()?;
                    let prefix = r.u8()? != 0;
                    Item::Operand {
                        weight,
                        prefix,
                        word: r.cstr()?,
                    }
                }
                2 => match r.u8()? {
                    1 => Item::Not,
                    2 => Item::And,
                    3 => Item::Or,
                    4 => Item::Phrase(r.u16()?),
                    other => return Err(DecodeError::new(format!("a tsquery holds an unknown operator {other}"))),
                },
                other => return Err(DecodeError::new(format!("a tsquery holds an unknown item {other}"))),
            });
        }
        let mut out = String::new();
        if !items.is_empty() {
            let end = infix(&items, 0, -1, false, &mut out)?;
            if end != items.len() {
                return Err(DecodeError::new("a tsquery holds items past its end"));
            }
        }
        Ok(out)
    }
}

/// Prints the item at `at` and its operands as PostgreSQL's `tsqueryout` does; returns
/// the position after them.
fn infix(
    items: &[Item<'_>],
    at: usize,
    parent: i32,
    right_of_phrase: bool,
    out: &mut String,
) -> Result<usize, DecodeError> {
    let item = items
        .get(at)
        .ok_or_else(|| DecodeError::new("a tsquery's operator lacks an operand"))?;
    match item {
        Item::Operand { weight, prefix, word } => {
            quote(out, word);
            if *weight != 0 || *prefix {
                out.push(':');
                if *prefix {
                    out.push('*');
                }
                for (bit, letter) in [(3, 'A'), (2, 'B'), (1, 'C'), (0, 'D')] {
                    if weight & (1 << bit) != 0 {
                        out.push(letter);
                    }
                }
            }
            Ok(at + 1)
        }
        Item::Not => {
            let parens = item.priority() < parent;
            if parens {
                out.push_str("( ");
            }
            out.push('!');
            let end = infix(items, at + 1, item.priority(), false, out)?;
            if parens {
                out.push_str(" )");
            }
            Ok(end)
        }
        Item::And => binary(items, at, item.priority(), " & ", parent, out),
        Item::Or => binary(items, at, item.priority(), " | ", parent, out),
        Item::Phrase(distance) => {
            // `<->` for words next to each other; `<N>` for N apart. After a phrase, on
            // its right, another phrase is parenthesized.
            let symbol = match distance {
                1 => " <-> ".to_owned(),
                n => format!(" <{n}> "),
            };
            let parens = item.priority() < parent || right_of_phrase;
            phrase_or_binary(items, at, item.priority(), &symbol, parens, true, out)
        }
    }
}

/// Prints an AND or an OR at `at`, parenthesized when its parent binds tighter.
fn binary(
    items: &[Item<'_>],
    at: usize,
    priority: i32,
    symbol: &str,
    parent: i32,
    out: &mut String,
) -> Result<usize, DecodeError> {
    phrase_or_binary(items, at, priority, symbol, priority < parent, false, out)
}

/// Prints the binary operator at `at`: its left operand, `symbol`, its right operand.
fn phrase_or_binary(
    items: &[Item<'_>],
    at: usize,
    priority: i32,
    symbol: &str,
    parens: bool,
    phrase: bool,
    out: &mut String,
) -> Result<usize, DecodeError> {
    // The right operand comes first in the items: print it aside, then the left one.
    let mut right = String::new();
    let left_at = infix(items, at + 1, priority, phrase, &mut right)?;
    if parens {
        out.push_str("( ");
    }
    let end = infix(items, left_at, priority, false, out)?;
    out.push_str(symbol);
    out.push_str(&right);
    if parens {
        out.push_str(" )");
    }
    Ok(end)
}
