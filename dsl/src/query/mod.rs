//! Statements: select, insert, update and delete, their clauses, and how they run.

mod assign;
mod clause;
mod conflict;
mod correlated;
mod count_rows;
mod cte;
mod delete;
mod distinct_order;
mod grouping;
mod insert;
mod join;
mod locking;
mod optional_group;
pub use join::{DialectIs, JoinsInto};
mod prepared;
mod record;
mod row_count;
#[cfg(feature = "json")]
mod row_shape;
mod select;
mod select_alias;
mod selection;
mod set_operation;
mod statement;
mod subquery;
mod update;
mod write_limit;

pub use assign::{
    Assign, AssignmentList, AssignmentOf, ColumnMethods, ColumnNames, IntoColumnValue, ValuesRead, Writable,
    WritableColumns,
};
pub use clause::{
    AllRows, AndFilter, Distinct, DistinctOn, GroupBy, NoDistinct, NoFilterNeeded, NoGroup, NoOrder, NoWhere, OrderBy,
    RenderClause, Where, WhereChosen,
};
pub use conflict::{
    excluded, ConflictBuilder, Conflicts, DoNothing, DoUpdate, Excluded, InsertIgnore, NoConflict, OnConflict,
    OnConstraint, OnDuplicateKeyUpdate, SupportsConstraintTarget, SupportsSeveralConflicts, TargetedConflicts,
    ThenConflict,
};
pub use correlated::{Correlated, OuterIn};
pub use count_rows::{count_rows, CountRows};
pub use cte::{cte, recursive_cte, with, AccessOr, AnyWrites, Cte, CteAccess, CteList, CteSource, LeadsWith, With};
pub use delete::{delete, Delete};
pub use distinct_order::{At, DistinctOrder, Itself, RowColumn, Selects, TermsSelected};
pub use grouping::{ColumnsGrouped, GroupedSelection, Grouping};
pub use insert::{
    insert, ColumnsOf, DefaultValues, FromSelect, InHead, InTail, Insert, InsertInto, InsertRow, InsertRows,
    InsertRule, InsertsKeys, MatchesColumns, Optional, RenderRows, Required, RequiredColumnsSet, SetBy, TupleSplit,
};
pub use locking::{EveryTable, LockStrength, LockTables, LockWait, Locked, OfTables, RowsOfTables};
pub use optional_group::{optional, OptionalGroup, OwnRow};
pub use prepared::{params, placeholder, Params, Placeholder, Prepared};
#[cfg(feature = "json")]
pub use record::{insert_field_from_json, patch_field_from_json, FieldErrors, FromJsonRecord};
pub use record::{
    render_patch_field, render_record, render_records, FieldRule, InsertField, InsertRecord, RuleOf, TableRecords,
};
pub use row_count::{IntoRowCount, RowCount};
#[cfg(feature = "json")]
pub(crate) use row_shape::value_shape;
#[cfg(feature = "json")]
pub use row_shape::{column_members, DescribeOwn, DescribeRow, JsonShape, RowShape};
pub(crate) use select::render_limit_offset;
pub use select::{from, select, OneColumn, Scalar, Select, SelectBuilder, Subquery};
pub use select_alias::{As, NamedField};
pub use selection::{ExprList, Selection, SelectionDecoder, SelectionIn, TableColumns, TableRow, WholeRow};
pub use set_operation::{Compound, ResultColumns, RowsMatch, SameRowsAs, SetOperator};
pub use statement::{Batched, ClausesAgree, RowOf, RowQuery, ScopeChecked, Statement};
pub use subquery::{Field, SelectedBy, SubquerySource};
pub use update::{update, NoFrom, Update, UpdateFrom, UpdateScope, UpdateTable};
pub use write_limit::Limited;

/// No `RETURNING` clause.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReturning;

/// `RETURNING <selection>`.
#[derive(Debug, Clone, Copy)]
pub struct Returning<S>(pub(crate) S);
