//! Expressions: columns, bound values, operators, functions, aggregates and raw SQL.

mod aggregate;
mod array;
mod bound;
mod boxed;
mod cast;
mod column;
mod comparand;
mod dynamic;
#[cfg(feature = "json")]
mod eval;
mod func;
mod in_list;
#[cfg(feature = "json")]
mod json;
mod methods;
mod nullable;
pub mod ops;
mod order;
mod raw;
mod search;
mod session;
mod vector;
pub mod window;

pub(crate) use aggregate::not_summable;
pub use aggregate::{
    array_agg, avg, avg_distinct, count, count_distinct, count_star, function, max, min, string_agg, sum, sum_distinct,
    Aggregate, AggregateCall, AggregateFn, AggregateOrder, AggregateOrderIn, ArrayAgg, AvgType, Collect, CollectKind,
    CountStar, FilterableOn, Filtered, NoAggregateOrder, SpellCollect, StringAgg, SumType, Summable,
};
#[cfg(feature = "json")]
pub use aggregate::{json_agg, JsonAgg};
pub use array::{
    array_op, AnyAll, ArrayExpressionMethods, ArrayLength, Cardinality, ElementMethods, Subscript, Unnest,
};
pub use bound::{Bound, NullableBound};
pub use boxed::{boxed, boxed_order, BoxedOrder, BoxedPredicate};
pub use cast::{Cast, CastTarget};
pub use comparand::{Comparand, ComparesWith, Exact, TypedNode, Widened};
pub use dynamic::{all_of, any_of, maybe, Dynamic};
#[cfg(feature = "json")]
pub use eval::{ArithEval, CompareEval, Evaluate, LogicEval};
pub use func::{and, exists, last_insert_id, not, not_exists, or, Exists, LastInsertId};
pub use in_list::{InList, InSubquery};
#[cfg(feature = "json")]
pub use json::{
    HasKeys, JsonContainment, JsonContains, JsonExpressionMethods, JsonField, JsonGet, JsonGetText, JsonKind,
    JsonLength, JsonOf, JsonPath, JsonPathQueries, JsonPathQuery, JsonRemove, JsonSet, JsonStep, JsonWrites,
};
pub use methods::ExpressionMethods;
pub use nullable::Nullable;
pub use ops::{op, Arith, Between, Compare, IsDistinct, IsNull, Logic, LogicKind, Not};
pub use order::{NullsOrder, Order, OrderTerm};
pub use raw::{sql, RawColumns, Sql};
pub use search::{
    bm25, fts5_match, highlight, match_against, phraseto_tsquery, plainto_tsquery, to_tsquery, to_tsvector,
    ts_headline, ts_rank, ts_rank_cd, tsquery_parser, websearch_to_tsquery, Append, Bm25, Fts5Match, Highlight,
    MatchAgainst, MatchMode, Matches, SetWeight, ToTsQuery, ToTsVector, TsHeadline, TsQueryParser, TsRank,
    TsVectorMethods, Weight,
};
pub use session::{current_setting, current_user, CurrentSetting, CurrentUser};
pub use vector::{distance_op, BitDistanceMethods, Distance, VectorExpressionMethods, VectorKind};

use crate::types::{Nullability, SqlType};

/// A typed SQL expression. Implemented by columns, bound values and every operator.
///
/// `SqlType` is what the database computes; `Nullability` whether it can be NULL before
/// any outer join is considered; `Value` the Rust type it decodes to (a column may name
/// its own, otherwise it is the SQL type's).
pub trait Expression {
    /// The SQL type, without nullability.
    type SqlType: SqlType;
    /// Whether the expression can be NULL in itself.
    type Nullability: Nullability;
    /// The Rust type a non-NULL value decodes to.
    type Value;

    /// The column this expression is, if it is one of a table's: its name and type
    /// (lengths, enum members), for the rows a query's shape describes.
    fn column_info() -> Option<crate::schema::ColumnInfo> {
        None
    }
}

/// A value or expression usable where an expression of SQL type `ST` is expected.
///
/// Implemented for each Rust type that has a SQL type (`i32` for `Integer`, `&str` and
/// `String` for `Text`…) and for every expression of SQL type `ST`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as a SQL `{ST}` value",
    label = "expected a value or expression of SQL type `{ST}`",
    note = "each SQL type takes its own Rust types: `Integer` takes i32, `BigInt` i64, `Text` &str or String…"
)]
pub trait AsExpression<ST> {
    /// The expression it becomes.
    type Expr: Expression;
    /// Converts.
    fn into_expression(self) -> Self::Expr;
}

