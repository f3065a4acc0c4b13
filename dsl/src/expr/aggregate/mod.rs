//! Aggregates: `count`, `count(distinct)`, `sum`, `avg` (each also distinct), `min`,
//! `max`, the collecting ones (`string_agg`, `array_agg`, `json_agg`), and FILTER.

mod collect;
mod filter;

pub use collect::{
    array_agg, string_agg, AggregateOrder, AggregateOrderIn, ArrayAgg, Collect, CollectKind, NoAggregateOrder,
    SpellCollect, StringAgg,
};
#[cfg(feature = "json")]
pub use collect::{json_agg, JsonAgg};
pub use filter::{AggregateCall, FilterableOn, Filtered};

use super::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{self as st, NotNull, Null, Nullability, SqlType};
use std::marker::PhantomData;

/// SQL types that `sum` and `avg` accept: the numbers.
#[diagnostic::on_unimplemented(
    message = "`sum` and `avg` need a number, not a `{Self}`",
    label = "not a numeric SQL type"
)]
pub trait Summable: SqlType {}

/// What `sum` of a SQL type returns (PostgreSQL's rules, which are the strictest: `sum`
/// of an `integer` is a `bigint`, of a `bigint` a `numeric`). A type that is not a number
/// answers itself, so that `sum` of text is one error, at `sum`, from [`Summable`].
#[diagnostic::on_unimplemented(
    message = "`sum` of a `{Self}` is a `numeric`, which mizzle reads as a decimal",
    label = "needs mizzle's `decimal` feature",
    note = "enable the `decimal` feature (on by default), or cast to a floating-point type first: `.cast::<Double>()`"
)]
pub trait SumType {
    /// The type of `sum(x)`.
    type Sum: SqlType;
}

/// What `avg` of a SQL type returns: `numeric` for integers and decimals, `double` for
/// floats. A type that is not a number answers itself, as for [`SumType`].
#[diagnostic::on_unimplemented(
    message = "`avg` of a `{Self}` is a `numeric`, which mizzle reads as a decimal",
    label = "needs mizzle's `decimal` feature",
    note = "enable the `decimal` feature (on by default), or cast to a floating-point type first: `.cast::<Double>()`"
)]
pub trait AvgType {
    /// The type of `avg(x)`.
    type Avg: SqlType;
}

macro_rules! sums_to {
    ($($t:ty => $sum:ty;)*) => {$(
        impl SumType for $t {
            type Sum = $sum;
        }
    )*};
}

macro_rules! averages_to {
    ($($t:ty => $avg:ty;)*) => {$(
        impl AvgType for $t {
            type Avg = $avg;
        }
    )*};
}

/// `sum` and `avg` of SQL types that are not numbers: the type itself, which no such
/// aggregate accepts ([`Summable`] says so).
macro_rules! not_summable {
    ($([$($gen:tt)*] $t:ty;)*) => {$(
        impl<$($gen)*> $crate::expr::SumType for $t {
            type Sum = Self;
        }
        impl<$($gen)*> $crate::expr::AvgType for $t {
            type Avg = Self;
        }
    )*};
}
pub(crate) use not_summable;

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl Summable for $t {}
    )*};
}

numbers!(
    st::TinyInt,
    st::SmallInt,
    st::MediumInt,
    st::Integer,
    st::BigInt,
    st::TinyIntUnsigned,
    st::SmallIntUnsigned,
    st::MediumIntUnsigned,
    st::IntUnsigned,
    st::BigIntUnsigned,
    st::Real,
    st::Double
);
#[cfg(feature = "decimal")]
numbers!(st::Numeric);

not_summable! {
    [] st::Bool;
    [] st::Text;
    [] st::Bytes;
    [] st::IntervalType;
    [] st::Year;
    [] st::BitField;
    [E: st::SqlEnum] st::Enum<E>;
    [T: SqlType] st::Array<T>;
}

#[cfg(feature = "decimal")]
not_summable! {
    [] st::Money;
}

