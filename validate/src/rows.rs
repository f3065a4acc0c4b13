//! [`RowValidator`]: the select validator and JSON Schema of any query's rows, from its
//! [`RowShape`]: a tuple of columns, named expressions, joined tables' rows.

use crate::body::validate_text;
use crate::check::check;
use crate::error::{pointer, Code, ValidationError, ValidationErrors};
use crate::schema::type_schema;
use mizzle_dsl::dialect::{Dialect, DialectKind};
use mizzle_dsl::query::{DescribeRow, JsonShape, RowQuery, RowShape};
use mizzle_dsl::relation::{self, Children, DescribeJson, FindMany, RowsOf};
use mizzle_dsl::schema::{EnumType, Table};
use serde_json::{json, Map, Value as Json};

/// Checks JSON objects against the rows a query returns, as [`RowShape::to_json`]
/// writes them: every member present, `null` only where the row may hold NULL, each
/// value of its column's type, nothing else.
#[derive(Debug, Clone)]
pub struct RowValidator {
    members: Vec<(String, JsonShape)>,
    dialect: DialectKind,
}

impl RowValidator {
    /// The validator of `query`'s rows.
    pub fn of<Q, I>(query: &Q) -> Self
    where
        Q: RowQuery,
        Q::Selection: DescribeRow<Q::Source, I, Q::Dialect>,
    {
        Self::of_shape(&RowShape::of(query))
    }

    /// The validator of rows of the shape `shape`.
    pub fn of_shape<Q, I>(shape: &RowShape<Q, I>) -> Self
    where
        Q: RowQuery,
        Q::Selection: DescribeRow<Q::Source, I, Q::Dialect>,
    {
        RowValidator {
            members: shape.members().to_vec(),
            dialect: <Q::Dialect as Dialect>::KIND,
        }
    }

    /// The validator of a relational query's rows, as they serialize: the row's columns
    /// (those picked, when `.columns(..)`/`.omit(..)` chose), then each loaded relation
    /// under its name (an array for `many`, an object or `null` for `optional`), each
    /// `count_of` as `name_count`, each aggregate as `name_fn`, each extra by its name.
    pub fn of_relational<T, W, O, Cs, S>(_query: &FindMany<T, W, O, Cs, S>) -> Self
    where
        T: Table,
        S: relation::Shape<T, T::Dialect>,
        Cs: Children<T::Dialect>,
        RowsOf<T, S, Cs, T::Dialect>: DescribeJson,
    {
        let members = match <RowsOf<T, S, Cs, T::Dialect> as DescribeJson>::json_shape() {
            JsonShape::Object { members, .. } => members,
            _ => Vec::new(),
        };
        RowValidator {
            members,
            dialect: <T::Dialect as Dialect>::KIND,
        }
    }

    /// The members of the rows, in order.
    pub fn members(&self) -> &[(String, JsonShape)] {
        &self.members
    }

    /// Checks a row, reporting every problem.
    pub fn validate(&self, row: &Json) -> Result<(), ValidationErrors> {
        let mut errors = Vec::new();
        self.check_object(&self.members, row, "", &mut errors);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(errors))
        }
    }

    /// [`validate`](Self::validate) for JSON text; a key given twice is refused.
    pub fn validate_str(&self, row: &str) -> Result<(), ValidationErrors> {
        validate_text(row, |value| self.validate(value))
    }

    fn check_object(&self, members: &[(String, JsonShape)], value: &Json, at: &str, errors: &mut Vec<ValidationError>) {
        let Some(object) = value.as_object() else {
            let code = if at.is_empty() { Code::InvalidBody } else { Code::Type };
            errors.push(ValidationError::new(
                at,
                code,
                format!("expected a JSON object, found {value}"),
            ));
            errors.last_mut().expect("just pushed").with("expected", "object");
            return;
        };
        for field in object
            .keys()
            .filter(|field| !members.iter().any(|(name, _)| name == *field))
        {
            errors.push(ValidationError::new(
                &pointer(at, field),
                Code::UnknownField,
                format!("the row has no member `{field}`"),
            ));
            errors.last_mut().expect("just pushed").with("field", field.as_str());
        }
        for (name, shape) in members {
            let here = pointer(at, name);
            match object.get(name) {
                None => errors.push(ValidationError::new(&here, Code::Required, "is required")),
                Some(value) => self.check_shape(shape, value, &here, errors),
            }
        }
    }

    fn check_shape(&self, shape: &JsonShape, value: &Json, at: &str, errors: &mut Vec<ValidationError>) {
        match (shape, value) {
            (JsonShape::Value { nullable: true, .. } | JsonShape::Object { nullable: true, .. }, Json::Null) => {}
            (_, Json::Null) => errors.push(ValidationError::new(at, Code::Null, "cannot be null")),
            (JsonShape::Value { type_info, .. }, value) => check(type_info, self.dialect, value, at, errors),
            (JsonShape::Object { members, .. }, value) => self.check_object(members, value, at, errors),
            (JsonShape::List { item }, Json::Array(items)) => {
                for (i, value) in items.iter().enumerate() {
                    self.check_shape(item, value, &pointer(at, &i.to_string()), errors);
                }
            }
            (JsonShape::List { .. }, value) => {
                errors.push(ValidationError::new(
                    at,
                    Code::Type,
                    format!("expected an array, found {value}"),
                ));
                errors
                    .last_mut()
                    .expect("just pushed")
                    .with("expected", "array")
                    .with("found", crate::check::json_type(value));
            }
        }
    }

    /// The JSON Schema (draft 2020-12) of the rows.
    pub fn json_schema(&self) -> Json {
        let mut schema = object_schema(&self.members, &mut |_| None);
        schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
        schema
    }

    /// The object schema, a named enum written as what `enum_ref` gives (a `$ref`).
    pub(crate) fn schema_with(&self, enum_ref: &mut dyn FnMut(EnumType) -> Option<Json>) -> Json {
        object_schema(&self.members, enum_ref)
    }
}

fn object_schema(members: &[(String, JsonShape)], enum_ref: &mut dyn FnMut(EnumType) -> Option<Json>) -> Json {
    let properties: Map<String, Json> = members
        .iter()
        .map(|(name, shape)| (name.clone(), shape_schema(shape, enum_ref)))
        .collect();
    let required: Vec<&String> = members.iter().map(|(name, _)| name).collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn shape_schema(shape: &JsonShape, enum_ref: &mut dyn FnMut(EnumType) -> Option<Json>) -> Json {
    let (schema, nullable) = match shape {
        JsonShape::Value {
            type_info,
            enum_type,
            nullable,
        } => {
            let named = enum_type.and_then(&mut *enum_ref);
            (named.unwrap_or_else(|| type_schema(type_info)), *nullable)
        }
        JsonShape::Object { members, nullable } => (object_schema(members, enum_ref), *nullable),
        JsonShape::List { item } => (json!({"type": "array", "items": shape_schema(item, enum_ref)}), false),
    };
    if nullable {
        json!({"anyOf": [schema, {"type": "null"}]})
    } else {
        schema
    }
}
