//! Extras: values computed from each row's own columns, loaded beside its relations.

use super::tree::{IntoWith, RelatedValue, ValueNode};
use crate::dialect::Dialect;
use crate::expr::{AppearsIn, Expression, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::row::{decode_column, RawRow, RowError};
use crate::schema::AliasName;
use crate::types::{FromSql, Nullability};
use std::marker::PhantomData;

/// A value computed from each row's own columns by expression `E`, loaded with
/// `.with(..)` at the level of that row's table and read with `.related(..)` given the
/// same value: `extra(Shout, users::name.concat("!"))`. JSON names it `N::NAME`.
#[derive(Debug, Clone, Copy)]
pub struct Extra<N, E> {
    name: PhantomData<N>,
    expr: E,
}

/// `expr`, computed for each row of the level it is added to (over that level's table's
/// columns), named `name` (a unit struct implementing [`AliasName`], as for aliases) in
/// JSON.
pub fn extra<N: AliasName, E: Expression + RowLevel>(_name: N, expr: E) -> Extra<N, E> {
    Extra {
        name: PhantomData,
        expr,
    }
}

impl<N, E> IntoWith for Extra<N, E> {
    type Node = ValueNode<Self>;
    fn into_with(self) -> ValueNode<Self> {
        ValueNode(self)
    }
}

/// Where an [`Extra`] may be loaded: at a level whose table its expression reads, `I`
/// being that proof.
#[derive(Debug)]
pub struct ExtraOver<I>(PhantomData<I>);

#[diagnostic::do_not_recommend]
impl<N, E: AppearsIn<T, I>, T, I> super::tree::Loadable<T, ExtraOver<I>> for Extra<N, E> {}

/// The Rust value of an extra: `Option` where it may be NULL.
pub type ExtraValue<E> = <<E as Expression>::Nullability as Nullability>::Wrap<<E as Expression>::Value>;

impl<N, E, D> RelatedValue<D> for Extra<N, E>
where
    E: Expression + RenderSql<D>,
    E::Value: FromSql<E::SqlType, D>,
    D: Dialect,
{
    type Value = ExtraValue<E>;

    fn render_beside<'q>(&'q self, table: &'static str, parent: &'static str, out: &mut SqlWriter<'q, D>) {
        // The expression names the level's table; the query knows it as `parent`.
        let outer = out.set_alias(Some((table, parent)));
        self.expr.render(out);
        out.set_alias(outer);
    }

    fn decode_value<RR: RawRow<D>>(row: &mut RR, index: usize) -> Result<Self::Value, RowError> {
        decode_column::<E::Value, E::SqlType, E::Nullability, D, RR>(row, index)
    }
}
