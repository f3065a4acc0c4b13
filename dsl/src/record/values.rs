//! Cloning, comparing and printing records, written once: the `Clone`, `PartialEq` and
//! `Debug` impls `table!` writes for a record call these, so no table repeats a derive's
//! code for each of its fields.

use super::fields::{FieldColumn, FieldList, FieldsOf, Record, RecordKind, Refs};
use crate::schema::{unraw, Chain, End};
use std::fmt;

/// A table's columns, whose fields in a record of kind `K` can be cloned, compared and printed.
pub trait FieldValues<K: RecordKind>: FieldList {
    /// Clones each field.
    fn clone_fields(fields: Refs<'_, Self, K>) -> Self::Fields<K>;
    /// Whether every field of `a` equals that of `b`.
    fn eq_fields(a: Refs<'_, Self, K>, b: Refs<'_, Self, K>) -> bool;
    /// Adds each field to `out` under its name, the first from `names`.
    fn debug_fields(fields: Refs<'_, Self, K>, names: &[&'static str], out: &mut fmt::DebugStruct<'_, '_>);
}

impl<K: RecordKind> FieldValues<K> for End {
    fn clone_fields(_fields: ()) {}
    fn eq_fields(_a: (), _b: ()) -> bool {
        true
    }
    fn debug_fields(_fields: (), _names: &[&'static str], _out: &mut fmt::DebugStruct<'_, '_>) {}
}

impl<H: FieldColumn, T: FieldValues<K>, Key, K: RecordKind> FieldValues<K> for Chain<H, T, Key>
where
    K::Field<H>: Clone + PartialEq + fmt::Debug,
{
    fn clone_fields((field, rest): Refs<'_, Self, K>) -> Self::Fields<K> {
        (field.clone(), T::clone_fields(rest))
    }

    fn eq_fields((a, a_rest): Refs<'_, Self, K>, (b, b_rest): Refs<'_, Self, K>) -> bool {
        a == b && T::eq_fields(a_rest, b_rest)
    }

    fn debug_fields((field, rest): Refs<'_, Self, K>, names: &[&'static str], out: &mut fmt::DebugStruct<'_, '_>) {
        let (name, names) = names.split_first().map_or(("?", names), |(name, rest)| (*name, rest));
        out.field(unraw(name), field);
        T::debug_fields(rest, names, out);
    }
}

/// A copy of `record`, field by field: a record's `Clone`.
pub fn clone<R: Record>(record: &R) -> R
where
    FieldsOf<R>: FieldValues<R::Kind> + FieldList<Fields<R::Kind> = R::Fields>,
{
    R::from_fields(<FieldsOf<R> as FieldValues<R::Kind>>::clone_fields(record.fields()))
}

/// Whether two records are equal field by field: a record's `PartialEq`.
pub fn eq<R: Record>(a: &R, b: &R) -> bool
where
    FieldsOf<R>: FieldValues<R::Kind> + FieldList<Fields<R::Kind> = R::Fields>,
{
    <FieldsOf<R> as FieldValues<R::Kind>>::eq_fields(a.fields(), b.fields())
}

/// Writes `Name { field: value, … }`, the fields named by `names`: a record's `Debug`.
pub fn debug<R: Record>(record: &R, name: &str, names: &[&'static str], f: &mut fmt::Formatter<'_>) -> fmt::Result
where
    FieldsOf<R>: FieldValues<R::Kind> + FieldList<Fields<R::Kind> = R::Fields>,
{
    let mut out = f.debug_struct(name);
    <FieldsOf<R> as FieldValues<R::Kind>>::debug_fields(record.fields(), names, &mut out);
    out.finish()
}
