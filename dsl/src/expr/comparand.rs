//! A comparison's right-hand side: a value or expression of the left side's SQL type, or
//! an expression of another integer type, which every dialect compares by value.
//!
//! `count(posts::id).gt(users::age)` compares a `bigint` with an `integer`: PostgreSQL,
//! MySQL and SQLite all widen the narrower side, so it is allowed. Comparisons only:
//! storing (`.to(..)`) and arithmetic (`.add(..)`) keep to one SQL type, since their
//! result has a type, and a narrower column could not hold a wider value.

use super::{AsExpression, Expression};
use crate::types as st;

/// A value or expression that can be compared with an expression of SQL type `ST`. `K`,
/// inferred, is [`Exact`] (a value or expression of `ST` itself) or [`Widened`] (an
/// expression of another integer type).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with a SQL `{ST}` value",
    label = "expected a value or expression of SQL type `{ST}`",
    note = "each SQL type takes its own Rust types (`Integer` takes i32, `BigInt` i64, `Text` &str or String…); \
            integer types compare with each other, other types need `.cast::<T>()`"
)]
pub trait Comparand<ST, K> {
    /// The expression it becomes.
    type Expr: Expression;
    /// Converts.
    fn into_comparand(self) -> Self::Expr;
}

/// [`Comparand`] kind: of the same SQL type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Exact;

/// [`Comparand`] kind: an expression of another integer SQL type.
#[derive(Debug, Clone, Copy, Default)]
pub struct Widened;

impl<ST, V: AsExpression<ST>> Comparand<ST, Exact> for V {
    type Expr = V::Expr;
    fn into_comparand(self) -> Self::Expr {
        self.into_expression()
    }
}

impl<E: Expression + TypedNode, ST> Comparand<ST, Widened> for E
where
    E::SqlType: ComparesWith<ST>,
{
    type Expr = E;
    fn into_comparand(self) -> E {
        self
    }
}

/// An expression whose SQL type is its own (a column, or an operator or function over
/// columns), not taken from where it is used as a bound value's or a placeholder's is:
/// only those are compared across integer types, so that `placeholder("n")` still takes
/// the type of what it is compared with.
pub trait TypedNode {}

#[diagnostic::do_not_recommend]
impl<C: crate::schema::Column> TypedNode for C {}

/// Two different SQL types whose values every dialect compares: the integer types.
pub trait ComparesWith<ST> {}

/// For each integer SQL type, the other integer types it compares with.
macro_rules! integer_comparands {
    ($($from:ident => $($to:ident),+;)*) => {$($(
        impl ComparesWith<st::$to> for st::$from {}
    )+)*};
}

integer_comparands! {
    TinyInt => SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    SmallInt => TinyInt, MediumInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    MediumInt => TinyInt, SmallInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    Integer => TinyInt, SmallInt, MediumInt, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    BigInt => TinyInt, SmallInt, MediumInt, Integer, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    TinyIntUnsigned => TinyInt, SmallInt, MediumInt, Integer, BigInt, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    SmallIntUnsigned => TinyInt, SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned, MediumIntUnsigned, IntUnsigned, BigIntUnsigned;
    MediumIntUnsigned => TinyInt, SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, IntUnsigned, BigIntUnsigned;
    IntUnsigned => TinyInt, SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, BigIntUnsigned;
    BigIntUnsigned => TinyInt, SmallInt, MediumInt, Integer, BigInt, TinyIntUnsigned, SmallIntUnsigned, MediumIntUnsigned, IntUnsigned;
}
