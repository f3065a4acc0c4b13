//! The schema model: a plain-data description of a database's tables, enums, sequences,
//! views and schemas, in one dialect's spelling. The table types produce it, it
//! serializes to the migration kit's snapshots (the `serde` feature, which the kit turns
//! on), and the DDL writer renders from it alone, so `create_table`, exported DDL and
//! generated migrations never disagree.

use super::ddl::{foreign_key_name, write_default, write_index_method};
use super::{Identity, TableDef};
use crate::dialect::DialectKind;
use crate::error::{EncodeError, Error};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The version of the model's JSON form; a snapshot of another version is refused.
pub const MODEL_VERSION: u32 = 1;

/// A whole database schema, as one dialect spells it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SchemaModel {
    /// [`MODEL_VERSION`] when written.
    pub version: u32,
    /// `postgresql`, `mysql` or `sqlite`.
    pub dialect: String,
    /// Schemas (PostgreSQL namespaces) the tables and sequences live in, sorted.
    pub schemas: Vec<String>,
    /// PostgreSQL enum types, in the order their columns first use them.
    pub enums: Vec<EnumModel>,
    /// Sequences.
    pub sequences: Vec<SequenceModel>,
    /// Tables, in declaration order.
    pub tables: Vec<TableModel>,
    /// Views, created after the tables.
    pub views: Vec<ViewModel>,
    /// PostgreSQL roles the schema declares (for its policies), created before the tables.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub roles: Vec<RoleModel>,
}

/// A PostgreSQL enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct EnumModel {
    /// Its name.
    pub name: String,
    /// Its values, in order.
    pub values: Vec<String>,
}

/// A sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct SequenceModel {
    /// Its schema, if not the default one.
    pub schema: Option<String>,
    /// Its name.
    pub name: String,
    /// `INCREMENT BY`.
    pub increment: Option<i64>,
    /// `MINVALUE`.
    pub min: Option<i64>,
    /// `MAXVALUE`.
    pub max: Option<i64>,
    /// `START WITH`.
    pub start: Option<i64>,
    /// `CACHE`.
    pub cache: Option<i64>,
    /// `CYCLE`.
    pub cycle: bool,
}

/// A view: its name and its query's SQL.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ViewModel {
    /// Its name.
    pub name: String,
    /// The query, as the `AS` of `CREATE VIEW` writes it.
    pub sql: String,
}

/// A table with its columns, keys, checks and indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct TableModel {
    /// Its schema, if not the default one.
    pub schema: Option<String>,
    /// Its name.
    pub name: String,
    /// Columns, in declaration order.
    pub columns: Vec<ColumnModel>,
    /// A primary key over several columns (one over a single column is on the column).
    pub primary_key: Option<PrimaryKeyModel>,
    /// Unique constraints, named.
    pub uniques: Vec<UniqueModel>,
    /// Foreign keys, named.
    pub foreign_keys: Vec<ForeignKeyModel>,
    /// Check constraints.
    pub checks: Vec<CheckModel>,
    /// Indexes.
    pub indexes: Vec<IndexModel>,
    /// The table's comment.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub comment: Option<String>,
    /// SQLite: an FTS5 virtual table rather than a table of rows.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub fts5: Option<Fts5Model>,
    /// PostgreSQL: `ENABLE ROW LEVEL SECURITY`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub rls_enabled: bool,
    /// PostgreSQL: `FORCE ROW LEVEL SECURITY`.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub rls_forced: bool,
    /// PostgreSQL: the table's row-level security policies.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Vec::is_empty"))]
    pub policies: Vec<PolicyModel>,
}

/// For serde: leave a `false` flag out, so that models without it read the same.
#[cfg(feature = "serde")]
fn is_false(flag: &bool) -> bool {
    !*flag
}

/// A row-level security policy (PostgreSQL).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct PolicyModel {
    /// Its name.
    pub name: String,
    /// `AS RESTRICTIVE` rather than permissive.
    pub restrictive: bool,
    /// `ALL`, `SELECT`, `INSERT`, `UPDATE` or `DELETE`.
    pub command: String,
    /// The roles it applies to; empty for `PUBLIC`.
    pub roles: Vec<String>,
    /// `USING (…)`, as SQL.
    pub using: Option<String>,
    /// `WITH CHECK (…)`, as SQL.
    pub with_check: Option<String>,
}

