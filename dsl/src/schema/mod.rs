//! Schema as Rust types: tables, columns, column types per dialect, constraints and DDL.

mod alias;
mod column;
pub mod column_types;
mod constraints;
mod ddl;
mod definition;
mod macros;
pub mod model;
mod narrow;
mod scope;
mod security;
mod set;
mod table;

pub use alias::{alias, Alias, AliasName, Aliased};
pub use column::{app_value, AppValue, BelongsTo, Chain, Column, ColumnInfo, ColumnList, ColumnValue, End, TableIs};
pub use column_types::ColumnType;
pub use column_types::{EnumType, TextFormat, TypeInfo};
pub use constraints::{ColumnDefault, Constraints, Generated, Identity, RefAction, Reference};
pub use ddl::{create_enum, create_table, ddl_ident, drop_table};
pub(crate) use definition::is_dotted_name;
#[cfg(feature = "json")]
pub use definition::CheckEval;
pub use definition::{
    fts5_column_index, op_class, CheckCondition, CheckConstraint, Define, ForeignKey, Fts5, Index, IndexAlgorithm,
    IndexBuilder, IndexLock, IndexMethod, OpClass, PrimaryKey, StorageParameter, TableDef, TableExtras,
    UniqueConstraint,
};
#[doc(hidden)]
pub use macros::unraw;
pub use model::SchemaModel;
pub use narrow::{
    ChainHas, ColumnKey, Cons, ExprKey, GroupKeys, KeyChain, Narrowed, Nil, No, Position, Proof, ProofList, Truth,
    Truths, Yes,
};
pub use scope::{
    Cross, CrossLateral, Full, Here, InLeft, InRight, Inner, InnerLateral, Join, JoinKind, Left, LeftLateral, NoTables,
    QuerySource, Right, TableIn,
};
pub use security::{Policy, PolicyBuilder, PolicyCommand, Role, RowSecurity};
pub use set::{create_sequence, create_view, Schema, Sequence, SupportsRoles, SupportsSequences};
/// The DDL writer over the [`model`]: every statement the schema and its migrations need.
pub mod ddl_writer {
    pub use super::ddl::{
        add_constraint, add_foreign_keys, alter_role, check_clause, column_definition, comment_on, create_index,
        create_policy, create_role, drop_constraint, drop_foreign_keys, drop_index, drop_policy, drop_role,
        enum_statement, foreign_key_clause, fts5_trigger_drops, mysql_table_comment, qualified, row_security,
        sqlite_unique_index, table_statements, unique_clause, ConstraintKind, RowSecurityChange,
    };
    pub use super::set::{create_statements, creation_order, drop_statements, sequence_statement, view_statement};
}
pub use table::{DefaultKind, HasDefault, NoDefault, Table};
