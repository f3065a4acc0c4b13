//! The connection a [`Database`](crate::Database) keeps ready for its next statement, beside the pool.
//!
//! mysql_async's pool takes a returned connection back through a task of its own, so a
//! statement that follows another at once finds the pool empty and opens or takes a
//! second connection: queries run one after another alternate between two connections,
//! two server threads and two sets of prepared statements, and each checkout tests the
//! socket with a system call. Keeping the last connection that finished a statement, and
//! taking it first, lets statements run one after another stay on one connection.
//!
//! The kept connection also keeps the statements prepared on it by the
//! [`Shape`] of their query. Given SQL text, mysql_async scans it for named parameters and
//! hashes it to find the prepared statement: 2,800 instructions for a primary-key lookup,
//! a sixth of the raw driver's whole run.

use crate::run::{self, Operation};
use mizzle_dsl::render::{Shape, ShapeMap};
use mysql_async::prelude::Queryable;
use mysql_async::{Conn, Params, Statement};
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tokio::sync::futures::Notified;
use tokio::sync::Notify;

/// How many statements a connection keeps by shape: half of the statement cache mizzle
/// gives its connections, so the statements prepared by text rarely push a kept one out.
/// Statements of further shapes, and statements without one (raw SQL), run by text.
const KEPT_STATEMENTS: usize = 128;

/// MySQL's "Unknown prepared statement handler": a kept statement mysql_async closed when
/// its own cache evicted it. The server refused it before running anything.
const UNKNOWN_STATEMENT: u16 = 1243;

/// Whether `error` says the statement run was one the server no longer has.
pub(crate) fn statement_closed(error: &mysql_async::Error) -> bool {
    matches!(error, mysql_async::Error::Server(server) if server.code == UNKNOWN_STATEMENT)
}

/// A pooled connection and the statements prepared on it, by shape.
#[derive(Debug)]
pub(crate) struct Connection {
    /// The pooled connection; dropped, it goes back to the pool.
    pub(crate) conn: Conn,
    statements: ShapeMap<Statement>,
}

impl Connection {
    /// A connection from the pool, with no statements found by shape yet.
    pub(crate) fn new(conn: Conn) -> Self {
        Connection {
            conn,
            statements: ShapeMap::default(),
        }
    }

    /// Runs a statement: found by `shape` when it was prepared here before, else prepared
    /// (and kept when it has a shape). Without a statement cache (a pool built with
    /// `stmt_cache_size(0)`), statements run by text, so mysql_async closes each after
    /// its run instead of leaving them open on the server.
    pub(crate) async fn run<O: Operation>(
        &mut self,
        sql: &str,
        shape: Option<Shape>,
        params: Params,
    ) -> Result<O::Output, mysql_async::Error> {
        let Some(shape) = shape.filter(|_| self.conn.opts().stmt_cache_size() > 0) else {
            return O::run(&mut self.conn, run::Statement::Text(sql), params).await;
        };
        let prepared = match self.statements.get(&shape) {
            Some(prepared) => prepared.clone(),
            None => {
                let prepared = self.conn.prep(sql).await?;
                if self.statements.len() < KEPT_STATEMENTS {
                    self.statements.insert(shape, prepared.clone());
                }
                prepared
            }
        };
        O::run(&mut self.conn, run::Statement::Prepared(prepared), params).await
    }

    /// Forgets the statement kept for `shape`, which the server no longer has.
    pub(crate) fn forget(&mut self, shape: Option<Shape>) {
        if let Some(shape) = shape {
            self.statements.remove(&shape);
        }
    }
}

/// How long a kept connection may sit unused and still be taken without a ping. Past
/// it, the server may have closed the connection (`wait_timeout`, a restart), and a
/// statement sent on it could fail after being sent, which cannot be retried.
pub(crate) const TRUSTED_IDLE: Duration = Duration::from_secs(1);

/// At most one connection, and when it was kept.
#[derive(Debug, Default)]
pub(crate) struct KeptConnection {
    slot: Mutex<Option<(Connection, Instant)>>,
    /// Signalled each time a connection is kept, for callers waiting on the pool.
    kept: Notify,
}

impl KeptConnection {
    /// Takes the kept connection, if there is one, with how long it sat unused.
    pub(crate) fn take(&self) -> Option<(Connection, Duration)> {
        let kept = self.lock().take();
        kept.map(|(conn, since)| (conn, since.elapsed()))
    }

    /// Keeps `conn` for the next statement. The connection kept before, if any, goes
    /// back to the pool.
    pub(crate) fn keep(&self, conn: Connection) {
        let previous = self.lock().replace((conn, Instant::now()));
        self.kept.notify_one();
        // Dropped outside the lock: returning it to the pool wakes the pool's task.
        drop(previous);
    }

    /// Whether a connection is kept now.
    pub(crate) fn is_empty(&self) -> bool {
        self.lock().is_none()
    }

    /// Completes when a connection is kept after this call; `enable` it to count from
    /// before it is first polled. A caller waiting on the pool waits on this too: with a
    /// pool of one connection, the connection it waits for may be kept here instead of
    /// going back to the pool.
    pub(crate) fn kept_meanwhile(&self) -> Notified<'_> {
        self.kept.notified()
    }

    /// Gives the kept connection back to the pool, for a caller that needs one the pool
    /// has tested.
    pub(crate) fn release(&self) {
        let kept = self.lock().take();
        drop(kept);
    }

    /// The slot; a panic while it was held cannot have left it half-written.
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Connection, Instant)>> {
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
