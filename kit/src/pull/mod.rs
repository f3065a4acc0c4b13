//! `pull`: a live database written as Rust source — its enums, a `table!` per table
//! with every column, key, check and index, `relations!` from its foreign keys, and a
//! `schema()` function — that compiles as is and reads as if written by hand.

mod names;
mod types;

use crate::apply::connect;
use crate::introspect;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{ForeignKeyModel, Fts5Model, SchemaModel, TableModel};
use names::{camel, ident, keeps_name, literal};
use std::fmt::Write as _;

/// The Rust source of the database at `url` (the journal table `journal` left out), with
/// the tables of the PostgreSQL schemas `schemas` besides the connection's own.
pub async fn pull(url: &str, journal: &str, schemas: &[String]) -> Result<String, String> {
    let mut conn = connect(url).await?;
    let model = introspect::model_of(&mut conn, &[journal], schemas).await?;
    source(&model)
}

/// The module a table is declared in: its name, or, when another schema has a table of
/// the same name, its schema's name and its own.
fn module(model: &SchemaModel, schema: Option<&str>, name: &str) -> String {
    let shared = model.tables.iter().filter(|t| t.name == name).count() > 1;
    match schema {
        Some(schema) if shared => ident(&format!("{schema}_{name}")),
        _ => ident(name),
    }
}

/// `source` formatted by rustfmt (edition 2021), or as it is when rustfmt cannot run.
pub fn rustfmt(source: String) -> String {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("rustfmt")
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else { return source };
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(source.as_bytes());
    }
    match child.wait_with_output() {
        Ok(output) if output.status.success() => String::from_utf8(output.stdout).unwrap_or(source),
        _ => source,
    }
}

/// The module path of a dialect's column types, and the dialect's type.
fn dialect(kind: DialectKind) -> (&'static str, &'static str) {
    match kind {
        DialectKind::Pg => ("pg", "Pg"),
        DialectKind::MySql => ("mysql", "MySql"),
        DialectKind::Sqlite => ("sqlite", "Sqlite"),
    }
}

/// A `RefAction` for an action's SQL.
fn action(sql: &str) -> &'static str {
    match sql {
        "CASCADE" => "Cascade",
        "RESTRICT" => "Restrict",
        "SET NULL" => "SetNull",
        "SET DEFAULT" => "SetDefault",
        _ => "NoAction",
    }
}

/// The Rust source of `model`.
pub fn source(model: &SchemaModel) -> Result<String, String> {
    let kind = model.kind()?;
    if model.tables.is_empty() {
        return Err("the database has no tables to pull".to_owned());
    }
    let (types_module, dialect_type) = dialect(kind);
    let enums: Vec<(String, Vec<String>)> = model.enums.iter().map(|e| (e.name.clone(), e.values.clone())).collect();
    let mut declared: Vec<(String, Vec<String>)> = Vec::new();
    let mut tables = String::new();
    for table in &model.tables {
        tables.push_str(&table_source(model, dialect_type, table, &enums, &mut declared)?);
    }
    let mut out = format!(
        "//! The database's schema as `mizzle pull` read it: one `table!` per table, the relations\n\
         //! its foreign keys imply, and `schema()` for migrations. It is yours to edit now.\n\n\
         use mizzle::{types_module}::*;\n"
    );
    if model.tables.iter().any(|t| {
        t.foreign_keys
            .iter()
            .any(|fk| fk.on_delete.is_some() || fk.on_update.is_some())
    }) {
        out.push_str("use mizzle::schema::RefAction;\n");
    }
    for (name, members) in &declared {
        out.push_str(&enum_source(name, members));
    }
    out.push_str(&tables);
    out.push_str(&relations_source(model));
    out.push_str(&format!(
        "\n/// Every table, sequence and view: for `mizzle::kit::cli::main_with_schema(&schema())`.\n\
         pub fn schema() -> mizzle::schema::Schema<{dialect_type}> {{\n    mizzle::schema::Schema::new()"
    ));
    for table in &model.tables {
        let _ = write!(
            out,
            "\n        .table({}::table)",
            module(model, table.schema.as_deref(), &table.name)
        );
    }
    // Sequences no column owns, with each setting the database reports.
    for sequence in model.sequences.iter().filter(|s| s.schema.is_none()) {
        let _ = write!(
            out,
            "\n        .sequence(mizzle::schema::Sequence::new({})",
            literal(&sequence.name)
        );
        for (setting, value) in [
            ("increment", sequence.increment),
            ("min", sequence.min),
            ("max", sequence.max),
            ("start", sequence.start),
            ("cache", sequence.cache),
        ] {
            if let Some(value) = value {
                let _ = write!(out, ".{setting}({value})");
            }
        }
        if sequence.cycle {
            out.push_str(".cycle()");
        }
        out.push(')');
    }
    // Views as the database keeps their query: raw SQL, typed queries being yours to write.
    for view in &model.views {
        let _ = write!(
            out,
            "\n        .view({}, &mizzle::sql::<mizzle::types::Text>({}))",
            literal(&view.name),
            literal(&view.sql)
        );
    }
    out.push_str("\n}\n");
    Ok(out)
}

