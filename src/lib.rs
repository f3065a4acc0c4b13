//! mizzle: a typed SQL toolkit. Declare tables as Rust types; write queries that read
//! like SQL and are checked by the compiler; run them on SQLite (and, with their
//! backends, PostgreSQL and MySQL).
//!
//! Start with `use mizzle::prelude::*;`, declare tables with [`table!`], and build
//! statements with [`select`], [`from`], [`insert`], [`update`] and [`delete`].
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub use mizzle_dsl::*;

pub use mizzle_dsl::expr::{
    and, avg, count, count_distinct, count_star, exists, last_insert_id, max, min, not, not_exists, or, sql, sum,
};
pub use mizzle_dsl::query::{delete, excluded, from, insert, select, update};
pub use mizzle_dsl::schema::{create_table, drop_table};

/// SQLite: the dialect, its column types, and (with the `sqlite` feature, on by default)
/// [`Database`](sqlite::Database) (synchronous) and [`AsyncDatabase`](sqlite::AsyncDatabase)
/// (the server backends' async API) on rusqlite.
pub mod sqlite {
    pub use mizzle_dsl::sqlite::*;
    #[cfg(feature = "sqlite")]
    pub use mizzle_sqlite::{AsyncDatabase, Database};
}
