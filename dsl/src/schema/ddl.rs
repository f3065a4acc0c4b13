//! DDL: CREATE TABLE with its constraints and indexes, in each dialect's spelling, and
//! the other statements a schema needs (types, sequences, views, drops).

use super::column_types::EnumType;
use super::{ColumnDefault, ColumnInfo, Identity, IndexMethod, Table, TableDef};
use crate::dialect::{needs_expression, write_enum_member, write_quoted, write_text, Dialect, DialectKind};
use crate::error::{EncodeError, Error};
use std::fmt::Write;

/// Quotes an identifier as DDL does: `"x"` on PostgreSQL, `` `x` `` on MySQL and SQLite
/// (as Drizzle's DDL for SQLite does; SQLite reads both).
pub fn ddl_ident(kind: DialectKind, sql: &mut String, name: &str) {
    ident(kind, sql, name)
}

pub(crate) fn ident(kind: DialectKind, sql: &mut String, name: &str) {
    write_quoted(sql, name, if kind == DialectKind::Pg { '"' } else { '`' });
}

/// `"schema"."name"` or `"name"`.
fn qualified(kind: DialectKind, sql: &mut String, schema: Option<&str>, name: &str) {
    if let Some(schema) = schema {
        ident(kind, sql, schema);
        sql.push('.');
    }
    ident(kind, sql, name);
}

/// A column list: `("a","b")` — SQLite's DDL puts a space after the commas.
fn column_list(kind: DialectKind, sql: &mut String, columns: &[&str]) {
    sql.push('(');
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(if kind == DialectKind::Sqlite { ", " } else { "," });
        }
        ident(kind, sql, column);
    }
    sql.push(')');
}

/// The statements that create table `T`: CREATE TABLE with its constraints, then its
/// indexes. On SQLite, unique constraints are unique indexes, as SQLite cannot name them
/// otherwise. Fails when a typed CHECK or index expression cannot be written as SQL.
pub fn create_table<T: Table>(_table: T) -> Result<String, Error> {
    let def = TableDef::of::<T>();
    table_statements(<T::Dialect as Dialect>::KIND, &def, &[]).map(|statements| statements.join("\n"))
}

/// `DROP TABLE IF EXISTS` for `T`.
pub fn drop_table<T: Table>(_table: T) -> String {
    let kind = <T::Dialect as Dialect>::KIND;
    let mut sql = String::from("DROP TABLE IF EXISTS ");
    qualified(kind, &mut sql, T::SCHEMA, T::NAME);
    sql.push(';');
    sql
}

/// `CREATE TYPE name AS ENUM ('a', 'b');` (PostgreSQL).
pub fn create_enum(enum_type: &EnumType) -> String {
    let mut sql = String::from("CREATE TYPE ");
    ident(DialectKind::Pg, &mut sql, enum_type.name);
    sql.push_str(" AS ENUM(");
    for (i, member) in enum_type.members.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        write_enum_member(DialectKind::Pg, &mut sql, member);
    }
    sql.push_str(");");
    sql
}

fn default_name(table: &str, columns: &[&str], suffix: &str) -> String {
    format!("{table}_{}_{suffix}", columns.join("_"))
}

fn write_default(kind: DialectKind, sql: &mut String, default: &ColumnDefault) -> Result<(), EncodeError> {
    match default {
        ColumnDefault::Int(n) => {
            let _ = write!(sql, "{n}");
        }
        ColumnDefault::Float(x) if !x.is_finite() => {
            return Err(EncodeError::new(format!("{x} has no SQL literal")));
        }
        ColumnDefault::Float(x) => {
            let _ = write!(sql, "{x:?}");
        }
        ColumnDefault::Bool(b) => sql.push_str(if *b { "true" } else { "false" }),
        // MySQL's spelling of text with a backslash is an expression, which a DEFAULT
        // takes in parentheses.
        ColumnDefault::Text(text) if needs_expression(kind, text) => {
            sql.push('(');
            write_text(kind, sql, text)?;
            sql.push(')');
        }
        ColumnDefault::Text(text) => write_text(kind, sql, text)?,
        ColumnDefault::Sql(raw) => sql.push_str(raw),
        ColumnDefault::Now => sql.push_str(match kind {
            DialectKind::Pg => "now()",
            DialectKind::MySql => "(now())",
            DialectKind::Sqlite => "CURRENT_TIMESTAMP",
        }),
        ColumnDefault::RandomUuid => sql.push_str(match kind {
            DialectKind::Pg => "gen_random_uuid()",
            DialectKind::MySql => "(uuid())",
            DialectKind::Sqlite => "(lower(hex(randomblob(16))))",
        }),
    }
    Ok(())
}

