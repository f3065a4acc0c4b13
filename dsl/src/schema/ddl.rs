//! DDL: CREATE TABLE with its constraints and indexes, in each dialect's spelling, and
//! the other statements a schema needs (types, sequences, views, drops).

use super::column_types::EnumType;
use super::model::{CheckModel, ColumnModel, EnumModel, ForeignKeyModel, IndexModel, TableModel, UniqueModel};
use super::{ColumnDefault, IndexMethod, Table, TableDef};
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
pub fn qualified(kind: DialectKind, sql: &mut String, schema: Option<&str>, name: &str) {
    if let Some(schema) = schema {
        ident(kind, sql, schema);
        sql.push('.');
    }
    ident(kind, sql, name);
}

/// A column list: `("a","b")` — SQLite's DDL puts a space after the commas.
fn column_list<S: AsRef<str>>(kind: DialectKind, sql: &mut String, columns: &[S]) {
    sql.push('(');
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(if kind == DialectKind::Sqlite { ", " } else { "," });
        }
        ident(kind, sql, column.as_ref());
    }
    sql.push(')');
}

/// The statements that create table `T`: CREATE TABLE with its constraints, then its
/// indexes. On SQLite, unique constraints are unique indexes, as SQLite cannot name them
/// otherwise. Fails when a typed CHECK or index expression cannot be written as SQL.
pub fn create_table<T: Table>(_table: T) -> Result<String, Error> {
    let kind = <T::Dialect as Dialect>::KIND;
    let model = TableModel::from_def(kind, &TableDef::of::<T>())?;
    Ok(table_statements(kind, &model, &[]).join("\n"))
}

/// `DROP TABLE IF EXISTS` for `T`; for an FTS5 table over a content table, the triggers
/// that fed it first.
pub fn drop_table<T: Table>(_table: T) -> String {
    let kind = <T::Dialect as Dialect>::KIND;
    let mut sql = String::new();
    if TableDef::of::<T>()
        .extras
        .fts5
        .is_some_and(|fts5| fts5.content.is_some())
    {
        for drop in fts5_trigger_drops(T::NAME) {
            sql.push_str(&drop);
            sql.push('\n');
        }
    }
    sql.push_str("DROP TABLE IF EXISTS ");
    qualified(kind, &mut sql, T::SCHEMA, T::NAME);
    sql.push(';');
    sql
}

/// `DROP TRIGGER IF EXISTS` for the triggers that feed the FTS5 table `table` from its
/// content table (SQLite): before the table goes, or writes to the content table fail.
pub fn fts5_trigger_drops(table: &str) -> Vec<String> {
    ["ai", "ad", "au"]
        .iter()
        .map(|suffix| {
            let mut sql = String::from("DROP TRIGGER IF EXISTS ");
            ident(DialectKind::Sqlite, &mut sql, &format!("{table}_{suffix}"));
            sql.push(';');
            sql
        })
        .collect()
}

