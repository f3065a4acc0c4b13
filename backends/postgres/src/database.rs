//! [`Database`]: a pool of PostgreSQL connections, opened from a URL or an existing pool.

use crate::collect::CollectRows;
use crate::error::{connection_closed, database_error, pool_error, server_ended_session, stale_statement};
use crate::fetch;
use crate::kept::{Connection, KeptConnection};
use crate::row::{decode, decode_all};
use crate::transaction::{run_transaction, Transaction};
use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod, Runtime};
use mizzle_dsl::access::{AccessMode, ReadWrite};
use mizzle_dsl::dialect::Pg;
use mizzle_dsl::exec::{BoxFuture, Executor, FetchFirst, RawExecutor, TransactionOptions};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::RowStream;

/// A PostgreSQL database: a pool of connections. Queries borrow a connection for their
/// run: `query.all(&db).await?`. The connection that finished the last statement is kept
/// aside and taken first by the next, so statements run one after another skip the
/// pool's checkout (clones of a `Database` share it).
#[derive(Clone)]
pub struct Database {
    pool: Pool,
    pub(crate) kept: Arc<KeptConnection>,
    target: String,
    trace: Arc<TraceContext>,
}

impl std::fmt::Debug for Database {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Database")
            .field("target", &self.target)
            .field("status", &self.pool.status())
            .finish()
    }
}

/// Size and timeouts of the connection pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolOptions {
    /// The most connections open at once.
    pub max_size: usize,
    /// How long a query waits for a free connection before failing with
    /// [`Error::PoolTimeout`]; forever when `None`.
    pub wait_timeout: Option<Duration>,
    /// How long opening a connection may take: a server that accepts the connection but
    /// does not answer fails with [`Error::Connection`] after this long.
    pub connect_timeout: Option<Duration>,
    /// How long a statement may run before the server cancels it (PostgreSQL's
    /// `statement_timeout`, set on every connection of the pool): it then fails with
    /// [`DbErrorKind::StatementTimeout`](mizzle_dsl::DbErrorKind::StatementTimeout). No
    /// limit when `None`, the default.
    pub statement_timeout: Option<Duration>,
    /// With the `tracing` feature, whether statement spans record the bound values
    /// (`db.query.parameters`). Off by default: values may hold personal data or secrets.
    pub trace_values: bool,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions {
            max_size: 16,
            wait_timeout: Some(Duration::from_secs(30)),
            connect_timeout: Some(Duration::from_secs(10)),
            statement_timeout: None,
            trace_values: false,
        }
    }
}

impl Database {
    /// Connects to `url` (`postgres://user:password@host:port/database`) with the default
    /// pool, and checks that a connection can be opened.
    pub async fn connect(url: &str) -> Result<Self, Error> {
        Self::connect_with(url, PoolOptions::default()).await
    }

    /// Connects with the given pool size and timeouts.
    pub async fn connect_with(url: &str, options: PoolOptions) -> Result<Self, Error> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(Error::connection(
                url,
                "a PostgreSQL URL starts with `postgres://` or `postgresql://`",
            ));
        }
        if options.max_size == 0 {
            return Err(Error::connection(url, "the pool's max_size must be at least 1"));
        }
        let target = mizzle_dsl::redact::redact_url(url);
        let mut config: tokio_postgres::Config = url
            .parse()
            .map_err(|e: tokio_postgres::Error| Error::connection(url, e))?;
        // The pool's create timeout covers the whole opening; the driver's own bounds the
        // TCP connect to each host, so that the next host of a list gets its turn.
        if let (None, Some(limit)) = (config.get_connect_timeout(), options.connect_timeout) {
            config.connect_timeout(limit);
        }
        // A server-side limit: the server cancels the statement, and says so.
        if let Some(limit) = options.statement_timeout {
            let setting = format!("-c statement_timeout={}", limit.as_millis().max(1));
            let options = match config.get_options() {
                Some(given) if !given.is_empty() => format!("{given} {setting}"),
                _ => setting,
            };
            config.options(&options);
        }
        // PostgreSQL's default database is the user's name.
        let namespace = config.get_dbname().or(config.get_user()).unwrap_or_default().to_owned();
        let manager = Manager::from_config(
            config,
            tokio_postgres::NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(options.max_size)
            .wait_timeout(options.wait_timeout)
            .create_timeout(options.connect_timeout)
            .runtime(Runtime::Tokio1)
            .build()
            .map_err(|e| Error::connection(url, e))?;
        let db = Database {
            pool,
            kept: Arc::default(),
            target,
            trace: Arc::new(TraceContext {
                record_values: options.trace_values,
                ..TraceContext::new("postgresql", namespace)
            }),
        };
        // Fail now, naming the server, rather than at the first query.
        db.kept.keep(Connection::new(db.pooled().await?));
        Ok(db)
    }

    /// Wraps a pool the application built itself.
    pub fn from_pool(pool: Pool) -> Self {
        Database {
            pool,
            kept: Arc::default(),
            target: "the given pool".to_owned(),
            trace: Arc::new(TraceContext::new("postgresql", "")),
        }
    }

    /// The pool, for what mizzle does not cover.
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs SQL text with no parameters, such as DDL; several statements may be separated by `;`.
    pub async fn execute_sql(&self, sql: &str) -> Result<(), Error> {
        let client = self.checkout().await?;
        client.batch_execute(sql).await.map_err(|e| database_error(sql, e))
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

    /// [`transaction`](Self::transaction) with an isolation level, read only or deferrable.
    /// A read-only transaction's closure gets a `Transaction<'_, ReadOnly>`, on which
    /// statements that write do not compile.
    pub async fn transaction_with<M, T, E, F>(&self, options: TransactionOptions<M>, f: F) -> Result<T, E>
    where
        M: AccessMode,
        F: AsyncFnOnce(&Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        let client = self.checkout().await?;
        run_transaction(client, &self.trace, options, f).await
    }
}

