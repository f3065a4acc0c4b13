//! [`OpenApi`]: an OpenAPI 3.1 document whose component schemas are the validators'.

use crate::rows::RowValidator;
use crate::schema::enum_schema;
use crate::validator::{Insert, Mode, Select, Update, Validator};
use mizzle_dsl::query::TableRecords;
use mizzle_dsl::schema::{EnumType, Table};
use serde_json::{json, Map, Value as Json};

/// An OpenAPI 3.1 document: the insert, update and select schemas of tables, and of
/// validators of your own, under `components/schemas`, with `$ref`s to shared parts
/// (a PostgreSQL enum type is one schema, referred to by every column of that type).
///
/// ```ignore
/// let document = OpenApi::new("Blog", "1.0.0")
///     .table::<users::table>()            // Users, UsersInsert, UsersUpdate
///     .validator("Signup", &signups)      // a refined or narrowed validator
///     .to_json();
/// ```
#[derive(Debug, Clone)]
pub struct OpenApi {
    title: String,
    version: String,
    schemas: Map<String, Json>,
    paths: Map<String, Json>,
}

/// `users` → `Users`, `blog_posts` → `BlogPosts`: a component name.
pub fn component_name(sql_name: &str) -> String {
    sql_name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Writes each named enum as a `$ref` to its component, noting it in `enums`.
fn enum_refs(enums: &mut Vec<EnumType>) -> impl FnMut(EnumType) -> Option<Json> + '_ {
    |enum_type| {
        enums.push(enum_type);
        Some(component_ref(&component_name(enum_type.name)))
    }
}

/// A `$ref` to the component `name`.
pub fn component_ref(name: &str) -> Json {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

impl OpenApi {
    /// An empty document with its `info`.
    pub fn new(title: &str, version: &str) -> Self {
        OpenApi {
            title: title.to_owned(),
            version: version.to_owned(),
            schemas: Map::new(),
            paths: Map::new(),
        }
    }

    /// Adds table `T`'s select, insert and update schemas as `Users`, `UsersInsert` and
    /// `UsersUpdate` (from the table's SQL name).
    pub fn table<T: TableRecords>(self) -> Self {
        let name = component_name(T::NAME);
        self.validator(&name, &Validator::<T, Select>::select())
            .validator(&format!("{name}Insert"), &Validator::<T, Insert>::insert())
            .validator(&format!("{name}Update"), &Validator::<T, Update>::update())
    }

    /// Adds a validator's schema as the component `name`.
    pub fn validator<T: Table, M: Mode>(self, name: &str, validator: &Validator<T, M>) -> Self {
        let mut enums = Vec::new();
        let schema = validator.object_schema(&mut enum_refs(&mut enums));
        self.add(name, schema, enums)
    }

    /// Adds the schema of a query's rows ([`RowValidator`]) as the component `name`.
    pub fn rows(self, name: &str, rows: &RowValidator) -> Self {
        let mut enums = Vec::new();
        let schema = rows.schema_with(&mut enum_refs(&mut enums));
        self.add(name, schema, enums)
    }

    fn add(mut self, name: &str, mut schema: Json, enums: Vec<EnumType>) -> Self {
        schema["title"] = json!(name);
        for enum_type in enums {
            self.schemas
                .insert(component_name(enum_type.name), enum_schema(enum_type.members));
        }
        self.schemas.insert(name.to_owned(), schema);
        self
    }

    /// Adds a schema of your own as the component `name`.
    pub fn schema(mut self, name: &str, schema: Json) -> Self {
        self.schemas.insert(name.to_owned(), schema);
        self
    }

    /// Adds a path item (`{"get": {…}}`), whose operations refer to the components
    /// with [`component_ref`].
    pub fn path(mut self, path: &str, item: Json) -> Self {
        self.paths.insert(path.to_owned(), item);
        self
    }

    /// The component names, in order.
    pub fn component_names(&self) -> impl Iterator<Item = &str> {
        self.schemas.keys().map(String::as_str)
    }

    /// The document as JSON.
    pub fn to_json(&self) -> Json {
        json!({
            "openapi": "3.1.0",
            "info": {"title": self.title, "version": self.version},
            "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
            "paths": self.paths,
            "components": {"schemas": self.schemas},
        })
    }
}
