//! [`Database`]: a pool of MySQL connections, opened from a URL or an existing pool.

use crate::error::{connection_error, database_error, encode_error, never_sent, oversized, payload_size};
use crate::kept::{statement_closed, Connection, KeptConnection, TRUSTED_IDLE};
use crate::params::{params, params_copied};
use crate::row::{decode, decode_all, Rows};
use crate::run::{self, Operation};
use crate::transaction::{run_transaction, Transaction};
use futures_util::future::{select, Either};
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::{Engine, MySql};
use mizzle_dsl::exec::{BoxFuture, Executor, RawExecutor, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Opts, OptsBuilder, Pool, PoolConstraints, PoolOpts};
use std::pin::pin;
use std::sync::Arc;
use std::time::Duration;

/// A MySQL or MariaDB database: a pool of connections. Queries borrow a connection for
/// their run: `query.all(&db).await?`. The connection that finished the last statement
/// is kept aside and taken first by the next, so statements run one after another stay
/// on one connection (clones of a `Database` share it).
#[derive(Clone)]
pub struct Database {
    pool: Pool,
    kept: Arc<KeptConnection>,
    target: String,
    wait_timeout: Option<Duration>,
    /// The server's `max_allowed_packet`, read when connecting, to explain a statement
    /// that broke its connection by being larger.
    max_packet: Option<usize>,
    /// The server's `auto_increment_increment`, read when connecting: how far apart the
    /// keys of one INSERT are.
    key_increment: u64,
    trace: Arc<TraceContext>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database").field("target", &self.target).finish()
    }
}

/// Size and timeouts of the connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolOptions {
    /// The most connections open at once.
    pub max_size: usize,
    /// How long a query waits for a connection (a free one, or a new one being opened)
    /// before failing with [`Error::PoolTimeout`]; forever when `None`.
    pub wait_timeout: Option<Duration>,
    /// How long an idle connection is kept before it is closed.
    pub idle_timeout: Duration,
    /// How long `connect` waits for the first connection to open: a server that accepts
    /// the connection but does not answer fails with [`Error::Connection`] after this
    /// long. (Later connections are opened within `wait_timeout`.)
    pub connect_timeout: Option<Duration>,
    /// How long a statement may run before the server stops it (MariaDB's
    /// `max_statement_time`, set on every connection of the pool): it then fails with
    /// [`DbErrorKind::StatementTimeout`](mizzle_dsl::DbErrorKind::StatementTimeout). No
    /// limit when `None`, the default. (MySQL 8 names its own `max_execution_time`, for
    /// SELECT only: set it with `init` on a pool of your own.)
    pub statement_timeout: Option<Duration>,
    /// With the `tracing` feature, whether statement spans record the bound values
    /// (`db.query.parameters`). Off by default: values may hold personal data or secrets.
    pub trace_values: bool,
    /// The server that speaks MySQL's protocol here ([`Engine::MARIADB`] by default;
    /// [`Engine::MYSQL`], [`Engine::TIDB`], [`Engine::VITESS`]): which setting the
    /// statement timeout uses.
    pub engine: Engine,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_size: 16,
            wait_timeout: Some(Duration::from_secs(30)),
            idle_timeout: Duration::from_secs(600),
            connect_timeout: Some(Duration::from_secs(10)),
            statement_timeout: None,
            trace_values: false,
            engine: Engine::MARIADB,
        }
    }
}

/// What every connection of the pool sets first: UTC for `timestamp` columns, and the
/// statement timeout, in the engine's own setting.
fn session_settings(options: &PoolOptions) -> Vec<String> {
    let mut settings = vec!["SET time_zone = '+00:00'".to_owned()];
    settings.extend(
        options
            .statement_timeout
            .and_then(|limit| options.engine.statement_timeout_sql(limit)),
    );
    settings
}

