//! PostgreSQL's array operators and functions, typed by the element: containment (`@>`,
//! `<@`), overlap (`&&`), `= ANY(..)`, `<> ALL(..)`, `array_length`, `cardinality`,
//! subscripts and slices, and `unnest`.
//! They render only for PostgreSQL: on another dialect a query using them does not compile.

use super::ops::{Compare, CompareOp};
use super::{impl_into_expression, AppearsIn, AsExpression, Expression, Operand, RowLevel};
use crate::dialect::Pg;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Array, Bool, Integer, NotNull, Null, Nullability, SqlType};
use std::marker::PhantomData;

/// The array operators, PostgreSQL's only.
pub mod array_op {
    use super::{CompareOp, Pg};

    /// `@>`: the left array holds every element of the right.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Contains;
    impl CompareOp<Pg> for Contains {
        const SQL: &'static str = " @> ";
    }

    /// `<@`: every element of the left array is in the right.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct ContainedBy;
    impl CompareOp<Pg> for ContainedBy {
        const SQL: &'static str = " <@ ";
    }

    /// `&&`: the arrays share an element.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Overlaps;
    impl CompareOp<Pg> for Overlaps {
        const SQL: &'static str = " && ";
    }
}

/// Methods of an array expression of elements of SQL type `ST`: `posts::tags.contains(vec!["rust"])`.
pub trait ArrayExpressionMethods<ST: SqlType>: Expression<SqlType = Array<ST>> + Sized {
    /// `self @> other`: `self` holds every element of `other` (a `Vec` or an array expression).
    fn contains<R: AsExpression<Array<ST>, Expr: Operand>>(
        self,
        other: R,
    ) -> Compare<Self, R::Expr, array_op::Contains> {
        Compare::new(self, other.into_expression())
    }

    /// `self <@ other`: every element of `self` is in `other`.
    fn contained_by<R: AsExpression<Array<ST>, Expr: Operand>>(
        self,
        other: R,
    ) -> Compare<Self, R::Expr, array_op::ContainedBy> {
        Compare::new(self, other.into_expression())
    }

    /// `self && other`: the arrays share an element.
    fn overlaps<R: AsExpression<Array<ST>, Expr: Operand>>(
        self,
        other: R,
    ) -> Compare<Self, R::Expr, array_op::Overlaps> {
        Compare::new(self, other.into_expression())
    }

    /// `array_length(self, dimension)`: the number of elements along `dimension` (from 1);
    /// NULL for an empty array.
    fn array_length(self, dimension: u32) -> ArrayLength<Self> {
        ArrayLength { array: self, dimension }
    }

    /// `cardinality(self)`: the number of elements in every dimension, 0 when empty.
    fn cardinality(self) -> Cardinality<Self> {
        Cardinality { array: self }
    }

    /// `(self)[index]`: the element at `index`, counting from 1 as PostgreSQL does; NULL
    /// past the end. For a one-dimensional array: PostgreSQL reads a multi-dimensional
    /// one's elements with a subscript per dimension at once, and answers NULL to one alone.
    fn at(self, index: u32) -> Subscript<Self, ST, false> {
        Subscript {
            array: self,
            from: index,
            to: index,
            element: PhantomData,
        }
    }

    /// `(self)[from:to]`: the elements from `from` to `to`, both included, counting from 1.
    fn slice(self, from: u32, to: u32) -> Subscript<Self, ST, true> {
        Subscript {
            array: self,
            from,
            to,
            element: PhantomData,
        }
    }

    /// `unnest(self)`: one row per element, in a select list.
    fn unnest(self) -> Unnest<Self, ST> {
        Unnest {
            array: self,
            element: PhantomData,
        }
    }
}

impl<E: Expression<SqlType = Array<ST>>, ST: SqlType> ArrayExpressionMethods<ST> for E {}

/// Methods of any expression against an array of its SQL type.
pub trait ElementMethods: Expression + Sized {
    /// `self = ANY(array)`: `self` is one of the array's elements. One parameter for the
    /// whole list, so the statement is the same for every length.
    fn eq_any<R: AsExpression<Array<Self::SqlType>, Expr: Operand>>(self, array: R) -> AnyAll<Self, R::Expr, false> {
        AnyAll {
            value: self,
            array: array.into_expression(),
        }
    }

    /// `self <> ALL(array)`: `self` is none of the array's elements.
    fn ne_all<R: AsExpression<Array<Self::SqlType>, Expr: Operand>>(self, array: R) -> AnyAll<Self, R::Expr, true> {
        AnyAll {
            value: self,
            array: array.into_expression(),
        }
    }
}

impl<E: Expression> ElementMethods for E {}

/// `value = ANY(array)`, or `value <> ALL(array)` when `ALL`.
#[derive(Debug, Clone, Copy)]
pub struct AnyAll<V, A, const ALL: bool> {
    value: V,
    array: A,
}

