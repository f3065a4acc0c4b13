//! Reading a table's `New` or `Patch` from a JSON object (what validators do), written once.

use super::fields::{FieldColumn, FieldList, FieldsOf, Insert, Record, RecordKind, Update};
use crate::query::{insert_field_from_json, patch_field_from_json, FieldErrors, FromJsonRecord};
use crate::schema::{Chain, End};
use crate::types::{FromJson, JsonObject};

/// A kind of record whose fields are read from JSON, for a table whose columns are `L`.
pub trait ReadFields<L: FieldList>: RecordKind {
    /// Reads the fields, each problem going to `errors`. Every field is read before any
    /// is given up on, so that all problems are reported.
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<L::Fields<Self>>;
}

impl ReadFields<End> for Insert {
    fn read(_object: &JsonObject, _errors: &mut FieldErrors) -> Option<()> {
        Some(())
    }
}

impl<H, T: FieldList, K> ReadFields<Chain<H, T, K>> for Insert
where
    H: FieldColumn<Value: FromJson<H::SqlType>>,
    Insert: ReadFields<T>,
{
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<<Chain<H, T, K> as FieldList>::Fields<Insert>> {
        let field = insert_field_from_json::<H>(object, errors);
        let rest = <Insert as ReadFields<T>>::read(object, errors);
        Some((field?, rest?))
    }
}

impl ReadFields<End> for Update {
    fn read(_object: &JsonObject, _errors: &mut FieldErrors) -> Option<()> {
        Some(())
    }
}

impl<H, T: FieldList, K> ReadFields<Chain<H, T, K>> for Update
where
    H: FieldColumn<Value: FromJson<H::SqlType>>,
    Update: ReadFields<T>,
{
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<<Chain<H, T, K> as FieldList>::Fields<Update>> {
        let field = patch_field_from_json::<H>(object, errors);
        let rest = <Update as ReadFields<T>>::read(object, errors);
        Some((field?, rest?))
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
