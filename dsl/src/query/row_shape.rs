//! [`RowShape`]: a query's rows as JSON objects — the members each part of the select
//! list adds, their column types, and a decoded row written in that form — so a
//! response is described (and checked) by the same types that run the query.

use super::optional_group::{OptionalGroup, OwnRow};
use super::select_alias::As;
use super::selection::{Selection, WholeRow};
use super::statement::RowQuery;
use crate::dialect::Dialect;
use crate::expr::{AppearsIn, Expression};
use crate::relation::RowJson;
use crate::render::RenderSql;
use crate::schema::{EnumType, Position, Table, TableIn, TypeInfo};
use crate::types::{FromSql, JsonObject, Nullability, SqlType, ToJson};
use serde_json::Value as Json;

/// What one member of a row's JSON object holds.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonShape {
    /// A value of a column type; `null` when `nullable` and NULL.
    Value {
        /// The values the type holds.
        type_info: TypeInfo,
        /// The PostgreSQL enum type it is, if any.
        enum_type: Option<EnumType>,
        /// Whether it may be `null`.
        nullable: bool,
    },
    /// An object of members: a table's whole row in a select list of several parts, or a
    /// related row of a relational query; `null` when `nullable` and absent.
    Object {
        /// Its members, in order.
        members: Vec<(String, JsonShape)>,
        /// Whether the whole object may be `null`.
        nullable: bool,
    },
    /// An array of items: a `many` relation's rows.
    List {
        /// What each item is.
        item: Box<JsonShape>,
    },
}

/// The members of a row of a table's columns, as the table declares them.
pub fn column_members(columns: Vec<crate::schema::ColumnInfo>) -> Vec<(String, JsonShape)> {
    columns
        .into_iter()
        .map(|column| {
            let shape = JsonShape::Value {
                type_info: column.type_info,
                enum_type: column.enum_type,
                nullable: !column.not_null,
            };
            (column.name.to_owned(), shape)
        })
        .collect()
}

/// A select list (or RETURNING list) described as the members of its rows' JSON objects,
/// and able to write a decoded row in that form. Implemented for expressions (a column
/// is named by its name; name others with `.as_("name")`, or they are `column1`,
/// `column2`… by place), `.as_(..)`, tuples, `table.row()` and `optional(..)`.
pub trait DescribeRow<S, I, D: Dialect>: Selection<S, I, D> {
    /// Appends the members this part adds, named (not yet made unique).
    fn describe(&self, members: &mut Vec<(String, JsonShape)>);
    /// Appends a decoded row's values, one per member [`describe`](Self::describe) gave.
    fn row_values(row: &Self::Row, values: &mut Vec<Json>);
}

/// The shape of a value of expression `E`: its column's type when it is a column, else its
/// SQL type's.
pub(crate) fn value_shape<E: Expression>(nullable: bool) -> JsonShape {
    let column = E::column_info();
    JsonShape::Value {
        type_info: column
            .as_ref()
            .map(|c| c.type_info.clone())
            .unwrap_or_else(|| TypeInfo::from_param(<E::SqlType as SqlType>::PARAM)),
        enum_type: column.and_then(|c| c.enum_type),
        nullable,
    }
}

/// An expression's own member: its column's name, or its place in the select list.
fn expression_member<E: Expression>(members: &mut Vec<(String, JsonShape)>, nullable: bool) {
    let name = E::column_info().map_or_else(|| format!("column{}", members.len() + 1), |c| c.name.to_owned());
    members.push((name, value_shape::<E>(nullable)));
}

impl<E, S, I, D> DescribeRow<S, I, D> for E
where
    E: Expression + AppearsIn<S, I> + RenderSql<D>,
    E::Value: FromSql<E::SqlType, D> + ToJson<E::SqlType>,
    D: Dialect,
{
    fn describe(&self, members: &mut Vec<(String, JsonShape)>) {
        expression_member::<E>(members, <E::ScopedNullability as Nullability>::NULLABLE);
    }

    fn row_values(row: &Self::Row, values: &mut Vec<Json>) {
        values.push(<E::ScopedNullability as Nullability>::to_json::<E::SqlType, E::Value>(
            row,
        ));
    }
}

impl<E: DescribeRow<S, I, D>, S, I, D: Dialect> DescribeRow<S, I, D> for As<E> {
    fn describe(&self, members: &mut Vec<(String, JsonShape)>) {
        let first = members.len();
        self.expression_ref().describe(members);
        if let Some((name, _)) = members.get_mut(first) {
            *name = self.output_name().to_owned();
        }
    }

    fn row_values(row: &Self::Row, values: &mut Vec<Json>) {
        E::row_values(row, values)
    }
}

