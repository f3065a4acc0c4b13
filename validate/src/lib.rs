//! Validators for request bodies, derived from the same table types as the queries.
//!
//! `Validator::<users::table>::insert()` accepts exactly the JSON objects that make a
//! valid insert: required columns present, values of each column's type within its range,
//! length, precision or members, no generated or identity-always column, no unknown
//! field. Its output is the table's `New` record, ready for `insert(..).values(..)`; an
//! update validator gives a `Patch` for `update(..).set(..)`. Every problem is reported,
//! each with a JSON pointer, a stable code and a message; nothing panics on any input.
#![warn(missing_docs, unreachable_pub, missing_debug_implementations)]
#![forbid(unsafe_code)]

mod body;
mod check;
mod error;
mod fields;
mod openapi;
mod refine;
mod rows;
mod rows_at_run_time;
mod schema;
mod validator;

mod private {
    /// Implemented only by this crate's modes.
    pub trait Sealed {}
    impl Sealed for crate::Insert {}
    impl Sealed for crate::Update {}
    impl Sealed for crate::Select {}
}

pub use error::{Code, ValidationError, ValidationErrors};
pub use fields::Fill;
pub use mizzle_dsl::query::{JsonShape, RowShape};
pub use openapi::{component_name, component_ref, OpenApi};
pub use refine::{CustomCheck, Rule};
pub use rows::RowValidator;
pub use rows_at_run_time::TableChecker;
pub use validator::{Insert, Mode, Select, Update, Validator};
