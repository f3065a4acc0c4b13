//! pgvector's distance operators: l2 (`<->`), cosine (`<=>`), negative inner product
//! (`<#>`) and l1 (`<+>`) between vectors, hamming (`<~>`) and jaccard (`<%>`) between bit
//! strings. Ordered by ascending, they give the nearest neighbours, which an HNSW or
//! IVFFlat index of the same operator class answers. PostgreSQL only.

use super::{impl_into_expression, AppearsIn, AsExpression, Expression, Operand, RowLevel};
use crate::dialect::Pg;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{BitStringType, Double, HalfVecType, Nullability, SparseVecType, SqlType, VectorType};
use std::marker::PhantomData;

/// pgvector's vector types: `vector`, `halfvec`, `sparsevec`.
pub trait VectorKind: SqlType {}
impl VectorKind for VectorType {}
impl VectorKind for HalfVecType {}
impl VectorKind for SparseVecType {}

/// The distance operators, each a marker with its SQL.
pub mod distance_op {
    /// A distance operator.
    pub trait DistanceOp: Copy + 'static {
        /// The operator, spaced.
        const SQL: &'static str;
    }

    macro_rules! ops {
        ($($(#[$doc:meta])* $name:ident => $sql:literal;)*) => {$(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl DistanceOp for $name {
                const SQL: &'static str = $sql;
            }
        )*};
    }

    ops! {
        /// `<->`: Euclidean distance.
        L2 => " <-> ";
        /// `<=>`: cosine distance.
        Cosine => " <=> ";
        /// `<#>`: the inner product, negated (so that smaller is nearer).
        NegativeInnerProduct => " <#> ";
        /// `<+>`: taxicab distance.
        L1 => " <+> ";
        /// `<~>`: Hamming distance of bit strings.
        Hamming => " <~> ";
        /// `<%>`: Jaccard distance of bit strings.
        Jaccard => " <%> ";
    }
}
use distance_op::DistanceOp;

/// `left <op> right`: a distance, a `double precision`.
#[derive(Debug, Clone, Copy)]
pub struct Distance<L, R, Op> {
    left: L,
    right: R,
    op: PhantomData<Op>,
}

fn distance<L, R, Op>(left: L, right: R) -> Distance<L, R, Op> {
    Distance {
        left,
        right,
        op: PhantomData,
    }
}

/// Distances between pgvector vectors: `items::embedding.cosine_distance(query)`, where
/// the query is a `Vec<f32>` (bound as one parameter) or another vector expression.
pub trait VectorExpressionMethods: Expression<SqlType: VectorKind> + Sized {
    /// `self <-> other`: Euclidean (l2) distance.
    fn l2_distance<R: AsExpression<Self::SqlType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::L2> {
        distance(self, other.into_expression())
    }

    /// `self <=> other`: cosine distance.
    fn cosine_distance<R: AsExpression<Self::SqlType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::Cosine> {
        distance(self, other.into_expression())
    }

    /// `self <#> other`: the inner product, negated, so that ascending order is nearest first.
    fn negative_inner_product<R: AsExpression<Self::SqlType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::NegativeInnerProduct> {
        distance(self, other.into_expression())
    }

    /// `self <+> other`: taxicab (l1) distance.
    fn l1_distance<R: AsExpression<Self::SqlType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::L1> {
        distance(self, other.into_expression())
    }
}

impl<E: Expression<SqlType: VectorKind>> VectorExpressionMethods for E {}

/// Distances between bit strings (pgvector's binary vectors are PostgreSQL's `bit(n)`).
pub trait BitDistanceMethods: Expression<SqlType = BitStringType> + Sized {
    /// `self <~> other`: Hamming distance.
    fn hamming_distance<R: AsExpression<BitStringType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::Hamming> {
        distance(self, other.into_expression())
    }

    /// `self <%> other`: Jaccard distance.
    fn jaccard_distance<R: AsExpression<BitStringType, Expr: Operand>>(
        self,
        other: R,
    ) -> Distance<Self, R::Expr, distance_op::Jaccard> {
        distance(self, other.into_expression())
    }
}

impl<E: Expression<SqlType = BitStringType>> BitDistanceMethods for E {}

impl<L: Expression, R: Expression, Op> Expression for Distance<L, R, Op> {
    type SqlType = Double;
    type Nullability = <L::Nullability as Nullability>::Or<R::Nullability>;
    type Value = f64;
}

impl<L: AppearsIn<S, IL>, R: AppearsIn<S, IR>, Op, S, IL, IR> AppearsIn<S, (IL, IR)> for Distance<L, R, Op> {
    type ScopedNullability = <L::ScopedNullability as Nullability>::Or<R::ScopedNullability>;
    type Proves = crate::schema::Nil;
    type Aggregates = <L::Aggregates as crate::schema::Truth>::Or<R::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <L::Grouped<G> as crate::schema::Truth>::And<R::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}
impl_into_expression!([L, R, Op] Distance<L, R, Op>);
impl<L: RowLevel, R: RowLevel, Op> RowLevel for Distance<L, R, Op> {}

impl<L: RenderSql<Pg>, R: RenderSql<Pg>, Op: DistanceOp> RenderSql<Pg> for Distance<L, R, Op> {
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("(");
        self.left.render(out);
        out.push_sql(Op::SQL);
        self.right.render(out);
        out.push_sql(")");
    }
}
