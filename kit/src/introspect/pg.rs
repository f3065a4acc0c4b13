//! PostgreSQL's catalog read into the schema model: the connection's current schema, and
//! other schemas by name (their tables carry the schema's name).

use super::{rows, text};
use crate::apply::Conn;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, EnumModel, ForeignKeyModel, GeneratedModel, IndexModel, PolicyModel, PrimaryKeyModel,
    RoleModel, SchemaModel, SequenceModel, TableModel, UniqueModel, ViewModel,
};

/// A table `c`'s key in the rows read: its schema's name (empty for the current schema),
/// a unit separator, and its name.
const KEY: &str = "(CASE WHEN c.relnamespace = current_schema()::regnamespace THEN '' ELSE \
    (SELECT n.nspname::text FROM pg_namespace n WHERE n.oid = c.relnamespace) END) || E'\\x1f' || c.relname";

/// The same for a referenced table `f`.
const FOREIGN_KEY: &str = "(CASE WHEN f.relnamespace = current_schema()::regnamespace THEN '' ELSE \
    (SELECT n.nspname::text FROM pg_namespace n WHERE n.oid = f.relnamespace) END) || E'\\x1f' || f.relname";

/// A text literal of a schema name, for the catalog queries (which take no parameters).
fn literal(name: &str) -> String {
    format!("'{}'", name.replace('\'', "''"))
}

/// The tables `c` of the current schema and of `schemas`.
fn tables_in(schemas: &[String]) -> String {
    let others: Vec<String> = schemas.iter().map(|s| literal(s)).collect();
    let others = if others.is_empty() {
        "NULL".to_owned()
    } else {
        others.join(", ")
    };
    format!(
        "c.relkind IN ('r', 'p') AND (c.relnamespace = current_schema()::regnamespace OR \
         c.relnamespace IN (SELECT oid FROM pg_namespace WHERE nspname IN ({others})))"
    )
}

/// A key's schema (none for the current one) and name.
fn split_key(key: &Option<String>) -> (Option<String>, String) {
    let key = text(key);
    match key.split_once('\u{1f}') {
        Some(("", name)) => (None, name.to_owned()),
        Some((schema, name)) => (Some(schema.to_owned()), name.to_owned()),
        None => (None, key),
    }
}

pub(super) async fn model(conn: &mut Conn, schemas: &[String]) -> Result<SchemaModel, String> {
    let filter = tables_in(schemas);
    let mut model = SchemaModel::empty(DialectKind::Pg);
    for [key, comment] in rows::<2>(
        conn,
        &format!(
            "SELECT {KEY}, obj_description(c.oid, 'pg_class') FROM pg_class c WHERE {filter} \
             ORDER BY 1"
        ),
    )
    .await?
    {
        let (schema, name) = split_key(&Some(text(&key)));
        model.tables.push(TableModel {
            comment,
            ..TableModel::named(schema.as_deref(), &name)
        });
    }
    let mut names: Vec<String> = model.tables.iter().filter_map(|t| t.schema.clone()).collect();
    names.sort();
    names.dedup();
    model.schemas = names;
    columns(conn, &mut model, &filter).await?;
    constraints(conn, &mut model, &filter).await?;
    indexes(conn, &mut model, &filter).await?;
    row_security(conn, &mut model, &filter).await?;
    for [name, values] in rows::<2>(
        conn,
        "SELECT t.typname::text, string_agg(e.enumlabel, E'\\x1f' ORDER BY e.enumsortorder) FROM pg_type t \
         JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = current_schema()::regnamespace \
         GROUP BY t.typname ORDER BY t.typname",
    )
    .await?
    {
        model.enums.push(EnumModel {
            name: text(&name),
            values: text(&values).split('\u{1f}').map(str::to_owned).collect(),
        });
    }
    // Sequences a column owns (serial, identity) belong to the column.
    for [name, increment, min, max, start, cache, cycle] in rows::<7>(
        conn,
        "SELECT s.sequencename::text, s.increment_by::text, s.min_value::text, s.max_value::text, \
         s.start_value::text, s.cache_size::text, s.cycle::text FROM pg_sequences s \
         WHERE s.schemaname = current_schema() AND NOT EXISTS (SELECT 1 FROM pg_depend d \
         WHERE d.objid = (quote_ident(s.schemaname) || '.' || quote_ident(s.sequencename))::regclass \
         AND d.deptype IN ('a', 'i')) ORDER BY s.sequencename",
    )
    .await?
    {
        let number = |value: &Option<String>| value.as_deref().and_then(|v| v.parse().ok());
        model.sequences.push(SequenceModel {
            schema: None,
            name: text(&name),
            increment: number(&increment),
            min: number(&min),
            max: number(&max),
            start: number(&start),
            cache: number(&cache),
            cycle: cycle.as_deref() == Some("true"),
        });
    }
    for [name, definition] in rows::<2>(
        conn,
        "SELECT viewname::text, definition FROM pg_views WHERE schemaname = current_schema() ORDER BY viewname",
    )
    .await?
    {
        let sql = text(&definition).trim().trim_end_matches(';').to_owned();
        model.views.push(ViewModel { name: text(&name), sql });
    }
    Ok(model)
}

