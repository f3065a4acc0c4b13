//! JSON Schema (draft 2020-12) for a validator, to publish in an OpenAPI document.

use crate::refine::Rule;
use crate::validator::{Mode, Validator};
use mizzle_dsl::schema::{Table, TypeInfo};
use serde_json::{json, Map, Value as Json};

/// An integer bound as an exact JSON number.
fn integer(n: i128) -> Json {
    i64::try_from(n)
        .map(Json::from)
        .or_else(|_| u64::try_from(n).map(Json::from))
        .unwrap_or_else(|_| Json::from(n as f64))
}

fn type_schema(info: &TypeInfo) -> Json {
    match info {
        TypeInfo::Integer { min, max } => {
            json!({"type": "integer", "minimum": integer(*min), "maximum": integer(*max)})
        }
        TypeInfo::Float => json!({"type": "number"}),
        TypeInfo::Decimal { precision, scale } => {
            let mut schema = json!({"type": ["number", "string"], "pattern": "^-?[0-9]+(\\.[0-9]+)?$"});
            if let (Some(p), Some(s)) = (precision, scale) {
                schema["description"] = json!(format!("numeric({p}, {s})"));
            }
            schema
        }
        TypeInfo::Bool => json!({"type": "boolean"}),
        TypeInfo::Text { max_chars } => match max_chars {
            Some(max) => json!({"type": "string", "maxLength": max}),
            None => json!({"type": "string"}),
        },
        TypeInfo::Bytes { max_len } => {
            let mut schema = json!({"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 255}});
            if let Some(max) = max_len {
                schema["maxItems"] = json!(max);
            }
            schema
        }
        TypeInfo::Uuid => json!({"type": "string", "format": "uuid"}),
        TypeInfo::Date => json!({"type": "string", "format": "date"}),
        TypeInfo::Time => json!({"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$"}),
        TypeInfo::Timestamp => {
            json!({"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?$"})
        }
        TypeInfo::TimestampTz | TypeInfo::UnixTime { .. } => json!({"type": "string", "format": "date-time"}),
        TypeInfo::Interval => json!({
            "type": "object",
            "properties": {"months": {"type": "integer"}, "days": {"type": "integer"}, "microseconds": {"type": "integer"}},
            "additionalProperties": false
        }),
        TypeInfo::Json => json!({}),
        TypeInfo::Enum { members } => json!({"enum": members}),
        TypeInfo::Array(element) => json!({"type": "array", "items": type_schema(element)}),
    }
}

fn refine(schema: &mut Json, rule: &Rule) {
    match rule {
        Rule::MinLength(n) => schema["minLength"] = json!(n),
        Rule::MaxLength(n) => schema["maxLength"] = json!(n),
        Rule::Range { min, max } => {
            if let Some(min) = min {
                schema["minimum"] = json!(min);
            }
            if let Some(max) = max {
                schema["maximum"] = json!(max);
            }
        }
        Rule::Pattern(regex) => schema["pattern"] = json!(regex.as_str()),
        Rule::Custom(_) => {}
    }
}

impl<T: Table, M: Mode> Validator<T, M> {
    /// The JSON Schema (draft 2020-12) of the bodies this validator accepts.
    pub fn json_schema(&self) -> Json {
        let mut properties = Map::new();
        let mut required = Vec::new();
        for column in self.columns.iter().filter(|c| M::writable(c)) {
            let mut schema = type_schema(&column.type_info);
            for (_, rule) in self.refinements.iter().filter(|(name, _)| *name == column.name) {
                refine(&mut schema, rule);
            }
            if !column.not_null {
                schema = json!({"anyOf": [schema, {"type": "null"}]});
            }
            properties.insert(column.name.to_owned(), schema);
            if M::required(column) {
                required.push(column.name);
            }
        }
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": format!("{} ({})", T::NAME, M::NAME),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": self.allow_unknown,
        })
    }
}