fn enum_source(name: &str, members: &[String]) -> String {
    let rust = camel(name);
    let mut out =
        format!("\n/// The enum `{name}`.\n#[derive(Debug, Clone, Copy, PartialEq, Eq)]\npub enum {rust} {{\n");
    let variants: Vec<String> = members.iter().map(|m| camel(m)).collect();
    for (member, variant) in members.iter().zip(&variants) {
        let _ = writeln!(out, "    /// `{member}`.\n    {variant},");
    }
    let _ = write!(
        out,
        "}}\n\nimpl mizzle::types::SqlEnum for {rust} {{\n    const TYPE_NAME: &'static str = {};\n    \
         const MEMBERS: &'static [&'static str] = &[{}];\n\n    fn as_member(&self) -> &'static str {{\n        \
         match self {{\n",
        literal(name),
        members.iter().map(|m| literal(m)).collect::<Vec<_>>().join(", ")
    );
    for (member, variant) in members.iter().zip(&variants) {
        let _ = writeln!(out, "            {rust}::{variant} => {},", literal(member));
    }
    out.push_str("        }\n    }\n\n    fn from_member(member: &str) -> Option<Self> {\n        match member {\n");
    for (member, variant) in members.iter().zip(&variants) {
        let _ = writeln!(out, "            {} => Some({rust}::{variant}),", literal(member));
    }
    out.push_str("            _ => None,\n        }\n    }\n}\n");
    out
}

/// A comment as doc comment lines, each indented by `indent`.
fn doc_lines(comment: &str, indent: &str) -> String {
    comment
        .lines()
        .map(|line| format!("{indent}/// {}\n", line.trim_end()).replace("/// \n", "///\n"))
        .collect()
}

/// A column's name in `table!`: the identifier, with the SQL name when it differs.
fn column_name(sql: &str) -> String {
    if keeps_name(sql) {
        ident(sql)
    } else {
        format!("{}({})", ident(sql), literal(sql))
    }
}

