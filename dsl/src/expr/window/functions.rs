//! The window functions: ranking (`row_number`, `rank`, `dense_rank`, `percent_rank`,
//! `cume_dist`, `ntile`), values of other rows (`lag`, `lead`, `first_value`,
//! `last_value`), and every aggregate over a window.

use super::{over_method, WindowFn, WindowFunction};
use crate::dialect::Dialect;
use crate::expr::aggregate::{Aggregate, AggregateFn, CountStar};
use crate::expr::{AppearsIn, AsExpression, Expression, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{GroupKeys, No, Truth, Yes};
use crate::types::{self as st, NotNull, Null, Nullability};

/// A function of no arguments: its name, SQL type and Rust value.
macro_rules! ranking {
    ($($(#[$doc:meta])* $fn:ident $ty:ident $sql:literal => $st:ty, $value:ty;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $ty;

        $(#[$doc])*
        pub fn $fn() -> $ty {
            $ty
        }

        impl WindowFn for $ty {
            type SqlType = $st;
            type Nullability = NotNull;
            type Value = $value;
        }

        impl<S> WindowFunction<S, ()> for $ty {
            type ScopedNullability = NotNull;
            type Aggregates = No;
            type Grouped<G: GroupKeys> = Yes;
        }

        impl<D: Dialect> RenderSql<D> for $ty {
            const TYPE_SHAPED: bool = true;
            fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                out.push_sql($sql);
            }
        }

        over_method!([] $ty);
    )*};
}

ranking! {
    /// `row_number()`: 1, 2, 3… in the window's order.
    row_number RowNumber "row_number()" => st::BigInt, i64;
    /// `rank()`: the position in the window's order, equal rows sharing one, with gaps after them.
    rank Rank "rank()" => st::BigInt, i64;
    /// `dense_rank()`: as `rank()`, without the gaps.
    dense_rank DenseRank "dense_rank()" => st::BigInt, i64;
    /// `percent_rank()`: `(rank - 1) / (rows - 1)`, from 0 to 1.
    percent_rank PercentRank "percent_rank()" => st::Double, f64;
    /// `cume_dist()`: the share of rows ordered before or equal to this one, above 0 up to 1.
    cume_dist CumeDist "cume_dist()" => st::Double, f64;
}

/// `ntile(n)`: which of `n` nearly equal buckets, numbered from 1, the row falls in.
#[derive(Debug, Clone, Copy)]
pub struct Ntile(u64);

/// `ntile(n)`: splits the window's rows, in order, into `n` buckets numbered from 1.
pub fn ntile(buckets: u64) -> Ntile {
    Ntile(buckets)
}

impl WindowFn for Ntile {
    type SqlType = st::Integer;
    type Nullability = NotNull;
    type Value = i32;
}

impl<S> WindowFunction<S, ()> for Ntile {
    type ScopedNullability = NotNull;
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
}

impl<D: Dialect> RenderSql<D> for Ntile {
    const TYPE_SHAPED: bool = true;
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("ntile(");
        out.push_u64(self.0);
        out.push_sql(")");
    }
}
over_method!([] Ntile);

/// No default value: `lag` and `lead` are NULL past the partition's edge.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoDefault;

/// A function that reads another row's value: `lag` or `lead`.
macro_rules! offset_function {
    ($($(#[$doc:meta])* $fn:ident $ty:ident $open:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty<E, X = NoDefault> {
            expr: E,
            offset: u64,
            default: X,
        }

        $(#[$doc])*
        pub fn $fn<E: Expression + RowLevel>(expr: E) -> $ty<E> {
            $ty {
                expr,
                offset: 1,
                default: NoDefault,
            }
        }

        impl<E: Expression> $ty<E> {
            /// `n` rows away instead of one.
            pub fn offset(mut self, n: u64) -> Self {
                self.offset = n;
                self
            }

            /// The value past the partition's edge, instead of NULL.
            pub fn default_to<V: AsExpression<E::SqlType>>(self, value: V) -> $ty<E, V::Expr> {
                $ty {
                    expr: self.expr,
                    offset: self.offset,
                    default: value.into_expression(),
                }
            }
        }

        impl<E: Expression> WindowFn for $ty<E> {
            type SqlType = E::SqlType;
            type Nullability = Null;
            type Value = E::Value;
        }

        impl<E: Expression, X: Expression> WindowFn for $ty<E, X> where X: NotNoDefault {
            type SqlType = E::SqlType;
            type Nullability = <E::Nullability as Nullability>::Or<X::Nullability>;
            type Value = E::Value;
        }

        impl<E: AppearsIn<S, I>, S, I> WindowFunction<S, I> for $ty<E> {
            type ScopedNullability = Null;
            type Aggregates = E::Aggregates;
            type Grouped<G: GroupKeys> = E::Grouped<G>;
        }

        impl<E: AppearsIn<S, I>, X: AppearsIn<S, J> + NotNoDefault, S, I, J> WindowFunction<S, (I, J)> for $ty<E, X> {
            type ScopedNullability = <E::ScopedNullability as Nullability>::Or<X::ScopedNullability>;
            type Aggregates = <E::Aggregates as Truth>::Or<X::Aggregates>;
            type Grouped<G: GroupKeys> = <E::Grouped<G> as Truth>::And<X::Grouped<G>>;
        }

        impl<E: RenderSql<D>, X: RenderDefault<D>, D: Dialect> RenderSql<D> for $ty<E, X> {
            const TYPE_SHAPED: bool = E::TYPE_SHAPED && X::TYPE_SHAPED;
            fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                out.push_sql($open);
                self.expr.render(out);
                out.push_sql(", ");
                out.push_u64(self.offset);
                self.default.render_default(out);
                out.push_sql(")");
            }
        }

        over_method!([E, X] $ty<E, X>);
    )*};
}

offset_function! {
    /// `lag(expr)`: `expr` on the row before, in the window's order; NULL on the first.
    lag Lag "lag(";
    /// `lead(expr)`: `expr` on the row after, in the window's order; NULL on the last.
    lead Lead "lead(";
}

/// A default value of `lag` or `lead`: any expression but [`NoDefault`].
pub trait NotNoDefault {}

impl<X: Expression> NotNoDefault for X {}

/// Writes `, default`, or nothing; a default where `D` has none does not compile.
#[diagnostic::on_unimplemented(
    message = "{D} has no default value for `lag` and `lead`",
    label = "`.default_to(..)` is not available here",
    note = "MariaDB's lag and lead take an offset but no default: leave it out, and read the NULL past the \
            partition's edge as the default"
)]
pub trait RenderDefault<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    /// Writes `, default`, or nothing.
    fn render_default<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderDefault<D> for NoDefault {
    const TYPE_SHAPED: bool = true;
    fn render_default<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

/// Dialects whose `lag` and `lead` take a default value.
pub trait HasLagDefault: Dialect {}
impl HasLagDefault for crate::dialect::Pg {}
impl HasLagDefault for crate::dialect::Sqlite {}

impl<X: Expression + RenderSql<D>, D: HasLagDefault> RenderDefault<D> for X {
    const TYPE_SHAPED: bool = X::TYPE_SHAPED;
    fn render_default<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(", ");
        self.render(out);
    }
}

