//! A table's record structs (`Row`, `New`, `Patch`) as lists of fields, so that what is done
//! with a record is written here once, over its columns, rather than by `table!` for every table.
//!
//! `table!` writes each record struct with one field per column and implements [`Record`]
//! for it: a conversion from and to nested pairs of its fields, `(first, (second, ()))`.
//! Everything else a record does (decoding a row, rendering an insert or a `SET` list,
//! reading and writing JSON) is a blanket impl over [`Record`] here. The type checker then
//! meets a table's record code once, in this crate, and not again in every table.

mod fields;
#[cfg(feature = "json")]
mod json;
mod new;
mod patch;
mod row;
#[cfg(feature = "json")]
mod row_json;
mod values;

pub use fields::{FieldColumn, FieldList, FieldsOf, Insert, Pairs, Record, RecordKind, Refs, Select, Update};
#[cfg(feature = "json")]
pub use json::{ReadField, ReadFields};
pub use new::NewFields;
pub use patch::{unset, PatchFields};
pub use row::{DecodeFields, RowFields};
#[cfg(feature = "json")]
pub use row_json::JsonFields;
pub use values::{clone, debug, eq, FieldValues};
