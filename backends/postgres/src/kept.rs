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
use mizzle_dsl::render::{RenderedSql, ShapeMap};
use mizzle_dsl::Error;
use std::sync::Mutex;
use tokio_postgres::Statement;

/// How many statements a kept connection finds by shape. Statements of further shapes,
/// and statements without one (raw SQL), go through deadpool's cache, by text.
const KEPT_STATEMENTS: usize = 256;

/// A pooled connection and the statements prepared on it, by shape.
#[derive(Debug)]
pub(crate) struct Connection {
    /// The pooled connection; dropped, it goes back to the pool.
    pub(crate) client: Object,
    statements: ShapeMap<Statement>,
}

impl Connection {
    /// A connection from the pool, with no statements found by shape yet.
    pub(crate) fn new(client: Object) -> Self {
        Connection {
            client,
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

    /// Closes the connection for good: it does not go back to the pool.
    pub(crate) fn discard(self) {
        drop(Object::take(self.client));
    }
}

/// At most one connection, kept for the next statement.
#[derive(Debug, Default)]
pub(crate) struct KeptConnection {
    slot: Mutex<Option<Connection>>,
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
        drop(previous);
    }

    /// Gives the kept connection back to the pool, for a caller that takes one from it.
    pub(crate) fn release(&self) {
        let kept = self.lock().take();
        drop(kept);
    }

    /// The slot; a panic while it was held cannot have left it half-written.
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Connection>> {
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
