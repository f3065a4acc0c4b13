//! UPDATE: assignments, a WHERE clause that must be given (or waived), and RETURNING.

use super::assign::{unassigned, AssignmentList, AssignmentOf, ValuesRead};
use super::clause::{AllRows, AndFilter, NoWhere, RenderClause};
use super::insert::RenderReturning;
use super::selection::SelectionIn;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use super::{NoReturning, Returning};
use crate::dialect::{Dialect, SupportsReturning};
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{ColumnList, Table};
use crate::types::{Bool, SameType};

/// `UPDATE table` waiting for its assignments.
#[derive(Debug, Clone, Copy)]
#[must_use = "an update does nothing until `.set(..)`, `.filter(..)` and `.execute(&db)`"]
pub struct UpdateTable<T> {
    table: T,
}

/// Starts `UPDATE table`.
pub fn update<T: Table>(table: T) -> UpdateTable<T> {
    UpdateTable { table }
}

impl<T: Table> UpdateTable<T> {
    /// `SET assignments`: a `column.to(value)` or a tuple of them, all of this table,
    /// their values reading only this table.
    pub fn set<S: AssignmentOf<T> + ValuesRead<T, I>, I>(self, assignments: S) -> Update<T, S> {
        Update {
            table: self.table,
            set: assignments,
            filter: NoWhere,
            returning: NoReturning,
        }
    }
}

/// An UPDATE statement. It renders only once its rows are chosen: with `.filter(..)`,
/// or with `.all_rows()` when every row is meant.
#[derive(Debug, Clone, Copy)]
#[must_use = "an update does nothing until `.execute(&db)`"]
pub struct Update<T, S, W = NoWhere, R = NoReturning> {
    table: T,
    set: S,
    filter: W,
    returning: R,
}

impl<T: Table, S, W, R> Update<T, S, W, R> {
    /// Adds `WHERE predicate`; called again, the predicates are ANDed.
    pub fn filter<P, I>(self, predicate: P) -> Update<T, S, W::Output, R>
    where
        P: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        Update {
            table: self.table,
            set: self.set,
            filter: self.filter.and_filter(predicate),
            returning: self.returning,
        }
    }
}

impl<T: Table, S, R> Update<T, S, NoWhere, R> {
    /// Updates every row of the table, on purpose.
    pub fn all_rows(self) -> Update<T, S, AllRows, R> {
        Update {
            table: self.table,
            set: self.set,
            filter: AllRows,
            returning: self.returning,
        }
    }
}

impl<T: Table, S, W> Update<T, S, W, NoReturning> {
    /// `RETURNING selection`: the updated rows come back, typed. Not on MySQL.
    pub fn returning<Sel, I>(self, selection: Sel) -> Update<T, S, W, Returning<Sel>>
    where
        T::Dialect: SupportsReturning,
        Sel: SelectionIn<T, I>,
    {
        Update {
            table: self.table,
            set: self.set,
            filter: self.filter,
            returning: Returning(selection),
        }
    }
}

impl<T, S, W, R, D> RenderSql<D> for Update<T, S, W, R>
where
    T: Table<Dialect = D>,
    S: AssignmentList<D>,
    W: RenderClause<D>,
    R: RenderReturning<D>,
    D: Dialect,
{
    // The columns given values on update are the table's; each binds its value.
    const TYPE_SHAPED: bool = S::TYPE_SHAPED && W::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let qualified = out.set_qualify_columns(false);
        out.push_sql("UPDATE ");
        out.push_table(T::SCHEMA, T::NAME);
        out.push_sql(" SET ");
        self.set.render_set(out);
        let mut on_update = Vec::new();
        T::AllColumns::update_defaults(&mut on_update);
        for value in unassigned(&on_update, &self.set) {
            out.push_sql(", ");
            out.push_ident(value.column);
            out.push_sql(" = ");
            match (value.make)() {
                Ok(bound) => out.push_bind(bound),
                Err(error) => out.push_error(error),
            }
        }
        self.filter.render_clause(" WHERE ", out);
        self.returning.render_returning(out);
        out.set_qualify_columns(qualified);
    }
}

impl<T, S, W> ScopeChecked<()> for Update<T, S, W, NoReturning> {}

impl<T, S, W, Sel: SelectionIn<T, I>, I> ScopeChecked<I> for Update<T, S, W, Returning<Sel>> {}

impl<T, S, W, R> ClausesAgree<()> for Update<T, S, W, R> {}

impl<T: Table, S, W, R> Statement for Update<T, S, W, R> {
    type Dialect = T::Dialect;
    type Filter = W;
    type Access = crate::access::Writes;
}

impl<T: Table, S, W, Sel> RowQuery for Update<T, S, W, Returning<Sel>> {
    type Source = T;
    type Selection = Sel;
    type Decoded = Sel;
}
