//! Table-level declarations: composite primary keys, unique and check constraints,
//! foreign keys and indexes, built with typed columns and expressions.

use super::{ColumnInfo, RefAction, Table};
#[cfg(feature = "json")]
use crate::expr::Evaluate;
use crate::expr::{AppearsIn, Expression, OrderTerm};
use crate::query::{ColumnNames, ColumnsOf};
use crate::render::{RenderList, RenderSql, SqlWriter};
#[cfg(feature = "json")]
use crate::types::JsonObject;
use crate::types::{Bool, SameType};
#[cfg(feature = "json")]
use std::fmt;
use std::marker::PhantomData;
#[cfg(feature = "json")]
use std::sync::Arc;

/// A table as DDL sees it: its columns and everything declared beside them.
#[derive(Debug, Clone)]
pub struct TableDef {
    /// Unquoted name.
    pub name: &'static str,
    /// The schema (namespace) it lives in, if not the default one.
    pub schema: Option<&'static str>,
    /// The columns, in declaration order.
    pub columns: Vec<ColumnInfo>,
    /// Keys, constraints and indexes declared at the table level.
    pub extras: TableExtras,
}

/// What a table declares beside its columns.
#[derive(Debug, Clone, Default)]
pub struct TableExtras {
    /// A primary key over several columns.
    pub primary_key: Option<PrimaryKey>,
    /// Unique constraints.
    pub uniques: Vec<UniqueConstraint>,
    /// Check constraints.
    pub checks: Vec<CheckConstraint>,
    /// Foreign keys.
    pub foreign_keys: Vec<ForeignKey>,
    /// Indexes.
    pub indexes: Vec<Index>,
    /// Expressions that could not be written as DDL, with the reason.
    pub errors: Vec<String>,
    /// The table's comment (PostgreSQL, MySQL).
    pub comment: Option<String>,
    /// SQLite: the table is an FTS5 full-text index, not a table of rows.
    pub fts5: Option<Fts5>,
    /// PostgreSQL: row-level security and its policies.
    pub row_security: super::RowSecurity,
}

/// An FTS5 virtual table (SQLite): `CREATE VIRTUAL TABLE … USING fts5(…)`. Its columns are
/// the table's, but for one named `rowid`, which names FTS5's own row id for queries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fts5 {
    /// The table whose rows it indexes (an external content table), if any.
    pub content: Option<&'static str>,
    /// The content table's integer key, which becomes the index's rowid.
    pub content_rowid: Option<&'static str>,
    /// The tokenizer: `porter unicode61`, `trigram`….
    pub tokenize: Option<String>,
}

impl Fts5 {
    /// Indexes the rows of `table`, an external content table whose columns of the
    /// same names hold the text, keyed by its integer column `key`. `create_table` then
    /// also writes the triggers that keep the index in step with the table's writes.
    pub fn content<C: super::Column>(&mut self, key: C) -> &mut Self {
        let _ = key;
        self.content = Some(<C::Table as Table>::NAME);
        self.content_rowid = Some(C::NAME);
        self
    }

    /// The tokenizer and its options: `"porter unicode61"`, `"trigram"`.
    pub fn tokenize(&mut self, tokenizer: &str) -> &mut Self {
        self.tokenize = Some(tokenizer.to_owned());
        self
    }
}

/// The position of `column` among the indexed columns of the FTS5 table `T` (all but
/// `rowid`), as `highlight` and `snippet` number them.
pub fn fts5_column_index<T: Table>(column: &str) -> usize {
    T::columns()
        .iter()
        .filter(|c| c.name != "rowid")
        .position(|c| c.name == column)
        .unwrap_or(0)
}

/// `[CONSTRAINT name] PRIMARY KEY (columns)`.
#[derive(Debug, Clone, PartialEq)]
pub struct PrimaryKey {
    /// The constraint name; `<table>_<columns>_pk` when `None`.
    pub name: Option<String>,
    /// The key's columns.
    pub columns: Vec<&'static str>,
}

