//! The connection a [`Database`](crate::Database) keeps ready for its next statement, beside the pool.
//!
//! mysql_async's pool takes a returned connection back through a task of its own, so a
//! statement that follows another at once finds the pool empty and opens or takes a
//! second connection: queries run one after another alternate between two connections,
//! two server threads and two sets of prepared statements, and each checkout tests the
//! socket with a system call. Keeping the last connection that finished a statement, and
//! taking it first, lets statements run one after another stay on one connection.

use mysql_async::Conn;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How long a kept connection may sit unused and still be taken without a ping. Past
/// it, the server may have closed the connection (`wait_timeout`, a restart), and a
/// statement sent on it could fail after being sent, which cannot be retried.
pub(crate) const TRUSTED_IDLE: Duration = Duration::from_secs(1);

/// At most one connection, and when it was kept.
#[derive(Debug, Default)]
pub(crate) struct KeptConnection {
    slot: Mutex<Option<(Conn, Instant)>>,
}

impl KeptConnection {
    /// Takes the kept connection, if there is one, with how long it sat unused.
    pub(crate) fn take(&self) -> Option<(Conn, Duration)> {
        let kept = self.lock().take();
        kept.map(|(conn, since)| (conn, since.elapsed()))
    }

    /// Keeps `conn` for the next statement. The connection kept before, if any, goes
    /// back to the pool.
    pub(crate) fn keep(&self, conn: Conn) {
        let previous = self.lock().replace((conn, Instant::now()));
        // Dropped outside the lock: returning it to the pool wakes the pool's task.
        drop(previous);
    }

    /// Gives the kept connection back to the pool, for a caller that needs one the pool
    /// has tested.
    pub(crate) fn release(&self) {
        let kept = self.lock().take();
        drop(kept);
    }

    /// The slot; a panic while it was held cannot have left it half-written.
    fn lock(&self) -> std::sync::MutexGuard<'_, Option<(Conn, Instant)>> {
        self.slot.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
