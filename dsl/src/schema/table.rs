//! [`Table`]: a table as a zero-sized type, and whether its columns have defaults.

use super::{ColumnInfo, ColumnList, Define};
use crate::dialect::Dialect;
use std::fmt::Debug;

/// A table. One zero-sized type per table, usually written by [`table!`](crate::table).
///
/// Apps declare tables; mizzle reads these items to render SQL and check queries.
pub trait Table: Copy + Default + Debug + Send + Sync + 'static {
    /// Unquoted SQL name; for an alias, the alias, which qualifies its columns.
    const NAME: &'static str;
    /// For an alias, the name of the table it stands for: FROM writes `"real" AS "alias"`.
    const ALIAS_OF: Option<&'static str> = None;
    /// The schema (PostgreSQL namespace) the table lives in, if not the default one.
    const SCHEMA: Option<&'static str> = None;
    /// The dialect its column types belong to; queries on this table use it.
    type Dialect: Dialect;
    /// Every column in declaration order: a tuple of columns, or a
    /// [`Chain`](super::Chain) of them (what `table!` writes, for tables of any width).
    type AllColumns: ColumnList;
    /// The whole row as selected (Drizzle's `$inferSelect`): one field per column.
    type Row;
    /// Runtime description of the columns, for DDL: each of
    /// [`AllColumns`](Self::AllColumns)' [`info`](super::Column::info), unless overridden.
    fn columns() -> Vec<ColumnInfo> {
        let mut columns = Vec::new();
        <Self::AllColumns as ColumnList>::infos(&mut columns);
        columns
    }

    /// Declares table-level keys, constraints and indexes; none unless overridden.
    fn define(_table: &mut Define<Self>)
    where
        Self: Sized,
    {
    }
}

/// Whether inserts may omit a column: [`HasDefault`] or [`NoDefault`].
pub trait DefaultKind: crate::private::Sealed + 'static {
    /// Has a default if either has one.
    type Or<K: DefaultKind>: DefaultKind;
    /// `true` for [`HasDefault`].
    const HAS_DEFAULT: bool;
}

/// The database (or the application) fills the column when an insert omits it.
#[derive(Debug, Default, Clone, Copy)]
pub struct HasDefault;

/// An insert must give the column a value unless it is nullable.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoDefault;

impl crate::private::Sealed for HasDefault {}
impl crate::private::Sealed for NoDefault {}
impl DefaultKind for HasDefault {
    type Or<K: DefaultKind> = HasDefault;
    const HAS_DEFAULT: bool = true;
}
impl DefaultKind for NoDefault {
    type Or<K: DefaultKind> = K;
    const HAS_DEFAULT: bool = false;
}
