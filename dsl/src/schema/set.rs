//! [`Schema`]: every table (and enum, sequence and view) of an application, created and
//! dropped in dependency order.

use super::ddl::{
    add_foreign_keys, create_role, drop_foreign_keys, enum_statement, ident, qualified, table_statements,
};
use super::model::{EnumModel, RoleModel, SchemaModel, SequenceModel, TableModel, ViewModel};
use super::{Table, TableDef};
use crate::dialect::{Dialect, DialectKind, MySql, Pg};
use crate::error::Error;
use crate::render::{RenderSql, SqlWriter};
use std::fmt::Write;
use std::marker::PhantomData;

/// A PostgreSQL or MariaDB sequence: `CREATE SEQUENCE name INCREMENT BY … START WITH …`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sequence {
    /// Its name.
    pub name: &'static str,
    /// Its schema, if not the default one (PostgreSQL).
    pub schema: Option<&'static str>,
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
    /// `CYCLE`: wrap around after the last value.
    pub cycle: bool,
}

impl Sequence {
    /// A sequence with the database's defaults.
    pub fn new(name: &'static str) -> Self {
        Sequence {
            name,
            ..Sequence::default()
        }
    }

    /// `INCREMENT BY step`.
    pub fn increment(mut self, step: i64) -> Self {
        self.increment = Some(step);
        self
    }

    /// `MINVALUE min`.
    pub fn min(mut self, min: i64) -> Self {
        self.min = Some(min);
        self
    }

    /// `MAXVALUE max`.
    pub fn max(mut self, max: i64) -> Self {
        self.max = Some(max);
        self
    }

    /// `START WITH first`.
    pub fn start(mut self, first: i64) -> Self {
        self.start = Some(first);
        self
    }

    /// `CACHE n`.
    pub fn cache(mut self, n: i64) -> Self {
        self.cache = Some(n);
        self
    }

    /// `CYCLE`.
    pub fn cycle(mut self) -> Self {
        self.cycle = true;
        self
    }
}

/// Dialects with `CREATE SEQUENCE`: PostgreSQL and MariaDB.
#[diagnostic::on_unimplemented(
    message = "{Self} has no sequences",
    label = "sequences are PostgreSQL and MariaDB only"
)]
pub trait SupportsSequences: Dialect {}
impl SupportsSequences for Pg {}
impl SupportsSequences for MySql {}

/// Dialects with roles a schema declares: PostgreSQL, for its row-level security policies.
#[diagnostic::on_unimplemented(message = "{Self} has no roles a schema declares: they are PostgreSQL's")]
pub trait SupportsRoles: Dialect {}
impl SupportsRoles for Pg {}

/// `CREATE SEQUENCE …;`
pub fn create_sequence<D: SupportsSequences>(sequence: &Sequence) -> String {
    sequence_statement(D::KIND, &sequence.model())
}

/// `CREATE VIEW name AS <query>;` — the query's values become literals.
pub fn create_view<D: Dialect, Q: RenderSql<D>>(name: &str, query: &Q) -> Result<String, Error> {
    Ok(view_statement(
        D::KIND,
        &ViewModel {
            name: name.to_owned(),
            sql: view_query::<D, Q>(query)?,
        },
    ))
}

/// A view's query as SQL, its values as literals.
fn view_query<D: Dialect, Q: RenderSql<D>>(query: &Q) -> Result<String, Error> {
    let mut out = SqlWriter::<D>::for_ddl();
    query.render(&mut out);
    Ok(out.finish()?.sql.into_owned())
}

/// The tables, sequences and views of one database, created and dropped in an order the
/// database accepts: a table after the tables it references, a cycle of references
/// closed by `ALTER TABLE … ADD CONSTRAINT` once its tables exist.
#[derive(Debug)]
pub struct Schema<D> {
    tables: Vec<TableDef>,
    sequences: Vec<Sequence>,
    views: Vec<(String, Result<String, String>)>,
    roles: Vec<super::Role>,
    dialect: PhantomData<D>,
}

impl<D: Dialect> Default for Schema<D> {
    fn default() -> Self {
        Schema {
            tables: Vec::new(),
            sequences: Vec::new(),
            views: Vec::new(),
            roles: Vec::new(),
            dialect: PhantomData,
        }
    }
}

impl<D: Dialect> Schema<D> {
    /// An empty schema.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds table `table`.
    pub fn table<T: Table<Dialect = D>>(mut self, _table: T) -> Self {
        self.tables.push(TableDef::of::<T>());
        self
    }

    /// The definitions of its tables, in the order they were added.
    pub fn table_defs(&self) -> &[TableDef] {
        &self.tables
    }

    /// Adds a sequence.
    pub fn sequence(mut self, sequence: Sequence) -> Self
    where
        D: SupportsSequences,
    {
        self.sequences.push(sequence);
        self
    }

