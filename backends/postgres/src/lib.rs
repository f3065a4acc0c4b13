//! mizzle on PostgreSQL: a pool of tokio-postgres connections, statements prepared once
//! per connection, typed rows decoded from the binary protocol, transactions with
//! savepoints, and SQLSTATE-mapped errors.
//!
//! The pool is deadpool-postgres: it is small, async-first, has wait and create timeouts,
//! and caches prepared statements per connection. A connection is checked when taken from
//! the pool: a closed one (the server went away, or ended it) is replaced, never handed
//! out again. The check costs no round trip, unlike a test query per checkout, which
//! would double a primary-key lookup's time. The connection that finished the last
//! statement is kept aside for the next one, with its statements found by shape.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod collect;
mod database;
mod error;
mod fetch;
mod kept;
mod kept_rows;
mod params;
mod pipeline;
mod row;
mod stream;
mod transaction;

pub use collect::CollectRows;
pub use database::{Database, PoolOptions};
pub use pipeline::Pipeline;
pub use transaction::Transaction;
