//! mizzle in production: handles that wrap a database and change where or how long its
//! statements run, without changing the queries.
//!
//! - [`Replicated`]: a primary and read replicas; reads go to a replica, writes and
//!   transactions to the primary, a replica that is down is skipped.
//! - [`Timeout`]: a time limit per query; a query past it is cancelled on the server.
//! - [`Cached`] (with the `cache` feature): a query cache on Redis, kept fresh by the
//!   writes made through it.
//!
//! Each is itself a database of the same dialect (an [`Executor`](mizzle_dsl::exec::Executor)),
//! so they compose and every query method takes them as it takes the database.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
#![forbid(unsafe_code)]

#[cfg(feature = "cache")]
mod cache;
mod replicas;
mod timeout;

#[cfg(feature = "cache")]
pub use cache::{CacheStats, Cached, CachedFor, CachedTransaction, Fetched, RedisCache};

pub use replicas::{ReadReplicas, Replicated};
pub use timeout::{Timeout, WithTimeout};
