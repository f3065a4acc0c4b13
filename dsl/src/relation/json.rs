//! Relational rows as JSON: a row's columns as an object, the loaded relations under
//! their names, and the shape of both described (the `json` feature).

use super::declare::Relation;
use super::extra::{Extra, ExtraValue};
use super::nested::{Loaded, Nested};
use super::tree::{AggregateOf, AggregateValue, CountOf};
use crate::expr::{Aggregate, AggregateFn, Expression};
use crate::query::{value_shape, JsonShape};
use crate::schema::AliasName;
use crate::types::{JsonObject, Nullability, ToJson};
use serde::ser::{Serialize, SerializeMap, Serializer};

impl<Row, Rels> Nested<Row, Rels>
where
    Self: Serialize,
{
    /// The row and its loaded relations as `U`, the application's own type: through the
    /// JSON this row serializes to (the columns in the forms validators read, each
    /// relation under its name), so `U` derives `serde::Deserialize` with those names.
    pub fn to_struct<U: serde::de::DeserializeOwned>(&self) -> Result<U, serde_json::Error> {
        serde_json::from_value(serde_json::to_value(self)?)
    }
}

/// A table's row as a JSON object, one member per column: implemented for every
/// [`table!`](crate::table)'s `Row` (in [`record`](crate::record)) and for the rows of
/// picked columns.
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
        map.serialize_entry(R::NAME, &self.0.rows())?;
        self.1.serialize_rels(map)
    }
    fn describe_rels(members: &mut Vec<(String, JsonShape)>) {
        members.push((R::NAME.to_owned(), Out::json_shape()));
        Rest::describe_rels(members);
    }
}

impl<R: Relation, Rest: SerializeRels> SerializeRels for (Loaded<CountOf<R>, i64>, Rest) {
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry(&format!("{}_count", R::NAME), &self.0.rows())?;
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
        Loaded<AggregateOf<R, Aggregate<F, E>>, AggregateValue<Aggregate<F, E>>>,
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
        let value = <F::Nullability as Nullability>::to_json::<F::SqlType, F::Value>(self.0.rows());
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
        let columns = self.row().row_json();
        let mut map = serializer.serialize_map(None)?;
        for (name, value) in &columns {
            map.serialize_entry(name, value)?;
        }
        self.rels().serialize_rels(&mut map)?;
        map.end()
    }
}

impl<N, E, Rest> SerializeRels for (Loaded<Extra<N, E>, ExtraValue<E>>, Rest)
where
    N: AliasName,
    E: Expression,
    E::Value: ToJson<E::SqlType>,
    Rest: SerializeRels,
{
    fn serialize_rels<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let value = <E::Nullability as Nullability>::to_json::<E::SqlType, E::Value>(self.0.rows());
        map.serialize_entry(N::NAME, &value)?;
        self.1.serialize_rels(map)
    }
    fn describe_rels(members: &mut Vec<(String, JsonShape)>) {
        members.push((
            N::NAME.to_owned(),
            value_shape::<E>(<E::Nullability as Nullability>::NULLABLE),
        ));
        Rest::describe_rels(members);
    }
}