/// `CREATE VIRTUAL TABLE … USING fts5(…)`, and, for one over a content table, the triggers
/// that feed it and a rebuild from the rows the table has already.
fn fts5_statements(table: &TableModel, fts5: &super::model::Fts5Model) -> Vec<String> {
    let kind = DialectKind::Sqlite;
    let columns: Vec<&str> = table
        .columns
        .iter()
        .map(|c| c.name.as_str())
        .filter(|name| *name != "rowid")
        .collect();
    let mut sql = String::from("CREATE VIRTUAL TABLE IF NOT EXISTS ");
    ident(kind, &mut sql, &table.name);
    sql.push_str(" USING fts5(");
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        ident(kind, &mut sql, column);
    }
    let options = [
        ("content", &fts5.content),
        ("content_rowid", &fts5.content_rowid),
        ("tokenize", &fts5.tokenize),
    ];
    for (option, value) in options {
        if let Some(value) = value {
            let _ = write!(sql, ", {option} = ");
            // Text that cannot be a literal (a NUL) is left for SQLite to refuse.
            let _ = write_text(kind, &mut sql, value);
        }
    }
    sql.push_str(");");
    let mut statements = vec![sql];
    let Some(content) = &fts5.content else {
        return statements;
    };
    let key = fts5.content_rowid.as_deref().unwrap_or("rowid");
    // `INSERT INTO fts(rowid, a, b) VALUES (row.key, row.a, row.b)`, or with the table's
    // own column first and 'delete', which takes a row out of the index.
    let write = |row: &str, delete: bool| {
        let mut sql = String::from("INSERT INTO ");
        ident(kind, &mut sql, &table.name);
        sql.push('(');
        if delete {
            ident(kind, &mut sql, &table.name);
            sql.push_str(", ");
        }
        sql.push_str("rowid");
        for column in &columns {
            sql.push_str(", ");
            ident(kind, &mut sql, column);
        }
        sql.push_str(") VALUES (");
        if delete {
            sql.push_str("'delete', ");
        }
        let _ = write!(sql, "{row}.");
        ident(kind, &mut sql, key);
        for column in &columns {
            let _ = write!(sql, ", {row}.");
            ident(kind, &mut sql, column);
        }
        sql.push_str(");");
        sql
    };
    let bodies = [
        ("ai", "AFTER INSERT", write("new", false)),
        ("ad", "AFTER DELETE", write("old", true)),
        (
            "au",
            "AFTER UPDATE",
            format!("{} {}", write("old", true), write("new", false)),
        ),
    ];
    for (suffix, event, body) in bodies {
        let mut sql = String::from("CREATE TRIGGER IF NOT EXISTS ");
        ident(kind, &mut sql, &format!("{}_{suffix}", table.name));
        let _ = write!(sql, " {event} ON ");
        ident(kind, &mut sql, content);
        let _ = write!(sql, " BEGIN {body} END;");
        statements.push(sql);
    }
    // The rows already there: the triggers see only writes to come.
    let mut rebuild = String::from("INSERT INTO ");
    ident(kind, &mut rebuild, &table.name);
    rebuild.push('(');
    ident(kind, &mut rebuild, &table.name);
    rebuild.push_str(") VALUES ('rebuild');");
    statements.push(rebuild);
    statements
}

/// `CREATE TYPE name AS ENUM ('a', 'b');` (PostgreSQL).
pub fn create_enum(enum_type: &EnumType) -> String {
    let values: Vec<String> = enum_type.members.iter().map(|m| (*m).to_owned()).collect();
    enum_statement(&EnumModel {
        name: enum_type.name.to_owned(),
        values,
    })
}

/// `CREATE TYPE name AS ENUM ('a', 'b');` of a modelled enum (PostgreSQL).
pub fn enum_statement(enum_model: &EnumModel) -> String {
    let mut sql = String::from("CREATE TYPE ");
    ident(DialectKind::Pg, &mut sql, &enum_model.name);
    sql.push_str(" AS ENUM(");
    for (i, member) in enum_model.values.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        write_enum_member(DialectKind::Pg, &mut sql, member);
    }
    sql.push_str(");");
    sql
}

