//! Staged edits: rows inserted, changed and deleted on the page, checked, then applied
//! together in one transaction.

use super::query::{Col, Sql, Writer};
use super::tables::Table;
use mizzle_dsl::dialect::DialectKind;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// One staged edit.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Change {
    /// The table.
    pub table: String,
    /// `insert`, `update` or `delete`.
    pub op: String,
    /// The row's key (update, delete): column to value, as text.
    #[serde(default)]
    pub key: Map<String, Json>,
    /// The values given (insert, update): column to value, as text or null.
    #[serde(default)]
    pub values: Map<String, Json>,
}

/// A problem with one field of one edit, shown on that field.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct FieldError {
    /// Which edit, counting from 0.
    pub change: usize,
    /// The column; empty for the edit as a whole.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

/// Checks a row's values before they are sent: `(table, insert?, values)` to the problems
/// of each field. The application's validators, when the studio runs with its schema.
pub type RowCheck = std::sync::Arc<dyn Fn(&str, bool, &Map<String, Json>) -> Vec<(String, String)> + Send + Sync>;

/// The statement of `change` on `table`.
pub fn statement(dialect: DialectKind, table: &Table, change: &Change) -> Result<Sql, String> {
    let columns = table.cols();
    let column = |name: &str| {
        columns
            .iter()
            .find(|column| column.name == name)
            .ok_or_else(|| format!("`{}` has no column `{name}`", table.name))
    };
    let mut sql = Writer::new(dialect);
    match change.op.as_str() {
        "insert" => {
            sql.push("INSERT INTO ").table(&table.sql_name);
            if change.values.is_empty() {
                sql.push(if dialect == DialectKind::MySql {
                    " () VALUES ()"
                } else {
                    " DEFAULT VALUES"
                });
                return Ok(sql.finish());
            }
            sql.push(" (");
            for (i, name) in change.values.keys().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.name(&column(name)?.name);
            }
            sql.push(") VALUES (");
            for (i, (name, value)) in change.values.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.value(column(name)?, text(value).as_deref());
            }
            sql.push(")");
        }
        "update" => {
            if change.values.is_empty() {
                return Err("the edit changes no column".to_owned());
            }
            sql.push("UPDATE ").table(&table.sql_name).push(" SET ");
            for (i, (name, value)) in change.values.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                let column = column(name)?;
                sql.name(&column.name).push(" = ").value(column, text(value).as_deref());
            }
            write_key(&mut sql, table, &table.key_cols(), &change.key)?;
        }
        "delete" => {
            sql.push("DELETE FROM ").table(&table.sql_name);
            write_key(&mut sql, table, &table.key_cols(), &change.key)?;
        }
        op => return Err(format!("the edit `{op}` is none of insert, update, delete")),
    }
    Ok(sql.finish())
}

fn write_key(sql: &mut Writer, table: &Table, key: &[Col], given: &Map<String, Json>) -> Result<(), String> {
    if key.is_empty() {
        return Err(format!(
            "`{}` has no primary key: its rows cannot be told apart",
            table.name
        ));
    }
    sql.push(" WHERE ");
    for (i, column) in key.iter().enumerate() {
        if i > 0 {
            sql.push(" AND ");
        }
        let value = given
            .get(&column.name)
            .and_then(text)
            .ok_or_else(|| format!("the row's key `{}` is missing", column.name))?;
        sql.name(&column.name).push(" = ").value(column, Some(&value));
    }
    Ok(())
}

/// A JSON value as the text parameter it is sent as; null as NULL.
fn text(value: &Json) -> Option<String> {
    match value {
        Json::Null => None,
        Json::String(text) => Some(text.clone()),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::{statement, Change};
    use crate::studio::tables::{Column, Table};
    use mizzle_dsl::dialect::DialectKind;
    use serde_json::json;

    fn users() -> Table {
        let column = |name: &str, sql_type: &str, nullable| Column {
            name: name.to_owned(),
            sql_type: sql_type.to_owned(),
            nullable,
            kind: "text",
            has_default: false,
            computed: false,
        };
        Table {
            name: "users".to_owned(),
            sql_name: (None, "users".to_owned()),
            columns: vec![column("id", "integer", false), column("name", "text", true)],
            key: vec!["id".to_owned()],
            references: Vec::new(),
            referenced_by: Vec::new(),
        }
    }

    fn change(op: &str, key: serde_json::Value, values: serde_json::Value) -> Change {
        serde_json::from_value(json!({ "table": "users", "op": op, "key": key, "values": values })).unwrap()
    }

    #[test]
    fn each_edit_is_one_statement_with_its_values_bound() {
        let update = statement(
            DialectKind::Pg,
            &users(),
            &change("update", json!({"id": "7"}), json!({"name": null})),
        )
        .unwrap();
        assert_eq!(
            update.text,
            r#"UPDATE "users" SET "name" = CAST($1::text AS text) WHERE "id" = CAST($2::text AS integer)"#
        );
        assert_eq!(update.params, [None, Some("7".to_owned())]);
        let insert = statement(
            DialectKind::MySql,
            &users(),
            &change("insert", json!({}), json!({"name": "Ada"})),
        )
        .unwrap();
        assert_eq!(insert.text, "INSERT INTO `users` (`name`) VALUES (?)");
        assert_eq!(insert.params, [Some("Ada".to_owned())]);
        let delete = statement(
            DialectKind::Sqlite,
            &users(),
            &change("delete", json!({"id": 3}), json!({})),
        )
        .unwrap();
        assert_eq!(delete.text, r#"DELETE FROM "users" WHERE "id" = ?"#);
        assert_eq!(delete.params, [Some("3".to_owned())]);
    }

    #[test]
    fn an_edit_without_its_key_or_of_an_unknown_column_is_refused() {
        let error = statement(DialectKind::Pg, &users(), &change("delete", json!({}), json!({}))).unwrap_err();
        assert_eq!(error, "the row's key `id` is missing");
        let error = statement(
            DialectKind::Pg,
            &users(),
            &change("update", json!({"id": "1"}), json!({"nick": "x"})),
        )
        .unwrap_err();
        assert_eq!(error, "`users` has no column `nick`");
    }
}
