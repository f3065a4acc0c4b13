//! A schema model as a server writes it: created in a scratch namespace of the same
//! server (a PostgreSQL schema, a MySQL database, an in-memory SQLite database), read back,
//! and dropped. Comparing that with the live database compares like with like: types,
//! defaults and check expressions in the server's own spelling.

use crate::apply::{connect, Conn};
use crate::introspect;
use mizzle_dsl::schema::ddl_writer::create_statements;
use mizzle_dsl::schema::model::SchemaModel;
use std::sync::atomic::{AtomicU32, Ordering};

/// Tells apart the shadows of one process.
static NEXT: AtomicU32 = AtomicU32::new(0);

/// `model` as the server at `url` writes it.
pub async fn written_by_server(url: &str, model: &SchemaModel) -> Result<SchemaModel, String> {
    if model.tables.iter().any(|t| t.schema.is_some()) || model.sequences.iter().any(|s| s.schema.is_some()) {
        return Err(
            "drift and push compare the connection's own schema; this schema has tables in other PostgreSQL \
             schemas (compare those with --url pointing at each schema's search_path)"
                .to_owned(),
        );
    }
    let name = format!(
        "mizzle_shadow_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    );
    let mut conn = match connect(url).await? {
        Conn::Sqlite(_) => Conn::Sqlite(
            rusqlite::Connection::open_in_memory()
                .map_err(|e| format!("cannot open an in-memory SQLite database: {e}"))?,
        ),
        conn => conn,
    };
    let (create, enter, drop) = match conn {
        Conn::Pg(_) => (
            format!("CREATE SCHEMA \"{name}\""),
            format!("SET search_path TO \"{name}\""),
            format!("DROP SCHEMA \"{name}\" CASCADE"),
        ),
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
    for statement in create_statements(model) {
        if let Err(error) = conn.execute(&statement).await {
            result = Err(format!("the schema's DDL fails on this server ({error}): {statement}"));
            break;
        }
    }
    let written = match result {
        Ok(()) => introspect::model(&mut conn, &[]).await,
        Err(error) => Err(error),
    };
    if !drop.is_empty() {
        conn.execute(&drop).await?;
    }
    written
}
