//! JSON in expressions: reading a document by a path, testing keys and containment,
//! PostgreSQL's jsonpath, and writing a document with a member set or removed — each
//! rendered the way its dialect spells it, and each only where the dialect has it.

mod extract;
mod fields;
mod modify;
mod path;
mod predicates;

pub use extract::{JsonGet, JsonGetText, JsonLength};
pub use fields::JsonField;
pub use modify::{JsonRemove, JsonSet};
pub use path::{JsonPath, JsonStep};
pub use predicates::{HasKeys, JsonContains, JsonPathQuery};

use super::{Cast, Expression};
use crate::dialect::{Dialect, MySql, Pg, Sqlite};
use crate::types::{JsonValue, SqlType};

/// The JSON SQL types, `Json<T>` and `Jsonb<T>`: what an extraction returns is the same
/// kind holding what the caller asks for.
pub trait JsonKind: SqlType {
    /// The Rust type the document is read as.
    type Inner;
    /// The same kind of JSON, holding `T`.
    type With<T: JsonValue>: JsonKind;
    /// PostgreSQL's name for the kind, which prefixes its functions (`jsonb_array_length`).
    const PG_NAME: &'static str;
    /// SQLite's binary JSON: written by `jsonb_set`/`jsonb_remove`, which keep it binary.
    const SQLITE_BINARY: bool = false;
}

impl<T: 'static> JsonKind for crate::types::Json<T> {
    type Inner = T;
    type With<U: JsonValue> = crate::types::Json<U>;
    const PG_NAME: &'static str = "json";
}

impl<T: 'static> JsonKind for crate::types::BlobJson<T> {
    type Inner = T;
    type With<U: JsonValue> = crate::types::BlobJson<U>;
    const PG_NAME: &'static str = "jsonb";
    const SQLITE_BINARY: bool = true;
}

impl<T: 'static> JsonKind for crate::types::Jsonb<T> {
    type Inner = T;
    type With<U: JsonValue> = crate::types::Jsonb<U>;
    const PG_NAME: &'static str = "jsonb";
}

/// JSON types that test keys and write members in dialect `D`: all of them on MySQL and
/// SQLite; only `jsonb` on PostgreSQL, whose `json` type has no `?`, `jsonb_set` or `#-`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot test keys or set and remove members in {D}",
    label = "PostgreSQL has these operators for `jsonb` only",
    note = "declare the column `pg::Jsonb<T>`, or `.cast` the document to jsonb"
)]
pub trait JsonWrites<D: Dialect>: JsonKind {}
impl<T: 'static> JsonWrites<Pg> for crate::types::Jsonb<T> {}
impl<T: 'static> JsonWrites<MySql> for crate::types::Json<T> {}
impl<T: 'static> JsonWrites<Sqlite> for crate::types::Json<T> {}
impl<T: 'static> JsonWrites<Sqlite> for crate::types::BlobJson<T> {}

/// JSON types with containment (`@>`, `<@`, `JSON_CONTAINS`) in dialect `D`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no JSON containment in {D}",
    label = "containment is PostgreSQL's `jsonb` `@>`/`<@` or MySQL's `JSON_CONTAINS`",
    note = "SQLite has no containment test: compare members read with `.get_text(..)` instead"
)]
pub trait JsonContainment<D: Dialect>: JsonKind {}
impl<T: 'static> JsonContainment<Pg> for crate::types::Jsonb<T> {}
impl<T: 'static> JsonContainment<MySql> for crate::types::Json<T> {}

/// JSON types that take SQL/JSON path queries (`@?`, `@@`): PostgreSQL's `jsonb`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` takes no jsonpath query in {D}",
    label = "`@?` and `@@` are PostgreSQL's, for `jsonb`",
    note = "read members with `.get(..)` / `.get_text(..)`, which every dialect has"
)]
pub trait JsonPathQueries<D: Dialect>: JsonKind {}
impl<T: 'static> JsonPathQueries<Pg> for crate::types::Jsonb<T> {}

