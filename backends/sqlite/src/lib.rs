//! mizzle on SQLite: opening databases, running typed queries through rusqlite, and
//! mapping SQLite's errors.
//!
//! SQLite runs in-process, so its fast path is synchronous: [`Database`] returns results
//! directly, as rusqlite does. [`AsyncDatabase`] offers the async API of the server
//! backends for code written once for every backend; see its docs for what it costs.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
// One `unsafe impl Send`, in `session`, with its reasoning; nothing else.
#![deny(unsafe_code)]

mod async_database;
mod database;
mod error;
mod params;
mod row;
mod run;
mod session;
mod steps;
mod transaction;

pub use async_database::AsyncDatabase;
pub use database::{ConnectOptions, Database};
pub use steps::Steps;
pub use transaction::Transaction;
