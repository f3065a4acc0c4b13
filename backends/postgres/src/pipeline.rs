//! Several statements in one round trip: a pipeline on one connection, and batches that
//! run atomically.
//!
//! tokio-postgres sends a statement as soon as its future is first polled and matches the
//! answers to the statements in order, so statements polled together on one connection go
//! out together and their answers come back together: PostgreSQL's pipelining.

use crate::database::{Database, InFlight};
use crate::error::database_error;
use crate::fetch;
use crate::params::PgParam;
use crate::row::{decode, decode_all};
use deadpool_postgres::ClientWrapper;
use futures_util::future::{join3, join_all, try_join_all};
use mizzle_dsl::access::ReadWrite;
use mizzle_dsl::dialect::Pg;
use mizzle_dsl::exec::{BoxFuture, Executor, FetchAll, FetchFirst};
use mizzle_dsl::query::Batched;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::trace::TraceContext;
use mizzle_dsl::Error;

/// One connection on which statements run concurrently are pipelined: run them with
/// `tokio::join!` or `join_all` inside [`Database::pipeline`], and they go to the server
/// in one round trip. Not a transaction: each statement commits on its own.
#[derive(Debug)]
pub struct Pipeline<'c> {
    client: &'c ClientWrapper,
    trace: &'c TraceContext,
}

impl Database {
    /// Runs `f` with one connection on which the statements it runs concurrently
    /// (`tokio::join!`, `futures::future::join_all`) are sent together and answered
    /// together, in one round trip instead of one each:
    ///
    /// ```ignore
    /// let names = db.pipeline(async |p| {
    ///     join_all(ids.iter().map(|id| by_id(*id).get(p))).await.into_iter().collect()
    /// }).await?;
    /// ```
    pub async fn pipeline<T, F>(&self, f: F) -> Result<T, Error>
    where
        F: AsyncFnOnce(&Pipeline<'_>) -> Result<T, Error>,
    {
        let mut flight = InFlight(Some(self.connection().await?));
        let result = {
            let pipeline = Pipeline {
                client: &flight.conn().client,
                trace: self.trace(),
            };
            f(&pipeline).await
        };
        self.kept.keep(flight.land());
        result
    }

    /// Runs `statements` atomically, in one round trip once they are prepared: `BEGIN`,
    /// every statement and `COMMIT` are pipelined. Returns the number of rows each
    /// changed; when one fails, PostgreSQL rolls the whole batch back and its error is
    /// returned.
    ///
    /// ```ignore
    /// let changed = db.batch(&[&insert(users::table).values(..), &update(posts::table)..]).await?;
    /// ```
    pub async fn batch(&self, statements: &[&dyn Batched<Pg>]) -> Result<Vec<u64>, Error> {
        let rendered: Vec<RenderedSql<'_>> = statements
            .iter()
            .map(|statement| statement.render_batched())
            .collect::<Result<_, _>>()?;
        let mut flight = InFlight(Some(self.connection().await?));
        let result = {
            let conn = flight.conn();
            // Prepared together: one round trip for those not prepared yet.
            let prepared = try_join_all(
                rendered
                    .iter()
                    .map(|statement| fetch::prepare(&conn.client, &statement.sql)),
            )
            .await;
            match prepared {
                Ok(prepared) => run_batch(&conn.client, &prepared, &rendered).await,
                Err(error) => Err(error),
            }
        };
        self.kept.keep(flight.land());
        result
    }
}

/// `BEGIN`, the statements and `COMMIT`, polled together so that they are sent together.
/// After a failed statement the server refuses the rest and answers `COMMIT` by rolling
/// back, so the first failure is the batch's error.
async fn run_batch(
    client: &ClientWrapper,
    prepared: &[tokio_postgres::Statement],
    statements: &[RenderedSql<'_>],
) -> Result<Vec<u64>, Error> {
    let runs = prepared.iter().zip(statements).map(|(prepared, statement)| async move {
        client
            .execute_raw(prepared, statement.binds.iter().map(PgParam))
            .await
            .map_err(|e| database_error(&statement.sql, e))
    });
    let (begun, changed, committed) = join3(
        client.batch_execute("BEGIN"),
        join_all(runs),
        client.batch_execute("COMMIT"),
    )
    .await;
    begun.map_err(|e| database_error("BEGIN", e))?;
    let changed = changed.into_iter().collect::<Result<Vec<u64>, Error>>()?;
    committed.map_err(|e| database_error("COMMIT", e))?;
    Ok(changed)
}

impl Executor<Pg> for Pipeline<'_> {
    type Mode = ReadWrite;
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

impl Pipeline<'_> {
    /// Runs a statement on the pipeline's connection, in its span.
    async fn run<O: fetch::Operation>(&self, statement: Result<RenderedSql<'_>, Error>) -> Result<O::Output, Error> {
        let statement = statement?;
        let run = fetch::run::<O>(self.client, &statement);
        self.trace.statement(&statement).run(run, O::count).await
    }
}
