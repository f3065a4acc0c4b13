//! [`Validator`]: insert, update and select validators for a table.

use crate::body::validate_text;
use crate::check::{check, coerce};
use crate::error::{pointer, Code, ValidationError, ValidationErrors};
use crate::fields::{Fill, Replacement};
use crate::refine::Rule;
use mizzle_dsl::dialect::{Dialect, DialectKind};
use mizzle_dsl::query::{ColumnNames, ColumnsOf, FromJsonRecord, TableRecords};
use mizzle_dsl::schema::{BelongsTo, CheckConstraint, Column, ColumnInfo, Identity, Table, TableDef};
use mizzle_dsl::types::ToJson;
use serde_json::{Map, Value as Json};
use std::borrow::Cow;
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
    /// Whether a required column the validator does not take from the body must come
    /// from the server (an insert's), rather than be left out of the shape (a select's).
    const OMITTED_MUST_BE_FILLED: bool;
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
    const OMITTED_MUST_BE_FILLED: bool = true;
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
    const OMITTED_MUST_BE_FILLED: bool = false;
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
    const OMITTED_MUST_BE_FILLED: bool = false;
}

/// A validator of JSON bodies for table `T`, in mode `M`.
pub struct Validator<T, M> {
    /// The table's name and dialect, for messages and type rules.
    table_name: &'static str,
    dialect: DialectKind,
    pub(crate) columns: Vec<ColumnInfo>,
    /// Each column's JSON pointer, made once rather than per body.
    pointers: Vec<String>,
    /// Whether the body may give each column (all, unless `pick`/`omit` said otherwise).
    pub(crate) taken: Vec<bool>,
    /// The table's checks written as typed expressions, which Rust can evaluate.
    checks: Vec<CheckConstraint>,
    pub(crate) refinements: Vec<(&'static str, Rule)>,
    pub(crate) replacements: Vec<Replacement>,
    pub(crate) allow_unknown: bool,
    coerce: bool,
    table: PhantomData<(T, M)>,
}

impl<T, M> std::fmt::Debug for Validator<T, M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let columns: Vec<&str> = self
            .columns
            .iter()
            .zip(&self.taken)
            .filter(|(_, taken)| **taken)
            .map(|(c, _)| c.name)
            .collect();
        let replaced: Vec<&str> = self.replacements.iter().map(|r| r.column).collect();
        f.debug_struct("Validator")
            .field("columns", &columns)
            .field("refinements", &self.refinements)
            .field("replaced", &replaced)
            .field("coerce", &self.coerce)
            .finish()
    }
}

impl<T, M> Clone for Validator<T, M> {
    fn clone(&self) -> Self {
        Validator {
            table_name: self.table_name,
            dialect: self.dialect,
            columns: self.columns.clone(),
            pointers: self.pointers.clone(),
            taken: self.taken.clone(),
            checks: self.checks.clone(),
            refinements: self.refinements.clone(),
            replacements: self.replacements.clone(),
            allow_unknown: self.allow_unknown,
            coerce: self.coerce,
            table: PhantomData,
        }
    }
}

impl<T: Table, M: Mode> Validator<T, M> {
    fn new() -> Self {
        Self::of_definition(TableDef::of::<T>(), <T::Dialect as Dialect>::KIND)
    }
}