fn table<'m>(model: &'m mut SchemaModel, key: &Option<String>) -> Option<&'m mut TableModel> {
    let (schema, name) = split_key(key);
    model.tables.iter_mut().find(|t| t.name == name && t.schema == schema)
}

async fn columns(conn: &mut Conn, model: &mut SchemaModel, filter: &str) -> Result<(), String> {
    let sql = format!(
        "SELECT {KEY}, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull::text, \
         pg_get_expr(d.adbin, d.adrelid), a.attidentity::text, a.attgenerated::text, \
         CASE WHEN t.typtype = 'e' OR (t.typcategory = 'A' AND et.typtype = 'e') THEN 'enum' ELSE '' END, \
         col_description(a.attrelid, a.attnum) \
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid \
         JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = t.typelem \
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum \
         WHERE {filter} AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum"
    );
    for [table_name, name, sql_type, not_null, default, identity, generated, is_enum, comment] in
        rows::<9>(conn, &sql).await?
    {
        let generated_sql = default.clone();
        let Some(table) = table(model, &table_name) else {
            continue;
        };
        let mut sql_type = text(&sql_type);
        if is_enum.as_deref() == Some("enum") {
            // An enum's name as the schema model writes it: quoted.
            let (name, array) = match sql_type.strip_suffix("[]") {
                Some(name) => (name.to_owned(), "[]"),
                None => (sql_type.clone(), ""),
            };
            sql_type = format!("\"{}\"{array}", name.trim_matches('"'));
        }
        let generated_stored = generated.as_deref() == Some("s");
        // A serial column: an integer whose default is its own sequence's next value.
        let mut default = if generated_stored { None } else { default.clone() };
        // Outside the current schema the sequence's name is qualified.
        let sequence = format!("{}_{}_seq'::regclass)", table.name, text(&name));
        let own_sequence = |default: &str| {
            default.strip_prefix("nextval('").is_some_and(|rest| {
                rest == sequence
                    || table.schema.as_deref().is_some_and(|schema| {
                        rest.strip_prefix(schema).and_then(|r| r.strip_prefix('.')) == Some(&sequence)
                    })
            })
        };
        if default.as_deref().is_some_and(own_sequence) {
            if let Some(serial) = match sql_type.as_str() {
                "integer" => Some("serial"),
                "bigint" => Some("bigserial"),
                "smallint" => Some("smallserial"),
                _ => None,
            } {
                sql_type = serial.to_owned();
                default = None;
            }
        }
        table.columns.push(ColumnModel {
            comment,
            name: text(&name),
            sql_type,
            not_null: not_null.as_deref() == Some("true"),
            primary_key: false,
            autoincrement: false,
            identity: match identity.as_deref() {
                Some("a") => Some("always".to_owned()),
                Some("d") => Some("by_default".to_owned()),
                _ => None,
            },
            default,
            generated: generated_stored.then(|| GeneratedModel {
                sql: text(&generated_sql),
                stored: true,
            }),
        });
    }
    Ok(())
}