/// Methods of JSON expressions (`Json<T>` and `Jsonb<T>` columns and results).
///
/// A path is a key (`"name"`), an index (`0u32`), keys (`["address", "city"]`) or a
/// [`JsonPath`]; it is always bound as a parameter.
pub trait JsonExpressionMethods: Expression<SqlType: JsonKind> + Sized {
    /// The member at `path`, as JSON (PostgreSQL `->`/`#>`, MySQL `JSON_EXTRACT`, SQLite
    /// `->`); NULL where there is none.
    fn get(self, path: impl Into<JsonPath>) -> JsonGet<Self, JsonOf<Self, serde_json::Value>> {
        JsonGet::new(self, path.into())
    }

    /// The member at `path`, decoded as `T` (a serde type implementing
    /// [`JsonValue`](crate::types::JsonValue)).
    fn get_as<T: JsonValue>(self, path: impl Into<JsonPath>) -> JsonGet<Self, JsonOf<Self, T>> {
        JsonGet::new(self, path.into())
    }

    /// The member `field` of the serde type the document holds, declared with
    /// [`json_fields!`](crate::json_fields): `users::profile.field(profile::address)`
    /// reads an `Option<Address>`; a member of another type does not compile.
    fn field<F: JsonField<Of = <Self::SqlType as JsonKind>::Inner>>(
        self,
        field: F,
    ) -> JsonGet<Self, JsonOf<Self, F::Value>> {
        let _ = field;
        JsonGet::new(self, JsonPath::key(F::KEY))
    }

    /// The member at `path` as text (PostgreSQL `->>`/`#>>`, MySQL
    /// `JSON_UNQUOTE(JSON_EXTRACT(..))`, SQLite `->>`): a string without its quotes, any
    /// other value as JSON writes it; NULL where there is none.
    fn get_text(self, path: impl Into<JsonPath>) -> JsonGetText<Self> {
        JsonGetText::new(self, path.into())
    }

    /// The member at `path` cast to the SQL type `ST`: `CAST(<text of the member> AS ST)`,
    /// typed and decoded as `ST`.
    fn extract<ST: SqlType>(self, path: impl Into<JsonPath>) -> Cast<JsonGetText<Self>, ST> {
        Cast {
            expr: JsonGetText::new(self, path.into()),
            target: std::marker::PhantomData,
        }
    }

    /// Whether the document is an object with the member `key` (PostgreSQL `?`, MySQL
    /// `JSON_CONTAINS_PATH(.., 'one', ..)`, SQLite `json_type(..) IS NOT NULL`).
    fn has_key(self, key: impl Into<String>) -> HasKeys<Self> {
        HasKeys::new(self, vec![key.into()], false)
    }

    /// Whether the document has any of `keys` (PostgreSQL `?|`).
    fn has_any_key<K: Into<String>>(self, keys: impl IntoIterator<Item = K>) -> HasKeys<Self> {
        HasKeys::new(self, keys.into_iter().map(Into::into).collect(), false)
    }

    /// Whether the document has all of `keys` (PostgreSQL `?&`).
    fn has_all_keys<K: Into<String>>(self, keys: impl IntoIterator<Item = K>) -> HasKeys<Self> {
        HasKeys::new(self, keys.into_iter().map(Into::into).collect(), true)
    }

    /// Whether the document contains `doc` (PostgreSQL jsonb `@>`, MySQL `JSON_CONTAINS`):
    /// every member of `doc` is in it, recursively, and every element of an array in `doc`
    /// is in the matching array.
    fn contains<V: serde::Serialize>(self, doc: V) -> JsonContains<Self, V, false> {
        JsonContains::new(self, doc)
    }

    /// Whether `doc` contains the document (PostgreSQL jsonb `<@`).
    fn contained_by<V: serde::Serialize>(self, doc: V) -> JsonContains<Self, V, true> {
        JsonContains::new(self, doc)
    }