impl<T, M: Mode> Validator<T, M> {
    /// The validator of the table `definition` describes, in `dialect`.
    pub(crate) fn of_definition(definition: TableDef, dialect: DialectKind) -> Self {
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
            table_name: definition.name,
            dialect,
            taken: vec![true; definition.columns.len()],
            columns: definition.columns,
            pointers,
            checks,
            refinements: Vec::new(),
            replacements: Vec::new(),
            allow_unknown: false,
            coerce: false,
            table: PhantomData,
        }
    }

    /// Adds a rule for `column`, checked after its type's own rules.
    pub fn refine<C: Column + BelongsTo<T>>(mut self, _column: C, rule: Rule) -> Self {
        self.refinements.push((C::NAME, rule));
        self
    }

    /// Replaces what `column` accepts: `convert` reads the field's JSON value (not null)
    /// and gives the column's Rust value or says what is wrong (code `custom`); `schema`
    /// is the JSON Schema of what it accepts, for [`json_schema`](Self::json_schema).
    /// The value it gives is then checked as the column's type and refinements say,
    /// so what the validator accepts the database still does. A text column taking a
    /// legacy client's number: `.replace(users::zip, json!({"type": "integer"}), |v|
    /// v.as_u64().map(|n| format!("{n:05}")).ok_or("expected a number".into()))`.
    pub fn replace<C, F>(mut self, _column: C, schema: Json, convert: F) -> Self
    where
        C: Column + BelongsTo<T>,
        C::Value: ToJson<C::SqlType>,
        F: Fn(&Json) -> Result<C::Value, String> + Send + Sync + 'static,
    {
        self.replacements.retain(|r| r.column != C::NAME);
        self.replacements.push(Replacement::new::<C, F>(schema, convert));
        self
    }

    /// Takes only these columns from the body (one, or a tuple of them); any other
    /// field of the table is refused with code `not_allowed`. For an endpoint that
    /// may change only some fields.
    pub fn pick<C: ColumnNames + ColumnsOf<T>>(mut self, columns: C) -> Self {
        let mut names = Vec::new();
        columns.collect_names(&mut names);
        for (column, taken) in self.columns.iter().zip(self.taken.iter_mut()) {
            *taken = *taken && names.contains(&column.name);
        }
        self
    }

    /// Takes every column but these (one, or a tuple of them) from the body; they
    /// are refused with code `not_allowed`. An insert validator that omits a required
    /// column gets its value from the server with [`validate_with`](Validator::validate_with).
    pub fn omit<C: ColumnNames + ColumnsOf<T>>(mut self, columns: C) -> Self {
        let mut names = Vec::new();
        columns.collect_names(&mut names);
        for (column, taken) in self.columns.iter().zip(self.taken.iter_mut()) {
            *taken = *taken && !names.contains(&column.name);
        }
        self
    }

    /// Reads text where a query string or a form gives every value as text: `"5"` for
    /// a number, `"true"`/`"false"` (also `1`/`0`, `on`/`off`, `yes`/`no`) for a
    /// boolean, `"2026-12-02 10:30"` or `2026-12-02T10:30` for a timestamp, a number of
    /// seconds since 1970 for an instant, and an empty field as `null` for a nullable
    /// column that is not text. Off unless called.
    pub fn coerce(mut self) -> Self {
        self.coerce = true;
        self
    }

    /// Ignores fields the table does not have, instead of refusing them.
    pub fn allow_unknown_fields(mut self) -> Self {
        self.allow_unknown = true;
        self
    }

    /// Checks a body, reporting every problem; on success, the body's object (with
    /// coerced and replaced values, when the validator has any).
    pub fn check<'b>(&self, body: &'b Json) -> Result<Cow<'b, Map<String, Json>>, ValidationErrors> {
        self.check_filled(body, Map::new())
    }

    /// [`check`](Self::check), with values the server gives for omitted columns.
    fn check_filled<'b>(
        &self,
        body: &'b Json,
        filled: Map<String, Json>,
    ) -> Result<Cow<'b, Map<String, Json>>, ValidationErrors> {
        let Some(given) = body.as_object() else {
            return Err(ValidationErrors::body(
                Code::InvalidBody,
                format!("expected a JSON object, found {body}"),
            ));
        };
        let mut errors = Vec::new();
        if !self.allow_unknown {
            for field in given
                .keys()
                .filter(|field| !self.columns.iter().any(|c| c.name == field.as_str()))
            {
                errors.push(ValidationError::new(
                    &pointer("", field),
                    Code::UnknownField,
                    format!("`{}` has no column `{field}`", self.table_name),
                ));
                errors.last_mut().expect("just pushed").with("field", field.as_str());
            }
        }
        let mut object = Cow::Borrowed(given);
        for (name, value) in filled {
            object.to_mut().insert(name, value);
        }
        for (i, (column, at)) in self.columns.iter().zip(&self.pointers).enumerate() {
            let fail = |code, message: &str| ValidationError::new(at, code, message);
            if !self.taken[i] && given.contains_key(column.name) {
                errors.push(fail(Code::NotAllowed, "is not taken here"));
                continue;
            }
            match object.get(column.name) {
                None if !self.taken[i] && !M::OMITTED_MUST_BE_FILLED => {}
                None if M::required(column) && !self.taken[i] => errors.push(fail(
                    Code::Required,
                    "is required, and this validator does not take it from the body: give it with validate_with",
                )),
                None if M::required(column) => errors.push(fail(Code::Required, "is required")),
                None => {}
                Some(_) if !M::writable(column) => errors.push(fail(
                    Code::NotWritable,
                    "is computed by the database and cannot be given",
                )),
                Some(value) => {
                    let coerced = match value {
                        Json::String(_) if self.coerce => coerce(&column.type_info, !column.not_null, value),
                        _ => None,
                    };
                    let value = coerced.as_ref().unwrap_or(value);
                    let replaced = match self.replacements.iter().find(|r| r.column == column.name) {
                        Some(replacement) if !value.is_null() => match (replacement.convert)(value) {
                            Ok(converted) => Some(converted),
                            Err(message) => {
                                errors.push(fail(Code::Custom, &message));
                                continue;
                            }
                        },
                        _ => None,
                    };
                    let value = replaced.as_ref().unwrap_or(value);
                    match value {
                        Json::Null if column.not_null => errors.push(fail(Code::Null, "cannot be null")),
                        Json::Null => {}
                        value => {
                            check(&column.type_info, self.dialect, value, at, &mut errors);
                            for (_, rule) in self.refinements.iter().filter(|(name, _)| *name == column.name) {
                                rule.check(value, at, &mut errors);
                            }
                        }
                    }
                    if let Some(value) = replaced.or(coerced) {
                        object.to_mut().insert(column.name.to_owned(), value);
                    }
                }
            }
        }
        // The table's checks, once every field is of the right type, over the row as the
        // database would see it: an insert's omitted column without a default is NULL.
        if errors.is_empty() && !self.checks.is_empty() {
            let mut row = object.clone().into_owned();
            for column in self
                .columns
                .iter()
                .filter(|c| M::omitted_is_null(c) && !object.contains_key(c.name))
            {
                row.insert(column.name.to_owned(), Json::Null);
            }
            for check in &self.checks {
                if check.eval.as_ref().and_then(|eval| eval.holds(&row)) == Some(false) {
                    errors.push(ValidationError::new(
                        "",
                        Code::Check,
                        format!("breaks the check `{}`: {}", check.name, check.sql),
                    ));
                    errors
                        .last_mut()
                        .expect("just pushed")
                        .with("check", check.name.as_str());
                }
            }
        }
        if errors.is_empty() {
            Ok(object)
        } else {
            Err(ValidationErrors(errors))
        }
    }
}

