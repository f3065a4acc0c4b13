//! [`Seed`]: which tables, how many rows, which generators; the rows it makes (parents
//! first, every constraint kept) and the batched INSERT statements that write them.

use crate::generators::defaults::{for_column, Erased};
use crate::generators::Gen;
use crate::rng::{Rng, GENERATORS_VERSION};
use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::exec::Executor;
use mizzle_dsl::expr::Expression;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::schema::ddl_writer::creation_order;
use mizzle_dsl::schema::model::TableModel;
use mizzle_dsl::schema::{Column, Table, TableDef};
use mizzle_dsl::types::{JsonObject, Value};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::marker::PhantomData;

/// Why a seed run cannot make its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedError(pub String);

impl fmt::Display for SeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SeedError {}

/// A database error met while seeding (in a transaction's closure, say).
impl From<mizzle_dsl::Error> for SeedError {
    fn from(error: mizzle_dsl::Error) -> Self {
        SeedError(error.to_string())
    }
}

/// How many times a row is drawn again when it repeats a unique value or breaks a check.
const ATTEMPTS: usize = 200;

/// One table of a seed run.
struct TablePlan {
    def: TableDef,
    count: usize,
    overrides: HashMap<&'static str, Erased>,
    /// Rows per row of a parent table, through the foreign key of these columns.
    per_parent: Option<(Vec<&'static str>, PerParent)>,
}

/// How many rows a relation gives each parent row: `10`, `1..=3`, or weighted ranges.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PerParent {
    /// Exactly this many.
    Fixed(usize),
    /// Any number in the range, evenly.
    Range(std::ops::RangeInclusive<usize>),
    /// A range picked by weight (70% have 1-3, 30% have 10-20), then a number in it.
    Weighted(Vec<(u32, std::ops::RangeInclusive<usize>)>),
}

impl From<usize> for PerParent {
    fn from(n: usize) -> Self {
        PerParent::Fixed(n)
    }
}

impl From<std::ops::RangeInclusive<usize>> for PerParent {
    fn from(range: std::ops::RangeInclusive<usize>) -> Self {
        PerParent::Range(range)
    }
}

impl PerParent {
    /// Ranges by weight: `PerParent::weighted(&[(70, 1..=3), (30, 10..=20)])`.
    pub fn weighted(choices: &[(u32, std::ops::RangeInclusive<usize>)]) -> Self {
        PerParent::Weighted(choices.to_vec())
    }

    /// How many children one parent gets.
    fn draw(&self, rng: &mut Rng) -> usize {
        let range = |rng: &mut Rng, r: &std::ops::RangeInclusive<usize>| {
            rng.between(*r.start() as i128, *r.end() as i128) as usize
        };
        match self {
            PerParent::Fixed(n) => *n,
            PerParent::Range(r) => range(rng, r),
            PerParent::Weighted(choices) => {
                let total: u64 = choices.iter().map(|(w, _)| u64::from(*w)).sum::<u64>().max(1);
                let mut at = rng.below(total);
                for (weight, r) in choices {
                    if at < u64::from(*weight) {
                        return range(rng, r);
                    }
                    at -= u64::from(*weight);
                }
                0
            }
        }
    }
}

/// The rows of one table: its columns (those written) and their values.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRows {
    /// The table.
    pub table: String,
    /// Its schema, if not the default one.
    pub schema: Option<String>,
    /// The columns written, in order.
    pub columns: Vec<String>,
    /// One list of values per row.
    pub rows: Vec<Vec<Value<'static>>>,
}

/// A seed run of dialect `D`: tables with row counts and generators, and a seed number.
/// The same seed and tables make the same rows on every run and machine.
pub struct Seed<D> {
    seed: u64,
    version: u32,
    tables: Vec<TablePlan>,
    errors: Vec<String>,
    dialect: PhantomData<D>,
}

