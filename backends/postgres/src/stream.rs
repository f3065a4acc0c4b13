//! `query.stream(&db)`: rows handed over as they arrive, on one connection held meanwhile.
//!
//! tokio-postgres reads a statement's rows from the socket only as fast as they are taken
//! (its response channel holds one batch), so the server waits on TCP's flow control
//! while the caller works: memory stays bounded however many rows the statement has.

use crate::database::{Database, InFlight};
use crate::row::decode;
use futures_util::stream::{self, TryStreamExt};
use mizzle_dsl::dialect::Pg;
use mizzle_dsl::exec::{RowStream, StreamExecutor};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use std::pin::Pin;
use tokio_postgres::Row;

/// A statement whose rows are being read, and the connection it runs on.
struct Streaming {
    flight: InFlight,
    rows: Pin<Box<tokio_postgres::RowStream>>,
    sql: String,
}

impl StreamExecutor<Pg> for Database {
    type Stream<'a, T> = RowStream<'a, Row, T>;

    fn fetch_stream<'a, R: DecodeRow<Pg>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row> {
        let started = stream::once(self.start(statement));
        let rows = started
            .map_ok(move |streaming| {
                stream::try_unfold(Some(streaming), move |streaming| async move {
                    let Some(mut streaming) = streaming else {
                        return Ok(None);
                    };
                    let end = match streaming.rows.as_mut().try_next().await {
                        Ok(Some(row)) => return Ok(Some((row, Some(streaming)))),
                        Ok(None) => Ok(()),
                        Err(error) => Err(error),
                    };
                    self.land_rows(streaming.flight, &streaming.sql, end).map(|()| None)
                })
            })
            .try_flatten();
        RowStream::new(Box::pin(rows), decode::<R>)
    }
}

impl Database {
    /// Sends the statement on a connection of its own, as every statement is run.
    async fn start(&self, statement: Result<RenderedSql<'_>, Error>) -> Result<Streaming, Error> {
        let statement = statement?;
        let (flight, rows) = self.open_rows(&statement).await?;
        Ok(Streaming {
            flight,
            rows: Box::pin(rows),
            sql: statement.sql.into_owned(),
        })
    }
}