/// `{a,b}` (an array of names as text) as its elements.
fn names(array: &Option<String>) -> Vec<String> {
    text(array)
        .trim_matches(|c| c == '{' || c == '}')
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.trim_matches('"').to_owned())
        .collect()
}

fn action(code: &Option<String>) -> Option<String> {
    match code.as_deref() {
        Some("c") => Some("CASCADE".to_owned()),
        Some("r") => Some("RESTRICT".to_owned()),
        Some("n") => Some("SET NULL".to_owned()),
        Some("d") => Some("SET DEFAULT".to_owned()),
        _ => None,
    }
}

async fn constraints(conn: &mut Conn, model: &mut SchemaModel, filter: &str) -> Result<(), String> {
    let sql = format!(
        "SELECT {KEY}, k.conname::text, k.contype::text, \
         (SELECT array_agg(a.attname::text ORDER BY u.n) FROM unnest(k.conkey) WITH ORDINALITY u(num, n) \
          JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num)::text, \
         {FOREIGN_KEY}, \
         (SELECT array_agg(a.attname::text ORDER BY u.n) FROM unnest(k.confkey) WITH ORDINALITY u(num, n) \
          JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num)::text, \
         k.confdeltype::text, k.confupdtype::text, pg_get_constraintdef(k.oid), \
         COALESCE((SELECT i.indnullsnotdistinct FROM pg_index i WHERE i.indexrelid = k.conindid), false)::text \
         FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class f ON f.oid = k.confrelid \
         WHERE {filter} AND k.contype IN ('p', 'u', 'f', 'c') ORDER BY 1, k.conname"
    );
    for [table_name, name, kind, columns, foreign, foreign_columns, on_delete, on_update, definition, nulls] in
        rows::<10>(conn, &sql).await?
    {
        let Some(table) = table(model, &table_name) else {
            continue;
        };
        let columns = names(&columns);
        match kind.as_deref() {
            Some("p") if columns.len() == 1 => {
                if let Some(column) = table.columns.iter_mut().find(|c| c.name == columns[0]) {
                    column.primary_key = true;
                }
            }
            Some("p") => {
                table.primary_key = Some(PrimaryKeyModel {
                    name: text(&name),
                    columns,
                })
            }
            Some("u") => table.uniques.push(UniqueModel {
                name: text(&name),
                columns,
                nulls_not_distinct: nulls.as_deref() == Some("true"),
            }),
            Some("f") => table.foreign_keys.push(ForeignKeyModel {
                name: text(&name),
                columns,
                foreign_schema: split_key(&foreign).0,
                foreign_table: split_key(&foreign).1,
                foreign_columns: names(&foreign_columns),
                on_delete: action(&on_delete),
                on_update: action(&on_update),
            }),
            _ => {
                let definition = text(&definition);
                let condition = definition
                    .strip_prefix("CHECK (")
                    .and_then(|rest| rest.strip_suffix(')'))
                    .unwrap_or(&definition);
                table.checks.push(CheckModel {
                    name: text(&name),
                    sql: condition.to_owned(),
                });
            }
        }
    }
    Ok(())
}

