//! Transactions on one pooled connection: BEGIN/COMMIT/ROLLBACK, savepoints for nesting,
//! rollback on error and on panic, and no half-finished transaction back in the pool.

use crate::error::database_error;
use crate::fetch;
use crate::row::{decode, decode_all};
use deadpool_postgres::{ClientWrapper, Object};
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::Pg;
use mizzle_dsl::exec::{close_after, in_savepoint, BoxFuture, Executor, FetchAll, FetchFirst, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use std::marker::PhantomData;
use std::sync::{Mutex, PoisonError};

/// A transaction (or a savepoint inside one). Queries run on its connection:
/// `query.all(&tx).await?`.
/// `M` is [`ReadWrite`], or [`ReadOnly`](mizzle_dsl::access::ReadOnly) for a transaction
/// opened `.read_only()`, on which statements that write do not compile.
#[derive(Debug)]
pub struct Transaction<'c, M = ReadWrite> {
    client: &'c ClientWrapper,
    trace: &'c TraceContext,
    depth: u32,
    failed: &'c FailedStatement,
    mode: PhantomData<M>,
}

/// The first statement error since the transaction (or the savepoint it was rolled back
/// to) was sound: after one, PostgreSQL refuses every statement and answers COMMIT by
/// rolling back, so a closure that ignored the error must not be told it committed.
#[derive(Debug, Default)]
struct FailedStatement(Mutex<Option<String>>);

impl FailedStatement {
    /// Notes `result`'s error if the server refused the statement.
    fn note<T>(&self, result: Result<T, Error>) -> Result<T, Error> {
        if let Err(error @ Error::Database { .. }) = &result {
            self.0
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert_with(|| error.to_string());
        }
        result
    }

    /// The body's result, unless it is `Ok` while a statement in it failed.
    fn check<T, E: From<Error>>(&self, result: Result<T, E>) -> Result<T, E> {
        match (result, self.0.lock().unwrap_or_else(PoisonError::into_inner).clone()) {
            (Ok(_), Some(cause)) => Err(Error::TransactionAborted { cause }.into()),
            (result, _) => result,
        }
    }

    /// The transaction is sound again: a savepoint was released or rolled back to.
    fn clear(&self) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// Returns the connection to the pool only once its transaction is closed; dropped
/// mid-transaction (a cancelled future), it closes the connection instead, which makes
/// the server roll back.
struct PooledTransaction {
    client: Option<Object>,
}

impl Drop for PooledTransaction {
    fn drop(&mut self) {
        if let Some(client) = self.client.take() {
            drop(Object::take(client));
        }
    }
}

fn begin_sql<M: AccessMode>(options: TransactionOptions<M>) -> String {
    let mut sql = String::from("BEGIN");
    if let Some(level) = options.isolation {
        sql.push_str(" ISOLATION LEVEL ");
        sql.push_str(level.sql());
    }
    if options.is_read_only() {
        sql.push_str(" READ ONLY");
    }
    if options.deferrable {
        sql.push_str(" DEFERRABLE");
    }
    sql
}

async fn batch(client: &ClientWrapper, sql: &str) -> Result<(), Error> {
    client.batch_execute(sql).await.map_err(|e| database_error(sql, e))
}

async fn batch_owned(client: &ClientWrapper, sql: String) -> Result<(), Error> {
    batch(client, &sql).await
}

pub(crate) async fn run_transaction<M, T, E, F>(
    client: Object,
    trace: &TraceContext,
    options: TransactionOptions<M>,
    f: F,
) -> Result<T, E>
where
    M: AccessMode,
    F: AsyncFnOnce(&Transaction<'_, M>) -> Result<T, E>,
    E: From<Error>,
{
    let mut guard = PooledTransaction { client: Some(client) };
    let result = trace
        .transaction(async {
            let client: &ClientWrapper = guard
                .client
                .as_ref()
                .expect("the guard holds the connection until it is done");
            batch(client, &begin_sql(options)).await?;
            let failed = FailedStatement::default();
            let tx = Transaction {
                client,
                trace,
                depth: 0,
                failed: &failed,
                mode: PhantomData,
            };
            close_after(
                async { failed.check(f(&tx).await) },
                |sql| batch_owned(client, sql),
                "COMMIT".to_owned(),
                "ROLLBACK".to_owned(),
            )
            .await
        })
        .await;
    // The transaction is closed (or the connection is broken and the error says so):
    // hand the connection back to the pool.
    if let Some(client) = guard.client.take() {
        if client.is_closed() {
            drop(Object::take(client));
        }
    }
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
            client: self.client,
            trace: self.trace,
            depth: self.depth + 1,
            failed: self.failed,
            mode: PhantomData,
        };
        // A savepoint opens only in a sound transaction; released or rolled back to, the
        // transaction is sound again.
        let run = |sql: String| async move {
            self.failed.note(batch(self.client, &sql).await)?;
            self.failed.clear();
            Ok(())
        };
        in_savepoint(inner.depth, run, async { self.failed.check(f(&inner).await) }).await
    }

