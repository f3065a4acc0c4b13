//! JSON Schema (draft 2020-12) for a validator, to publish in an OpenAPI document.

use crate::check::bound;
use crate::refine::Rule;
use crate::validator::{Mode, Validator};
use mizzle_dsl::schema::{EnumType, Table, TypeInfo};
use serde_json::{json, Map, Value as Json};

/// The JSON Schema of a column type's non-null values.
pub(crate) fn type_schema(info: &TypeInfo) -> Json {
    match info {
        TypeInfo::Integer { min, max } => {
            json!({"type": "integer", "minimum": bound(*min), "maximum": bound(*max)})
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
        // A string of n characters is at least n bytes: a byte limit bounds the length too.
        TypeInfo::Text { max_chars, max_bytes } => {
            let mut schema = json!({"type": "string"});
            if let Some(max) = max_chars.or(*max_bytes) {
                schema["maxLength"] = json!(max);
            }
            if let Some(max) = max_bytes {
                schema["description"] = json!(format!("at most {max} bytes of UTF-8"));
            }
            schema
        }
        TypeInfo::Bytes { max_len } => {
            let mut schema = json!({"type": "string", "format": "byte", "contentEncoding": "base64"});
            if let Some(max) = max_len {
                schema["description"] = json!(format!("at most {max} bytes, as base64"));
                // Base64 writes every 3 bytes as 4 characters.
                schema["maxLength"] = json!(max.div_ceil(3) * 4);
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
        TypeInfo::Interval => json!({"type": "string", "format": "duration"}),
        TypeInfo::Json => json!({}),
        TypeInfo::Enum { members } => json!({"enum": members}),
        TypeInfo::Array(element) => json!({"type": "array", "items": type_schema(element)}),
        TypeInfo::Formatted(format) => json!({"type": "string", "format": format.name}),
        TypeInfo::SparseVector { .. } => json!({"type": "string", "format": "sparsevec"}),
        TypeInfo::Vector { dim } => {
            let mut schema = json!({"type": "array", "items": {"type": "number"}});
            if let Some(dim) = dim {
                schema["minItems"] = json!(dim);
                schema["maxItems"] = json!(dim);
            }
            schema
        }
        TypeInfo::Bits { len, varying } => {
            let mut schema = json!({"type": "string", "pattern": "^[01]*$"});
            if let Some(n) = len {
                schema["maxLength"] = json!(n);
                if !varying {
                    schema["minLength"] = json!(n);
                }
            }
            schema
        }
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
        Rule::OneOf(values) => schema["enum"] = json!(values),
        Rule::Custom(_) => {}
    }
}

/// A named PostgreSQL enum's schema, for `components/schemas`.
pub(crate) fn enum_schema(members: &[&str]) -> Json {
    json!({"type": "string", "enum": members})
}

impl<T: Table, M: Mode> Validator<T, M> {
    /// The JSON Schema (draft 2020-12) of the bodies this validator accepts.
    pub fn json_schema(&self) -> Json {
        let mut schema = self.object_schema(&mut |_| None);
        let object = schema.as_object_mut().expect("an object schema");
        object.insert(
            "$schema".to_owned(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        schema
    }

    /// The object schema, a column of a named enum type written as what `enum_ref` gives
    /// for the enum's name and members (a `$ref`), when it gives one.
    pub(crate) fn object_schema(&self, enum_ref: &mut dyn FnMut(EnumType) -> Option<Json>) -> Json {
        let mut properties = Map::new();
        let mut required = Vec::new();
        let columns = self.columns.iter().zip(&self.taken);
        for (column, _) in columns.filter(|(c, taken)| **taken && M::writable(c)) {
            let mut schema = match self.replacements.iter().find(|r| r.column == column.name) {
                Some(replacement) => replacement.schema.clone(),
                None => {
                    let named = column.enum_type.and_then(&mut *enum_ref);
                    let mut schema = named.unwrap_or_else(|| type_schema(&column.type_info));
                    for (_, rule) in self.refinements.iter().filter(|(name, _)| *name == column.name) {
                        if schema.get("$ref").is_some() {
                            schema = json!({"allOf": [schema]});
                        }
                        refine(&mut schema, rule);
                    }
                    schema
                }
            };
            if !column.not_null {
                schema = json!({"anyOf": [schema, {"type": "null"}]});
            }
            properties.insert(column.name.to_owned(), schema);
            if M::required(column) {
                required.push(column.name);
            }
        }
        json!({
            "title": format!("{} ({})", T::NAME, M::NAME),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": self.allow_unknown,
        })
    }
}
