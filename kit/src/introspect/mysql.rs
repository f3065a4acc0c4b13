//! MySQL's and MariaDB's information_schema read into the schema model: the connection's
//! current database.

use super::{rows, text};
use crate::apply::Conn;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, ForeignKeyModel, GeneratedModel, IndexModel, PrimaryKeyModel, SchemaModel, TableModel,
    UniqueModel, ViewModel,
};

pub(super) async fn model(conn: &mut Conn) -> Result<SchemaModel, String> {
    let mut model = SchemaModel::empty(DialectKind::MySql);
    for [name, comment] in rows::<2>(
        conn,
        "SELECT table_name, table_comment FROM information_schema.tables WHERE table_schema = database() \
         AND table_type = 'BASE TABLE' ORDER BY table_name",
    )
    .await?
    {
        model.tables.push(TableModel {
            comment: comment.filter(|c| !c.is_empty()),
            ..TableModel::named(None, &text(&name))
        });
    }
    for [table_name, name, sql_type, nullable, default, extra, expression, comment] in rows::<8>(
        conn,
        "SELECT table_name, column_name, column_type, is_nullable, column_default, extra, generation_expression, \
         column_comment \
         FROM information_schema.columns WHERE table_schema = database() ORDER BY table_name, ordinal_position",
    )
    .await?
    {
        let Some(table) = table(&mut model, &table_name) else {
            continue;
        };
        let extra = text(&extra).to_lowercase();
        let generated = (extra.contains("generated")).then(|| GeneratedModel {
            sql: text(&expression),
            stored: extra.contains("stored"),
        });
        table.columns.push(ColumnModel {
            comment: comment.filter(|c| !c.is_empty()),
            name: text(&name),
            sql_type: text(&sql_type),
            not_null: nullable.as_deref() == Some("NO"),
            primary_key: false,
            autoincrement: extra.contains("auto_increment"),
            identity: None,
            // MariaDB writes a nullable column's missing default as the text NULL.
            default: default.filter(|d| d != "NULL" && generated.is_none()),
            generated,
        });
    }
    let mut keys: Vec<(String, String, String, Vec<String>)> = Vec::new();
    for [table_name, name, kind, column] in rows::<4>(
        conn,
        "SELECT tc.table_name, tc.constraint_name, tc.constraint_type, k.column_name \
         FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k \
         ON k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name \
         AND k.constraint_name = tc.constraint_name \
         WHERE tc.table_schema = database() AND tc.constraint_type IN ('PRIMARY KEY', 'UNIQUE') \
         ORDER BY tc.table_name, tc.constraint_name, k.ordinal_position",
    )
    .await?
    {
        let key = (text(&table_name), text(&name), text(&kind));
        match keys.last_mut() {
            Some(last) if (&last.0, &last.1, &last.2) == (&key.0, &key.1, &key.2) => last.3.push(text(&column)),
            _ => keys.push((key.0, key.1, key.2, vec![text(&column)])),
        }
    }
    let mut constraint_indexes = Vec::new();
    for (table_name, name, kind, columns) in keys {
        let Some(table) = table(&mut model, &Some(table_name.clone())) else {
            continue;
        };
        constraint_indexes.push((table_name, name.clone()));
        match kind.as_str() {
            "PRIMARY KEY" if columns.len() == 1 => {
                if let Some(column) = table.columns.iter_mut().find(|c| c.name == columns[0]) {
                    column.primary_key = true;
                }
            }
            "PRIMARY KEY" => table.primary_key = Some(PrimaryKeyModel { name, columns }),
            _ => table.uniques.push(UniqueModel {
                name,
                columns,
                nulls_not_distinct: false,
            }),
        }
    }
    let mut foreign: Vec<ForeignKeyModel> = Vec::new();
    let mut foreign_tables: Vec<String> = Vec::new();
    for [table_name, name, column, foreign_table, foreign_column, on_delete, on_update] in rows::<7>(
        conn,
        "SELECT k.table_name, k.constraint_name, k.column_name, k.referenced_table_name, k.referenced_column_name, \
         r.delete_rule, r.update_rule FROM information_schema.key_column_usage k \
         JOIN information_schema.referential_constraints r ON r.constraint_schema = k.constraint_schema \
         AND r.constraint_name = k.constraint_name AND r.table_name = k.table_name \
         WHERE k.table_schema = database() AND k.referenced_table_name IS NOT NULL \
         ORDER BY k.table_name, k.constraint_name, k.ordinal_position",
    )
    .await?
    {
        let action = |rule: &Option<String>| rule.clone().filter(|rule| rule != "RESTRICT" && rule != "NO ACTION");
        match foreign.last_mut() {
            Some(last) if last.name == text(&name) && foreign_tables.last() == Some(&text(&table_name)) => {
                last.columns.push(text(&column));
                last.foreign_columns.push(text(&foreign_column));
            }
            _ => {
                foreign_tables.push(text(&table_name));
                foreign.push(ForeignKeyModel {
                    name: text(&name),
                    columns: vec![text(&column)],
                    foreign_schema: None,
                    foreign_table: text(&foreign_table),
                    foreign_columns: vec![text(&foreign_column)],
                    on_delete: action(&on_delete),
                    on_update: action(&on_update),
                });
            }
        }
    }
    for (table_name, fk) in foreign_tables.into_iter().zip(foreign) {
        if let Some(table) = table(&mut model, &Some(table_name.clone())) {
            constraint_indexes.push((table_name, fk.name.clone()));
            table.foreign_keys.push(fk);
        }
    }
    for [table_name, name, clause] in rows::<3>(
        conn,
        "SELECT table_name, constraint_name, check_clause FROM information_schema.check_constraints \
         WHERE constraint_schema = database() ORDER BY table_name, constraint_name",
    )
    .await?
    {
        let Some(table) = table(&mut model, &table_name) else {
            continue;
        };
        // MariaDB lists a column's own CHECK under the column's name; it is the column's.
        if table.columns.iter().any(|c| Some(&c.name) == name.as_ref()) {
            continue;
        }
        table.checks.push(CheckModel {
            name: text(&name),
            sql: text(&clause),
        });
    }
    let mut indexes: Vec<(String, IndexModel)> = Vec::new();
    for [table_name, name, non_unique, column, sub_part, index_type, collation] in rows::<7>(
        conn,
        "SELECT table_name, index_name, non_unique, column_name, sub_part, index_type, collation \
         FROM information_schema.statistics WHERE table_schema = database() AND index_name <> 'PRIMARY' \
         ORDER BY table_name, index_name, seq_in_index",
    )
    .await?
    {
        let (table_name, name) = (text(&table_name), text(&name));
        if constraint_indexes.iter().any(|(t, n)| *t == table_name && *n == name) {
            continue;
        }
        let mut key = match sub_part {
            Some(length) => format!("`{}`({length})", text(&column)),
            None => format!("`{}`", text(&column)),
        };
        if collation.as_deref() == Some("D") {
            key.push_str(" DESC");
        }
        match indexes.last_mut() {
            Some((t, index)) if *t == table_name && index.name == name => index.keys.push(key),
            _ => {
                let kind = text(&index_type);
                indexes.push((
                    table_name,
                    IndexModel {
                        name,
                        unique: non_unique.as_deref() == Some("0"),
                        concurrently: false,
                        using: (kind != "BTREE").then(|| kind.to_lowercase()),
                        keys: vec![key],
                        where_sql: None,
                        with: Vec::new(),
                        algorithm: None,
                        lock: None,
                    },
                ))
            }
        }
    }
    for (table_name, index) in indexes {
        if let Some(table) = table(&mut model, &Some(table_name)) {
            table.indexes.push(index);
        }
    }
    for [name, definition, database] in rows::<3>(
        conn,
        "SELECT table_name, view_definition, database() FROM information_schema.views \
         WHERE table_schema = database() ORDER BY table_name",
    )
    .await?
    {
        // The server qualifies every name with the database's: the view reads its own.
        let qualifier = format!("`{}`.", text(&database).replace('`', "``"));
        model.views.push(ViewModel {
            name: text(&name),
            sql: text(&definition).replace(&qualifier, ""),
        });
    }
    Ok(model)
}

fn table<'m>(model: &'m mut SchemaModel, name: &Option<String>) -> Option<&'m mut TableModel> {
    model.tables.iter_mut().find(|t| Some(&t.name) == name.as_ref())
}
