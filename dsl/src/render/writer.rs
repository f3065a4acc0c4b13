//! The one-pass SQL writer: SQL text and bound values grow together and cannot drift apart.

use super::shapes::Shape;
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
    /// Columns of the table named `.0` are written under alias `.1` instead.
    alias: Option<(&'static str, &'static str)>,
    inline_values: bool,
    ddl_quotes: bool,
    slots: Vec<Slot>,
    mode: Mode,
    dialect: PhantomData<D>,
}

/// What a writer does with the pieces of text it is given.
#[derive(Debug)]
enum Mode {
    /// Writes them: the statement's text.
    Text,
    /// A shape pass: fingerprints every piece, and writes nothing.
    Pieces(Fingerprint),
    /// A shape pass over a statement whose static text follows from its type (see
    /// [`RenderSql::TYPE_SHAPED`]): the type is in the fingerprint already, so only what
    /// depends on values (numbers, text made at run time, choices) is fingerprinted.
    ValuesOnly(Fingerprint),
}

/// What a statement's text is made of, hashed: two statements with the same fingerprint
/// have the same text. See [`shapes`](super::shapes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    a: u64,
    b: u64,
}

/// Tags that keep the kinds of pieces apart in a fingerprint.
const TEXT_PIECE: u64 = 2 << 62;
const NUMBER_PIECE: u64 = 3 << 62;
const COLUMN_PIECE: u64 = 1 << 62;
const CHOICE_PIECE: u64 = (3 << 62) | 1;

/// How many bound values a shape pass makes room for before it starts.
const SHAPE_PASS_BINDS: usize = 32;

impl Fingerprint {
    /// A fingerprint of nothing yet, for `kind`, seeded once per process so that nobody
    /// can choose text that collides with another statement's.
    fn new(kind: crate::dialect::DialectKind) -> Self {
        static SEED: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
        let seed = *SEED.get_or_init(|| {
            use std::hash::{BuildHasher, Hasher};
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u64(0x6d69_7a7a_6c65);
            hasher.finish()
        });
        let mut fingerprint = Fingerprint { a: seed, b: !seed };
        fingerprint.add(kind as u64);
        fingerprint
    }

    #[inline]
    fn add(&mut self, word: u64) {
        self.a = (self.a ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
        self.b = (self.b.rotate_left(17) ^ word).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
    }

    /// A `'static` string: the same address always holds the same text. Addresses fit in
    /// 48 bits, so one word holds the address and (rotated into the top bits) the length.
    #[inline]
    fn add_static(&mut self, text: &'static str) {
        self.add(static_word(text));
    }

    /// A column, `"table"."column"` or `"column"`, as one piece: both names are `'static`,
    /// so their words, mixed, stand for the whole, and the `.` between them follows.
    #[inline]
    fn add_column(&mut self, qualifier: Option<&'static str>, name: &'static str) {
        let name = static_word(name);
        self.add(match qualifier {
            Some(qualifier) => static_word(qualifier).wrapping_mul(0xD6E8_FEB8_6659_FD93) ^ name ^ COLUMN_PIECE,
            None => name,
        });
    }

    /// A string made at run time: its bytes.
    fn add_text(&mut self, text: &str) {
        for chunk in text.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        self.add(text.len() as u64 | TEXT_PIECE);
    }
}

/// The word a `'static` string stands for: its address, with its length in the top bits.
#[inline]
fn static_word(text: &'static str) -> u64 {
    text.as_ptr() as u64 ^ (text.len() as u64).rotate_right(16)
}

impl Fingerprint {
    /// One well-mixed word of the fingerprint, to hash it by.
    pub(crate) fn word(self) -> u64 {
        self.a
    }
}

impl std::hash::Hash for Fingerprint {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.word());
    }
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
    /// The kept text this statement's SQL is, when it is one: statements of the same
    /// shape have the same text, so a backend can find its prepared statement by it.
    pub shape: Option<Shape>,
    /// Whether the statement only reads (a SELECT without a row lock): a read replica may
    /// answer it. `false` unless the query builder knows, so raw SQL goes to the primary.
    pub read_only: bool,
}

impl<'q> RenderedSql<'q> {
    /// A statement written by hand (raw SQL, generated DDL): no shape, and not known to
    /// only read.
    pub fn new(sql: impl Into<Cow<'q, str>>, binds: Vec<Value<'q>>) -> Self {
        RenderedSql {
            sql: sql.into(),
            binds,
            shape: None,
            read_only: false,
        }
    }

    /// Marks the statement as one that only reads, when `A` says so.
    pub fn with_access<A: crate::access::Access>(mut self) -> Self {
        self.read_only = A::READS;
        self
    }
}

impl<'q, D: Dialect> Default for SqlWriter<'q, D> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'q, D: Dialect> SqlWriter<'q, D> {
    /// An empty writer.
    pub fn new() -> Self {
        Self::writing(String::with_capacity(128), Mode::Text)
    }

