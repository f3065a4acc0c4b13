//! [`JsonPath`]: where in a document an operator reads or writes, spelled per dialect.

use crate::dialect::DialectKind;
use crate::error::EncodeError;
use crate::types::Value;
use std::borrow::Cow;

/// One step into a document: an object's key or an array's index (from 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonStep {
    /// The member of an object named so.
    Key(String),
    /// The element of an array at this position, from 0.
    Index(u32),
}

/// A path into a JSON document, made of keys and array indexes.
///
/// Written where a path is expected as a key (`"address"`), an index (`0u32`), a list
/// of keys (`["address", "city"]`), or built step by step:
/// `JsonPath::key("tags").index(0)`. Each dialect gets its own spelling, always as a
/// bound parameter: a `text[]` on PostgreSQL (`'{tags,0}'`), a path expression on MySQL
/// and SQLite (`'$."tags"[0]'`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonPath {
    steps: Vec<JsonStep>,
}

impl JsonPath {
    /// A path of one key.
    pub fn key(key: impl Into<String>) -> Self {
        JsonPath {
            steps: vec![JsonStep::Key(key.into())],
        }
    }

    /// A path of one array index.
    pub fn index(index: u32) -> Self {
        JsonPath {
            steps: vec![JsonStep::Index(index)],
        }
    }

    /// This path, then the member named `key`.
    pub fn then_key(mut self, key: impl Into<String>) -> Self {
        self.steps.push(JsonStep::Key(key.into()));
        self
    }

    /// This path, then the array element at `index`.
    pub fn then_index(mut self, index: u32) -> Self {
        self.steps.push(JsonStep::Index(index));
        self
    }

    /// The steps, in order.
    pub fn steps(&self) -> &[JsonStep] {
        &self.steps
    }

    /// The path as PostgreSQL's `text[]` takes it: one element per step.
    pub(crate) fn pg_array(&self) -> Value<'_> {
        Value::Array(
            self.steps
                .iter()
                .map(|step| match step {
                    JsonStep::Key(key) => Value::Text(Cow::Borrowed(key)),
                    JsonStep::Index(index) => Value::Text(Cow::Owned(index.to_string())),
                })
                .collect(),
        )
    }

    /// The path as MySQL's and SQLite's JSON functions take it: `$."key"[0]`. Keys are
    /// always quoted, so that a dot or a bracket in a key is part of the key. SQLite's
    /// parser ends a quoted key at the next `"` whatever comes before it, so a key holding
    /// one cannot be named there: that is an error rather than a path to somewhere else.
    pub(crate) fn path_text(&self, dialect: DialectKind) -> Result<Value<'static>, EncodeError> {
        use std::fmt::Write;
        let mut text = String::from("$");
        for step in &self.steps {
            match step {
                JsonStep::Key(key) => {
                    text.push_str(".\"");
                    for c in key.chars() {
                        match c {
                            '"' if dialect == DialectKind::Sqlite => {
                                return Err(EncodeError::new(format!(
                                    "SQLite's JSON paths cannot name the key {key:?}: a key there cannot hold a double quote"
                                )))
                            }
                            '"' | '\\' => {
                                text.push('\\');
                                text.push(c);
                            }
                            _ => text.push(c),
                        }
                    }
                    text.push('"');
                }
                JsonStep::Index(index) => {
                    let _ = write!(text, "[{index}]");
                }
            }
        }
        Ok(Value::Text(Cow::Owned(text)))
    }
}

impl From<&str> for JsonPath {
    fn from(key: &str) -> Self {
        JsonPath::key(key)
    }
}

impl From<String> for JsonPath {
    fn from(key: String) -> Self {
        JsonPath::key(key)
    }
}

impl From<u32> for JsonPath {
    fn from(index: u32) -> Self {
        JsonPath::index(index)
    }
}

impl<const N: usize> From<[&str; N]> for JsonPath {
    fn from(keys: [&str; N]) -> Self {
        JsonPath::from(&keys[..])
    }
}

impl From<&[&str]> for JsonPath {
    fn from(keys: &[&str]) -> Self {
        JsonPath {
            steps: keys.iter().map(|key| JsonStep::Key((*key).to_owned())).collect(),
        }
    }
}

impl From<Vec<JsonStep>> for JsonPath {
    fn from(steps: Vec<JsonStep>) -> Self {
        JsonPath { steps }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(path: &JsonPath, dialect: DialectKind) -> String {
        match path.path_text(dialect) {
            Ok(Value::Text(text)) => text.into_owned(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keys_are_quoted_so_dots_and_brackets_stay_in_the_key() {
        let path = JsonPath::key("a.b[1]").then_index(2).then_key("c");
        assert_eq!(text(&path, DialectKind::MySql), r#"$."a.b[1]"[2]."c""#);
        assert_eq!(text(&path, DialectKind::Sqlite), r#"$."a.b[1]"[2]."c""#);
    }

    #[test]
    fn mysql_escapes_quotes_and_backslashes_in_keys() {
        assert_eq!(
            text(&JsonPath::key(r#"say "hi"\"#), DialectKind::MySql),
            r#"$."say \"hi\"\\""#
        );
    }

    #[test]
    fn sqlite_refuses_a_key_with_a_double_quote() {
        let error = JsonPath::key("a\"b").path_text(DialectKind::Sqlite).unwrap_err();
        assert!(error.to_string().contains("cannot hold a double quote"), "{error}");
    }

    #[test]
    fn postgres_gets_one_array_element_per_step() {
        let path = JsonPath::from(["a", "b"]).then_index(0);
        let Value::Array(items) = path.pg_array() else { panic!() };
        assert_eq!(
            items,
            vec![
                Value::Text("a".into()),
                Value::Text("b".into()),
                Value::Text("0".into())
            ]
        );
    }
}
