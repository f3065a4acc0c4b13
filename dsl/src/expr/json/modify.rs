//! Writing a document: a member set ([`JsonSet`]) or removed ([`JsonRemove`]), for
//! UPDATE's SET and for reading a changed copy.

use super::{json_node, push_json, push_path_text, JsonKind, JsonPath, JsonWrites};
use crate::dialect::{Dialect, DialectKind};
use crate::expr::Expression;
use crate::render::{RenderSql, SqlWriter};

/// The document with the member at a path set to a value.
#[derive(Debug, Clone)]
pub struct JsonSet<E, V> {
    doc: E,
    path: JsonPath,
    value: V,
}

impl<E, V> JsonSet<E, V> {
    pub(super) fn new(doc: E, path: JsonPath, value: V) -> Self {
        JsonSet { doc, path, value }
    }
}

impl<E: Expression, V> Expression for JsonSet<E, V> {
    type SqlType = E::SqlType;
    type Nullability = E::Nullability;
    type Value = E::Value;
}
json_node!(JsonSet [V,] [V], E::ScopedNullability);

impl<E, V, D> RenderSql<D> for JsonSet<E, V>
where
    E: RenderSql<D> + Expression<SqlType: JsonWrites<D>>,
    V: serde::Serialize,
    D: Dialect,
{
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        match D::KIND {
            DialectKind::Pg => {
                out.push_sql("jsonb_set(");
                self.doc.render(out);
                out.push_sql(", ");
                out.push_bind(self.path.pg_array());
                out.push_sql(", ");
                push_json(out, &self.value);
            }
            DialectKind::MySql => {
                out.push_sql("JSON_SET(");
                self.doc.render(out);
                out.push_sql(", ");
                push_path_text(out, &self.path);
                // A bound string would be set as a JSON string: JSON_EXTRACT(.., '$')
                // reads it as the document it is (MariaDB has no CAST(.. AS JSON)).
                out.push_sql(", JSON_EXTRACT(");
                push_json(out, &self.value);
                out.push_sql(", '$')");
            }
            DialectKind::Sqlite => {
                out.push_sql(if <E::SqlType as JsonKind>::SQLITE_BINARY {
                    "jsonb_set("
                } else {
                    "json_set("
                });
                self.doc.render(out);
                out.push_sql(", ");
                push_path_text(out, &self.path);
                out.push_sql(", json(");
                push_json(out, &self.value);
                out.push_sql(")");
            }
        }
        out.push_sql(")");
    }
}

/// The document without the member at a path.
#[derive(Debug, Clone)]
pub struct JsonRemove<E> {
    doc: E,
    path: JsonPath,
}

impl<E> JsonRemove<E> {
    pub(super) fn new(doc: E, path: JsonPath) -> Self {
        JsonRemove { doc, path }
    }
}

impl<E: Expression> Expression for JsonRemove<E> {
    type SqlType = E::SqlType;
    type Nullability = E::Nullability;
    type Value = E::Value;
}
json_node!(JsonRemove [] [], E::ScopedNullability);

impl<E: RenderSql<D> + Expression<SqlType: JsonWrites<D>>, D: Dialect> RenderSql<D> for JsonRemove<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        match D::KIND {
            DialectKind::Pg => {
                out.push_sql("(");
                self.doc.render(out);
                out.push_sql(" #- ");
                out.push_bind(self.path.pg_array());
            }
            DialectKind::MySql => {
                out.push_sql("JSON_REMOVE(");
                self.doc.render(out);
                out.push_sql(", ");
                push_path_text(out, &self.path);
            }
            DialectKind::Sqlite => {
                out.push_sql(if <E::SqlType as JsonKind>::SQLITE_BINARY {
                    "jsonb_remove("
                } else {
                    "json_remove("
                });
                self.doc.render(out);
                out.push_sql(", ");
                push_path_text(out, &self.path);
            }
        }
        out.push_sql(")");
    }
}
