//! JSON operators per dialect: paths, keys and documents are bound parameters.

use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{select, update};
use mizzle_dsl::types::{BigInt, Value};

mod tables {
    pub mod pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! {
            pub docs in Pg {
                id: Integer [primary_key],
                body: Jsonb [not_null],
                raw: Json,
            }
        }
    }
    pub mod my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! {
            pub docs in MySql {
                id: Int [primary_key],
                body: Json [not_null],
            }
        }
    }
    pub mod lite {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub docs in Sqlite {
                id: Integer [primary_key],
                body: TextJson [not_null],
                binary: BlobJson,
            }
        }
    }
}
use tables::{lite, my, pg};

fn json(text: &str) -> Value<'_> {
    Value::Json(text.into())
}

#[test]
fn reading_a_member_by_key_index_and_path_on_postgres() {
    let query = select((
        pg::docs::body.get("name"),
        pg::docs::body.get(0u32),
        pg::docs::body.get(["address", "city"]),
        pg::docs::body.get_text("name"),
        pg::docs::body.get_text(JsonPath::key("tags").then_index(1)),
        pg::docs::raw.get("name"),
    ))
    .from(pg::docs::table);
    assert_sql(
        query.to_sql(),
        "SELECT (\"docs\".\"body\" -> $1), (\"docs\".\"body\" -> 0), (\"docs\".\"body\" #> $2), (\"docs\".\"body\" ->> $3), (\"docs\".\"body\" #>> $4), (\"docs\".\"raw\" -> $5) FROM \"docs\"",
        &[
            text("name"),
            Value::Array(vec![text("address"), text("city")]),
            text("name"),
            Value::Array(vec![text("tags"), text("1")]),
            text("name"),
        ],
    );
}

