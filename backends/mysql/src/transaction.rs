//! Transactions on one pooled connection: START TRANSACTION/COMMIT/ROLLBACK, savepoints
//! for nesting, rollback on error and on panic, and no open transaction back in the pool.

use crate::error::database_error;
use crate::row::{decode, decode_all, Rows};
use crate::run;
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::MySql;
use mizzle_dsl::exec::{close_after, in_savepoint, BoxFuture, Executor, FetchAll, FetchFirst, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::Conn;
use std::marker::PhantomData;
use tokio::sync::Mutex;

/// A transaction (or a savepoint inside one). Queries run on its connection, one at a
/// time: `query.all(&tx).await?`.
/// `M` is [`ReadWrite`], or [`ReadOnly`](mizzle_dsl::access::ReadOnly) for a transaction
/// opened `.read_only()`, on which statements that write do not compile.
#[derive(Debug)]
pub struct Transaction<'t, M = ReadWrite> {
    conn: &'t Mutex<Conn>,
    trace: &'t TraceContext,
    depth: u32,
    /// The server's `max_allowed_packet`, where known, to explain a broken connection.
    max_packet: Option<usize>,
    /// The server's `auto_increment_increment`: how far apart the keys of one INSERT are.
    key_increment: u64,
    mode: PhantomData<M>,
}

/// Holds the connection while its transaction is open. Dropped before the transaction
/// closes (a cancelled future), it never returns the connection to the pool: it ends
/// the connection's server thread with `KILL` from a connection of its own (outside the
/// pool, which may have no other), which stops a statement still running there and rolls
/// the transaction back at once (a plain disconnect would first wait for that
/// statement's result), then closes the connection.
struct OpenTransaction {
    conn: Option<Mutex<Conn>>,
}

impl Drop for OpenTransaction {
    fn drop(&mut self) {
        if let Some(conn) = self.conn.take() {
            end_connection(conn.into_inner());
        }
    }
}

/// How long the connection that ends another may take to open.
const KILLER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Ends `conn`'s server thread with `KILL` from a connection of its own (outside the pool,
/// which may have no other), which stops a statement still running there at once (a
/// plain disconnect would first wait for its result), then closes `conn`. In the
/// background: called where a future was dropped.
pub(crate) fn end_connection(conn: Conn) {
    let end = async move {
        let id = conn.id();
        let killer = tokio::time::timeout(KILLER_TIMEOUT, Conn::new(conn.opts().clone())).await;
        if let Ok(Ok(mut killer)) = killer {
            let _ = killer.query_drop(format!("KILL CONNECTION {id}")).await;
            let _ = killer.disconnect().await;
        }
        let _ = conn.disconnect().await;
    };
    if let Ok(runtime) = tokio::runtime::Handle::try_current() {
        runtime.spawn(end);
    }
}

fn begin_sql<M: AccessMode>(options: TransactionOptions<M>) -> Result<Vec<String>, Error> {
    if options.deferrable {
        return Err(Error::Driver("MySQL has no deferrable transactions".into()));
    }
    let mut statements = Vec::new();
    if let Some(level) = options.isolation {
        statements.push(format!("SET TRANSACTION ISOLATION LEVEL {}", level.sql()));
    }
    statements.push(
        if options.is_read_only() {
            "START TRANSACTION READ ONLY"
        } else {
            "START TRANSACTION"
        }
        .to_owned(),
    );
    Ok(statements)
}

async fn run_sql_owned(conn: &Mutex<Conn>, sql: String) -> Result<(), Error> {
    run_sql(conn, &sql).await
}

async fn run_sql(conn: &Mutex<Conn>, sql: &str) -> Result<(), Error> {
    conn.lock()
        .await
        .query_drop(sql)
        .await
        .map_err(|e| database_error(sql, e))
}