impl Database {
    /// What its statements' spans carry.
    pub(crate) fn trace(&self) -> &TraceContext {
        &self.trace
    }

    /// A connection of its own, for a transaction or a script: the kept one, or one from
    /// the pool (its statements kept by shape are left behind).
    async fn checkout(&self) -> Result<deadpool_postgres::Object, Error> {
        Ok(*self.connection().await?.client)
    }

    /// A connection from the pool, as it is.
    async fn pooled(&self) -> Result<deadpool_postgres::Object, Error> {
        self.pool.get().await.map_err(|e| pool_error(&self.target, e))
    }

    /// The kept connection if there is one, else one from the pool or one kept while
    /// waiting for it. The wait's future is boxed: it is large (1.6 kB) and rarely
    /// needed, and every statement's future would otherwise be that large and copied
    /// whole into its box.
    pub(crate) async fn connection(&self) -> Result<Connection, Error> {
        match self.kept.take() {
            Some(kept) => Ok(kept),
            None => Box::pin(self.trace.pool_wait(self.kept.take_or_wait(|| self.pooled()))).await,
        }
    }

    /// Runs a statement in its span (with the `tracing` feature and a subscriber listening).
    async fn traced<O: fetch::Operation>(&self, statement: Result<RenderedSql<'_>, Error>) -> Result<O::Output, Error> {
        let statement = statement?;
        self.trace
            .statement(&statement)
            .run(self.run::<O>(&statement), O::count)
            .await
    }

    /// Runs a statement on the kept connection, or on one from the pool, and keeps the
    /// connection for the next statement. A connection the server ended while it sat
    /// unused is met at once: preparing finds it closed, or the server answers that
    /// it ended the session (which rolled back whatever had started). Then the statement
    /// runs once more, on a new connection. A connection that closes while a statement is
    /// in flight gives its error: the statement may have run, and running it again could
    /// write twice.
    ///
    /// A statement prepared before its table changed (a column's type altered) is refused
    /// by the server before it runs: it is prepared again and runs once more.
    async fn run<O: fetch::Operation>(&self, statement: &RenderedSql<'_>) -> Result<O::Output, Error> {
        let (flight, result) = self.run_in_flight::<O>(statement).await?;
        self.kept.keep(flight.land());
        result
    }

