//! SQLite's binary JSON (`jsonb`, SQLite 3.45+): [`BlobJson`]'s values encoded into it and
//! read back from it, so that a blob column holds JSON that SQLite's JSON functions read
//! without parsing text. See <https://sqlite.org/jsonb.html> for the format.

use super::{FromJson, FromSql, JsonValue, ToJson, ToSql, Value};
use crate::dialect::{Sqlite, SqliteValueRef};
use crate::error::{DecodeError, EncodeError};
use serde_json::Value as Json;
use std::borrow::Cow;
use std::marker::PhantomData;

/// SQLite's binary JSON holding `T`: the SQL type of `sqlite::BlobJson<T>` columns.
#[derive(Debug, Clone, Copy, Default)]
pub struct BlobJson<T = Json>(PhantomData<T>);
impl<T: 'static> super::SqlType for BlobJson<T> {
    type Rust = T;
    const NAME: &'static str = "BlobJson";
}
crate::expr::not_summable! {
    [T: 'static] BlobJson<T>;
}

impl<T: serde::Serialize + 'static> ToSql<BlobJson<T>> for T {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        let json = serde_json::to_value(self)
            .map_err(|e| EncodeError::new(format!("cannot serialize the value as JSON: {e}")))?;
        let mut out = Vec::new();
        encode(&json, &mut out);
        Ok(Value::Bytes(Cow::Owned(out)))
    }
}

impl<T: JsonValue> crate::expr::AsExpression<BlobJson<T>> for T {
    type Expr = crate::expr::Bound<BlobJson<T>, T>;
    fn into_expression(self) -> Self::Expr {
        crate::expr::Bound::new(self)
    }
}

impl<T: JsonValue> FromJson<BlobJson<T>> for T {
    fn from_json(value: &Json) -> Result<Self, String> {
        serde_json::from_value(value.clone()).map_err(|e| e.to_string())
    }
}

impl<T: JsonValue> ToJson<BlobJson<T>> for T {
    fn to_json(&self) -> Json {
        serde_json::to_value(self).unwrap_or(Json::Null)
    }
}

/// A blob of binary JSON; text JSON too, which SQLite's text-returning JSON functions
/// (`json_set`, `json_remove`) leave in the column.
impl<T: serde::de::DeserializeOwned + 'static> FromSql<BlobJson<T>, Sqlite> for T {
    fn from_sql(raw: SqliteValueRef<'_>) -> Result<Self, DecodeError> {
        let json = match raw {
            SqliteValueRef::Blob(bytes) => {
                let (value, used) = decode(bytes)?;
                if used != bytes.len() {
                    return Err(DecodeError::new("binary JSON with bytes after its value"));
                }
                value
            }
            SqliteValueRef::Text(text) => serde_json::from_slice(text)
                .map_err(|e| DecodeError::new(format!("invalid JSON for this column: {e}")))?,
            _ => return Err(DecodeError::new("expected binary JSON, a blob")),
        };
        serde_json::from_value(json).map_err(|e| DecodeError::new(format!("invalid JSON for this column: {e}")))
    }
}

/// Element types, the low four bits of a header.
mod kind {
    pub(super) const NULL: u8 = 0;
    pub(super) const TRUE: u8 = 1;
    pub(super) const FALSE: u8 = 2;
    pub(super) const INT: u8 = 3;
    pub(super) const INT5: u8 = 4;
    pub(super) const FLOAT: u8 = 5;
    pub(super) const FLOAT5: u8 = 6;
    pub(super) const TEXT: u8 = 7;
    pub(super) const TEXTJ: u8 = 8;
    pub(super) const TEXT5: u8 = 9;
    pub(super) const TEXTRAW: u8 = 10;
    pub(super) const ARRAY: u8 = 11;
    pub(super) const OBJECT: u8 = 12;
}

/// Writes an element's header: its type, and its payload's size in the high four bits or
/// in the 1, 2, 4 or 8 bytes after.
fn header(kind: u8, size: usize, out: &mut Vec<u8>) {
    match size {
        0..=11 => out.push(kind | (size as u8) << 4),
        12..=0xff => out.extend_from_slice(&[kind | 12 << 4, size as u8]),
        0x100..=0xffff => {
            out.push(kind | 13 << 4);
            out.extend_from_slice(&(size as u16).to_be_bytes());
        }
        _ => match u32::try_from(size) {
            Ok(size) => {
                out.push(kind | 14 << 4);
                out.extend_from_slice(&size.to_be_bytes());
            }
            Err(_) => {
                out.push(kind | 15 << 4);
                out.extend_from_slice(&(size as u64).to_be_bytes());
            }
        },
    }
}

