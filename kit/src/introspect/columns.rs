//! Tables with their columns and nullability: what tests compare between a live database
//! and a snapshot.

use mizzle_dsl::schema::model::SchemaModel;
use std::collections::BTreeMap;

/// Tables by name, each with its columns (name, NOT NULL) in order.
pub type Columns = BTreeMap<String, Vec<(String, bool)>>;

/// A schema model's tables of the default schema, each with its columns and whether
/// they are NOT NULL: the part of a live database (read with [`model`](super::model))
/// that a snapshot's migrations are checked against.
pub fn model_columns(model: &SchemaModel) -> Columns {
    model
        .tables
        .iter()
        .filter(|table| table.schema.is_none())
        .map(|table| {
            let columns = table
                .columns
                .iter()
                .map(|c| (c.name.clone(), c.not_null || c.primary_key))
                .collect();
            (table.name.clone(), columns)
        })
        .collect()
}