    /// [`run`](Self::run), handing back the connection with the result: still in flight,
    /// for an operation whose rows are read afterwards. The error outside is that of a
    /// connection that could not be had.
    pub(crate) async fn run_in_flight<O: fetch::Operation>(
        &self,
        statement: &RenderedSql<'_>,
    ) -> Result<(InFlight, Result<O::Output, Error>), Error> {
        let mut flight = InFlight(Some(self.connection().await?));
        match flight.conn().prepare(statement).await {
            Ok(prepared) => match O::run(&flight.conn().client, &prepared, statement).await {
                Err(error) if server_ended_session(&error) => {}
                Err(error) if stale_statement(&error) => {
                    flight.conn().forget(statement);
                    let result = match flight.conn().prepare(statement).await {
                        Ok(prepared) => O::run(&flight.conn().client, &prepared, statement).await,
                        Err(error) => Err(error),
                    };
                    return Ok((flight, result));
                }
                result => return Ok((flight, result)),
            },
            Err(error) if connection_closed(&error) || server_ended_session(&error) => {}
            Err(error) => return Ok((flight, Err(error))),
        }
        // The connection is dead: never hand it out again.
        flight.land().discard();
        let mut flight = InFlight(Some(self.connection().await?));
        let result = match flight.conn().prepare(statement).await {
            Ok(prepared) => O::run(&flight.conn().client, &prepared, statement).await,
            Err(error) => Err(error),
        };
        Ok((flight, result))
    }

    /// Sends a statement whose rows are read afterwards (`.all()`, streaming), as every
    /// statement is run: its rows, and its connection in flight until
    /// [`land_rows`](Self::land_rows).
    pub(crate) async fn open_rows(&self, statement: &RenderedSql<'_>) -> Result<(InFlight, RowStream), Error> {
        let (flight, rows) = self.run_in_flight::<fetch::Open>(statement).await?;
        match rows {
            Ok(rows) => Ok((flight, rows)),
            Err(error) => {
                self.kept.keep(flight.land());
                Err(error)
            }
        }
    }

    /// Ends the reading of rows [`open_rows`](Self::open_rows) began: after the last row,
    /// or after an error the server answered with part-way, the connection is sound and
    /// kept; after any other error it is closed.
    pub(crate) fn land_rows(
        &self,
        flight: InFlight,
        sql: &str,
        end: Result<(), tokio_postgres::Error>,
    ) -> Result<(), Error> {
        match end {
            Ok(()) => {
                self.kept.keep(flight.land());
                Ok(())
            }
            Err(error) => {
                if error.as_db_error().is_some() {
                    self.kept.keep(flight.land());
                } else {
                    flight.land().discard();
                }
                Err(database_error(sql, error))
            }
        }
    }
}

/// A connection running a statement. Dropped before the statement's answer is back (its
/// future dropped: a timeout around it, a `select!` that took another branch), the server
/// is asked to cancel the statement, and the connection is closed, so that neither the
/// statement nor its cancel can reach a statement run on it later.
pub(crate) struct InFlight(pub(crate) Option<Connection>);

impl InFlight {
    pub(crate) fn conn(&mut self) -> &mut Connection {
        self.0.as_mut().expect("a connection in flight until it lands")
    }

    /// The statement finished: the connection, to keep or to discard.
    pub(crate) fn land(mut self) -> Connection {
        self.0.take().expect("a connection lands once")
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        let Some(conn) = self.0.take() else {
            return;
        };
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let cancel = conn.client.cancel_token();
            runtime.spawn(async move {
                // The connection closes below either way; the server then stops the
                // statement when it next writes to it, or now, if the cancel arrives.
                let _ = cancel.cancel_query(tokio_postgres::NoTls).await;
            });
        }
        conn.discard();
    }
}

// Every row is decoded as it arrives (`CollectRows`); the rest as any `RawExecutor`.
impl Executor<Pg> for Database {
    type Mode = ReadWrite;
    type All<'a, T>
        = CollectRows<'a, T>
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
        CollectRows::new(self, statement, decode::<R>)
    }

    fn fetch_first<'a, R: DecodeRow<Pg>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Get<'a, R::Row> {
        FetchFirst::new(RawExecutor::first_row(self, statement), decode::<R>)
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        RawExecutor::changed(self, statement)
    }
}

mizzle_dsl::transactional_database!(Database, Pg, Transaction);

impl RawExecutor<Pg> for Database {
    type Rows = Vec<tokio_postgres::Row>;
    type Row = tokio_postgres::Row;

    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<Self::Rows, Error>> {
        Box::pin(self.traced::<fetch::All>(statement))
    }

    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<Self::Row>, Error>> {
        Box::pin(self.traced::<fetch::First>(statement))
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        Box::pin(self.traced::<fetch::Changed>(statement))
    }

    fn decode_all<R: DecodeRow<Pg>>(rows: Self::Rows) -> Result<Vec<R::Row>, Error> {
        decode_all::<R>(rows)
    }

    fn decode_first<R: DecodeRow<Pg>>(row: Self::Row) -> Result<R::Row, Error> {
        decode::<R>(row)
    }
}
