//! Migrations on disk: a folder per migration, `<timestamp>_<name>/` holding `up.sql`,
//! `down.sql` and `snapshot.json` (the schema after it), and `embedded.rs`, which puts
//! them all in an application's binary.

use super::Migration;
use mizzle_dsl::schema::model::{SchemaModel, MODEL_VERSION};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The line between two statements of a migration file.
pub const BREAKPOINT: &str = "--> statement-breakpoint";

/// The first-line marker of a migration that must not run in a transaction
/// (`CREATE INDEX CONCURRENTLY`).
pub const NO_TRANSACTION: &str = "-- mizzle: no-transaction";

/// A snapshot's JSON: pretty, with a final newline, the same bytes for the same schema.
pub fn snapshot_json(model: &SchemaModel) -> String {
    let mut json = serde_json::to_string_pretty(model).unwrap_or_default();
    json.push('\n');
    json
}

/// Reads a snapshot, refusing another model version.
pub fn read_snapshot(path: &Path) -> Result<SchemaModel, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let model: SchemaModel =
        serde_json::from_str(&text).map_err(|e| format!("{} is not a schema snapshot: {e}", path.display()))?;
    if model.version != MODEL_VERSION {
        return Err(format!(
            "{} is a snapshot of version {}; this mizzle reads version {MODEL_VERSION}",
            path.display(),
            model.version
        ));
    }
    Ok(model)
}

/// The migration folders in `dir`, in order (their names start with a timestamp).
pub fn migration_dirs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut dirs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir() && path.join("up.sql").exists())
        .collect();
    dirs.sort();
    Ok(dirs)
}

/// Every migration in `dir`, in order.
pub fn load(dir: &Path) -> Result<Vec<Migration>, String> {
    migration_dirs(dir)?
        .iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let up = fs::read_to_string(path.join("up.sql")).map_err(|e| format!("cannot read {name}/up.sql: {e}"))?;
            let down = fs::read_to_string(path.join("down.sql")).ok();
            Ok(Migration::new(name, up, down))
        })
        .collect()
}

/// The schema after the last migration in `dir`, or an empty one of dialect `empty`.
pub fn last_snapshot(dir: &Path, empty: SchemaModel) -> Result<(SchemaModel, Option<String>), String> {
    match migration_dirs(dir)?.last() {
        Some(last) => {
            let name = last.file_name().map(|n| n.to_string_lossy().into_owned());
            Ok((read_snapshot(&last.join("snapshot.json"))?, name))
        }
        None => Ok((empty, None)),
    }
}

/// Writes `embedded.rs` in `dir`: `MIGRATIONS`, every migration's files as text, for
/// `include!` in the application that applies them at start-up.
pub fn write_embedded(dir: &Path) -> Result<(), String> {
    let mut rust = String::from(
        "// Written by `mizzle generate`: every migration of this folder, for\n\
         // `include!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/migrations/embedded.rs\"));`.\n\
         // Each is (name, up.sql, down.sql): what `migrate_embedded` takes.\n\
         pub static MIGRATIONS: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for path in migration_dirs(dir)? {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let down = if path.join("down.sql").exists() {
            format!("Some(include_str!(\"{name}/down.sql\"))")
        } else {
            "None".to_owned()
        };
        let _ = writeln!(rust, "    ({name:?}, include_str!(\"{name}/up.sql\"), {down}),");
    }
    rust.push_str("];\n");
    fs::write(dir.join("embedded.rs"), rust).map_err(|e| format!("cannot write {}/embedded.rs: {e}", dir.display()))
}
