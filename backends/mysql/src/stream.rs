//! `query.stream(&db)`: rows handed over as they arrive, on one connection held meanwhile.
//!
//! mysql_async reads a result's rows from the socket one at a time (unbuffered), but its
//! row iterator borrows the connection: the statement runs in a future that owns the
//! connection and passes each row through a channel of a few rows, and the stream drives
//! that future whenever the channel is empty. The server waits on TCP's flow control
//! while the caller works, so memory stays bounded however many rows there are. Dropping
//! the stream drops the future, which ends the connection's thread on the server.

use crate::database::{Database, InFlight};
use crate::error::encode_error;
use crate::kept::Connection;
use crate::params::params;
use crate::row::decode;
use futures_util::future::BoxFuture;
use mizzle_dsl::dialect::MySql;
use mizzle_dsl::exec::{RowStream, StreamExecutor};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::Row;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::sync::mpsc;

/// How many rows may wait between the connection and the caller.
const ROWS_IN_TRANSIT: usize = 16;

impl StreamExecutor<MySql> for Database {
    type Stream<'a, T> = RowStream<'a, Row, T>;

    fn fetch_stream<'a, R: DecodeRow<MySql>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row> {
        let (rows, arriving) = mpsc::channel(ROWS_IN_TRANSIT);
        let reading = Box::pin(self.read_rows(statement, rows));
        RowStream::new(
            Box::pin(Arriving {
                reading: Some(reading),
                arriving,
                failed: None,
            }),
            decode::<R>,
        )
    }
}

impl Database {
    /// Runs the statement on a connection of its own and sends its rows to `rows`.
    async fn read_rows(&self, statement: Result<RenderedSql<'_>, Error>, rows: mpsc::Sender<Row>) -> Result<(), Error> {
        let RenderedSql { sql, binds, .. } = statement?;
        let params = params(binds).map_err(|source| encode_error(&sql, source))?;
        let mut flight = InFlight(Some(Connection::new(self.pooled().await?)));
        let read = async {
            let mut result = flight.conn().conn.exec_iter(&*sql, params).await?;
            while let Some(row) = result.next().await? {
                if rows.send(row).await.is_err() {
                    break;
                }
            }
            result.drop_result().await
        };
        let read = read.await;
        self.finish(flight.land(), &sql, read)
    }
}

/// The rows a reading future sends, as a stream that drives the future while it waits.
struct Arriving<'a> {
    reading: Option<BoxFuture<'a, Result<(), Error>>>,
    arriving: mpsc::Receiver<Row>,
    /// The reading's error, given after the rows that came before it.
    failed: Option<Error>,
}

impl futures_util::Stream for Arriving<'_> {
    type Item = Result<Row, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match self.arriving.poll_recv(cx) {
                Poll::Ready(Some(row)) => return Poll::Ready(Some(Ok(row))),
                // The reading is over and every row it sent was taken.
                Poll::Ready(None) => return Poll::Ready(self.failed.take().map(Err)),
                Poll::Pending => {}
            }
            let Some(reading) = self.reading.as_mut() else {
                return Poll::Pending;
            };
            match reading.as_mut().poll(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(done) => {
                    // Its sender is dropped with it, which ends the channel after its rows.
                    self.reading = None;
                    self.failed = done.err();
                }
            }
        }
    }
}