#[cfg(feature = "json")]
not_summable! {
    [T: 'static] st::Json<T>;
    [T: 'static] st::Jsonb<T>;
}

#[cfg(feature = "uuid")]
not_summable! {
    [] st::Uuid;
}

#[cfg(feature = "chrono")]
not_summable! {
    [] st::Date;
    [] st::Time;
    [] st::Timestamp;
    [] st::TimestampTz;
    [] st::UnixTimestamp;
    [] st::UnixTimestampMs;
}

sums_to! {
    st::TinyInt => st::BigInt;
    st::SmallInt => st::BigInt;
    st::MediumInt => st::BigInt;
    st::Integer => st::BigInt;
    st::Real => st::Real;
    st::Double => st::Double;
}

averages_to! {
    st::Real => st::Double;
    st::Double => st::Double;
}

// What needs `numeric`, read as rust_decimal's `Decimal`: the `decimal` feature.
#[cfg(feature = "decimal")]
sums_to! {
    st::BigInt => st::Numeric;
    st::TinyIntUnsigned => st::Numeric;
    st::SmallIntUnsigned => st::Numeric;
    st::MediumIntUnsigned => st::Numeric;
    st::IntUnsigned => st::Numeric;
    st::BigIntUnsigned => st::Numeric;
    st::Numeric => st::Numeric;
}

#[cfg(feature = "decimal")]
averages_to! {
    st::TinyInt => st::Numeric;
    st::SmallInt => st::Numeric;
    st::MediumInt => st::Numeric;
    st::Integer => st::Numeric;
    st::BigInt => st::Numeric;
    st::TinyIntUnsigned => st::Numeric;
    st::SmallIntUnsigned => st::Numeric;
    st::MediumIntUnsigned => st::Numeric;
    st::IntUnsigned => st::Numeric;
    st::BigIntUnsigned => st::Numeric;
    st::Numeric => st::Numeric;
}

/// An aggregate function: how it is spelled and what it returns for an argument `E`.
pub trait AggregateFn<E: Expression> {
    /// Text before the argument, e.g. `count(`.
    const OPEN: &'static str;
    /// Its name, for keys: `count`, `count_distinct`, `sum`…
    const NAME: &'static str;
    /// The SQL type of the result.
    type SqlType: SqlType;
    /// `count` is never NULL; the others are NULL over no rows.
    type Nullability: Nullability;
    /// The Rust type of the result.
    type Value;
}

/// `f(expr)` for an aggregate function `F`.
#[derive(Debug, Clone, Copy)]
pub struct Aggregate<F, E> {
    expr: E,
    function: PhantomData<F>,
}

/// The aggregate functions.
pub mod function {
    /// `count(x)`
    #[derive(Debug, Clone, Copy)]
    pub struct Count;
    /// `count(distinct x)`
    #[derive(Debug, Clone, Copy)]
    pub struct CountDistinct;
    /// `sum(x)`
    #[derive(Debug, Clone, Copy)]
    pub struct Sum;
    /// `avg(x)`
    #[derive(Debug, Clone, Copy)]
    pub struct Avg;
    /// `sum(distinct x)`
    #[derive(Debug, Clone, Copy)]
    pub struct SumDistinct;
    /// `avg(distinct x)`
    #[derive(Debug, Clone, Copy)]
    pub struct AvgDistinct;
    /// `min(x)`
    #[derive(Debug, Clone, Copy)]
    pub struct Min;
    /// `max(x)`
    #[derive(Debug, Clone, Copy)]
    pub struct Max;
}

impl<E: Expression> AggregateFn<E> for function::Count {
    const OPEN: &'static str = "count(";
    const NAME: &'static str = "count";
    type SqlType = st::BigInt;
    type Nullability = NotNull;
    type Value = i64;
}

impl<E: Expression> AggregateFn<E> for function::CountDistinct {
    const OPEN: &'static str = "count(distinct ";
    const NAME: &'static str = "count_distinct";
    type SqlType = st::BigInt;
    type Nullability = NotNull;
    type Value = i64;
}

impl<E: Expression<SqlType: SumType>> AggregateFn<E> for function::Sum {
    const OPEN: &'static str = "sum(";
    const NAME: &'static str = "sum";
    type SqlType = <E::SqlType as SumType>::Sum;
    type Nullability = Null;
    type Value = <<E::SqlType as SumType>::Sum as SqlType>::Rust;
}

impl<E: Expression<SqlType: AvgType>> AggregateFn<E> for function::Avg {
    const OPEN: &'static str = "avg(";
    const NAME: &'static str = "avg";
    type SqlType = <E::SqlType as AvgType>::Avg;
    type Nullability = Null;
    type Value = <<E::SqlType as AvgType>::Avg as SqlType>::Rust;
}

impl<E: Expression<SqlType: SumType>> AggregateFn<E> for function::SumDistinct {
    const OPEN: &'static str = "sum(distinct ";
    const NAME: &'static str = "sum_distinct";
    type SqlType = <E::SqlType as SumType>::Sum;
    type Nullability = Null;
    type Value = <<E::SqlType as SumType>::Sum as SqlType>::Rust;
}

impl<E: Expression<SqlType: AvgType>> AggregateFn<E> for function::AvgDistinct {
    const OPEN: &'static str = "avg(distinct ";
    const NAME: &'static str = "avg_distinct";
    type SqlType = <E::SqlType as AvgType>::Avg;
    type Nullability = Null;
    type Value = <<E::SqlType as AvgType>::Avg as SqlType>::Rust;
}

impl<E: Expression> AggregateFn<E> for function::Min {
    const OPEN: &'static str = "min(";
    const NAME: &'static str = "min";
    type SqlType = E::SqlType;
    type Nullability = Null;
    type Value = E::Value;
}

impl<E: Expression> AggregateFn<E> for function::Max {
    const OPEN: &'static str = "max(";
    const NAME: &'static str = "max";
    type SqlType = E::SqlType;
    type Nullability = Null;
    type Value = E::Value;
}

impl<F: AggregateFn<E>, E: Expression> Expression for Aggregate<F, E> {
    type SqlType = F::SqlType;
    type Nullability = F::Nullability;
    type Value = F::Value;
}

impl<F: AggregateFn<E>, E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for Aggregate<F, E> {
    type ScopedNullability = F::Nullability;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::Yes;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<F: AggregateFn<E>, E: Expression + RenderSql<D>, D: Dialect> RenderSql<D> for Aggregate<F, E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render_call(out, &mut |out| self.expr.render(out));
    }
}

impl<F: AggregateFn<E>, E: Expression + RenderSql<D>, D: Dialect> AggregateCall<D> for Aggregate<F, E> {
    const STAR: bool = false;

    fn render_call<'q>(&'q self, out: &mut SqlWriter<'q, D>, argument: &mut dyn FnMut(&mut SqlWriter<'q, D>)) {
        out.push_sql(F::OPEN);
        argument(out);
        out.push_sql(")");
    }

    fn render_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
    }
}
impl_into_expression!([F, E] Aggregate<F, E>);