/// One column's definition, in the order each dialect's DDL (and Drizzle) writes it.
fn write_column(kind: DialectKind, sql: &mut String, column: &ColumnInfo) -> Result<(), EncodeError> {
    let c = &column.constraints;
    ident(kind, sql, column.name);
    sql.push(' ');
    (column.write_type)(sql);
    if kind == DialectKind::MySql && c.autoincrement {
        sql.push_str(" AUTO_INCREMENT");
    }
    if c.primary_key {
        sql.push_str(" PRIMARY KEY");
    }
    if kind == DialectKind::Sqlite && c.autoincrement {
        sql.push_str(" AUTOINCREMENT");
    }
    if let Some(identity) = c.identity {
        sql.push_str(match identity {
            Identity::Always => " GENERATED ALWAYS AS IDENTITY",
            Identity::ByDefault => " GENERATED BY DEFAULT AS IDENTITY",
        });
    }
    if let Some(default) = &c.default {
        sql.push_str(" DEFAULT ");
        write_default(kind, sql, default)
            .map_err(|e| EncodeError::new(format!("the default of `{}`: {e}", column.name)))?;
    }
    if let Some(generated) = c.generated {
        let _ = write!(sql, " GENERATED ALWAYS AS ({})", generated.sql);
        sql.push_str(if generated.stored { " STORED" } else { " VIRTUAL" });
    }
    // PostgreSQL's PRIMARY KEY implies NOT NULL, and its DDL leaves it at that.
    if column.not_null && !(kind == DialectKind::Pg && c.primary_key) {
        sql.push_str(" NOT NULL");
    }
    Ok(())
}

