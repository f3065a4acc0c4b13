//! [`Session`]: a rusqlite connection and the statements prepared on it, found by shape.
//!
//! rusqlite's own statement cache finds a statement by its text: every run hashes and
//! compares the whole SQL twice (taking the statement out, putting it back), which costs
//! more than a primary-key lookup's decoding. A statement built by the query builder
//! carries its [`Shape`](mizzle_dsl::render::Shape), the key of its kept text, so the
//! session keeps its prepared statements by that instead.

use crate::error::database_error;
use crate::params::Param;
use mizzle_dsl::render::{RenderedSql, ShapeMap};
use mizzle_dsl::Error;
use rusqlite::{Connection, Statement};
use std::cell::RefCell;

/// How many statements a session keeps by shape. Statements of further shapes, and
/// statements without one (raw SQL, prepared statements), go through rusqlite's cache.
const KEPT_STATEMENTS: usize = 256;

/// The statements kept by shape, borrowing the connection they were prepared on.
type Statements<'c> = RefCell<ShapeMap<Statement<'c>>>;

self_cell::self_cell!(
    /// One connection and the statements prepared on it, which borrow it.
    pub(crate) struct Session {
        owner: Connection,

        #[not_covariant]
        dependent: Statements,
    }
);

// SAFETY: a `Statement` is not `Send` only because it borrows its `Connection`, which is
// not `Sync`: sending a statement alone would let two threads use one connection. Here
// the statements are reachable only through the session that owns their connection, so
// they always move together and are used by one thread at a time, as the connection is.
// (rusqlite keeps its own statement cache inside `Connection` on the same grounds.)
#[allow(unsafe_code)]
unsafe impl Send for Session {}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("connection", self.borrow_owner())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// A session on `conn`, with no statements yet.
    pub(crate) fn open(conn: Connection) -> Self {
        Session::new(conn, |_| RefCell::default())
    }

    /// The connection.
    pub(crate) fn connection(&self) -> &Connection {
        self.borrow_owner()
    }

    /// Runs `run` on the prepared statement for `statement`, its values bound. The
    /// statement is prepared the first time its shape is seen and kept for the next.
    pub(crate) fn with_statement<T>(
        &self,
        statement: &RenderedSql<'_>,
        run: impl FnOnce(&mut Statement<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        self.with_dependent(|conn, kept| {
            // A statement already running on this connection holds the kept ones (it
            // cannot happen in mizzle's own calls, which finish before they return).
            if let (Some(shape), Ok(mut kept)) = (statement.shape, kept.try_borrow_mut()) {
                if let Some(prepared) = kept.get_mut(&shape) {
                    return run_bound(prepared, statement, run);
                }
                if kept.len() < KEPT_STATEMENTS {
                    let prepared = conn
                        .prepare(shape.text())
                        .map_err(|e| database_error(&statement.sql, e))?;
                    let prepared = kept.entry(shape).or_insert(prepared);
                    return run_bound(prepared, statement, run);
                }
            }
            let mut prepared = conn
                .prepare_cached(&statement.sql)
                .map_err(|e| database_error(&statement.sql, e))?;
            run_bound(&mut prepared, statement, run)
        })
    }
}

/// Binds the statement's values to `prepared` and runs it; the values are cleared
/// afterwards, so a kept statement holds no copy of a large one.
fn run_bound<T>(
    prepared: &mut Statement<'_>,
    statement: &RenderedSql<'_>,
    run: impl FnOnce(&mut Statement<'_>) -> Result<T, Error>,
) -> Result<T, Error> {
    let bound = statement
        .binds
        .iter()
        .enumerate()
        .try_for_each(|(i, value)| prepared.raw_bind_parameter(i + 1, Param(value)))
        .map_err(|e| database_error(&statement.sql, e));
    let result = bound.and_then(|()| run(prepared));
    prepared.clear_bindings();
    result
}
