//! The workflow on each database: generate, migrate, change the schema (a rename
//! declared), generate and migrate again with the data kept, status, down and up again.

mod support;

use mizzle_dsl::schema::model::SchemaModel;
use mizzle_dsl::schema::Schema;
use mizzle_kit::apply::{connect, down, migrate, status, MigrateOptions, State};
use mizzle_kit::diff::Renames;
use mizzle_kit::migrations::{files, generate, GenerateOptions};
use std::path::Path;

mod schemas {
    macro_rules! versions {
        ($module:ident, $dialect:ident, $d:ty, $key:ty, $int:ty, $short:ty) => {
            pub mod $module {
                pub mod v1 {
                    use mizzle_dsl::$dialect::*;
                    mizzle_dsl::table! { pub users in $d { id: $key [primary_key], name: $short [not_null], nick: $short } }
                }
                pub mod v2 {
                    use mizzle_dsl::$dialect::*;
                    mizzle_dsl::table! {
                        pub users in $d {
                            id: $key [primary_key],
                            name: $short [not_null],
                            handle: $short,
                            age: $int [not_null, default(0)],
                        }
                        define |t| { t.index("users_name_idx").on(name); }
                    }
                    mizzle_dsl::table! {
                        pub notes in $d { id: $key [primary_key], user_id: $int [not_null, references(users::id)], body: $short }
                    }
                }
            }
        };
    }
    versions!(pg, pg, Pg, Integer, Integer, Varchar<50>);
    versions!(my, mysql, MySql, Int, Int, Varchar<50>);
    versions!(lite, sqlite, Sqlite, Integer, Integer, Text);
}

fn models(dialect: &str) -> (SchemaModel, SchemaModel) {
    match dialect {
        "postgresql" => (
            Schema::new().table(schemas::pg::v1::users::table).model().unwrap(),
            Schema::new()
                .table(schemas::pg::v2::users::table)
                .table(schemas::pg::v2::notes::table)
                .model()
                .unwrap(),
        ),
        "mysql" => (
            Schema::new().table(schemas::my::v1::users::table).model().unwrap(),
            Schema::new()
                .table(schemas::my::v2::users::table)
                .table(schemas::my::v2::notes::table)
                .model()
                .unwrap(),
        ),
        _ => (
            Schema::new().table(schemas::lite::v1::users::table).model().unwrap(),
            Schema::new()
                .table(schemas::lite::v2::users::table)
                .table(schemas::lite::v2::notes::table)
                .model()
                .unwrap(),
        ),
    }
}

fn options(timestamp: &str, name: &str) -> GenerateOptions {
    GenerateOptions {
        name: Some(name.to_owned()),
        timestamp: Some(timestamp.to_owned()),
        ..GenerateOptions::default()
    }
}

async fn one_text(url: &str, sql: &str) -> String {
    // The journal's reader is the kit's; a value is read through a scratch journal row.
    let mut conn = connect(url).await.unwrap();
    conn.execute("CREATE TABLE IF NOT EXISTS probe (name varchar(255) PRIMARY KEY, checksum varchar(64) NOT NULL, statements_done integer NOT NULL DEFAULT 0, finished boolean NOT NULL DEFAULT true)").await.unwrap();
    conn.execute("DELETE FROM probe").await.unwrap();
    conn.execute(&format!("INSERT INTO probe (name, checksum) {sql}"))
        .await
        .unwrap();
    let rows = conn.journal("probe").await.unwrap();
    conn.execute("DROP TABLE probe").await.unwrap();
    rows.into_iter().map(|r| r.checksum).collect::<Vec<_>>().join(",")
}

