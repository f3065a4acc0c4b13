//! Column constraints as DDL reads them: primary key, unique, default, references.

use super::Column;
use crate::schema::Table;

/// The constraints declared on one column.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `PRIMARY KEY`.
    pub primary_key: bool,
    /// `AUTOINCREMENT` (SQLite) or `AUTO_INCREMENT` (MySQL).
    pub autoincrement: bool,
    /// `UNIQUE`, with the constraint's name if one was given.
    pub unique: Option<Option<&'static str>>,
    /// `DEFAULT …`.
    pub default: Option<ColumnDefault>,
    /// `REFERENCES …`.
    pub references: Option<Reference>,
}

/// A column default as DDL writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnDefault {
    /// An integer literal.
    Int(i64),
    /// A float literal.
    Float(f64),
    /// A boolean literal (`true`/`false`, or `1`/`0` where there is no boolean).
    Bool(bool),
    /// A string literal, quoted and escaped when written.
    Text(&'static str),
    /// Raw SQL, written as given (wrapped in parentheses where the dialect requires it).
    Sql(&'static str),
    /// The current timestamp in the dialect's spelling.
    Now,
    /// A random UUID (PostgreSQL's `gen_random_uuid()`, MySQL's `uuid()`).
    RandomUuid,
}

macro_rules! default_from {
    ($($t:ty => $variant:ident),*) => {$(
        impl From<$t> for ColumnDefault {
            fn from(value: $t) -> Self {
                ColumnDefault::$variant(value.into())
            }
        }
    )*};
}
default_from!(i8 => Int, i16 => Int, i32 => Int, i64 => Int, u8 => Int, u16 => Int, u32 => Int,
    f32 => Float, f64 => Float, bool => Bool, &'static str => Text);

/// A foreign key from one column to a column of another (or the same) table.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference {
    /// The referenced table.
    pub table: &'static str,
    /// The referenced column.
    pub column: &'static str,
    /// `ON DELETE` action.
    pub on_delete: Option<RefAction>,
    /// `ON UPDATE` action.
    pub on_update: Option<RefAction>,
}

/// What a foreign key does when the referenced row is deleted or its key changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefAction {
    /// `CASCADE`.
    Cascade,
    /// `RESTRICT`.
    Restrict,
    /// `NO ACTION`.
    NoAction,
    /// `SET NULL`.
    SetNull,
    /// `SET DEFAULT`.
    SetDefault,
}

impl RefAction {
    /// The SQL keywords.
    pub fn sql(self) -> &'static str {
        match self {
            RefAction::Cascade => "CASCADE",
            RefAction::Restrict => "RESTRICT",
            RefAction::NoAction => "NO ACTION",
            RefAction::SetNull => "SET NULL",
            RefAction::SetDefault => "SET DEFAULT",
        }
    }
}

impl Constraints {
    /// No constraints.
    pub fn new() -> Self {
        <Self as Default>::default()
    }

    /// `PRIMARY KEY`.
    pub fn primary_key(mut self) -> Self {
        self.primary_key = true;
        self
    }

    /// `AUTOINCREMENT` / `AUTO_INCREMENT`.
    pub fn autoincrement(mut self) -> Self {
        self.autoincrement = true;
        self
    }

    /// `UNIQUE`, with the default constraint name.
    pub fn unique(mut self) -> Self {
        self.unique = Some(None);
        self
    }

    /// `CONSTRAINT name UNIQUE`.
    pub fn unique_named(mut self, name: &'static str) -> Self {
        self.unique = Some(Some(name));
        self
    }

    /// `DEFAULT <literal>`.
    pub fn default(mut self, value: impl Into<ColumnDefault>) -> Self {
        self.default = Some(value.into());
        self
    }

    /// `DEFAULT (<sql>)`: raw SQL, as given.
    pub fn default_sql(mut self, sql: &'static str) -> Self {
        self.default = Some(ColumnDefault::Sql(sql));
        self
    }

    /// `DEFAULT` the current timestamp.
    pub fn default_now(mut self) -> Self {
        self.default = Some(ColumnDefault::Now);
        self
    }

    /// `DEFAULT` a random UUID.
    pub fn default_random(mut self) -> Self {
        self.default = Some(ColumnDefault::RandomUuid);
        self
    }

    /// `REFERENCES table(column)`.
    pub fn references<C: Column>(mut self, _column: C) -> Self {
        self.references = Some(Reference {
            table: <C::Table as Table>::NAME,
            column: C::NAME,
            on_delete: None,
            on_update: None,
        });
        self
    }

    /// `ON DELETE <action>` of the reference declared before.
    pub fn on_delete(mut self, action: RefAction) -> Self {
        if let Some(reference) = &mut self.references {
            reference.on_delete = Some(action);
        }
        self
    }

    /// `ON UPDATE <action>` of the reference declared before.
    pub fn on_update(mut self, action: RefAction) -> Self {
        if let Some(reference) = &mut self.references {
            reference.on_update = Some(action);
        }
        self
    }
}
