//! Aggregates that collect a group's values: `string_agg` (`group_concat` on MySQL and
//! SQLite), `array_agg` (PostgreSQL) and JSON arrays, each in an optional order.

use super::filter::AggregateCall;
use crate::dialect::{Dialect, DialectKind, Pg};
use crate::error::EncodeError;
use crate::expr::{impl_into_expression, AppearsIn, Expression, OrderTerm, RowLevel};
use crate::render::{RenderList, RenderSql, SqlWriter};
#[cfg(feature = "json")]
use crate::types::Nullability;
use crate::types::{self as st, NotNull, Null, SameType, Value};

/// What a collecting aggregate makes of the values of `E`, and how a dialect spells it.
pub trait CollectKind<E: Expression> {
    /// The SQL type of the result.
    type SqlType: st::SqlType;
    /// The Rust type of the result.
    type Value;
}

/// `string_agg(expr, separator)`: the values joined into one text.
#[derive(Debug, Clone, Copy)]
pub struct StringAgg {
    separator: &'static str,
}

/// `array_agg(expr)` (PostgreSQL): the values as an array.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArrayAgg;

/// A JSON array of the values: `json_agg` (PostgreSQL), `JSON_ARRAYAGG` (MySQL),
/// `json_group_array` (SQLite).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonAgg;

/// No ORDER BY inside the aggregate: the values come in the order the database reads them.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAggregateOrder;

/// A collecting aggregate of kind `K` over `expr`, in order `O`. NULL over no rows
/// (SQLite's JSON array is `[]` then, read as an empty `Vec`).
#[derive(Debug, Clone, Copy)]
pub struct Collect<K, E, O = NoAggregateOrder> {
    kind: K,
    expr: E,
    order: O,
}

/// `string_agg(expr, separator)` (`group_concat` on MySQL and SQLite): the group's text
/// values joined by `separator`; NULL values are left out.
pub fn string_agg<E>(expr: E, separator: &'static str) -> Collect<StringAgg, E>
where
    E: Expression<SqlType: SameType<st::Text>> + RowLevel,
{
    Collect {
        kind: StringAgg { separator },
        expr,
        order: NoAggregateOrder,
    }
}

/// `array_agg(expr)` (PostgreSQL): the group's values as a `Vec`. The values must not be
/// NULL (filter them out, `.filter(expr.is_not_null())`), so that they decode as plain
/// values.
pub fn array_agg<E: Expression<Nullability = NotNull> + RowLevel>(expr: E) -> Collect<ArrayAgg, E> {
    Collect {
        kind: ArrayAgg,
        expr,
        order: NoAggregateOrder,
    }
}

/// A JSON array of the group's values, decoded into a `Vec` (of `Option`s for a nullable
/// expression) through serde: each value as the database writes it in JSON.
#[cfg(feature = "json")]
pub fn json_agg<E: Expression + RowLevel>(expr: E) -> Collect<JsonAgg, E> {
    Collect {
        kind: JsonAgg,
        expr,
        order: NoAggregateOrder,
    }
}

impl<K, E> Collect<K, E> {
    /// Collects the values in this order: an expression, `expr.desc()`, or a tuple.
    pub fn order_by<T>(self, terms: T) -> Collect<K, E, AggregateOrder<T>> {
        Collect {
            kind: self.kind,
            expr: self.expr,
            order: AggregateOrder(terms),
        }
    }
}

/// `ORDER BY terms` inside an aggregate.
#[derive(Debug, Clone, Copy)]
pub struct AggregateOrder<T>(T);

impl<E: Expression> CollectKind<E> for StringAgg {
    type SqlType = st::Text;
    type Value = String;
}

impl<E: Expression> CollectKind<E> for ArrayAgg {
    type SqlType = st::Array<E::SqlType>;
    type Value = Vec<E::Value>;
}

#[cfg(feature = "json")]
impl<E: Expression> CollectKind<E> for JsonAgg
where
    E::Value: 'static,
{
    type SqlType = st::Json<Vec<<E::Nullability as Nullability>::Wrap<E::Value>>>;
    type Value = Vec<<E::Nullability as Nullability>::Wrap<E::Value>>;
}

impl<K: CollectKind<E>, E: Expression, O> Expression for Collect<K, E, O> {
    type SqlType = K::SqlType;
    type Nullability = Null;
    type Value = K::Value;
}

/// The ORDER BY of a collecting aggregate, in scope of `S`.
pub trait AggregateOrderIn<S, I> {}

impl<S> AggregateOrderIn<S, ()> for NoAggregateOrder {}

impl<T: OrderTerm<S, I>, S, I> AggregateOrderIn<S, I> for AggregateOrder<T> {}

impl<K: CollectKind<E>, E: AppearsIn<S, I>, O: AggregateOrderIn<S, J>, S, I, J> AppearsIn<S, (I, J)>
    for Collect<K, E, O>
{
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::Yes;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

/// Writes the ORDER BY inside an aggregate, or nothing.
pub(crate) trait RenderAggregateOrder<D: Dialect> {
    /// Whether its text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool;
    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<D: Dialect> RenderAggregateOrder<D> for NoAggregateOrder {
    const TYPE_SHAPED: bool = true;
    fn render_order<'q>(&'q self, _out: &mut SqlWriter<'q, D>) {}
}

impl<T: RenderList<D>, D: Dialect> RenderAggregateOrder<D> for AggregateOrder<T> {
    const TYPE_SHAPED: bool = T::TYPE_SHAPED;
    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql(" ORDER BY ");
        self.0.render_list(out);
    }
}

/// How a dialect spells a collecting aggregate of kind `Self`.
#[diagnostic::on_unimplemented(
    message = "{D} has no `{Self}` aggregate",
    label = "not available in {D}",
    note = "`array_agg` is PostgreSQL's: use `json_agg(..)`, which every dialect has"
)]
pub trait SpellCollect<D: Dialect> {
    /// The function's name and opening parenthesis.
    fn open(&self) -> &'static str;
    /// Writes what follows the argument and the ORDER BY (a separator), before `)`.
    fn close(&self, out: &mut SqlWriter<'_, D>) {
        let _ = out;
    }
    /// Writes what follows the argument, before the ORDER BY (a separator).
    fn after_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let _ = out;
    }
}