    /// The error to return from a transaction's closure to roll it back on purpose.
    pub fn rollback(&self) -> Error {
        Error::Rollback
    }

    /// Runs SQL text with no parameters inside the transaction.
    pub async fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        self.failed.note(batch(self.client, sql).await)
    }

    /// Sets the setting `name` (such as `app.tenant_id`) to `value` until the transaction
    /// ends: `SET LOCAL`, written `set_config($1, $2, true)` so that both are bound
    /// parameters, never SQL. Row-level security policies read it with
    /// [`current_setting`](mizzle_dsl::expr::current_setting).
    pub async fn set_local(&self, name: &str, value: &str) -> Result<(), Error> {
        const SQL: &str = "SELECT set_config($1, $2, true)";
        let result = self.client.query_one(SQL, &[&name, &value]).await;
        self.failed.note(result.map(drop).map_err(|e| database_error(SQL, e)))
    }

    /// `SET LOCAL ROLE role`: the rest of the transaction runs as `role`, bound by the
    /// policies that name it (a superuser is bound by none).
    pub async fn set_local_role(&self, role: &mizzle_dsl::schema::Role) -> Result<(), Error> {
        let mut sql = String::from("SET LOCAL ROLE ");
        mizzle_dsl::schema::ddl_ident(mizzle_dsl::dialect::DialectKind::Pg, &mut sql, role.name);
        self.execute_sql(&sql).await
    }
}

impl<M: AccessMode> Executor<Pg> for Transaction<'_, M> {
    type Mode = M;
    type All<'a, T>
        = FetchAll<'a, Vec<tokio_postgres::Row>, T>
    where
        Self: 'a;
    type Get<'a, T>
        = FetchFirst<'a, tokio_postgres::Row, T>
    where
        Self: 'a;
    type Execute<'a>
        = BoxFuture<'a, Result<u64, Error>>
    where
        Self: 'a;

    fn fetch_all<'a, R: DecodeRow<Pg>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::All<'a, R::Row> {
        FetchAll::new(Box::pin(self.run::<fetch::All>(statement)), decode_all::<R>)
    }

    fn fetch_first<'a, R: DecodeRow<Pg>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Get<'a, R::Row> {
        FetchFirst::new(Box::pin(self.run::<fetch::First>(statement)), decode::<R>)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        Box::pin(self.run::<fetch::Changed>(statement))
    }
}

impl<M> Transaction<'_, M> {
    /// Runs a statement on the transaction's connection, in its span, noting a failure.
    async fn run<O: fetch::Operation>(&self, statement: Result<RenderedSql<'_>, Error>) -> Result<O::Output, Error> {
        let statement = statement?;
        let run = fetch::run::<O>(self.client, &statement);
        self.failed
            .note(self.trace.statement(&statement).run(run, O::count).await)
    }
}

#[cfg(test)]
mod tests {
    use super::begin_sql;
    use mizzle_dsl::exec::{IsolationLevel, TransactionOptions};

    #[test]
    fn begin_spells_the_options() {
        assert_eq!(begin_sql(TransactionOptions::new()), "BEGIN");
        assert_eq!(
            begin_sql(
                TransactionOptions::new()
                    .isolation(IsolationLevel::Serializable)
                    .read_only()
                    .deferrable()
            ),
            "BEGIN ISOLATION LEVEL SERIALIZABLE READ ONLY DEFERRABLE"
        );
    }
}
