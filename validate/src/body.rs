//! Reading a body's JSON text, refusing a key given twice in one object, which a parsed
//! `serde_json::Value` would have silently kept the last of.

use crate::error::{pointer, Code, ValidationError, ValidationErrors};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};
use std::cell::RefCell;
use std::fmt;

/// Parses `text`, reporting each key given twice (at its pointer) or the syntax error.
pub(crate) fn parse_strict(text: &str) -> Result<Json, ValidationErrors> {
    let duplicates = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        at: String::new(),
        duplicates: &duplicates,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    let value = parsed.map_err(|e| ValidationErrors::body(Code::InvalidBody, format!("not JSON: {e}")))?;
    let duplicates = duplicates.into_inner();
    if duplicates.is_empty() {
        return Ok(value);
    }
    Err(ValidationErrors(
        duplicates
            .into_iter()
            .map(|(at, key)| {
                let mut error = ValidationError::new(&at, Code::DuplicateKey, "is given more than once");
                error.with("key", key);
                error
            })
            .collect(),
    ))
}

/// Reads one value at JSON pointer `at`, noting duplicate keys.
struct Strict<'d> {
    at: String,
    duplicates: &'d RefCell<Vec<(String, String)>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::from(v))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(v)
            .map(Json::Number)
            .ok_or_else(|| E::custom("a number JSON cannot hold"))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        loop {
            let item = Strict {
                at: pointer(&self.at, &items.len().to_string()),
                duplicates: self.duplicates,
            };
            match seq.next_element_seed(item)? {
                Some(item) => items.push(item),
                None => return Ok(Json::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = pointer(&self.at, &key);
            let value = map.next_value_seed(Strict {
                at: at.clone(),
                duplicates: self.duplicates,
            })?;
            if object.insert(key.clone(), value).is_some() {
                self.duplicates.borrow_mut().push((at, key));
            }
        }
        Ok(Json::Object(object))
    }
}