impl Database {
    /// Connects to `url` (`mysql://user:password@host:port/database`) with the default
    /// pool, and checks that a connection can be opened.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        Self::connect_with(url, PoolOptions::default()).await
    }

    /// Connects with the given pool size and timeouts.
    pub async fn connect_with(url: &str, options: PoolOptions) -> Result<Self, Error> {
        if !(url.starts_with("mysql://") || url.starts_with("mariadb://")) {
            return Err(Error::connection(url, "a MySQL URL starts with `mysql://`"));
        }
        let constraints = PoolConstraints::new(0, options.max_size)
            .filter(|_| options.max_size > 0)
            .ok_or_else(|| Error::connection(url, "the pool's max_size must be at least 1"))?;
        let target = mizzle_dsl::redact::redact_url(url);
        let opts = Opts::from_url(&url.replacen("mariadb://", "mysql://", 1)).map_err(|e| Error::connection(url, e))?;
        let namespace = opts.db_name().unwrap_or_default().to_owned();
        let opts = OptsBuilder::from_opts(opts)
            .pool_opts(
                PoolOpts::default()
                    .with_constraints(constraints)
                    .with_inactive_connection_ttl(options.idle_timeout)
                    // A reset per return costs a round trip and drops the statement cache.
                    .with_reset_connection(false),
            )
            .init(session_settings(&options))
            .stmt_cache_size(256);
        let mut db = Database {
            pool: Pool::new(opts),
            kept: Arc::default(),
            target,
            wait_timeout: options.wait_timeout,
            max_packet: None,
            key_increment: 1,
            trace: Arc::new(TraceContext {
                record_values: options.trace_values,
                ..TraceContext::new("mysql", namespace)
            }),
        };
        // Fail now, naming the server, rather than at the first query; a server that
        // accepts the connection and says nothing fails after the connect timeout.
        let first = match options.connect_timeout {
            Some(limit) => tokio::time::timeout(limit, db.pooled()).await.map_err(|_| {
                Error::connection(
                    url,
                    format!("the server did not finish opening a connection within {limit:?} (connect_timeout)"),
                )
            })?,
            None => db.pooled().await,
        };
        let mut first = first?;
        let limits: Option<(u64, u64)> = first
            .query_first("SELECT @@max_allowed_packet, @@auto_increment_increment")
            .await
            .map_err(|e| connection_error(&db.target, e))?;
        if let Some((max_packet, key_increment)) = limits {
            db.max_packet = usize::try_from(max_packet).ok();
            db.key_increment = key_increment.max(1);
        }
        db.kept.keep(Connection::new(first));
        Ok(db)
    }

    /// Wraps a pool the application built itself. Set its connections' time zone to UTC
    /// (`init` in its options) for `timestamp` columns to read back as UTC instants.
    pub fn from_pool(pool: Pool) -> Self {
        Database {
            pool,
            kept: Arc::default(),
            target: "the given pool".to_owned(),
            wait_timeout: None,
            max_packet: None,
            key_increment: 1,
            trace: Arc::new(TraceContext::new("mysql", "")),
        }
    }

    /// The pool, for what mizzle does not cover.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// A connection from the pool, which tests it before handing it out, for a
    /// transaction or a script. The kept connection goes back to the pool first: with one
    /// connection allowed, it is the one the pool has to give; one kept while waiting
    /// goes back too.
    pub(crate) async fn pooled(&self) -> Result<Conn, Error> {
        loop {
            let mut kept_meanwhile = pin!(self.kept.kept_meanwhile());
            kept_meanwhile.as_mut().enable();
            self.kept.release();
            if let Either::Left((conn, _)) = select(pin!(self.checkout()), kept_meanwhile).await {
                return conn;
            }
        }
    }

    /// Waits for a connection from the pool, up to the wait timeout.
    async fn checkout(&self) -> Result<Conn, Error> {
        let get = self.pool.get_conn();
        let conn = match self.wait_timeout {
            Some(limit) => tokio::time::timeout(limit, get).await.map_err(|_| Error::PoolTimeout)?,
            None => get.await,
        };
        conn.map_err(|e| connection_error(&self.target, e))
    }

    /// Runs an INSERT and returns the auto-increment keys it gave its rows, in order, read
    /// from the server's reply to the INSERT itself: no second query, and no
    /// `last_insert_id()` to run on the same connection. MySQL gives the rows of one INSERT
    /// consecutive keys (`auto_increment_increment` apart, read when connecting; a pool
    /// from [`from_pool`](Self::from_pool) assumes 1). An insert that skips rows (`.ignore()`,
    /// `on_duplicate_key_update`) has no such method: which rows got keys is not known.
    pub async fn insert_ids<S>(&self, insert: &S) -> Result<Vec<u64>, Error>
    where
        S: mizzle_dsl::query::InsertsKeys<MySql>,
    {
        let statement = mizzle_dsl::render::render_statement(insert)?;
        let inserted = self.run::<run::Inserted>(statement).await?;
        Ok(run::inserted_ids(inserted, self.key_increment))
    }

    /// Runs `statements` atomically, in one transaction, one after another (MySQL's
    /// protocol has no pipelining). Returns the number of rows each changed; when one
    /// fails, the batch is rolled back and its error returned.
    pub async fn batch(&self, statements: &[&dyn mizzle_dsl::query::Batched<MySql>]) -> Result<Vec<u64>, Error> {
        let rendered: Vec<RenderedSql<'_>> = statements
            .iter()
            .map(|statement| statement.render_batched())
            .collect::<Result<_, _>>()?;
        self.transaction(async |tx| {
            let mut changed = Vec::with_capacity(rendered.len());
            for statement in rendered {
                changed.push(tx.execute(Ok(statement)).await?);
            }
            Ok(changed)
        })
        .await
    }

    /// Runs SQL text with no parameters, such as DDL; several statements may be separated by `;`.
    pub async fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        self.pooled()
            .await?
            .query_drop(sql)
            .await
            .map_err(|e| database_error(sql, e))
    }

    /// Runs `f` in a transaction on one connection: committed when `f` returns `Ok`,
    /// rolled back when it returns `Err` (return [`Error::Rollback`] to roll back on
    /// purpose) or panics. `tx.transaction(..)` nests one as a savepoint.
    pub async fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: AsyncFnOnce(&Transaction<'_>) -> Result<T, E>,
        E: From<Error>,
    {
        self.transaction_with(TransactionOptions::default(), f).await
    }

    /// [`transaction`](Self::transaction) with an isolation level or read only.
    /// MySQL has no deferrable transactions; asking for one is an error.
    /// A read-only transaction's closure gets a `Transaction<'_, ReadOnly>`, on which
    /// statements that write do not compile.
    pub async fn transaction_with<M, T, E, F>(&self, options: TransactionOptions<M>, f: F) -> Result<T, E>
    where
        M: AccessMode,
        F: AsyncFnOnce(&Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        let conn = self.pooled().await?;
        run_transaction(conn, &self.trace, (self.max_packet, self.key_increment), options, f).await
    }

    /// The kept connection, if there is one the next statement can trust: one that sat
    /// unused longer than [`TRUSTED_IDLE`] is pinged first, and given up when the ping fails.
    async fn take_kept(&self) -> Option<Connection> {
        let (mut kept, idle) = self.kept.take()?;
        if idle > TRUSTED_IDLE && kept.conn.ping().await.is_err() {
            return None;
        }
        Some(kept)
    }

    /// Runs a statement on the kept connection, or on one from the pool, or on one kept
    /// while it waited for the pool. The waits are boxed: they are large and rarely
    /// awaited, and the statement's future, copied whole into its box, stays small.
    async fn run<O: Operation>(&self, statement: RenderedSql<'_>) -> Result<O::Output, Error> {
        self.trace
            .statement(&statement)
            .run(self.run_untraced::<O>(statement), O::count)
            .await
    }

    /// [`run`](Self::run), outside of any span.
    async fn run_untraced<O: Operation>(&self, statement: RenderedSql<'_>) -> Result<O::Output, Error> {
        loop {
            if let Some(kept) = self.take_kept().await {
                match self.run_kept::<O>(kept, &statement).await {
                    Some(result) => return result,
                    // The server closed it: the pool's next connection.
                    None => break,
                }
            }
            if let Some(conn) = Box::pin(self.trace.pool_wait(self.checkout_unless_kept())).await? {
                return self.run_pooled::<O>(conn, statement).await;
            }
        }
        let conn = Box::pin(self.trace.pool_wait(self.pooled())).await?;
        self.run_pooled::<O>(conn, statement).await
    }

    /// A connection from the pool, or nothing when a statement finishing meanwhile keeps
    /// one first (with one connection allowed, the one the pool would have given).
    async fn checkout_unless_kept(&self) -> Result<Option<Conn>, Error> {
        let mut kept_meanwhile = pin!(self.kept.kept_meanwhile());
        // Registered before looking, so a connection kept in between is not missed.
        kept_meanwhile.as_mut().enable();
        if !self.kept.is_empty() {
            return Ok(None);
        }
        match select(pin!(self.checkout()), kept_meanwhile).await {
            Either::Left((conn, _)) => conn.map(Some),
            Either::Right(_) => Ok(None),
        }
    }

    /// Runs a statement on the kept connection. One the server closed while it sat
    /// unused (a `KILL`, say) fails the write of the statement, before the server could
    /// run it: then nothing is returned, and the statement is to run once more on a
    /// connection from the pool. A connection that closes while a statement is in flight
    /// gives its error: the statement may have run, and running it again could write
    /// twice. A kept statement the server no longer has is prepared again.
    async fn run_kept<O: Operation>(
        &self,
        kept: Connection,
        statement: &RenderedSql<'_>,
    ) -> Option<Result<O::Output, Error>> {
        // Copied, not moved: the values may have to be sent again.
        let params = match params_copied(&statement.binds) {
            Ok(params) => params,
            Err(source) => {
                self.kept.keep(kept);
                return Some(Err(encode_error(&statement.sql, source)));
            }
        };
        let mut flight = InFlight(Some(kept));
        let mut result = flight.conn().run::<O>(&statement.sql, statement.shape, params).await;
        if result.as_ref().is_err_and(statement_closed) {
            // Copied again, which succeeded the first time.
            let Ok(params) = params_copied(&statement.binds) else {
                drop(flight.land());
                return None;
            };
            flight.conn().forget(statement.shape);
            result = flight.conn().run::<O>(&statement.sql, statement.shape, params).await;
        }
        let kept = flight.land();
        match result {
            Err(error) if never_sent(&error) => None,
            result => Some(self.finish(kept, &statement.sql, result)),
        }
    }

    /// Runs a statement on a connection from the pool, its values moved.
    /// A statement larger than the server's `max_allowed_packet` breaks the connection,
    /// and the error says so.
    async fn run_pooled<O: Operation>(&self, conn: Conn, statement: RenderedSql<'_>) -> Result<O::Output, Error> {
        let RenderedSql { sql, binds, shape, .. } = statement;
        let size = payload_size(&sql, &binds);
        let params = params(binds).map_err(|source| encode_error(&sql, source))?;
        let mut flight = InFlight(Some(Connection::new(conn)));
        let result = flight.conn().run::<O>(&sql, shape, params).await;
        let conn = flight.land();
        match result {
            Err(error @ mysql_async::Error::Io(_)) => Err(oversized(&sql, size, self.max_packet, error)),
            result => self.finish(conn, &sql, result),
        }
    }

    /// Keeps the connection for the next statement when it is sound: after a result, or
    /// after an error the server answered with. Any other error (a broken connection, a
    /// packet out of order) drops it, and mysql_async's pool closes or resets it.
    pub(crate) fn finish<T>(
        &self,
        conn: Connection,
        sql: &str,
        result: Result<T, mysql_async::Error>,
    ) -> Result<T, Error> {
        if matches!(result, Ok(_) | Err(mysql_async::Error::Server(_))) {
            self.kept.keep(conn);
        }
        result.map_err(|e| database_error(sql, e))
    }
}