fn table_source(
    model: &SchemaModel,
    dialect_type: &str,
    table: &TableModel,
    enums: &[(String, Vec<String>)],
    declared: &mut Vec<(String, Vec<String>)>,
) -> Result<String, String> {
    let kind = model.kind()?;
    let table_ident = module(model, table.schema.as_deref(), &table.name);
    let sql_name = if keeps_name(&table.name) && table_ident == ident(&table.name) {
        String::new()
    } else {
        format!("({})", literal(&table.name))
    };
    let in_schema = table
        .schema
        .as_deref()
        .map(|schema| format!(" schema {}", literal(schema)))
        .unwrap_or_default();
    let doc = match &table.comment {
        Some(comment) => doc_lines(comment, "    "),
        None => format!("    /// The `{}` table.\n", table.name),
    };
    let mut out =
        format!("\nmizzle::table! {{\n{doc}    pub {table_ident}{sql_name}{in_schema} in {dialect_type} {{\n");
    if let Some(fts5) = &table.fts5 {
        return Ok(fts5_source(model, table, fts5, out));
    }
    let single_uniques: Vec<_> = table.uniques.iter().filter(|u| u.columns.len() == 1).collect();
    for column in &table.columns {
        let mapped = types::map(kind, &column.sql_type, enums, &table.name, &column.name)?;
        if let Some(declare) = mapped.declare {
            if !declared.iter().any(|(name, _)| *name == declare.0) {
                declared.push(declare);
            }
        }
        let mut modifiers: Vec<String> = Vec::new();
        if column.primary_key {
            modifiers.push("primary_key".to_owned());
        } else if column.not_null {
            modifiers.push("not_null".to_owned());
        }
        if column.autoincrement && kind != DialectKind::Pg {
            modifiers.push("autoincrement".to_owned());
        }
        match column.identity.as_deref() {
            Some("always") => modifiers.push("identity_always".to_owned()),
            Some(_) => modifiers.push("identity_by_default".to_owned()),
            None => {}
        }
        for unique in single_uniques.iter().filter(|u| u.columns[0] == column.name) {
            modifiers.push(format!("unique_named({})", literal(&unique.name)));
            if unique.nulls_not_distinct {
                modifiers.push("nulls_not_distinct".to_owned());
            }
        }
        if let Some(default) = &column.default {
            modifiers.push(format!("default_sql({})", literal(default)));
        }
        if let Some(generated) = &column.generated {
            let which = if generated.stored {
                "generated_stored"
            } else {
                "generated_virtual"
            };
            modifiers.push(format!("{which}({})", literal(&generated.sql)));
        }
        if let Some(comment) = &column.comment {
            out.push_str(&doc_lines(comment, "        "));
            modifiers.push(format!("comment({})", literal(comment)));
        }
        let modifiers = if modifiers.is_empty() {
            String::new()
        } else {
            format!(" [{}]", modifiers.join(", "))
        };
        let _ = writeln!(
            out,
            "        {}: {}{modifiers},",
            column_name(&column.name),
            mapped.rust
        );
    }
    out.push_str("    }\n");
    let mut define = Vec::new();
    if let Some(comment) = &table.comment {
        define.push(format!("t.comment({});", literal(comment)));
    }
    let columns_of = |columns: &[String]| -> String {
        let idents: Vec<String> = columns.iter().map(|c| ident(c)).collect();
        if idents.len() == 1 {
            idents[0].clone()
        } else {
            format!("({})", idents.join(", "))
        }
    };
    if let Some(key) = &table.primary_key {
        // MySQL calls every primary key PRIMARY, whatever it was given.
        let named = if kind == DialectKind::MySql && key.name == "PRIMARY" {
            String::new()
        } else {
            format!(".named({})", literal(&key.name))
        };
        define.push(format!("t.primary_key({}){named};", columns_of(&key.columns)));
    }
    for unique in table.uniques.iter().filter(|u| u.columns.len() > 1) {
        let nulls = if unique.nulls_not_distinct {
            ".nulls_not_distinct()"
        } else {
            ""
        };
        define.push(format!(
            "t.unique({}).named({}){nulls};",
            columns_of(&unique.columns),
            literal(&unique.name)
        ));
    }
    for fk in &table.foreign_keys {
        let foreign = module(model, fk.foreign_schema.as_deref(), &fk.foreign_table);
        let foreign_columns: Vec<String> = fk
            .foreign_columns
            .iter()
            .map(|c| format!("{foreign}::{}", ident(c)))
            .collect();
        let foreign_columns = if foreign_columns.len() == 1 {
            foreign_columns[0].clone()
        } else {
            format!("({})", foreign_columns.join(", "))
        };
        let mut line = format!(
            "t.foreign_key({}, {foreign_columns}).named({})",
            columns_of(&fk.columns),
            literal(&fk.name)
        );
        if let Some(on_delete) = &fk.on_delete {
            let _ = write!(line, ".on_delete(RefAction::{})", action(on_delete));
        }
        if let Some(on_update) = &fk.on_update {
            let _ = write!(line, ".on_update(RefAction::{})", action(on_update));
        }
        line.push(';');
        define.push(line);
    }
    for check in &table.checks {
        define.push(format!(
            "t.check_sql({}, {});",
            literal(&check.name),
            literal(&check.sql)
        ));
    }
    for index in &table.indexes {
        define.push(index_source(table, index)?);
    }
    if table.rls_forced {
        define.push("t.force_rls();".to_owned());
    } else if table.rls_enabled {
        define.push("t.enable_rls();".to_owned());
    }
    for policy in &table.policies {
        define.push(policy_source(policy));
    }
    if !define.is_empty() {
        out.push_str("    define |t| {\n");
        for line in define {
            let _ = writeln!(out, "        {line}");
        }
        out.push_str("    }\n");
    }
    out.push_str("}\n");
    Ok(out)
}

