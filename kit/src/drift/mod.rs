//! Drift: how a live database differs from the schema the code declares (every
//! difference, as the statements that would remove it) and from the migrations journal;
//! and `push`, which runs those statements. The schema is compared as the same server
//! writes it ([`shadow`]), so only real differences show.

pub mod shadow;

use crate::apply::{connect, status, MigrateOptions, State};
use crate::diff::{diff, Renames};
use crate::introspect;
use crate::migrations::Migration;
use mizzle_dsl::schema::model::SchemaModel;
use std::fmt;

/// The statements that make a live database match the schema.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Each difference as the statement that removes it, in an order the database takes.
    pub statements: Vec<String>,
    /// What among them loses data or may fail on existing rows.
    pub warnings: Vec<String>,
}

/// How a live database differs from the schema and from the migrations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    /// The schema differences, as the statements `push` would run.
    pub schema: Plan,
    /// Migrations not applied, applied but changed since, gone, or stopped half-way.
    pub journal: Vec<String>,
}

impl Drift {
    /// Whether the database matches the schema and the migrations.
    pub fn is_empty(&self) -> bool {
        self.schema.statements.is_empty() && self.journal.is_empty()
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("The database matches the schema and the migrations.");
        }
        if !self.schema.statements.is_empty() {
            writeln!(f, "The database differs from the schema; to match it, it needs:")?;
            for statement in &self.schema.statements {
                writeln!(f, "  {}", statement.replace('\n', "\n  "))?;
            }
        }
        for line in &self.journal {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// The statements that would make the database at `url` match `schema` (the journal table
/// `journal` left alone). A table or column the schema no longer has is dropped, one it
/// gained is created: nothing is taken for a rename.
pub async fn plan(url: &str, schema: &SchemaModel, journal: &str) -> Result<Plan, String> {
    let mut conn = connect(url).await?;
    let mut live = introspect::model_of(&mut conn, &[journal], &shadow::schemas_of(schema)).await?;
    // The server's roles are many; those the schema declares are the ones it manages.
    let declared: Vec<String> = schema.roles.iter().map(|r| r.name.clone()).collect();
    live.roles = introspect::roles_of(&mut conn, &declared).await?;
    let expected = shadow::written_by_server(url, schema).await?;
    let renames = Renames {
        none: true,
        ..Renames::default()
    };
    let steps = diff(&live, &expected, &renames).map_err(|ambiguous| ambiguous.to_string())?;
    let kind = schema.kind()?;
    Ok(Plan {
        statements: steps.iter().flat_map(|step| step.sql(kind)).collect(),
        warnings: steps.iter().filter_map(|step| step.warning()).collect(),
    })
}

/// How the database at `url` differs from `schema`, and, given the migrations, from their
/// journal: what `mizzle check --database` reports, and what an application can call at
/// start-up to refuse a drifted database.
pub async fn drift(
    url: &str,
    schema: &SchemaModel,
    migrations: &[Migration],
    options: &MigrateOptions,
) -> Result<Drift, String> {
    let schema_plan = plan(url, schema, &options.table).await?;
    let mut journal = Vec::new();
    if !migrations.is_empty() {
        for (name, state) in status(url, migrations, options).await? {
            let problem = match state {
                State::Applied => continue,
                State::Pending => "is not applied",
                State::Changed => "was applied, and its file changed since",
                State::Missing => "was applied, and its file is gone",
                State::Interrupted(_) => "stopped half-way",
            };
            journal.push(format!("Migration {name} {problem}."));
        }
    }
    Ok(Drift {
        schema: schema_plan,
        journal,
    })
}

/// Runs a plan's statements on the database at `url`: in one transaction on PostgreSQL and
/// SQLite (all or nothing), one by one on MySQL, which commits each DDL statement itself.
pub async fn push(url: &str, plan: &Plan) -> Result<(), String> {
    let mut conn = connect(url).await?;
    let transactional = conn.transactional_ddl();
    if transactional {
        conn.begin().await?;
    }
    for statement in &plan.statements {
        if let Err(error) = conn.execute(statement).await {
            if transactional {
                let _ = conn.execute("ROLLBACK").await;
            }
            return Err(format!("{error}, in: {statement}"));
        }
    }
    if transactional {
        conn.execute("COMMIT").await?;
    }
    Ok(())
}
