//! A table's `Row` as a JSON object (validators, OpenAPI, relational results), written once.

use super::fields::{FieldColumn, FieldList, FieldsOf, Record, Refs, Select};
use crate::query::{column_members, JsonShape};
use crate::relation::RowJson;
use crate::schema::{Chain, End, Table};
use crate::types::{JsonObject, Nullability, ToJson};

/// A table's columns as a `Row` writes them in JSON.
pub trait JsonFields: FieldList {
    /// Adds each field to `object` under its column's name, in the forms validators read.
    fn write_json(fields: Refs<'_, Self, Select>, object: &mut JsonObject);
}

impl JsonFields for End {
    fn write_json(_fields: (), _object: &mut JsonObject) {}
}

impl<H, T: JsonFields, K> JsonFields for Chain<H, T, K>
where
    H: FieldColumn<Value: ToJson<H::SqlType>>,
{
    fn write_json((field, rest): Refs<'_, Self, Select>, object: &mut JsonObject) {
        let json = <H::Nullability as Nullability>::to_json::<H::SqlType, H::Value>(field);
        object.insert(H::NAME.to_owned(), json);
        T::write_json(rest, object);
    }
}

impl<R> RowJson for R
where
    R: Record<Kind = Select>,
    FieldsOf<R>: JsonFields + FieldList<Fields<Select> = R::Fields>,
{
    fn row_json(&self) -> JsonObject {
        let mut object = JsonObject::new();
        <FieldsOf<R> as JsonFields>::write_json(self.fields(), &mut object);
        object
    }

    fn members() -> Vec<(String, JsonShape)> {
        column_members(<R::Table as Table>::columns())
    }
}
