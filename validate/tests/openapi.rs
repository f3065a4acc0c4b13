//! The OpenAPI 3.1 document of tables and validators, checked by a real OpenAPI validator
//! (openapi-spec-validator from PyPI, installed into the build's temporary folder).

use mizzle_dsl::prelude::*;
use mizzle_test_schema::Mood;
use mizzle_validate::{component_ref, OpenApi, RowValidator, Rule, Validator};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

mod pg_tables {
    use super::Mood;
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub users in Pg {
            id: Integer [primary_key, identity_always],
            email: Varchar<255> [not_null],
            mood: Enum<Mood>,
            avatar: Bytea,
        }
    }
    mizzle_dsl::table! {
        pub blog_posts in Pg {
            id: Serial [primary_key],
            author_id: Integer [not_null, references(users::id)],
            mood: Enum<Mood> [not_null],
            pause: Interval,
        }
    }
}
mod my_tables {
    use super::Mood;
    use mizzle_dsl::mysql::*;
    mizzle_dsl::table! {
        pub notes in MySql {
            id: Serial [primary_key],
            body: LongText [not_null],
            mood: Enum<Mood>,
        }
    }
}
mod lite_tables {
    use mizzle_dsl::sqlite::{self, Sqlite};
    mizzle_dsl::table! {
        pub events in Sqlite {
            id: sqlite::Integer [primary_key],
            at: sqlite::IntegerTimestamp [not_null],
            payload: sqlite::Blob,
        }
    }
}
use lite_tables::events;
use my_tables::notes;
use pg_tables::{blog_posts, users};

fn document() -> OpenApi {
    let signup = Validator::<users::table, _>::insert()
        .refine(users::email, Rule::pattern("^[^@ ]+@[^@ ]+$").unwrap())
        .omit(users::avatar);
    let events_query = mizzle_dsl::query::select((events::id, events::at.as_("when"))).from(events::table);
    OpenApi::new("Blog", "1.0.0")
        .table::<users::table>()
        .table::<blog_posts::table>()
        .table::<notes::table>()
        .table::<events::table>()
        .validator("Signup", &signup)
        .rows("EventTimes", &RowValidator::of(&events_query))
        .path(
            "/users",
            json!({"post": {
                "requestBody": {"content": {"application/json": {"schema": component_ref("Signup")}}},
                "responses": {"201": {"description": "created",
                    "content": {"application/json": {"schema": component_ref("Users")}}}}
            }}),
        )
}

#[test]
fn each_table_has_select_insert_and_update_components_sharing_its_enums() {
    let document = document().to_json();
    assert_eq!(document["openapi"], "3.1.0");
    let schemas = &document["components"]["schemas"];
    let names: Vec<&String> = schemas.as_object().unwrap().keys().collect();
    assert_eq!(
        names,
        [
            "BlogPosts",
            "BlogPostsInsert",
            "BlogPostsUpdate",
            "EventTimes",
            "Events",
            "EventsInsert",
            "EventsUpdate",
            "Mood",
            "Notes",
            "NotesInsert",
            "NotesUpdate",
            "Signup",
            "Users",
            "UsersInsert",
            "UsersUpdate"
        ]
    );
    // The PostgreSQL enum type is one component; MySQL's column enum stays inline.
    assert_eq!(schemas["Mood"], json!({"type": "string", "enum": ["happy", "sad"]}));
    assert_eq!(schemas["BlogPosts"]["properties"]["mood"], component_ref("Mood"));
    assert_eq!(
        schemas["Users"]["properties"]["mood"],
        json!({"anyOf": [component_ref("Mood"), {"type": "null"}]})
    );
    assert_eq!(
        schemas["Notes"]["properties"]["mood"],
        json!({"anyOf": [{"enum": ["happy", "sad"]}, {"type": "null"}]})
    );
    assert_eq!(
        schemas["Notes"]["properties"]["body"],
        json!({"type": "string", "maxLength": 4_294_967_295u32, "description": "at most 4294967295 bytes of UTF-8"})
    );
    assert_eq!(schemas["UsersInsert"]["required"], json!(["email"]));
    assert_eq!(schemas["Users"]["required"], json!(["id", "email", "mood", "avatar"]));
    assert_eq!(schemas["Signup"]["title"], "Signup");
    assert_eq!(schemas["EventTimes"]["required"], json!(["id", "when"]));
    assert!(schemas["Signup"]["properties"].get("avatar").is_none());
    assert!(schemas["UsersInsert"]["properties"].get("id").is_none());
}

#[test]
fn a_real_openapi_validator_accepts_the_document() {
    let Some(python) = validator_python() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "openapi-spec-validator could not be installed, and CI must run this test"
        );
        eprintln!("skipped: python3 with venv and pip is needed to install openapi-spec-validator");
        return;
    };
    let file = Path::new(env!("CARGO_TARGET_TMPDIR")).join("mizzle-openapi.json");
    std::fs::write(&file, serde_json::to_string_pretty(&document().to_json()).unwrap()).unwrap();
    let output = Command::new(&python)
        .args(["-m", "openapi_spec_validator", "--schema", "3.1", "--errors", "all"])
        .arg(&file)
        .output()
        .expect("runs the validator");
    let said = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the validator refuses the document:\n{said}");
    assert!(said.contains("OK"), "{said}");
}

/// The python of a virtual environment holding openapi-spec-validator, made on first use.
fn validator_python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("openapi-validator-venv");
    let python = venv.join("bin/python");
    let installed = |python: &Path| {
        Command::new(python)
            .args(["-c", "import openapi_spec_validator"])
            .output()
            .is_ok_and(|out| out.status.success())
    };
    if installed(&python) {
        return Some(python);
    }
    let made = Command::new("python3").arg("-m").arg("venv").arg(&venv).status();
    if !made.is_ok_and(|status| status.success()) {
        return None;
    }
    let pip = Command::new(venv.join("bin/pip"))
        .args(["install", "--quiet", "openapi-spec-validator==0.9.0"])
        .status();
    (pip.is_ok_and(|status| status.success()) && installed(&python)).then_some(python)
}