    fn writing(sql: String, mode: Mode) -> Self {
        SqlWriter {
            sql,
            binds: Vec::new(),
            error: None,
            qualify_columns: true,
            alias: None,
            inline_values: false,
            ddl_quotes: false,
            slots: Vec::new(),
            mode,
            dialect: PhantomData,
        }
    }

    /// A writer for the shape pass: it collects the binds and the fingerprint of the text,
    /// and writes no text. With `by_type`, the statement's static text follows from its
    /// type, which the caller keys it by, and only what depends on values is fingerprinted.
    pub(crate) fn for_shape(by_type: bool) -> Self {
        let fingerprint = Fingerprint::new(D::KIND);
        let mode = match by_type {
            true => Mode::ValuesOnly(fingerprint),
            false => Mode::Pieces(fingerprint),
        };
        // No text is written, so no buffer is allocated for it. The binds start with room
        // for a few filters' worth of values: growing from nothing to 20 reallocates four
        // times, and one allocation costs the same whatever its size.
        let mut out = Self::writing(String::new(), mode);
        out.binds.reserve(SHAPE_PASS_BINDS);
        out
    }

    /// Appends SQL text verbatim: keywords and punctuation, never user data.
    #[inline]
    pub fn push_sql(&mut self, sql: &'static str) {
        match &mut self.mode {
            Mode::Text => self.sql.push_str(sql),
            Mode::Pieces(fingerprint) => fingerprint.add_static(sql),
            Mode::ValuesOnly(_) => {}
        }
    }

    /// Appends SQL text made at run time (raw SQL built from strings), verbatim.
    pub fn push_sql_text(&mut self, sql: &str) {
        match &mut self.mode {
            Mode::Text => self.sql.push_str(sql),
            Mode::Pieces(fingerprint) | Mode::ValuesOnly(fingerprint) => fingerprint.add_text(sql),
        }
    }

    /// Appends a quoted, escaped identifier.
    #[inline]
    pub fn push_ident(&mut self, ident: &'static str) {
        match &mut self.mode {
            Mode::Text => self.write_ident(ident),
            Mode::Pieces(fingerprint) => fingerprint.add_static(ident),
            Mode::ValuesOnly(_) => {}
        }
    }

    /// Appends a column: `"table"."column"` with `qualifier` where columns are written
    /// with their table (see [`set_qualify_columns`](Self::set_qualify_columns)), else
    /// `"column"`. Every column goes through here: the shape pass takes it as one piece.
    #[inline]
    pub fn push_column(&mut self, qualifier: &'static str, name: &'static str) {
        let qualifier = match self.alias {
            Some((table, alias)) if table == qualifier => alias,
            _ => qualifier,
        };
        let qualifier = self.qualify_columns.then_some(qualifier);
        match &mut self.mode {
            Mode::Text => {
                if let Some(qualifier) = qualifier {
                    self.write_ident(qualifier);
                    self.sql.push('.');
                }
                self.write_ident(name);
            }
            Mode::Pieces(fingerprint) => fingerprint.add_column(qualifier, name),
            Mode::ValuesOnly(_) => {}
        }
    }

    /// Appends the column an UPDATE's SET assigns: its bare name, except on MySQL in a
    /// statement that qualifies its columns (an UPDATE of several tables), where it is
    /// `table`.`column`. PostgreSQL and SQLite refuse a qualified SET target.
    #[inline]
    pub fn push_set_target(&mut self, table: &'static str, column: &'static str) {
        if D::KIND == crate::dialect::DialectKind::MySql {
            self.push_column(table, column);
        } else {
            self.push_ident(column);
        }
    }

    fn write_ident(&mut self, ident: &str) {
        if self.ddl_quotes {
            crate::schema::ddl_ident(D::KIND, &mut self.sql, ident);
        } else {
            D::write_ident(&mut self.sql, ident);
        }
    }

    /// Appends a table's quoted name, with its schema if it has one: `"auth"."users"`.
    #[inline]
    pub fn push_table(&mut self, schema: Option<&'static str>, name: &'static str) {
        if let Some(schema) = schema {
            self.push_ident(schema);
            self.push_sql(".");
        }
        self.push_ident(name);
    }

    /// Records `value` and writes its placeholder; in DDL, writes it as a literal.
    #[inline]
    pub fn push_bind(&mut self, value: Value<'q>) {
        // One test before the value is stored, so that it is written straight into the
        // vector (see [`push_in_place`](crate::exec::push_in_place)); a literal and a full
        // vector take the way out of line.
        if self.inline_values || self.binds.len() == self.binds.capacity() {
            return self.push_bind_slowly(value);
        }
        self.binds.push(value);
        self.write_placeholder();
    }

