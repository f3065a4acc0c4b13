//! Columns as expressions: in scope where their table is, rendered as `"table"."column"`.

use super::AppearsIn;
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{
    ChainHas, Column, ColumnKey, ColumnList, Cons, GroupKeys, Here, KeyChain, Nil, No, Position, Proof, Table, TableIn,
    Truth,
};

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
    type Aggregates = No;
    type Grouped<G: GroupKeys> = <G::Covers<I, CI> as Truth>::Or<
        <<Chained<C> as KeyChain>::HasKey as Truth>::And<<Chained<C> as KeyChain>::KeyGrouped<G, I, Here>>,
    >;
    type GroupKey = ColumnKey<I, CI>;
}

/// The columns of `C`'s table, as a chain.
type Chained<C> = <<<C as Column>::Table as Table>::AllColumns as ColumnList>::Chained;

impl<C: Column, D: Dialect> RenderSql<D> for C {
    const TYPE_SHAPED: bool = true;

    #[inline]
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_column(<C::Table as Table>::NAME, C::NAME);
    }
}