    /// Adds a role (PostgreSQL), created before the tables whose policies name it.
    pub fn role(mut self, role: super::Role) -> Self
    where
        D: SupportsRoles,
    {
        self.roles.push(role);
        self
    }

    /// Adds a view of `query`, created after the tables.
    pub fn view<Q: RenderSql<D>>(mut self, name: &str, query: &Q) -> Self {
        let sql = view_query::<D, Q>(query).map_err(|e| e.to_string());
        self.views.push((name.to_owned(), sql));
        self
    }

    /// The schema as a [`SchemaModel`]: what the migration kit snapshots, and what its
    /// statements are written from. Fails when a default, a typed check, an index or a
    /// view cannot be written as SQL.
    pub fn model(&self) -> Result<SchemaModel, Error> {
        let kind = D::KIND;
        let mut model = SchemaModel::empty(kind);
        for def in &self.tables {
            model.tables.push(TableModel::from_def(kind, def)?);
        }
        if kind == DialectKind::Pg {
            let mut schemas: Vec<&str> = self.tables.iter().filter_map(|t| t.schema).collect();
            schemas.extend(self.sequences.iter().filter_map(|s| s.schema));
            schemas.sort_unstable();
            schemas.dedup();
            model.schemas = schemas.into_iter().map(str::to_owned).collect();
            for column in self.tables.iter().flat_map(|t| &t.columns) {
                if let Some(enum_type) = column.enum_type {
                    if !model.enums.iter().any(|e| e.name == enum_type.name) {
                        model.enums.push(EnumModel {
                            name: enum_type.name.to_owned(),
                            values: enum_type.members.iter().map(|m| (*m).to_owned()).collect(),
                        });
                    }
                }
            }
        }
        model.sequences = self.sequences.iter().map(Sequence::model).collect();
        for role in &self.roles {
            // A role is created in a dollar-quoted block, which a `$` could end early.
            if role.name.contains('$') || role.name.is_empty() {
                return Err(Error::Encode {
                    sql: format!("CREATE ROLE {}", role.name),
                    source: crate::error::EncodeError::new("a role's name must be non-empty and hold no `$`"),
                });
            }
            model.roles.push(RoleModel {
                name: role.name.to_owned(),
                login: role.login,
                inherit: role.inherit,
                create_db: role.create_db,
                create_role: role.create_role,
                bypass_rls: role.bypass_rls,
            });
        }
        for (name, view) in &self.views {
            match view {
                Ok(sql) => model.views.push(ViewModel {
                    name: name.clone(),
                    sql: sql.clone(),
                }),
                Err(problem) => {
                    return Err(Error::Encode {
                        sql: format!("CREATE VIEW {name}"),
                        source: crate::error::EncodeError::new(problem.clone()),
                    })
                }
            }
        }
        Ok(model)
    }

    /// Every statement that creates the schema, in order.
    pub fn create_statements(&self) -> Result<Vec<String>, Error> {
        Ok(create_statements(&self.model()?))
    }

    /// Every statement that drops the schema's views, tables, types and sequences.
    pub fn drop_statements(&self) -> Vec<String> {
        let kind = D::KIND;
        let mut model = SchemaModel::empty(kind);
        // Dropping needs names and references only: a table whose default cannot be written
        // is still dropped by name.
        model.tables = self
            .tables
            .iter()
            .map(|def| TableModel::from_def(kind, def).unwrap_or_else(|_| TableModel::named(def.schema, def.name)))
            .collect();
        if let Ok(full) = self.model() {
            model = full;
        }
        drop_statements(&model)
    }
}

impl Sequence {
    fn model(&self) -> SequenceModel {
        SequenceModel {
            schema: self.schema.map(str::to_owned),
            name: self.name.to_owned(),
            increment: self.increment,
            min: self.min,
            max: self.max,
            start: self.start,
            cache: self.cache,
            cycle: self.cycle,
        }
    }
}

/// The tables of `tables` in creation order, each with the tables its deferred foreign
/// keys point to: a table after those it references; in a cycle, the first table's
/// forward references are deferred.
pub fn creation_order(tables: &[TableModel]) -> Vec<(usize, Vec<&str>)> {
    let mut created: Vec<&str> = Vec::new();
    let mut order = Vec::new();
    let mut pending: Vec<usize> = (0..tables.len()).collect();
    let in_set = |name: &str| tables.iter().any(|t| t.name == name);
    while !pending.is_empty() {
        let ready = pending.iter().position(|&i| {
            let table = &tables[i];
            table.foreign_keys.iter().all(|fk| {
                fk.foreign_table == table.name
                    || !in_set(&fk.foreign_table)
                    || created.contains(&fk.foreign_table.as_str())
            })
        });
        let at = ready.unwrap_or(0);
        let i = pending.remove(at);
        let table = &tables[i];
        let deferred = table
            .foreign_keys
            .iter()
            .map(|fk| fk.foreign_table.as_str())
            .filter(|&target| target != table.name && in_set(target) && !created.contains(&target))
            .collect();
        created.push(&table.name);
        order.push((i, deferred));
    }
    order
}

