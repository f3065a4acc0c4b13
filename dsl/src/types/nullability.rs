//! Nullability at the type level: whether an expression can be NULL, and what it decodes to.

#[cfg(feature = "json")]
use super::{FromJson, ToJson};
use super::{ToSql, Value};
use crate::error::EncodeError;

/// Whether an expression may be NULL. Implemented by [`NotNull`] and [`Null`] only.
pub trait Nullability: crate::private::Sealed + Default + Copy + 'static {
    /// The Rust type a value decodes to: `V`, or `Option<V>`.
    type Wrap<V>;
    /// Nullable if either side is: the result of combining two expressions.
    type Or<N: Nullability>: Nullability;
    /// `true` for [`Null`].
    const NULLABLE: bool;
    /// [`Yes`](crate::schema::Yes) for [`NotNull`], as narrowing reads it.
    type IsNotNull: crate::schema::Truth;
    /// Wraps a present value.
    fn some<V>(value: V) -> Self::Wrap<V>;
    /// The value of SQL NULL, or `None` where NULL is not allowed.
    fn none<V>() -> Option<Self::Wrap<V>>;
    /// Binds a value of this nullability: `None` binds NULL.
    fn to_value<ST, V: ToSql<ST>>(value: &Self::Wrap<V>) -> Result<Value<'_>, EncodeError>;
    /// Reads a value of this nullability from JSON: `null` only where NULL is allowed.
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(value: &serde_json::Value) -> Result<Self::Wrap<V>, String>;
    /// Writes a value of this nullability as JSON: NULL as `null`.
    #[cfg(feature = "json")]
    fn to_json<ST, V: ToJson<ST>>(value: &Self::Wrap<V>) -> serde_json::Value;
    /// The value, or `None` for NULL.
    fn as_option<V>(value: &Self::Wrap<V>) -> Option<&V>;
}

/// The expression is never NULL.
#[derive(Debug, Default, Clone, Copy)]
pub struct NotNull;

/// The expression may be NULL; it decodes to `Option<_>`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Null;

impl crate::private::Sealed for NotNull {}
impl crate::private::Sealed for Null {}

impl Nullability for NotNull {
    type Wrap<V> = V;
    type Or<N: Nullability> = N;
    const NULLABLE: bool = false;
    type IsNotNull = crate::schema::Yes;
    fn some<V>(value: V) -> V {
        value
    }
    fn none<V>() -> Option<V> {
        None
    }
    fn to_value<ST, V: ToSql<ST>>(value: &V) -> Result<Value<'_>, EncodeError> {
        value.to_value()
    }
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(value: &serde_json::Value) -> Result<V, String> {
        if value.is_null() {
            return Err("cannot be null".to_owned());
        }
        V::from_json(value)
    }
    #[cfg(feature = "json")]
    fn to_json<ST, V: ToJson<ST>>(value: &V) -> serde_json::Value {
        value.to_json()
    }
    fn as_option<V>(value: &V) -> Option<&V> {
        Some(value)
    }
}

impl Nullability for Null {
    type Wrap<V> = Option<V>;
    type Or<N: Nullability> = Null;
    const NULLABLE: bool = true;
    type IsNotNull = crate::schema::No;
    fn some<V>(value: V) -> Option<V> {
        Some(value)
    }
    fn none<V>() -> Option<Option<V>> {
        Some(None)
    }
    fn to_value<ST, V: ToSql<ST>>(value: &Option<V>) -> Result<Value<'_>, EncodeError> {
        value.as_ref().map_or(Ok(Value::Null), ToSql::to_value)
    }
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(value: &serde_json::Value) -> Result<Option<V>, String> {
        if value.is_null() {
            return Ok(None);
        }
        V::from_json(value).map(Some)
    }
    #[cfg(feature = "json")]
    fn to_json<ST, V: ToJson<ST>>(value: &Option<V>) -> serde_json::Value {
        value.as_ref().map_or(serde_json::Value::Null, ToJson::to_json)
    }
    fn as_option<V>(value: &Option<V>) -> Option<&V> {
        value.as_ref()
    }
}
