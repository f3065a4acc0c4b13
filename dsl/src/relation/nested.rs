//! [`Nested`]: a row with the relations loaded under it, read like the row itself.

use super::declare::Relation;
use super::tree::AggregateValue;
use crate::expr::{Aggregate, AggregateFn, Expression};
use crate::query::{value_shape, JsonShape};
use crate::types::{JsonObject, Nullability, ToJson};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::marker::PhantomData;
use std::ops::Deref;

/// A row of a relational query: the table's row (its columns read through `Deref`:
/// `user.name`) and the relations loaded under it (`user.related(user_posts)`).
///
/// Serializes to the JSON object a web handler returns: the row's columns, then each
/// loaded relation under its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Nested<Row, Rels> {
    row: Row,
    rels: Rels,
}

impl<Row, Rels> Nested<Row, Rels> {
    pub(crate) fn new(row: Row, rels: Rels) -> Self {
        Nested { row, rels }
    }

    /// The table's row itself.
    pub fn row(&self) -> &Row {
        &self.row
    }

    /// The table's row, dropping the loaded relations.
    pub fn into_row(self) -> Row {
        self.row
    }

    /// The row and its loaded relations as `U`, the application's own type: through the
    /// JSON this row serializes to (the columns in the forms validators read, each
    /// relation under its name), so `U` derives `serde::Deserialize` with those names.
    pub fn to_struct<U: serde::de::DeserializeOwned>(&self) -> Result<U, serde_json::Error>
    where
        Self: Serialize,
    {
        serde_json::from_value(serde_json::to_value(self)?)
    }

    /// The rows loaded for `relation`: a `Vec` for a `many` relation, an `Option` for an
    /// `optional` one, the row itself for `one`; the number loaded for a `count_of(..)`.
    /// `I` is inferred.
    pub fn related<R, I>(&self, _relation: R) -> &<Rels as RelatedIn<R, I>>::Out
    where
        Rels: RelatedIn<R, I>,
    {
        self.rels.related()
    }
}

impl<Row, Rels> Deref for Nested<Row, Rels> {
    type Target = Row;
    fn deref(&self) -> &Row {
        &self.row
    }
}

/// The rows loaded for relation `R`, of type `Out`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<R, Out> {
    rows: Out,
    relation: PhantomData<R>,
}

impl<R, Out> Loaded<R, Out> {
    pub(crate) fn new(rows: Out) -> Self {
        Loaded {
            rows,
            relation: PhantomData,
        }
    }

    pub(crate) fn rows(&self) -> &Out {
        &self.rows
    }
}

/// Proof that relation `R` was loaded at this level; `I` is the inferred position.
pub trait RelatedIn<R, I> {
    /// The loaded rows' type.
    type Out;
    /// The loaded rows.
    fn related(&self) -> &Self::Out;
}

/// Position: the first of the list.
#[derive(Debug)]
pub struct First;
/// Position: further down the list, at `I`.
#[derive(Debug)]
pub struct Later<I>(PhantomData<I>);

impl<R, Out, Rest> RelatedIn<R, First> for (Loaded<R, Out>, Rest) {
    type Out = Out;
    fn related(&self) -> &Out {
        &self.0.rows
    }
}

/// Position: past the end of the list, where `R` is not.
#[derive(Debug)]
pub struct Missing;

/// The end of the list: reached only by a relation the query did not load, which
/// [`NotLoaded`] then reports.
impl<R: NotLoaded> RelatedIn<R, Missing> for () {
    type Out = ();
    fn related(&self) -> &() {
        self
    }
}

/// Implemented by no relation: the error of reading a relation the query did not load.
#[diagnostic::on_unimplemented(
    message = "relation `{Self}` was not loaded for these rows",
    label = "the query has no `.with({Self})` at this level",
    note = "add `.with({Self})` to the query, at the level of these rows"
)]
pub trait NotLoaded {}

impl<R, H, Rest: RelatedIn<R, I>, I> RelatedIn<R, Later<I>> for (H, Rest) {
    type Out = Rest::Out;
    fn related(&self) -> &Self::Out {
        self.1.related()
    }
}

/// A table's row as a JSON object, one member per column: implemented by
/// [`table!`](crate::table) for its `Row`.
pub trait RowJson {
    /// The row's columns, in the forms validators read.
    fn row_json(&self) -> JsonObject;
    /// The members [`row_json`](Self::row_json) writes, with their types.
    fn members() -> Vec<(String, JsonShape)>;
}

