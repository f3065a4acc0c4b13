//! Reading a table's `New` or `Patch` from a JSON object (what validators do), written once.

use super::fields::{FieldColumn, FieldList, FieldsOf, Insert, Record, RecordKind, Update};
use crate::query::{insert_field_from_json, patch_field_from_json, FieldErrors, FromJsonRecord};
use crate::schema::{Chain, End};
use crate::types::{FromJson, JsonObject};

/// How a kind of record reads one column's field from a JSON object: a `New` field is
/// required or optional as its column says, a `Patch` field absent when not given.
pub trait ReadField: RecordKind {
    /// Reads column `C`'s field, its problem going to `errors`.
    fn read_field<C: FieldColumn<Value: FromJson<C::SqlType>>>(
        object: &JsonObject,
        errors: &mut FieldErrors,
    ) -> Option<Self::Field<C>>;
}

impl ReadField for Insert {
    fn read_field<C: FieldColumn<Value: FromJson<C::SqlType>>>(
        object: &JsonObject,
        errors: &mut FieldErrors,
    ) -> Option<Self::Field<C>> {
        insert_field_from_json::<C>(object, errors)
    }
}

impl ReadField for Update {
    fn read_field<C: FieldColumn<Value: FromJson<C::SqlType>>>(
        object: &JsonObject,
        errors: &mut FieldErrors,
    ) -> Option<Self::Field<C>> {
        patch_field_from_json::<C>(object, errors)
    }
}

/// A kind of record whose fields are read from JSON, for a table whose columns are `L`.
pub trait ReadFields<L: FieldList>: RecordKind {
    /// Reads the fields, each problem going to `errors`. Every field is read before any
    /// is given up on, so that all problems are reported.
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<L::Fields<Self>>;
}

impl<K: ReadField> ReadFields<End> for K {
    fn read(_object: &JsonObject, _errors: &mut FieldErrors) -> Option<()> {
        Some(())
    }
}

impl<H, T: FieldList, C, K> ReadFields<Chain<H, T, C>> for K
where
    H: FieldColumn<Value: FromJson<H::SqlType>>,
    K: ReadField + ReadFields<T>,
{
    fn read(object: &JsonObject, errors: &mut FieldErrors) -> Option<<Chain<H, T, C> as FieldList>::Fields<K>> {
        let field = K::read_field::<H>(object, errors);
        let rest = <K as ReadFields<T>>::read(object, errors);
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
