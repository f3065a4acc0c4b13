//! `CAST(expr AS type)`, with each dialect's name for the target type.

use super::{impl_into_expression, AppearsIn, Expression};
use crate::dialect::{Dialect, MySql, Pg, Sqlite};
use crate::render::{RenderSql, SqlWriter};
use crate::types::{self as st, SqlType};
use std::marker::PhantomData;

/// A SQL type that dialect `D` can cast to, and how `CAST` names it there.
#[diagnostic::on_unimplemented(message = "{D} cannot cast to `{Self}`", label = "not a cast target in {D}")]
pub trait CastTarget<D: Dialect>: SqlType {
    /// The type name inside `CAST(… AS name)`.
    const CAST_NAME: &'static str;
}

macro_rules! cast_targets {
    ($d:ty: $($t:ty => $name:literal),* $(,)?) => {$(
        impl CastTarget<$d> for $t {
            const CAST_NAME: &'static str = $name;
        }
    )*};
}

cast_targets!(Pg: st::SmallInt => "smallint", st::Integer => "integer", st::BigInt => "bigint",
    st::Real => "real", st::Double => "double precision",
    st::Bool => "boolean", st::Text => "text", st::Bytes => "bytea", st::IntervalType => "interval");
#[cfg(feature = "uuid")]
cast_targets!(Pg: st::Uuid => "uuid");
#[cfg(feature = "chrono")]
cast_targets!(Pg: st::Date => "date", st::Time => "time", st::Timestamp => "timestamp",
    st::TimestampTz => "timestamptz");
cast_targets!(MySql: st::BigInt => "signed", st::BigIntUnsigned => "unsigned",
    st::Double => "double", st::Text => "char",
    st::Bytes => "binary");
#[cfg(feature = "chrono")]
cast_targets!(MySql: st::Date => "date", st::Time => "time", st::Timestamp => "datetime");
cast_targets!(Sqlite: st::BigInt => "integer", st::Double => "real",
    st::Text => "text", st::Bytes => "blob");
#[cfg(feature = "decimal")]
cast_targets!(Pg: st::Numeric => "numeric");
#[cfg(feature = "decimal")]
cast_targets!(MySql: st::Numeric => "decimal(65, 30)");
#[cfg(feature = "decimal")]
cast_targets!(Sqlite: st::Numeric => "numeric");

/// `CAST(expr AS T)`.
#[derive(Debug, Clone, Copy)]
pub struct Cast<E, T> {
    pub(crate) expr: E,
    pub(crate) target: PhantomData<T>,
}

impl<E: Expression, T: SqlType> Expression for Cast<E, T> {
    type SqlType = T;
    type Nullability = E::Nullability;
    type Value = T::Rust;
}

impl<E: AppearsIn<S, I>, T: SqlType, S, I> AppearsIn<S, I> for Cast<E, T> {
    type ScopedNullability = E::ScopedNullability;
    type Proves = E::Proves;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, T: CastTarget<D>, D: Dialect> RenderSql<D> for Cast<E, T> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("CAST(");
        self.expr.render(out);
        out.push_sql(" AS ");
        out.push_sql(T::CAST_NAME);
        out.push_sql(")");
    }
}
impl_into_expression!([E, T] Cast<E, T>);
impl<E: super::RowLevel, T> super::RowLevel for Cast<E, T> {}
