//! The connection a [`Database`](crate::Database) keeps ready for its next statement, with
//! the statements prepared on it found by shape.
//!
//! Each checkout from deadpool takes its semaphore, its slot queue's lock and a timer for
//! the wait timeout, and its statement cache finds a statement by hashing the whole SQL
//! text: together a fifth of a primary-key lookup's instructions. The connection that
//! finished the last statement is kept aside instead, taken first by the next statement,
//! and the statements prepared on it are found by the [`Shape`](mizzle_dsl::render::Shape)
//! a query-builder statement carries.

use crate::fetch;
use deadpool_postgres::Object;
use futures_util::future::{select, Either};
use mizzle_dsl::render::{RenderedSql, ShapeMap};
use mizzle_dsl::Error;
use std::future::Future;
use std::pin::pin;
use std::sync::Mutex;
use tokio::sync::Notify;
use tokio_postgres::Statement;

/// How many statements a kept connection finds by shape. Statements of further shapes,
/// and statements without one (raw SQL), go through deadpool's cache, by text.
const KEPT_STATEMENTS: usize = 256;

/// A pooled connection and the statements prepared on it, by shape.
#[derive(Debug)]
pub(crate) struct Connection {
    /// The pooled connection; dropped, it goes back to the pool. Boxed: deadpool's
    /// object is 200 bytes, and a connection moves from the kept slot into every
    /// statement's future and back, where a box moves as a pointer. It is boxed once,
    /// when taken from the pool, not once a statement.
    pub(crate) client: Box<Object>,
    statements: ShapeMap<Statement>,
}

impl Connection {
    /// A connection from the pool, with no statements found by shape yet.
    pub(crate) fn new(client: Object) -> Self {
        Connection {
            client: Box::new(client),
            statements: ShapeMap::default(),
        }
    }

    /// The prepared form of `statement` on this connection: prepared once, then found by
    /// its shape. Preparing runs nothing, so a failure here can always be retried elsewhere.
    /// Preparing's future is boxed: it is large (1.3 kB) and rarely needed.
    pub(crate) async fn prepare(&mut self, statement: &RenderedSql<'_>) -> Result<Statement, Error> {
        let Some(shape) = statement.shape else {
            return Box::pin(fetch::prepare(&self.client, &statement.sql)).await;
        };
        if let Some(prepared) = self.statements.get(&shape) {
            return Ok(prepared.clone());
        }
        let prepared = Box::pin(fetch::prepare(&self.client, &statement.sql)).await?;
        if self.statements.len() < KEPT_STATEMENTS {
            self.statements.insert(shape, prepared.clone());
        }
        Ok(prepared)
    }

    /// Forgets `statement`'s prepared form, so that it is prepared again.
    pub(crate) fn forget(&mut self, statement: &RenderedSql<'_>) {
        if let Some(shape) = statement.shape {
            self.statements.remove(&shape);
        }
        fetch::forget(&self.client, &statement.sql);
    }

    /// Closes the connection for good: it does not go back to the pool.
    pub(crate) fn discard(self) {
        drop(Object::take(*self.client));
    }
}

/// At most one connection, kept for the next statement.
#[derive(Debug, Default)]
pub(crate) struct KeptConnection {
    slot: Mutex<Option<Connection>>,
    /// Signalled each time a connection is kept, for statements waiting on the pool.
    kept: Notify,
}

impl KeptConnection {
    /// Takes the kept connection, if there is one the server has not closed.
    pub(crate) fn take(&self) -> Option<Connection> {
        let kept = self.lock().take()?;
        if kept.client.is_closed() {
            kept.discard();
            return None;
        }
        Some(kept)
    }

    /// Keeps `conn` for the next statement, unless it is closed. The connection kept
    /// before, if any, goes back to the pool.
    pub(crate) fn keep(&self, conn: Connection) {
        if conn.client.is_closed() {
            return conn.discard();
        }
        let previous = self.lock().replace(conn);
        self.kept.notify_one();
        drop(previous);
    }

    /// The kept connection, or, while there is none, whichever comes first: a connection
    /// from the pool (`checkout`), or one a statement finishing meanwhile keeps. Without
    /// the second, a statement waiting on a pool of one connection would wait out its
    /// timeout while that connection sat here.
    pub(crate) async fn take_or_wait<F>(&self, checkout: impl Fn() -> F) -> Result<Connection, Error>
    where
        F: Future<Output = Result<Object, Error>>,
    {
        loop {
            if let Some(kept) = self.take() {
                return Ok(kept);
            }
            let mut kept_meanwhile = pin!(self.kept.notified());
            // Registered before looking again, so a connection kept in between is not missed.
            kept_meanwhile.as_mut().enable();
            if let Some(kept) = self.take() {
                return Ok(kept);
            }
            if let Either::Left((pooled, _)) = select(pin!(checkout()), kept_meanwhile).await {
                return pooled.map(Connection::new);
            }
        }
    }

    /// The slot; a panic while it was held cannot have left it half-written.
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Connection>> {
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
