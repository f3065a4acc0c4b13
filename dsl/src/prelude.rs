//! The traits a query needs in scope: `use mizzle::prelude::*;`. Nothing with a generic name.

pub use crate::expr::{
    ArrayExpressionMethods, BitDistanceMethods, ElementMethods, ExpressionMethods, TsVectorMethods,
    VectorExpressionMethods,
};
#[cfg(feature = "json")]
pub use crate::expr::{JsonExpressionMethods, JsonPath, JsonStep};
pub use crate::query::{ColumnMethods, RowQuery, Statement};
pub use crate::relation::RelationMethods;
pub use crate::schema::{Column, Table};
