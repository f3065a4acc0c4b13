//! `mizzle.toml`: where the migrations live and which database they go to; every key is
//! also a flag of the command line, which wins.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The settings of a project.
#[derive(Debug, Clone, Deserialize, Default, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `postgresql`, `mysql` or `sqlite`.
    pub dialect: Option<String>,
    /// The database URL.
    pub url: Option<String>,
    /// The environment variable that holds the database URL, when `url` is not given.
    pub url_env: Option<String>,
    /// The migrations folder; `migrations` when not given.
    pub dir: Option<PathBuf>,
    /// The journal table's name; `mizzle_migrations` when not given.
    pub table: Option<String>,
    /// A file of declared renames (`table OLD NEW`, `column TABLE OLD NEW`).
    pub renames: Option<PathBuf>,
}

impl Config {
    /// Reads `path`; no file is the empty config.
    pub fn load(path: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    /// The database URL: `url`, else the variable `url_env` names.
    pub fn database_url(&self) -> Result<String, String> {
        if let Some(url) = &self.url {
            return Ok(url.clone());
        }
        match &self.url_env {
            Some(var) => std::env::var(var).map_err(|_| format!("the environment variable {var} (url_env) is not set")),
            None => Err("no database: give --url, or `url` or `url_env` in mizzle.toml".to_owned()),
        }
    }

    /// The migrations folder.
    pub fn migrations_dir(&self) -> PathBuf {
        self.dir.clone().unwrap_or_else(|| PathBuf::from("migrations"))
    }

    /// The journal table.
    pub fn journal_table(&self) -> String {
        self.table.clone().unwrap_or_else(|| "mizzle_migrations".to_owned())
    }
}