/// `CONSTRAINT name UNIQUE [NULLS NOT DISTINCT] (columns)`.
#[derive(Debug, Clone, PartialEq)]
pub struct UniqueConstraint {
    /// The constraint name; `<table>_<columns>_unique` when `None`.
    pub name: Option<String>,
    /// The columns.
    pub columns: Vec<&'static str>,
    /// PostgreSQL 15+: NULLs count as equal.
    pub nulls_not_distinct: bool,
}

/// `CONSTRAINT name CHECK (condition)`.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckConstraint {
    /// The constraint name.
    pub name: String,
    /// The condition, as SQL.
    pub sql: String,
    /// The condition in Rust, for a check written as a typed expression.
    #[cfg(feature = "json")]
    pub eval: Option<CheckEval>,
}

/// A typed check's condition evaluated in Rust over a JSON row: `Some(false)` when the
/// row breaks it, `None` when that cannot be known here.
#[cfg(feature = "json")]
#[derive(Clone)]
pub struct CheckEval(Arc<CheckFn>);

/// A check condition in Rust: `Some(false)` when the row breaks it.
#[cfg(feature = "json")]
type CheckFn = dyn Fn(&JsonObject) -> Option<bool> + Send + Sync;

#[cfg(feature = "json")]
impl CheckEval {
    /// Whether `row` satisfies the check, where that can be known.
    pub fn holds(&self, row: &JsonObject) -> Option<bool> {
        (self.0)(row)
    }
}

#[cfg(feature = "json")]
impl fmt::Debug for CheckEval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CheckEval(..)")
    }
}

/// Two evaluators of the same SQL are the same check.
#[cfg(feature = "json")]
impl PartialEq for CheckEval {
    fn eq(&self, _other: &Self) -> bool {
        true
    }
}

/// What a typed check's condition must be: with the `json` feature, evaluable in Rust
/// over a JSON row, which validators do.
#[cfg(feature = "json")]
pub trait CheckCondition: Evaluate + Send + Sync + 'static {}
#[cfg(feature = "json")]
impl<E: Evaluate + Send + Sync + 'static> CheckCondition for E {}

/// What a typed check's condition must be: without the `json` feature, nothing more than
/// a condition.
#[cfg(not(feature = "json"))]
pub trait CheckCondition {}
#[cfg(not(feature = "json"))]
impl<E> CheckCondition for E {}

/// `CONSTRAINT name FOREIGN KEY (columns) REFERENCES table (columns) …`.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKey {
    /// The constraint name; `<table>_<column>_<foreign table>_<foreign column>_fk` when `None`.
    pub name: Option<String>,
    /// The referencing columns.
    pub columns: Vec<&'static str>,
    /// The referenced table.
    pub foreign_table: &'static str,
    /// The referenced table's schema, if not the default one.
    pub foreign_schema: Option<&'static str>,
    /// The referenced columns.
    pub foreign_columns: Vec<&'static str>,
    /// `ON DELETE`.
    pub on_delete: Option<RefAction>,
    /// `ON UPDATE`.
    pub on_update: Option<RefAction>,
}

/// `CREATE [UNIQUE] INDEX name ON table (keys) …`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    /// The index name.
    pub name: String,
    /// `UNIQUE`.
    pub unique: bool,
    /// PostgreSQL's `CONCURRENTLY`.
    pub concurrently: bool,
    /// The method: `btree`, `hash`, `gin`…
    pub using: Option<IndexMethod>,
    /// The keys, as SQL: columns or expressions, with order and operator class.
    pub keys: Vec<String>,
    /// A partial index's condition, as SQL.
    pub where_sql: Option<String>,
    /// PostgreSQL storage parameters: `WITH (fillfactor=70)`.
    pub with: Vec<StorageParameter>,
    /// MySQL's `ALGORITHM=`.
    pub algorithm: Option<IndexAlgorithm>,
    /// MySQL's `LOCK=`.
    pub lock: Option<IndexLock>,
}

