//! Extras: values computed from each row's own columns, loaded beside its relations.

use super::nested::{Loaded, SerializeRels};
use super::tree::{Children, IntoWith};
use crate::dialect::Dialect;
use crate::expr::{AppearsIn, Expression, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::row::{decode_column, RawRow, RowError};
use crate::schema::AliasName;
use crate::types::{FromSql, Nullability, ToJson};
use serde::ser::SerializeMap;
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
    type Node = Self;
    fn into_with(self) -> Self {
        self
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

impl<N, E, Rest, D> Children<D> for (Extra<N, E>, Rest)
where
    E: Expression + RenderSql<D>,
    E::Value: FromSql<E::SqlType, D>,
    Rest: Children<D>,
    D: Dialect,
{
    type Flat = (ExtraValue<E>, Rest::Flat);
    type Acc = (Option<ExtraValue<E>>, Rest::Acc);
    type Out = (Loaded<Extra<N, E>, ExtraValue<E>>, Rest::Out);

    fn render_columns<'q>(
        &'q self,
        table: &'static str,
        parent: &'static str,
        out: &mut SqlWriter<'q, D>,
        next: &mut usize,
    ) {
        out.push_sql(", ");
        // The expression names the level's table; the query knows it as `parent`.
        let outer = out.set_alias(Some((table, parent)));
        self.0.expr.render(out);
        out.set_alias(outer);
        self.1.render_columns(table, parent, out, next);
    }

    fn render_joins<'q>(&'q self, parent: &'static str, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        self.1.render_joins(parent, out, next);
    }

    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        self.1.render_order(out, next);
    }

    fn decode<RR: RawRow<D>>(row: &mut RR, index: &mut usize) -> Result<Self::Flat, RowError> {
        let value = decode_column::<E::Value, E::SqlType, E::Nullability, D, RR>(row, *index)?;
        *index += 1;
        Ok((value, Rest::decode(row, index)?))
    }

    fn empty() -> Self::Acc {
        (None, Rest::empty())
    }

    fn gather(acc: &mut Self::Acc, (value, rest): Self::Flat, scan: bool) {
        // Each joined row of one row repeats the value: the first one is it.
        acc.0.get_or_insert(value);
        Rest::gather(&mut acc.1, rest, scan);
    }

    fn finish((value, rest): Self::Acc) -> Result<Self::Out, crate::Error> {
        let value = value.ok_or_else(|| crate::Error::Driver("an extra's row was not read".into()))?;
        Ok((Loaded::new(value), Rest::finish(rest)?))
    }
}

impl<N, E, Rest> SerializeRels for (Loaded<Extra<N, E>, ExtraValue<E>>, Rest)
where
    N: AliasName,
    E: Expression,
    E::Value: ToJson<E::SqlType>,
    Rest: SerializeRels,
{
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let value = <E::Nullability as Nullability>::to_json::<E::SqlType, E::Value>(self.0.rows());
        map.serialize_entry(N::NAME, &value)?;
        self.1.serialize_rels(map)
    }
}