pub(crate) fn write_default(kind: DialectKind, sql: &mut String, default: &ColumnDefault) -> Result<(), EncodeError> {
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
fn write_column(kind: DialectKind, sql: &mut String, column: &ColumnModel) {
    ident(kind, sql, &column.name);
    sql.push(' ');
    sql.push_str(&column.sql_type);
    if kind == DialectKind::MySql && column.autoincrement {
        sql.push_str(" AUTO_INCREMENT");
    }
    if column.primary_key {
        sql.push_str(" PRIMARY KEY");
    }
    if kind == DialectKind::Sqlite && column.autoincrement {
        sql.push_str(" AUTOINCREMENT");
    }
    match column.identity.as_deref() {
        Some("always") => sql.push_str(" GENERATED ALWAYS AS IDENTITY"),
        Some(_) => sql.push_str(" GENERATED BY DEFAULT AS IDENTITY"),
        None => {}
    }
    if let Some(default) = &column.default {
        sql.push_str(" DEFAULT ");
        sql.push_str(default);
    }
    if let Some(generated) = &column.generated {
        let _ = write!(sql, " GENERATED ALWAYS AS ({})", generated.sql);
        sql.push_str(if generated.stored { " STORED" } else { " VIRTUAL" });
    }
    // PostgreSQL's PRIMARY KEY and identity imply NOT NULL, and its DDL leaves it at that.
    if column.not_null && !(kind == DialectKind::Pg && (column.primary_key || column.identity.is_some())) {
        sql.push_str(" NOT NULL");
    }
    if let (DialectKind::MySql, Some(comment)) = (kind, &column.comment) {
        sql.push_str(" COMMENT ");
        // The model refused what cannot be written (a NUL, a backslash on MySQL).
        let _ = write_text(kind, sql, comment);
    }
}

/// PostgreSQL's `COMMENT ON TABLE`/`COMMENT ON COLUMN` for `column` (a column's, or the
/// table's when `None`), to `comment` or, when `None`, to none.
pub fn comment_on(table: &TableModel, column: Option<&str>, comment: Option<&str>) -> String {
    let kind = DialectKind::Pg;
    let mut sql = String::from(if column.is_some() {
        "COMMENT ON COLUMN "
    } else {
        "COMMENT ON TABLE "
    });
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    if let Some(column) = column {
        sql.push('.');
        ident(kind, &mut sql, column);
    }
    sql.push_str(" IS ");
    match comment {
        Some(comment) => {
            let _ = write_text(kind, &mut sql, comment);
        }
        None => sql.push_str("NULL"),
    }
    sql.push(';');
    sql
}

/// MySQL's `ALTER TABLE … COMMENT = '…'` (empty for none).
pub fn mysql_table_comment(table: &TableModel, comment: Option<&str>) -> String {
    let mut sql = String::from("ALTER TABLE ");
    qualified(DialectKind::MySql, &mut sql, table.schema.as_deref(), &table.name);
    sql.push_str(" COMMENT = ");
    let _ = write_text(DialectKind::MySql, &mut sql, comment.unwrap_or(""));
    sql.push(';');
    sql
}

/// A column's definition as `ADD COLUMN` writes it.
pub fn column_definition(kind: DialectKind, column: &ColumnModel) -> String {
    let mut sql = String::new();
    write_column(kind, &mut sql, column);
    sql
}

/// CREATE TABLE and its indexes. Foreign keys to the tables in `deferred` are left out,
/// for [`add_foreign_keys`] to add once those tables exist.
pub fn table_statements(kind: DialectKind, table: &TableModel, deferred: &[&str]) -> Vec<String> {
    if let (Some(fts5), DialectKind::Sqlite) = (&table.fts5, kind) {
        return fts5_statements(table, fts5);
    }
    let mut lines: Vec<String> = Vec::new();
    for column in &table.columns {
        let mut line = String::new();
        write_column(kind, &mut line, column);
        lines.push(line);
    }
    let mut unique_indexes = Vec::new();
    if let Some(pk) = &table.primary_key {
        let mut line = String::new();
        if kind == DialectKind::Pg {
            line.push_str("CONSTRAINT ");
            ident(kind, &mut line, &pk.name);
            line.push(' ');
        }
        line.push_str("PRIMARY KEY");
        column_list(kind, &mut line, &pk.columns);
        lines.push(line);
    }
    for unique in &table.uniques {
        if kind == DialectKind::Sqlite {
            unique_indexes.push(sqlite_unique_index(table, unique));
            continue;
        }
        lines.push(unique_clause(kind, unique));
    }
    for fk in table
        .foreign_keys
        .iter()
        .filter(|fk| !deferred.contains(&fk.foreign_table.as_str()))
    {
        lines.push(foreign_key_clause(kind, fk));
    }
    for check in &table.checks {
        lines.push(check_clause(kind, check));
    }

    let mut sql = String::from("CREATE TABLE ");
    if kind == DialectKind::Pg {
        sql.push_str("IF NOT EXISTS ");
    }
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    sql.push_str(" (\n  ");
    sql.push_str(&lines.join(",\n  "));
    sql.push_str("\n)");
    if let (DialectKind::MySql, Some(comment)) = (kind, &table.comment) {
        sql.push_str(" COMMENT = ");
        let _ = write_text(kind, &mut sql, comment);
    }
    sql.push(';');
    let mut statements = vec![sql];
    if kind == DialectKind::Pg {
        if let Some(comment) = &table.comment {
            statements.push(comment_on(table, None, Some(comment)));
        }
        for column in table.columns.iter().filter(|c| c.comment.is_some()) {
            statements.push(comment_on(table, Some(&column.name), column.comment.as_deref()));
        }
    }
    statements.extend(unique_indexes);
    if kind == DialectKind::Pg {
        if table.rls_enabled {
            statements.push(row_security(table, RowSecurityChange::Enable));
        }
        if table.rls_forced {
            statements.push(row_security(table, RowSecurityChange::Force));
        }
        statements.extend(table.policies.iter().map(|policy| create_policy(table, policy)));
    }
    for index in &table.indexes {
        statements.push(create_index(kind, table, index));
    }
    statements
}

/// `CONSTRAINT name UNIQUE [NULLS NOT DISTINCT](columns)`.
pub fn unique_clause(kind: DialectKind, unique: &UniqueModel) -> String {
    let mut line = String::from("CONSTRAINT ");
    ident(kind, &mut line, &unique.name);
    line.push_str(" UNIQUE");
    if unique.nulls_not_distinct {
        line.push_str(" NULLS NOT DISTINCT");
    }
    column_list(kind, &mut line, &unique.columns);
    line
}

/// SQLite's unique constraint: a unique index, as SQLite cannot name a constraint otherwise.
pub fn sqlite_unique_index(table: &TableModel, unique: &UniqueModel) -> String {
    let kind = DialectKind::Sqlite;
    let mut index = String::from("CREATE UNIQUE INDEX ");
    ident(kind, &mut index, &unique.name);
    index.push_str(" ON ");
    qualified(kind, &mut index, table.schema.as_deref(), &table.name);
    index.push(' ');
    column_list(DialectKind::MySql, &mut index, &unique.columns);
    index.push(';');
    index
}

/// `CONSTRAINT name CHECK (condition)`.
pub fn check_clause(kind: DialectKind, check: &CheckModel) -> String {
    let mut line = String::from("CONSTRAINT ");
    ident(kind, &mut line, &check.name);
    let _ = write!(line, " CHECK ({})", check.sql);
    line
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
pub(crate) fn foreign_key_name(table: &str, fk: &super::ForeignKey) -> String {
    fk.name.clone().unwrap_or_else(|| {
        format!(
            "{table}_{}_{}_{}_fk",
            fk.columns.join("_"),
            fk.foreign_table,
            fk.foreign_columns.join("_")
        )
    })
}

/// `ALTER TABLE … DROP FOREIGN KEY …` (MySQL) for the foreign keys of `table` to
/// `targets`: how a cycle of references is opened before its tables are dropped.
pub fn drop_foreign_keys(table: &TableModel, targets: &[&str]) -> Vec<String> {
    table
        .foreign_keys
        .iter()
        .filter(|fk| targets.contains(&fk.foreign_table.as_str()))
        .map(|fk| drop_constraint(DialectKind::MySql, table, ConstraintKind::ForeignKey, &fk.name))
        .collect()
}

/// What kind of constraint a drop removes: MySQL spells each its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    /// A foreign key.
    ForeignKey,
    /// A unique constraint.
    Unique,
    /// A check constraint.
    Check,
    /// A primary key.
    PrimaryKey,
}

/// `ALTER TABLE … DROP CONSTRAINT name;` in the dialect's spelling (not SQLite, which cannot).
pub fn drop_constraint(kind: DialectKind, table: &TableModel, what: ConstraintKind, name: &str) -> String {
    let mut sql = String::from("ALTER TABLE ");
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    match (kind, what) {
        (DialectKind::MySql, ConstraintKind::ForeignKey) => sql.push_str(" DROP FOREIGN KEY "),
        (DialectKind::MySql, ConstraintKind::Unique) => sql.push_str(" DROP INDEX "),
        (DialectKind::MySql, ConstraintKind::PrimaryKey) => {
            sql.push_str(" DROP PRIMARY KEY;");
            return sql;
        }
        // A check on MySQL too: MariaDB has no `DROP CHECK`; it and MySQL 8.0.19+ take this.
        _ => sql.push_str(" DROP CONSTRAINT "),
    }
    ident(kind, &mut sql, name);
    sql.push(';');
    sql
}

/// `ALTER TABLE … ADD <clause>;`.
pub fn add_constraint(kind: DialectKind, table: &TableModel, clause: &str) -> String {
    let mut sql = String::from("ALTER TABLE ");
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    sql.push_str(" ADD ");
    sql.push_str(clause);
    sql.push(';');
    sql
}

/// `CONSTRAINT name FOREIGN KEY (columns) REFERENCES table (columns) …`.
pub fn foreign_key_clause(kind: DialectKind, fk: &ForeignKeyModel) -> String {
    let mut line = String::from("CONSTRAINT ");
    ident(kind, &mut line, &fk.name);
    line.push_str(" FOREIGN KEY ");
    column_list(kind, &mut line, &fk.columns);
    line.push_str(" REFERENCES ");
    qualified(kind, &mut line, fk.foreign_schema.as_deref(), &fk.foreign_table);
    column_list(kind, &mut line, &fk.foreign_columns);
    if let Some(action) = &fk.on_delete {
        let _ = write!(line, " ON DELETE {action}");
    }
    if let Some(action) = &fk.on_update {
        let _ = write!(line, " ON UPDATE {action}");
    }
    line
}

/// `ALTER TABLE … ADD CONSTRAINT …` for the foreign keys of `table` to the tables in
/// `targets`: how a cycle of references is created after all its tables.
pub fn add_foreign_keys(kind: DialectKind, table: &TableModel, targets: &[&str]) -> Vec<String> {
    table
        .foreign_keys
        .iter()
        .filter(|fk| targets.contains(&fk.foreign_table.as_str()))
        .map(|fk| add_constraint(kind, table, &foreign_key_clause(kind, fk)))
        .collect()
}

/// `CREATE [UNIQUE] INDEX name ON table …;`.
pub fn create_index(kind: DialectKind, table: &TableModel, index: &IndexModel) -> String {
    // MySQL spells a FULLTEXT index as its kind, not as a method.
    let fulltext = kind == DialectKind::MySql && index.using.as_deref() == Some("fulltext");
    let mut sql = String::from(if index.unique {
        "CREATE UNIQUE INDEX "
    } else if fulltext {
        "CREATE FULLTEXT INDEX "
    } else {
        "CREATE INDEX "
    });
    if index.concurrently && kind == DialectKind::Pg {
        sql.push_str("CONCURRENTLY ");
    }
    ident(kind, &mut sql, &index.name);
    sql.push_str(" ON ");
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    if let (Some(method), DialectKind::Pg) = (&index.using, kind) {
        sql.push_str(" USING ");
        sql.push_str(method);
    }
    let _ = write!(sql, " ({})", index.keys.join(", "));
    if let (Some(method), DialectKind::MySql, false) = (&index.using, kind, fulltext) {
        sql.push_str(" USING ");
        sql.push_str(method);
    }
    if !index.with.is_empty() && kind == DialectKind::Pg {
        let _ = write!(sql, " WITH ({})", index.with.join(", "));
    }
    if let (Some(condition), DialectKind::Pg | DialectKind::Sqlite) = (&index.where_sql, kind) {
        let _ = write!(sql, " WHERE {condition}");
    }
    if kind == DialectKind::MySql {
        if let Some(algorithm) = &index.algorithm {
            let _ = write!(sql, " ALGORITHM={algorithm}");
        }
        if let Some(lock) = &index.lock {
            let _ = write!(sql, " LOCK={lock}");
        }
    }
    sql.push(';');
    sql
}

/// `DROP INDEX name;` in the dialect's spelling (MySQL names the table).
pub fn drop_index(kind: DialectKind, table: &TableModel, name: &str) -> String {
    let mut sql = String::from("DROP INDEX ");
    if kind == DialectKind::Pg {
        qualified(kind, &mut sql, table.schema.as_deref(), name);
    } else {
        ident(kind, &mut sql, name);
    }
    if kind == DialectKind::MySql {
        sql.push_str(" ON ");
        qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    }
    sql.push(';');
    sql
}

/// An index method: a keyword, or another method's name as a quoted identifier.
pub(crate) fn write_index_method(kind: DialectKind, sql: &mut String, method: &IndexMethod) {
    sql.push_str(match method {
        IndexMethod::Btree => "btree",
        IndexMethod::Hash => "hash",
        IndexMethod::Gin => "gin",
        IndexMethod::Gist => "gist",
        IndexMethod::SpGist => "spgist",
        IndexMethod::Brin => "brin",
        IndexMethod::Fulltext => "fulltext",
        IndexMethod::Named(name) => return ident(kind, sql, name),
    });
}

/// A change to a table's row-level security (PostgreSQL).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowSecurityChange {
    /// `ENABLE ROW LEVEL SECURITY`.
    Enable,
    /// `DISABLE ROW LEVEL SECURITY`.
    Disable,
    /// `FORCE ROW LEVEL SECURITY`.
    Force,
    /// `NO FORCE ROW LEVEL SECURITY`.
    NoForce,
}

