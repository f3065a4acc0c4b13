//! Columns as expressions: in scope where their table is, rendered as `"table"."column"`.

use super::AppearsIn;
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Column, Table, TableIn};
use crate::types::Nullability;

impl<C, S, I> AppearsIn<S, I> for C
where
    C: Column,
    C::Table: TableIn<S, I>,
{
    type ScopedNullability = <C::Nullability as Nullability>::Or<<C::Table as TableIn<S, I>>::Nullability>;
}

impl<C: Column, D: Dialect> RenderSql<D> for C {
    const TYPE_SHAPED: bool = true;

    #[inline]
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(<C::Table as Table>::NAME, C::NAME);
    }
}
