//! Migrations: what one is, how they are generated from the schema, and stored.

pub mod files;
mod generate;

pub use generate::{generate, GenerateOptions, Generated};

use sha2::{Digest, Sha256};

/// One migration: its name (`<timestamp>_<name>`), its up and down SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migration {
    /// The folder's name, which orders migrations.
    pub name: String,
    /// The SQL that applies it.
    pub up: String,
    /// The SQL that undoes it, if it was written.
    pub down: Option<String>,
}

/// A migration compiled into the application's binary, as `embedded.rs` lists it: its
/// name, its `up.sql` and its `down.sql` if there is one. A plain tuple, so that the file
/// names no crate and reads the same through `mizzle::kit` and `mizzle_kit`.
pub type EmbeddedMigration = (&'static str, &'static str, Option<&'static str>);

impl Migration {
    /// The migration `embedded.rs` lists as `migration`.
    pub fn embedded(&(name, up, down): &EmbeddedMigration) -> Self {
        Migration::new(name.to_owned(), up.to_owned(), down.map(str::to_owned))
    }
}

impl Migration {
    /// A migration of these texts.
    pub fn new(name: String, up: String, down: Option<String>) -> Self {
        Migration { name, up, down }
    }

    /// The SHA-256 of its up SQL, in hex: what the journal records, to notice an applied
    /// migration whose file changed.
    pub fn checksum(&self) -> String {
        let digest = Sha256::digest(self.up.as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether it may run in a transaction: unless its first line opts out.
    pub fn transactional(&self) -> bool {
        !self.up.trim_start().starts_with(files::NO_TRANSACTION)
    }

    /// The up migration's statements.
    pub fn up_statements(&self) -> Vec<String> {
        statements(&self.up)
    }

    /// The down migration's statements, if it has a down file.
    pub fn down_statements(&self) -> Option<Vec<String>> {
        self.down.as_deref().map(statements)
    }
}

/// A migration file's statements: the text between breakpoint lines, without comment-only
/// parts. A file without breakpoints is one batch.
pub fn statements(sql: &str) -> Vec<String> {
    sql.split(files::BREAKPOINT)
        .map(str::trim)
        .filter(|part| {
            part.lines()
                .any(|line| !line.trim().is_empty() && !line.trim_start().starts_with("--"))
        })
        .map(str::to_owned)
        .collect()
}
