//! Reading a member of a document: as JSON ([`JsonGet`]) or as text ([`JsonGetText`]),
//! and an array's length ([`JsonLength`]).

use super::{json_node, push_path_text, JsonKind, JsonPath, JsonStep};
use crate::dialect::{Dialect, DialectKind};
use crate::expr::Expression;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Integer, Null, SqlType, Text};
use std::marker::PhantomData;

/// The member of a document at a path, as JSON of SQL type `ST`.
#[derive(Debug, Clone)]
pub struct JsonGet<E, ST> {
    doc: E,
    path: JsonPath,
    kind: PhantomData<ST>,
}

impl<E, ST> JsonGet<E, ST> {
    pub(super) fn new(doc: E, path: JsonPath) -> Self {
        JsonGet {
            doc,
            path,
            kind: PhantomData,
        }
    }
}

impl<E: Expression, ST: JsonKind> Expression for JsonGet<E, ST> {
    type SqlType = ST;
    // A document may lack the member.
    type Nullability = Null;
    type Value = ST::Rust;
}
json_node!(JsonGet [ST,] [ST], Null);

impl<E: RenderSql<D>, ST, D: Dialect> RenderSql<D> for JsonGet<E, ST> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        render_get(&self.doc, &self.path, false, out);
    }
}

/// The member of a document at a path, as text.
#[derive(Debug, Clone)]
pub struct JsonGetText<E> {
    doc: E,
    path: JsonPath,
}

impl<E> JsonGetText<E> {
    pub(super) fn new(doc: E, path: JsonPath) -> Self {
        JsonGetText { doc, path }
    }
}

impl<E: Expression> Expression for JsonGetText<E> {
    type SqlType = Text;
    type Nullability = Null;
    type Value = String;
}
json_node!(JsonGetText [] [], Null);

impl<E: RenderSql<D>, D: Dialect> RenderSql<D> for JsonGetText<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        render_get(&self.doc, &self.path, true, out);
    }
}

/// Writes the extraction of `path` from `doc`, as JSON or as text.
fn render_get<'q, E: RenderSql<D>, D: Dialect>(doc: &'q E, path: &'q JsonPath, text: bool, out: &mut SqlWriter<'q, D>) {
    match D::KIND {
        DialectKind::Pg => {
            out.push_sql("(");
            doc.render(out);
            // One key or one index reads with `->`; a longer path with `#>`. Which is
            // chosen by the path, a value: the shape pass must know.
            match path.steps() {
                [JsonStep::Key(key)] => {
                    out.push_choice(0);
                    out.push_sql(if text { " ->> " } else { " -> " });
                    out.push_bind(crate::types::Value::Text(std::borrow::Cow::Borrowed(key)));
                }
                [JsonStep::Index(index)] => {
                    out.push_choice(1);
                    out.push_sql(if text { " ->> " } else { " -> " });
                    out.push_u64(u64::from(*index));
                }
                _ => {
                    out.push_choice(2);
                    out.push_sql(if text { " #>> " } else { " #> " });
                    out.push_bind(path.pg_array());
                }
            }
            out.push_sql(")");
        }
        DialectKind::MySql => {
            out.push_sql(if text {
                "JSON_UNQUOTE(JSON_EXTRACT("
            } else {
                "JSON_EXTRACT("
            });
            doc.render(out);
            out.push_sql(", ");
            push_path_text(out, path);
            out.push_sql(if text { "))" } else { ")" });
        }
        DialectKind::Sqlite => {
            out.push_sql("(");
            doc.render(out);
            out.push_sql(if text { " ->> " } else { " -> " });
            push_path_text(out, path);
            out.push_sql(")");
        }
    }
}

/// The number of elements of a JSON array.
#[derive(Debug, Clone, Copy)]
pub struct JsonLength<E> {
    doc: E,
}

impl<E> JsonLength<E> {
    pub(super) fn new(doc: E) -> Self {
        JsonLength { doc }
    }
}

impl<E: Expression<SqlType: JsonKind>> Expression for JsonLength<E> {
    type SqlType = Integer;
    type Nullability = E::Nullability;
    type Value = <Integer as SqlType>::Rust;
}
json_node!(JsonLength [] [], E::ScopedNullability);

impl<E: RenderSql<D> + Expression<SqlType: JsonKind>, D: Dialect> RenderSql<D> for JsonLength<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        match D::KIND {
            DialectKind::Pg => {
                // `json_array_length` or `jsonb_array_length`, by the kind: a static piece each.
                out.push_sql(if <E::SqlType as JsonKind>::PG_NAME == "json" {
                    "json_array_length("
                } else {
                    "jsonb_array_length("
                });
            }
            DialectKind::MySql => out.push_sql("JSON_LENGTH("),
            DialectKind::Sqlite => out.push_sql("json_array_length("),
        }
        self.doc.render(out);
        out.push_sql(")");
    }
}
