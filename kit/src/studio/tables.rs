//! The tables as the studio shows them: columns, key, foreign keys both ways, and how the
//! page filters each column, from the schema or from the database itself.

use super::query::Col;
use mizzle_dsl::schema::model::{SchemaModel, TableModel};
use serde::Serialize;

/// One table.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    /// Its name (qualified by its schema when not the default one).
    pub name: String,
    /// Its schema, when not the default one, and its own name, for SQL.
    #[serde(skip)]
    pub sql_name: (Option<String>, String),
    /// Its columns.
    pub columns: Vec<Column>,
    /// Its primary key's columns.
    pub key: Vec<String>,
    /// Its foreign keys: the rows it refers to.
    pub references: Vec<Link>,
    /// The foreign keys of other tables that refer to it.
    pub referenced_by: Vec<Link>,
}

/// One column.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Its name.
    pub name: String,
    /// Its SQL type.
    #[serde(rename = "type")]
    pub sql_type: String,
    /// Whether it may be NULL.
    pub nullable: bool,
    /// How the page filters it: `number`, `text`, `boolean`, `time` or `other`.
    pub kind: &'static str,
    /// Whether the database gives it when an insert leaves it out (a default, a key it
    /// makes up, a generated value).
    pub has_default: bool,
    /// Whether the database computes it (generated, or an identity it always makes).
    pub computed: bool,
}

/// A foreign key, seen from one side.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// The other table.
    pub table: String,
    /// The columns on this side.
    pub columns: Vec<String>,
    /// The columns on the other side.
    pub other_columns: Vec<String>,
}

impl Table {
    /// The columns as the page's SQL uses them.
    pub fn cols(&self) -> Vec<Col> {
        self.columns
            .iter()
            .map(|column| Col {
                name: column.name.clone(),
                sql_type: column.sql_type.clone(),
                nullable: column.nullable,
            })
            .collect()
    }

    /// The key's columns as the page's SQL uses them.
    pub fn key_cols(&self) -> Vec<Col> {
        let cols = self.cols();
        self.key
            .iter()
            .filter_map(|name| cols.iter().find(|column| &column.name == name).cloned())
            .collect()
    }
}

/// Every table of `model`, with the links between them.
pub fn tables(model: &SchemaModel) -> Vec<Table> {
    let mut tables: Vec<Table> = model
        .tables
        .iter()
        .filter(|table| table.fts5.is_none())
        .map(|table| Table {
            name: qualified(table.schema.as_deref(), &table.name),
            sql_name: (table.schema.clone(), table.name.clone()),
            key: key_of(table),
            columns: table
                .columns
                .iter()
                .map(|column| Column {
                    name: column.name.clone(),
                    kind: kind_of(&column.sql_type),
                    sql_type: column.sql_type.clone(),
                    nullable: !column.not_null && !column.primary_key,
                    has_default: column.default.is_some()
                        || column.autoincrement
                        || column.identity.is_some()
                        || column.generated.is_some()
                        || column.sql_type.contains("serial"),
                    computed: column.generated.is_some() || column.identity.as_deref() == Some("always"),
                })
                .collect(),
            references: table
                .foreign_keys
                .iter()
                .map(|fk| Link {
                    table: qualified(fk.foreign_schema.as_deref(), &fk.foreign_table),
                    columns: fk.columns.clone(),
                    other_columns: fk.foreign_columns.clone(),
                })
                .collect(),
            referenced_by: Vec::new(),
        })
        .collect();
    for i in 0..tables.len() {
        for j in 0..tables.len() {
            let back: Vec<Link> = tables[j]
                .references
                .iter()
                .filter(|link| link.table == tables[i].name)
                .map(|link| Link {
                    table: tables[j].name.clone(),
                    columns: link.other_columns.clone(),
                    other_columns: link.columns.clone(),
                })
                .collect();
            tables[i].referenced_by.extend(back);
        }
    }
    tables
}

fn qualified(schema: Option<&str>, name: &str) -> String {
    match schema {
        Some(schema) => format!("{schema}.{name}"),
        None => name.to_owned(),
    }
}

fn key_of(table: &TableModel) -> Vec<String> {
    match &table.primary_key {
        Some(key) => key.columns.clone(),
        None => table
            .columns
            .iter()
            .filter(|column| column.primary_key)
            .map(|column| column.name.clone())
            .collect(),
    }
}

/// How the page filters a column of `sql_type`.
fn kind_of(sql_type: &str) -> &'static str {
    let base = sql_type.to_ascii_lowercase();
    let base = base.split('(').next().unwrap_or_default().trim();
    match base {
        "smallint" | "integer" | "int" | "bigint" | "tinyint" | "mediumint" | "serial" | "bigserial"
        | "smallserial" | "real" | "double precision" | "double" | "float" | "numeric" | "decimal" | "int2"
        | "int4" | "int8" | "float4" | "float8" | "money" => "number",
        "boolean" | "bool" => "boolean",
        "date"
        | "time"
        | "timestamp"
        | "timestamptz"
        | "datetime"
        | "timestamp with time zone"
        | "timestamp without time zone"
        | "time with time zone"
        | "time without time zone"
        | "interval" => "time",
        "text" | "varchar" | "char" | "character varying" | "character" | "citext" | "tinytext" | "mediumtext"
        | "longtext" | "uuid" | "enum" => "text",
        _ if base.starts_with("int") || base.ends_with(" unsigned") => "number",
        _ => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::kind_of;

    #[test]
    fn columns_are_filtered_by_the_kind_of_their_type() {
        assert_eq!(kind_of("integer"), "number");
        assert_eq!(kind_of("numeric(10,2)"), "number");
        assert_eq!(kind_of("varchar(255)"), "text");
        assert_eq!(kind_of("timestamp with time zone"), "time");
        assert_eq!(kind_of("boolean"), "boolean");
        assert_eq!(kind_of("jsonb"), "other");
    }
}