    /// Whether the SQL/JSON path `jsonpath` finds anything (PostgreSQL jsonb `@?`):
    /// `.path_exists("$.tags[*] ? (@ == \"rust\")")`.
    fn path_exists(self, jsonpath: impl Into<String>) -> JsonPathQuery<Self, false> {
        JsonPathQuery::new(self, jsonpath.into())
    }

    /// The result of the SQL/JSON path predicate `jsonpath` (PostgreSQL jsonb `@@`):
    /// `.path_match("$.age >= 18")`.
    fn path_match(self, jsonpath: impl Into<String>) -> JsonPathQuery<Self, true> {
        JsonPathQuery::new(self, jsonpath.into())
    }

    /// The document with the member at `path` set to `value`, created if its parent
    /// exists (PostgreSQL `jsonb_set`, MySQL `JSON_SET`, SQLite `json_set`). For
    /// `update(..).set(column, column.json_set(path, value))`.
    fn json_set<V: serde::Serialize>(self, path: impl Into<JsonPath>, value: V) -> JsonSet<Self, V> {
        JsonSet::new(self, path.into(), value)
    }

    /// The document without the member at `path` (PostgreSQL `#-`, MySQL `JSON_REMOVE`,
    /// SQLite `json_remove`).
    fn json_remove(self, path: impl Into<JsonPath>) -> JsonRemove<Self> {
        JsonRemove::new(self, path.into())
    }

    /// The number of elements of the document, an array (PostgreSQL
    /// `jsonb_array_length`, MySQL `JSON_LENGTH`, SQLite `json_array_length`).
    fn json_length(self) -> JsonLength<Self> {
        JsonLength::new(self)
    }
}

impl<E: Expression<SqlType: JsonKind>> JsonExpressionMethods for E {}

/// The JSON kind of `E`'s SQL type, holding `T`.
pub type JsonOf<E, T> = <<E as Expression>::SqlType as JsonKind>::With<T>;

/// The bits every JSON node shares: how it appears in a query (`AppearsIn`, with the
/// nullability `$scoped`), that it is an operand and an expression of its own SQL type,
/// and that it reads one row.
macro_rules! json_node {
    ($name:ident [$($param:tt)*] [$($arg:tt)*], $scoped:ty) => {
        impl<E: $crate::expr::AppearsIn<S, I>, $($param)* S, I> $crate::expr::AppearsIn<S, I> for $name<E, $($arg)*>
        where
            Self: $crate::expr::Expression,
        {
            type ScopedNullability = $scoped;
            type Proves = $crate::schema::Nil;
            type Aggregates = E::Aggregates;
            type Grouped<G: $crate::schema::GroupKeys> = E::Grouped<G>;
            type GroupKey = $crate::schema::ExprKey;
        }
        $crate::expr::impl_into_expression!([E, $($param)*] $name<E, $($arg)*>);
        impl<E: $crate::expr::RowLevel, $($param)*> $crate::expr::RowLevel for $name<E, $($arg)*> {}
    };
}
use json_node;

/// Binds `value` serialized as JSON, or records why it could not be.
fn push_json<D: Dialect>(out: &mut crate::render::SqlWriter<'_, D>, value: &impl serde::Serialize) {
    match serde_json::to_string(value) {
        Ok(text) => out.push_bind(crate::types::Value::Json(std::borrow::Cow::Owned(text))),
        Err(error) => {
            out.push_error(crate::error::EncodeError::new(format!(
                "cannot serialize the value as JSON: {error}"
            )));
            out.push_bind(crate::types::Value::Null);
        }
    }
}

/// Binds `path` as MySQL's and SQLite's path text, or records why it could not be.
fn push_path_text<D: Dialect>(out: &mut crate::render::SqlWriter<'_, D>, path: &JsonPath) {
    match path.path_text(D::KIND) {
        Ok(text) => out.push_bind(text),
        Err(error) => {
            out.push_error(error);
            out.push_bind(crate::types::Value::Null);
        }
    }
}
