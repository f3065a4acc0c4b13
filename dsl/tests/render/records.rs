//! Whole insert records (`New`) and the values the application computes on insert and update.

use crate::schema::{app, lite, pg};
use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{insert, update};
use mizzle_dsl::types::Value;

#[test]
fn a_record_lists_the_columns_it_gives() {
    let ada = pg::users::New {
        id: None,
        name: "Ada".into(),
        email: None,
        age: Some(36),
    };
    assert_sql(
        insert(pg::users::table).values(ada).to_sql(),
        r#"INSERT INTO "users" ("name", "age") VALUES ($1, $2)"#,
        &[text("Ada"), Value::I32(36)],
    );
}

#[test]
fn records_that_leave_out_different_columns_get_default_on_postgres() {
    let rows = vec![
        pg::users::New {
            id: None,
            name: "a".into(),
            email: None,
            age: Some(1),
        },
        pg::users::New {
            id: None,
            name: "b".into(),
            email: Some("b@x".into()),
            age: None,
        },
    ];
    assert_sql(
        insert(pg::users::table).values(rows).to_sql(),
        r#"INSERT INTO "users" ("name", "email", "age") VALUES ($1, DEFAULT, $2), ($3, $4, DEFAULT)"#,
        &[text("a"), Value::I32(1), text("b"), text("b@x")],
    );
}

#[test]
fn records_that_leave_out_different_columns_are_refused_on_sqlite() {
    let rows = vec![
        lite::posts::New {
            id: None,
            author_id: 1,
            title: "a".into(),
            likes: Some(3),
        },
        lite::posts::New {
            id: None,
            author_id: 1,
            title: "b".into(),
            likes: None,
        },
    ];
    let error = insert(lite::posts::table)
        .values(rows)
        .to_sql()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("row 1 leaves out `likes`") && error.contains("SQLite has no DEFAULT in VALUES"),
        "{error}"
    );
}

#[test]
fn an_insert_computes_the_application_default_of_a_column_it_leaves_out() {
    use app::docs;
    assert_sql(
        insert(docs::table).values(docs::title.to("Hello")).to_sql(),
        r#"INSERT INTO "docs" ("title", "slug") VALUES ($1, $2)"#,
        &[text("Hello"), text("fresh-slug")],
    );
    assert_sql(
        insert(docs::table)
            .values((docs::title.to("Hello"), docs::slug.to("mine")))
            .to_sql(),
        r#"INSERT INTO "docs" ("title", "slug") VALUES ($1, $2)"#,
        &[text("Hello"), text("mine")],
    );
    assert_sql(
        insert(docs::table)
            .values(vec![docs::title.to("a"), docs::title.to("b")])
            .to_sql(),
        r#"INSERT INTO "docs" ("title", "slug") VALUES ($1, $2), ($3, $4)"#,
        &[text("a"), text("fresh-slug"), text("b"), text("fresh-slug")],
    );
    let record = docs::New {
        id: None,
        slug: None,
        title: "R".into(),
        updated_at: None,
    };
    assert_sql(
        insert(docs::table).values(record).to_sql(),
        r#"INSERT INTO "docs" ("slug", "title") VALUES ($1, $2)"#,
        &[text("fresh-slug"), text("R")],
    );
}

#[test]
fn an_update_writes_the_on_update_value_of_a_column_it_does_not_set() {
    use app::docs;
    assert_sql(
        update(docs::table)
            .set(docs::title.to("New"))
            .filter(docs::id.eq(1))
            .to_sql(),
        r#"UPDATE "docs" SET "title" = $1, "updated_at" = $2 WHERE "id" = $3"#,
        &[text("New"), Value::TimestampTz(app::touched_at()), Value::I32(1)],
    );
    assert_sql(
        update(docs::table)
            .set((
                docs::title.to("New"),
                docs::updated_at.to(None::<chrono::DateTime<chrono::Utc>>),
            ))
            .all_rows()
            .to_sql(),
        r#"UPDATE "docs" SET "title" = $1, "updated_at" = $2"#,
        &[text("New"), Value::Null],
    );
}

