//! UPDATE: assignments, a WHERE clause that must be given (or waived), RETURNING, and
//! other tables to read (`UPDATE … FROM` on PostgreSQL and SQLite, several tables on MySQL).

use super::assign::{unassigned, AssignmentList, AssignmentOf, ValuesRead};
use super::clause::{AllRows, AndFilter, NoWhere, RenderClause};
use super::insert::RenderReturning;
use super::join::JoinsInto;
use super::selection::SelectionIn;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use super::{NoReturning, Returning};
use crate::dialect::{Dialect, DialectKind, SupportsReturning};
use crate::expr::AppearsIn;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{ColumnList, Cross, Join, Table};
use crate::types::{Bool, SameType};

/// `UPDATE table` waiting for its assignments.
#[derive(Debug, Clone, Copy)]
#[must_use = "an update does nothing until `.set(..)`, `.filter(..)` and `.execute(&db)`"]
pub struct UpdateTable<T, F = NoFrom> {
    table: T,
    from: F,
}

/// Starts `UPDATE table`.
pub fn update<T: Table>(table: T) -> UpdateTable<T> {
    UpdateTable { table, from: NoFrom }
}

/// An UPDATE that reads only the table it writes.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFrom;

/// Another table an UPDATE reads: `UPDATE t … FROM other` (PostgreSQL, SQLite), or
/// `UPDATE t, other …` (MySQL).
#[derive(Debug, Clone, Copy)]
pub struct UpdateFrom<F>(F);

/// What the values and WHERE of an UPDATE of `T` may read.
pub trait UpdateScope<T> {
    /// `T` alone, or `T` beside the other table.
    type Scope;
    /// Whether columns are written with their table.
    const QUALIFIED: bool;
}

impl<T> UpdateScope<T> for NoFrom {
    type Scope = T;
    const QUALIFIED: bool = false;
}

impl<T, F> UpdateScope<T> for UpdateFrom<F> {
    type Scope = Join<T, F, Cross, crate::query::join::NoOn>;
    const QUALIFIED: bool = true;
}

impl<T: Table> UpdateTable<T> {
    /// Reads `other` too: its columns may give values and choose the rows, matched to
    /// this table's in `.filter(..)` (`posts::author_id.eq(users::id)`). Written
    /// `UPDATE t SET … FROM other WHERE …` on PostgreSQL and SQLite, `UPDATE t, other SET
    /// … WHERE …` on MySQL.
    pub fn from<F: Table + JoinsInto<T::Dialect, ()>>(self, other: F) -> UpdateTable<T, UpdateFrom<F>> {
        UpdateTable {
            table: self.table,
            from: UpdateFrom(other),
        }
    }
}

impl<T: Table, F: UpdateScope<T>> UpdateTable<T, F> {
    /// `SET assignments`: a `column.to(value)` or a tuple of them, all of this table,
    /// their values reading this table (and the one `.from(..)` added).
    pub fn set<S: AssignmentOf<T> + ValuesRead<F::Scope, I>, I>(
        self,
        assignments: S,
    ) -> Update<T, S, NoWhere, NoReturning, F> {
        Update {
            table: self.table,
            set: assignments,
            filter: NoWhere,
            returning: NoReturning,
            from: self.from,
        }
    }
}

/// An UPDATE statement. It renders only once its rows are chosen: with `.filter(..)`,
/// or with `.all_rows()` when every row is meant.
#[derive(Debug, Clone, Copy)]
#[must_use = "an update does nothing until `.execute(&db)`"]
pub struct Update<T, S, W = NoWhere, R = NoReturning, F = NoFrom> {
    table: T,
    set: S,
    filter: W,
    returning: R,
    from: F,
}

impl<T: Table, S, W, R, F: UpdateScope<T>> Update<T, S, W, R, F> {
    /// Adds `WHERE predicate`; called again, the predicates are ANDed.
    pub fn filter<P, I>(self, predicate: P) -> Update<T, S, W::Output, R, F>
    where
        P: AppearsIn<F::Scope, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        Update {
            table: self.table,
            set: self.set,
            filter: self.filter.and_filter(predicate),
            returning: self.returning,
            from: self.from,
        }
    }
}

