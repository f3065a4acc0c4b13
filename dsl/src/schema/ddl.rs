//! CREATE TABLE and DROP TABLE for a declared table, in its dialect.

use super::{ColumnDefault, ColumnInfo, Table};
use crate::dialect::{write_quoted, Dialect, DialectKind};

/// `CREATE TABLE` for `T`, with column types, NOT NULL, primary key, unique, default and
/// references, as `T`'s dialect spells them.
pub fn create_table<T: Table>(_table: T) -> String {
    let mut sql = String::from("CREATE TABLE ");
    <T::Dialect as Dialect>::write_ident(&mut sql, T::NAME);
    sql.push_str(" (\n");
    for (i, column) in T::columns().iter().enumerate() {
        if i > 0 {
            sql.push_str(",\n");
        }
        sql.push('\t');
        write_column::<T::Dialect>(&mut sql, column);
    }
    sql.push_str("\n)");
    sql
}

/// `DROP TABLE IF EXISTS` for `T`.
pub fn drop_table<T: Table>(_table: T) -> String {
    let mut sql = String::from("DROP TABLE IF EXISTS ");
    <T::Dialect as Dialect>::write_ident(&mut sql, T::NAME);
    sql
}

fn write_column<D: Dialect>(sql: &mut String, column: &ColumnInfo) {
    let constraints = &column.constraints;
    D::write_ident(sql, column.name);
    sql.push(' ');
    (column.write_type)(sql);
    if constraints.primary_key {
        sql.push_str(" PRIMARY KEY");
    }
    if constraints.autoincrement {
        match D::KIND {
            DialectKind::Sqlite => sql.push_str(" AUTOINCREMENT"),
            DialectKind::MySql => sql.push_str(" AUTO_INCREMENT"),
            // PostgreSQL fills keys from serial and identity types instead.
            DialectKind::Pg => {}
        }
    }
    if column.not_null {
        sql.push_str(" NOT NULL");
    }
    if let Some(default) = &constraints.default {
        sql.push_str(" DEFAULT ");
        write_default::<D>(sql, default);
    }
    if let Some(name) = constraints.unique {
        if let Some(name) = name {
            sql.push_str(" CONSTRAINT ");
            D::write_ident(sql, name);
        }
        sql.push_str(" UNIQUE");
    }
    if let Some(reference) = &constraints.references {
        sql.push_str(" REFERENCES ");
        D::write_ident(sql, reference.table);
        sql.push('(');
        D::write_ident(sql, reference.column);
        sql.push(')');
        if let Some(action) = reference.on_delete {
            sql.push_str(" ON DELETE ");
            sql.push_str(action.sql());
        }
        if let Some(action) = reference.on_update {
            sql.push_str(" ON UPDATE ");
            sql.push_str(action.sql());
        }
    }
}

fn write_default<D: Dialect>(sql: &mut String, default: &ColumnDefault) {
    use std::fmt::Write;
    match default {
        ColumnDefault::Int(n) => {
            let _ = write!(sql, "{n}");
        }
        ColumnDefault::Float(x) => {
            let _ = write!(sql, "{x:?}");
        }
        ColumnDefault::Bool(b) => sql.push_str(if *b { "true" } else { "false" }),
        ColumnDefault::Text(text) => write_quoted(sql, text, '\''),
        ColumnDefault::Sql(raw) => {
            sql.push('(');
            sql.push_str(raw);
            sql.push(')');
        }
        ColumnDefault::Now => sql.push_str(match D::KIND {
            DialectKind::Pg => "now()",
            DialectKind::MySql | DialectKind::Sqlite => "CURRENT_TIMESTAMP",
        }),
        ColumnDefault::RandomUuid => sql.push_str(match D::KIND {
            DialectKind::Pg => "gen_random_uuid()",
            DialectKind::MySql => "(uuid())",
            DialectKind::Sqlite => "(lower(hex(randomblob(16))))",
        }),
    }
}