/// `ALTER TABLE … ENABLE ROW LEVEL SECURITY;` and the other switches (PostgreSQL).
pub fn row_security(table: &TableModel, change: RowSecurityChange) -> String {
    let mut sql = String::from("ALTER TABLE ");
    qualified(DialectKind::Pg, &mut sql, table.schema.as_deref(), &table.name);
    sql.push_str(match change {
        RowSecurityChange::Enable => " ENABLE",
        RowSecurityChange::Disable => " DISABLE",
        RowSecurityChange::Force => " FORCE",
        RowSecurityChange::NoForce => " NO FORCE",
    });
    sql.push_str(" ROW LEVEL SECURITY;");
    sql
}

/// `CREATE POLICY name ON table [AS RESTRICTIVE] [FOR command] [TO roles] [USING (…)]
/// [WITH CHECK (…)];` (PostgreSQL).
pub fn create_policy(table: &TableModel, policy: &super::model::PolicyModel) -> String {
    let kind = DialectKind::Pg;
    let mut sql = String::from("CREATE POLICY ");
    ident(kind, &mut sql, &policy.name);
    sql.push_str(" ON ");
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    if policy.restrictive {
        sql.push_str(" AS RESTRICTIVE");
    }
    if policy.command != "ALL" {
        let _ = write!(sql, " FOR {}", policy.command);
    }
    if !policy.roles.is_empty() {
        sql.push_str(" TO ");
        for (i, role) in policy.roles.iter().enumerate() {
            if i > 0 {
                sql.push_str(", ");
            }
            ident(kind, &mut sql, role);
        }
    }
    if let Some(using) = &policy.using {
        let _ = write!(sql, " USING ({using})");
    }
    if let Some(check) = &policy.with_check {
        let _ = write!(sql, " WITH CHECK ({check})");
    }
    sql.push(';');
    sql
}

