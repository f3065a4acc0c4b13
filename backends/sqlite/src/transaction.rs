//! Transactions on SQLite: closure style, nested as savepoints, rolled back on error and
//! on panic.

use crate::error::database_error;
use crate::run;
use crate::session::Session;
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::{Executor, IsolationLevel, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use rusqlite::Connection;
use std::marker::PhantomData;

/// A transaction (or a savepoint inside one): `query.all(&tx)?`. `M` is [`ReadWrite`], or
/// [`ReadOnly`](mizzle_dsl::access::ReadOnly) for a transaction opened `.read_only()`, on
/// which statements that write do not compile (and raw SQL that writes fails:
/// `PRAGMA query_only` is on until it ends).
#[derive(Debug)]
pub struct Transaction<'c, M = ReadWrite> {
    session: &'c Session,
    trace: &'c TraceContext,
    depth: u32,
    mode: PhantomData<M>,
}

/// Closes the transaction (or savepoint) with `rollback` unless it was finished: this
/// runs when the closure returns an error and when it panics.
struct Open<'c> {
    conn: &'c Connection,
    rollback: String,
    finished: bool,
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if !self.finished {
            // Nothing to report to: the error or panic that got here is what the caller sees.
            let _ = self.conn.execute_batch(&self.rollback);
        }
    }
}

fn run_sql(conn: &Connection, sql: &str) -> Result<(), Error> {
    conn.execute_batch(sql).map_err(|e| database_error(sql, e))
}

fn scoped<M, T, E, F>(tx: Transaction<'_, M>, f: F, commit: &str, rollback: String) -> Result<T, E>
where
    F: FnOnce(&Transaction<'_, M>) -> Result<T, E>,
    E: From<Error>,
{
    let mut open = Open {
        conn: tx.session.connection(),
        rollback,
        finished: false,
    };
    let value = f(&tx)?;
    run_sql(tx.session.connection(), commit)?;
    open.finished = true;
    Ok(value)
}

/// `BEGIN` for the options: SQLite transactions are serializable; read-only and
/// deferrable ones map to `BEGIN DEFERRED` (no lock until the first read), others to
/// `BEGIN IMMEDIATE`, which takes the write lock up front so the transaction cannot fail
/// later on a lock upgrade.
fn begin_sql<M: AccessMode>(options: TransactionOptions<M>) -> Result<&'static str, Error> {
    match options.isolation {
        None | Some(IsolationLevel::Serializable) => {}
        Some(level) => {
            return Err(Error::Driver(
                format!("SQLite transactions are serializable; {} is not available", level.sql()).into(),
            ))
        }
    }
    Ok(if options.is_read_only() {
        "BEGIN DEFERRED; PRAGMA query_only = 1"
    } else if options.deferrable {
        "BEGIN DEFERRED"
    } else {
        "BEGIN IMMEDIATE"
    })
}

pub(crate) fn run_transaction<M, T, E, F>(
    session: &Session,
    trace: &TraceContext,
    options: TransactionOptions<M>,
    f: F,
) -> Result<T, E>
where
    M: AccessMode,
    F: FnOnce(&Transaction<'_, M>) -> Result<T, E>,
    E: From<Error>,
{
    run_sql(session.connection(), begin_sql(options)?)?;
    let tx = Transaction {
        session,
        trace,
        depth: 0,
        mode: PhantomData,
    };
    if M::READ_ONLY {
        scoped(
            tx,
            f,
            "COMMIT; PRAGMA query_only = 0",
            "ROLLBACK; PRAGMA query_only = 0".to_owned(),
        )
    } else {
        scoped(tx, f, "COMMIT", "ROLLBACK".to_owned())
    }
}

impl<M: AccessMode> Transaction<'_, M> {
    /// Runs `f` in a savepoint: released when `f` returns `Ok`, rolled back to when it
    /// returns `Err` or panics; the outer transaction goes on either way.
    pub fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        let name = format!("mizzle_sp_{}", self.depth + 1);
        run_sql(self.session.connection(), &format!("SAVEPOINT {name}"))?;
        let inner = Transaction {
            session: self.session,
            trace: self.trace,
            depth: self.depth + 1,
            mode: PhantomData,
        };
        scoped(
            inner,
            f,
            &format!("RELEASE {name}"),
            format!("ROLLBACK TO {name}; RELEASE {name}"),
        )
    }

    /// The error to return from a transaction's closure to roll it back on purpose.
    pub fn rollback(&self) -> Error {
        Error::Rollback
    }

    /// Runs SQL text with no parameters inside the transaction.
    pub fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        run_sql(self.session.connection(), sql)
    }
}

impl<M: AccessMode> Executor<Sqlite> for Transaction<'_, M> {
    type Mode = M;
    type All<'a, T>
        = Result<Vec<T>, Error>
    where
        Self: 'a;
    type Get<'a, T>
        = Result<Option<T>, Error>
    where
        Self: 'a;
    type Execute<'a>
        = Result<u64, Error>
    where
        Self: 'a;

    fn fetch_all<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::All<'a, R::Row> {
        run::fetch_all::<R>(self.session, self.trace, &statement?)
    }

    fn fetch_first<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Get<'a, R::Row> {
        run::fetch_first::<R>(self.session, self.trace, &statement?)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        run::execute(self.session, self.trace, &statement?)
    }
}