impl<D: Dialect> Seed<D> {
    /// A run with seed number `seed`.
    pub fn new(seed: u64) -> Self {
        Seed {
            seed,
            version: GENERATORS_VERSION,
            tables: Vec::new(),
            errors: Vec::new(),
            dialect: PhantomData,
        }
    }

    /// Pins the generators version the run was written against: a mizzle whose
    /// generators differ refuses it, rather than seed other rows.
    pub fn version(mut self, version: u32) -> Self {
        if version != GENERATORS_VERSION {
            self.errors.push(format!(
                "this seed run was written for generators version {version}; this mizzle-seed has version \
                 {GENERATORS_VERSION}, whose rows differ"
            ));
        }
        self.version = version;
        self
    }

    /// Seeds `count` rows of `table`.
    pub fn table<T: Table<Dialect = D>>(mut self, _table: T, count: usize) -> Self {
        if let Some(plan) = self
            .tables
            .iter_mut()
            .find(|t| t.def.name == T::NAME && t.def.schema == T::SCHEMA)
        {
            plan.count = count;
            return self;
        }
        self.tables.push(TablePlan {
            def: TableDef::of::<T>(),
            count,
            overrides: HashMap::new(),
            per_parent: None,
        });
        self
    }

    /// Seeds `count` rows of every table of `schema` (another `.table(..)` or `.with(..)`
    /// may change a table's count after).
    pub fn schema(mut self, schema: &mizzle_dsl::schema::Schema<D>, count: usize) -> Self {
        for def in schema.table_defs() {
            self = self.table_def(def.clone(), count);
        }
        self
    }

    /// Seeds `count` rows of a table known only at run time (introspected, or generated):
    /// its definition in dialect `D`.
    pub fn table_def(mut self, def: TableDef, count: usize) -> Self {
        self.tables.push(TablePlan {
            def,
            count,
            overrides: HashMap::new(),
            per_parent: None,
        });
        self
    }

    /// Gives each row of `relation`'s source table that many rows of its target (`10`,
    /// `1..=3`, or [`PerParent::weighted`]): the target's row count follows. Both tables
    /// are seeded by this run (the target is added when it is not).
    pub fn with<R: mizzle_dsl::relation::Relation>(mut self, _relation: R, per_parent: impl Into<PerParent>) -> Self
    where
        R::Target: Table<Dialect = D>,
    {
        let keys = match mizzle_dsl::relation::keys_of::<R>() {
            Ok(keys) if R::THROUGH.is_none() => keys,
            Ok(_) => {
                self.errors.push(format!(
                    "`.with({})`: a many-to-many relation is seeded through its junction table: seed the junction with                      a row count",
                    R::NAME
                ));
                return self;
            }
            Err(error) => {
                self.errors.push(error);
                return self;
            }
        };
        let target = <R::Target as Table>::NAME;
        if !self.tables.iter().any(|t| t.def.name == target) {
            self = self.table(<R::Target as Default>::default(), 0);
        }
        if let Some(plan) = self.tables.iter_mut().find(|t| t.def.name == target) {
            plan.per_parent = Some((keys.iter().map(|(_, t)| *t).collect(), per_parent.into()));
        }
        self
    }

    /// Makes `column`'s values with `generator`, of the column's own SQL type.
    pub fn column<C: Column>(mut self, _column: C, generator: Gen<<C as Expression>::SqlType>) -> Self {
        let table = <C::Table as Table>::NAME;
        match self.tables.iter_mut().find(|t| t.def.name == table) {
            Some(plan) => {
                plan.overrides.insert(C::NAME, generator.into());
            }
            None => self.errors.push(format!(
                "a generator is given for `{table}.{}`, but `{table}` is not seeded: add `.table({table}::table, n)` first",
                C::NAME
            )),
        }
        self
    }

    /// The rows the run makes, parents before children.
    pub fn rows(&self) -> Result<Vec<TableRows>, SeedError> {
        Ok(self.rows_and_updates()?.0)
    }

