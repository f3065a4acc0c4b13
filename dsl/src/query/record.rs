//! Inserting whole records: a table's `New` struct (Drizzle's `$inferInsert`), whose
//! optional fields left as `None` are filled by the database or the application.

use super::assign::render_app_values;
use super::insert::{DefaultValues, InsertRule, Optional, RenderRows, Required};
use crate::dialect::{Dialect, DialectKind};
use crate::error::EncodeError;
use crate::expr::Expression;
use crate::render::SqlWriter;
use crate::schema::{AppValue, Column};

/// How an insert record holds a column: required columns as the value, the others as
/// an `Option` where `None` leaves the column to its default (or NULL).
pub trait FieldRule {
    /// The field's type for a value of type `V`.
    type Field<V>;
    /// The value, if the field gives one.
    fn value<V>(field: &Self::Field<V>) -> Option<&V>;
}

impl FieldRule for Required {
    type Field<V> = V;
    fn value<V>(field: &V) -> Option<&V> {
        Some(field)
    }
}

impl FieldRule for Optional {
    type Field<V> = Option<V>;
    fn value<V>(field: &Option<V>) -> Option<&V> {
        field.as_ref()
    }
}

/// The insert rule of column `C`: [`Required`] or [`Optional`].
pub type RuleOf<C> = <<C as Expression>::Nullability as InsertRule<<C as Column>::Default>>::Rule;

/// The type of column `C`'s field in its table's `New` struct.
pub type InsertField<C> = <RuleOf<C> as FieldRule>::Field<<C as Expression>::Value>;

/// A table's `New` struct, written by [`table!`](crate::table).
pub trait InsertRecord {
    /// The column names, in declaration order.
    const COLUMNS: &'static [&'static str];
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
    let columns: Vec<usize> = (0..R::COLUMNS.len())
        .filter(|&i| app_default(R::COLUMNS[i]).is_some() || records.iter().any(|r| r.gives(i)))
        .collect();
    if columns.is_empty() {
        return DefaultValues.render_rows(&[], out);
    }
    out.push_sql(" (");
    for (n, &i) in columns.iter().enumerate() {
        if n > 0 {
            out.push_sql(", ");
        }
        out.push_ident(R::COLUMNS[i]);
    }
    out.push_sql(") VALUES ");
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
            } else if let Some(default) = app_default(R::COLUMNS[i]) {
                render_app_values(std::slice::from_ref(default), true, out);
            } else if D::KIND == DialectKind::Sqlite {
                out.push_error(EncodeError::new(format!(
                    "row {row} leaves out `{}`, which another row sets; SQLite has no DEFAULT in VALUES, so give every row the same columns or insert them separately",
                    R::COLUMNS[i]
                )));
            } else {
                out.push_sql("DEFAULT");
            }
        }
        out.push_sql(")");
    }
}