/// An expression `=`, `<>`, `<`, `IN` and `BETWEEN` may compare: every expression but a
/// bound Rust `Option`. `x = NULL` is never true, so `.eq(None)` would match no row.
///
/// Implemented for columns, bound values, placeholders and every expression node; an
/// expression type written outside mizzle implements it to be compared.
#[diagnostic::on_unimplemented(
    message = "an `Option` cannot be compared with `=`, `<>`, `<`, `IN` or `BETWEEN`: `x = NULL` matches no row",
    label = "this may be `None`, which SQL compares as NULL",
    note = "use `.is_null()` for `None`, or `.is_not_distinct_from(value)`, which treats NULL as equal to NULL"
)]
pub trait Operand {}

#[diagnostic::do_not_recommend]
impl<C: crate::schema::Column> Operand for C {}

/// An expression computed from one row: it contains no aggregate (`count`, `sum`, `avg`,
/// `min`, `max`) and no window function. WHERE, a join's ON and an aggregate's argument
/// take only these; a subquery counts as one value, whatever it aggregates inside.
#[diagnostic::on_unimplemented(
    message = "an aggregate or a window function cannot be used here: this is computed per row",
    label = "this contains `count`, `sum`, `avg`, `min` or `max`, or a window function (`.over(..)`)",
    note = "to filter on an aggregate, use `.group_by(..)` and `.having(..)`; an aggregate cannot contain another; \
            a window function is computed after WHERE: select it, or order by it"
)]
pub trait RowLevel {}

#[diagnostic::do_not_recommend]
impl<C: crate::schema::Column> RowLevel for C {}

/// Proof that every column `Self` uses belongs to a table of source `S`.
///
/// Required by `filter`, `order_by`, `group_by`, `having`, joins' `on` and selections.
/// `ScopedNullability` adds the nullability the outer joins of `S` bring.
#[diagnostic::on_unimplemented(
    message = "a column here belongs to a table that is not in this query's FROM clause",
    label = "reads a table that `{S}` does not include",
    note = "join the table first with `.inner_join(table, on)` or `.left_join(table, on)`"
)]
pub trait AppearsIn<S, I>: Expression {
    /// The nullability in `S`: NULL if the expression is, or if a table it reads is on
    /// the nullable side of an outer join.
    type ScopedNullability: Nullability;
    /// The columns it proves not NULL when it is TRUE (or, for a value, when it is not
    /// NULL): what `.filter(..)` and inner joins narrow. `=`, `<`, `+` and the other strict
    /// operators prove their operands' columns; `IS NOT NULL` its operand's; `AND` both
    /// sides'; anything else, such as `OR` or `coalesce`, proves nothing ([`Nil`](crate::schema::Nil)).
    type Proves: crate::schema::ProofList;
    /// [`Yes`](crate::schema::Yes) when it contains an aggregate (`count`, `sum`…).
    type Aggregates: crate::schema::Truth;
    /// [`Yes`](crate::schema::Yes) when every column it reads outside an aggregate is
    /// among the keys `G` a GROUP BY groups by, itself or through its table's primary key.
    type Grouped<G: crate::schema::GroupKeys>: crate::schema::Truth;
    /// What grouping by it groups by: its position for a column, else
    /// [`ExprKey`](crate::schema::ExprKey).
    type GroupKey: crate::schema::GroupKeys;
}

/// Implements [`AsExpression`] for an expression node, for its own SQL type.
macro_rules! impl_into_expression {
    ([$($gen:tt)*] $ty:ty) => {
        $crate::expr::impl_into_expression!(column [$($gen)*] $ty);
        impl<$($gen)*> $crate::expr::Operand for $ty {}
        impl<$($gen)*> $crate::expr::TypedNode for $ty {}
    };
    // A column node: it is an `Operand` as every column is.
    (column [$($gen:tt)*] $ty:ty) => {
        impl<__ST, $($gen)*> $crate::expr::AsExpression<__ST> for $ty
        where
            Self: $crate::expr::Expression,
            <Self as $crate::expr::Expression>::SqlType: $crate::types::SameType<__ST>,
        {
            type Expr = Self;
            fn into_expression(self) -> Self {
                self
            }
        }
    };
}
pub(crate) use impl_into_expression;
