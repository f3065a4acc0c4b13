//! [`ExpressionMethods`]: the operators as methods on every expression.

use super::cast::Cast;
use super::in_list::{InList, InSubquery};
use super::nullable::Nullable;
use super::ops::{op, Arith, Between, Compare, IsDistinct, IsNull, Logic, Not};
use super::order::{NullsOrder, Order};
use super::{AsExpression, Comparand, Expression, Operand};
use crate::types::{Bool, NumericType, SameType, SqlType, TextType};
use std::marker::PhantomData;

/// Operators as methods: `users::id.eq(1)`, `users::name.like("a%")`, `posts::id.desc()`.
///
/// Implemented for every [`Expression`]; the right-hand side of a comparison must have the
/// same SQL type as the left, which is what makes `users::id.eq("x")` fail to compile.
/// `is_null` and `is_not_null` take `self` by value like every builder method: they
/// consume the expression into a new node, as SQL's `IS NULL` reads.
#[allow(clippy::wrong_self_convention)]
pub trait ExpressionMethods: Expression + Sized {
    /// `self = rhs`.
    fn eq<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Eq> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self <> rhs`.
    fn ne<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Ne> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self > rhs`.
    fn gt<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Gt> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self >= rhs`.
    fn ge<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Ge> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self < rhs`.
    fn lt<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Lt> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self <= rhs`.
    fn le<R: Comparand<Self::SqlType, K, Expr: Operand>, K>(self, rhs: R) -> Compare<Self, R::Expr, op::Le> {
        Compare::new(self, rhs.into_comparand())
    }

    /// `self IS NOT DISTINCT FROM rhs` (`<=>` on MySQL): equal, with NULL equal to NULL.
    /// Takes an `Option`, which `eq` does not: `None` matches the rows where `self` is NULL.
    /// Never NULL itself.
    fn is_not_distinct_from<R: AsExpression<Self::SqlType>>(self, rhs: R) -> IsDistinct<Self, R::Expr, true> {
        IsDistinct::new(self, rhs.into_expression())
    }

    /// `self IS DISTINCT FROM rhs` (`NOT (self <=> rhs)` on MySQL): unequal, with NULL
    /// equal to NULL. Never NULL itself.
    fn is_distinct_from<R: AsExpression<Self::SqlType>>(self, rhs: R) -> IsDistinct<Self, R::Expr, false> {
        IsDistinct::new(self, rhs.into_expression())
    }

    /// `self IS NULL`.
    fn is_null(self) -> IsNull<Self, false> {
        IsNull { expr: self }
    }

    /// `self IS NOT NULL`.
    fn is_not_null(self) -> IsNull<Self, true> {
        IsNull { expr: self }
    }

    /// `self IN (v1, v2, …)`; an empty list is false.
    fn in_array<V, I, K>(self, values: I) -> InList<Self, V::Expr, false>
    where
        I: IntoIterator<Item = V>,
        V: Comparand<Self::SqlType, K, Expr: Operand>,
    {
        InList {
            expr: self,
            values: values.into_iter().map(Comparand::into_comparand).collect(),
        }
    }

    /// `self NOT IN (v1, v2, …)`; an empty list is true.
    fn not_in_array<V, I, K>(self, values: I) -> InList<Self, V::Expr, true>
    where
        I: IntoIterator<Item = V>,
        V: Comparand<Self::SqlType, K, Expr: Operand>,
    {
        InList {
            expr: self,
            values: values.into_iter().map(Comparand::into_comparand).collect(),
        }
    }

    /// `self IN (subquery)`; the subquery selects one column of the same SQL type.
    fn in_subquery<Q: crate::query::Subquery<Self::SqlType, I>, I>(self, query: Q) -> InSubquery<Self, Q, false> {
        InSubquery { expr: self, query }
    }

    /// `self NOT IN (subquery)`.
    fn not_in_subquery<Q: crate::query::Subquery<Self::SqlType, I>, I>(self, query: Q) -> InSubquery<Self, Q, true> {
        InSubquery { expr: self, query }
    }

    /// `self BETWEEN low AND high`.
    fn between<Lo, Hi>(self, low: Lo, high: Hi) -> Between<Self, Lo::Expr, Hi::Expr, false>
    where
        Lo: AsExpression<Self::SqlType, Expr: Operand>,
        Hi: AsExpression<Self::SqlType, Expr: Operand>,
    {
        Between {
            expr: self,
            low: low.into_expression(),
            high: high.into_expression(),
        }
    }

    /// `self NOT BETWEEN low AND high`.
    fn not_between<Lo, Hi>(self, low: Lo, high: Hi) -> Between<Self, Lo::Expr, Hi::Expr, true>
    where
        Lo: AsExpression<Self::SqlType, Expr: Operand>,
        Hi: AsExpression<Self::SqlType, Expr: Operand>,
    {
        Between {
            expr: self,
            low: low.into_expression(),
            high: high.into_expression(),
        }
    }

    /// `self LIKE pattern`.
    fn like<R: AsExpression<Self::SqlType, Expr: Operand>>(self, pattern: R) -> Compare<Self, R::Expr, op::Like>
    where
        Self::SqlType: TextType,
    {
        Compare::new(self, pattern.into_expression())
    }

    /// `self NOT LIKE pattern`.
    fn not_like<R: AsExpression<Self::SqlType, Expr: Operand>>(self, pattern: R) -> Compare<Self, R::Expr, op::NotLike>
    where
        Self::SqlType: TextType,
    {
        Compare::new(self, pattern.into_expression())
    }

    /// `self ILIKE pattern`: case-insensitive, PostgreSQL only (checked where the query is built).
    fn ilike<R: AsExpression<Self::SqlType, Expr: Operand>>(self, pattern: R) -> Compare<Self, R::Expr, op::ILike>
    where
        Self::SqlType: TextType,
    {
        Compare::new(self, pattern.into_expression())
    }

    /// `self NOT ILIKE pattern`, PostgreSQL only.
    fn not_ilike<R: AsExpression<Self::SqlType, Expr: Operand>>(
        self,
        pattern: R,
    ) -> Compare<Self, R::Expr, op::NotILike>
    where
        Self::SqlType: TextType,
    {
        Compare::new(self, pattern.into_expression())
    }

    /// `(self + rhs)`.
    fn add<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Arith<Self, R::Expr, op::Add>
    where
        Self::SqlType: NumericType,
    {
        Arith::new(self, rhs.into_expression())
    }

    /// `(self - rhs)`.
    fn sub<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Arith<Self, R::Expr, op::Sub>
    where
        Self::SqlType: NumericType,
    {
        Arith::new(self, rhs.into_expression())
    }

    /// `(self * rhs)`.
    fn mul<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Arith<Self, R::Expr, op::Mul>
    where
        Self::SqlType: NumericType,
    {
        Arith::new(self, rhs.into_expression())
    }

    /// `(self / rhs)`.
    fn div<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Arith<Self, R::Expr, op::Div>
    where
        Self::SqlType: NumericType,
    {
        Arith::new(self, rhs.into_expression())
    }

    /// String concatenation: `(self || rhs)`, or `concat(self, rhs)` on MySQL.
    fn concat<R: AsExpression<Self::SqlType>>(self, rhs: R) -> Arith<Self, R::Expr, op::Concat>
    where
        Self::SqlType: TextType,
    {
        Arith::new(self, rhs.into_expression())
    }

    /// `(self AND rhs)`.
    fn and<R: Expression<SqlType: SameType<Bool>>>(self, rhs: R) -> Logic<Self, R, op::And>
    where
        Self::SqlType: SameType<Bool>,
    {
        Logic::new(self, rhs)
    }

    /// `(self OR rhs)`.
    fn or<R: Expression<SqlType: SameType<Bool>>>(self, rhs: R) -> Logic<Self, R, op::Or>
    where
        Self::SqlType: SameType<Bool>,
    {
        Logic::new(self, rhs)
    }

    /// `NOT (self)`.
    fn not(self) -> Not<Self>
    where
        Self::SqlType: SameType<Bool>,
    {
        Not { expr: self }
    }

    /// `CAST(self AS T)`.
    fn cast<T: SqlType>(self) -> Cast<Self, T> {
        Cast {
            expr: self,
            target: PhantomData,
        }
    }

    /// `self AS "name"` in a select list: the output column's name, as a subquery
    /// (`sub.named(&aliased)`) or a client reads it.
    fn as_(self, name: &'static str) -> crate::query::As<Self> {
        crate::query::As::new(self, name)
    }

    /// The same expression typed as nullable: it decodes to an `Option`. For where a
    /// nullable value is expected beside it, as in the other select of a UNION.
    fn nullable(self) -> Nullable<Self> {
        Nullable(self)
    }

    /// Ascending order.
    fn asc(self) -> Order<Self> {
        Order {
            expr: self,
            descending: false,
            nulls: NullsOrder::Default,
        }
    }

    /// Descending order.
    fn desc(self) -> Order<Self> {
        Order {
            expr: self,
            descending: true,
            nulls: NullsOrder::Default,
        }
    }
}

impl<E: Expression> ExpressionMethods for E {}