impl TableDef {
    /// The definition of table `T`: its columns, then what `T::define` declares.
    pub fn of<T: Table>() -> Self {
        let mut define = Define::<T> {
            extras: TableExtras::default(),
            table: PhantomData,
        };
        T::define(&mut define);
        TableDef {
            name: T::NAME,
            schema: T::SCHEMA,
            columns: T::columns(),
            extras: define.extras,
        }
    }
}

/// Renders a typed expression as DDL: columns bare, values as literals.
pub(super) fn ddl_sql<D: crate::dialect::Dialect, E: RenderSql<D>>(expr: &E) -> Result<String, String> {
    let mut out = SqlWriter::<D>::for_ddl();
    expr.render(&mut out);
    out.finish()
        .map(|rendered| rendered.sql.into_owned())
        .map_err(|e| e.to_string())
}

/// Names of columns given as a column or a tuple of them.
fn names<C: ColumnNames>(columns: &C) -> Vec<&'static str> {
    let mut out = Vec::new();
    columns.collect_names(&mut out);
    out
}

/// Declares table `T`'s keys, constraints and indexes; `table!` hands one to the code
/// after `define |t|`. Columns are checked to belong to `T`, expressions to read only `T`.
#[derive(Debug)]
pub struct Define<T> {
    pub(super) extras: TableExtras,
    table: PhantomData<T>,
}

impl<T: Table> Define<T> {
    /// A primary key over `columns` (a tuple of `T`'s columns).
    pub fn primary_key<C: ColumnNames + ColumnsOf<T>>(&mut self, columns: C) -> &mut PrimaryKey {
        self.extras.primary_key.insert(PrimaryKey {
            name: None,
            columns: names(&columns),
        })
    }

    /// A unique constraint over `columns`.
    pub fn unique<C: ColumnNames + ColumnsOf<T>>(&mut self, columns: C) -> &mut UniqueConstraint {
        self.extras.uniques.push(UniqueConstraint {
            name: None,
            columns: names(&columns),
            nulls_not_distinct: false,
        });
        self.extras.uniques.last_mut().expect("just pushed")
    }

    /// A check constraint from a typed condition over `T`'s columns; validators evaluate
    /// it in Rust too (with the `json` feature).
    pub fn check<E, I>(&mut self, name: &str, condition: E)
    where
        E: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect> + CheckCondition,
    {
        match ddl_sql::<T::Dialect, E>(&condition) {
            Ok(sql) => {
                self.extras.checks.push(CheckConstraint {
                    name: name.to_owned(),
                    sql,
                    #[cfg(feature = "json")]
                    eval: Some(CheckEval(Arc::new(move |row| {
                        condition.evaluate(row).and_then(|value| value.as_bool())
                    }))),
                });
            }
            Err(error) => self.extras.errors.push(format!("check `{name}`: {error}")),
        }
    }

    /// A check constraint written in SQL; only the database evaluates it.
    pub fn check_sql(&mut self, name: &str, condition: &str) {
        self.extras.checks.push(CheckConstraint {
            name: name.to_owned(),
            sql: condition.to_owned(),
            #[cfg(feature = "json")]
            eval: None,
        });
    }

    /// A foreign key from `columns` of `T` to `foreign` columns of one other (or the same) table.
    pub fn foreign_key<C, F, FT>(&mut self, columns: C, foreign: F) -> &mut ForeignKey
    where
        C: ColumnNames + ColumnsOf<T>,
        F: ColumnNames + ColumnsOf<FT>,
        FT: Table,
    {
        self.extras.foreign_keys.push(ForeignKey {
            name: None,
            columns: names(&columns),
            foreign_table: FT::NAME,
            foreign_schema: FT::SCHEMA,
            foreign_columns: names(&foreign),
            on_delete: None,
            on_update: None,
        });
        self.extras.foreign_keys.last_mut().expect("just pushed")
    }