async fn indexes(conn: &mut Conn, model: &mut SchemaModel, filter: &str) -> Result<(), String> {
    let sql = format!(
        "SELECT {KEY}, ic.relname::text, i.indisunique::text, am.amname::text, \
         (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true) || \
            COALESCE((SELECT ' ' || o.opcname FROM pg_opclass o WHERE o.oid = i.indclass[k - 1] \
              AND NOT o.opcdefault), '') || \
            CASE WHEN i.indoption[k - 1] & 1 = 1 THEN ' DESC' ELSE '' END || \
            CASE WHEN i.indoption[k - 1] & 3 = 2 THEN ' NULLS FIRST' \
                 WHEN i.indoption[k - 1] & 3 = 1 THEN ' NULLS LAST' ELSE '' END, E'\\x1f' ORDER BY k) \
          FROM generate_series(1, i.indnkeyatts) k), \
         pg_get_expr(i.indpred, i.indrelid), array_to_string(ic.reloptions, E'\\x1f') \
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid \
         JOIN pg_am am ON am.oid = ic.relam \
         WHERE {filter} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) \
         ORDER BY 1, ic.relname"
    );
    for [table_name, name, unique, method, keys, predicate, options] in rows::<7>(conn, &sql).await? {
        let Some(table) = table(model, &table_name) else {
            continue;
        };
        let method = text(&method);
        table.indexes.push(IndexModel {
            name: text(&name),
            unique: unique.as_deref() == Some("true"),
            concurrently: false,
            using: (method != "btree").then_some(method),
            keys: text(&keys).split('\u{1f}').map(str::to_owned).collect(),
            where_sql: predicate,
            with: options
                .map(|o| o.split('\u{1f}').map(|kv| kv.replacen('=', " = ", 1)).collect())
                .unwrap_or_default(),
            algorithm: None,
            lock: None,
        });
    }
    Ok(())
}

/// Each table's row-level security switches and policies.
async fn row_security(conn: &mut Conn, model: &mut SchemaModel, filter: &str) -> Result<(), String> {
    let sql = format!(
        "SELECT {KEY}, c.relrowsecurity::text, c.relforcerowsecurity::text FROM pg_class c \
         WHERE {filter} AND (c.relrowsecurity OR c.relforcerowsecurity) ORDER BY 1"
    );
    for [key, enabled, forced] in rows::<3>(conn, &sql).await? {
        if let Some(table) = table(model, &key) {
            table.rls_enabled = enabled.as_deref() == Some("true");
            table.rls_forced = forced.as_deref() == Some("true");
        }
    }
    // Roles as names (`PUBLIC` is none); the expressions as the server prints them.
    let sql = format!(
        "SELECT {KEY}, p.polname::text, p.polpermissive::text, p.polcmd::text, \
         (SELECT string_agg(r.rolname::text, E'\\x1f' ORDER BY r.rolname) FROM pg_roles r WHERE r.oid = ANY(p.polroles)), \
         pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) \
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid WHERE {filter} ORDER BY 1, p.polname"
    );
    for [key, name, permissive, command, roles, using, with_check] in rows::<7>(conn, &sql).await? {
        let Some(table) = table(model, &key) else {
            continue;
        };
        table.policies.push(PolicyModel {
            name: text(&name),
            restrictive: permissive.as_deref() == Some("false"),
            command: match command.as_deref() {
                Some("r") => "SELECT",
                Some("a") => "INSERT",
                Some("w") => "UPDATE",
                Some("d") => "DELETE",
                _ => "ALL",
            }
            .to_owned(),
            roles: roles
                .map(|roles| roles.split('\u{1f}').map(str::to_owned).collect())
                .unwrap_or_default(),
            using,
            with_check,
        });
    }
    Ok(())
}

/// The roles among `names` that exist on the server, with their options. Roles belong to
/// the server, so only those a schema declares are read.
pub(super) async fn roles(conn: &mut Conn, names: &[String]) -> Result<Vec<RoleModel>, String> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let names: Vec<String> = names.iter().map(|n| literal(n)).collect();
    let sql = format!(
        "SELECT rolname::text, rolcanlogin::text, rolinherit::text, rolcreatedb::text, rolcreaterole::text, \
         rolbypassrls::text FROM pg_roles WHERE rolname IN ({}) ORDER BY rolname",
        names.join(", ")
    );
    Ok(rows::<6>(conn, &sql)
        .await?
        .into_iter()
        .map(|[name, login, inherit, create_db, create_role, bypass_rls]| {
            let yes = |flag: &Option<String>| flag.as_deref() == Some("true");
            RoleModel {
                name: text(&name),
                login: yes(&login),
                inherit: yes(&inherit),
                create_db: yes(&create_db),
                create_role: yes(&create_role),
                bypass_rls: yes(&bypass_rls),
            }
        })
        .collect())
}
