//! mizzle on MySQL and MariaDB: mysql_async's pool, statements prepared once per
//! connection, typed rows from the binary protocol, transactions with savepoints, and
//! errors mapped from MySQL's error numbers.
//!
//! The pool is mysql_async's own: it is maintained with the driver, caches prepared
//! statements per connection, drops a connection that failed instead of reusing it, and
//! rolls back a transaction left open. mizzle keeps the connection that finished the last
//! statement aside for the next one, adds a wait timeout, and sets every connection's
//! time zone to UTC, so `timestamp` columns read back as UTC instants.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod database;
mod error;
mod kept;
mod kept_rows;
mod params;
mod row;
mod run;
mod stream;
mod transaction;

pub use database::{Database, PoolOptions};
pub use row::Rows;
pub use transaction::Transaction;
