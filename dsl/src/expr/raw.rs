//! Typed raw SQL: the escape hatch, with values still bound as parameters.

use super::{impl_into_expression, AppearsIn, Expression};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Column, Table, TableIn};
use crate::types::{NotNull, Null, Nullability, SqlType, Value};
use std::borrow::Cow;
use std::marker::PhantomData;

/// A raw SQL fragment of SQL type `ST`, built from text, quoted column names and bound
/// values. Its text is trusted; its values never become SQL text.
///
/// ```
/// use mizzle_dsl::expr::sql;
/// use mizzle_dsl::types::Integer;
/// let expr = sql::<Integer>("coalesce(").bind(7i32).text(", 0)");
/// # let _ = expr;
/// ```
///
/// `Cols` lists the columns given with [`column`](Sql::column): the fragment is checked
/// against the query's tables by them, and it may be NULL where a table they belong to
/// is on the nullable side of an outer join.
#[derive(Debug, Clone)]
pub struct Sql<ST, N = NotNull, Cols = ()> {
    chunks: Vec<Chunk>,
    sql_type: PhantomData<(ST, N, Cols)>,
}

#[derive(Debug, Clone)]
enum Chunk {
    Text(Cow<'static, str>),
    Column { table: &'static str, column: &'static str },
    Bind(Value<'static>),
}

/// Starts a raw fragment of SQL type `ST` with `text`.
pub fn sql<ST: SqlType>(text: impl Into<Cow<'static, str>>) -> Sql<ST> {
    Sql {
        chunks: vec![Chunk::Text(text.into())],
        sql_type: PhantomData,
    }
}

impl<ST, N, Cols> Sql<ST, N, Cols> {
    /// Appends SQL text as is.
    pub fn text(mut self, text: impl Into<Cow<'static, str>>) -> Self {
        self.chunks.push(Chunk::Text(text.into()));
        self
    }

    /// Appends a column, quoted and qualified: `"users"."name"`. Its table must be in the
    /// query, and when that table is outer-joined the fragment decodes to an `Option`.
    pub fn column<C: Column>(mut self, _column: C) -> Sql<ST, N, (C, Cols)> {
        self.chunks.push(Chunk::Column {
            table: <C::Table as Table>::NAME,
            column: C::NAME,
        });
        Sql {
            chunks: self.chunks,
            sql_type: PhantomData,
        }
    }

    /// Appends a bound parameter.
    pub fn bind(mut self, value: impl Into<Value<'static>>) -> Self {
        self.chunks.push(Chunk::Bind(value.into()));
        self
    }

    /// Declares that the fragment may be NULL: it then decodes to an `Option`.
    pub fn nullable(self) -> Sql<ST, Null, Cols> {
        Sql {
            chunks: self.chunks,
            sql_type: PhantomData,
        }
    }
}

impl<ST: SqlType, N: Nullability, Cols> Expression for Sql<ST, N, Cols> {
    type SqlType = ST;
    type Nullability = N;
    type Value = ST::Rust;
}

/// The columns of a raw fragment, each of a table of source `S`; `I` is the proof.
pub trait RawColumns<S, I> {
    /// [`Null`] when one of their tables is on the nullable side of an outer join.
    type Nullability: Nullability;
}

impl<S> RawColumns<S, ()> for () {
    type Nullability = NotNull;
}

impl<C: Column, Rest: RawColumns<S, J>, S, I, J> RawColumns<S, (I, J)> for (C, Rest)
where
    C::Table: TableIn<S, I>,
{
    type Nullability = <<C::Table as TableIn<S, I>>::Nullability as Nullability>::Or<Rest::Nullability>;
}

/// Raw text is trusted; the columns given with `.column(..)` are checked against the
/// query's tables, and make the fragment nullable where their table is outer-joined.
impl<ST: SqlType, N: Nullability, Cols: RawColumns<S, I>, S, I> AppearsIn<S, I> for Sql<ST, N, Cols> {
    type ScopedNullability = N::Or<Cols::Nullability>;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<ST, N, Cols, D: Dialect> RenderSql<D> for Sql<ST, N, Cols> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        for chunk in &self.chunks {
            match chunk {
                Chunk::Text(Cow::Borrowed(text)) => out.push_sql(text),
                Chunk::Text(Cow::Owned(text)) => out.push_sql_text(text),
                Chunk::Column { table, column } => out.push_column(table, column),
                Chunk::Bind(value) => out.push_bind(value.clone()),
            }
        }
    }
}
impl_into_expression!([ST, N, Cols] Sql<ST, N, Cols>);
/// Raw SQL is taken as written: the database refuses an aggregate where it cannot stand.
impl<ST, N, Cols> super::RowLevel for Sql<ST, N, Cols> {}

macro_rules! value_from {
    ($($t:ty => $variant:ident),*) => {$(
        impl From<$t> for Value<'static> {
            fn from(value: $t) -> Self {
                Value::$variant(value.into())
            }
        }
    )*};
}
value_from!(bool => Bool, i8 => I8, i16 => I16, i32 => I32, i64 => I64, u8 => U8, u16 => U16,
    u32 => U32, u64 => U64, f32 => F32, f64 => F64, String => Text, &'static str => Text,
    Vec<u8> => Bytes);
#[cfg(feature = "decimal")]
value_from!(rust_decimal::Decimal => Decimal);
#[cfg(feature = "uuid")]
value_from!(uuid::Uuid => Uuid);
#[cfg(feature = "chrono")]
value_from!(chrono::NaiveDate => Date, chrono::NaiveTime => Time, chrono::NaiveDateTime => Timestamp,
    chrono::DateTime<chrono::Utc> => TimestampTz);

impl<T: Into<Value<'static>>> From<Option<T>> for Value<'static> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Value::Null, Into::into)
    }
}
