//! ORDER BY terms: direction and where NULLs go.

use super::{AppearsIn, Expression};
use crate::dialect::Dialect;
use crate::render::{RenderList, RenderSql, SqlWriter};

/// Where NULLs sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NullsOrder {
    /// The dialect's default.
    #[default]
    Default,
    /// `NULLS FIRST`.
    First,
    /// `NULLS LAST`.
    Last,
}

/// An expression with a sort direction: `expr ASC` / `expr DESC`, and NULLS FIRST/LAST.
#[derive(Debug, Clone, Copy)]
pub struct Order<E> {
    pub(crate) expr: E,
    pub(crate) descending: bool,
    pub(crate) nulls: NullsOrder,
}

impl<E> Order<E> {
    /// Sorts NULLs before other values.
    pub fn nulls_first(mut self) -> Self {
        self.nulls = NullsOrder::First;
        self
    }

    /// Sorts NULLs after other values.
    pub fn nulls_last(mut self) -> Self {
        self.nulls = NullsOrder::Last;
        self
    }
}

/// One ORDER BY term, or a tuple of them, whose columns are in scope of source `S`.
#[diagnostic::on_unimplemented(
    message = "this ORDER BY reads a table that is not in the query's FROM clause",
    label = "expected expressions over `{S}`: `expr`, `expr.asc()`, `expr.desc()`, or a tuple of those",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait OrderTerm<S, I> {}

impl<E: Expression + AppearsIn<S, I>, S, I> OrderTerm<S, I> for E {}
impl<E: AppearsIn<S, I>, S, I> OrderTerm<S, I> for Order<E> {}

macro_rules! tuple_order_terms {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: OrderTerm<S, $idx>, $idx,)+ S> OrderTerm<S, ($($idx,)+)> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_order_terms);

impl<E: RenderSql<D>, D: Dialect> RenderList<D> for Order<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_choice(u64::from(self.descending) | (self.nulls as u64) << 1);
        let direction = if self.descending { " DESC" } else { " ASC" };
        if self.nulls != NullsOrder::Default && !D::SUPPORTS_NULLS_ORDER {
            // Without NULLS FIRST/LAST (MySQL), sort on `expr IS NULL` first.
            self.expr.render(out);
            out.push_sql(if self.nulls == NullsOrder::First {
                " IS NULL DESC, "
            } else {
                " IS NULL ASC, "
            });
        }
        self.expr.render(out);
        out.push_sql(direction);
        if D::SUPPORTS_NULLS_ORDER {
            match self.nulls {
                NullsOrder::Default => {}
                NullsOrder::First => out.push_sql(" NULLS FIRST"),
                NullsOrder::Last => out.push_sql(" NULLS LAST"),
            }
        }
    }
}
