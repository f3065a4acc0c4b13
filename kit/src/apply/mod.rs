//! Applying migrations: `migrate` (pending ones, in order, each once), `status` and
//! `down`, with the journal table and the lock.

mod conn;

pub use conn::{connect, lock_row, Conn, JournalRow, LockRow};

use crate::migrations::Migration;

/// How to apply.
#[derive(Debug, Clone)]
pub struct MigrateOptions {
    /// The journal table's name.
    pub table: String,
    /// Go on when an applied migration's file changed since it ran.
    pub allow_changed: bool,
    /// Go on when an applied migration's file is gone.
    pub allow_missing: bool,
    /// The server, when it is not the dialect's first (`engine` in `mizzle.toml`): an
    /// engine without advisory locks (CockroachDB, Vitess) is locked with a row of a
    /// lock table instead.
    pub engine: Option<mizzle_dsl::dialect::Engine>,
}

impl Default for MigrateOptions {
    fn default() -> Self {
        MigrateOptions {
            table: "mizzle_migrations".to_owned(),
            allow_changed: false,
            allow_missing: false,
            engine: None,
        }
    }
}

/// What a run did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// The migrations it applied (or undid, for `down`), in order.
    pub done: Vec<String>,
    /// How many were already applied.
    pub already: usize,
}

/// One migration's state, for `status`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Applied, as its file is now.
    Applied,
    /// Applied, but its file changed since.
    Changed,
    /// Applied, but its file is gone.
    Missing,
    /// Started outside a transaction and stopped after this many statements.
    Interrupted(i64),
    /// Not applied yet.
    Pending,
}

/// Applies every pending migration of `migrations` (in order) to the database at `url`,
/// under the migrations lock, each in its own transaction where the dialect allows.
pub async fn migrate(url: &str, migrations: &[Migration], options: &MigrateOptions) -> Result<Report, String> {
    migrate_with(url, migrations, options, &mut |_| {}).await
}

/// Where a run is: the migration about to be applied, its place among those pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress<'a> {
    /// How many pending migrations were applied before this one.
    pub done: usize,
    /// How many are pending.
    pub pending: usize,
    /// The one about to be applied.
    pub name: &'a str,
}