/// Every statement that creates `model`, in an order the database accepts.
pub fn create_statements(model: &SchemaModel) -> Vec<String> {
    let Ok(kind) = model.kind() else {
        return Vec::new();
    };
    let mut statements = Vec::new();
    if kind == DialectKind::Pg {
        for schema in &model.schemas {
            let mut sql = String::from("CREATE SCHEMA IF NOT EXISTS ");
            ident(kind, &mut sql, schema);
            sql.push(';');
            statements.push(sql);
        }
        statements.extend(model.enums.iter().map(enum_statement));
        statements.extend(model.roles.iter().map(create_role));
    }
    statements.extend(
        model
            .sequences
            .iter()
            .map(|sequence| sequence_statement(kind, sequence)),
    );
    let order = creation_order(&model.tables);
    // SQLite accepts references to tables created later, so nothing needs deferring.
    let defers = kind != DialectKind::Sqlite;
    for (i, deferred) in &order {
        let deferred: &[&str] = if defers { deferred } else { &[] };
        statements.extend(table_statements(kind, &model.tables[*i], deferred));
    }
    if defers {
        for (i, deferred) in &order {
            statements.extend(add_foreign_keys(kind, &model.tables[*i], deferred));
        }
    }
    statements.extend(model.views.iter().map(|view| view_statement(kind, view)));
    statements
}

/// `CREATE VIEW name AS <query>;`.
pub fn view_statement(kind: DialectKind, view: &ViewModel) -> String {
    let mut sql = String::from("CREATE VIEW ");
    ident(kind, &mut sql, &view.name);
    let _ = write!(sql, " AS {};", view.sql);
    sql
}

/// Every statement that drops `model`'s views, tables, types and sequences.
pub fn drop_statements(model: &SchemaModel) -> Vec<String> {
    let Ok(kind) = model.kind() else {
        return Vec::new();
    };
    let mut statements = Vec::new();
    for view in model.views.iter().rev() {
        let mut sql = String::from("DROP VIEW IF EXISTS ");
        ident(kind, &mut sql, &view.name);
        sql.push(';');
        statements.push(sql);
    }
    let order = creation_order(&model.tables);
    let cyclic = order.iter().any(|(_, deferred)| !deferred.is_empty());
    match (kind, cyclic) {
        // Open the cycle first; a session flag would not survive a pool's connection change.
        (DialectKind::MySql, true) => {
            for (i, deferred) in &order {
                statements.extend(drop_foreign_keys(&model.tables[*i], deferred));
            }
        }
        // SQLite is one connection, and cannot drop a constraint.
        (DialectKind::Sqlite, true) => statements.push("PRAGMA foreign_keys = OFF;".to_owned()),
        _ => {}
    }
    for (i, _) in order.iter().rev() {
        let table = &model.tables[*i];
        let mut sql = String::from("DROP TABLE IF EXISTS ");
        qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
        if kind == DialectKind::Pg {
            sql.push_str(" CASCADE");
        }
        sql.push(';');
        statements.push(sql);
    }
    if kind == DialectKind::Sqlite && cyclic {
        statements.push("PRAGMA foreign_keys = ON;".to_owned());
    }
    if kind == DialectKind::Pg {
        for enum_model in &model.enums {
            let mut sql = String::from("DROP TYPE IF EXISTS ");
            ident(kind, &mut sql, &enum_model.name);
            sql.push(';');
            statements.push(sql);
        }
    }
    for sequence in &model.sequences {
        let mut sql = String::from("DROP SEQUENCE IF EXISTS ");
        ident(kind, &mut sql, &sequence.name);
        sql.push(';');
        statements.push(sql);
    }
    statements
}

/// `CREATE SEQUENCE …;` of a modelled sequence.
pub fn sequence_statement(kind: DialectKind, sequence: &SequenceModel) -> String {
    let mut sql = String::from("CREATE SEQUENCE ");
    qualified(kind, &mut sql, sequence.schema.as_deref(), &sequence.name);
    let options = [
        ("INCREMENT BY", sequence.increment),
        ("MINVALUE", sequence.min),
        ("MAXVALUE", sequence.max),
        ("START WITH", sequence.start),
        ("CACHE", sequence.cache),
    ];
    for (keyword, value) in options {
        if let Some(value) = value {
            let _ = write!(sql, " {keyword} {value}");
        }
    }
    if sequence.cycle {
        sql.push_str(" CYCLE");
    }
    sql.push(';');
    sql
}