pub(crate) async fn run_transaction<M, T, E, F>(
    conn: Conn,
    trace: &TraceContext,
    (max_packet, key_increment): (Option<usize>, u64),
    options: TransactionOptions<M>,
    f: F,
) -> Result<T, E>
where
    M: AccessMode,
    F: AsyncFnOnce(&Transaction<'_, M>) -> Result<T, E>,
    E: From<Error>,
{
    let mut open = OpenTransaction {
        conn: Some(Mutex::new(conn)),
    };
    let result = trace
        .transaction(async {
            let conn = open
                .conn
                .as_ref()
                .expect("the guard holds the connection until it is done");
            for sql in begin_sql(options)? {
                run_sql(conn, &sql).await?;
            }
            close_after(
                f(&Transaction {
                    conn,
                    trace,
                    depth: 0,
                    max_packet,
                    key_increment,
                    mode: PhantomData,
                }),
                |sql| run_sql_owned(conn, sql),
                "COMMIT".to_owned(),
                "ROLLBACK".to_owned(),
            )
            .await
        })
        .await;
    // Closed, one way or the other: the connection goes back to the pool.
    drop(open.conn.take());
    result
}

impl<M: AccessMode> Transaction<'_, M> {
    /// Runs `f` in a savepoint: released when `f` returns `Ok`, rolled back to when it
    /// returns `Err` or panics; the outer transaction goes on either way.
    pub async fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: AsyncFnOnce(&Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        let inner = Transaction {
            conn: self.conn,
            trace: self.trace,
            depth: self.depth + 1,
            max_packet: self.max_packet,
            key_increment: self.key_increment,
            mode: PhantomData,
        };
        in_savepoint(inner.depth, |sql| run_sql_owned(self.conn, sql), f(&inner)).await
    }

    /// The error to return from a transaction's closure to roll it back on purpose.
    pub fn rollback(&self) -> Error {
        Error::Rollback
    }

    /// Runs SQL text with no parameters inside the transaction.
    pub async fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        run_sql(self.conn, sql).await
    }

    /// Runs an INSERT and returns the auto-increment keys it gave its rows, in order,
    /// from the server's reply: no second query (see [`Database::insert_ids`](crate::Database::insert_ids)).
    pub async fn insert_ids<S>(&self, insert: &S) -> Result<Vec<u64>, Error>
    where
        S: mizzle_dsl::query::InsertsKeys<MySql>,
    {
        let statement = mizzle_dsl::render::render_statement(insert)?;
        let inserted = run::once::<run::Inserted>(&mut *self.conn.lock().await, statement, self.max_packet).await?;
        Ok(run::inserted_ids(inserted, self.key_increment))
    }
}

impl<M: AccessMode> Executor<MySql> for Transaction<'_, M> {
    type Mode = M;
    type All<'a, T>
        = FetchAll<'a, Rows, T>
    where
        Self: 'a;
    type Get<'a, T>
        = FetchFirst<'a, mysql_async::Row, T>
    where
        Self: 'a;
    type Execute<'a>
        = BoxFuture<'a, Result<u64, Error>>
    where
        Self: 'a;

    fn fetch_all<'a, R: DecodeRow<MySql>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::All<'a, R::Row> {
        FetchAll::new(Box::pin(self.run::<run::All>(statement)), decode_all::<R>)
    }

    fn fetch_first<'a, R: DecodeRow<MySql>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Get<'a, R::Row> {
        FetchFirst::new(Box::pin(self.run::<run::First>(statement)), decode::<R>)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        Box::pin(self.run::<run::Changed>(statement))
    }
}

impl<M> Transaction<'_, M> {
    /// Runs a statement on the transaction's connection, in its span.
    async fn run<O: run::Operation>(&self, statement: Result<RenderedSql<'_>, Error>) -> Result<O::Output, Error> {
        let statement = statement?;
        let span = self.trace.statement(&statement);
        let conn = &mut *self.conn.lock().await;
        span.run(run::once::<O>(conn, statement, self.max_packet), O::count)
            .await
    }
}