    /// A comment on the table, kept by the database (PostgreSQL, MySQL; SQLite has none).
    pub fn comment(&mut self, text: &str) {
        self.extras.comment = Some(text.to_owned());
    }

    /// An index named `name`; give its keys with `.on(..)`.
    pub fn index(&mut self, name: &str) -> IndexBuilder<'_, T> {
        self.extras.indexes.push(Index {
            name: name.to_owned(),
            ..Index::default()
        });
        let index = self.extras.indexes.last_mut().expect("just pushed");
        IndexBuilder {
            index,
            errors: &mut self.extras.errors,
            table: PhantomData,
        }
    }

    /// A unique index named `name`.
    pub fn unique_index(&mut self, name: &str) -> IndexBuilder<'_, T> {
        self.index(name).unique()
    }
}

impl<T: Table<Dialect = crate::dialect::Sqlite>> Define<T> {
    /// Makes the table an FTS5 full-text index (SQLite): its columns are searched with
    /// [`fts5_match`](crate::expr::fts5_match), ranked with [`bm25`](crate::expr::bm25).
    /// `.content(docs::id)` indexes another table's rows rather than holding its own.
    pub fn fts5(&mut self) -> &mut Fts5 {
        self.extras.fts5.get_or_insert_with(Fts5::default)
    }
}

impl PrimaryKey {
    /// Names the constraint.
    pub fn named(&mut self, name: &str) -> &mut Self {
        self.name = Some(name.to_owned());
        self
    }
}

impl UniqueConstraint {
    /// Names the constraint.
    pub fn named(&mut self, name: &str) -> &mut Self {
        self.name = Some(name.to_owned());
        self
    }

    /// PostgreSQL 15+: NULLs count as equal, so only one row may have them.
    pub fn nulls_not_distinct(&mut self) -> &mut Self {
        self.nulls_not_distinct = true;
        self
    }
}

impl ForeignKey {
    /// Names the constraint.
    pub fn named(&mut self, name: &str) -> &mut Self {
        self.name = Some(name.to_owned());
        self
    }

    /// `ON DELETE action`.
    pub fn on_delete(&mut self, action: RefAction) -> &mut Self {
        self.on_delete = Some(action);
        self
    }

    /// `ON UPDATE action`.
    pub fn on_update(&mut self, action: RefAction) -> &mut Self {
        self.on_update = Some(action);
        self
    }
}

/// Builds an index of table `T`.
#[derive(Debug)]
pub struct IndexBuilder<'a, T> {
    index: &'a mut Index,
    errors: &'a mut Vec<String>,
    table: PhantomData<T>,
}

