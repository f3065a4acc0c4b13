//! What a table's `Patch` does, written once for every table: the columns it sets, as a
//! column list and values or as a `SET` list.

use super::fields::{FieldColumn, FieldList, FieldsOf, Record, Refs, Update};
use crate::dialect::Dialect;
use crate::error::EncodeError;
use crate::query::{render_patch_field, AssignmentList};
use crate::render::SqlWriter;
use crate::schema::{Chain, End};
use crate::types::{Nullability, ToSql};

/// A table's columns as a `Patch` holds them: each one set or left alone.
pub trait PatchFields: FieldList {
    /// Writes the names of the columns set, separated by commas; `first` says whether none
    /// is written yet.
    fn render_columns<D: Dialect>(fields: Refs<'_, Self, Update>, first: bool, out: &mut SqlWriter<'_, D>);
    /// Writes the values of the columns set, separated by commas.
    fn render_values<'q, D: Dialect>(fields: Refs<'q, Self, Update>, first: bool, out: &mut SqlWriter<'q, D>);
    /// Writes `"col" = value` for each column set, separated by commas; returns whether
    /// none was written (`first` still).
    fn render_set<'q, D: Dialect>(fields: Refs<'q, Self, Update>, first: bool, out: &mut SqlWriter<'q, D>) -> bool;
    /// Whether the column named `column` is set.
    fn sets(fields: Refs<'_, Self, Update>, column: &str) -> bool;
    /// Every field `None`: a patch that sets nothing.
    fn unset() -> Self::Fields<Update>;
}

impl PatchFields for End {
    fn render_columns<D: Dialect>(_fields: (), _first: bool, _out: &mut SqlWriter<'_, D>) {}
    fn render_values<'q, D: Dialect>(_fields: (), _first: bool, _out: &mut SqlWriter<'q, D>) {}
    fn render_set<'q, D: Dialect>(_fields: (), first: bool, _out: &mut SqlWriter<'q, D>) -> bool {
        first
    }
    fn sets(_fields: (), _column: &str) -> bool {
        false
    }
    fn unset() {}
}

impl<H, T: PatchFields, K> PatchFields for Chain<H, T, K>
where
    H: FieldColumn<Value: ToSql<H::SqlType>>,
{
    fn render_columns<D: Dialect>((field, rest): Refs<'_, Self, Update>, first: bool, out: &mut SqlWriter<'_, D>) {
        if field.is_some() {
            if !first {
                out.push_sql(", ");
            }
            out.push_ident(H::NAME);
        }
        T::render_columns(rest, first && field.is_none(), out);
    }

    fn render_values<'q, D: Dialect>((field, rest): Refs<'q, Self, Update>, first: bool, out: &mut SqlWriter<'q, D>) {
        if let Some(value) = field {
            if !first {
                out.push_sql(", ");
            }
            match <H::Nullability as Nullability>::to_value::<H::SqlType, H::Value>(value) {
                Ok(bound) => out.push_bind(bound),
                Err(error) => out.push_error(error),
            }
        }
        T::render_values(rest, first && field.is_none(), out);
    }

    fn render_set<'q, D: Dialect>(
        (field, rest): Refs<'q, Self, Update>,
        first: bool,
        out: &mut SqlWriter<'q, D>,
    ) -> bool {
        let mut first = first;
        render_patch_field::<H, D>(field, &mut first, out);
        T::render_set(rest, first, out)
    }

    fn sets((field, rest): Refs<'_, Self, Update>, column: &str) -> bool {
        (field.is_some() && H::NAME == column) || T::sets(rest, column)
    }

    fn unset() -> Self::Fields<Update> {
        (None, T::unset())
    }
}

/// A patch that sets no column: a `Patch`'s `Default`.
pub fn unset<R: Record<Kind = Update>>() -> R
where
    FieldsOf<R>: PatchFields + FieldList<Fields<Update> = R::Fields>,
{
    R::from_fields(<FieldsOf<R> as PatchFields>::unset())
}

impl<R, D: Dialect> AssignmentList<D> for R
where
    R: Record<Kind = Update>,
    FieldsOf<R>: PatchFields + FieldList<Fields<Update> = R::Fields>,
{
    fn render_columns(&self, out: &mut SqlWriter<'_, D>) {
        <FieldsOf<R> as PatchFields>::render_columns(self.fields(), true, out);
    }

    fn render_values<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        <FieldsOf<R> as PatchFields>::render_values(self.fields(), true, out);
    }

    fn render_set<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if <FieldsOf<R> as PatchFields>::render_set(self.fields(), true, out) {
            out.push_error(EncodeError::new("the patch sets no column; there is nothing to update"));
        }
    }

    fn sets(&self, column: &str) -> bool {
        <FieldsOf<R> as PatchFields>::sets(self.fields(), column)
    }
}
