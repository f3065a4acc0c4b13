//! GROUP BY validity: a select that aggregates reads every other column through its
//! GROUP BY, as PostgreSQL and MySQL (`ONLY_FULL_GROUP_BY`) require; SQLite and MariaDB
//! would return a value from an arbitrary row of the group instead.

use super::clause::{GroupBy, NoGroup};
use super::selection::{ExprList, Selection, SelectionIn};
use crate::dialect::Dialect;
use crate::row::{RawRow, RowError};
use crate::schema::GroupKeys;
use crate::schema::{Truth, Yes};
use std::marker::PhantomData;

/// Proof that a select's aggregates and plain columns mix as its GROUP BY (`Self.0`)
/// allows for its selection (`Self.1`) over source `Src`, `I` being the proof that the
/// selection is in scope and `K` that the GROUP BY list is:
///
/// - without GROUP BY, a selection with an aggregate selects no column outside one;
/// - with GROUP BY, every selected column outside an aggregate is grouped, or its table's
///   primary key (declared `primary_key` on a column) is;
/// - grouped by an expression other than a column, mizzle cannot tell what it fixes and
///   leaves that query to the database.
pub trait Grouping<Src, I, K> {}

impl<Sel: SelectionIn<Src, I>, Src, I> Grouping<Src, I, ()> for (NoGroup, Sel) where
    <Sel::Aggregates as Truth>::Implies<Sel::Grouped<()>>: ColumnsGrouped
{
}

impl<Keys: ExprList<Src, IK>, Sel: SelectionIn<Src, I>, Src, I, IK> Grouping<Src, I, IK> for (GroupBy<Keys>, Sel) where
    Sel::Grouped<Keys::Keys>: ColumnsGrouped
{
}

/// Holds when every selected column outside an aggregate is grouped.
#[diagnostic::on_unimplemented(
    message = "a selected column is neither in GROUP BY nor inside an aggregate",
    label = "this query selects a column that differs between the rows of a group",
    note = "beside an aggregate, each selected column must be in `.group_by(..)` (or its table's primary key must \
            be), or be inside an aggregate such as `max(..)`"
)]
pub trait ColumnsGrouped {}

impl ColumnsGrouped for Yes {}

/// A select's selection `Sel` under its GROUP BY `G`: what `.all()` and `.get()` decode.
/// It is a [`Selection`] where `Sel` is one and the grouping is valid, one proof for
/// both, so a selection out of scope is reported once.
#[derive(Debug)]
pub struct GroupedSelection<Sel, G>(PhantomData<(Sel, G)>);

#[diagnostic::do_not_recommend]
impl<Sel: SelectionIn<S, I>, G, S, I, K> SelectionIn<S, (I, K)> for GroupedSelection<Sel, G> {
    type Aggregates = Sel::Aggregates;
    type Grouped<Keys: GroupKeys> = Sel::Grouped<Keys>;
}

impl<Sel, G, S, I, K, D> Selection<S, (I, K), D> for GroupedSelection<Sel, G>
where
    Sel: Selection<S, I, D>,
    (G, Sel): Grouping<S, I, K>,
    D: Dialect,
{
    type Row = Sel::Row;
    const WIDTH: usize = Sel::WIDTH;

    #[inline]
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        Sel::decode(row, index)
    }
}
