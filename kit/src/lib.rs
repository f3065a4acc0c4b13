//! mizzle-kit: the migrations kit. The schema declared in Rust is the source of truth:
//! [`generate`] writes SQL migrations from its difference with the last snapshot, and
//! [`migrate`] applies them, from the `mizzle` command line or from the application at
//! start-up.
//!
//! - [`diff`]: the steps between two schema models, renames only as declared.
//! - [`migrations`]: migration folders, their snapshots, and generating one.
//! - [`apply`]: the journal, the lock, `migrate`, `status` and `down`.
//! - [`check`]: that the migrations chain, one after the other.
//! - [`lint`]: statements that lock or rewrite a busy table, or lose data code still reads.
//! - [`introspect`]: a live database read back into the schema model.
//! - [`drift`]: how a live database differs from the schema and the journal, and `push`.
//! - [`pull`]: a live database written as Rust source.
//! - [`seeding`]: `mizzle seed`, the seeder's rows written to the database.
//! - [`cli`]: the command line, a thin layer over the above.

pub mod apply;
pub mod check;
pub mod cli;
pub mod config;
pub mod diff;
pub mod drift;
pub mod introspect;
pub mod lint;
pub mod migrations;
pub mod pull;
pub mod seeding;
pub mod studio;

pub use apply::{down, migrate, migrate_with, status, MigrateOptions, Progress, Report, State};
pub use diff::{diff, Ambiguous, RenameChoice, Renames, Step};
pub use migrations::{generate, EmbeddedMigration, GenerateOptions, Generated, Migration};
pub use mizzle_dsl::schema::model::SchemaModel;

/// Applies the migrations compiled into the application (`embedded.rs`, which
/// `mizzle generate` writes) to the database at `url`: what an application calls at
/// start-up.
pub async fn migrate_embedded(url: &str, migrations: &[EmbeddedMigration]) -> Result<Report, String> {
    let migrations: Vec<Migration> = migrations.iter().map(Migration::embedded).collect();
    migrate(url, &migrations, &MigrateOptions::default()).await
}
