//! Row locking: SELECT … FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE and FOR KEY SHARE, with
//! NOWAIT or SKIP LOCKED, and OF the tables to lock.

use super::clause::{NoDistinct, NoFilterNeeded, NoGroup};
use super::select::Select;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use crate::dialect::{Dialect, DialectKind, SupportsKeyLocks, SupportsLockOf, SupportsRowLocks};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{QuerySource, Table, TableIn};

/// How strongly the chosen rows are locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockStrength {
    /// `FOR UPDATE`: no other transaction may lock, update or delete the rows.
    Update,
    /// `FOR NO KEY UPDATE` (PostgreSQL): as `Update`, but lets others take `KeyShare`
    /// locks, so rows that reference these keep being inserted.
    NoKeyUpdate,
    /// `FOR SHARE` (`LOCK IN SHARE MODE` on MySQL and MariaDB): others may read and
    /// share-lock the rows, not change them.
    Share,
    /// `FOR KEY SHARE` (PostgreSQL): others may change the rows but not their keys.
    KeyShare,
}

/// What to do when a chosen row is locked by another transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Wait for the lock (the default).
    Wait,
    /// `NOWAIT`: fail at once, with [`DbErrorKind::LockNotAvailable`](crate::DbErrorKind::LockNotAvailable).
    NoWait,
    /// `SKIP LOCKED`: leave the locked rows out, as a queue of jobs wants.
    SkipLocked,
}

/// A select that locks the rows it returns until its transaction ends. Built by
/// `.for_update()`, `.for_share()` and the PostgreSQL forms on a select; it runs as the
/// select does, and counts as a statement that writes, so a read-only transaction refuses
/// it at compile time (PostgreSQL refuses it there at run time).
#[derive(Debug, Clone, Copy)]
#[must_use = "a locking select does nothing until a terminal method such as `.all(&tx)`"]
pub struct Locked<Q, Of = EveryTable> {
    query: Q,
    strength: LockStrength,
    wait: LockWait,
    of: Of,
}

/// Locks the rows of every table the query reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct EveryTable;

/// `OF tables`: locks only the rows of these tables.
#[derive(Debug, Clone, Copy)]
pub struct OfTables<T>(T);

/// A select whose rows are rows of its tables, as a lock needs: no GROUP BY, no DISTINCT.
#[diagnostic::on_unimplemented(
    message = "a select with GROUP BY or DISTINCT cannot lock rows",
    label = "its rows are groups, not rows of a table",
    note = "PostgreSQL refuses FOR UPDATE and FOR SHARE with GROUP BY or DISTINCT: lock the rows in a select of \
            their own first, in the same transaction"
)]
pub trait RowsOfTables {}

impl RowsOfTables for (NoGroup, NoDistinct) {}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// `FOR UPDATE`: locks the returned rows against other transactions' locks, updates
    /// and deletes until this transaction ends.
    pub fn for_update(self) -> Locked<Self>
    where
        Src::Dialect: SupportsRowLocks,
        (G, Dis): RowsOfTables,
    {
        Locked::new(self, LockStrength::Update)
    }

    /// `FOR SHARE` (`LOCK IN SHARE MODE` on MySQL and MariaDB): others may still read and
    /// share-lock the rows, but not change them.
    pub fn for_share(self) -> Locked<Self>
    where
        Src::Dialect: SupportsRowLocks,
        (G, Dis): RowsOfTables,
    {
        Locked::new(self, LockStrength::Share)
    }

    /// `FOR NO KEY UPDATE` (PostgreSQL): `FOR UPDATE` that lets others insert rows
    /// referencing these; what an UPDATE that keeps the key takes.
    pub fn for_no_key_update(self) -> Locked<Self>
    where
        Src::Dialect: SupportsKeyLocks,
        (G, Dis): RowsOfTables,
    {
        Locked::new(self, LockStrength::NoKeyUpdate)
    }

    /// `FOR KEY SHARE` (PostgreSQL): others may change the rows but not their keys.
    pub fn for_key_share(self) -> Locked<Self>
    where
        Src::Dialect: SupportsKeyLocks,
        (G, Dis): RowsOfTables,
    {
        Locked::new(self, LockStrength::KeyShare)
    }
}

impl<Q> Locked<Q> {
    fn new(query: Q, strength: LockStrength) -> Self {
        Locked {
            query,
            strength,
            wait: LockWait::Wait,
            of: EveryTable,
        }
    }
}

