//! Integration tests against real databases: one binary. The same scenarios run on
//! PostgreSQL, MariaDB and SQLite (`suite`), and each backend has its own tests beside.
//! Each test works in its own schema, database or in-memory file, so tests run in parallel.

mod sqlite;
mod suite;
mod support;