#[test]
fn a_patch_sets_only_the_columns_it_names_and_null_on_nullable_ones() {
    use pg::users;
    let patch = users::Patch {
        name: Some("Ada".into()),
        email: Some(None),
        ..Default::default()
    };
    assert_sql(
        update(users::table).set(patch).filter(users::id.eq(1)).to_sql(),
        r#"UPDATE "users" SET "name" = $1, "email" = $2 WHERE "id" = $3"#,
        &[text("Ada"), Value::Null, Value::I32(1)],
    );
    let nothing = update(users::table)
        .set(users::Patch::default())
        .all_rows()
        .to_sql()
        .unwrap_err()
        .to_string();
    assert!(nothing.contains("the patch sets no column"), "{nothing}");
}

#[test]
fn records_and_patches_read_from_json_with_every_problem_named() {
    use mizzle_dsl::query::FromJsonRecord;
    use pg::users;
    let object = |json: serde_json::Value| json.as_object().cloned().unwrap();
    let mut errors = Vec::new();
    let record = users::New::from_json_object(&object(serde_json::json!({"name": "Ada", "age": 36})), &mut errors);
    assert_eq!(
        record,
        Some(users::New {
            id: None,
            name: "Ada".into(),
            email: None,
            age: Some(36)
        })
    );
    let bad = users::New::from_json_object(&object(serde_json::json!({"age": "old", "email": 5})), &mut errors);
    assert_eq!(bad, None);
    assert_eq!(
        errors,
        [
            ("name", "is required".to_owned()),
            ("email", "expected a string, found 5".to_owned()),
            ("age", "expected an integer (i32), found \"old\"".to_owned())
        ]
    );
    let mut errors = Vec::new();
    let patch = users::Patch::from_json_object(
        &object(serde_json::json!({"email": null, "age": 3_000_000_000u64})),
        &mut errors,
    );
    assert_eq!(patch, None);
    assert_eq!(
        errors,
        [("age", "3000000000 is out of range for an integer (i32)".to_owned())]
    );
    let patch = users::Patch::from_json_object(&object(serde_json::json!({"email": null})), &mut Vec::new());
    assert_eq!(
        patch,
        Some(users::Patch {
            email: Some(None),
            ..Default::default()
        })
    );
}

#[test]
fn records_print_clone_and_compare_as_derived_structs_would() {
    let row = pg::users::Row {
        id: 1,
        name: "Ada".into(),
        email: None,
        age: Some(36),
    };
    assert_eq!(
        format!("{row:?}"),
        r#"Row { id: 1, name: "Ada", email: None, age: Some(36) }"#
    );
    assert_eq!(row.clone(), row);
    assert_ne!(
        pg::users::Row {
            age: None,
            ..row.clone()
        },
        row
    );

    let new = pg::users::New {
        id: None,
        name: "Ada".into(),
        email: Some("ada@example.com".into()),
        age: None,
    };
    assert_eq!(
        format!("{new:?}"),
        r#"New { id: None, name: "Ada", email: Some("ada@example.com"), age: None }"#
    );
    assert_eq!(new.clone(), new);

    let patch = pg::users::Patch::default();
    assert_eq!(
        format!("{patch:?}"),
        "Patch { id: None, name: None, email: None, age: None }"
    );
    let set = pg::users::Patch {
        email: Some(None),
        ..Default::default()
    };
    assert_ne!(set, patch);
    assert_eq!(set.clone(), set);
}

#[test]
fn a_column_named_by_a_keyword_prints_under_its_own_name() {
    mizzle_dsl::table! {
        pub events in mizzle_dsl::dialect::Sqlite {
            id: mizzle_dsl::sqlite::Integer [primary_key],
            r#type: mizzle_dsl::sqlite::Text [not_null],
        }
    }
    let row = events::Row {
        id: 7,
        r#type: "signup".into(),
    };
    assert_eq!(format!("{row:?}"), r#"Row { id: 7, type: "signup" }"#);
    assert_eq!(row.to_json()["type"], "signup");
}