/// A role (PostgreSQL), with the options mizzle declares.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct RoleModel {
    /// Its name.
    pub name: String,
    /// `LOGIN`.
    pub login: bool,
    /// `INHERIT`.
    pub inherit: bool,
    /// `CREATEDB`.
    pub create_db: bool,
    /// `CREATEROLE`.
    pub create_role: bool,
    /// `BYPASSRLS`.
    pub bypass_rls: bool,
}

/// An FTS5 virtual table's options (SQLite).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct Fts5Model {
    /// The external content table, if any.
    pub content: Option<String>,
    /// The content table's key, the index's rowid.
    pub content_rowid: Option<String>,
    /// The tokenizer and its options.
    pub tokenize: Option<String>,
}

/// A column.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ColumnModel {
    /// Its name.
    pub name: String,
    /// Its type as DDL writes it: `varchar(255)`, `integer`…
    #[cfg_attr(feature = "serde", serde(rename = "type"))]
    pub sql_type: String,
    /// `NOT NULL`.
    pub not_null: bool,
    /// `PRIMARY KEY` on the column itself.
    pub primary_key: bool,
    /// `AUTOINCREMENT` / `AUTO_INCREMENT`.
    pub autoincrement: bool,
    /// `GENERATED … AS IDENTITY`: `always` or `by_default`.
    pub identity: Option<String>,
    /// The default, as SQL.
    pub default: Option<String>,
    /// `GENERATED ALWAYS AS (…)`.
    pub generated: Option<GeneratedModel>,
    /// The column's comment.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub comment: Option<String>,
}

/// A generated column's expression and storage.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct GeneratedModel {
    /// The expression, as SQL.
    pub sql: String,
    /// `STORED`, else `VIRTUAL`.
    pub stored: bool,
}

/// `CONSTRAINT name PRIMARY KEY (columns)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct PrimaryKeyModel {
    /// The constraint's name.
    pub name: String,
    /// Its columns.
    pub columns: Vec<String>,
}

/// `CONSTRAINT name UNIQUE (columns)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct UniqueModel {
    /// The constraint's name.
    pub name: String,
    /// Its columns.
    pub columns: Vec<String>,
    /// `NULLS NOT DISTINCT` (PostgreSQL 15+).
    pub nulls_not_distinct: bool,
}

/// `CONSTRAINT name FOREIGN KEY (columns) REFERENCES table (columns) …`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ForeignKeyModel {
    /// The constraint's name.
    pub name: String,
    /// The referencing columns.
    pub columns: Vec<String>,
    /// The referenced table's schema, if not the default one.
    pub foreign_schema: Option<String>,
    /// The referenced table.
    pub foreign_table: String,
    /// The referenced columns.
    pub foreign_columns: Vec<String>,
    /// `ON DELETE` action, as SQL.
    pub on_delete: Option<String>,
    /// `ON UPDATE` action, as SQL.
    pub on_update: Option<String>,
}

/// `CONSTRAINT name CHECK (condition)`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct CheckModel {
    /// The constraint's name.
    pub name: String,
    /// The condition, as SQL.
    pub sql: String,
}

/// `CREATE [UNIQUE] INDEX name ON table …`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct IndexModel {
    /// Its name.
    pub name: String,
    /// `UNIQUE`.
    pub unique: bool,
    /// PostgreSQL's `CONCURRENTLY`.
    pub concurrently: bool,
    /// The method, as SQL: `gin`, or a quoted name.
    pub using: Option<String>,
    /// The keys, as SQL.
    pub keys: Vec<String>,
    /// A partial index's condition, as SQL.
    pub where_sql: Option<String>,
    /// PostgreSQL storage parameters, as SQL: `fillfactor = 70`.
    pub with: Vec<String>,
    /// MySQL's `ALGORITHM=`.
    pub algorithm: Option<String>,
    /// MySQL's `LOCK=`.
    pub lock: Option<String>,
}

impl ColumnModel {
    /// A column of an FTS5 table: a name, which FTS5 gives no type or constraint.
    pub fn fts5(name: &str) -> Self {
        ColumnModel {
            name: name.to_owned(),
            sql_type: String::new(),
            not_null: false,
            primary_key: false,
            autoincrement: false,
            identity: None,
            default: None,
            generated: None,
            comment: None,
        }
    }
}

/// The name the model uses for a dialect.
pub fn dialect_name(kind: DialectKind) -> &'static str {
    match kind {
        DialectKind::Pg => "postgresql",
        DialectKind::MySql => "mysql",
        DialectKind::Sqlite => "sqlite",
    }
}

