//! Integration tests against real databases: one binary, one module per backend.
//! Each test opens its own database, so they run in parallel.

mod sqlite;
