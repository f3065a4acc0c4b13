//! Reading a body's JSON text, refusing a key given twice in one object, which a parsed
//! `serde_json::Value` would have silently kept the last of.

use crate::error::{pointer, Code, ValidationError, ValidationErrors};
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value as Json};
use std::cell::RefCell;
use std::fmt;

/// Parses `text` and checks it with `validate`; each key given twice is reported (at its
/// pointer, code `duplicate_key`) before the problems `validate` finds in the value, which
/// kept the last of them.
pub(crate) fn validate_text<T>(
    text: &str,
    validate: impl FnOnce(&Json) -> Result<T, ValidationErrors>,
) -> Result<T, ValidationErrors> {
    let (value, mut problems) = parse_strict(text)?;
    match validate(&value) {
        Ok(out) if problems.is_empty() => Ok(out),
        Ok(_) => Err(ValidationErrors(problems)),
        Err(errors) => {
            problems.extend(errors.0);
            Err(ValidationErrors(problems))
        }
    }
}

/// Parses `text`: the value, and a problem for each key given twice; or the syntax error.
fn parse_strict(text: &str) -> Result<(Json, Vec<ValidationError>), ValidationErrors> {
    let duplicates = RefCell::new(Vec::new());
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = Strict {
        place: Place::Root,
        duplicates: &duplicates,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    let value = parsed.map_err(|e| ValidationErrors::body(Code::InvalidBody, format!("not JSON: {e}")))?;
    let problems = duplicates
        .into_inner()
        .into_iter()
        .map(|(at, key)| {
            let mut error = ValidationError::new(&at, Code::DuplicateKey, "is given more than once");
            error.with("key", key);
            error
        })
        .collect();
    Ok((value, problems))
}

/// Where a value is: its parent's place and its own key or index. Kept on the stack and
/// written out as a JSON pointer only for a duplicate, so reading costs no allocations.
#[derive(Clone, Copy)]
enum Place<'p> {
    Root,
    Key(&'p Place<'p>, &'p str),
    Index(&'p Place<'p>, usize),
}

impl Place<'_> {
    fn pointer(&self) -> String {
        match self {
            Place::Root => String::new(),
            Place::Key(parent, key) => pointer(&parent.pointer(), key),
            Place::Index(parent, i) => pointer(&parent.pointer(), &i.to_string()),
        }
    }
}

/// Reads one value at `place`, noting duplicate keys.
struct Strict<'p, 'd> {
    place: Place<'p>,
    duplicates: &'d RefCell<Vec<(String, String)>>,
}

impl<'de> DeserializeSeed<'de> for Strict<'_, '_> {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_, '_> {
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
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        loop {
            let item = Strict {
                place: Place::Index(&self.place, items.len()),
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
            let value = map.next_value_seed(Strict {
                place: Place::Key(&self.place, &key),
                duplicates: self.duplicates,
            })?;
            match object.entry(key) {
                serde_json::map::Entry::Vacant(entry) => {
                    entry.insert(value);
                }
                serde_json::map::Entry::Occupied(mut entry) => {
                    let at = Place::Key(&self.place, entry.key()).pointer();
                    self.duplicates.borrow_mut().push((at, entry.key().clone()));
                    entry.insert(value);
                }
            }
        }
        Ok(Json::Object(object))
    }
}