/// The dialect a model names, if it is one.
pub fn dialect_of(name: &str) -> Option<DialectKind> {
    match name {
        "postgresql" => Some(DialectKind::Pg),
        "mysql" => Some(DialectKind::MySql),
        "sqlite" => Some(DialectKind::Sqlite),
        _ => None,
    }
}

impl SchemaModel {
    /// An empty schema of dialect `kind`.
    pub fn empty(kind: DialectKind) -> Self {
        SchemaModel {
            version: MODEL_VERSION,
            dialect: dialect_name(kind).to_owned(),
            schemas: Vec::new(),
            enums: Vec::new(),
            sequences: Vec::new(),
            tables: Vec::new(),
            views: Vec::new(),
            roles: Vec::new(),
        }
    }

    /// The model's dialect.
    pub fn kind(&self) -> Result<DialectKind, String> {
        dialect_of(&self.dialect).ok_or_else(|| format!("unknown dialect `{}` in a schema model", self.dialect))
    }

    /// The table named `name` in `schema`.
    pub fn table(&self, schema: Option<&str>, name: &str) -> Option<&TableModel> {
        self.tables
            .iter()
            .find(|t| t.name == name && t.schema.as_deref() == schema)
    }
}

impl TableModel {
    /// The model of a table's definition, spelled for dialect `kind`. Fails when a default,
    /// a typed check or an index cannot be written as SQL.
    pub fn from_def(kind: DialectKind, def: &TableDef) -> Result<Self, Error> {
        let encode = |what: String, source: EncodeError| Error::Encode { sql: what, source };
        if let Some(problem) = def.extras.errors.first() {
            return Err(encode(
                format!("CREATE TABLE {}", def.name),
                EncodeError::new(problem.clone()),
            ));
        }
        if let (Some(fts5), DialectKind::Sqlite) = (&def.extras.fts5, kind) {
            return Ok(TableModel::fts5(def, fts5));
        }
        let mut columns = Vec::with_capacity(def.columns.len());
        for column in &def.columns {
            let c = &column.constraints;
            let mut sql_type = String::new();
            (column.write_type)(&mut sql_type);
            let default = match &c.default {
                // `now` in the form the column's type reads back (SQLite's integer
                // timestamps count from the epoch), not CURRENT_TIMESTAMP's text.
                Some(super::ColumnDefault::Now) if column.now_sql.is_some() => column.now_sql.map(str::to_owned),
                Some(default) => {
                    let mut sql = String::new();
                    write_default(kind, &mut sql, default).map_err(|e| {
                        encode(
                            format!("CREATE TABLE {}", def.name),
                            EncodeError::new(format!("the default of `{}`: {e}", column.name)),
                        )
                    })?;
                    Some(sql)
                }
                None => None,
            };
            columns.push(ColumnModel {
                name: column.name.to_owned(),
                sql_type,
                not_null: column.not_null,
                primary_key: c.primary_key,
                autoincrement: c.autoincrement,
                identity: c.identity.map(|identity| {
                    match identity {
                        Identity::Always => "always",
                        Identity::ByDefault => "by_default",
                    }
                    .to_owned()
                }),
                default,
                generated: c.generated.map(|g| GeneratedModel {
                    sql: g.sql.to_owned(),
                    stored: g.stored,
                }),
                comment: c.comment.map(str::to_owned),
            });
        }
        let comments = columns
            .iter()
            .filter_map(|c| c.comment.as_deref())
            .chain(def.extras.comment.as_deref());
        for comment in comments {
            let problem = if comment.contains('\0') {
                Some("a comment cannot hold a NUL character")
            } else if kind == DialectKind::MySql && comment.contains('\\') {
                Some("a MySQL comment cannot hold a backslash: its spelling depends on the server's SQL mode")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(encode(format!("COMMENT {comment:?}"), EncodeError::new(problem)));
            }
        }
        let owned = |names: &[&str]| names.iter().map(|n| (*n).to_owned()).collect::<Vec<_>>();
        let default_name = |columns: &[&str], suffix: &str| format!("{}_{}_{suffix}", def.name, columns.join("_"));
        let primary_key = def.extras.primary_key.as_ref().map(|pk| PrimaryKeyModel {
            name: pk.name.clone().unwrap_or_else(|| default_name(&pk.columns, "pk")),
            columns: owned(&pk.columns),
        });
        // Unique constraints: those declared on columns, then those on the table.
        let column_uniques = def.columns.iter().filter_map(|column| {
            column.constraints.unique.map(|name| UniqueModel {
                name: name.map_or_else(|| default_name(&[column.name], "unique"), str::to_owned),
                columns: vec![column.name.to_owned()],
                nulls_not_distinct: column.constraints.nulls_not_distinct,
            })
        });
        let table_uniques = def.extras.uniques.iter().map(|u| UniqueModel {
            name: u.name.clone().unwrap_or_else(|| default_name(&u.columns, "unique")),
            columns: owned(&u.columns),
            nulls_not_distinct: u.nulls_not_distinct,
        });
        let uniques = column_uniques.chain(table_uniques).collect();
        let foreign_keys = super::ddl::foreign_keys(def)
            .iter()
            .map(|fk| ForeignKeyModel {
                name: foreign_key_name(def.name, fk),
                columns: owned(&fk.columns),
                foreign_schema: fk.foreign_schema.map(str::to_owned),
                foreign_table: fk.foreign_table.to_owned(),
                foreign_columns: owned(&fk.foreign_columns),
                on_delete: fk.on_delete.map(|a| a.sql().to_owned()),
                on_update: fk.on_update.map(|a| a.sql().to_owned()),
            })
            .collect();
        let checks = def
            .extras
            .checks
            .iter()
            .map(|check| CheckModel {
                name: check.name.clone(),
                sql: check.sql.clone(),
            })
            .collect();
        let mut indexes = Vec::with_capacity(def.extras.indexes.len());
        for index in &def.extras.indexes {
            let mut with = Vec::with_capacity(index.with.len());
            for parameter in &index.with {
                let mut sql = String::new();
                parameter
                    .write(&mut sql)
                    .map_err(|source| encode(format!("CREATE INDEX {}", index.name), source))?;
                with.push(sql);
            }
            indexes.push(IndexModel {
                name: index.name.clone(),
                unique: index.unique,
                concurrently: index.concurrently,
                using: index.using.as_ref().map(|method| {
                    let mut sql = String::new();
                    write_index_method(kind, &mut sql, method);
                    sql
                }),
                keys: index.keys.clone(),
                where_sql: index.where_sql.clone(),
                with,
                algorithm: index.algorithm.map(|a| a.sql().to_owned()),
                lock: index.lock.map(|l| l.sql().to_owned()),
            });
        }
        Ok(TableModel {
            schema: def.schema.map(str::to_owned),
            name: def.name.to_owned(),
            columns,
            primary_key,
            uniques,
            foreign_keys,
            checks,
            indexes,
            comment: def.extras.comment.clone(),
            fts5: None,
            rls_enabled: def.extras.row_security.enabled,
            rls_forced: def.extras.row_security.forced,
            policies: def
                .extras
                .row_security
                .policies
                .iter()
                .map(|policy| PolicyModel {
                    name: policy.name.clone(),
                    restrictive: policy.restrictive,
                    command: policy.command.map_or("ALL", |command| command.sql()).to_owned(),
                    roles: policy.roles.clone(),
                    using: policy.using.clone(),
                    with_check: policy.with_check.clone(),
                })
                .collect(),
        })
    }

