//! Bound values: a Rust value that travels as a parameter, never as SQL text.

use super::{AppearsIn, AsExpression, Expression};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{self as st, NotNull, Null, SqlType, ToSql, Value};
use std::marker::PhantomData;

/// A Rust value bound as a parameter of SQL type `ST`.
#[derive(Debug, Clone, Copy)]
pub struct Bound<ST, V> {
    value: V,
    sql_type: PhantomData<ST>,
}

impl<ST, V> Bound<ST, V> {
    /// Binds `value` as a `ST`.
    pub fn new(value: V) -> Self {
        Bound {
            value,
            sql_type: PhantomData,
        }
    }

    /// The bound value.
    pub fn value(&self) -> &V {
        &self.value
    }
}

impl<ST: SqlType, V> Expression for Bound<ST, V> {
    type SqlType = ST;
    type Nullability = NotNull;
    type Value = ST::Rust;
}

impl<ST: SqlType, V, S> AppearsIn<S, ()> for Bound<ST, V> {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<ST, V> super::Operand for Bound<ST, V> {}
impl<ST, V> super::RowLevel for Bound<ST, V> {}
impl<ST, V> super::RowLevel for NullableBound<ST, V> {}

impl<ST, V: ToSql<ST>, D: Dialect> RenderSql<D> for Bound<ST, V> {
    // A placeholder, whatever the value.
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        match self.value.to_value() {
            Ok(value) => out.push_bind(value),
            Err(error) => out.push_error(error),
        }
    }

    fn bound_value(&self) -> Option<Result<Value<'_>, crate::error::EncodeError>> {
        Some(self.value.to_value())
    }
}

/// An `Option` bound to a nullable column: `None` binds NULL.
#[derive(Debug, Clone, Copy)]
pub struct NullableBound<ST, V> {
    value: Option<V>,
    sql_type: PhantomData<ST>,
}

impl<ST, V> NullableBound<ST, V> {
    /// Binds `value`, or NULL.
    pub fn new(value: Option<V>) -> Self {
        NullableBound {
            value,
            sql_type: PhantomData,
        }
    }
}

impl<ST: SqlType, V> Expression for NullableBound<ST, V> {
    type SqlType = ST;
    type Nullability = Null;
    type Value = ST::Rust;
}

impl<ST: SqlType, V, S> AppearsIn<S, ()> for NullableBound<ST, V> {
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<ST, V: ToSql<ST>, D: Dialect> RenderSql<D> for NullableBound<ST, V> {
    // A placeholder, for NULL too.
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        match &self.value {
            Some(value) => match value.to_value() {
                Ok(value) => out.push_bind(value),
                Err(error) => out.push_error(error),
            },
            None => out.push_bind(Value::Null),
        }
    }
}

/// Rust values that bind as their SQL type, each as itself.
macro_rules! bind_as {
    ($($st:ty: $($rust:ty),+;)*) => {$($(
        impl AsExpression<$st> for $rust {
            type Expr = Bound<$st, $rust>;
            fn into_expression(self) -> Self::Expr {
                Bound::new(self)
            }
        }
    )+)*};
}

bind_as! {
    st::TinyInt: i8;
    st::SmallInt: i16;
    st::MediumInt: i32;
    st::Integer: i32;
    st::BigInt: i64;
    st::TinyIntUnsigned: u8;
    st::SmallIntUnsigned: u16;
    st::MediumIntUnsigned: u32;
    st::IntUnsigned: u32;
    st::BigIntUnsigned: u64;
    st::Real: f32;
    st::Double: f64;
    st::Bool: bool;
    st::Text: String;
    st::Bytes: Vec<u8>;
    st::IntervalType: crate::types::Interval;
    st::Year: u16;
    st::TsVector: String;
    st::TsQuery: String;
    st::BitField: u64;
}

#[cfg(feature = "decimal")]
bind_as! {
    st::Numeric: rust_decimal::Decimal;
    st::Money: rust_decimal::Decimal;
}

#[cfg(feature = "uuid")]
bind_as! {
    st::Uuid: uuid::Uuid;
}

#[cfg(feature = "chrono")]
bind_as! {
    st::Date: chrono::NaiveDate;
    st::Time: chrono::NaiveTime;
    st::Timestamp: chrono::NaiveDateTime;
    st::TimestampTz: chrono::DateTime<chrono::Utc>;
    st::UnixTimestamp: chrono::DateTime<chrono::Utc>;
    st::UnixTimestampMs: chrono::DateTime<chrono::Utc>;
}

impl<'a> AsExpression<st::Text> for &'a str {
    type Expr = Bound<st::Text, &'a str>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

impl<'a> AsExpression<st::Text> for &'a String {
    type Expr = Bound<st::Text, &'a str>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self.as_str())
    }
}

/// Text in the form PostgreSQL prints the full-text search types, which it parses back.
macro_rules! bind_text_form {
    ($($st:ty),*) => {$(
        impl<'a> AsExpression<$st> for &'a str {
            type Expr = Bound<$st, &'a str>;
            fn into_expression(self) -> Self::Expr {
                Bound::new(self)
            }
        }
    )*};
}
bind_text_form!(st::TsVector, st::TsQuery);

impl<'a> AsExpression<st::Bytes> for &'a [u8] {
    type Expr = Bound<st::Bytes, &'a [u8]>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

/// Lossless widenings, so that an integer literal (an `i32` unless told otherwise) can be
/// compared with or stored in any wider integer or decimal column. `smallint` has none:
/// with `i16` its only impl, a literal such as `5` is inferred as `i16`.
macro_rules! bind_widening {
    ($($st:ty: $target:ty => $($rust:ty),+;)*) => {$($(
        impl AsExpression<$st> for $rust {
            type Expr = Bound<$st, $target>;
            fn into_expression(self) -> Self::Expr {
                Bound::new(<$target>::from(self))
            }
        }
    )+)*};
}

bind_widening! {
    st::Integer: i32 => i8, i16, u8, u16;
    st::BigInt: i64 => i8, i16, i32, u8, u16, u32;
    st::Double: f64 => f32;
}

#[cfg(feature = "decimal")]
bind_widening! {
    st::Numeric: rust_decimal::Decimal => i8, i16, i32, i64, u8, u16, u32, u64;
}

impl<E: crate::types::SqlEnum> AsExpression<st::Enum<E>> for E {
    type Expr = Bound<st::Enum<E>, E>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

#[cfg(feature = "json")]
impl<T: crate::types::JsonValue> AsExpression<st::Json<T>> for T {
    type Expr = Bound<st::Json<T>, T>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

#[cfg(feature = "json")]
impl<T: crate::types::JsonValue> AsExpression<st::Jsonb<T>> for T {
    type Expr = Bound<st::Jsonb<T>, T>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

impl<ST: SqlType, T: ToSql<ST>> AsExpression<st::Array<ST>> for Vec<T> {
    type Expr = Bound<st::Array<ST>, Vec<T>>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

/// `Some(v)` binds `v`, `None` binds NULL; the expression is nullable, so only nullable
/// columns accept it in inserts and updates.
impl<ST: SqlType, V: ToSql<ST>> AsExpression<ST> for Option<V> {
    type Expr = NullableBound<ST, V>;
    fn into_expression(self) -> Self::Expr {
        NullableBound::new(self)
    }
}
