//! Upserts: `ON CONFLICT … DO NOTHING / DO UPDATE [WHERE …]` (a target of columns, or
//! PostgreSQL's `ON CONSTRAINT`), MySQL's `ON DUPLICATE KEY UPDATE` and `INSERT IGNORE`.

use super::assign::{AssignmentList, AssignmentOf, ColumnNames, ValuesRead};
use super::clause::{AndFilter, NoWhere, RenderClause};
use super::insert::Insert;
use super::NoReturning;
use crate::dialect::{Dialect, MySql, Pg, Sqlite, SupportsInsertIgnore, SupportsOnConflict, SupportsOnDuplicateKey};
use crate::expr::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Column, Table};
use crate::types::{Bool, SameType};

/// No conflict handling: a conflict is an error.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoConflict;

/// `ON CONFLICT [(target)] <action>`.
#[derive(Debug, Clone, Copy)]
pub struct OnConflict<Target, Action> {
    target: Target,
    action: Action,
}

/// `DO NOTHING`.
#[derive(Debug, Clone, Copy, Default)]
pub struct DoNothing;

/// `DO UPDATE SET <assignments> [WHERE <predicate>]`.
#[derive(Debug, Clone, Copy)]
pub struct DoUpdate<S, W = NoWhere> {
    set: S,
    filter: W,
}

/// `INSERT IGNORE` (MySQL): rows that would break a unique key are skipped (and MySQL
/// also turns some errors into warnings).
#[derive(Debug, Clone, Copy, Default)]
pub struct InsertIgnore;

/// `ON CONFLICT ON CONSTRAINT "name"` (PostgreSQL): the conflict of one named unique
/// constraint.
#[derive(Debug, Clone, Copy)]
pub struct OnConstraint(&'static str);

/// `ON DUPLICATE KEY UPDATE <assignments>` (MySQL).
#[derive(Debug, Clone, Copy)]
pub struct OnDuplicateKeyUpdate<S>(S);

/// An upsert waiting for its action: `.do_nothing()` or `.do_update(..)`.
#[derive(Debug, Clone)]
#[must_use = "choose the action with `.do_nothing()` or `.do_update(..)`"]
pub struct ConflictBuilder<T, V, Target, Prev = NoConflict> {
    insert: Insert<T, V, Prev>,
    target: Target,
}

/// Several `ON CONFLICT` clauses (SQLite), tried in order: `Self.0`, then `Self.1`.
#[derive(Debug, Clone, Copy)]
pub struct Conflicts<A, B>(A, B);

/// What a conflict clause becomes with one more after it.
pub trait ThenConflict<C> {
    /// The clauses together.
    type Output;
    /// Adds `next` after these.
    fn then(self, next: C) -> Self::Output;
}

impl<C> ThenConflict<C> for NoConflict {
    type Output = C;
    fn then(self, next: C) -> C {
        next
    }
}

impl<X, A, C> ThenConflict<C> for OnConflict<X, A> {
    type Output = Conflicts<Self, C>;
    fn then(self, next: C) -> Self::Output {
        Conflicts(self, next)
    }
}

impl<A, B, C> ThenConflict<C> for Conflicts<A, B> {
    type Output = Conflicts<Self, C>;
    fn then(self, next: C) -> Self::Output {
        Conflicts(self, next)
    }
}

/// A conflict clause with a target, which SQLite requires of every clause but the last.
#[diagnostic::on_unimplemented(
    message = "only the last ON CONFLICT clause may go without a target",
    label = "another ON CONFLICT clause follows one that catches every conflict",
    note = "give the earlier clause its columns: `.on_conflict(table::column)`"
)]
pub trait TargetedConflicts {}
impl<X, A> TargetedConflicts for OnConflict<Cols<X>, A> {}
impl<A: TargetedConflicts, B: TargetedConflicts> TargetedConflicts for Conflicts<A, B> {}

