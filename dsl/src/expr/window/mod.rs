//! Window functions: `f(..) OVER (PARTITION BY … ORDER BY … frame)`, for the ranking and
//! value functions and every aggregate.

mod frame;
mod functions;
mod named;

pub use frame::{Excluding, Frame, FrameBound, FrameExclusion, FrameKind, Groups, NoExclusion, NoFrame, Range, Rows};
pub use functions::{
    cume_dist, dense_rank, first_value, lag, last_value, lead, ntile, percent_rank, rank, row_number, CumeDist,
    DenseRank, FirstValue, HasLagDefault, Lag, LastValue, Lead, NoDefault, Ntile, PercentRank, Rank, RenderDefault,
    RowNumber,
};

use super::{impl_into_expression, AppearsIn, Expression, Order};
use crate::dialect::Dialect;
use crate::query::SelectionIn;
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::schema::{GroupKeys, No, Truth, Truths, Yes};
use crate::types::{Nullability, SqlType};
use frame::RenderFrame;
pub use named::{named_window, NamedWindow, WindowRef, Windows};

/// A function that computes over a window of rows: what it returns.
pub trait WindowFn {
    /// The SQL type of the result.
    type SqlType: SqlType;
    /// Whether the result may be NULL.
    type Nullability: Nullability;
    /// The Rust type of a non-NULL result.
    type Value;
}

/// A window function whose arguments are in scope of source `S`; `I` is the proof.
#[diagnostic::on_unimplemented(
    message = "this window function reads a table that is not in the query's FROM clause",
    label = "reads a table that `{S}` does not include",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait WindowFunction<S, I>: WindowFn {
    /// The result's nullability in `S`.
    type ScopedNullability: Nullability;
    /// [`Yes`] when an argument contains an aggregate of the query's groups.
    type Aggregates: Truth;
    /// [`Yes`] when every column its arguments read is grouped by `G`.
    type Grouped<G: GroupKeys>: Truth;
}

/// A window: which rows each row's function sees. Empty (`window()`) it is every row of
/// the result; `.partition_by(..)` splits them, `.order_by(..)` orders them (and makes the
/// default frame end at the current row), `.rows(..)`, `.range(..)` or `.groups(..)`
/// choose the frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct Window<P = NoPartition, O = NoWindowOrder, F = NoFrame> {
    partition: P,
    order: O,
    frame: F,
}

/// An empty window, `OVER ()`: every row of the result.
pub fn window() -> Window {
    Window::default()
}

/// No PARTITION BY: one partition of every row.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoPartition;

/// `PARTITION BY expressions`.
#[derive(Debug, Clone, Copy)]
pub struct Partition<E>(E);

/// No ORDER BY in the window.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoWindowOrder;

/// `ORDER BY terms` in the window.
#[derive(Debug, Clone, Copy)]
pub struct WindowOrder<T>(T);

impl<P, O, F> Window<P, O, F> {
    /// `PARTITION BY expressions`: one expression or a tuple; each row's function sees
    /// the rows that agree with it on them.
    pub fn partition_by<E>(self, expressions: E) -> Window<Partition<E>, O, F> {
        Window {
            partition: Partition(expressions),
            order: self.order,
            frame: self.frame,
        }
    }

    /// `ORDER BY terms`: an expression, `expr.desc()`, or a tuple of those.
    pub fn order_by<T>(self, terms: T) -> Window<P, WindowOrder<T>, F> {
        Window {
            partition: self.partition,
            order: WindowOrder(terms),
            frame: self.frame,
        }
    }

    /// `ROWS BETWEEN start AND end`: the frame counted in rows.
    pub fn rows(self, start: FrameBound, end: FrameBound) -> Window<P, O, Frame<Rows>> {
        self.with_frame(Frame::new(start, end))
    }

    /// `RANGE BETWEEN start AND end`: the frame by the ORDER BY value (rows equal to the
    /// current one are in it together).
    pub fn range(self, start: FrameBound, end: FrameBound) -> Window<P, O, Frame<Range>> {
        self.with_frame(Frame::new(start, end))
    }