    /// The rows, and the UPDATEs that fill the nullable keys of a cycle of foreign keys
    /// once both tables have their rows.
    fn rows_and_updates(&self) -> Result<(Vec<TableRows>, Vec<RenderedSql<'static>>), SeedError> {
        if let Some(error) = self.errors.first() {
            return Err(SeedError(error.clone()));
        }
        // Tables whose keys to other seeded tables may be NULL first: in a cycle, those are
        // the keys left for later.
        let seeded: Vec<&str> = self.tables.iter().map(|t| t.def.name).collect();
        let mut plans: Vec<&TablePlan> = self.tables.iter().collect();
        plans.sort_by_key(|plan| {
            plan.def.columns.iter().any(|c| {
                c.not_null
                    && c.constraints
                        .references
                        .as_ref()
                        .is_some_and(|r| r.table != plan.def.name && seeded.contains(&r.table))
            })
        });
        let models: Vec<TableModel> = plans
            .iter()
            .map(|plan| TableModel::from_def(D::KIND, &plan.def).map_err(|e| SeedError(e.to_string())))
            .collect::<Result<_, _>>()?;
        let mut made: HashMap<String, TableRows> = HashMap::new();
        let mut out = Vec::new();
        let mut later = Vec::new();
        for (i, deferred) in creation_order(&models) {
            let rows = self.table_rows(plans[i], &models[i], &deferred, &made)?;
            made.insert(rows.table.clone(), rows.clone());
            out.push(rows);
            for fk in models[i]
                .foreign_keys
                .iter()
                .filter(|fk| deferred.contains(&fk.foreign_table.as_str()))
            {
                later.push((i, fk.clone()));
            }
        }
        let mut updates = Vec::new();
        for (i, fk) in later {
            let (Some(child), Some(parent)) = (made.get(&models[i].name), made.get(&fk.foreign_table)) else {
                continue;
            };
            let key: Vec<String> = match &models[i].primary_key {
                Some(pk) => pk.columns.clone(),
                None => models[i]
                    .columns
                    .iter()
                    .filter(|c| c.primary_key)
                    .map(|c| c.name.clone())
                    .collect(),
            };
            if key.is_empty() || parent.rows.is_empty() {
                continue;
            }
            let mut picks = Rng::stream(self.seed, &models[i].name, &format!("\u{0}later {}", fk.name));
            for row in &child.rows {
                let parent_row = &parent.rows[picks.below(parent.rows.len() as u64) as usize];
                let set: Vec<(String, Value<'static>)> = fk
                    .columns
                    .iter()
                    .zip(&fk.foreign_columns)
                    .filter_map(|(own, theirs)| {
                        let at = parent.columns.iter().position(|c| c == theirs)?;
                        Some((own.clone(), parent_row[at].clone()))
                    })
                    .collect();
                let by: Vec<(String, Value<'static>)> = key
                    .iter()
                    .filter_map(|k| {
                        let at = child.columns.iter().position(|c| c == k)?;
                        Some((k.clone(), row[at].clone()))
                    })
                    .collect();
                updates.push(update_statement::<D>(child, &set, &by));
            }
        }
        Ok((out, updates))
    }

    fn table_rows(
        &self,
        plan: &TablePlan,
        model: &TableModel,
        deferred: &[&str],
        made: &HashMap<String, TableRows>,
    ) -> Result<TableRows, SeedError> {
        let def = &plan.def;
        let table = def.name;
        // The columns written: all but those the database computes.
        let columns: Vec<_> = def
            .columns
            .iter()
            .filter(|c| {
                c.constraints.generated.is_none()
                    && c.constraints.identity != Some(mizzle_dsl::schema::Identity::Always)
            })
            .collect();
        let mut streams: Vec<Rng> = columns.iter().map(|c| Rng::stream(self.seed, table, c.name)).collect();
        let mut parent_stream = Rng::stream(self.seed, table, "\u{0}parents");
        // What makes each column's value.
        enum Source {
            Key,
            Parent {
                table: String,
                column: usize,
                foreign: Vec<(usize, usize)>,
            },
            Null,
            Gen(Erased, bool),
        }
        // Rows per parent: which parent row each row belongs to, and so how many rows.
        let mut assigned: Option<(Vec<&'static str>, Vec<usize>)> = None;
        let mut count = plan.count;
        if let Some((fk_columns, per_parent)) = &plan.per_parent {
            let fk = model
                .foreign_keys
                .iter()
                .find(|fk| fk.columns.iter().map(String::as_str).eq(fk_columns.iter().copied()));
            let parent = fk.and_then(|fk| made.get(&fk.foreign_table));
            let Some(parent) = parent else {
                return Err(SeedError(format!(
                    "`{table}` gets rows per parent through ({}), but its parent is not seeded before it",
                    fk_columns.join(", ")
                )));
            };
            let mut draws = Rng::stream(self.seed, table, "\u{0}per_parent");
            let mut owners = Vec::new();
            for index in 0..parent.rows.len() {
                let n = per_parent.draw(&mut draws);
                owners.extend(std::iter::repeat_n(index, n));
            }
            count = owners.len();
            assigned = Some((fk_columns.clone(), owners));
        }
        let mut sources = Vec::with_capacity(columns.len());
        for (at, column) in columns.iter().enumerate() {
            let fk = model
                .foreign_keys
                .iter()
                .find(|fk| fk.columns.first().map(String::as_str) == Some(column.name));
            let in_fk = model
                .foreign_keys
                .iter()
                .any(|fk| fk.columns.iter().any(|c| c == column.name));
            let nullable = !column.not_null;
            let source = if let Some(generator) = plan.overrides.get(column.name) {
                Source::Gen(generator.clone(), nullable)
            } else if let Some(fk) = fk {
                let is_self = fk.foreign_table == table;
                match made.get(&fk.foreign_table) {
                    _ if deferred.contains(&fk.foreign_table.as_str()) => {
                        if fk
                            .columns
                            .iter()
                            .all(|c| def.columns.iter().any(|d| d.name == c && !d.not_null))
                        {
                            Source::Null
                        } else {
                            return Err(SeedError(format!(
                                "`{table}` and `{}` reference each other through NOT NULL keys ({}): seed one of them \
                                 with a nullable key, or leave the cycle out",
                                fk.foreign_table,
                                fk.columns.join(", ")
                            )));
                        }
                    }
                    Some(parent) => {
                        let foreign = fk
                            .columns
                            .iter()
                            .zip(&fk.foreign_columns)
                            .filter_map(|(own, theirs)| {
                                let own = columns.iter().position(|c| c.name == own)?;
                                let theirs = parent.columns.iter().position(|c| c == theirs)?;
                                Some((own, theirs))
                            })
                            .collect();
                        Source::Parent {
                            table: parent.table.clone(),
                            column: at,
                            foreign,
                        }
                    }
                    None if is_self => Source::Parent {
                        table: table.to_owned(),
                        column: at,
                        foreign: fk
                            .columns
                            .iter()
                            .zip(&fk.foreign_columns)
                            .filter_map(|(own, theirs)| {
                                Some((
                                    columns.iter().position(|c| c.name == own)?,
                                    columns.iter().position(|c| c.name == theirs)?,
                                ))
                            })
                            .collect(),
                    },
                    None if nullable => Source::Null,
                    None => {
                        return Err(SeedError(format!(
                            "`{table}.{}` references `{}`, which this run does not seed: add `.table({}::table, n)`",
                            column.name, fk.foreign_table, fk.foreign_table
                        )))
                    }
                }
            } else if in_fk {
                // The other columns of a composite foreign key come with its first.
                Source::Null
            } else if column.constraints.primary_key
                && matches!(column.type_info, mizzle_dsl::schema::TypeInfo::Integer { .. })
            {
                Source::Key
            } else {
                match for_column(column) {
                    Some(generator) => Source::Gen(generator, nullable),
                    None if nullable => Source::Null,
                    None => {
                        return Err(SeedError(format!(
                            "mizzle-seed cannot make values for `{table}.{}`: give it a generator with `.column(..)`",
                            column.name
                        )))
                    }
                }
            };
            sources.push(source);
        }
        // Sets of columns whose values may not repeat: keys, uniques, unique generators.
        let position = |name: &str| columns.iter().position(|c| c.name == name);
        let mut unique_sets: Vec<(Vec<usize>, String)> = Vec::new();
        let mut add_set = |names: Vec<&str>| {
            let at: Option<Vec<usize>> = names.iter().map(|n| position(n)).collect();
            if let Some(at) = at {
                unique_sets.push((at, names.join(", ")));
            }
        };
        for column in &columns {
            if column.constraints.primary_key || column.constraints.unique.is_some() {
                add_set(vec![column.name]);
            }
        }
        if let Some(pk) = &def.extras.primary_key {
            add_set(pk.columns.clone());
        }
        for unique in &def.extras.uniques {
            add_set(unique.columns.clone());
        }
        for (at, source) in sources.iter().enumerate() {
            if let Source::Gen(generator, _) = source {
                if generator.unique {
                    add_set(vec![columns[at].name]);
                }
            }
        }
        let mut seen: Vec<HashSet<String>> = vec![HashSet::new(); unique_sets.len()];
        let checks: Vec<_> = def.extras.checks.iter().filter_map(|c| c.eval.clone()).collect();

        let mut rows: Vec<Vec<Value<'static>>> = Vec::with_capacity(count);
        for row in 0..count as u64 {
            let mut attempt = 0;
            let values = loop {
                attempt += 1;
                let mut values: Vec<Value<'static>> = vec![Value::Null; columns.len()];
                for (at, source) in sources.iter().enumerate() {
                    match source {
                        Source::Key => {
                            values[at] = crate::generators::integer_value(key_kind(columns[at]), i128::from(row) + 1)
                        }
                        Source::Gen(generator, nullable) => {
                            let rng = &mut streams[at];
                            values[at] = if *nullable && rng.unit() < 0.1 {
                                Value::Null
                            } else {
                                (generator.make)(rng, row)
                            };
                        }
                        Source::Null => {}
                        Source::Parent { .. } => {}
                    }
                }
                for source in &sources {
                    if let Source::Parent {
                        table: parent,
                        column,
                        foreign,
                    } = source
                    {
                        let parent_rows: &[Vec<Value<'static>>] =
                            if parent == table { &rows } else { &made[parent].rows };
                        let nullable = !columns[*column].not_null;
                        if parent_rows.is_empty() {
                            if parent == table && !nullable {
                                // The first row of a NOT NULL self reference points at itself.
                                for (own, theirs) in foreign {
                                    values[*own] = values[*theirs].clone();
                                }
                            }
                            continue;
                        }
                        let owner = assigned
                            .as_ref()
                            .filter(|(fk_columns, _)| fk_columns.first().copied() == Some(columns[*column].name));
                        let index = match owner {
                            Some((_, owners)) => owners[row as usize],
                            None => parent_stream.below(parent_rows.len() as u64) as usize,
                        };
                        let picked = &parent_rows[index];
                        for (own, theirs) in foreign {
                            values[*own] = picked[*theirs].clone();
                        }
                    }
                }
                let repeats = unique_sets.iter().zip(&seen).any(|((set, _), seen)| {
                    let key = unique_key(&values, set);
                    key.is_some_and(|key| seen.contains(&key))
                });
                let breaks_check = !checks.is_empty() && {
                    let json = row_json(&columns.iter().map(|c| c.name).collect::<Vec<_>>(), &values);
                    checks.iter().any(|check| check.holds(&json) == Some(false))
                };
                if !repeats && !breaks_check {
                    break values;
                }
                if attempt >= ATTEMPTS {
                    let why = if repeats {
                        let names: Vec<&str> = unique_sets.iter().map(|(_, n)| n.as_str()).collect();
                        format!(
                            "its unique values ({}) repeat: the generators have too few values for {} rows",
                            names.join("; "),
                            count
                        )
                    } else {
                        "its generated rows keep breaking a CHECK constraint: give the checked columns generators that fit it".to_owned()
                    };
                    return Err(SeedError(format!("cannot make row {} of `{table}`: {why}", row + 1)));
                }
            };
            for ((set, _), seen) in unique_sets.iter().zip(&mut seen) {
                if let Some(key) = unique_key(&values, set) {
                    seen.insert(key);
                }
            }
            rows.push(values);
        }
        Ok(TableRows {
            table: table.to_owned(),
            schema: def.schema.map(str::to_owned),
            columns: columns.iter().map(|c| c.name.to_owned()).collect(),
            rows,
        })
    }

    /// The INSERT statements that write the rows, in batches within the dialect's limit on
    /// bound values.
    pub fn statements(&self) -> Result<Vec<RenderedSql<'static>>, SeedError> {
        let mut statements = Vec::new();
        let (rows, updates) = self.rows_and_updates()?;
        for table in rows {
            if table.rows.is_empty() || table.columns.is_empty() {
                continue;
            }
            let per_batch = (D::MAX_PARAMS / table.columns.len()).clamp(1, 1000);
            for batch in table.rows.chunks(per_batch) {
                statements.push(insert_statement::<D>(&table, batch));
            }
        }
        statements.extend(updates);
        Ok(statements)
    }

    /// The statements that empty the seeded tables, children first.
    pub fn reset_statements(&self) -> Vec<String> {
        let models: Vec<TableModel> = self
            .tables
            .iter()
            .map(|plan| TableModel::named(plan.def.schema, plan.def.name))
            .collect();
        let mut order: Vec<usize> = self.rows_order();
        order.reverse();
        order
            .into_iter()
            .map(|i| {
                let mut sql = String::from("DELETE FROM ");
                mizzle_dsl::schema::ddl_writer::qualified(
                    D::KIND,
                    &mut sql,
                    models[i].schema.as_deref(),
                    &models[i].name,
                );
                sql
            })
            .collect()
    }

    fn rows_order(&self) -> Vec<usize> {
        let models: Vec<TableModel> = self
            .tables
            .iter()
            .filter_map(|plan| TableModel::from_def(D::KIND, &plan.def).ok())
            .collect();
        creation_order(&models).into_iter().map(|(i, _)| i).collect()
    }

    /// Writes the rows to `db`, a synchronous database (SQLite's `Database`, or a
    /// transaction of one); the number of rows written.
    pub fn run<'a, C>(&self, db: &'a C) -> Result<u64, SeedError>
    where
        C: Executor<D, Execute<'a> = Result<u64, mizzle_dsl::Error>>,
    {
        let mut written = 0;
        for statement in self.statements()? {
            written += db.execute(Ok(statement)).map_err(|e| SeedError(e.to_string()))?;
        }
        Ok(written)
    }

    /// Writes the rows to `db`, an async database (PostgreSQL, MySQL, SQLite's
    /// `AsyncDatabase`, or a transaction of one); the number of rows written.
    pub async fn run_async<'a, C>(&self, db: &'a C) -> Result<u64, SeedError>
    where
        C: Executor<D>,
        C::Execute<'a>: std::future::IntoFuture<Output = Result<u64, mizzle_dsl::Error>>,
    {
        let mut written = 0;
        for statement in self.statements()? {
            written += db.execute(Ok(statement)).await.map_err(|e| SeedError(e.to_string()))?;
        }
        Ok(written)
    }
}

/// The placeholder kind of an integer key column.
fn key_kind(column: &mizzle_dsl::schema::ColumnInfo) -> mizzle_dsl::types::ParamKind {
    match column.type_info {
        mizzle_dsl::schema::TypeInfo::Integer { min, max } => mizzle_dsl::types::ParamKind::Integer { min, max },
        _ => mizzle_dsl::types::ParamKind::Integer {
            min: i128::from(i64::MIN),
            max: i128::from(i64::MAX),
        },
    }
}

/// The values of `set`'s columns as one comparable key; `None` when one is NULL (NULLs
/// never repeat a unique value).
fn unique_key(values: &[Value<'static>], set: &[usize]) -> Option<String> {
    let mut key = String::new();
    for &at in set {
        if values[at] == Value::Null {
            return None;
        }
        key.push_str(&format!("{:?}\u{1}", values[at]));
    }
    Some(key)
}

/// A generated row as the JSON object checks read.
fn row_json(columns: &[&str], values: &[Value<'static>]) -> JsonObject {
    let mut object = JsonObject::new();
    for (name, value) in columns.iter().zip(values) {
        object.insert((*name).to_owned(), value_json(value));
    }
    object
}

fn value_json(value: &Value<'static>) -> serde_json::Value {
    use serde_json::json;
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => json!(b),
        Value::I8(n) => json!(n),
        Value::I16(n) => json!(n),
        Value::I32(n) => json!(n),
        Value::I64(n) => json!(n),
        Value::U8(n) => json!(n),
        Value::U16(n) => json!(n),
        Value::U32(n) => json!(n),
        Value::U64(n) => json!(n),
        Value::F32(x) => json!(x),
        Value::F64(x) => json!(x),
        Value::Text(s) => json!(s),
        Value::Decimal(d) => json!(d.to_string()),
        Value::Uuid(u) => json!(u.to_string()),
        Value::Date(d) => json!(d.to_string()),
        Value::Time(t) => json!(t.to_string()),
        Value::Timestamp(t) => json!(t.to_string()),
        Value::TimestampTz(t) => json!(t.to_rfc3339()),
        Value::Json(s) => serde_json::from_str(s).unwrap_or(serde_json::Value::Null),
        _ => serde_json::Value::Null,
    }
}

/// `UPDATE table SET a = ? WHERE key = ?`: a key of a cycle filled in after the rows.
fn update_statement<D: Dialect>(
    table: &TableRows,
    set: &[(String, Value<'static>)],
    by: &[(String, Value<'static>)],
) -> RenderedSql<'static> {
    let mut sql = String::from("UPDATE ");
    if let Some(schema) = &table.schema {
        D::write_ident(&mut sql, schema);
        sql.push('.');
    }
    D::write_ident(&mut sql, &table.table);
    let mut binds = Vec::new();
    for (i, (column, value)) in set.iter().enumerate() {
        sql.push_str(if i == 0 { " SET " } else { ", " });
        D::write_ident(&mut sql, column);
        sql.push_str(" = ");
        binds.push(value.clone());
        D::write_placeholder(&mut sql, binds.len());
    }
    for (i, (column, value)) in by.iter().enumerate() {
        sql.push_str(if i == 0 { " WHERE " } else { " AND " });
        D::write_ident(&mut sql, column);
        sql.push_str(" = ");
        binds.push(value.clone());
        D::write_placeholder(&mut sql, binds.len());
    }
    RenderedSql::new(sql, binds)
}

/// `INSERT INTO table (columns) VALUES (…), (…)` for `rows`.
fn insert_statement<D: Dialect>(table: &TableRows, rows: &[Vec<Value<'static>>]) -> RenderedSql<'static> {
    let mut sql = String::from("INSERT INTO ");
    if let Some(schema) = &table.schema {
        D::write_ident(&mut sql, schema);
        sql.push('.');
    }
    D::write_ident(&mut sql, &table.table);
    sql.push_str(" (");
    for (i, column) in table.columns.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        D::write_ident(&mut sql, column);
    }
    sql.push_str(") VALUES ");
    let mut binds = Vec::with_capacity(rows.len() * table.columns.len());
    for (r, row) in rows.iter().enumerate() {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for (c, value) in row.iter().enumerate() {
            if c > 0 {
                sql.push_str(", ");
            }
            binds.push(value.clone());
            D::write_placeholder(&mut sql, binds.len());
        }
        sql.push(')');
    }
    RenderedSql::new(sql, binds)
}