/// Appends `value` in binary JSON.
fn encode(value: &Json, out: &mut Vec<u8>) {
    match value {
        Json::Null => out.push(kind::NULL),
        Json::Bool(true) => out.push(kind::TRUE),
        Json::Bool(false) => out.push(kind::FALSE),
        Json::Number(n) => {
            let text = n.to_string();
            header(if n.is_f64() { kind::FLOAT } else { kind::INT }, text.len(), out);
            out.extend_from_slice(text.as_bytes());
        }
        // Raw text: SQLite escapes it where it writes it as JSON.
        Json::String(s) => {
            header(kind::TEXTRAW, s.len(), out);
            out.extend_from_slice(s.as_bytes());
        }
        Json::Array(items) => {
            let mut payload = Vec::new();
            for item in items {
                encode(item, &mut payload);
            }
            header(kind::ARRAY, payload.len(), out);
            out.extend_from_slice(&payload);
        }
        Json::Object(members) => {
            let mut payload = Vec::new();
            for (key, item) in members {
                header(kind::TEXTRAW, key.len(), &mut payload);
                payload.extend_from_slice(key.as_bytes());
                encode(item, &mut payload);
            }
            header(kind::OBJECT, payload.len(), out);
            out.extend_from_slice(&payload);
        }
    }
}

/// Reads the element at the start of `bytes`: its value and the bytes it took.
fn decode(bytes: &[u8]) -> Result<(Json, usize), DecodeError> {
    let bad = |what: &str| DecodeError::new(format!("invalid binary JSON: {what}"));
    let (&first, rest) = bytes.split_first().ok_or_else(|| bad("it ends too soon"))?;
    let (size, skip) = match first >> 4 {
        n @ 0..=11 => (usize::from(n), 0),
        n => {
            let width = [1, 2, 4, 8][usize::from(n - 12)];
            let raw = rest.get(..width).ok_or_else(|| bad("a size ends too soon"))?;
            let size = raw.iter().fold(0u64, |size, byte| size << 8 | u64::from(*byte));
            (usize::try_from(size).map_err(|_| bad("a size too large"))?, width)
        }
    };
    let payload = rest
        .get(skip..skip + size)
        .ok_or_else(|| bad("a payload ends too soon"))?;
    let used = 1 + skip + size;
    let text = || std::str::from_utf8(payload).map_err(|_| bad("text that is not UTF-8"));
    let value = match first & 0x0f {
        kind::NULL => Json::Null,
        kind::TRUE => Json::Bool(true),
        kind::FALSE => Json::Bool(false),
        kind::INT | kind::FLOAT => serde_json::from_str(text()?).map_err(|_| bad("a number"))?,
        kind::INT5 | kind::FLOAT5 => json5_number(text()?).ok_or_else(|| bad("a JSON5 number"))?,
        kind::TEXT | kind::TEXTRAW => Json::String(text()?.to_owned()),
        kind::TEXTJ | kind::TEXT5 => {
            serde_json::from_str(&format!("\"{}\"", text()?)).map_err(|_| bad("text with escapes"))?
        }
        kind::ARRAY => {
            let mut items = Vec::new();
            let mut at = 0;
            while at < payload.len() {
                let (item, len) = decode(&payload[at..])?;
                items.push(item);
                at += len;
            }
            Json::Array(items)
        }
        kind::OBJECT => {
            let mut members = serde_json::Map::new();
            let mut at = 0;
            while at < payload.len() {
                let (key, len) = decode(&payload[at..])?;
                let Json::String(key) = key else {
                    return Err(bad("an object key that is not text"));
                };
                at += len;
                let (item, len) = decode(payload.get(at..).ok_or_else(|| bad("a key without a value"))?)?;
                members.insert(key, item);
                at += len;
            }
            Json::Object(members)
        }
        _ => return Err(bad("a reserved element type")),
    };
    Ok((value, used))
}

/// A JSON5 number as JSON: hexadecimal integers, and floats with a bare point or sign.
fn json5_number(text: &str) -> Option<Json> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if let Some(hex) = digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        let n = i64::from_str_radix(hex, 16).ok()?;
        return Some(Json::from(if negative { -n } else { n }));
    }
    let n: f64 = digits.parse().ok()?;
    serde_json::Number::from_f64(if negative { -n } else { n }).map(Json::Number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_binary_json() {
        let value = serde_json::json!({
            "name": "Ada \"the first\"", "age": 36, "ratio": 0.5, "tags": ["a", "b"],
            "nested": {"empty": [], "none": null, "yes": true, "no": false},
            "long": "x".repeat(300)
        });
        let mut bytes = Vec::new();
        encode(&value, &mut bytes);
        let (back, used) = decode(&bytes).unwrap();
        assert_eq!(back, value);
        assert_eq!(used, bytes.len());
    }

    #[test]
    fn sizes_take_the_smallest_header() {
        let mut out = Vec::new();
        header(kind::TEXTRAW, 11, &mut out);
        header(kind::TEXTRAW, 12, &mut out);
        header(kind::TEXTRAW, 300, &mut out);
        assert_eq!(out, [0xba, 0xca, 12, 0xda, 1, 44]);
    }

    #[test]
    fn json5_numbers_and_escaped_text_read_as_json() {
        // INT5 `0x1F`, TEXTJ `a\nb`.
        assert_eq!(decode(&[0x44, b'0', b'x', b'1', b'F']).unwrap().0, Json::from(31));
        assert_eq!(decode(&[0x48, b'a', b'\\', b'n', b'b']).unwrap().0, Json::from("a\nb"));
        assert!(decode(&[0x0d]).is_err());
    }
}
