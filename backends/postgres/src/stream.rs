//! `query.stream(&db)`: rows handed over as they arrive, on one connection held meanwhile.
//!
//! tokio-postgres reads a statement's rows from the socket only as fast as they are taken
//! (its response channel holds one batch), so the server waits on TCP's flow control
//! while the caller works: memory stays bounded however many rows the statement has.

use crate::database::{Database, InFlight};
use crate::error::database_error;
use crate::fetch;
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
                    match streaming.rows.as_mut().try_next().await {
                        Ok(Some(row)) => Ok(Some((row, Some(streaming)))),
                        Ok(None) => {
                            self.kept.keep(streaming.flight.land());
                            Ok(None)
                        }
                        Err(error) => {
                            // The server refused the statement part-way: the connection is sound.
                            if error.as_db_error().is_some() {
                                self.kept.keep(streaming.flight.land());
                            } else {
                                streaming.flight.land().discard();
                            }
                            Err(database_error(&streaming.sql, error))
                        }
                    }
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
        let (flight, rows) = self.run_in_flight::<fetch::Open>(&statement).await?;
        match rows {
            Ok(rows) => Ok(Streaming {
                flight,
                rows: Box::pin(rows),
                sql: statement.sql.into_owned(),
            }),
            Err(error) => {
                self.kept.keep(flight.land());
                Err(error)
            }
        }
    }
}
