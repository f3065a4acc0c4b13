//! What a live database holds, read back into the schema model ([`model`]) for drift, push,
//! pull and the snapshot checks ([`model_columns`]), in the server's own spelling of types,
//! defaults and expressions. Two introspections are compared with each other, so a schema
//! declared in Rust is compared after a server has written it
//! ([`shadow`](crate::drift::shadow)).

mod columns;
mod mysql;
mod pg;
mod sqlite;

pub use columns::{model_columns, Columns};

use crate::apply::Conn;
use mizzle_dsl::schema::model::SchemaModel;

/// The schema model of what the connection's current schema (PostgreSQL), database
/// (MySQL) or file (SQLite) holds, leaving out the tables named in `skip` (the journal).
pub async fn model(conn: &mut Conn, skip: &[&str]) -> Result<SchemaModel, String> {
    model_of(conn, skip, &[]).await
}

/// [`model`], with the tables of the PostgreSQL schemas `schemas` besides the current
/// one's (each table carrying its schema's name); other dialects have one namespace.
pub async fn model_of(conn: &mut Conn, skip: &[&str], schemas: &[String]) -> Result<SchemaModel, String> {
    let mut model = match conn {
        Conn::Pg(_) => pg::model(conn, schemas).await?,
        Conn::MySql(_) => mysql::model(conn).await?,
        Conn::Sqlite(_) => sqlite::model(conn).await?,
    };
    model
        .tables
        .retain(|table| table.schema.is_some() || !skip.contains(&table.name.as_str()));
    Ok(model)
}

/// The roles among `names` on the PostgreSQL server of `conn`, with their options; none
/// on the other dialects, which have no roles a schema declares.
pub async fn roles_of(conn: &mut Conn, names: &[String]) -> Result<Vec<mizzle_dsl::schema::model::RoleModel>, String> {
    match conn {
        Conn::Pg(_) => pg::roles(conn, names).await,
        _ => Ok(Vec::new()),
    }
}

/// The rows of `sql`, each exactly `N` columns wide (NULL as `None`).
async fn rows<const N: usize>(conn: &mut Conn, sql: &str) -> Result<Vec<[Option<String>; N]>, String> {
    conn.query_text(sql)
        .await?
        .into_iter()
        .map(|row| {
            <[Option<String>; N]>::try_from(row)
                .map_err(|row| format!("introspection expected {N} columns, got {}", row.len()))
        })
        .collect()
}

/// A NOT NULL text of a row.
fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}
