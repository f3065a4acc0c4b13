//! [`Validator`]: insert, update and select validators for a table.

use crate::check::check;
use crate::error::{pointer, Code, ValidationError, ValidationErrors};
use crate::refine::Rule;
use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::query::{FromJsonRecord, TableRecords};
use mizzle_dsl::schema::{BelongsTo, CheckConstraint, Column, ColumnInfo, Identity, Table, TableDef};
use serde_json::Value as Json;
use std::marker::PhantomData;

/// Which body a validator checks.
pub trait Mode: crate::private::Sealed {
    /// Whether the body must give the column.
    fn required(column: &ColumnInfo) -> bool;
    /// Whether the body may give the column at all.
    fn writable(column: &ColumnInfo) -> bool;
    /// Whether a column the body leaves out is NULL in the row (an insert's columns without
    /// a default), rather than unknown.
    fn omitted_is_null(column: &ColumnInfo) -> bool;
    /// The validator's name in schemas: `insert`, `update`, `select`.
    const NAME: &'static str;
}

/// Validates bodies to insert: required columns present, defaulted and nullable ones optional.
#[derive(Debug, Clone, Copy)]
pub struct Insert;
/// Validates bodies to update: every column optional.
#[derive(Debug, Clone, Copy)]
pub struct Update;
/// Validates rows as selected: every column present, nullable ones may be null.
#[derive(Debug, Clone, Copy)]
pub struct Select;

/// Generated and identity-always columns are the database's to fill.
fn computed(column: &ColumnInfo) -> bool {
    column.constraints.generated.is_some() || column.constraints.identity == Some(Identity::Always)
}

impl Mode for Insert {
    fn required(column: &ColumnInfo) -> bool {
        column.not_null && !column.has_default
    }
    fn writable(column: &ColumnInfo) -> bool {
        !computed(column)
    }
    fn omitted_is_null(column: &ColumnInfo) -> bool {
        !column.has_default
    }
    const NAME: &'static str = "insert";
}

impl Mode for Update {
    fn required(_column: &ColumnInfo) -> bool {
        false
    }
    fn writable(column: &ColumnInfo) -> bool {
        !computed(column)
    }
    fn omitted_is_null(_column: &ColumnInfo) -> bool {
        false
    }
    const NAME: &'static str = "update";
}

impl Mode for Select {
    fn required(_column: &ColumnInfo) -> bool {
        true
    }
    fn writable(_column: &ColumnInfo) -> bool {
        true
    }
    fn omitted_is_null(_column: &ColumnInfo) -> bool {
        false
    }
    const NAME: &'static str = "select";
}

/// A validator of JSON bodies for table `T`, in mode `M`.
pub struct Validator<T, M> {
    pub(crate) columns: Vec<ColumnInfo>,
    /// Each column's JSON pointer, made once rather than per body.
    pointers: Vec<String>,
    /// The table's checks written as typed expressions, which Rust can evaluate.
    checks: Vec<CheckConstraint>,
    pub(crate) refinements: Vec<(&'static str, Rule)>,
    pub(crate) allow_unknown: bool,
    table: PhantomData<(T, M)>,
}

impl<T, M> std::fmt::Debug for Validator<T, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns: Vec<&str> = self.columns.iter().map(|c| c.name).collect();
        f.debug_struct("Validator")
            .field("columns", &columns)
            .field("refinements", &self.refinements)
            .finish()
    }
}

impl<T: Table, M: Mode> Validator<T, M> {
    fn new() -> Self {
        let definition = TableDef::of::<T>();
        let pointers = definition
            .columns
            .iter()
            .map(|column| pointer("", column.name))
            .collect();
        let checks = definition
            .extras
            .checks
            .into_iter()
            .filter(|check| check.eval.is_some())
            .collect();
        Validator {
            columns: definition.columns,
            pointers,
            checks,
            refinements: Vec::new(),
            allow_unknown: false,
            table: PhantomData,
        }
    }

    /// Adds a rule for `column`, checked after its type's own rules.
    pub fn refine<C: Column + BelongsTo<T>>(mut self, _column: C, rule: Rule) -> Self {
        self.refinements.push((C::NAME, rule));
        self
    }

    /// Ignores fields the table does not have, instead of refusing them.
    pub fn allow_unknown_fields(mut self) -> Self {
        self.allow_unknown = true;
        self
    }

