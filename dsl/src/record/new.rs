//! What a table's `New` record does, written once for every table: the columns an insert
//! gives and their bound values.

use super::fields::{FieldColumn, FieldList, FieldsOf, Insert, Record, Refs};
use crate::dialect::Dialect;
use crate::query::{render_record, render_records, FieldRule, InsertRecord, InsertRow, RenderRows, RuleOf};
use crate::render::SqlWriter;
use crate::schema::{AppValue, Chain, End};
use crate::types::ToSql;

/// A table's columns as a `New` record holds them.
pub trait NewFields: FieldList {
    /// The name of the column at `index`.
    fn name(index: usize) -> &'static str;
    /// Whether the field at `index` gives a value.
    fn gives(fields: Refs<'_, Self, Insert>, index: usize) -> bool;
    /// Binds the value of the field at `index`, which gives one.
    fn render_value<'q, D: Dialect>(fields: Refs<'q, Self, Insert>, index: usize, out: &mut SqlWriter<'q, D>);
}

impl NewFields for End {
    fn name(index: usize) -> &'static str {
        unreachable!("column {index} is past the record's last")
    }
    fn gives(_fields: (), _index: usize) -> bool {
        false
    }
    fn render_value<'q, D: Dialect>(_fields: (), _index: usize, _out: &mut SqlWriter<'q, D>) {}
}

impl<H, T: NewFields, K> NewFields for Chain<H, T, K>
where
    H: FieldColumn<Value: ToSql<H::SqlType>>,
{
    fn name(index: usize) -> &'static str {
        match index {
            0 => H::NAME,
            _ => T::name(index - 1),
        }
    }

    fn gives((field, rest): Refs<'_, Self, Insert>, index: usize) -> bool {
        match index {
            0 => <RuleOf<H> as FieldRule>::value(field).is_some(),
            _ => T::gives(rest, index - 1),
        }
    }

    fn render_value<'q, D: Dialect>((field, rest): Refs<'q, Self, Insert>, index: usize, out: &mut SqlWriter<'q, D>) {
        if index > 0 {
            return T::render_value(rest, index - 1, out);
        }
        if let Some(value) = <RuleOf<H> as FieldRule>::value(field) {
            match ToSql::<H::SqlType>::to_value(value) {
                Ok(bound) => out.push_bind(bound),
                Err(error) => out.push_error(error),
            }
        }
    }
}

impl<R> InsertRecord for R
where
    R: Record<Kind = Insert>,
    FieldsOf<R>: NewFields + FieldList<Fields<Insert> = R::Fields>,
{
    const WIDTH: usize = <FieldsOf<R> as FieldList>::LEN;

    fn column(index: usize) -> &'static str {
        <FieldsOf<R> as NewFields>::name(index)
    }

    fn gives(&self, index: usize) -> bool {
        <FieldsOf<R> as NewFields>::gives(self.fields(), index)
    }

    fn render_value<'q, D: Dialect>(&'q self, index: usize, out: &mut SqlWriter<'q, D>) {
        <FieldsOf<R> as NewFields>::render_value(self.fields(), index, out);
    }
}

impl<R, D: Dialect> RenderRows<D> for R
where
    R: Record<Kind = Insert>,
    FieldsOf<R>: NewFields + FieldList<Fields<Insert> = R::Fields>,
{
    fn render_rows<'q>(&'q self, defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        render_record(self, defaults, out);
    }
}

impl<R, D: Dialect> InsertRow<D> for R
where
    R: Record<Kind = Insert>,
    FieldsOf<R>: NewFields + FieldList<Fields<Insert> = R::Fields>,
{
    fn render_rows<'q>(rows: &'q [Self], defaults: &[AppValue], out: &mut SqlWriter<'q, D>) {
        render_records(rows, defaults, out);
    }
}