/// Dialects that take several `ON CONFLICT` clauses in one INSERT.
#[diagnostic::on_unimplemented(
    message = "{Self} takes one ON CONFLICT clause",
    label = "a second `.on_conflict(..)` is SQLite only",
    note = "PostgreSQL handles the conflict of one unique constraint per INSERT: run another INSERT for the other"
)]
pub trait SupportsSeveralConflicts: Dialect {}
impl SupportsSeveralConflicts for Sqlite {}

impl<T: Table, V, X, A> Insert<T, V, OnConflict<X, A>, NoReturning> {
    /// Another `ON CONFLICT (target)` clause after the one given (SQLite): each conflict
    /// is handled by the first clause whose target it breaks.
    pub fn on_conflict<Target: ConflictTarget<T>>(
        self,
        target: Target,
    ) -> ConflictBuilder<T, V, Cols<Target>, OnConflict<X, A>>
    where
        T::Dialect: SupportsSeveralConflicts,
        OnConflict<X, A>: TargetedConflicts,
    {
        ConflictBuilder {
            insert: self,
            target: Cols(target),
        }
    }
}

impl<T: Table, V, P, Q> Insert<T, V, Conflicts<P, Q>, NoReturning> {
    /// Another `ON CONFLICT (target)` clause after the ones given (SQLite).
    pub fn on_conflict<Target: ConflictTarget<T>>(
        self,
        target: Target,
    ) -> ConflictBuilder<T, V, Cols<Target>, Conflicts<P, Q>>
    where
        T::Dialect: SupportsSeveralConflicts,
        Conflicts<P, Q>: TargetedConflicts,
    {
        ConflictBuilder {
            insert: self,
            target: Cols(target),
        }
    }
}

/// Proof that a conflict target names columns of table `T`: one column or a tuple.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a conflict target of table `{T}`",
    label = "expected a column of `{T}` or a tuple of them"
)]
pub trait ConflictTarget<T>: ColumnNames {}

impl<C: Column> ConflictTarget<C::Table> for C {}

macro_rules! tuple_targets {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: ConflictTarget<T>,)+ T> ConflictTarget<T> for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_targets);

/// The columns of a conflict target.
#[derive(Debug, Clone, Copy)]
pub struct Cols<X>(X);

/// No conflict target: any unique violation triggers the action.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnyConflict;

impl<T: Table, V> Insert<T, V, NoConflict, NoReturning> {
    /// `ON CONFLICT DO NOTHING`: rows that would violate a unique constraint are skipped.
    pub fn on_conflict_do_nothing(self) -> Insert<T, V, OnConflict<AnyConflict, DoNothing>>
    where
        T::Dialect: SupportsOnConflict,
    {
        Insert {
            table: self.table,
            rows: self.rows,
            conflict: OnConflict {
                target: AnyConflict,
                action: DoNothing,
            },
            returning: NoReturning,
        }
    }

    /// `ON CONFLICT (target)`: a column of the table or a tuple of them, backed by a
    /// unique constraint or index.
    pub fn on_conflict<Target: ConflictTarget<T>>(self, target: Target) -> ConflictBuilder<T, V, Cols<Target>>
    where
        T::Dialect: SupportsOnConflict,
    {
        ConflictBuilder {
            insert: self,
            target: Cols(target),
        }
    }

