//! mizzle: a typed SQL toolkit. Declare tables as Rust types; write queries that read
//! like SQL and are checked by the compiler; run them on SQLite (and, with their
//! backends, PostgreSQL and MySQL).
//!
//! Start with `use mizzle::prelude::*;`, declare tables with [`table!`], and build
//! statements with [`select`], [`from`], [`insert`], [`update`] and [`delete`].
#![warn(missing_docs)]
#![forbid(unsafe_code)]

pub use mizzle_dsl::*;

pub use mizzle_dsl::exec::{IsolationLevel, TransactionOptions};
/// `json_agg(expr)`: the group's values as a JSON array (the `json` feature).
#[cfg(feature = "json")]
pub use mizzle_dsl::expr::json_agg;
pub use mizzle_dsl::expr::{
    all_of, and, any_of, array_agg, avg, avg_distinct, boxed, boxed_order, count, count_distinct, count_star, exists,
    last_insert_id, max, maybe, min, not, not_exists, or, sql, string_agg, sum, sum_distinct,
};
pub use mizzle_dsl::query::{
    count_rows, cte, delete, excluded, from, insert, optional, recursive_cte, select, update, with,
};
pub use mizzle_dsl::relation::{find_first, find_many};
pub use mizzle_dsl::schema::{create_table, drop_table};

/// The migrations kit (with the `kit` feature): generate SQL migrations from the schema,
/// apply them, and the `mizzle` command line. See [`mizzle_kit`].
#[cfg(feature = "kit")]
pub use mizzle_kit as kit;

/// The seeder (with the `seed` feature): deterministic, constraint-aware rows for a
/// schema's tables. See [`mizzle_seed`].
#[cfg(feature = "seed")]
pub use mizzle_seed as seed;

/// Running in production (with the `ops` feature): read replicas ([`Replicated`](ops::Replicated)),
/// per-query timeouts ([`WithTimeout`](ops::WithTimeout)). See [`mizzle_ops`].
#[cfg(feature = "ops")]
pub use mizzle_ops as ops;

/// PostgreSQL: the dialect, its column types, and (with the `postgres` feature)
/// [`Database`](pg::Database) and [`Transaction`](pg::Transaction) on tokio-postgres.
pub mod pg {
    pub use mizzle_dsl::pg::*;
    #[cfg(feature = "postgres")]
    pub use mizzle_postgres::{CollectRows, Database, Pipeline, PoolOptions, Transaction};
}

/// MySQL and MariaDB: the dialect, its column types, and (with the `mysql` feature)
/// [`Database`](mysql::Database) and [`Transaction`](mysql::Transaction) on mysql_async.
pub mod mysql {
    pub use mizzle_dsl::mysql::*;
    #[cfg(feature = "mysql")]
    pub use mizzle_mysql::{Database, PoolOptions, Transaction};
}

/// SQLite: the dialect, its column types, and (with the `sqlite` feature, on by default)
/// [`Database`](sqlite::Database) (synchronous) and [`AsyncDatabase`](sqlite::AsyncDatabase)
/// (the server backends' async API) on rusqlite.
pub mod sqlite {
    pub use mizzle_dsl::sqlite::*;
    #[cfg(feature = "sqlite")]
    pub use mizzle_sqlite::{AsyncDatabase, ConnectOptions, Database, Steps, Transaction};
}

/// Request-body validators derived from the tables: [`Validator`](validate::Validator)
/// (with the `validate` feature, on by default).
#[cfg(feature = "validate")]
pub mod validate {
    pub use mizzle_validate::*;
}