/// `DROP POLICY name ON table;` (PostgreSQL).
pub fn drop_policy(table: &TableModel, name: &str) -> String {
    let mut sql = String::from("DROP POLICY ");
    ident(DialectKind::Pg, &mut sql, name);
    sql.push_str(" ON ");
    qualified(DialectKind::Pg, &mut sql, table.schema.as_deref(), &table.name);
    sql.push(';');
    sql
}

/// The role's options as `CREATE ROLE` and `ALTER ROLE` write them.
fn role_options(role: &super::model::RoleModel) -> String {
    let flag = |on: bool, word: &str| if on { format!(" {word}") } else { format!(" NO{word}") };
    [
        flag(role.login, "LOGIN"),
        flag(role.inherit, "INHERIT"),
        flag(role.create_db, "CREATEDB"),
        flag(role.create_role, "CREATEROLE"),
        flag(role.bypass_rls, "BYPASSRLS"),
    ]
    .concat()
}

/// Creates the role where no role of its name exists (PostgreSQL): roles belong to the
/// whole server, and another database may have made it already.
pub fn create_role(role: &super::model::RoleModel) -> String {
    let kind = DialectKind::Pg;
    let mut sql = String::from("DO $mizzle$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ");
    let _ = write_text(kind, &mut sql, &role.name);
    sql.push_str(") THEN CREATE ROLE ");
    ident(kind, &mut sql, &role.name);
    let _ = write!(sql, " WITH{}; END IF; END $mizzle$;", role_options(role));
    sql
}

/// `ALTER ROLE name WITH …;` (PostgreSQL).
pub fn alter_role(role: &super::model::RoleModel) -> String {
    let mut sql = String::from("ALTER ROLE ");
    ident(DialectKind::Pg, &mut sql, &role.name);
    let _ = write!(sql, " WITH{};", role_options(role));
    sql
}

/// `DROP ROLE IF EXISTS name;` (PostgreSQL).
pub fn drop_role(name: &str) -> String {
    let mut sql = String::from("DROP ROLE IF EXISTS ");
    ident(DialectKind::Pg, &mut sql, name);
    sql.push(';');
    sql
}
