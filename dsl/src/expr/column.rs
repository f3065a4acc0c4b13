//! Columns as expressions: in scope where their table is, rendered as `"table"."column"`.

use super::AppearsIn;
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{ChainHas, Column, ColumnList, Cons, Nil, Position, Proof, Table, TableIn};

/// A column is in scope where its table is; `CI` is its position among the table's
/// columns, which tells it apart from the others when a filter narrows it.
impl<C, S, I, CI> AppearsIn<S, (I, CI)> for C
where
    C: Column,
    C::Table: TableIn<S, I>,
    <<C::Table as Table>::AllColumns as ColumnList>::Chained: ChainHas<C, CI>,
    I: Position,
    CI: Position,
{
    type ScopedNullability = <C::Table as TableIn<S, I>>::ColumnNullability<CI, C::Nullability>;
    type Proves = Cons<Proof<I, CI, C::Nullability>, Nil>;
}

impl<C: Column, D: Dialect> RenderSql<D> for C {
    const TYPE_SHAPED: bool = true;

    #[inline]
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(<C::Table as Table>::NAME, C::NAME);
    }
}
