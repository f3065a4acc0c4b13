//! Reading a table's `New` or `Patch` from a JSON object (what validators do), written once.

use super::fields::{FieldList, FieldsOf, Insert, Record, RecordKind, Update};
use super::new::NewFields;
use super::patch::PatchFields;
use crate::query::{FieldErrors, FromJsonRecord};
use crate::types::JsonObject;

/// A kind of record whose fields are read from JSON, for a table whose columns are `L`.
pub trait ReadFields<L: FieldList>: RecordKind {
    /// Reads the fields, each problem going to `errors`.
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<L::Fields<Self>>;
}

impl<L: NewFields> ReadFields<L> for Insert {
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<L::Fields<Insert>> {
        L::from_json(object, errors)
    }
}

impl<L: PatchFields> ReadFields<L> for Update {
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<L::Fields<Update>> {
        L::from_json(object, errors)
    }
}

impl<R: Record> FromJsonRecord for R
where
    R::Kind: ReadFields<FieldsOf<R>>,
    FieldsOf<R>: FieldList<Fields<R::Kind> = R::Fields>,
{
    fn from_json_object(object: &JsonObject, errors: &mut FieldErrors) -> Option<Self> {
        <R::Kind as ReadFields<FieldsOf<R>>>::read(object, errors).map(R::from_fields)
    }
}
