//! A live database's tables with their columns and nullability, to compare with a snapshot
//! (the part of introspection migrations need checked).

use crate::apply::Conn;
use mizzle_dsl::schema::model::SchemaModel;
use std::collections::BTreeMap;

/// Tables by name, each with its columns (name, NOT NULL) in order.
pub type Columns = BTreeMap<String, Vec<(String, bool)>>;

/// The tables of the connection's current schema (PostgreSQL), database (MySQL) or file
/// (SQLite), but the journal `journal`.
pub async fn columns(conn: &mut Conn, journal: &str) -> Result<Columns, String> {
    let rows = match conn {
        Conn::Pg(_) => {
            conn.query_text(
                "SELECT table_name::text, column_name::text, is_nullable::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
            )
            .await?
        }
        Conn::MySql(_) => {
            conn.query_text(
                "SELECT table_name, column_name, is_nullable FROM information_schema.columns \
                 WHERE table_schema = database() ORDER BY table_name, ordinal_position",
            )
            .await?
        }
        Conn::Sqlite(_) => {
            conn.query_text(
                "SELECT m.name, p.name, CASE WHEN p.\"notnull\" = 1 OR p.pk > 0 THEN 'NO' ELSE 'YES' END \
                 FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
            )
            .await?
        }
    };
    let mut columns = Columns::new();
    for row in rows {
        let [Some(table), Some(column), Some(nullable)] = row.as_slice() else {
            continue;
        };
        if table == journal {
            continue;
        }
        columns
            .entry(table.clone())
            .or_default()
            .push((column.clone(), nullable == "NO"));
    }
    Ok(columns)
}

/// The same for a schema model's tables (those of the default schema).
pub fn model_columns(model: &SchemaModel) -> Columns {
    model
        .tables
        .iter()
        .filter(|table| table.schema.is_none())
        .map(|table| {
            let columns = table
                .columns
                .iter()
                .map(|c| (c.name.clone(), c.not_null || c.primary_key))
                .collect();
            (table.name.clone(), columns)
        })
        .collect()
}
