//! mizzle's query DSL: schema types, expressions, statements and SQL rendering for
//! PostgreSQL, MySQL and SQLite, with no database driver inside.
//!
//! # Where to find things
//! - [`schema`]: tables, columns, column types per dialect ([`pg`], [`mysql`], [`sqlite`]), DDL.
//! - [`expr`]: expressions, operators ([`expr::ExpressionMethods`]), aggregates, raw SQL.
//! - [`query`]: `select`, `insert`, `update`, `delete` and how they run.
//! - [`record`]: what a table's `Row`, `New` and `Patch` do, written once over its columns.
//! - [`types`]: SQL type markers, nullability, Rust ⇄ SQL conversions.
//! - [`dialect`]: the dialects and their capabilities.
//! - [`render`]: the SQL writer.
//!
//! # Reading our compile errors
//! The first line of an error names the problem: a table that is not in scope, a value of
//! the wrong SQL type, a feature the dialect lacks, a required column an insert leaves out.
//! The `note:` lines below it say how to fix it.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
#![forbid(unsafe_code)]

pub mod access;
pub mod dialect;
mod error;
pub mod exec;
pub mod expr;
mod macros;
pub mod prelude;
mod private;
pub mod query;
pub mod record;
pub mod redact;
pub mod relation;
pub mod render;
pub mod row;
pub mod schema;
pub mod trace;
pub mod types;

pub use error::{DbErrorKind, DecodeError, EncodeError, Error};
pub use expr::window;
pub use schema::column_types::{mysql, pg, sqlite};