/// CREATE TABLE and its indexes. Foreign keys to the tables in `deferred` are left out,
/// for [`add_foreign_keys`] to add once those tables exist.
pub(crate) fn table_statements(kind: DialectKind, def: &TableDef, deferred: &[&str]) -> Result<Vec<String>, Error> {
    if let Some(problem) = def.extras.errors.first() {
        return Err(Error::Encode {
            sql: format!("CREATE TABLE {}", def.name),
            source: EncodeError::new(problem.clone()),
        });
    }
    let mut lines: Vec<String> = Vec::new();
    for column in &def.columns {
        let mut line = String::new();
        write_column(kind, &mut line, column).map_err(|source| Error::Encode {
            sql: format!("CREATE TABLE {}", def.name),
            source,
        })?;
        lines.push(line);
    }
    let mut unique_indexes = Vec::new();
    if let Some(pk) = &def.extras.primary_key {
        let mut line = String::new();
        if kind == DialectKind::Pg {
            line.push_str("CONSTRAINT ");
            let name = pk
                .name
                .clone()
                .unwrap_or_else(|| default_name(def.name, &pk.columns, "pk"));
            ident(kind, &mut line, &name);
            line.push(' ');
        }
        line.push_str("PRIMARY KEY");
        column_list(kind, &mut line, &pk.columns);
        lines.push(line);
    }
    // Unique constraints: those declared on columns, then those on the table.
    let column_uniques = def.columns.iter().filter_map(|column| {
        column.constraints.unique.map(|name| {
            let columns = vec![column.name];
            let name = name.map_or_else(|| default_name(def.name, &columns, "unique"), str::to_owned);
            (name, columns, column.constraints.nulls_not_distinct)
        })
    });
    let table_uniques = def.extras.uniques.iter().map(|u| {
        let name = u
            .name
            .clone()
            .unwrap_or_else(|| default_name(def.name, &u.columns, "unique"));
        (name, u.columns.clone(), u.nulls_not_distinct)
    });
    for (name, columns, nulls_not_distinct) in column_uniques.chain(table_uniques) {
        if kind == DialectKind::Sqlite {
            let mut index = String::from("CREATE UNIQUE INDEX ");
            ident(kind, &mut index, &name);
            index.push_str(" ON ");
            qualified(kind, &mut index, def.schema, def.name);
            index.push(' ');
            column_list(DialectKind::MySql, &mut index, &columns);
            index.push(';');
            unique_indexes.push(index);
            continue;
        }
        let mut line = String::from("CONSTRAINT ");
        ident(kind, &mut line, &name);
        line.push_str(" UNIQUE");
        if nulls_not_distinct {
            line.push_str(" NULLS NOT DISTINCT");
        }
        column_list(kind, &mut line, &columns);
        lines.push(line);
    }
    for fk in foreign_keys(def)
        .iter()
        .filter(|fk| !deferred.contains(&fk.foreign_table))
    {
        lines.push(foreign_key_clause(kind, def.name, fk));
    }
    for check in &def.extras.checks {
        let mut line = String::from("CONSTRAINT ");
        ident(kind, &mut line, &check.name);
        let _ = write!(line, " CHECK ({})", check.sql);
        lines.push(line);
    }

    let mut sql = String::from("CREATE TABLE ");
    if kind == DialectKind::Pg {
        sql.push_str("IF NOT EXISTS ");
    }
    qualified(kind, &mut sql, def.schema, def.name);
    sql.push_str(" (\n  ");
    sql.push_str(&lines.join(",\n  "));
    sql.push_str("\n);");
    let mut statements = vec![sql];
    statements.extend(unique_indexes);
    for index in &def.extras.indexes {
        statements.push(create_index(kind, def, index).map_err(|source| Error::Encode {
            sql: format!("CREATE INDEX {}", index.name),
            source,
        })?);
    }
    Ok(statements)
}

/// The table's foreign keys: those declared on columns, then those on the table.
pub(crate) fn foreign_keys(def: &TableDef) -> Vec<super::ForeignKey> {
    let from_columns = def.columns.iter().filter_map(|column| {
        column
            .constraints
            .references
            .as_ref()
            .map(|reference| super::ForeignKey {
                name: None,
                columns: vec![column.name],
                foreign_table: reference.table,
                foreign_schema: None,
                foreign_columns: vec![reference.column],
                on_delete: reference.on_delete,
                on_update: reference.on_update,
            })
    });
    from_columns.chain(def.extras.foreign_keys.iter().cloned()).collect()
}

/// A foreign key's name: its own, or `<table>_<columns>_<foreign table>_<foreign columns>_fk`.
fn foreign_key_name(table: &str, fk: &super::ForeignKey) -> String {
    fk.name.clone().unwrap_or_else(|| {
        format!(
            "{table}_{}_{}_{}_fk",
            fk.columns.join("_"),
            fk.foreign_table,
            fk.foreign_columns.join("_")
        )
    })
}

/// `ALTER TABLE … DROP FOREIGN KEY …` (MySQL) for the foreign keys of `def` to `targets`:
/// how a cycle of references is opened before its tables are dropped.
pub(crate) fn drop_foreign_keys(def: &TableDef, targets: &[&str]) -> Vec<String> {
    let kind = DialectKind::MySql;
    foreign_keys(def)
        .iter()
        .filter(|fk| targets.contains(&fk.foreign_table))
        .map(|fk| {
            let mut sql = String::from("ALTER TABLE ");
            qualified(kind, &mut sql, def.schema, def.name);
            sql.push_str(" DROP FOREIGN KEY ");
            ident(kind, &mut sql, &foreign_key_name(def.name, fk));
            sql.push(';');
            sql
        })
        .collect()
}

