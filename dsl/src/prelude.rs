//! The traits a query needs in scope: `use mizzle::prelude::*;`. Nothing with a generic name.

pub use crate::expr::{
    ArrayExpressionMethods, BitDistanceMethods, ElementMethods, ExpressionMethods, JsonExpressionMethods, JsonPath,
    JsonStep, TsVectorMethods, VectorExpressionMethods,
};
pub use crate::query::{ColumnMethods, RowQuery, Statement};
pub use crate::relation::RelationMethods;
pub use crate::schema::{Column, Table};