impl<Q: RowQuery, Of> Locked<Q, Of> {
    /// `NOWAIT`: fails at once when a row is locked, with
    /// [`DbErrorKind::LockNotAvailable`](crate::DbErrorKind::LockNotAvailable).
    pub fn nowait(mut self) -> Self {
        self.wait = LockWait::NoWait;
        self
    }

    /// `SKIP LOCKED`: leaves out the rows another transaction has locked.
    pub fn skip_locked(mut self) -> Self {
        self.wait = LockWait::SkipLocked;
        self
    }
}

impl<Q: RowQuery> Locked<Q> {
    /// `OF tables` (PostgreSQL): locks only the rows of these tables of the query, a
    /// table or a tuple of them; the others are read without a lock.
    pub fn of<T: LockTables<Q::Source, I>, I>(self, tables: T) -> Locked<Q, OfTables<T>>
    where
        Q::Dialect: SupportsLockOf,
    {
        Locked {
            query: self.query,
            strength: self.strength,
            wait: self.wait,
            of: OfTables(tables),
        }
    }
}

/// Tables of source `S` named by `OF`: one table or a tuple of them.
#[diagnostic::on_unimplemented(
    message = "`.of(..)` names tables the query reads",
    label = "expected a table of this query's FROM clause or joins, or a tuple of them",
    note = "lock rows only of tables the select reads: join the table first, or leave it out of `.of(..)`"
)]
pub trait LockTables<S, I> {}

impl<T: Table + TableIn<S, I>, S, I> LockTables<S, I> for T {}

macro_rules! tuple_lock_tables {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: LockTables<S, $idx>, $idx,)+ S> LockTables<S, ($($idx,)+)> for ($($name,)+) {}

        impl<$($name: Table,)+> TableNames for ($($name,)+) {
            fn write_names<D: Dialect>(out: &mut SqlWriter<'_, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    out.push_ident($name::NAME);
                )+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_lock_tables);

/// The names of a table or a tuple of tables, for `OF`.
pub(crate) trait TableNames {
    /// Writes the names, quoted and separated by commas.
    fn write_names<D: Dialect>(out: &mut SqlWriter<'_, D>);
}

impl<T: Table> TableNames for T {
    fn write_names<D: Dialect>(out: &mut SqlWriter<'_, D>) {
        out.push_ident(T::NAME);
    }
}

/// Writes the OF part of a lock, or nothing.
pub(crate) trait RenderLockOf {
    fn render_lock_of<D: Dialect>(&self, out: &mut SqlWriter<'_, D>);
}

impl RenderLockOf for EveryTable {
    fn render_lock_of<D: Dialect>(&self, _out: &mut SqlWriter<'_, D>) {}
}

impl<T: TableNames> RenderLockOf for OfTables<T> {
    fn render_lock_of<D: Dialect>(&self, out: &mut SqlWriter<'_, D>) {
        out.push_sql(" OF ");
        T::write_names(out);
    }
}

impl<Q, Of, D> RenderSql<D> for Locked<Q, Of>
where
    D: Dialect,
    Q: RenderSql<D>,
    Of: RenderLockOf,
{
    // The strength and the waiting are recorded.
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_choice(self.strength as u64 | (self.wait as u64) << 2);
        self.query.render(out);
        out.push_sql(match (self.strength, D::KIND) {
            (LockStrength::Share, DialectKind::MySql) => " LOCK IN SHARE MODE",
            (LockStrength::Update, _) => " FOR UPDATE",
            (LockStrength::NoKeyUpdate, _) => " FOR NO KEY UPDATE",
            (LockStrength::Share, _) => " FOR SHARE",
            (LockStrength::KeyShare, _) => " FOR KEY SHARE",
        });
        self.of.render_lock_of(out);
        out.push_sql(match self.wait {
            LockWait::Wait => "",
            LockWait::NoWait => " NOWAIT",
            LockWait::SkipLocked => " SKIP LOCKED",
        });
    }
}

impl<Q: Statement, Of> Statement for Locked<Q, Of> {
    type Dialect = Q::Dialect;
    type Filter = NoFilterNeeded;
    // PostgreSQL refuses a locking read in a read-only transaction.
    type Access = crate::access::Writes;
}

impl<Q: RowQuery, Of> RowQuery for Locked<Q, Of> {
    type Source = Q::Source;
    type Selection = Q::Selection;
    type Decoded = Q::Decoded;

    fn selection(&self) -> &Self::Selection {
        self.query.selection()
    }
}

impl<Q: ScopeChecked<I>, Of, I> ScopeChecked<I> for Locked<Q, Of> {}

impl<Q: ClausesAgree<J>, Of, J> ClausesAgree<J> for Locked<Q, Of> {}
