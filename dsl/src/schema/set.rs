//! [`Schema`]: every table (and enum, sequence and view) of an application, created and
//! dropped in dependency order.

use super::ddl::{add_foreign_keys, create_enum, drop_foreign_keys, foreign_keys, ident, table_statements};
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

/// `CREATE SEQUENCE …;`
pub fn create_sequence<D: SupportsSequences>(sequence: &Sequence) -> String {
    let kind = D::KIND;
    let mut sql = String::from("CREATE SEQUENCE ");
    if let Some(schema) = sequence.schema {
        ident(kind, &mut sql, schema);
        sql.push('.');
    }
    ident(kind, &mut sql, sequence.name);
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

/// `CREATE VIEW name AS <query>;` — the query's values become literals.
pub fn create_view<D: Dialect, Q: RenderSql<D>>(name: &str, query: &Q) -> Result<String, Error> {
    let mut out = SqlWriter::<D>::for_ddl();
    query.render(&mut out);
    let rendered = out.finish()?;
    let mut sql = String::from("CREATE VIEW ");
    ident(D::KIND, &mut sql, name);
    let _ = write!(sql, " AS {};", rendered.sql);
    Ok(sql)
}

/// The tables, sequences and views of one database, created and dropped in an order the
/// database accepts: a table after the tables it references, a cycle of references
/// closed by `ALTER TABLE … ADD CONSTRAINT` once its tables exist.
#[derive(Debug)]
pub struct Schema<D> {
    tables: Vec<TableDef>,
    sequences: Vec<Sequence>,
    views: Vec<(String, Result<String, String>)>,
    dialect: PhantomData<D>,
}

impl<D: Dialect> Default for Schema<D> {
    fn default() -> Self {
        Schema {
            tables: Vec::new(),
            sequences: Vec::new(),
            views: Vec::new(),
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

    /// Adds a sequence.
    pub fn sequence(mut self, sequence: Sequence) -> Self
    where
        D: SupportsSequences,
    {
        self.sequences.push(sequence);
        self
    }

    /// Adds a view of `query`, created after the tables.
    pub fn view<Q: RenderSql<D>>(mut self, name: &str, query: &Q) -> Self {
        let sql = create_view::<D, Q>(name, query).map_err(|e| e.to_string());
        self.views.push((name.to_owned(), sql));
        self
    }

    /// The tables in creation order, each with the tables its deferred foreign keys point to.
    fn creation_order(&self) -> Vec<(usize, Vec<&'static str>)> {
        let mut created: Vec<&str> = Vec::new();
        let mut order = Vec::new();
        let mut pending: Vec<usize> = (0..self.tables.len()).collect();
        while !pending.is_empty() {
            let in_set = |name: &str| self.tables.iter().any(|t| t.name == name);
            let ready = pending.iter().position(|&i| {
                let def = &self.tables[i];
                foreign_keys(def).iter().all(|fk| {
                    fk.foreign_table == def.name || !in_set(fk.foreign_table) || created.contains(&fk.foreign_table)
                })
            });
            // In a cycle no table is ready: take the first and defer its forward references.
            let at = ready.unwrap_or(0);
            let i = pending.remove(at);
            let def = &self.tables[i];
            let deferred = foreign_keys(def)
                .iter()
                .map(|fk| fk.foreign_table)
                .filter(|&target| target != def.name && in_set(target) && !created.contains(&target))
                .collect();
            created.push(def.name);
            order.push((i, deferred));
        }
        order
    }

    /// Every statement that creates the schema, in order.
    pub fn create_statements(&self) -> Result<Vec<String>, Error> {
        let kind = D::KIND;
        let mut statements = Vec::new();
        if kind == DialectKind::Pg {
            let mut schemas: Vec<&str> = self.tables.iter().filter_map(|t| t.schema).collect();
            schemas.extend(self.sequences.iter().filter_map(|s| s.schema));
            schemas.sort_unstable();
            schemas.dedup();
            for schema in schemas {
                let mut sql = String::from("CREATE SCHEMA IF NOT EXISTS ");
                ident(kind, &mut sql, schema);
                sql.push(';');
                statements.push(sql);
            }
            let mut enums = Vec::new();
            for column in self.tables.iter().flat_map(|t| &t.columns) {
                if let Some(enum_type) = column.enum_type {
                    if !enums.contains(&enum_type) {
                        enums.push(enum_type);
                    }
                }
            }
            statements.extend(enums.iter().map(create_enum));
        }
        statements.extend(self.sequences.iter().map(|sequence| sequence_sql(kind, sequence)));
        let order = self.creation_order();
        // SQLite accepts references to tables created later, so nothing needs deferring.
        let defers = kind != DialectKind::Sqlite;
        for (i, deferred) in &order {
            let deferred: &[&str] = if defers { deferred } else { &[] };
            statements.extend(table_statements(kind, &self.tables[*i], deferred)?);
        }
        if defers {
            for (i, deferred) in &order {
                statements.extend(add_foreign_keys(kind, &self.tables[*i], deferred));
            }
        }
        for (name, view) in &self.views {
            match view {
                Ok(sql) => statements.push(sql.clone()),
                Err(problem) => {
                    return Err(Error::Encode {
                        sql: format!("CREATE VIEW {name}"),
                        source: crate::error::EncodeError::new(problem.clone()),
                    })
                }
            }
        }
        Ok(statements)
    }

    /// Every statement that drops the schema's views, tables, types and sequences.
    pub fn drop_statements(&self) -> Vec<String> {
        let kind = D::KIND;
        let mut statements = Vec::new();
        for (name, _) in self.views.iter().rev() {
            let mut sql = String::from("DROP VIEW IF EXISTS ");
            ident(kind, &mut sql, name);
            sql.push(';');
            statements.push(sql);
        }
        let order = self.creation_order();
        let cyclic = order.iter().any(|(_, deferred)| !deferred.is_empty());
        match (kind, cyclic) {
            // Open the cycle first; a session flag would not survive a pool's connection change.
            (DialectKind::MySql, true) => {
                for (i, deferred) in &order {
                    statements.extend(drop_foreign_keys(&self.tables[*i], deferred));
                }
            }
            // SQLite is one connection, and cannot drop a constraint.
            (DialectKind::Sqlite, true) => statements.push("PRAGMA foreign_keys = OFF;".to_owned()),
            _ => {}
        }
        for (i, _) in order.iter().rev() {
            let def = &self.tables[*i];
            let mut sql = String::from("DROP TABLE IF EXISTS ");
            if let Some(schema) = def.schema {
                ident(kind, &mut sql, schema);
                sql.push('.');
            }
            ident(kind, &mut sql, def.name);
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
            let mut enums: Vec<&str> = self
                .tables
                .iter()
                .flat_map(|t| &t.columns)
                .filter_map(|c| c.enum_type.map(|e| e.name))
                .collect();
            enums.dedup();
            for name in enums {
                let mut sql = String::from("DROP TYPE IF EXISTS ");
                ident(kind, &mut sql, name);
                sql.push(';');
                statements.push(sql);
            }
        }
        for sequence in &self.sequences {
            let mut sql = String::from("DROP SEQUENCE IF EXISTS ");
            ident(kind, &mut sql, sequence.name);
            sql.push(';');
            statements.push(sql);
        }
        statements
    }
}

fn sequence_sql(kind: DialectKind, sequence: &Sequence) -> String {
    match kind {
        DialectKind::MySql => create_sequence::<MySql>(sequence),
        _ => create_sequence::<Pg>(sequence),
    }
}