impl<V: Expression, A: Expression, const ALL: bool> Expression for AnyAll<V, A, ALL> {
    type SqlType = Bool;
    type Nullability = <V::Nullability as Nullability>::Or<A::Nullability>;
    type Value = bool;
}

impl<V: AppearsIn<S, IV>, A: AppearsIn<S, IA>, S, IV, IA, const ALL: bool> AppearsIn<S, (IV, IA)>
    for AnyAll<V, A, ALL>
{
    // An array may hold NULLs, so the result may be NULL whatever the operands' types say.
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = <V::Aggregates as crate::schema::Truth>::Or<A::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <V::Grouped<G> as crate::schema::Truth>::And<A::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

impl<V: RenderSql<Pg>, A: RenderSql<Pg>, const ALL: bool> RenderSql<Pg> for AnyAll<V, A, ALL> {
    const TYPE_SHAPED: bool = V::TYPE_SHAPED && A::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        self.value.render(out);
        out.push_sql(if ALL { " <> ALL(" } else { " = ANY(" });
        self.array.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([V, A, const ALL: bool] AnyAll<V, A, ALL>);
impl<V: RowLevel, A: RowLevel, const ALL: bool> RowLevel for AnyAll<V, A, ALL> {}

/// `array_length(array, dimension)`.
#[derive(Debug, Clone, Copy)]
pub struct ArrayLength<E> {
    array: E,
    dimension: u32,
}

impl<E: Expression> Expression for ArrayLength<E> {
    type SqlType = Integer;
    type Nullability = Null;
    type Value = i32;
}

impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for ArrayLength<E> {
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<Pg>> RenderSql<Pg> for ArrayLength<E> {
    // The dimension is a literal, recorded as a number of the text.
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("array_length(");
        self.array.render(out);
        out.push_sql(", ");
        out.push_u64(u64::from(self.dimension));
        out.push_sql(")");
    }
}
impl_into_expression!([E] ArrayLength<E>);
impl<E: RowLevel> RowLevel for ArrayLength<E> {}

/// `cardinality(array)`.
#[derive(Debug, Clone, Copy)]
pub struct Cardinality<E> {
    array: E,
}

impl<E: Expression> Expression for Cardinality<E> {
    type SqlType = Integer;
    type Nullability = E::Nullability;
    type Value = i32;
}

impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for Cardinality<E> {
    type ScopedNullability = E::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<Pg>> RenderSql<Pg> for Cardinality<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("cardinality(");
        self.array.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([E] Cardinality<E>);
impl<E: RowLevel> RowLevel for Cardinality<E> {}

/// `(array)[i]`, or the slice `(array)[from:to]` when `SLICE`.
#[derive(Debug, Clone, Copy)]
pub struct Subscript<E, ST, const SLICE: bool> {
    array: E,
    from: u32,
    to: u32,
    element: PhantomData<ST>,
}

impl<E: Expression, ST: SqlType> Expression for Subscript<E, ST, false> {
    type SqlType = ST;
    type Nullability = Null;
    type Value = ST::Rust;
}

impl<E: Expression, ST: SqlType> Expression for Subscript<E, ST, true> {
    type SqlType = Array<ST>;
    type Nullability = E::Nullability;
    type Value = Vec<ST::Rust>;
}

impl<E: AppearsIn<S, I>, ST: SqlType, S, I> AppearsIn<S, I> for Subscript<E, ST, false> {
    // Past the end is NULL.
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: AppearsIn<S, I>, ST: SqlType, S, I> AppearsIn<S, I> for Subscript<E, ST, true> {
    // Past the end is an empty array.
    type ScopedNullability = E::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<Pg>, ST, const SLICE: bool> RenderSql<Pg> for Subscript<E, ST, SLICE> {
    // The subscripts are numbers of the text, recorded as such.
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("(");
        self.array.render(out);
        out.push_sql(")[");
        out.push_u64(u64::from(self.from));
        if SLICE {
            out.push_sql(":");
            out.push_u64(u64::from(self.to));
        }
        out.push_sql("]");
    }
}
impl_into_expression!([E, ST, const SLICE: bool] Subscript<E, ST, SLICE>);
impl<E: RowLevel, ST, const SLICE: bool> RowLevel for Subscript<E, ST, SLICE> {}

/// `unnest(array)`: a set of rows, one per element.
#[derive(Debug, Clone, Copy)]
pub struct Unnest<E, ST> {
    array: E,
    element: PhantomData<ST>,
}

impl<E: Expression, ST: SqlType> Expression for Unnest<E, ST> {
    type SqlType = ST;
    type Nullability = NotNull;
    type Value = ST::Rust;
}

impl<E: AppearsIn<S, I>, ST: SqlType, S, I> AppearsIn<S, I> for Unnest<E, ST> {
    type ScopedNullability = E::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<Pg>, ST> RenderSql<Pg> for Unnest<E, ST> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("unnest(");
        self.array.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([E, ST] Unnest<E, ST>);
// One row in, several out: not a value computed per row, so not where a filter reads.