async fn workflow(dialect: &str) {
    let test = format!("workflow_{}", dialect.replace("postgresql", "pg"));
    let Some(url) = support::database(dialect, &test).await else {
        return;
    };
    let dir = support::scratch(&test).join("migrations");
    let (v1, v2) = models(dialect);
    let migrate_options = MigrateOptions::default();

    let first = generate(&dir, &v1, &options("20260101000000", "init"))
        .unwrap()
        .unwrap();
    assert_eq!(first.name, "20260101000000_init");
    assert!(
        generate(&dir, &v1, &options("20260101000001", "again"))
            .unwrap()
            .is_none(),
        "no change, no migration"
    );
    let report = migrate(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap();
    assert_eq!(report.done, ["20260101000000_init"]);

    let mut conn = connect(&url).await.unwrap();
    conn.execute("INSERT INTO users (id, name, nick) VALUES (1, 'Ada', 'ada')")
        .await
        .unwrap();

    // Without the rename declared, nothing is written.
    let refused = generate(&dir, &v2, &options("20260102000000", "handles")).unwrap_err();
    assert!(refused.to_string().contains("column users nick handle"), "{refused}");
    let renamed = GenerateOptions {
        renames: Renames::parse("column users nick handle").unwrap(),
        ..options("20260102000000", "handles")
    };
    let second = generate(&dir, &v2, &renamed).unwrap().unwrap();
    assert_eq!(second.name, "20260102000000_handles");
    let report = migrate(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap();
    assert_eq!(
        (report.done.as_slice(), report.already),
        (&["20260102000000_handles".to_owned()][..], 1)
    );
    assert_eq!(
        one_text(&url, "SELECT name, handle FROM users").await,
        "ada",
        "the renamed column keeps its data"
    );
    conn.execute("INSERT INTO notes (id, user_id, body) VALUES (1, 1, 'hi')")
        .await
        .unwrap();
    let dangling = conn
        .execute("INSERT INTO notes (id, user_id, body) VALUES (2, 99, 'x')")
        .await;
    if dialect != "sqlite" {
        assert!(dangling.is_err(), "the foreign key is there");
    }

    let states = status(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap();
    assert!(states.iter().all(|(_, state)| *state == State::Applied), "{states:?}");

    // Down, with its data: `notes` goes, the column gets its old name back.
    conn.execute("DELETE FROM notes").await.unwrap();
    let undone = down(&url, &files::load(&dir).unwrap(), &migrate_options, 1, None)
        .await
        .unwrap();
    assert_eq!(undone.done, ["20260102000000_handles"]);
    assert_eq!(one_text(&url, "SELECT name, nick FROM users").await, "ada");
    let states = status(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap();
    assert_eq!(states[1].1, State::Pending);
    // Up again.
    let report = migrate(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap();
    assert_eq!(report.done, ["20260102000000_handles"]);

    // An applied migration's file changed: the run stops and names it.
    let up = dir.join("20260101000000_init").join("up.sql");
    std::fs::write(&up, std::fs::read_to_string(&up).unwrap() + "\n-- edited\n").unwrap();
    let error = migrate(&url, &files::load(&dir).unwrap(), &migrate_options)
        .await
        .unwrap_err();
    assert!(
        error.contains("migration 20260101000000_init changed since it was applied"),
        "{error}"
    );
    check_files(&dir);
}

/// The files generate wrote: the breakpoints, the warnings, the down file's notes.
fn check_files(dir: &Path) {
    let up = std::fs::read_to_string(dir.join("20260102000000_handles/up.sql")).unwrap();
    assert!(up.starts_with("-- 20260102000000_handles: generated by mizzle from 20260101000000_init.\n-- parent: 20260101000000_init\n"), "{up}");
    assert!(up.contains("--> statement-breakpoint\n"), "{up}");
    let snapshot = std::fs::read_to_string(dir.join("20260102000000_handles/snapshot.json")).unwrap();
    assert!(snapshot.contains("\"name\": \"handle\""), "{snapshot}");
    let embedded = std::fs::read_to_string(dir.join("embedded.rs")).unwrap();
    assert!(
        embedded.contains("include_str!(\"20260102000000_handles/up.sql\")"),
        "{embedded}"
    );
}

#[tokio::test]
async fn the_workflow_runs_on_postgres() {
    workflow("postgresql").await;
}

#[tokio::test]
async fn the_workflow_runs_on_mysql() {
    workflow("mysql").await;
}

#[tokio::test]
async fn the_workflow_runs_on_sqlite() {
    workflow("sqlite").await;
}
