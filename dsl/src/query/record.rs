//! Inserting whole records: a table's `New` struct (Drizzle's `$inferInsert`), whose
//! optional fields left as `None` are filled by the database or the application.

use super::assign::render_app_values;
use super::insert::{DefaultValues, InsertRule, Optional, RenderRows, Required};
use crate::dialect::{Dialect, DialectKind};
use crate::error::EncodeError;
use crate::expr::Expression;
use crate::render::SqlWriter;
use crate::schema::{AppValue, Column, ColumnValue};
#[cfg(feature = "json")]
use crate::types::{FromJson, JsonObject};
use crate::types::{Nullability, ToSql};
#[cfg(feature = "json")]
use serde_json::Value as Json;

/// How an insert record holds a column: required columns as the value, the others as
/// an `Option` where `None` leaves the column to its default (or NULL).
pub trait FieldRule {
    /// The field's type for a value of type `V`.
    type Field<V>;
    /// The value, if the field gives one.
    fn value<V>(field: &Self::Field<V>) -> Option<&V>;
    /// Reads the field from a JSON object's member, absent or `null` being `None`.
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(member: Option<&Json>) -> Result<Self::Field<V>, String>;
}

impl FieldRule for Required {
    type Field<V> = V;
    fn value<V>(field: &V) -> Option<&V> {
        Some(field)
    }
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(member: Option<&Json>) -> Result<V, String> {
        match member {
            None => Err("is required".to_owned()),
            Some(Json::Null) => Err("cannot be null".to_owned()),
            Some(value) => V::from_json(value),
        }
    }
}

impl FieldRule for Optional {
    type Field<V> = Option<V>;
    fn value<V>(field: &Option<V>) -> Option<&V> {
        field.as_ref()
    }
    #[cfg(feature = "json")]
    fn from_json<ST, V: FromJson<ST>>(member: Option<&Json>) -> Result<Option<V>, String> {
        match member {
            None | Some(Json::Null) => Ok(None),
            Some(value) => V::from_json(value).map(Some),
        }
    }
}

/// Problems found reading a record: `(column, message)`.
#[cfg(feature = "json")]
pub type FieldErrors = Vec<(&'static str, String)>;

/// A record read from a JSON object: a table's `New` (for inserts) or `Patch` (updates).
#[cfg(feature = "json")]
pub trait FromJsonRecord: Sized {
    /// Reads the record; each field's problem goes to `errors` as `(column, message)`,
    /// and then there is no record.
    fn from_json_object(object: &JsonObject, errors: &mut FieldErrors) -> Option<Self>;
}

/// A table's insert and update records, as `table!` writes them: what validators produce.
///
/// That they are read from JSON ([`FromJsonRecord`]) is asked where they are, not here, so
/// that declaring a table does not make the compiler prove it for every table.
pub trait TableRecords: crate::schema::Table {
    /// The insert record (`$inferInsert`).
    type New;
    /// The update record: every column optional.
    type Patch;
}

/// Reads column `C`'s field of an insert record from `object`, recording a problem.
#[cfg(feature = "json")]
pub fn insert_field_from_json<C>(object: &JsonObject, errors: &mut FieldErrors) -> Option<InsertField<C>>
where
    C: Column<Value: FromJson<C::SqlType>>,
    C::Nullability: InsertRule<C::Default, Rule: FieldRule>,
{
    <RuleOf<C> as FieldRule>::from_json::<C::SqlType, C::Value>(object.get(C::NAME))
        .map_err(|message| errors.push((C::NAME, message)))
        .ok()
}

/// Reads column `C`'s field of an update patch from `object`: absent is `None` (leave
/// the column alone), `null` sets NULL where the column allows it.
#[cfg(feature = "json")]
pub fn patch_field_from_json<C>(object: &JsonObject, errors: &mut FieldErrors) -> Option<Option<ColumnValue<C>>>
where
    C: Column<Value: FromJson<C::SqlType>>,
{
    match object.get(C::NAME) {
        None => Some(None),
        Some(value) => <C::Nullability as Nullability>::from_json::<C::SqlType, C::Value>(value)
            .map(Some)
            .map_err(|message| errors.push((C::NAME, message)))
            .ok(),
    }
}

/// Writes the `SET` list of a patch: `"a" = ?, …` for the columns it sets.
pub fn render_patch_field<'q, C: Column<Value: ToSql<C::SqlType>>, D: Dialect>(
    value: &'q Option<ColumnValue<C>>,
    first: &mut bool,
    out: &mut SqlWriter<'q, D>,
) {
    if let Some(value) = value {
        if !std::mem::take(first) {
            out.push_sql(", ");
        }
        out.push_set_target(<C::Table as crate::schema::Table>::NAME, C::NAME);
        out.push_sql(" = ");
        match <C::Nullability as Nullability>::to_value::<C::SqlType, C::Value>(value) {
            Ok(bound) => out.push_bind(bound),
            Err(error) => out.push_error(error),
        }
    }
}

