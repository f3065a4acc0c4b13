//! `lint`: the statements of migrations that lock or rewrite a busy table, or lose data
//! that running code still reads, each with the risk and the safe sequence; on
//! PostgreSQL and MySQL (drops and renames on every dialect). A statement is acknowledged
//! by a comment line in it: `-- mizzle: allow set-not-null (the table is small)`.

mod rules;
mod tokens;

use crate::migrations::files::{migration_dirs, read_snapshot};
use crate::migrations::statements;
use mizzle_dsl::schema::model::SchemaModel;
use std::fmt;
use std::fs;
use std::path::Path;

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A column type change (or NOT NULL on MySQL) that rewrites the table.
    RewritesTable,
    /// PostgreSQL's SET NOT NULL without a validated check first.
    SetNotNull,
    /// An index built or dropped while writes wait.
    BlockingIndex,
    /// A foreign key or check validated over every row while writes wait.
    ValidatingConstraint,
    /// A new column whose default (volatile, or a stored generated value) rewrites the table.
    VolatileDefault,
    /// A table or column renamed under running code.
    Rename,
    /// A column dropped: its data, and code that still reads it.
    DropColumn,
    /// A table dropped: its data, and code that still reads it.
    DropTable,
}

impl Rule {
    /// The rule's name, as findings print it and acknowledgements name it.
    pub fn code(self) -> &'static str {
        match self {
            Rule::RewritesTable => "rewrites-table",
            Rule::SetNotNull => "set-not-null",
            Rule::BlockingIndex => "blocking-index",
            Rule::ValidatingConstraint => "validating-constraint",
            Rule::VolatileDefault => "volatile-default",
            Rule::Rename => "rename",
            Rule::DropColumn => "drop-column",
            Rule::DropTable => "drop-table",
        }
    }
}

/// One risky statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The migration's folder name.
    pub migration: String,
    /// The statement's place in its up file, from 1.
    pub statement: usize,
    /// The statement, as written.
    pub sql: String,
    /// The rule it breaks.
    pub rule: Rule,
    /// What can go wrong on a busy database.
    pub risk: String,
    /// The safe sequence.
    pub advice: String,
    /// Whether a `-- mizzle: allow <rule>` comment in the statement accepts it.
    pub acknowledged: bool,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sql: String = self
            .sql
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join(" ");
        write!(
            f,
            "{} statement {} [{}]{}: {}\n  {}\n  safer: {}",
            self.migration,
            self.statement,
            self.rule.code(),
            if self.acknowledged { " (acknowledged)" } else { "" },
            self.risk,
            sql,
            self.advice
        )
    }
}

/// The rules acknowledged in a statement's comment lines.
fn acknowledged(statement: &str) -> Vec<String> {
    statement
        .lines()
        .filter_map(|line| line.trim().strip_prefix("-- mizzle: allow "))
        .flat_map(|rest| {
            rest.split(|c: char| c == ',' || c.is_whitespace())
                .take_while(|word| !word.starts_with('('))
                .filter(|word| !word.is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The statements of the migrations linted so far, read once: a statement's safety can
/// rest on one before it (`SET NOT NULL` after a validated check).
#[derive(Debug, Default)]
pub struct History(Vec<Vec<tokens::Token>>);

/// Lints one migration's up file: `before` is the schema before it, `code` the schema the
/// application reads now, `history` the statements of the migrations before it (this
/// migration's are added to it).
pub fn lint_migration(
    name: &str,
    up: &str,
    before: &SchemaModel,
    code: &SchemaModel,
    history: &mut History,
) -> Result<Vec<Finding>, String> {
    let kind = before.kind()?;
    let mut findings = Vec::new();
    for (i, statement) in statements(up).into_iter().enumerate() {
        let statement_tokens = tokens::tokenize(&statement);
        let context = rules::Context {
            kind,
            before,
            code,
            earlier: &history.0,
        };
        let allowed = acknowledged(&statement);
        for hit in rules::check(&context, &statement_tokens) {
            findings.push(Finding {
                migration: name.to_owned(),
                statement: i + 1,
                sql: statement.clone(),
                rule: hit.rule,
                risk: hit.risk,
                advice: hit.advice,
                acknowledged: allowed.iter().any(|rule| rule == hit.rule.code()),
            });
        }
        history.0.push(statement_tokens);
    }
    Ok(findings)
}

/// Lints every migration in `dir`, each against the snapshot before it; `code` is the
/// schema the application reads (the Rust schema), or the last snapshot when `None`.
pub fn lint_dir(dir: &Path, code: Option<&SchemaModel>) -> Result<Vec<Finding>, String> {
    let dirs = migration_dirs(dir)?;
    let Some(last) = dirs.last() else {
        return Ok(Vec::new());
    };
    let last_snapshot = read_snapshot(&last.join("snapshot.json"))?;
    let code = code.unwrap_or(&last_snapshot);
    let mut before = SchemaModel::empty(last_snapshot.kind()?);
    let mut history = History::default();
    let mut findings = Vec::new();
    for path in &dirs {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let up = fs::read_to_string(path.join("up.sql")).map_err(|e| format!("cannot read {name}/up.sql: {e}"))?;
        findings.extend(lint_migration(&name, &up, &before, code, &mut history)?);
        before = read_snapshot(&path.join("snapshot.json"))?;
    }
    Ok(findings)
}