impl<T: Table, S, R, F> Update<T, S, NoWhere, R, F> {
    /// Updates every row of the table, on purpose.
    pub fn all_rows(self) -> Update<T, S, AllRows, R, F> {
        Update {
            table: self.table,
            set: self.set,
            filter: AllRows,
            returning: self.returning,
            from: self.from,
        }
    }
}

impl<T: Table, S, W, F> Update<T, S, W, NoReturning, F> {
    /// `RETURNING selection`: the updated rows come back, typed. Not on MySQL.
    pub fn returning<Sel, I>(self, selection: Sel) -> Update<T, S, W, Returning<Sel>, F>
    where
        T::Dialect: SupportsReturning,
        Sel: SelectionIn<T, I>,
    {
        Update {
            table: self.table,
            set: self.set,
            filter: self.filter,
            returning: Returning(selection),
            from: self.from,
        }
    }
}

/// Writes the other table of an UPDATE, where its dialect puts it.
pub(crate) trait RenderUpdateFrom<D: Dialect> {
    /// Whether there is one.
    const PRESENT: bool;
    /// Writes `, other` (MySQL, after the table) or ` FROM other` (after SET).
    fn render_from<'q>(&'q self, out: &mut SqlWriter<'q, D>, after_set: bool);
}

impl<D: Dialect> RenderUpdateFrom<D> for NoFrom {
    const PRESENT: bool = false;
    fn render_from<'q>(&'q self, _out: &mut SqlWriter<'q, D>, _after_set: bool) {}
}

impl<F: Table<Dialect = D>, D: Dialect> RenderUpdateFrom<D> for UpdateFrom<F> {
    const PRESENT: bool = true;
    fn render_from<'q>(&'q self, out: &mut SqlWriter<'q, D>, after_set: bool) {
        match (D::KIND == DialectKind::MySql, after_set) {
            (true, false) => out.push_sql(", "),
            (false, true) => out.push_sql(" FROM "),
            _ => return,
        }
        crate::schema::QuerySource::render_source(&self.0, out);
    }
}

impl<T, S, W, R, F, D> RenderSql<D> for Update<T, S, W, R, F>
where
    T: Table<Dialect = D>,
    S: AssignmentList<D>,
    W: RenderClause<D>,
    R: RenderReturning<D>,
    F: RenderUpdateFrom<D>,
    D: Dialect,
{
    // The columns given values on update are the table's; each binds its value.
    const TYPE_SHAPED: bool = S::TYPE_SHAPED && W::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        // With another table, a column is written with its table, as a join's are.
        let qualified = out.set_qualify_columns(F::PRESENT);
        out.push_sql("UPDATE ");
        out.push_table(T::SCHEMA, T::NAME);
        self.from.render_from(out, false);
        out.push_sql(" SET ");
        self.set.render_set(out);
        let mut on_update = Vec::new();
        T::AllColumns::update_defaults(&mut on_update);
        for value in unassigned(&on_update, &self.set) {
            out.push_sql(", ");
            out.push_set_target(T::NAME, value.column);
            out.push_sql(" = ");
            match (value.make)() {
                Ok(bound) => out.push_bind(bound),
                Err(error) => out.push_error(error),
            }
        }
        self.from.render_from(out, true);
        self.filter.render_clause(" WHERE ", out);
        self.returning.render_returning(out);
        out.set_qualify_columns(qualified);
    }
}

impl<T, S, W, F> ScopeChecked<()> for Update<T, S, W, NoReturning, F> {}

impl<T, S, W, F, Sel: SelectionIn<T, I>, I> ScopeChecked<I> for Update<T, S, W, Returning<Sel>, F> {}

impl<T, S, W, R, F> ClausesAgree<()> for Update<T, S, W, R, F> {}

impl<T: Table, S, W, R, F> Statement for Update<T, S, W, R, F> {
    type Dialect = T::Dialect;
    type Filter = W;
    type Access = crate::access::Writes;
}

impl<T: Table, S, W, F, Sel> RowQuery for Update<T, S, W, Returning<Sel>, F> {
    type Source = T;
    type Selection = Sel;
    type Decoded = Sel;

    fn selection(&self) -> &Self::Selection {
        &self.returning.0
    }
}