/// The insert rule of column `C`: [`Required`] or [`Optional`].
pub type RuleOf<C> = <<C as Expression>::Nullability as InsertRule<<C as Column>::Default>>::Rule;

/// The type of column `C`'s field in its table's `New` struct.
pub type InsertField<C> = <RuleOf<C> as FieldRule>::Field<<C as Expression>::Value>;

/// A table's `New` struct, written by [`table!`](crate::table).
pub trait InsertRecord {
    /// The number of columns.
    const WIDTH: usize;
    /// The name of the column at `index`, in declaration order.
    fn column(index: usize) -> &'static str;
    /// Whether the field at `index` gives a value.
    fn gives(&self, index: usize) -> bool;
    /// Binds the value of the field at `index`, which gives one.
    fn render_value<'q, D: Dialect>(&'q self, index: usize, out: &mut SqlWriter<'q, D>);
}

/// Renders one record: the columns it gives, then the application defaults of the others.
pub fn render_record<'q, R: InsertRecord, D: Dialect>(
    record: &'q R,
    defaults: &[AppValue],
    out: &mut SqlWriter<'q, D>,
) {
    render_records(std::slice::from_ref(record), defaults, out);
}

/// Renders records as one multi-row VALUES. The columns are those any record gives, plus
/// those with an application default; a record that leaves a column out gets the
/// application default, else `DEFAULT` (PostgreSQL, MySQL). SQLite has no `DEFAULT` in
/// VALUES, so there such records are an error instead of a guess.
pub fn render_records<'q, R: InsertRecord, D: Dialect>(
    records: &'q [R],
    defaults: &[AppValue],
    out: &mut SqlWriter<'q, D>,
) {
    if records.is_empty() {
        out.push_error(EncodeError::new(
            "an insert needs at least one row; `values` got an empty Vec",
        ));
        return;
    }
    let app_default = |name: &str| defaults.iter().find(|d| d.column == name);
    let columns: Vec<usize> = (0..R::WIDTH)
        .filter(|&i| app_default(R::column(i)).is_some() || records.iter().any(|r| r.gives(i)))
        .collect();
    if columns.is_empty() {
        return match (records.len(), D::KIND) {
            (1, _) => DefaultValues.render_rows(&[], out),
            // Several rows, each all defaults: a row of DEFAULTs each (MySQL's `()`); SQLite
            // has no DEFAULT in VALUES, but a NULL rowid takes the next one and leaves
            // every column to its default.
            (n, DialectKind::MySql) => {
                out.push_sql(" () VALUES ()");
                (1..n).for_each(|_| out.push_sql(", ()"));
            }
            (n, DialectKind::Sqlite) => {
                out.push_sql(" (\"rowid\") VALUES (NULL)");
                (1..n).for_each(|_| out.push_sql(", (NULL)"));
            }
            (n, DialectKind::Pg) => {
                out.push_sql(" (");
                out.push_ident(R::column(0));
                out.push_sql(") VALUES (DEFAULT)");
                (1..n).for_each(|_| out.push_sql(", (DEFAULT)"));
            }
        };
    }
    out.push_sql(" (");
    for (n, &i) in columns.iter().enumerate() {
        if n > 0 {
            out.push_sql(", ");
        }
        out.push_ident(R::column(i));
    }
    out.push_sql(") VALUES ");
    out.reserve_binds(records.len() * columns.len());
    for (row, record) in records.iter().enumerate() {
        if row > 0 {
            out.push_sql(", ");
        }
        out.push_sql("(");
        for (n, &i) in columns.iter().enumerate() {
            if n > 0 {
                out.push_sql(", ");
            }
            if record.gives(i) {
                record.render_value(i, out);
            } else if let Some(default) = app_default(R::column(i)) {
                render_app_values(std::slice::from_ref(default), true, out);
            } else if D::KIND == DialectKind::Sqlite {
                out.push_error(EncodeError::new(format!(
                    "row {row} leaves out `{}`, which another row sets; SQLite has no DEFAULT in VALUES, so give every row the same columns or insert them separately",
                    R::column(i)
                )));
            } else {
                out.push_sql("DEFAULT");
            }
        }
        out.push_sql(")");
    }
}
