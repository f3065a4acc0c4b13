//! Schema as Rust types: tables, columns, column types per dialect, constraints and DDL.

mod alias;
mod column;
pub mod column_types;
mod constraints;
mod ddl;
mod macros;
mod scope;
mod table;

pub use alias::{alias, Alias, AliasName, Aliased};
pub use column::{app_value, AppValue, Chain, Column, ColumnInfo, ColumnList, ColumnValue, End};
pub use column_types::ColumnType;
pub use constraints::{ColumnDefault, Constraints, RefAction, Reference};
pub use ddl::{create_table, drop_table};
pub use scope::{Cross, Full, Here, InLeft, InRight, Inner, Join, JoinKind, Left, QuerySource, Right, TableIn};
pub use table::{DefaultKind, HasDefault, NoDefault, Table};