macro_rules! tuple_describe {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: DescribeRow<S, $idx, D>, $idx,)+ S, D: Dialect> DescribeRow<S, ($($idx,)+), D> for ($($name,)+) {
            fn describe(&self, members: &mut Vec<(String, JsonShape)>) {
                $(self.$i.describe(members);)+
            }

            fn row_values(row: &Self::Row, values: &mut Vec<Json>) {
                $($name::row_values(&row.$i, values);)+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_describe);

impl<T, S, I, D> DescribeRow<S, I, D> for WholeRow<T>
where
    T: Table + TableIn<S, I>,
    I: Position,
    T::Row: super::TableRow<D> + RowJson,
    D: Dialect,
{
    fn describe(&self, members: &mut Vec<(String, JsonShape)>) {
        members.push((
            T::NAME.to_owned(),
            JsonShape::Object {
                members: column_members(T::columns()),
                nullable: <<T as TableIn<S, I>>::Nullability as Nullability>::NULLABLE,
            },
        ));
    }

    fn row_values(row: &Self::Row, values: &mut Vec<Json>) {
        let row = <<T as TableIn<S, I>>::Nullability as Nullability>::as_option(row);
        values.push(row.map_or(Json::Null, |row| Json::Object(row.row_json())));
    }
}

/// A group's own columns, described as members each NULL when the group is absent.
pub trait DescribeOwn<D: Dialect>: OwnRow<D> {
    /// Appends the members, each nullable (the whole group may be absent).
    fn describe_own(&self, members: &mut Vec<(String, JsonShape)>);
    /// Appends the group's values, or a `null` per member when it is absent.
    fn own_values(row: Option<&Self::Row>, values: &mut Vec<Json>);
}

impl<E, D> DescribeOwn<D> for E
where
    E: Expression + OwnRow<D, Row = <<E as Expression>::Nullability as Nullability>::Wrap<E::Value>>,
    E::Value: ToJson<E::SqlType>,
    D: Dialect,
{
    fn describe_own(&self, members: &mut Vec<(String, JsonShape)>) {
        expression_member::<E>(members, true);
    }

    fn own_values(row: Option<&Self::Row>, values: &mut Vec<Json>) {
        values.push(row.map_or(Json::Null, |value| {
            <E::Nullability as Nullability>::to_json::<E::SqlType, E::Value>(value)
        }));
    }
}

macro_rules! tuple_describe_own {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: DescribeOwn<D>,)+ D: Dialect> DescribeOwn<D> for ($($name,)+) {
            fn describe_own(&self, members: &mut Vec<(String, JsonShape)>) {
                $(self.$i.describe_own(members);)+
            }

            fn own_values(row: Option<&Self::Row>, values: &mut Vec<Json>) {
                $($name::own_values(row.map(|row| &row.$i), values);)+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_describe_own);

impl<G, S, I, D> DescribeRow<S, I, D> for OptionalGroup<G>
where
    OptionalGroup<G>: Selection<S, I, D, Row = Option<<G as OwnRow<D>>::Row>>,
    G: DescribeOwn<D>,
    D: Dialect,
{
    fn describe(&self, members: &mut Vec<(String, JsonShape)>) {
        self.0.describe_own(members);
    }

    fn row_values(row: &Self::Row, values: &mut Vec<Json>) {
        G::own_values(row.as_ref(), values)
    }
}

/// The rows of a query as JSON objects: [`RowShape::of(&query)`](RowShape::of) names
/// each member, gives its type, and writes decoded rows in that form
/// ([`to_json`](RowShape::to_json)). A select list that is one table's row is that
/// row's columns; in a list of several parts, a table's row is a member named by the
/// table, holding an object of its columns. Two members of one name are told apart by
/// a suffix (`id`, `id_2`): name them with `.as_(..)` to choose.
pub struct RowShape<Q, I> {
    members: Vec<(String, JsonShape)>,
    /// Whether the select list is one table's row, whose columns are the members.
    flat_row: bool,
    query: std::marker::PhantomData<fn(Q, I)>,
}

impl<Q, I> Clone for RowShape<Q, I> {
    fn clone(&self) -> Self {
        RowShape {
            members: self.members.clone(),
            flat_row: self.flat_row,
            query: std::marker::PhantomData,
        }
    }
}

impl<Q, I> std::fmt::Debug for RowShape<Q, I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RowShape").field("members", &self.members).finish()
    }
}

impl<Q, I> RowShape<Q, I>
where
    Q: RowQuery,
    Q::Selection: DescribeRow<Q::Source, I, Q::Dialect>,
{
    /// The shape of `query`'s rows. `I` is the inferred proof that its select list is
    /// in scope.
    pub fn of(query: &Q) -> Self {
        let mut members = Vec::new();
        query.selection().describe(&mut members);
        let flat_row = matches!(members.as_slice(), [(_, JsonShape::Object { .. })]);
        if flat_row {
            if let Some((_, JsonShape::Object { members: columns, .. })) = members.pop() {
                members = columns;
            }
        }
        let mut seen = std::collections::HashMap::new();
        for (name, _) in &mut members {
            let count = seen.entry(name.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                *name = format!("{name}_{count}");
            }
        }
        RowShape {
            members,
            flat_row,
            query: std::marker::PhantomData,
        }
    }

    /// The members, in select-list order.
    pub fn members(&self) -> &[(String, JsonShape)] {
        &self.members
    }

    /// A decoded row of the query as a JSON object of the members.
    pub fn to_json(&self, row: &<Q::Selection as Selection<Q::Source, I, Q::Dialect>>::Row) -> JsonObject {
        let mut values = Vec::with_capacity(self.members.len());
        <Q::Selection as DescribeRow<Q::Source, I, Q::Dialect>>::row_values(row, &mut values);
        if self.flat_row {
            return match values.pop() {
                Some(Json::Object(columns)) => columns,
                _ => JsonObject::new(),
            };
        }
        self.members.iter().map(|(name, _)| name.clone()).zip(values).collect()
    }
}