/// Builds a record from a checked object; problems left (a typed JSON column's value that
/// does not deserialize) are reported like the others.
fn build<R: FromJsonRecord>(object: &Map<String, Json>) -> Result<R, ValidationErrors> {
    let mut problems = Vec::new();
    R::from_json_object(object, &mut problems).ok_or_else(|| {
        ValidationErrors(
            problems
                .into_iter()
                .map(|(column, message)| ValidationError::new(&pointer("", column), Code::Type, message))
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
    pub fn validate(&self, body: &Json) -> Result<T::New, ValidationErrors>
    where
        T::New: FromJsonRecord,
    {
        build(&*self.check(body)?)
    }

    /// [`validate`](Self::validate) for JSON text; a key given twice in one object is
    /// refused (code `duplicate_key`), where a parsed `Json` has kept only the last.
    pub fn validate_str(&self, body: &str) -> Result<T::New, ValidationErrors>
    where
        T::New: FromJsonRecord,
    {
        validate_text(body, |value| self.validate(value))
    }

    /// Validates a body with values the server gives (the signed-in user's id, say):
    /// `fill` sets columns, typed, before the body is checked, so they are checked too
    /// and an omitted required column is filled. A body that gives a filled column that
    /// the validator does not take (`omit`) is refused.
    pub fn validate_with(&self, body: &Json, fill: impl FnOnce(&mut Fill<T>)) -> Result<T::New, ValidationErrors>
    where
        T::New: FromJsonRecord,
    {
        let mut filled = Fill::new();
        fill(&mut filled);
        build(&*self.check_filled(body, filled.into_values())?)
    }
}

impl<T: TableRecords> Validator<T, Update> {
    /// The update validator: its output is the table's `Patch`.
    pub fn update() -> Self {
        Self::new()
    }

    /// Validates a body and builds the patch to apply, or reports every problem.
    pub fn validate(&self, body: &Json) -> Result<T::Patch, ValidationErrors>
    where
        T::Patch: FromJsonRecord,
    {
        build(&*self.check(body)?)
    }

    /// [`validate`](Self::validate) for JSON text; a key given twice in one object is
    /// refused (code `duplicate_key`).
    pub fn validate_str(&self, body: &str) -> Result<T::Patch, ValidationErrors>
    where
        T::Patch: FromJsonRecord,
    {
        validate_text(body, |value| self.validate(value))
    }

    /// Validates a body with values the server gives, as
    /// [`Validator::<T, Insert>::validate_with`] does.
    pub fn validate_with(&self, body: &Json, fill: impl FnOnce(&mut Fill<T>)) -> Result<T::Patch, ValidationErrors>
    where
        T::Patch: FromJsonRecord,
    {
        let mut filled = Fill::new();
        fill(&mut filled);
        build(&*self.check_filled(body, filled.into_values())?)
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

    /// [`validate`](Self::validate) for JSON text; a key given twice is refused.
    pub fn validate_str(&self, body: &str) -> Result<(), ValidationErrors> {
        validate_text(body, |value| self.validate(value))
    }
}
