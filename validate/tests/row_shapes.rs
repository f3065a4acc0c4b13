//! The shape of a query's rows: how each part of a select list is named and typed, and
//! the validator and schema that follow from it.

use mizzle_dsl::expr::count;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{optional, select};
use mizzle_validate::{JsonShape, RowShape, RowValidator};
use serde_json::json;

mod tables {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub authors in Sqlite {
            id: Integer [primary_key],
            name: Text [not_null],
            born: IntegerTimestamp,
        }
    }
    mizzle_dsl::table! {
        pub books in Sqlite {
            id: Integer [primary_key],
            author_id: Integer [not_null, references(authors::id)],
            title: Text [not_null],
        }
    }
}
use tables::{authors, books};

#[test]
fn members_are_named_by_column_alias_or_place_and_told_apart() {
    let query = select((
        authors::id,
        books::id,
        count(books::id),
        count(books::id).as_("books"),
        optional((books::title,)),
    ))
    .from(authors::table)
    .left_join(books::table, books::author_id.eq(authors::id))
    .group_by((authors::id, books::id, books::title));
    let shape = RowShape::of(&query);
    let members: Vec<(&str, bool)> = shape
        .members()
        .iter()
        .map(|(name, shape)| {
            let JsonShape::Value { nullable, .. } = *shape else {
                panic!("{name} is a value")
            };
            (name.as_str(), nullable)
        })
        .collect();
    assert_eq!(
        members,
        [
            ("id", false),
            ("id_2", true),
            ("column3", false),
            ("books", false),
            ("title", true)
        ]
    );
    let validator = RowValidator::of(&query);
    assert_eq!(
        validator.json_schema()["properties"]["title"],
        json!({"anyOf": [{"type": "string"}, {"type": "null"}]})
    );
    assert_eq!(
        validator.json_schema()["properties"]["column3"],
        json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX})
    );
    assert!(validator
        .validate(&json!({"id": 1, "id_2": null, "column3": 0, "books": 0, "title": null}))
        .is_ok());
}

#[test]
fn one_tables_row_is_its_columns_and_a_returning_list_has_a_shape_too() {
    let whole = select(authors::table.row()).from(authors::table);
    let validator = RowValidator::of(&whole);
    assert_eq!(
        validator.json_schema()["properties"]["born"],
        json!({"anyOf": [{"type": "string", "format": "date-time"}, {"type": "null"}]})
    );
    assert!(validator
        .validate(&json!({"id": 1, "name": "Ursula", "born": null}))
        .is_ok());
    let wrong = validator
        .validate(&json!({"id": 1, "name": "Ursula", "born": 1929}))
        .unwrap_err();
    assert_eq!(wrong.errors()[0].pointer, "/born");
    let returning = mizzle_dsl::query::insert(books::table)
        .values((books::id.to(1), books::author_id.to(1), books::title.to("Earthsea")))
        .returning((books::id, books::title));
    let names: Vec<String> = RowShape::of(&returning)
        .members()
        .iter()
        .map(|(n, _)| n.clone())
        .collect();
    assert_eq!(names, ["id", "title"]);
}