fn aggregate<F, E>(expr: E) -> Aggregate<F, E> {
    Aggregate {
        expr,
        function: PhantomData,
    }
}

/// `count(expr)`: the number of rows where `expr` is not NULL.
pub fn count<E: Expression + RowLevel>(expr: E) -> Aggregate<function::Count, E> {
    aggregate(expr)
}

/// `count(distinct expr)`.
pub fn count_distinct<E: Expression + RowLevel>(expr: E) -> Aggregate<function::CountDistinct, E> {
    aggregate(expr)
}

/// `sum(expr)`; NULL over no rows.
pub fn sum<E: Expression<SqlType: Summable + SumType> + RowLevel>(expr: E) -> Aggregate<function::Sum, E> {
    aggregate(expr)
}

/// `avg(expr)`; NULL over no rows.
pub fn avg<E: Expression<SqlType: Summable + AvgType> + RowLevel>(expr: E) -> Aggregate<function::Avg, E> {
    aggregate(expr)
}

/// `sum(distinct expr)`: the sum of the distinct values; NULL over no rows.
pub fn sum_distinct<E: Expression<SqlType: Summable + SumType> + RowLevel>(
    expr: E,
) -> Aggregate<function::SumDistinct, E> {
    aggregate(expr)
}

/// `avg(distinct expr)`: the mean of the distinct values; NULL over no rows.
pub fn avg_distinct<E: Expression<SqlType: Summable + AvgType> + RowLevel>(
    expr: E,
) -> Aggregate<function::AvgDistinct, E> {
    aggregate(expr)
}

/// `min(expr)`; NULL over no rows.
pub fn min<E: Expression + RowLevel>(expr: E) -> Aggregate<function::Min, E> {
    aggregate(expr)
}

/// `max(expr)`; NULL over no rows.
pub fn max<E: Expression + RowLevel>(expr: E) -> Aggregate<function::Max, E> {
    aggregate(expr)
}

/// `count(*)`: the number of rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountStar;

/// `count(*)`.
pub fn count_star() -> CountStar {
    CountStar
}

impl Expression for CountStar {
    type SqlType = st::BigInt;
    type Nullability = NotNull;
    type Value = i64;
}

impl<S> AppearsIn<S, ()> for CountStar {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::Yes;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<D: Dialect> RenderSql<D> for CountStar {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("count(*)");
    }
}

impl<D: Dialect> AggregateCall<D> for CountStar {
    const STAR: bool = true;

    fn render_call<'q>(&'q self, out: &mut SqlWriter<'q, D>, argument: &mut dyn FnMut(&mut SqlWriter<'q, D>)) {
        out.push_sql("count(");
        argument(out);
        out.push_sql(")");
    }

    fn render_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("*");
    }
}
impl_into_expression!([] CountStar);
