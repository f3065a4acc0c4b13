//! `check`: the migrations chain one after the other. Two generated from the same parent
//! (branches merged) are reported, with whether they touch different tables (commute) or
//! the same ones.

use crate::migrations::files::{migration_dirs, read_snapshot};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// A problem `check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Migration `name` was generated after `parent`, but follows `previous` here.
    Branch {
        /// The migration.
        name: String,
        /// Its parent, as it recorded.
        parent: String,
        /// The migration before it in the folder.
        previous: String,
        /// Whether it and `previous` change different tables, so that regenerating it on top
        /// of `previous` keeps both.
        commutes: bool,
    },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Branch {
                name,
                parent,
                previous,
                commutes,
            } => {
                write!(
                    f,
                    "{name} was generated after {parent}, but {previous} comes between: two branches merged. "
                )?;
                if *commutes {
                    write!(
                        f,
                        "They change different tables, so they commute: delete {name} and run generate again, \
                         which writes the same change on top of {previous}"
                    )
                } else {
                    write!(
                        f,
                        "They change the same tables: delete {name}, run generate again on top of {previous}, and \
                         review the result"
                    )
                }
            }
        }
    }
}

/// The tables whose model differs between two snapshots.
fn touched(dir: &Path, from: Option<&str>, to: &str) -> Result<BTreeSet<String>, String> {
    let after = read_snapshot(&dir.join(to).join("snapshot.json"))?;
    let before = match from {
        Some(from) => read_snapshot(&dir.join(from).join("snapshot.json"))?,
        None => mizzle_dsl::schema::model::SchemaModel::empty(after.kind()?),
    };
    let mut names = BTreeSet::new();
    for table in after.tables.iter().chain(&before.tables) {
        if before.tables.iter().find(|t| t.name == table.name) != after.tables.iter().find(|t| t.name == table.name) {
            names.insert(table.name.clone());
        }
    }
    Ok(names)
}

/// The parent a migration recorded in its up file's header.
fn parent_of(dir: &Path, name: &str) -> Result<Option<String>, String> {
    let up =
        fs::read_to_string(dir.join(name).join("up.sql")).map_err(|e| format!("cannot read {name}/up.sql: {e}"))?;
    Ok(up
        .lines()
        .find_map(|line| line.strip_prefix("-- parent: "))
        .map(str::trim)
        .filter(|parent| *parent != "none")
        .map(str::to_owned))
}

/// Every place where the migrations in `dir` do not chain.
pub fn check(dir: &Path) -> Result<Vec<Problem>, String> {
    let names: Vec<String> = migration_dirs(dir)?
        .iter()
        .filter_map(|path| path.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let mut problems = Vec::new();
    for (i, name) in names.iter().enumerate().skip(1) {
        let previous = &names[i - 1];
        let Some(parent) = parent_of(dir, name)? else {
            continue;
        };
        if &parent != previous {
            let ours = touched(dir, Some(&parent), name)?;
            let theirs = touched(dir, Some(&parent), previous).unwrap_or_default();
            problems.push(Problem::Branch {
                name: name.clone(),
                parent,
                previous: previous.clone(),
                commutes: ours.is_disjoint(&theirs),
            });
        }
    }
    Ok(problems)
}