    /// `ON CONFLICT ON CONSTRAINT "name"` (PostgreSQL): the conflict of the unique
    /// constraint called `name` (a primary key, unique key or exclusion constraint).
    pub fn on_conflict_on_constraint(self, name: &'static str) -> ConflictBuilder<T, V, OnConstraint>
    where
        T::Dialect: SupportsConstraintTarget,
    {
        ConflictBuilder {
            insert: self,
            target: OnConstraint(name),
        }
    }

    /// `INSERT IGNORE INTO` (MySQL): rows that would break a unique key are skipped. MySQL
    /// also stores a value it would refuse (too long, out of range) cut to fit, with a
    /// warning, so prefer `on_duplicate_key_update` with a key set to itself where that
    /// matters.
    pub fn ignore(self) -> Insert<T, V, InsertIgnore>
    where
        T::Dialect: SupportsInsertIgnore,
    {
        Insert {
            table: self.table,
            rows: self.rows,
            conflict: InsertIgnore,
            returning: NoReturning,
        }
    }

    /// `ON DUPLICATE KEY UPDATE assignments` (MySQL). Use [`excluded`] for the value the
    /// row would have inserted.
    pub fn on_duplicate_key_update<S: AssignmentOf<T> + ValuesRead<T, I>, I>(
        self,
        set: S,
    ) -> Insert<T, V, OnDuplicateKeyUpdate<S>>
    where
        T::Dialect: SupportsOnDuplicateKey,
    {
        Insert {
            table: self.table,
            rows: self.rows,
            conflict: OnDuplicateKeyUpdate(set),
            returning: NoReturning,
        }
    }
}

impl<T: Table, V, Target, Prev> ConflictBuilder<T, V, Target, Prev> {
    /// `DO NOTHING`.
    pub fn do_nothing(self) -> Insert<T, V, Prev::Output>
    where
        Prev: ThenConflict<OnConflict<Target, DoNothing>>,
    {
        self.action(DoNothing)
    }

    /// `DO UPDATE SET assignments`. Use [`excluded`] for the value the row would have inserted.
    pub fn do_update<S: AssignmentOf<T> + ValuesRead<T, I>, I>(self, set: S) -> Insert<T, V, Prev::Output>
    where
        Prev: ThenConflict<OnConflict<Target, DoUpdate<S>>>,
    {
        self.action(DoUpdate { set, filter: NoWhere })
    }

    fn action<A>(self, action: A) -> Insert<T, V, Prev::Output>
    where
        Prev: ThenConflict<OnConflict<Target, A>>,
    {
        let insert = self.insert;
        Insert {
            table: insert.table,
            rows: insert.rows,
            conflict: insert.conflict.then(OnConflict {
                target: self.target,
                action,
            }),
            returning: NoReturning,
        }
    }
}

impl<T: Table, V, Target, S, W, R> Insert<T, V, OnConflict<Target, DoUpdate<S, W>>, R> {
    /// `DO UPDATE SET … WHERE predicate`: the conflicting row is updated only where the
    /// predicate holds (it reads the existing row, and [`excluded`] the new one); else
    /// the insert of that row is skipped. Called again, the predicates are ANDed.
    #[allow(clippy::type_complexity)]
    pub fn filter<P, I>(self, predicate: P) -> Insert<T, V, OnConflict<Target, DoUpdate<S, W::Output>>, R>
    where
        P: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + RowLevel,
        W: AndFilter<P>,
    {
        let OnConflict { target, action } = self.conflict;
        Insert {
            table: self.table,
            rows: self.rows,
            conflict: OnConflict {
                target,
                action: DoUpdate {
                    set: action.set,
                    filter: action.filter.and_filter(predicate),
                },
            },
            returning: self.returning,
        }
    }
}

/// Dialects whose conflict target may name a constraint: `ON CONFLICT ON CONSTRAINT`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `ON CONFLICT ON CONSTRAINT`",
    label = "`.on_conflict_on_constraint(..)` is PostgreSQL only",
    note = "name the constraint's columns instead: `.on_conflict((table::a, table::b))`"
)]
pub trait SupportsConstraintTarget: Dialect {}
impl SupportsConstraintTarget for Pg {}

