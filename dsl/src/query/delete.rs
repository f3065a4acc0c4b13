//! DELETE: a WHERE clause that must be given (or waived), and RETURNING.

use super::clause::{AllRows, AndFilter, NoWhere, RenderClause};
use super::insert::RenderReturning;
use super::selection::SelectionIn;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use super::{NoReturning, Returning};
use crate::dialect::{Dialect, SupportsReturning};
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::Table;
use crate::types::{Bool, SameType};

/// Starts `DELETE FROM table`.
pub fn delete<T: Table>(table: T) -> Delete<T> {
    Delete {
        table,
        filter: NoWhere,
        returning: NoReturning,
    }
}

/// A DELETE statement. It renders only once its rows are chosen: with `.filter(..)`,
/// or with `.all_rows()` when every row is meant.
#[derive(Debug, Clone, Copy)]
#[must_use = "a delete does nothing until `.execute(&db)`"]
pub struct Delete<T, W = NoWhere, R = NoReturning> {
    table: T,
    filter: W,
    returning: R,
}

impl<T: Table, W, R> Delete<T, W, R> {
    /// Adds `WHERE predicate`; called again, the predicates are ANDed.
    pub fn filter<P, I>(self, predicate: P) -> Delete<T, W::Output, R>
    where
        P: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        Delete {
            table: self.table,
            filter: self.filter.and_filter(predicate),
            returning: self.returning,
        }
    }
}

impl<T: Table, R> Delete<T, NoWhere, R> {
    /// Deletes every row of the table, on purpose.
    pub fn all_rows(self) -> Delete<T, AllRows, R> {
        Delete {
            table: self.table,
            filter: AllRows,
            returning: self.returning,
        }
    }
}

impl<T: Table, W> Delete<T, W, NoReturning> {
    /// `RETURNING selection`: the deleted rows come back, typed. Not on MySQL.
    pub fn returning<Sel, I>(self, selection: Sel) -> Delete<T, W, Returning<Sel>>
    where
        T::Dialect: SupportsReturning,
        Sel: SelectionIn<T, I>,
    {
        Delete {
            table: self.table,
            filter: self.filter,
            returning: Returning(selection),
        }
    }
}

impl<T, W, R, D> RenderSql<D> for Delete<T, W, R>
where
    T: Table<Dialect = D>,
    W: RenderClause<D>,
    R: RenderReturning<D>,
    D: Dialect,
{
    const TYPE_SHAPED: bool = W::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let qualified = out.set_qualify_columns(false);
        out.push_sql("DELETE FROM ");
        out.push_table(T::SCHEMA, T::NAME);
        self.filter.render_clause(" WHERE ", out);
        self.returning.render_returning(out);
        out.set_qualify_columns(qualified);
    }
}

impl<T, W> ScopeChecked<()> for Delete<T, W, NoReturning> {}

impl<T, W, Sel: SelectionIn<T, I>, I> ScopeChecked<I> for Delete<T, W, Returning<Sel>> {}

impl<T, W, R> ClausesAgree<()> for Delete<T, W, R> {}

impl<T: Table, W, R> Statement for Delete<T, W, R> {
    type Dialect = T::Dialect;
    type Filter = W;
    type Access = crate::access::Writes;
}

impl<T: Table, W, Sel> RowQuery for Delete<T, W, Returning<Sel>> {
    type Source = T;
    type Selection = Sel;
    type Decoded = Sel;

    fn selection(&self) -> &Self::Selection {
        &self.returning.0
    }
}
