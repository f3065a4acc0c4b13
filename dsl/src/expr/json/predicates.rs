//! Tests of a document: which keys it has ([`HasKeys`]), containment ([`JsonContains`])
//! and PostgreSQL's SQL/JSON path queries ([`JsonPathQuery`]).

use super::{json_node, push_json, push_path_text, JsonContainment, JsonPath, JsonPathQueries, JsonWrites};
use crate::dialect::{Dialect, DialectKind, Pg};
use crate::expr::Expression;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Bool, Value};
use std::borrow::Cow;

/// Whether a document has a key, any of several, or all of them.
#[derive(Debug, Clone)]
pub struct HasKeys<E> {
    doc: E,
    keys: Vec<String>,
    all: bool,
}

impl<E> HasKeys<E> {
    pub(super) fn new(doc: E, keys: Vec<String>, all: bool) -> Self {
        HasKeys { doc, keys, all }
    }
}

impl<E: Expression> Expression for HasKeys<E> {
    type SqlType = Bool;
    type Nullability = E::Nullability;
    type Value = bool;
}
json_node!(HasKeys [] [], E::ScopedNullability);

impl<E: RenderSql<D> + Expression<SqlType: JsonWrites<D>>, D: Dialect> RenderSql<D> for HasKeys<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        // The text depends on how many keys there are and on any/all: values both.
        out.push_choice(self.keys.len() as u64);
        out.push_choice(u64::from(self.all));
        if self.keys.is_empty() {
            // Every one of no keys is there; any of them is not.
            return out.push_sql(if self.all { "TRUE" } else { "FALSE" });
        }
        match D::KIND {
            DialectKind::Pg => {
                out.push_sql("(");
                self.doc.render(out);
                match (&self.keys[..], self.all) {
                    ([key], false) => {
                        out.push_sql(" ? ");
                        out.push_bind(Value::Text(Cow::Borrowed(key)));
                    }
                    (keys, all) => {
                        out.push_sql(if all { " ?& " } else { " ?| " });
                        out.push_bind(Value::Array(
                            keys.iter().map(|key| Value::Text(Cow::Borrowed(key))).collect(),
                        ));
                    }
                }
                out.push_sql(")");
            }
            DialectKind::MySql => {
                out.push_sql("JSON_CONTAINS_PATH(");
                self.doc.render(out);
                out.push_sql(if self.all { ", 'all'" } else { ", 'one'" });
                for key in &self.keys {
                    out.push_sql(", ");
                    push_path_text(out, &JsonPath::key(key.as_str()));
                }
                out.push_sql(")");
            }
            DialectKind::Sqlite => {
                out.push_sql("(");
                for (i, key) in self.keys.iter().enumerate() {
                    if i > 0 {
                        out.push_sql(if self.all { " AND " } else { " OR " });
                    }
                    out.push_sql("json_type(");
                    self.doc.render(out);
                    out.push_sql(", ");
                    push_path_text(out, &JsonPath::key(key.as_str()));
                    out.push_sql(") IS NOT NULL");
                }
                out.push_sql(")");
            }
        }
    }
}

/// Whether a document contains another (`@>`), or is contained by it (`<@`) when `REVERSED`.
#[derive(Debug, Clone)]
pub struct JsonContains<E, V, const REVERSED: bool> {
    doc: E,
    other: V,
}

impl<E, V, const REVERSED: bool> JsonContains<E, V, REVERSED> {
    pub(super) fn new(doc: E, other: V) -> Self {
        JsonContains { doc, other }
    }
}

impl<E: Expression, V, const REVERSED: bool> Expression for JsonContains<E, V, REVERSED> {
    type SqlType = Bool;
    type Nullability = E::Nullability;
    type Value = bool;
}
json_node!(JsonContains [V, const REVERSED: bool,] [V, REVERSED], E::ScopedNullability);

impl<E, V, D, const REVERSED: bool> RenderSql<D> for JsonContains<E, V, REVERSED>
where
    E: RenderSql<D> + Expression<SqlType: JsonContainment<D>>,
    V: serde::Serialize,
    D: Dialect,
{
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        if D::KIND == DialectKind::MySql {
            out.push_sql("JSON_CONTAINS(");
            if REVERSED {
                push_json(out, &self.other);
                out.push_sql(", ");
                self.doc.render(out);
            } else {
                self.doc.render(out);
                out.push_sql(", ");
                push_json(out, &self.other);
            }
        } else {
            out.push_sql("(");
            self.doc.render(out);
            out.push_sql(if REVERSED { " <@ " } else { " @> " });
            push_json(out, &self.other);
        }
        out.push_sql(")");
    }
}

/// A SQL/JSON path query: whether it finds anything (`@?`), or its predicate's result
/// (`@@`) when `MATCH`.
#[derive(Debug, Clone)]
pub struct JsonPathQuery<E, const MATCH: bool> {
    doc: E,
    jsonpath: String,
}

impl<E, const MATCH: bool> JsonPathQuery<E, MATCH> {
    pub(super) fn new(doc: E, jsonpath: String) -> Self {
        JsonPathQuery { doc, jsonpath }
    }
}

impl<E: Expression, const MATCH: bool> Expression for JsonPathQuery<E, MATCH> {
    type SqlType = Bool;
    // `@@` is NULL when the path's predicate cannot be evaluated.
    type Nullability = crate::types::Null;
    type Value = bool;
}
json_node!(JsonPathQuery [const MATCH: bool,] [MATCH], crate::types::Null);

impl<E, const MATCH: bool> RenderSql<Pg> for JsonPathQuery<E, MATCH>
where
    E: RenderSql<Pg> + Expression<SqlType: JsonPathQueries<Pg>>,
{
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("(");
        self.doc.render(out);
        out.push_sql(if MATCH { " @@ " } else { " @? " });
        out.push_bind(Value::Text(Cow::Borrowed(&self.jsonpath)));
        out.push_sql(")");
    }
}
