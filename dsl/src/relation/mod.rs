//! Relational queries: relations between tables as types, and `find_many` with nested
//! `with`, answered in one SQL statement and returned as nested typed rows.
//!
//! A query's tables are joined in one statement (a LEFT JOIN per relation, every table's
//! columns side by side) and its rows regrouped into nested values: every column is
//! decoded by the same code as in any other select, so each type keeps its full fidelity
//! on every dialect.

mod declare;
mod derive;
mod extra;
mod filter;
mod find;
#[cfg(feature = "json")]
mod json;
mod nested;
mod shape;
mod tree;

#[doc(hidden)]
pub use declare::{__check_key, __check_not_null};
pub use declare::{
    Junction, KeyOf, KeyTableIs, Many, NeverNull, NotNullKey, One, Optional, Relation, RelationKind, RelationMethods,
    SourceIs, StartsAt,
};
pub use derive::{keys_of, Keys};
pub use extra::{extra, Extra, ExtraOver, ExtraValue};
pub use filter::{has, has_no, Has};
pub use find::{find_first, find_many, FindMany, FindOrder, FoundAll, FoundFirst, Joined, Regrouped, RowsOf};
#[cfg(feature = "json")]
pub use json::{DescribeJson, RowJson, SerializeRels};
pub use nested::{First, Later, Loaded, Missing, Nested, NotLoaded, RelatedIn};
pub use shape::{
    AllColumns, ChainGet, ChainValues, ColumnsOf, ColumnsOfTable, Keyed, Omitted, PickOf, Picked, PickedColumns,
    PickedRow, RemoveAt, Shape, Without,
};
pub use tree::{
    aggregate_of, count_of, AggregateOf, AggregateValue, Children, CountOf, IntoWith, Loadable, LoadsRelation, Push,
    With,
};
