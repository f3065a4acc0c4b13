//! [`Column`]: one zero-sized type per column, and the runtime description DDL reads.

use super::{ColumnType, Constraints, DefaultKind, Table};
use crate::expr::Expression;
use crate::types::Nullability;
use std::fmt::Debug;

/// A column of [`Column::Table`]. One zero-sized type per column.
///
/// Apps declare these (by hand or with [`table!`](crate::table)); the SQL type and
/// nullability come from the [`Expression`] supertrait, the DDL type from [`Column::Type`].
pub trait Column: Expression + Copy + Default + Debug + Send + Sync + 'static {
    /// The table this column belongs to.
    type Table: Table;
    /// The column type of the table's dialect, as DDL spells it.
    type Type: ColumnType<<Self::Table as Table>::Dialect>;
    /// Whether inserts may omit this column.
    type Default: DefaultKind;
    /// Unquoted SQL name; quoting is the dialect's job.
    const NAME: &'static str;

    /// Primary key, unique, default and references, for DDL.
    fn constraints() -> Constraints {
        Constraints::new()
    }

    /// Everything DDL needs to know about this column.
    fn info() -> ColumnInfo {
        ColumnInfo {
            name: Self::NAME,
            write_type: <Self::Type as ColumnType<<Self::Table as Table>::Dialect>>::write_ddl,
            not_null: !<Self::Nullability as Nullability>::NULLABLE,
            constraints: Self::constraints(),
        }
    }
}

/// The Rust type a column decodes to when selected from its own table: `V` or `Option<V>`.
pub type ColumnValue<C> =
    <<C as Expression>::Nullability as Nullability>::Wrap<<C as Expression>::Value>;

/// A column as DDL sees it.
#[derive(Debug, Clone)]
pub struct ColumnInfo {
    /// Unquoted name.
    pub name: &'static str,
    /// Writes the column type, e.g. `varchar(255)`.
    pub write_type: fn(&mut String),
    /// `NOT NULL` is written.
    pub not_null: bool,
    /// Keys, default, references.
    pub constraints: Constraints,
}