/// A connection running a statement. Dropped before the statement's answer is back (its
/// future dropped: a timeout around it, a `select!` that took another branch), the
/// connection's server thread is ended, which stops the statement there, and the
/// connection is closed rather than reused.
pub(crate) struct InFlight(pub(crate) Option<Connection>);

impl InFlight {
    pub(crate) fn conn(&mut self) -> &mut Connection {
        self.0.as_mut().expect("a connection in flight until it lands")
    }

    /// The statement finished: the connection, to keep or to drop.
    pub(crate) fn land(mut self) -> Connection {
        self.0.take().expect("a connection lands once")
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(conn) = self.0.take() {
            crate::transaction::end_connection(conn.conn);
        }
    }
}

mizzle_dsl::executor_via_raw!([] Database, MySql, mode = ReadWrite);

mizzle_dsl::transactional_database!(Database, MySql, Transaction);

impl RawExecutor<MySql> for Database {
    type Rows = Rows;
    type Row = mysql_async::Row;

    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<Rows, Error>> {
        Box::pin(async move { self.run::<run::All>(statement?).await })
    }

    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<mysql_async::Row>, Error>> {
        Box::pin(async move { self.run::<run::First>(statement?).await })
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        Box::pin(async move { self.run::<run::Changed>(statement?).await })
    }

