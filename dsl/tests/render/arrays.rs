//! PostgreSQL's array operators and functions: one bound array per operand.

use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::types::Value;

mod tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub articles in Pg {
            id: Integer [primary_key],
            tags: Array<Text> [not_null],
            scores: Array<Integer>,
        }
    }
}
use tables::articles;

fn tags(values: &[&str]) -> Value<'static> {
    Value::Array(values.iter().map(|t| text(t).into_owned()).collect())
}

#[test]
fn containment_and_overlap_compare_two_arrays() {
    let query = select(articles::id).from(articles::table).filter(
        articles::tags
            .contains(vec!["rust"])
            .and(articles::tags.contained_by(vec!["rust", "sql", "orm"]))
            .and(articles::tags.overlaps(vec!["sql"])),
    );
    assert_sql(
        query.to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE (\"articles\".\"tags\" @> $1 AND \"articles\".\"tags\" <@ $2 AND \"articles\".\"tags\" && $3)",
        &[tags(&["rust"]), tags(&["rust", "sql", "orm"]), tags(&["sql"])],
    );
}

#[test]
fn any_and_all_take_the_whole_list_as_one_parameter() {
    let query = select(articles::id)
        .from(articles::table)
        .filter(articles::id.eq_any(vec![1, 2, 3]).and(articles::id.ne_all(vec![2])));
    assert_sql(
        query.to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE (\"articles\".\"id\" = ANY($1) AND \"articles\".\"id\" <> ALL($2))",
        &[
            Value::Array(vec![Value::I32(1), Value::I32(2), Value::I32(3)]),
            Value::Array(vec![Value::I32(2)]),
        ],
    );
    // Every length is the same statement.
    let five = select(articles::id)
        .from(articles::table)
        .filter(articles::id.eq_any(vec![1, 2, 3, 4, 5]));
    assert_eq!(
        five.to_sql().unwrap().sql,
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE \"articles\".\"id\" = ANY($1)"
    );
}

#[test]
fn lengths_count_elements() {
    let query = select((articles::tags.array_length(1), articles::scores.cardinality())).from(articles::table);
    assert_sql(
        query.to_sql(),
        "SELECT array_length(\"articles\".\"tags\", 1), cardinality(\"articles\".\"scores\") FROM \"articles\"",
        &[],
    );
}

#[test]
fn subscripts_slices_and_unnest() {
    let query = select((
        articles::tags.at(1),
        articles::tags.slice(2, 3),
        articles::scores.unnest(),
    ))
    .from(articles::table);
    assert_sql(
        query.to_sql(),
        "SELECT (\"articles\".\"tags\")[1], (\"articles\".\"tags\")[2:3], unnest(\"articles\".\"scores\") FROM \"articles\"",
        &[],
    );
}

#[test]
fn in_lists_of_values_are_one_array_on_postgres() {
    let query = |ids: Vec<i32>| {
        select(articles::id)
            .from(articles::table)
            .filter(articles::id.in_array(ids))
    };
    assert_sql(
        query(vec![1, 2, 3]).to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE \"articles\".\"id\" = ANY($1)",
        &[Value::Array(vec![Value::I32(1), Value::I32(2), Value::I32(3)])],
    );
    // Every length is the same statement, as the shape cache sees it too.
    assert_eq!(
        query(vec![4]).to_sql().unwrap().sql,
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE \"articles\".\"id\" = ANY($1)"
    );
    assert_sql(
        select(articles::id)
            .from(articles::table)
            .filter(articles::id.not_in_array(vec![7]))
            .to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE \"articles\".\"id\" <> ALL($1)",
        &[Value::Array(vec![Value::I32(7)])],
    );
    // An empty list keeps its constant form; a list with a column, its IN.
    assert_sql(
        query(Vec::new()).to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE (1 = 0)",
        &[],
    );
    assert_sql(
        select(articles::id)
            .from(articles::table)
            .filter(articles::id.in_array([articles::id]))
            .to_sql(),
        "SELECT \"articles\".\"id\" FROM \"articles\" WHERE \"articles\".\"id\" IN (\"articles\".\"id\")",
        &[],
    );
}