/// Writes the conflict clause of an insert, or nothing.
pub(crate) trait RenderConflict<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`]. Upserts
    /// say no, and are fingerprinted piece by piece.
    const TYPE_SHAPED: bool = false;
    /// The statement's first words.
    const INSERT: &'static str = "INSERT INTO ";
    fn render_conflict<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderConflict<D> for NoConflict {
    const TYPE_SHAPED: bool = true;
    fn render_conflict<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

/// Writes the part of `ON CONFLICT` between the keywords and the action.
pub(crate) trait RenderTarget<D: Dialect> {
    fn render_target_clause(&self, out: &mut SqlWriter<'_, D>);
}

impl<D: Dialect> RenderTarget<D> for AnyConflict {
    fn render_target_clause(&self, _out: &mut SqlWriter<'_, D>) {}
}

impl RenderTarget<Pg> for OnConstraint {
    fn render_target_clause(&self, out: &mut SqlWriter<'_, Pg>) {
        out.push_sql(" ON CONSTRAINT ");
        out.push_sql_text(&{
            let mut name = String::new();
            <Pg as Dialect>::write_ident(&mut name, self.0);
            name
        });
    }
}

impl<D: Dialect, X: ColumnNames> RenderTarget<D> for Cols<X> {
    fn render_target_clause(&self, out: &mut SqlWriter<'_, D>) {
        out.push_sql(" (");
        self.0.render_names(out);
        out.push_sql(")");
    }
}

/// Writes a conflict action.
pub(crate) trait RenderAction<D: Dialect> {
    fn render_action<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderAction<D> for DoNothing {
    fn render_action<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" DO NOTHING");
    }
}

impl<S: AssignmentList<D>, W: RenderClause<D>, D: Dialect> RenderAction<D> for DoUpdate<S, W> {
    fn render_action<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        // Here the existing row and `excluded` are both in scope: a bare column name
        // would be ambiguous, so the table's columns are written with its name.
        let qualified = out.set_qualify_columns(true);
        out.push_sql(" DO UPDATE SET ");
        self.set.render_set(out);
        self.filter.render_clause(" WHERE ", out);
        out.set_qualify_columns(qualified);
    }
}

impl RenderConflict<MySql> for InsertIgnore {
    const TYPE_SHAPED: bool = true;
    const INSERT: &'static str = "INSERT IGNORE INTO ";
    fn render_conflict<'q>(&'q self, _out: &mut SqlWriter<'q, MySql>) {}
}

impl<Target: RenderTarget<D>, Action: RenderAction<D>, D: SupportsOnConflict> RenderConflict<D>
    for OnConflict<Target, Action>
{
    fn render_conflict<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" ON CONFLICT");
        self.target.render_target_clause(out);
        self.action.render_action(out);
    }
}

impl<A: RenderConflict<Sqlite>, B: RenderConflict<Sqlite>> RenderConflict<Sqlite> for Conflicts<A, B> {
    fn render_conflict<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        self.0.render_conflict(out);
        self.1.render_conflict(out);
    }
}

impl<S: AssignmentList<MySql>> RenderConflict<MySql> for OnDuplicateKeyUpdate<S> {
    fn render_conflict<'q>(&'q self, out: &mut SqlWriter<'q, MySql>) {
        out.push_sql(" ON DUPLICATE KEY UPDATE ");
        self.0.render_set(out);
    }
}

/// The value a conflicting row would have inserted into column `C`: PostgreSQL's and
/// SQLite's `excluded."c"`, MySQL's `VALUES(`c`)`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Excluded<C>(C);

/// The value the conflicting row would have inserted into `column`.
pub fn excluded<C: Column>(column: C) -> Excluded<C> {
    Excluded(column)
}

impl<C: Column> Expression for Excluded<C> {
    type SqlType = C::SqlType;
    type Nullability = C::Nullability;
    type Value = C::Value;
}

impl<C: Column, S> AppearsIn<S, ()> for Excluded<C> {
    type ScopedNullability = C::Nullability;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<C: Column> RenderSql<Pg> for Excluded<C> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("excluded.");
        out.push_ident(C::NAME);
    }
}

impl<C: Column> RenderSql<Sqlite> for Excluded<C> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        out.push_sql("excluded.");
        out.push_ident(C::NAME);
    }
}

impl<C: Column> RenderSql<MySql> for Excluded<C> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, MySql>) {
        out.push_sql("VALUES(");
        out.push_ident(C::NAME);
        out.push_sql(")");
    }
}
impl_into_expression!([C] Excluded<C>);
impl<C> crate::expr::RowLevel for Excluded<C> {}