impl<D: Dialect> SpellCollect<D> for StringAgg {
    fn open(&self) -> &'static str {
        match D::KIND {
            DialectKind::Pg => "string_agg(",
            DialectKind::MySql | DialectKind::Sqlite => "group_concat(",
        }
    }

    // MySQL takes the separator last, as a literal; the others as a second argument.
    fn after_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if D::KIND != DialectKind::MySql {
            out.push_sql(", ");
            out.push_bind(Value::Text(self.separator.into()));
        }
    }

    fn close(&self, out: &mut SqlWriter<'_, D>) {
        if D::KIND == DialectKind::MySql {
            if self.separator.contains(['\\', '\0']) {
                out.push_error(EncodeError::new(
                    "a MySQL GROUP_CONCAT separator is a literal, and cannot hold a backslash or NUL",
                ));
                return;
            }
            out.push_sql(" SEPARATOR '");
            out.push_sql_text(&self.separator.replace('\'', "''"));
            out.push_sql("'");
        }
    }
}

impl SpellCollect<Pg> for ArrayAgg {
    fn open(&self) -> &'static str {
        "array_agg("
    }
}

#[cfg(feature = "json")]
impl<D: Dialect> SpellCollect<D> for JsonAgg {
    fn open(&self) -> &'static str {
        match D::KIND {
            DialectKind::Pg => "json_agg(",
            DialectKind::MySql => "JSON_ARRAYAGG(",
            DialectKind::Sqlite => "json_group_array(",
        }
    }
}

impl<K: SpellCollect<D>, E: RenderSql<D>, O: RenderAggregateOrder<D>, D: Dialect> AggregateCall<D>
    for Collect<K, E, O>
{
    const STAR: bool = false;

    fn render_call<'q>(&'q self, out: &mut SqlWriter<'q, D>, argument: &mut dyn FnMut(&mut SqlWriter<'q, D>)) {
        out.push_sql(self.kind.open());
        argument(out);
        self.kind.after_argument(out);
        self.order.render_order(out);
        self.kind.close(out);
        out.push_sql(")");
    }

    fn render_argument<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
    }
}

impl<K: SpellCollect<D>, E: RenderSql<D>, O: RenderAggregateOrder<D>, D: Dialect> RenderSql<D> for Collect<K, E, O> {
    // A MySQL separator is written into the text; it is recorded as text made at run time.
    const TYPE_SHAPED: bool = E::TYPE_SHAPED && O::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render_call(out, &mut |out| self.expr.render(out));
    }
}
impl_into_expression!([K, E, O] Collect<K, E, O>);