    /// Checks a body, reporting every problem; on success, the body's object.
    pub fn check<'b>(&self, body: &'b Json) -> Result<&'b serde_json::Map<String, Json>, ValidationErrors> {
        let Some(object) = body.as_object() else {
            return Err(ValidationErrors(vec![ValidationError {
                pointer: String::new(),
                code: Code::InvalidBody,
                message: format!("expected a JSON object, found {body}"),
            }]));
        };
        let mut errors = Vec::new();
        if !self.allow_unknown {
            for field in object
                .keys()
                .filter(|field| !self.columns.iter().any(|c| c.name == field.as_str()))
            {
                errors.push(ValidationError {
                    pointer: pointer("", field),
                    code: Code::UnknownField,
                    message: format!("`{}` has no column `{field}`", T::NAME),
                });
            }
        }
        for (column, at) in self.columns.iter().zip(&self.pointers) {
            let fail = |code, message: &str| ValidationError {
                pointer: at.clone(),
                code,
                message: message.to_owned(),
            };
            match object.get(column.name) {
                None if M::required(column) => errors.push(fail(Code::Required, "is required")),
                None => {}
                Some(_) if !M::writable(column) => errors.push(fail(
                    Code::NotWritable,
                    "is computed by the database and cannot be given",
                )),
                Some(Json::Null) if column.not_null => errors.push(fail(Code::Null, "cannot be null")),
                Some(Json::Null) => {}
                Some(value) => {
                    check(&column.type_info, <T::Dialect as Dialect>::KIND, value, at, &mut errors);
                    for (_, rule) in self.refinements.iter().filter(|(name, _)| *name == column.name) {
                        rule.check(value, at, &mut errors);
                    }
                }
            }
        }
        // The table's checks, once every field is of the right type, over the row as the
        // database would see it: an insert's omitted column without a default is NULL.
        if errors.is_empty() && !self.checks.is_empty() {
            let mut row = object.clone();
            for column in self
                .columns
                .iter()
                .filter(|c| M::omitted_is_null(c) && !object.contains_key(c.name))
            {
                row.insert(column.name.to_owned(), Json::Null);
            }
            for check in &self.checks {
                if check.eval.as_ref().and_then(|eval| eval.holds(&row)) == Some(false) {
                    errors.push(ValidationError {
                        pointer: String::new(),
                        code: Code::Check,
                        message: format!("breaks the check `{}`: {}", check.name, check.sql),
                    });
                }
            }
        }
        if errors.is_empty() {
            Ok(object)
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// Parses JSON text, then checks it.
    fn parse(text: &str) -> Result<Json, ValidationErrors> {
        serde_json::from_str(text).map_err(|e| {
            ValidationErrors(vec![ValidationError {
                pointer: String::new(),
                code: Code::InvalidBody,
                message: format!("not JSON: {e}"),
            }])
        })
    }
}

/// Builds a record from a checked object; problems left (a typed JSON column's value that
/// does not deserialize) are reported like the others.
fn build<R: FromJsonRecord>(object: &serde_json::Map<String, Json>) -> Result<R, ValidationErrors> {
    let mut problems = Vec::new();
    R::from_json_object(object, &mut problems).ok_or_else(|| {
        ValidationErrors(
            problems
                .into_iter()
                .map(|(column, message)| ValidationError {
                    pointer: pointer("", column),
                    code: Code::Type,
                    message,
                })
                .collect(),
        )
    })
}

impl<T: TableRecords> Validator<T, Insert> {
    /// The insert validator: its output is the table's `New` record.
    pub fn insert() -> Self {
        Self::new()
    }

    /// Validates a body and builds the record to insert, or reports every problem.
    pub fn validate(&self, body: &Json) -> Result<T::New, ValidationErrors> {
        build(self.check(body)?)
    }

    /// [`validate`](Self::validate) for JSON text.
    pub fn validate_str(&self, body: &str) -> Result<T::New, ValidationErrors> {
        self.validate(&Self::parse(body)?)
    }
}

impl<T: TableRecords> Validator<T, Update> {
    /// The update validator: its output is the table's `Patch`.
    pub fn update() -> Self {
        Self::new()
    }

    /// Validates a body and builds the patch to apply, or reports every problem.
    pub fn validate(&self, body: &Json) -> Result<T::Patch, ValidationErrors> {
        build(self.check(body)?)
    }

    /// [`validate`](Self::validate) for JSON text.
    pub fn validate_str(&self, body: &str) -> Result<T::Patch, ValidationErrors> {
        self.validate(&Self::parse(body)?)
    }
}

impl<T: Table> Validator<T, Select> {
    /// The select validator: every column present, nullable ones may be null.
    pub fn select() -> Self {
        Self::new()
    }

    /// Validates a row as the table's select would give it.
    pub fn validate(&self, body: &Json) -> Result<(), ValidationErrors> {
        self.check(body).map(|_| ())
    }
}
