//! The one-pass SQL writer: SQL text and bound values grow together and cannot drift apart.

use crate::dialect::Dialect;
use crate::error::{EncodeError, Error};
use crate::types::{ParamKind, Value};
use std::borrow::Cow;
use std::marker::PhantomData;

/// Collects the SQL text and the bound values of one statement.
#[derive(Debug)]
pub struct SqlWriter<'q, D> {
    sql: String,
    binds: Vec<Value<'q>>,
    error: Option<EncodeError>,
    qualify_columns: bool,
    inline_values: bool,
    ddl_quotes: bool,
    slots: Vec<Slot>,
    dialect: PhantomData<D>,
}

/// A named placeholder of a prepared statement: which bind it fills and what it accepts.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// The placeholder's name.
    pub name: &'static str,
    /// The index of the bind it fills.
    pub index: usize,
    /// What it accepts.
    pub kind: ParamKind,
}

/// A rendered statement: its SQL text and, in placeholder order, its bound values.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedSql<'q> {
    /// The SQL text with placeholders.
    pub sql: Cow<'q, str>,
    /// One value per placeholder.
    pub binds: Vec<Value<'q>>,
}

impl<'q, D: Dialect> Default for SqlWriter<'q, D> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'q, D: Dialect> SqlWriter<'q, D> {
    /// An empty writer.
    pub fn new() -> Self {
        SqlWriter {
            sql: String::with_capacity(128),
            binds: Vec::new(),
            error: None,
            qualify_columns: true,
            inline_values: false,
            ddl_quotes: false,
            slots: Vec::new(),
            dialect: PhantomData,
        }
    }

    /// Appends SQL text verbatim: keywords and punctuation, never user data.
    pub fn push_sql(&mut self, sql: &str) {
        self.sql.push_str(sql);
    }

    /// Appends a quoted, escaped identifier.
    pub fn push_ident(&mut self, ident: &str) {
        if self.ddl_quotes {
            crate::schema::ddl_ident(D::KIND, &mut self.sql, ident);
        } else {
            D::write_ident(&mut self.sql, ident);
        }
    }

    /// Appends a table's quoted name, with its schema if it has one: `"auth"."users"`.
    pub fn push_table(&mut self, schema: Option<&str>, name: &str) {
        if let Some(schema) = schema {
            self.push_ident(schema);
            self.sql.push('.');
        }
        self.push_ident(name);
    }

    /// Records `value` and writes its placeholder; in DDL, writes it as a literal.
    pub fn push_bind(&mut self, value: Value<'q>) {
        if self.inline_values {
            if let Err(error) = crate::dialect::write_literal(D::KIND, &mut self.sql, &value) {
                self.push_error(error);
            }
            return;
        }
        self.binds.push(value);
        D::write_placeholder(&mut self.sql, self.binds.len());
    }

    /// A writer for DDL: values become literals, columns go without their table (as CHECK
    /// constraints and index expressions need), and identifiers are quoted as DDL quotes them.
    pub fn for_ddl() -> Self {
        let mut out = Self::new();
        out.inline_values = true;
        out.qualify_columns = false;
        out.ddl_quotes = true;
        out
    }

    /// Writes the placeholder of a named parameter, whose value comes when a prepared
    /// statement runs.
    pub fn push_slot(&mut self, name: &'static str, kind: ParamKind) {
        self.slots.push(Slot {
            name,
            index: self.binds.len(),
            kind,
        });
        self.push_bind(Value::Null);
    }

    /// Records a value that could not be encoded; the statement will not be sent.
    pub fn push_error(&mut self, error: EncodeError) {
        // The first error is the one to report: later ones often follow from it.
        self.error.get_or_insert(error);
    }

    /// Writes an integer as a literal. Used for LIMIT and OFFSET, whose values the
    /// builder owns: a bound LIMIT makes SQLite re-prepare the statement on every run.
    pub fn push_u64(&mut self, n: u64) {
        use std::fmt::Write;
        let _ = write!(self.sql, "{n}");
    }

    /// Whether columns are written with their table (`"users"."id"`), as a SELECT needs,
    /// or alone (`"id"`), as single-table writes spell them. Returns the previous setting.
    pub fn set_qualify_columns(&mut self, qualify: bool) -> bool {
        std::mem::replace(&mut self.qualify_columns, qualify)
    }

    /// Whether columns are written with their table.
    pub fn qualify_columns(&self) -> bool {
        self.qualify_columns
    }

    /// The SQL written so far.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// Finishes the statement, or names the first value that could not be encoded. A
    /// statement with named placeholders must be prepared instead.
    pub fn finish(self) -> Result<RenderedSql<'q>, Error> {
        if let Some(slot) = self.slots.first() {
            let source = EncodeError::new(format!(
                "the statement has a placeholder `{}`; run it with `.prepare()` and give its value in `Params`",
                slot.name
            ));
            return Err(Error::Encode { sql: self.sql, source });
        }
        self.finish_checked()
    }

    /// Finishes a statement to prepare: the SQL, the binds (placeholders bind NULL until
    /// filled) and the placeholders.
    pub fn finish_prepared(mut self) -> Result<(RenderedSql<'q>, Vec<Slot>), Error> {
        let slots = std::mem::take(&mut self.slots);
        self.finish_checked().map(|rendered| (rendered, slots))
    }

    fn finish_checked(mut self) -> Result<RenderedSql<'q>, Error> {
        if self.error.is_none() && self.binds.len() > D::MAX_PARAMS {
            self.error = Some(EncodeError::new(format!(
                "the statement has {} parameters and {} accepts at most {}; insert fewer rows per statement",
                self.binds.len(),
                D::NAME,
                D::MAX_PARAMS
            )));
        }
        match self.error {
            Some(source) => Err(Error::Encode { sql: self.sql, source }),
            None => Ok(RenderedSql {
                sql: Cow::Owned(self.sql),
                binds: self.binds,
            }),
        }
    }
}