/// [`migrate`], telling `progress` before each migration it applies.
pub async fn migrate_with(
    url: &str,
    migrations: &[Migration],
    options: &MigrateOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Report, String> {
    let mut conn = connect(url).await?;
    // Locked first: two instances creating the journal at once would collide.
    conn.lock(&options.table, options.engine).await?;
    let result = match conn.create_journal(&options.table).await {
        Ok(()) => apply_pending(&mut conn, migrations, options, progress).await,
        Err(error) => Err(error),
    };
    let unlocked = conn.unlock(&options.table, options.engine).await;
    let report = result?;
    unlocked?;
    Ok(report)
}

async fn apply_pending(
    conn: &mut Conn,
    migrations: &[Migration],
    options: &MigrateOptions,
    progress: &mut dyn FnMut(Progress<'_>),
) -> Result<Report, String> {
    let journal = conn.journal(&options.table).await?;
    check_journal(&journal, migrations, options)?;
    let finished = |migration: &Migration| journal.iter().any(|row| row.name == migration.name && row.finished);
    let pending = migrations.iter().filter(|m| !finished(m)).count();
    let mut report = Report::default();
    for migration in migrations {
        let recorded = journal.iter().find(|row| row.name == migration.name);
        if recorded.is_some_and(|row| row.finished) {
            report.already += 1;
            continue;
        }
        progress(Progress {
            done: report.done.len(),
            pending,
            name: &migration.name,
        });
        let statements = migration.up_statements();
        if conn.transactional_ddl() && migration.transactional() {
            conn.begin().await?;
            // Another instance may have applied it while this one waited for the lock
            // (SQLite's lock is this transaction).
            let again = conn.journal(&options.table).await?;
            if again.iter().any(|row| row.name == migration.name && row.finished) {
                conn.execute("ROLLBACK").await?;
                report.already += 1;
                continue;
            }
            for (i, statement) in statements.iter().enumerate() {
                if let Err(error) = conn.execute(statement).await {
                    let _ = conn.execute("ROLLBACK").await;
                    return Err(statement_error(
                        migration,
                        i,
                        statements.len(),
                        &error,
                        "nothing of it was applied",
                    ));
                }
            }
            conn.record(
                &options.table,
                &JournalRow {
                    name: migration.name.clone(),
                    checksum: migration.checksum(),
                    statements_done: statements.len() as i64,
                    finished: true,
                },
            )
            .await?;
            conn.execute("COMMIT").await?;
        } else {
            // Outside a transaction each statement commits by itself: the journal records
            // progress after each, so an interrupted migration resumes where it stopped.
            let start = recorded.map_or(0, |row| row.statements_done.max(0) as usize);
            for (i, statement) in statements.iter().enumerate().skip(start) {
                conn.execute(statement).await.map_err(|error| {
                    statement_error(
                        migration,
                        i,
                        statements.len(),
                        &error,
                        "the statements before it were applied; run migrate again once it is fixed",
                    )
                })?;
                conn.record(
                    &options.table,
                    &JournalRow {
                        name: migration.name.clone(),
                        checksum: migration.checksum(),
                        statements_done: i as i64 + 1,
                        finished: i + 1 == statements.len(),
                    },
                )
                .await?;
            }
            if statements.is_empty() {
                conn.record(
                    &options.table,
                    &JournalRow {
                        name: migration.name.clone(),
                        checksum: migration.checksum(),
                        statements_done: 0,
                        finished: true,
                    },
                )
                .await?;
            }
        }
        report.done.push(migration.name.clone());
    }
    Ok(report)
}

fn statement_error(migration: &Migration, i: usize, total: usize, error: &str, state: &str) -> String {
    format!(
        "migration {} failed at statement {} of {total}: {error}; {state}",
        migration.name,
        i + 1
    )
}

/// Stops a run when the journal and the files disagree: an applied migration whose file
/// changed, or is gone (unless allowed).
fn check_journal(journal: &[JournalRow], migrations: &[Migration], options: &MigrateOptions) -> Result<(), String> {
    for row in journal {
        match migrations.iter().find(|m| m.name == row.name) {
            None if !options.allow_missing => {
                return Err(format!(
                    "migration {} was applied but its files are gone; restore them, or pass --allow-missing",
                    row.name
                ))
            }
            // An interrupted migration is not applied yet: its file may be fixed before it resumes.
            Some(migration) if row.finished && migration.checksum() != row.checksum && !options.allow_changed => {
                return Err(format!(
                    "migration {} changed since it was applied (checksum {} then, {} now); restore it, or pass \
                     --allow-changed",
                    row.name,
                    row.checksum,
                    migration.checksum()
                ))
            }
            _ => {}
        }
    }
    Ok(())
}

/// Each migration's state, files and journal together (journal-only ones as missing).
pub async fn status(
    url: &str,
    migrations: &[Migration],
    options: &MigrateOptions,
) -> Result<Vec<(String, State)>, String> {
    let mut conn = connect(url).await?;
    conn.create_journal(&options.table).await?;
    let journal = conn.journal(&options.table).await?;
    let mut states: Vec<(String, State)> = migrations
        .iter()
        .map(|migration| {
            let state = match journal.iter().find(|row| row.name == migration.name) {
                None => State::Pending,
                Some(row) if !row.finished => State::Interrupted(row.statements_done),
                Some(row) if row.checksum != migration.checksum() => State::Changed,
                Some(_) => State::Applied,
            };
            (migration.name.clone(), state)
        })
        .collect();
    for row in journal
        .iter()
        .filter(|row| !migrations.iter().any(|m| m.name == row.name))
    {
        states.push((row.name.clone(), State::Missing));
    }
    states.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(states)
}

/// Undoes the last `count` applied migrations, newest first, with their down files; with
/// `to`, every one applied after migration `to`.
pub async fn down(
    url: &str,
    migrations: &[Migration],
    options: &MigrateOptions,
    count: usize,
    to: Option<&str>,
) -> Result<Report, String> {
    let mut conn = connect(url).await?;
    conn.lock(&options.table, options.engine).await?;
    let result = match conn.create_journal(&options.table).await {
        Ok(()) => undo(&mut conn, migrations, options, count, to).await,
        Err(error) => Err(error),
    };
    let unlocked = conn.unlock(&options.table, options.engine).await;
    let report = result?;
    unlocked?;
    Ok(report)
}

async fn undo(
    conn: &mut Conn,
    migrations: &[Migration],
    options: &MigrateOptions,
    count: usize,
    to: Option<&str>,
) -> Result<Report, String> {
    let journal = conn.journal(&options.table).await?;
    let mut applied: Vec<&JournalRow> = journal.iter().collect();
    applied.sort_by(|a, b| b.name.cmp(&a.name));
    let chosen: Vec<&JournalRow> = match to {
        Some(target) => {
            if !applied.iter().any(|row| row.name == target) && !migrations.iter().any(|m| m.name == target) {
                return Err(format!("there is no migration {target}"));
            }
            applied.into_iter().filter(|row| row.name.as_str() > target).collect()
        }
        None => applied.into_iter().take(count).collect(),
    };
    let mut report = Report::default();
    for row in chosen {
        let migration = migrations.iter().find(|m| m.name == row.name).ok_or_else(|| {
            format!(
                "migration {} is applied but its files are gone: nothing to undo it with",
                row.name
            )
        })?;
        let statements = migration
            .down_statements()
            .ok_or_else(|| format!("migration {} has no down.sql", migration.name))?;
        let transactional = conn.transactional_ddl() && migration.transactional();
        if transactional {
            conn.begin().await?;
        }
        for (i, statement) in statements.iter().enumerate() {
            if let Err(error) = conn.execute(statement).await {
                if transactional {
                    let _ = conn.execute("ROLLBACK").await;
                }
                return Err(format!(
                    "undoing migration {} failed at statement {} of {}: {error}",
                    migration.name,
                    i + 1,
                    statements.len()
                ));
            }
        }
        conn.forget(&options.table, &migration.name).await?;
        if transactional {
            conn.execute("COMMIT").await?;
        }
        report.done.push(migration.name.clone());
    }
    Ok(report)
}