/// A function of one value of the window's frame: `first_value` or `last_value`.
macro_rules! value_function {
    ($($(#[$doc:meta])* $fn:ident $ty:ident $open:literal;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty<E>(E);

        $(#[$doc])*
        pub fn $fn<E: Expression + RowLevel>(expr: E) -> $ty<E> {
            $ty(expr)
        }

        // A frame holds at least the current row, so the value is as nullable as `expr`.
        impl<E: Expression> WindowFn for $ty<E> {
            type SqlType = E::SqlType;
            type Nullability = E::Nullability;
            type Value = E::Value;
        }

        impl<E: AppearsIn<S, I>, S, I> WindowFunction<S, I> for $ty<E> {
            type ScopedNullability = E::ScopedNullability;
            type Aggregates = E::Aggregates;
            type Grouped<G: GroupKeys> = E::Grouped<G>;
        }

        impl<E: RenderSql<D>, D: Dialect> RenderSql<D> for $ty<E> {
            const TYPE_SHAPED: bool = E::TYPE_SHAPED;
            fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                out.push_sql($open);
                self.0.render(out);
                out.push_sql(")");
            }
        }

        over_method!([E] $ty<E>);
    )*};
}

value_function! {
    /// `first_value(expr)`: `expr` on the first row of the frame.
    first_value FirstValue "first_value(";
    /// `last_value(expr)`: `expr` on the last row of the frame (with an ordered window's
    /// default frame, the current row's last equal row: give a frame to reach the end).
    last_value LastValue "last_value(";
}

/// An aggregate over a window is a value per row: it aggregates the frame, not the
/// query's groups.
impl<F: AggregateFn<E>, E: Expression> WindowFn for Aggregate<F, E> {
    type SqlType = F::SqlType;
    type Nullability = F::Nullability;
    type Value = F::Value;
}

impl<F: AggregateFn<E>, E: AppearsIn<S, I>, S, I> WindowFunction<S, I> for Aggregate<F, E> {
    type ScopedNullability = F::Nullability;
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}
over_method!([F, E] Aggregate<F, E>);

impl WindowFn for CountStar {
    type SqlType = st::BigInt;
    type Nullability = NotNull;
    type Value = i64;
}

impl<S> WindowFunction<S, ()> for CountStar {
    type ScopedNullability = NotNull;
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
}
over_method!([] CountStar);
