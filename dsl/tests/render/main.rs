//! SQL text and parameters of every statement, per dialect: no database involved.

mod aggregates;
mod arrays;
mod ctes;
mod ddl;
mod derived_joins;
mod expressions;
mod insert;
mod json;
mod locking;
mod records;
mod relations;
mod schema;
mod search;
mod security;
mod select;
mod set_operations;
mod shapes;
mod types;
mod vectors;
mod windows;
mod write;

use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::types::Value;

/// Asserts the whole SQL string and the whole parameter list.
#[track_caller]
fn assert_sql(rendered: Result<RenderedSql<'_>, mizzle_dsl::Error>, sql: &str, binds: &[Value<'_>]) {
    let rendered = rendered.expect("the statement renders");
    assert_eq!(rendered.sql, sql);
    assert_eq!(rendered.binds, binds);
}

/// A text parameter.
fn text(s: &str) -> Value<'_> {
    Value::Text(s.into())
}