/// The rest of an FTS5 table's `table!`: its text columns after the `rowid` FTS5 keeps,
/// and `t.fts5()` with its content table and tokenizer.
fn fts5_source(model: &SchemaModel, table: &TableModel, fts5: &Fts5Model, mut out: String) -> String {
    out.push_str("        rowid: Integer [primary_key],\n");
    for column in &table.columns {
        let _ = writeln!(out, "        {}: Text,", column_name(&column.name));
    }
    out.push_str("    }\n    define |t| {\n        t.fts5()");
    if let Some(content) = &fts5.content {
        let key = fts5.content_rowid.as_deref().unwrap_or("rowid");
        let _ = write!(out, ".content({}::{})", module(model, None, content), ident(key));
    }
    if let Some(tokenize) = &fts5.tokenize {
        let _ = write!(out, ".tokenize({})", literal(tokenize));
    }
    out.push_str(";\n    }\n}\n");
    out
}

/// A policy as `t.policy(..)`, its conditions as the server prints them, in raw SQL.
fn policy_source(policy: &mizzle_dsl::schema::model::PolicyModel) -> String {
    let mut line = format!("t.policy({})", literal(&policy.name));
    if policy.restrictive {
        line.push_str(".restrictive()");
    }
    if policy.command != "ALL" {
        let command = match policy.command.as_str() {
            "SELECT" => "Select",
            "INSERT" => "Insert",
            "UPDATE" => "Update",
            _ => "Delete",
        };
        let _ = write!(line, ".for_(mizzle::schema::PolicyCommand::{command})");
    }
    if !policy.roles.is_empty() {
        let roles: Vec<String> = policy
            .roles
            .iter()
            .map(|role| format!("&mizzle::schema::Role::new({})", literal(role)))
            .collect();
        let _ = write!(line, ".to(&[{}])", roles.join(", "));
    }
    for (clause, sql) in [("using", &policy.using), ("with_check", &policy.with_check)] {
        if let Some(sql) = sql {
            let _ = write!(line, ".{clause}(mizzle::sql::<mizzle::types::Bool>({}))", literal(sql));
        }
    }
    line.push(';');
    line
}

/// An index as `t.index(..)`: its keys are columns (`desc()` where descending); an index
/// over an expression is written with `mizzle::sql`.
fn index_source(table: &TableModel, index: &mizzle_dsl::schema::model::IndexModel) -> Result<String, String> {
    let mut keys = Vec::new();
    for key in &index.keys {
        keys.push(index_key(table, index, key)?);
    }
    let keys = if keys.len() == 1 {
        keys.remove(0)
    } else {
        format!("({})", keys.join(", "))
    };
    let mut line = format!(
        "t.{}({}).on({keys})",
        if index.unique { "unique_index" } else { "index" },
        literal(&index.name)
    );
    if let Some(method) = &index.using {
        let _ = write!(line, ".using({})", literal(method));
    }
    if let Some(condition) = &index.where_sql {
        let _ = write!(
            line,
            ".where_(mizzle::sql::<mizzle::types::Bool>({}))",
            literal(condition)
        );
    }
    for option in &index.with {
        if let Some((name, value)) = option.split_once(" = ") {
            let _ = write!(line, ".with({}, {})", literal(name), literal(value));
        }
    }
    line.push(';');
    Ok(line)
}

