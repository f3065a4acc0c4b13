//! A schema model as a server writes it: created in a scratch namespace of the same
//! server (a PostgreSQL schema, a MySQL database, an in-memory SQLite database), read back,
//! and dropped. Comparing that with the live database compares like with like: types,
//! defaults and check expressions in the server's own spelling.

use crate::apply::{connect, Conn};
use crate::introspect;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::ddl_writer::create_statements;
use mizzle_dsl::schema::model::SchemaModel;
use std::sync::atomic::{AtomicU32, Ordering};

/// Tells apart the shadows of one process.
static NEXT: AtomicU32 = AtomicU32::new(0);

/// The schema names a model's tables live in, besides the default one.
pub fn schemas_of(model: &SchemaModel) -> Vec<String> {
    let mut names: Vec<String> = model
        .tables
        .iter()
        .filter_map(|t| t.schema.clone())
        .chain(model.schemas.iter().cloned())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// `model` with each schema name renamed by `rename`.
fn renamed(model: &SchemaModel, rename: &dyn Fn(&str) -> String) -> SchemaModel {
    let mut model = model.clone();
    model.schemas = model.schemas.iter().map(|s| rename(s)).collect();
    for table in &mut model.tables {
        table.schema = table.schema.as_deref().map(rename);
        for fk in &mut table.foreign_keys {
            fk.foreign_schema = fk.foreign_schema.as_deref().map(rename);
        }
    }
    model
}

/// `model` without its roles, and with its policies applying to `PUBLIC`: roles belong to
/// the whole server, and a shadow must not make any. What the server would write of a
/// policy (its expressions) does not depend on whom it applies to.
fn without_roles(model: &SchemaModel) -> SchemaModel {
    let mut model = model.clone();
    model.roles.clear();
    for policy in model.tables.iter_mut().flat_map(|t| &mut t.policies) {
        policy.roles.clear();
    }
    model
}

/// `written` with the roles `model` declares, and its policies' roles as `model` says.
fn with_roles(mut written: SchemaModel, model: &SchemaModel) -> SchemaModel {
    written.roles = model.roles.clone();
    for table in &mut written.tables {
        let declared = model
            .tables
            .iter()
            .find(|t| t.name == table.name && t.schema == table.schema);
        for policy in &mut table.policies {
            if let Some(declared) = declared.and_then(|t| t.policies.iter().find(|p| p.name == policy.name)) {
                let mut roles = declared.roles.clone();
                roles.sort();
                policy.roles = roles;
            }
        }
    }
    written
}

/// `model` as the server at `url` writes it. Tables in other PostgreSQL schemas are
/// written in scratch schemas of their own and read back under their own names.
pub async fn written_by_server(url: &str, model: &SchemaModel) -> Result<SchemaModel, String> {
    let schemas = schemas_of(model);
    let kind = model.kind()?;
    if (!schemas.is_empty() && kind != DialectKind::Pg) || model.sequences.iter().any(|s| s.schema.is_some()) {
        return Err(
            "drift and push compare the connection's own schema (and, on PostgreSQL, the schemas its tables \
             name); this schema has tables in other MySQL databases or sequences in other schemas"
                .to_owned(),
        );
    }
    let name = format!(
        "mizzle_shadow_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let scratch: Vec<String> = (0..schemas.len()).map(|i| format!("{name}_{i}")).collect();
    let to_scratch = |schema: &str| {
        schemas
            .iter()
            .position(|s| s == schema)
            .map_or_else(|| schema.to_owned(), |i| scratch[i].clone())
    };
    let from_scratch = |schema: &str| {
        scratch
            .iter()
            .position(|s| s == schema)
            .map_or_else(|| schema.to_owned(), |i| schemas[i].clone())
    };
    let mut conn = match connect(url).await? {
        Conn::Sqlite(_) => Conn::Sqlite(
            rusqlite::Connection::open_in_memory()
                .map_err(|e| format!("cannot open an in-memory SQLite database: {e}"))?,
        ),
        conn => conn,
    };
    let (create, enter, drop) = match conn {
        Conn::Pg(_) => {
            let mut drop = format!("DROP SCHEMA \"{name}\" CASCADE");
            for schema in &scratch {
                drop.push_str(&format!("; DROP SCHEMA IF EXISTS \"{schema}\" CASCADE"));
            }
            (
                format!("CREATE SCHEMA \"{name}\""),
                format!("SET search_path TO \"{name}\""),
                drop,
            )
        }
        Conn::MySql(_) => (
            format!("CREATE DATABASE `{name}`"),
            format!("USE `{name}`"),
            format!("DROP DATABASE `{name}`"),
        ),
        Conn::Sqlite(_) => (String::new(), String::new(), String::new()),
    };
    if !create.is_empty() {
        conn.execute(&create).await?;
        conn.execute(&enter).await?;
    }
    let mut result = Ok(());
    for statement in create_statements(&without_roles(&renamed(model, &to_scratch))) {
        if let Err(error) = conn.execute(&statement).await {
            result = Err(format!("the schema's DDL fails on this server ({error}): {statement}"));
            break;
        }
    }
    let written = match result {
        Ok(()) => introspect::model_of(&mut conn, &[], &scratch)
            .await
            .map(|written| with_roles(renamed(&written, &from_scratch), model)),
        Err(error) => Err(error),
    };
    if !drop.is_empty() {
        conn.execute(&drop).await?;
    }
    written
}