/// The JSON a loaded relation (or a whole relational row) is written as, described: what
/// validators and schemas of relational queries' rows read.
pub trait DescribeJson {
    /// Its shape.
    fn json_shape() -> JsonShape;
}

impl<Row: RowJson, Rels: SerializeRels> DescribeJson for Nested<Row, Rels> {
    fn json_shape() -> JsonShape {
        let mut members = Row::members();
        Rels::describe_rels(&mut members);
        JsonShape::Object {
            members,
            nullable: false,
        }
    }
}

/// An `optional` relation's row: the row's object, or `null`.
impl<T: DescribeJson> DescribeJson for Option<T> {
    fn json_shape() -> JsonShape {
        match T::json_shape() {
            JsonShape::Object { members, .. } => JsonShape::Object {
                members,
                nullable: true,
            },
            JsonShape::Value {
                type_info, enum_type, ..
            } => JsonShape::Value {
                type_info,
                enum_type,
                nullable: true,
            },
            list => list,
        }
    }
}

/// A `many` relation's rows: an array of the rows' objects.
impl<T: DescribeJson> DescribeJson for Vec<T> {
    fn json_shape() -> JsonShape {
        JsonShape::List {
            item: Box::new(T::json_shape()),
        }
    }
}

/// The loaded relations of a row, written as members of its JSON object.
pub trait SerializeRels {
    /// Writes each relation's rows under its name.
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;
    /// Appends the members [`serialize_rels`](Self::serialize_rels) writes, described.
    fn describe_rels(members: &mut Vec<(String, JsonShape)>);
}

impl SerializeRels for () {
    fn serialize_rels<M: SerializeMap>(&self, _map: &mut M) -> Result<(), M::Error> {
        Ok(())
    }
    fn describe_rels(_members: &mut Vec<(String, JsonShape)>) {}
}

impl<R: Relation, Out: Serialize + DescribeJson, Rest: SerializeRels> SerializeRels for (Loaded<R, Out>, Rest) {
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(R::NAME, &self.0.rows)?;
        self.1.serialize_rels(map)
    }
    fn describe_rels(members: &mut Vec<(String, JsonShape)>) {
        members.push((R::NAME.to_owned(), Out::json_shape()));
        Rest::describe_rels(members);
    }
}

impl<R: Relation, Rest: SerializeRels> SerializeRels for (Loaded<super::tree::CountOf<R>, i64>, Rest) {
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(&format!("{}_count", R::NAME), &self.0.rows)?;
        self.1.serialize_rels(map)
    }
    fn describe_rels(members: &mut Vec<(String, JsonShape)>) {
        let count = JsonShape::Value {
            type_info: crate::schema::TypeInfo::Integer {
                min: 0,
                max: i64::MAX.into(),
            },
            enum_type: None,
            nullable: false,
        };
        members.push((format!("{}_count", R::NAME), count));
        Rest::describe_rels(members);
    }
}

impl<R, F, E, Rest> SerializeRels
    for (
        Loaded<super::tree::AggregateOf<R, Aggregate<F, E>>, AggregateValue<Aggregate<F, E>>>,
        Rest,
    )
where
    R: Relation,
    F: AggregateFn<E>,
    E: Expression,
    F::Value: ToJson<F::SqlType>,
    Rest: SerializeRels,
{
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let value = <F::Nullability as Nullability>::to_json::<F::SqlType, F::Value>(&self.0.rows);
        map.serialize_entry(&format!("{}_{}", R::NAME, F::NAME), &value)?;
        self.1.serialize_rels(map)
    }
    fn describe_rels(members: &mut Vec<(String, JsonShape)>) {
        members.push((
            format!("{}_{}", R::NAME, F::NAME),
            value_shape::<Aggregate<F, E>>(<F::Nullability as Nullability>::NULLABLE),
        ));
        Rest::describe_rels(members);
    }
}

impl<Row: RowJson, Rels: SerializeRels> Serialize for Nested<Row, Rels> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let columns = self.row.row_json();
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in &columns {
            map.serialize_entry(name, value)?;
        }
        self.rels.serialize_rels(&mut map)?;
        map.end()
    }
}