    /// `GROUPS BETWEEN start AND end` (PostgreSQL, SQLite): the frame counted in groups of
    /// rows equal in the ORDER BY.
    pub fn groups(self, start: FrameBound, end: FrameBound) -> Window<P, O, Frame<Groups>> {
        self.with_frame(Frame::new(start, end))
    }

    fn with_frame<F2>(self, frame: F2) -> Window<P, O, F2> {
        Window {
            partition: self.partition,
            order: self.order,
            frame,
        }
    }
}

impl<P, O, K> Window<P, O, Frame<K>> {
    /// `EXCLUDE …` (PostgreSQL, SQLite): rows of the frame left out of it.
    pub fn exclude(self, exclusion: FrameExclusion) -> Window<P, O, Frame<K, Excluding>> {
        Window {
            partition: self.partition,
            order: self.order,
            frame: self.frame.excluding(exclusion),
        }
    }
}

/// A part of a window (its PARTITION BY or ORDER BY, or the whole window) whose
/// expressions are in scope of source `S`; `I` is the proof.
#[diagnostic::on_unimplemented(
    message = "this window reads a table that is not in the query's FROM clause",
    label = "a PARTITION BY or ORDER BY expression here reads a table `{S}` does not include",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait WindowIn<S, I> {
    /// [`Yes`] when an expression contains an aggregate of the query's groups.
    type Aggregates: Truth;
    /// [`Yes`] when every column it reads is grouped by `G`.
    type Grouped<G: GroupKeys>: Truth;
}

impl<S> WindowIn<S, ()> for NoPartition {
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
}

impl<S> WindowIn<S, ()> for NoWindowOrder {
    type Aggregates = No;
    type Grouped<G: GroupKeys> = Yes;
}

impl<E: SelectionIn<S, I>, S, I> WindowIn<S, I> for Partition<E> {
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}

impl<T: OrderTermIn<S, I>, S, I> WindowIn<S, I> for WindowOrder<T> {
    type Aggregates = T::Aggregates;
    type Grouped<G: GroupKeys> = T::Grouped<G>;
}

impl<P: WindowIn<S, IP>, O: WindowIn<S, IO>, F, S, IP, IO> WindowIn<S, (IP, IO)> for Window<P, O, F> {
    type Aggregates = <P::Aggregates as Truth>::Or<O::Aggregates>;
    type Grouped<G: GroupKeys> = <P::Grouped<G> as Truth>::And<O::Grouped<G>>;
}

/// ORDER BY terms of a window in scope of `S`: an expression, `expr.desc()`, or a tuple.
#[diagnostic::on_unimplemented(
    message = "this window's ORDER BY reads a table that is not in the query's FROM clause",
    label = "expected expressions over `{S}`: `expr`, `expr.asc()`, `expr.desc()`, or a tuple of those",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait OrderTermIn<S, I> {
    /// [`Yes`] when a term contains an aggregate.
    type Aggregates: Truth;
    /// [`Yes`] when every column the terms read is grouped by `G`.
    type Grouped<G: GroupKeys>: Truth;
}

impl<E: Expression + AppearsIn<S, I>, S, I> OrderTermIn<S, I> for E {
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}

impl<E: AppearsIn<S, I>, S, I> OrderTermIn<S, I> for Order<E> {
    type Aggregates = E::Aggregates;
    type Grouped<G: GroupKeys> = E::Grouped<G>;
}

macro_rules! tuple_order_terms_in {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: OrderTermIn<S, $idx>, $idx,)+ S> OrderTermIn<S, ($($idx,)+)> for ($($name,)+) {
            type Aggregates = <($($name::Aggregates,)+) as Truths>::Any;
            type Grouped<G: GroupKeys> = <($($name::Grouped<G>,)+) as Truths>::All;
        }
    };
}
crate::macros::for_tuples!(tuple_order_terms_in);

/// `function OVER (window)`: a value per row, computed over the rows of its window. Not
/// an aggregate of the query's groups (it leaves every row in place), and not allowed in
/// WHERE, which runs before windows are computed.
#[derive(Debug, Clone, Copy)]
pub struct Over<F, W> {
    function: F,
    window: W,
}

impl<F, W> Over<F, W> {
    pub(crate) fn new(function: F, window: W) -> Self {
        Over { function, window }
    }
}

impl<F: WindowFn, W> Expression for Over<F, W> {
    type SqlType = F::SqlType;
    type Nullability = F::Nullability;
    type Value = F::Value;
}