impl<T: Table> IndexBuilder<'_, T> {
    fn record<E: RenderSql<T::Dialect>>(&mut self, what: &str, expr: &E) -> Option<String> {
        ddl_sql::<T::Dialect, E>(expr)
            .map_err(|e| self.errors.push(format!("index `{}` {what}: {e}", self.index.name)))
            .ok()
    }

    /// The keys: a column or expression, `expr.desc().nulls_last()`, [`op_class`], or a tuple of those.
    pub fn on<K: OrderTerm<T, I> + RenderList<T::Dialect>, I>(self, keys: K) -> Self {
        let mut out = SqlWriter::<T::Dialect>::for_ddl();
        keys.render_list(&mut out);
        match out.finish() {
            Ok(rendered) => self.index.keys.push(rendered.sql.into_owned()),
            Err(error) => self.errors.push(format!("index `{}` keys: {error}", self.index.name)),
        }
        self
    }

    /// `UNIQUE`.
    pub fn unique(self) -> Self {
        self.index.unique = true;
        self
    }

    /// A FULLTEXT index (MySQL), which `match_against` over the same columns searches.
    pub fn fulltext(self) -> Self {
        self.using(IndexMethod::Fulltext)
    }

    /// The index method: `"btree"`, `"hash"`, `"gin"`, `"gist"`, `"spgist"`, `"brin"`, `"fulltext"`, or
    /// [`IndexMethod`]. Another name (an extension's method, such as pgvector's `"hnsw"`) is
    /// written as a quoted identifier, so text from elsewhere cannot add SQL. MySQL has
    /// `btree` and `hash` only; `create_table` fails on another.
    pub fn using(self, method: impl Into<IndexMethod>) -> Self {
        let method = method.into();
        let kind = <T::Dialect as crate::dialect::Dialect>::KIND;
        let mysql = kind == crate::dialect::DialectKind::MySql;
        if mysql && !matches!(method, IndexMethod::Btree | IndexMethod::Hash | IndexMethod::Fulltext) {
            self.errors.push(format!(
                "index `{}`: MySQL has no index method {method:?}",
                self.index.name
            ));
        }
        if !mysql && method == IndexMethod::Fulltext {
            self.errors.push(format!(
                "index `{}`: FULLTEXT indexes are MySQL's; PostgreSQL indexes a tsvector with \"gin\", SQLite searches an FTS5 table",
                self.index.name
            ));
        }
        self.index.using = Some(method);
        self
    }

    /// A partial index: only rows where `condition` holds (PostgreSQL, SQLite).
    pub fn where_<E, I>(mut self, condition: E) -> Self
    where
        E: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<T::Dialect>,
    {
        self.index.where_sql = self.record("condition", &condition);
        self
    }

    /// A storage parameter (PostgreSQL): `WITH (name=value)`. The name must be a plain
    /// name (letters, digits, `_`, and one `.` as in `toast.fillfactor`), or
    /// `create_table` fails; a value that is a number or a plain word is written as it is,
    /// any other as an escaped string literal.
    pub fn with(self, name: &str, value: &str) -> Self {
        match StorageParameter::new(name, value) {
            Some(parameter) => self.index.with.push(parameter),
            None => self.errors.push(format!(
                "index `{}`: {name:?} is not a storage parameter name",
                self.index.name
            )),
        }
        self
    }

    /// `CREATE INDEX CONCURRENTLY` (PostgreSQL).
    pub fn concurrently(self) -> Self {
        self.index.concurrently = true;
        self
    }

    /// `ALGORITHM=` (MySQL).
    pub fn algorithm(self, algorithm: IndexAlgorithm) -> Self {
        self.index.algorithm = Some(algorithm);
        self
    }

    /// `LOCK=` (MySQL).
    pub fn lock(self, lock: IndexLock) -> Self {
        self.index.lock = Some(lock);
        self
    }
}

/// An index method: `USING btree`. Built from its name with `"gin".into()`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IndexMethod {
    /// `btree`, the default.
    Btree,
    /// `hash`.
    Hash,
    /// `gin` (PostgreSQL).
    Gin,
    /// `gist` (PostgreSQL).
    Gist,
    /// `spgist` (PostgreSQL).
    SpGist,
    /// `brin` (PostgreSQL).
    Brin,
    /// A FULLTEXT index (MySQL), for `MATCH … AGAINST`: `CREATE FULLTEXT INDEX`.
    Fulltext,
    /// Another method (an extension's, such as pgvector's `hnsw`), written as a quoted
    /// identifier (PostgreSQL).
    Named(String),
}

impl From<&str> for IndexMethod {
    /// The method named `name`, ignoring case; another name becomes [`IndexMethod::Named`].
    fn from(name: &str) -> Self {
        match name.to_ascii_lowercase().as_str() {
            "btree" => IndexMethod::Btree,
            "hash" => IndexMethod::Hash,
            "gin" => IndexMethod::Gin,
            "gist" => IndexMethod::Gist,
            "spgist" => IndexMethod::SpGist,
            "brin" => IndexMethod::Brin,
            "fulltext" => IndexMethod::Fulltext,
            _ => IndexMethod::Named(name.to_owned()),
        }
    }
}