/// One key of an index as Rust: a column, maybe with an operator class, `DESC`, and
/// `NULLS FIRST`/`LAST`; or an expression (a MySQL key prefix too) as raw SQL.
fn index_key(table: &TableModel, index: &mizzle_dsl::schema::model::IndexModel, key: &str) -> Result<String, String> {
    let unsupported = || {
        format!(
            "index `{}` of `{}` has the key {key}, an operator class with an order, which `t.index(..)` \
             cannot write yet: declare it by hand",
            index.name, table.name
        )
    };
    let mut words: Vec<&str> = key.split(' ').collect();
    let nulls = match words.as_slice() {
        [.., "NULLS", "FIRST"] => Some("nulls_first"),
        [.., "NULLS", "LAST"] => Some("nulls_last"),
        _ => None,
    };
    if nulls.is_some() {
        words.truncate(words.len() - 2);
    }
    let descending = words.last() == Some(&"DESC");
    if descending {
        words.pop();
    }
    let column_key = match words.as_slice() {
        [column] => Some((*column, None)),
        [column, class] => Some((*column, Some(*class))),
        _ => None,
    }
    .map(|(column, class)| (column.trim_matches(|c| c == '"' || c == '`'), class))
    .filter(|(column, _)| table.columns.iter().any(|c| c.name == *column));
    // The key's order, written after it.
    let ordered = |mut rust: String| {
        if descending {
            rust.push_str(".desc()");
        } else if nulls.is_some() {
            rust.push_str(".asc()");
        }
        if let Some(nulls) = nulls {
            let _ = write!(rust, ".{nulls}()");
        }
        rust
    };
    let Some((column, class)) = column_key else {
        // An expression (or a MySQL key prefix): the server's own text, as raw SQL.
        let expression = words.join(" ");
        return Ok(ordered(format!(
            "mizzle::sql::<mizzle::types::Text>({})",
            literal(&expression)
        )));
    };
    match class {
        Some(_) if descending || nulls.is_some() => Err(unsupported()),
        Some(class) => Ok(format!(
            "mizzle::schema::op_class({}, {})",
            ident(column),
            literal(class)
        )),
        None => Ok(ordered(ident(column))),
    }
}

/// `relations!` from the foreign keys: each key's table to its target (`one` when every
/// key column is NOT NULL, else `optional`), and the target back to it (`many`).
fn relations_source(model: &SchemaModel) -> String {
    // (doc comment, name, declaration)
    let mut lines: Vec<(String, String, String)> = Vec::new();
    let mut used: Vec<String> = Vec::new();
    let mut name = |wanted: String, fk: &ForeignKeyModel| {
        let name = if used.contains(&wanted) {
            format!(
                "{wanted}_by_{}",
                fk.columns
                    .iter()
                    .map(|c| ident(c).trim_start_matches("r#").to_owned())
                    .collect::<Vec<_>>()
                    .join("_")
            )
        } else {
            wanted
        };
        used.push(name.clone());
        name
    };
    for table in &model.tables {
        let source = module(model, table.schema.as_deref(), &table.name);
        for fk in &table.foreign_keys {
            let target = module(model, fk.foreign_schema.as_deref(), &fk.foreign_table);
            let pairs = |from: &str, from_columns: &[String], to: &str, to_columns: &[String]| {
                from_columns
                    .iter()
                    .zip(to_columns)
                    .map(|(a, b)| format!("({from}::{} = {to}::{})", ident(a), ident(b)))
                    .collect::<Vec<_>>()
                    .join(" and ")
            };
            let required = fk.columns.iter().all(|c| {
                table
                    .columns
                    .iter()
                    .any(|col| col.name == *c && (col.not_null || col.primary_key))
            });
            let stem = fk.columns[0].trim_end_matches("_id").trim_end_matches("Id");
            let forward = name(
                format!(
                    "{}_{}",
                    source.trim_start_matches("r#"),
                    ident(stem).trim_start_matches("r#")
                ),
                fk,
            );
            let columns = fk.columns.join(", ");
            lines.push((
                format!(
                    "The `{}` row that `{}.{columns}` references.",
                    fk.foreign_table, table.name
                ),
                forward,
                format!(
                    "{source}::table => {}({target}::table) on {}",
                    if required { "one" } else { "optional" },
                    pairs(&source, &fk.columns, &target, &fk.foreign_columns)
                ),
            ));
            let backward = name(
                format!(
                    "{}_{}",
                    target.trim_start_matches("r#"),
                    source.trim_start_matches("r#")
                ),
                fk,
            );
            lines.push((
                format!("The `{}` rows whose `{columns}` references this row.", table.name),
                backward,
                format!(
                    "{target}::table => many({source}::table) on {}",
                    pairs(&target, &fk.foreign_columns, &source, &fk.columns)
                ),
            ));
        }
    }
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from("\nmizzle::relations! {\n");
    for (doc, name, declaration) in lines {
        let _ = writeln!(out, "    /// {doc}\n    pub {name}: {declaration};");
    }
    out.push_str("}\n");
    out
}