impl<F: WindowFunction<S, IF>, W: WindowIn<S, IW>, S, IF, IW> AppearsIn<S, (IF, IW)> for Over<F, W> {
    type ScopedNullability = F::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = <F::Aggregates as Truth>::Or<W::Aggregates>;
    type Grouped<G: GroupKeys> = <F::Grouped<G> as Truth>::And<W::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

impl<F: RenderSql<D>, W: RenderWindow<D>, D: Dialect> RenderSql<D> for Over<F, W> {
    const TYPE_SHAPED: bool = F::TYPE_SHAPED && W::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.function.render(out);
        out.push_sql(" OVER ");
        self.window.render_window(out);
    }
}

/// Writes a window's definition: `(PARTITION BY … ORDER BY … frame)`, or a named
/// window's name.
pub(crate) trait RenderWindow<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    fn render_window<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<P, O, Fr, D: Dialect> RenderWindow<D> for Window<P, O, Fr>
where
    P: RenderWindowPart<D>,
    O: RenderWindowPart<D>,
    Fr: RenderFrame<D>,
{
    const TYPE_SHAPED: bool = P::TYPE_SHAPED && O::TYPE_SHAPED;

    fn render_window<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(");
        let partitioned = self.partition.render_part(out, "PARTITION BY ");
        let ordered = self
            .order
            .render_part(out, if partitioned { " ORDER BY " } else { "ORDER BY " });
        self.frame.render_frame(out, partitioned || ordered);
        out.push_sql(")");
    }
}
impl_into_expression!([F, W] Over<F, W>);

/// Writes a PARTITION BY or ORDER BY of a window, or nothing.
pub(crate) trait RenderWindowPart<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    /// Writes `keyword` and the list; whether it wrote anything.
    fn render_part<'q>(&'q self, out: &mut SqlWriter<'q, D>, keyword: &'static str) -> bool;
}

impl<D: Dialect> RenderWindowPart<D> for NoPartition {
    const TYPE_SHAPED: bool = true;
    fn render_part<'q>(&'q self, _out: &mut SqlWriter<'q, D>, _keyword: &'static str) -> bool {
        false
    }
}

impl<D: Dialect> RenderWindowPart<D> for NoWindowOrder {
    const TYPE_SHAPED: bool = true;
    fn render_part<'q>(&'q self, _out: &mut SqlWriter<'q, D>, _keyword: &'static str) -> bool {
        false
    }
}

impl<E: RenderList<D>, D: Dialect> RenderWindowPart<D> for Partition<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;
    fn render_part<'q>(&'q self, out: &mut SqlWriter<'q, D>, keyword: &'static str) -> bool {
        out.push_sql(keyword);
        self.0.render_list(out);
        true
    }
}

impl<T: RenderList<D>, D: Dialect> RenderWindowPart<D> for WindowOrder<T> {
    const TYPE_SHAPED: bool = T::TYPE_SHAPED;
    fn render_part<'q>(&'q self, out: &mut SqlWriter<'q, D>, keyword: &'static str) -> bool {
        out.push_sql(keyword);
        self.0.render_list(out);
        true
    }
}

/// The `.over(window)` method of every function that can run over a window.
macro_rules! over_method {
    ([$($gen:tt)*] $ty:ty) => {
        impl<$($gen)*> $ty {
            /// This function computed over `window` (see [`window`](crate::expr::window)):
            /// `… OVER (PARTITION BY … ORDER BY … frame)`.
            pub fn over<WP, WO, WF>(
                self,
                window: $crate::expr::window::Window<WP, WO, WF>,
            ) -> $crate::expr::window::Over<Self, $crate::expr::window::Window<WP, WO, WF>> {
                $crate::expr::window::Over::new(self, window)
            }

            /// This function over the named window `window`, which the select declares
            /// with `.window(&named)`: `… OVER "name"`.
            pub fn over_named<WN>(
                self,
                window: &$crate::expr::window::NamedWindow<WN>,
            ) -> $crate::expr::window::Over<Self, $crate::expr::window::WindowRef<WN>> {
                $crate::expr::window::Over::new(self, window.reference())
            }
        }
    };
}
pub(crate) use over_method;
