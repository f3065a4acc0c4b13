//! Values the server fills ([`Fill`]) and rules that replace a column's own
//! ([`Replacement`]).

use mizzle_dsl::schema::{BelongsTo, Column};
use mizzle_dsl::types::ToJson;
use serde_json::{Map, Value as Json};
use std::marker::PhantomData;
use std::sync::Arc;

/// Values the server gives for columns of `T`, set by
/// [`validate_with`](crate::Validator::validate_with)'s closure.
#[derive(Debug)]
pub struct Fill<T> {
    values: Map<String, Json>,
    table: PhantomData<T>,
}

impl<T> Fill<T> {
    pub(crate) fn new() -> Self {
        Fill {
            values: Map::new(),
            table: PhantomData,
        }
    }

    /// Sets `column` to `value`, a value of the column's Rust type.
    pub fn set<C>(&mut self, _column: C, value: C::Value) -> &mut Self
    where
        C: Column + BelongsTo<T>,
        C::Value: ToJson<C::SqlType>,
    {
        self.values.insert(C::NAME.to_owned(), value.to_json());
        self
    }

    pub(crate) fn into_values(self) -> Map<String, Json> {
        self.values
    }
}

/// Reads a field's JSON value into the column's value, written back as the column's JSON.
pub(crate) type Convert = Arc<dyn Fn(&Json) -> Result<Json, String> + Send + Sync>;

/// A rule that replaces what a column accepts.
#[derive(Clone)]
pub(crate) struct Replacement {
    pub(crate) column: &'static str,
    /// The JSON Schema of what it accepts.
    pub(crate) schema: Json,
    pub(crate) convert: Convert,
}

impl Replacement {
    pub(crate) fn new<C, F>(schema: Json, convert: F) -> Self
    where
        C: Column,
        C::Value: ToJson<C::SqlType>,
        F: Fn(&Json) -> Result<C::Value, String> + Send + Sync + 'static,
    {
        Replacement {
            column: C::NAME,
            schema,
            convert: Arc::new(move |value| convert(value).map(|value| value.to_json())),
        }
    }
}
