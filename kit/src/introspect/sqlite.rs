//! SQLite's pragmas (and, for what they leave out, the CREATE statements it keeps) read
//! into the schema model.

use super::{rows, text};
use crate::apply::Conn;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, ForeignKeyModel, Fts5Model, GeneratedModel, IndexModel, PrimaryKeyModel, SchemaModel,
    TableModel, ViewModel,
};

pub(super) async fn model(conn: &mut Conn) -> Result<SchemaModel, String> {
    let mut model = SchemaModel::empty(DialectKind::Sqlite);
    let tables = rows::<2>(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .await?;
    // FTS5 keeps each index in shadow tables of its own: they are the index, not tables.
    let fts5_tables: Vec<String> = tables
        .iter()
        .filter(|[_, create]| fts5_arguments(&text(create)).is_some())
        .map(|[name, _]| text(name))
        .collect();
    let shadow = |name: &str| {
        fts5_tables.iter().any(|fts5| {
            name.strip_prefix(fts5.as_str())
                .is_some_and(|rest| ["_data", "_idx", "_content", "_docsize", "_config"].contains(&rest))
        })
    };
    for [name, create] in tables {
        let name = text(&name);
        let create = text(&create);
        if shadow(&name) {
            continue;
        }
        if let Some(arguments) = fts5_arguments(&create) {
            model.tables.push(fts5_table(&name, arguments));
            continue;
        }
        let quoted = name.replace('\'', "''");
        let mut table = TableModel {
            checks: checks(&create),
            ..TableModel::named(None, &name)
        };
        let mut key_columns = Vec::new();
        for [column, sql_type, not_null, default, pk, hidden] in rows::<6>(
            conn,
            &format!(
                "SELECT name, type, CAST(\"notnull\" AS TEXT), dflt_value, CAST(pk AS TEXT), CAST(hidden AS TEXT) \
                 FROM pragma_table_xinfo('{quoted}') ORDER BY cid"
            ),
        )
        .await?
        {
            let column = text(&column);
            if pk.as_deref().is_some_and(|pk| pk != "0") {
                key_columns.push((pk.clone().unwrap_or_default(), column.clone()));
            }
            let generated = match hidden.as_deref() {
                Some("2") | Some("3") => Some(GeneratedModel {
                    sql: generated_expression(&create, &column).unwrap_or_default(),
                    stored: hidden.as_deref() == Some("3"),
                }),
                _ => None,
            };
            table.columns.push(ColumnModel {
                comment: None,
                name: column,
                sql_type: text(&sql_type).to_lowercase(),
                not_null: not_null.as_deref() == Some("1"),
                primary_key: false,
                autoincrement: false,
                identity: None,
                default,
                generated,
            });
        }
        key_columns.sort();
        match key_columns.as_slice() {
            [(_, column)] => {
                if let Some(c) = table.columns.iter_mut().find(|c| &c.name == column) {
                    // A key column holds no NULL, as mizzle declares it, whatever the
                    // pragma says of a rowid alias.
                    c.primary_key = true;
                    c.not_null = true;
                    c.autoincrement = create.to_uppercase().contains("AUTOINCREMENT");
                }
            }
            [] => {}
            several => {
                table.primary_key = Some(PrimaryKeyModel {
                    name: format!(
                        "{name}_{}_pk",
                        several.iter().map(|(_, c)| c.as_str()).collect::<Vec<_>>().join("_")
                    ),
                    columns: several.iter().map(|(_, c)| c.clone()).collect(),
                })
            }
        }
        for [id, foreign_table, from, to, on_update, on_delete] in rows::<6>(
            conn,
            &format!(
                "SELECT CAST(id AS TEXT), \"table\", \"from\", \"to\", on_update, on_delete \
                 FROM pragma_foreign_key_list('{quoted}') ORDER BY id, seq"
            ),
        )
        .await?
        {
            let action = |rule: &Option<String>| rule.clone().filter(|rule| rule != "NO ACTION");
            let id = text(&id);
            match table.foreign_keys.last_mut() {
                Some(last) if last.name == id => {
                    last.columns.push(text(&from));
                    last.foreign_columns.push(text(&to));
                }
                _ => table.foreign_keys.push(ForeignKeyModel {
                    name: id,
                    columns: vec![text(&from)],
                    foreign_schema: None,
                    foreign_table: text(&foreign_table),
                    foreign_columns: vec![text(&to)],
                    on_delete: action(&on_delete),
                    on_update: action(&on_update),
                }),
            }
        }
        // SQLite keeps no foreign key names: the one mizzle gives, from the columns.
        for fk in &mut table.foreign_keys {
            fk.name = format!(
                "{name}_{}_{}_{}_fk",
                fk.columns.join("_"),
                fk.foreign_table,
                fk.foreign_columns.join("_")
            );
        }
        for [index, unique, partial, sql] in rows::<4>(
            conn,
            &format!(
                "SELECT l.name, CAST(l.\"unique\" AS TEXT), CAST(l.partial AS TEXT), m.sql \
                 FROM pragma_index_list('{quoted}') l JOIN sqlite_master m ON m.name = l.name \
                 WHERE l.origin = 'c' ORDER BY l.name"
            ),
        )
        .await?
        {
            let index = text(&index);
            let keys = rows::<2>(
                conn,
                &format!(
                    "SELECT name, CAST(\"desc\" AS TEXT) FROM pragma_index_xinfo('{}') WHERE key = 1 ORDER BY seqno",
                    index.replace('\'', "''")
                ),
            )
            .await?
            .into_iter()
            .map(|[column, desc]| {
                let column = format!("\"{}\"", text(&column));
                if desc.as_deref() == Some("1") {
                    format!("{column} DESC")
                } else {
                    column
                }
            })
            .collect();
            let sql = text(&sql);
            let where_sql = (partial.as_deref() == Some("1"))
                .then(|| sql.rfind(" WHERE ").map(|at| sql[at + 7..].trim().to_owned()))
                .flatten();
            table.indexes.push(IndexModel {
                name: index,
                unique: unique.as_deref() == Some("1"),
                concurrently: false,
                using: None,
                keys,
                where_sql,
                with: Vec::new(),
                algorithm: None,
                lock: None,
            });
        }
        model.tables.push(table);
    }
    for [name, sql] in rows::<2>(
        conn,
        "SELECT name, sql FROM sqlite_master WHERE type = 'view' ORDER BY name",
    )
    .await?
    {
        let sql = text(&sql);
        let body = find_keyword(&sql, " AS ").map_or(sql.as_str(), |at| sql[at + 4..].trim());
        model.views.push(ViewModel {
            name: text(&name),
            sql: body.trim_end_matches(';').to_owned(),
        });
    }
    Ok(model)
}

/// Where `keyword` (upper-case, with its spaces) first occurs in `sql`, in any case.
fn find_keyword(sql: &str, keyword: &str) -> Option<usize> {
    sql.to_uppercase().find(keyword)
}

/// The text inside the parentheses that open at byte `open` of `sql`.
fn parenthesized(sql: &str, open: usize) -> Option<&str> {
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    for (i, c) in sql[open..].char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"' | '`') => quote = Some(c),
            (None, '(') => depth += 1,
            (None, ')') => {
                depth -= 1;
                if depth == 0 {
                    return Some(&sql[open + 1..open + i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// The table's named CHECK constraints, from its CREATE TABLE statement.
fn checks(create: &str) -> Vec<CheckModel> {
    let upper = create.to_uppercase();
    let mut checks = Vec::new();
    let mut from = 0;
    while let Some(found) = upper[from..].find("CONSTRAINT ") {
        let at = from + found + "CONSTRAINT ".len();
        from = at;
        let rest = &create[at..];
        let name_end = match rest.chars().next() {
            Some(quote @ ('"' | '`')) => rest[1..].find(quote).map(|e| e + 2),
            Some('[') => rest.find(']').map(|e| e + 1),
            _ => rest.find(char::is_whitespace),
        };
        let Some(name_end) = name_end else { break };
        let name = rest[..name_end]
            .trim_matches(|c| c == '"' || c == '`' || c == '[' || c == ']')
            .to_owned();
        let after = rest[name_end..].trim_start();
        if after.to_uppercase().starts_with("CHECK") {
            let open = at + name_end + (rest[name_end..].len() - after.len()) + after.find('(').unwrap_or(0);
            if let Some(condition) = parenthesized(create, open) {
                checks.push(CheckModel {
                    name,
                    sql: condition.trim().to_owned(),
                });
            }
        }
    }
    checks
}

/// A generated column's expression, from its table's CREATE TABLE statement: the
/// definition (between top-level commas) that starts with the column's name.
fn generated_expression(create: &str, column: &str) -> Option<String> {
    let open = create.find('(')?;
    let body = parenthesized(create, open)?;
    let mut depth = 0usize;
    let mut start = 0;
    let mut definitions = Vec::new();
    for (i, c) in body.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                definitions.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    definitions.push(&body[start..]);
    let definition = definitions.into_iter().map(str::trim).find(|definition| {
        let name_end = definition[1..]
            .find(|c: char| c == '"' || c == '`' || c == ']' || c.is_whitespace())
            .map_or(definition.len(), |end| end + 1);
        definition[..name_end].trim_matches(|c| c == '"' || c == '`' || c == '[') == column
    })?;
    let at = definition.to_uppercase().find(" AS (")?;
    parenthesized(definition, at + " AS ".len()).map(|sql| sql.trim().to_owned())
}

/// What is between the parentheses of `CREATE VIRTUAL TABLE … USING fts5(…)`, if `create`
/// makes an FTS5 table.
fn fts5_arguments(create: &str) -> Option<&str> {
    let upper = create.to_ascii_uppercase();
    if !upper.starts_with("CREATE VIRTUAL TABLE") {
        return None;
    }
    let start = upper.find("USING FTS5(")? + "USING FTS5(".len();
    let end = create.rfind(')')?;
    create.get(start..end)
}

/// An FTS5 table from its arguments: columns (names, maybe quoted, maybe `UNINDEXED`)
/// and `option = 'value'` pairs.
fn fts5_table(name: &str, arguments: &str) -> TableModel {
    let mut table = TableModel::named(None, name);
    let mut fts5 = Fts5Model {
        content: None,
        content_rowid: None,
        tokenize: None,
    };
    for argument in split_arguments(arguments) {
        match argument.split_once('=') {
            Some((option, value)) => {
                let value = unquote(value.trim());
                match option.trim().to_ascii_lowercase().as_str() {
                    "content" => fts5.content = Some(value),
                    "content_rowid" => fts5.content_rowid = Some(value),
                    "tokenize" => fts5.tokenize = Some(value),
                    _ => {}
                }
            }
            None => {
                table.columns.push(ColumnModel::fts5(&unquote(leading_name(argument))));
            }
        }
    }
    table.fts5 = Some(fts5);
    table
}

/// The comma-separated arguments, commas inside quotes left alone.
fn split_arguments(arguments: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quote = None;
    let mut start = 0;
    for (i, c) in arguments.char_indices() {
        match (quote, c) {
            (None, '\'' | '"' | '`') => quote = Some(c),
            (Some(open), _) if c == open => quote = None,
            (None, ',') => {
                parts.push(arguments[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(arguments[start..].trim());
    parts.retain(|part| !part.is_empty());
    parts
}

/// The name a column argument starts with, quoted or not (`"Display Name" UNINDEXED`).
fn leading_name(argument: &str) -> &str {
    let argument = argument.trim_start();
    match argument.chars().next() {
        Some(quote @ ('\'' | '"' | '`')) => {
            // The closing quote is one not doubled.
            let bytes = argument.as_bytes();
            let mut at = 1;
            while at < bytes.len() {
                if bytes[at] == quote as u8 {
                    if bytes.get(at + 1) == Some(&(quote as u8)) {
                        at += 2;
                        continue;
                    }
                    return &argument[..=at];
                }
                at += 1;
            }
            argument
        }
        _ => argument.split_whitespace().next().unwrap_or_default(),
    }
}

/// A name or text without its quotes, doubled quotes made single.
fn unquote(word: &str) -> String {
    let mut chars = word.chars();
    match (chars.next(), word.chars().last()) {
        (Some(open @ ('\'' | '"' | '`')), Some(close)) if open == close && word.len() >= 2 => {
            let inner = &word[1..word.len() - 1];
            inner.replace(&format!("{open}{open}"), &open.to_string())
        }
        _ => word.to_owned(),
    }
}

#[cfg(test)]
mod fts5_tests {
    use super::fts5_table;

    #[test]
    fn fts5_arguments_keep_quoted_names_whole() {
        let table = fts5_table(
            "notes_fts",
            r#"title, "Display Name" UNINDEXED, `it``s`, content='notes', content_rowid='id', tokenize='porter unicode61'"#,
        );
        let names: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["title", "Display Name", "it`s"]);
        let fts5 = table.fts5.unwrap();
        assert_eq!(fts5.content.as_deref(), Some("notes"));
        assert_eq!(fts5.tokenize.as_deref(), Some("porter unicode61"));
    }
}