    fn decode_all<R: DecodeRow<MySql>>(rows: Rows) -> Result<Vec<R::Row>, Error> {
        decode_all::<R>(rows)
    }

    fn decode_first<R: DecodeRow<MySql>>(row: mysql_async::Row) -> Result<R::Row, Error> {
        decode::<R>(row)
    }
}

#[cfg(test)]
mod tests {
    use super::{session_settings, PoolOptions};
    use mizzle_dsl::dialect::Engine;
    use std::time::Duration;

    #[test]
    fn the_statement_timeout_is_set_with_the_engines_own_setting() {
        let options = |engine| PoolOptions {
            statement_timeout: Some(Duration::from_secs(2)),
            engine,
            ..PoolOptions::default()
        };
        assert_eq!(
            session_settings(&options(Engine::MARIADB)),
            ["SET time_zone = '+00:00'", "SET SESSION max_statement_time = 2"]
        );
        assert_eq!(
            session_settings(&options(Engine::MYSQL)),
            ["SET time_zone = '+00:00'", "SET SESSION max_execution_time = 2000"]
        );
        assert_eq!(
            session_settings(&options(Engine::TIDB)),
            ["SET time_zone = '+00:00'", "SET SESSION max_execution_time = 2000"]
        );
        assert_eq!(session_settings(&PoolOptions::default()), ["SET time_zone = '+00:00'"]);
    }
}
