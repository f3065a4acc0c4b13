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
    /// The server, when it is not the dialect's first: `cockroachdb`, `yugabytedb`,
    /// `neon`, `mariadb`, `tidb`, `vitess` (`planetscale`)… (see `Engine`).
    pub engine: Option<String>,
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
    /// The schemas (PostgreSQL namespaces) migrations manage; `public` names the default
    /// one. Everything when not given.
    pub schema_filter: Option<Vec<String>>,
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

    /// The engine `engine` names, if it is given.
    pub fn engine(&self) -> Result<Option<mizzle_dsl::dialect::Engine>, String> {
        self.engine
            .as_deref()
            .map(|name| {
                mizzle_dsl::dialect::Engine::named(name).ok_or_else(|| {
                    let known: Vec<&str> = mizzle_dsl::dialect::Engine::ALL
                        .iter()
                        .map(|engine| engine.name)
                        .collect();
                    format!(
                        "mizzle.toml names the engine `{name}`, which is none of {}",
                        known.join(", ")
                    )
                })
            })
            .transpose()
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

    /// Checks that a schema model is of the configured dialect, when one is configured.
    pub fn check_dialect(&self, model: &mizzle_dsl::schema::model::SchemaModel) -> Result<(), String> {
        match &self.dialect {
            Some(dialect) if *dialect != model.dialect => Err(format!(
                "mizzle.toml says the dialect is {dialect}, but the schema is {}",
                model.dialect
            )),
            _ => Ok(()),
        }
    }

    /// `model` with only the tables, enums and sequences of the filtered schemas.
    pub fn filter(&self, mut model: mizzle_dsl::schema::model::SchemaModel) -> mizzle_dsl::schema::model::SchemaModel {
        let Some(keep) = &self.schema_filter else {
            return model;
        };
        let kept = |schema: &Option<String>| {
            keep.iter()
                .any(|k| Some(k.as_str()) == schema.as_deref().or(Some("public")))
        };
        model.tables.retain(|t| kept(&t.schema));
        model.sequences.retain(|s| kept(&s.schema));
        model.schemas.retain(|s| keep.contains(s));
        model
    }

    /// The journal table.
    pub fn journal_table(&self) -> String {
        self.table.clone().unwrap_or_else(|| "mizzle_migrations".to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::Config;
    use mizzle_dsl::dialect::DialectKind;
    use mizzle_dsl::schema::model::{SchemaModel, TableModel};

    #[test]
    fn every_key_reads_from_the_file() {
        let config: Config = toml::from_str(
            "dialect = \"postgresql\"\nurl_env = \"DATABASE_URL\"\ndir = \"db/migrations\"\ntable = \"journal\"\n\
             renames = \"renames.txt\"\nschema_filter = [\"public\", \"auth\"]\n",
        )
        .unwrap();
        assert_eq!(config.migrations_dir(), std::path::PathBuf::from("db/migrations"));
        assert_eq!(config.journal_table(), "journal");
        assert_eq!(config.schema_filter, Some(vec!["public".to_owned(), "auth".to_owned()]));
        let unknown = toml::from_str::<Config>("colour = \"blue\"").unwrap_err().to_string();
        assert!(unknown.contains("unknown field `colour`"), "{unknown}");
    }

    #[test]
    fn the_schema_filter_keeps_the_named_schemas_and_the_dialect_is_checked() {
        let mut model = SchemaModel::empty(DialectKind::Pg);
        model.tables = vec![
            TableModel::named(None, "users"),
            TableModel::named(Some("auth"), "sessions"),
            TableModel::named(Some("audit"), "events"),
        ];
        let config = Config {
            schema_filter: Some(vec!["public".to_owned(), "auth".to_owned()]),
            dialect: Some("mysql".to_owned()),
            ..Config::default()
        };
        let kept: Vec<String> = config
            .filter(model.clone())
            .tables
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(kept, ["users", "sessions"]);
        assert_eq!(
            config.check_dialect(&model).unwrap_err(),
            "mizzle.toml says the dialect is mysql, but the schema is postgresql"
        );
    }
}