fn foreign_key_clause(kind: DialectKind, table: &str, fk: &super::ForeignKey) -> String {
    let name = foreign_key_name(table, fk);
    let mut line = String::from("CONSTRAINT ");
    ident(kind, &mut line, &name);
    line.push_str(" FOREIGN KEY ");
    column_list(kind, &mut line, &fk.columns);
    line.push_str(" REFERENCES ");
    qualified(kind, &mut line, fk.foreign_schema, fk.foreign_table);
    column_list(kind, &mut line, &fk.foreign_columns);
    if let Some(action) = fk.on_delete {
        let _ = write!(line, " ON DELETE {}", action.sql());
    }
    if let Some(action) = fk.on_update {
        let _ = write!(line, " ON UPDATE {}", action.sql());
    }
    line
}

/// `ALTER TABLE … ADD CONSTRAINT …` for the foreign keys of `def` to the tables in
/// `targets`: how a cycle of references is created after all its tables.
pub(crate) fn add_foreign_keys(kind: DialectKind, def: &TableDef, targets: &[&str]) -> Vec<String> {
    foreign_keys(def)
        .iter()
        .filter(|fk| targets.contains(&fk.foreign_table))
        .map(|fk| {
            let mut sql = String::from("ALTER TABLE ");
            qualified(kind, &mut sql, def.schema, def.name);
            sql.push_str(" ADD ");
            sql.push_str(&foreign_key_clause(kind, def.name, fk));
            sql.push(';');
            sql
        })
        .collect()
}

fn create_index(kind: DialectKind, def: &TableDef, index: &super::Index) -> Result<String, EncodeError> {
    let mut sql = String::from(if index.unique {
        "CREATE UNIQUE INDEX "
    } else {
        "CREATE INDEX "
    });
    if index.concurrently && kind == DialectKind::Pg {
        sql.push_str("CONCURRENTLY ");
    }
    ident(kind, &mut sql, &index.name);
    sql.push_str(" ON ");
    qualified(kind, &mut sql, def.schema, def.name);
    if let (Some(method), DialectKind::Pg) = (&index.using, kind) {
        sql.push_str(" USING ");
        write_index_method(kind, &mut sql, method);
    }
    let _ = write!(sql, " ({})", index.keys.join(", "));
    if let (Some(method), DialectKind::MySql) = (&index.using, kind) {
        sql.push_str(" USING ");
        write_index_method(kind, &mut sql, method);
    }
    if !index.with.is_empty() && kind == DialectKind::Pg {
        sql.push_str(" WITH (");
        for (i, parameter) in index.with.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            parameter.write(&mut sql)?;
        }
        sql.push(')');
    }
    if let (Some(condition), DialectKind::Pg | DialectKind::Sqlite) = (&index.where_sql, kind) {
        let _ = write!(sql, " WHERE {condition}");
    }
    if kind == DialectKind::MySql {
        if let Some(algorithm) = index.algorithm {
            let _ = write!(sql, " ALGORITHM={}", algorithm.sql());
        }
        if let Some(lock) = index.lock {
            let _ = write!(sql, " LOCK={}", lock.sql());
        }
    }
    sql.push(';');
    Ok(sql)
}

/// An index method: a keyword, or another method's name as a quoted identifier.
fn write_index_method(kind: DialectKind, sql: &mut String, method: &IndexMethod) {
    sql.push_str(match method {
        IndexMethod::Btree => "btree",
        IndexMethod::Hash => "hash",
        IndexMethod::Gin => "gin",
        IndexMethod::Gist => "gist",
        IndexMethod::SpGist => "spgist",
        IndexMethod::Brin => "brin",
        IndexMethod::Named(name) => return ident(kind, sql, name),
    });
}