#[test]
fn reading_a_member_on_mysql_and_sqlite_binds_a_quoted_path() {
    assert_sql(
        select((my::docs::body.get(["address", "city"]), my::docs::body.get_text("name")))
            .from(my::docs::table)
            .to_sql(),
        "SELECT JSON_EXTRACT(`docs`.`body`, ?), JSON_UNQUOTE(JSON_EXTRACT(`docs`.`body`, ?)) FROM `docs`",
        &[text(r#"$."address"."city""#), text(r#"$."name""#)],
    );
    assert_sql(
        select((
            lite::docs::body.get(JsonPath::key("tags").then_index(0)),
            lite::docs::body.get_text("name"),
        ))
        .from(lite::docs::table)
        .to_sql(),
        r#"SELECT ("docs"."body" -> ?), ("docs"."body" ->> ?) FROM "docs""#,
        &[text(r#"$."tags"[0]"#), text(r#"$."name""#)],
    );
}

#[test]
fn extracting_casts_the_members_text_to_the_type_asked_for() {
    assert_sql(
        select(pg::docs::body.extract::<BigInt>("age"))
            .from(pg::docs::table)
            .to_sql(),
        "SELECT CAST((\"docs\".\"body\" ->> $1) AS bigint) FROM \"docs\"",
        &[text("age")],
    );
    assert_sql(
        select(my::docs::body.extract::<BigInt>("age"))
            .from(my::docs::table)
            .to_sql(),
        "SELECT CAST(JSON_UNQUOTE(JSON_EXTRACT(`docs`.`body`, ?)) AS signed) FROM `docs`",
        &[text(r#"$."age""#)],
    );
    assert_sql(
        select(lite::docs::body.extract::<BigInt>("age"))
            .from(lite::docs::table)
            .to_sql(),
        r#"SELECT CAST(("docs"."body" ->> ?) AS integer) FROM "docs""#,
        &[text(r#"$."age""#)],
    );
}

#[test]
fn statements_of_one_type_with_different_paths_keep_their_own_text() {
    let by_key = select(pg::docs::body.get(JsonPath::from(vec![JsonStep::Key("a".into())]))).from(pg::docs::table);
    let by_path = select(pg::docs::body.get(JsonPath::from(vec![JsonStep::Key("a".into()), JsonStep::Index(2)])))
        .from(pg::docs::table);
    let by_index = select(pg::docs::body.get(JsonPath::from(vec![JsonStep::Index(3)]))).from(pg::docs::table);
    assert_eq!(
        by_key.to_sql().unwrap().sql,
        "SELECT (\"docs\".\"body\" -> $1) FROM \"docs\""
    );
    assert_eq!(
        by_path.to_sql().unwrap().sql,
        "SELECT (\"docs\".\"body\" #> $1) FROM \"docs\""
    );
    assert_eq!(
        by_index.to_sql().unwrap().sql,
        "SELECT (\"docs\".\"body\" -> 3) FROM \"docs\""
    );
}

#[test]
fn key_tests_per_dialect() {
    assert_sql(
        select(pg::docs::id)
            .from(pg::docs::table)
            .filter(
                pg::docs::body
                    .has_key("name")
                    .and(pg::docs::body.has_any_key(["a", "b"]))
                    .and(pg::docs::body.has_all_keys(["c", "d"])),
            )
            .to_sql(),
        "SELECT \"docs\".\"id\" FROM \"docs\" WHERE ((\"docs\".\"body\" ? $1) AND (\"docs\".\"body\" ?| $2) AND (\"docs\".\"body\" ?& $3))",
        &[
            text("name"),
            Value::Array(vec![text("a"), text("b")]),
            Value::Array(vec![text("c"), text("d")]),
        ],
    );
    assert_sql(
        select(my::docs::id)
            .from(my::docs::table)
            .filter(my::docs::body.has_key("name").and(my::docs::body.has_all_keys(["c", "d"])))
            .to_sql(),
        "SELECT `docs`.`id` FROM `docs` WHERE (JSON_CONTAINS_PATH(`docs`.`body`, 'one', ?) AND JSON_CONTAINS_PATH(`docs`.`body`, 'all', ?, ?))",
        &[text(r#"$."name""#), text(r#"$."c""#), text(r#"$."d""#)],
    );
    assert_sql(
        select(lite::docs::id)
            .from(lite::docs::table)
            .filter(lite::docs::body.has_any_key(["a", "b"]))
            .to_sql(),
        r#"SELECT "docs"."id" FROM "docs" WHERE (json_type("docs"."body", ?) IS NOT NULL OR json_type("docs"."body", ?) IS NOT NULL)"#,
        &[text(r#"$."a""#), text(r#"$."b""#)],
    );
}

#[test]
fn no_keys_are_all_there_and_none_of_them_is() {
    let none: [&str; 0] = [];
    assert_sql(
        select(my::docs::id)
            .from(my::docs::table)
            .filter(my::docs::body.has_any_key(none).or(my::docs::body.has_all_keys(none)))
            .to_sql(),
        "SELECT `docs`.`id` FROM `docs` WHERE (FALSE OR TRUE)",
        &[],
    );
}

#[test]
fn containment_on_postgres_jsonb_and_mysql() {
    let doc = serde_json::json!({"tags": ["rust"]});
    assert_sql(
        select(pg::docs::id)
            .from(pg::docs::table)
            .filter(pg::docs::body.contains(&doc).and(pg::docs::body.contained_by(&doc)))
            .to_sql(),
        "SELECT \"docs\".\"id\" FROM \"docs\" WHERE ((\"docs\".\"body\" @> $1) AND (\"docs\".\"body\" <@ $2))",
        &[json(r#"{"tags":["rust"]}"#), json(r#"{"tags":["rust"]}"#)],
    );
    assert_sql(
        select(my::docs::id)
            .from(my::docs::table)
            .filter(my::docs::body.contains(&doc).and(my::docs::body.contained_by(&doc)))
            .to_sql(),
        "SELECT `docs`.`id` FROM `docs` WHERE (JSON_CONTAINS(`docs`.`body`, ?) AND JSON_CONTAINS(?, `docs`.`body`))",
        &[json(r#"{"tags":["rust"]}"#), json(r#"{"tags":["rust"]}"#)],
    );
}

#[test]
fn jsonpath_queries_on_postgres() {
    assert_sql(
        select(pg::docs::id)
            .from(pg::docs::table)
            .filter(
                pg::docs::body
                    .path_exists("$.tags[*] ? (@ == \"rust\")")
                    .and(pg::docs::body.path_match("$.age >= 18")),
            )
            .to_sql(),
        "SELECT \"docs\".\"id\" FROM \"docs\" WHERE ((\"docs\".\"body\" @? $1) AND (\"docs\".\"body\" @@ $2))",
        &[text("$.tags[*] ? (@ == \"rust\")"), text("$.age >= 18")],
    );
}

#[test]
fn setting_and_removing_members_per_dialect() {
    assert_sql(
        update(pg::docs::table)
            .set(
                pg::docs::body.to(pg::docs::body
                    .json_set(["address", "city"], "Oslo")
                    .json_remove("draft")),
            )
            .filter(pg::docs::id.eq(1))
            .to_sql(),
        "UPDATE \"docs\" SET \"body\" = (jsonb_set(\"body\", $1, $2) #- $3) WHERE \"id\" = $4",
        &[
            Value::Array(vec![text("address"), text("city")]),
            json("\"Oslo\""),
            Value::Array(vec![text("draft")]),
            Value::I32(1),
        ],
    );
    assert_sql(
        update(my::docs::table)
            .set(my::docs::body.to(my::docs::body.json_set("n", 2).json_remove("draft")))
            .filter(my::docs::id.eq(1))
            .to_sql(),
        "UPDATE `docs` SET `body` = JSON_REMOVE(JSON_SET(`body`, ?, JSON_EXTRACT(?, '$')), ?) WHERE `id` = ?",
        &[text(r#"$."n""#), json("2"), text(r#"$."draft""#), Value::I32(1)],
    );
    assert_sql(
        update(lite::docs::table)
            .set(lite::docs::body.to(lite::docs::body.json_set("n", 2).json_remove("draft")))
            .filter(lite::docs::id.eq(1))
            .to_sql(),
        r#"UPDATE "docs" SET "body" = json_remove(json_set("body", ?, json(?)), ?) WHERE "id" = ?"#,
        &[text(r#"$."n""#), json("2"), text(r#"$."draft""#), Value::I64(1)],
    );
}

#[test]
fn array_lengths_per_dialect() {
    assert_sql(
        select((pg::docs::body.json_length(), pg::docs::raw.json_length()))
            .from(pg::docs::table)
            .to_sql(),
        "SELECT jsonb_array_length(\"docs\".\"body\"), json_array_length(\"docs\".\"raw\") FROM \"docs\"",
        &[],
    );
    assert_sql(
        select(my::docs::body.get("tags").json_length())
            .from(my::docs::table)
            .to_sql(),
        "SELECT JSON_LENGTH(JSON_EXTRACT(`docs`.`body`, ?)) FROM `docs`",
        &[text(r#"$."tags""#)],
    );
}

#[test]
fn sqlite_refuses_a_key_its_paths_cannot_name() {
    let error = select(lite::docs::body.get("say \"hi\""))
        .from(lite::docs::table)
        .to_sql()
        .unwrap_err();
    assert!(error.to_string().contains("cannot hold a double quote"), "{error}");
}

#[test]
fn sqlite_binary_json_is_written_with_the_binary_functions() {
    assert_sql(
        update(lite::docs::table)
            .set(lite::docs::binary.to(lite::docs::binary.json_set("n", 2).json_remove("draft")))
            .filter(lite::docs::id.eq(1))
            .to_sql(),
        r#"UPDATE "docs" SET "binary" = jsonb_remove(jsonb_set("binary", ?, json(?)), ?) WHERE "id" = ?"#,
        &[text(r#"$."n""#), json("2"), text(r#"$."draft""#), Value::I64(1)],
    );
}