    /// An FTS5 table: its columns are names only (FTS5 has no types or constraints), and
    /// `rowid` is FTS5's own.
    fn fts5(def: &TableDef, fts5: &super::Fts5) -> Self {
        let columns = def
            .columns
            .iter()
            .filter(|column| column.name != "rowid")
            .map(|column| ColumnModel::fts5(column.name))
            .collect();
        TableModel {
            columns,
            fts5: Some(Fts5Model {
                content: fts5.content.map(str::to_owned),
                content_rowid: fts5.content_rowid.map(str::to_owned),
                tokenize: fts5.tokenize.clone(),
            }),
            ..TableModel::named(def.schema, def.name)
        }
    }

    /// A table of that name with nothing else known of it.
    pub fn named(schema: Option<&str>, name: &str) -> Self {
        TableModel {
            schema: schema.map(str::to_owned),
            name: name.to_owned(),
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            foreign_keys: Vec::new(),
            checks: Vec::new(),
            indexes: Vec::new(),
            comment: None,
            fts5: None,
            rls_enabled: false,
            rls_forced: false,
            policies: Vec::new(),
        }
    }

    /// The column named `name`.
    pub fn column(&self, name: &str) -> Option<&ColumnModel> {
        self.columns.iter().find(|c| c.name == name)
    }
}
