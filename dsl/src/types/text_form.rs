//! SQL types whose Rust value is their text form: PostgreSQL's full-text search types
//! (`tsvector`, `tsquery`). mizzle sends the text, which the server parses, and reads the
//! binary form the server answers with back into the text PostgreSQL itself prints.

#[cfg(feature = "json")]
use super::{FromJson, ToJson};
use super::{ToSql, Value};
use crate::error::EncodeError;
use std::borrow::Cow;

/// Declares SQL types held as their text form: the marker, and text in and out of
/// parameters and JSON.
macro_rules! text_form_types {
    ($( $(#[$doc:meta])* $name:ident; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl super::SqlType for $name {
            type Rust = String;
            const NAME: &'static str = stringify!($name);
            const PARAM: super::ParamKind = super::ParamKind::Text;
        }
        impl ToSql<$name> for str {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::Text(Cow::Borrowed(self)))
            }
        }
        impl ToSql<$name> for &str {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::Text(Cow::Borrowed(self)))
            }
        }
        impl ToSql<$name> for String {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::Text(Cow::Borrowed(self)))
            }
        }
        #[cfg(feature = "json")]
        impl FromJson<$name> for String {
            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                value.as_str().map(str::to_owned).ok_or_else(|| format!("expected a string, found {value}"))
            }
        }
        #[cfg(feature = "json")]
        impl ToJson<$name> for String {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(self.clone())
            }
        }
        crate::expr::not_summable! {
            [] $name;
        }
    )*};
}

text_form_types! {
    /// `tsvector` (PostgreSQL): a document's lexemes with their positions and weights,
    /// written as PostgreSQL prints it: `'rat':2A 'sat':3`.
    TsVector;
    /// `tsquery` (PostgreSQL): a full-text query, written as PostgreSQL prints it:
    /// `'fat' & ( 'rat' | 'cat' )`.
    TsQuery;
}