    /// Writes the placeholder of the last bound value. A placeholder's text follows from
    /// how many binds came before it: nothing to fingerprint.
    #[inline]
    fn write_placeholder(&mut self) {
        if let Mode::Text = self.mode {
            D::write_placeholder(&mut self.sql, self.binds.len());
        }
    }

    /// [`push_bind`](Self::push_bind) for a value to write as a literal (DDL) or a vector
    /// of values that has to grow first.
    #[cold]
    #[inline(never)]
    fn push_bind_slowly(&mut self, value: Value<'q>) {
        if self.inline_values {
            return self.push_literal(value);
        }
        self.binds.push(value);
        self.write_placeholder();
    }

    /// Writes `value` as a literal, as DDL needs.
    fn push_literal(&mut self, value: Value<'q>) {
        if let Err(error) = crate::dialect::write_literal(D::KIND, &mut self.sql, &value) {
            self.push_error(error);
        }
    }

    /// Makes room for `additional` more bound values: a many-row insert knows its size
    /// after its first row, and growing the vector row by row would copy it over and over.
    pub fn reserve_binds(&mut self, additional: usize) {
        if !self.inline_values {
            self.binds.reserve(additional);
        }
    }

    /// How many values are bound so far.
    pub fn bind_count(&self) -> usize {
        self.binds.len()
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

    /// Writes `name` as a quoted literal, `'english'`: a name the SQL takes as text (a text
    /// search configuration, a setting). Only a plain, maybe dotted, lowercase name is
    /// written; any other is an error naming `what` it should have been, never SQL.
    pub(crate) fn push_name_literal(&mut self, name: &'static str, what: &str) {
        let plain = crate::schema::is_dotted_name(name);
        if !plain {
            self.push_error(EncodeError::new(format!(
                "{name:?} is not a {what} name (lowercase letters, digits and `_`, with one `.` at most)"
            )));
        }
        self.push_sql("'");
        self.push_sql_text(if plain { name } else { "" });
        self.push_sql("'");
    }

    /// Writes an integer as a literal. Used for LIMIT and OFFSET, whose values the
    /// builder owns: a bound LIMIT makes SQLite re-prepare the statement on every run.
    pub fn push_u64(&mut self, n: u64) {
        use std::fmt::Write;
        match &mut self.mode {
            Mode::Text => {
                let _ = write!(self.sql, "{n}");
            }
            Mode::Pieces(fingerprint) | Mode::ValuesOnly(fingerprint) => {
                fingerprint.add(n);
                fingerprint.add(NUMBER_PIECE);
            }
        }
    }

    /// Records a choice made at run time between static pieces of text, such as whether a
    /// clause is there at all. Writes nothing: the pieces chosen are written as usual. A
    /// node that is [`TYPE_SHAPED`](super::RenderSql::TYPE_SHAPED) and picks its text by
    /// its values must record each choice here, so that statements of one type with
    /// different texts are told apart.
    #[inline]
    pub fn push_choice(&mut self, choice: u64) {
        if let Mode::Pieces(fingerprint) | Mode::ValuesOnly(fingerprint) = &mut self.mode {
            fingerprint.add(choice);
            fingerprint.add(CHOICE_PIECE);
        }
    }

    /// Whether columns are written with their table (`"users"."id"`), as a SELECT needs,
    /// or alone (`"id"`), as single-table writes spell them. Returns the previous setting.
    pub fn set_qualify_columns(&mut self, qualify: bool) -> bool {
        std::mem::replace(&mut self.qualify_columns, qualify)
    }

    /// Writes the columns of the table named `table` under `alias` (for a table joined
    /// under another name, such as a level of a relational query), or stops with `None`;
    /// returns the setting it replaces.
    pub fn set_alias(&mut self, alias: Option<(&'static str, &'static str)>) -> Option<(&'static str, &'static str)> {
        std::mem::replace(&mut self.alias, alias)
    }

    /// The alias the columns of a table are written under now (see
    /// [`set_alias`](Self::set_alias)), if any.
    pub fn alias(&self) -> Option<(&'static str, &'static str)> {
        self.alias
    }

    /// Whether values are written as literals (DDL) rather than bound.
    pub fn writes_literals(&self) -> bool {
        self.inline_values
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

    /// Finishes a shape pass: the fingerprint and the binds, or `None` when the statement
    /// must be rendered in full (to report an error with its text, or to prepare it).
    pub(crate) fn finish_shape(self) -> Option<(Fingerprint, Vec<Value<'q>>)> {
        let usable = self.error.is_none() && self.slots.is_empty() && self.binds.len() <= D::MAX_PARAMS;
        match self.mode {
            Mode::Pieces(fingerprint) | Mode::ValuesOnly(fingerprint) if usable => Some((fingerprint, self.binds)),
            _ => None,
        }
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
            None => Ok(RenderedSql::new(self.sql, self.binds)),
        }
    }
}
