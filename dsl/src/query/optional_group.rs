//! `optional(selection)`: a part of a select list decoded as one `Option`, `None` when
//! every column of it is NULL, as the columns of an outer join that found no match are.

use super::selection::{Selection, SelectionIn};
use crate::dialect::Dialect;
use crate::expr::Expression;
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::row::{all_null, decode_column, RawRow, RowError};
use crate::schema::GroupKeys;
use crate::types::{FromSql, Nullability};

/// A group of a select list that decodes as one `Option` of its values.
#[derive(Debug, Clone, Copy)]
pub struct OptionalGroup<G>(pub(crate) G);

/// Decodes `selection` (an expression or a tuple of them) as one `Option`: `None` when all
/// its columns are NULL (the outer-joined row is absent), else `Some` of its values, each
/// as nullable as the expression is in itself. `(users::name, optional((posts::id,
/// posts::title)))` over a left join decodes to `(String, Option<(i32, String)>)`.
pub fn optional<G>(selection: G) -> OptionalGroup<G> {
    OptionalGroup(selection)
}

/// A selection decoded with the nullability its expressions have in themselves, the
/// outer joins of the query aside.
pub trait OwnRow<D: Dialect> {
    /// The decoded values.
    type Row;
    /// Number of columns it reads.
    const WIDTH: usize;
    /// Decodes its columns starting at `*index`, and advances `*index` past them.
    fn decode_own<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError>;
}

impl<E, D> OwnRow<D> for E
where
    E: Expression + RenderSql<D>,
    E::Value: FromSql<E::SqlType, D>,
    D: Dialect,
{
    type Row = <E::Nullability as Nullability>::Wrap<E::Value>;
    const WIDTH: usize = 1;

    fn decode_own<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        let value = decode_column::<E::Value, E::SqlType, E::Nullability, D, R>(row, *index)?;
        *index += 1;
        Ok(value)
    }
}

macro_rules! tuple_own_rows {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: OwnRow<D>,)+ D: Dialect> OwnRow<D> for ($($name,)+) {
            type Row = ($($name::Row,)+);
            const WIDTH: usize = 0 $(+ $name::WIDTH)+;

            fn decode_own<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
                Ok(($($name::decode_own(row, index)?,)+))
            }
        }
    };
}
crate::macros::for_tuples!(tuple_own_rows);

#[diagnostic::do_not_recommend]
impl<G: SelectionIn<S, I>, S, I> SelectionIn<S, I> for OptionalGroup<G> {
    type Aggregates = G::Aggregates;
    type Grouped<K: GroupKeys> = G::Grouped<K>;
}

impl<G, S, I, D> Selection<S, I, D> for OptionalGroup<G>
where
    G: SelectionIn<S, I> + OwnRow<D>,
    D: Dialect,
{
    type Row = Option<<G as OwnRow<D>>::Row>;
    const WIDTH: usize = <G as OwnRow<D>>::WIDTH;

    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Row, RowError> {
        if all_null(row, *index, Self::WIDTH)? {
            *index += Self::WIDTH;
            return Ok(None);
        }
        G::decode_own(row, index).map(Some)
    }
}

impl<G: RenderList<D>, D: Dialect> RenderList<D> for OptionalGroup<G> {
    const TYPE_SHAPED: bool = G::TYPE_SHAPED;

    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.0.render_list(out);
    }
}