/// MySQL's `ALGORITHM=` for an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexAlgorithm {
    /// `default`.
    Default,
    /// `inplace`.
    Inplace,
    /// `copy`.
    Copy,
    /// `nocopy` (MariaDB).
    Nocopy,
    /// `instant`.
    Instant,
}

impl IndexAlgorithm {
    /// The keyword.
    pub fn sql(self) -> &'static str {
        match self {
            IndexAlgorithm::Default => "default",
            IndexAlgorithm::Inplace => "inplace",
            IndexAlgorithm::Copy => "copy",
            IndexAlgorithm::Nocopy => "nocopy",
            IndexAlgorithm::Instant => "instant",
        }
    }
}

/// MySQL's `LOCK=` for an index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexLock {
    /// `default`.
    Default,
    /// `none`.
    None,
    /// `shared`.
    Shared,
    /// `exclusive`.
    Exclusive,
}

impl IndexLock {
    /// The keyword.
    pub fn sql(self) -> &'static str {
        match self {
            IndexLock::Default => "default",
            IndexLock::None => "none",
            IndexLock::Shared => "shared",
            IndexLock::Exclusive => "exclusive",
        }
    }
}

/// A PostgreSQL storage parameter of an index, `name=value`: a name checked to be plain,
/// and a value that is a number, a plain word, or else an escaped string literal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StorageParameter {
    name: String,
    value: String,
}

impl StorageParameter {
    /// The parameter, or `None` when `name` is not a plain (optionally dotted) name.
    pub fn new(name: &str, value: &str) -> Option<Self> {
        is_dotted_name(name).then(|| StorageParameter {
            name: name.to_owned(),
            value: value.to_owned(),
        })
    }

    /// Writes `name=value`.
    pub(crate) fn write(&self, sql: &mut String) -> Result<(), crate::EncodeError> {
        sql.push_str(&self.name);
        sql.push('=');
        let number = self.value.parse::<f64>().is_ok_and(f64::is_finite)
            && self.value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
        if number || is_plain_name(&self.value) {
            sql.push_str(&self.value);
            Ok(())
        } else {
            crate::dialect::write_text(crate::dialect::DialectKind::Pg, sql, &self.value)
        }
    }
}

/// A name SQL reads the same quoted or not: a lowercase ASCII letter or `_`, then those
/// and digits. Written bare, it cannot be anything but a name.
pub(crate) fn is_plain_name(name: &str) -> bool {
    let mut bytes = name.bytes();
    bytes
        .next()
        .is_some_and(|first| first.is_ascii_lowercase() || first == b'_')
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A plain name, or two joined by a `.`: `toast.fillfactor`, `pg_catalog.english`,
/// `app.tenant_id`.
pub(crate) fn is_dotted_name(name: &str) -> bool {
    let mut parts = name.split('.');
    parts.clone().count() <= 2 && parts.all(is_plain_name)
}

/// An index key with an operator class (PostgreSQL): `"name" text_pattern_ops`.
#[derive(Debug, Clone, Copy)]
pub struct OpClass<E> {
    expr: E,
    class: &'static str,
}

/// Key `expr` with operator class `class`.
pub fn op_class<E: Expression>(expr: E, class: &'static str) -> OpClass<E> {
    OpClass { expr, class }
}

impl<E: RenderSql<D>, D: crate::dialect::Dialect> RenderList<D> for OpClass<E> {
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
        out.push_sql(" ");
        // A class name is code, but may have come from anywhere: bare only when plain.
        if is_plain_name(self.class) {
            out.push_sql(self.class);
        } else {
            out.push_ident(self.class);
        }
    }
}

impl<E: AppearsIn<S, I>, S, I> OrderTerm<S, I> for OpClass<E> {}
