//! Applying: two instances at once, a migration interrupted half-way on MySQL and resumed,
//! a failed one on PostgreSQL leaving nothing behind, `check` on merged branches, and
//! snapshots that are the same bytes for the same schema.

mod support;

use mizzle_dsl::dialect::{DialectKind, Engine};
use mizzle_dsl::schema::model::{ColumnModel, SchemaModel, TableModel};
use mizzle_kit::apply::{connect, lock_row, migrate, status, MigrateOptions, State};
use mizzle_kit::check::{check, Problem};
use mizzle_kit::migrations::{files, generate, GenerateOptions, Migration};

fn table(name: &str) -> TableModel {
    let mut table = TableModel::named(None, name);
    table.columns.push(ColumnModel {
        name: "id".to_owned(),
        sql_type: "integer".to_owned(),
        not_null: true,
        primary_key: true,
        autoincrement: false,
        identity: None,
        default: None,
        generated: None,
        comment: None,
    });
    table
}

fn schema(kind: DialectKind, tables: &[&str]) -> SchemaModel {
    let mut model = SchemaModel::empty(kind);
    model.tables = tables.iter().map(|name| table(name)).collect();
    model
}

fn at(timestamp: &str) -> GenerateOptions {
    GenerateOptions {
        timestamp: Some(timestamp.to_owned()),
        ..GenerateOptions::default()
    }
}

async fn two_instances_apply_each_migration_once(dialect: &str, kind: DialectKind, engine: Option<Engine>) {
    let on = engine.map_or(String::new(), |engine| format!("_{}", engine.name));
    let test = format!("lock_{}{on}", dialect.replace("postgresql", "pg"));
    let Some(url) = support::database(dialect, &test).await else {
        return;
    };
    let dir = support::scratch(&test).join("migrations");
    for (i, tables) in [&["a"][..], &["a", "b"], &["a", "b", "c"], &["a", "b", "c", "d"]]
        .iter()
        .enumerate()
    {
        generate(&dir, &schema(kind, tables), &at(&format!("2026010100000{i}")))
            .unwrap()
            .unwrap();
    }
    let migrations = files::load(&dir).unwrap();
    let options = MigrateOptions {
        engine,
        ..MigrateOptions::default()
    };
    let (one, two) = tokio::join!(
        migrate(&url, &migrations, &options),
        migrate(&url, &migrations, &options)
    );
    let (one, two) = (one.unwrap(), two.unwrap());
    let mut done: Vec<String> = one.done.iter().chain(&two.done).cloned().collect();
    done.sort();
    let names: Vec<String> = migrations.iter().map(|m| m.name.clone()).collect();
    assert_eq!(done, names, "every migration applied exactly once");
    let states = status(&url, &migrations, &options).await.unwrap();
    assert!(states.iter().all(|(_, s)| *s == State::Applied), "{states:?}");
    // Where the lock was a row, the row is gone once both are done.
    if let Some(lock) = lock_row(&options.table, engine) {
        let mut conn = connect(&url).await.unwrap();
        conn.execute(&lock.take).await.expect("the lock is free");
        conn.execute(&lock.release).await.unwrap();
    }
}

#[tokio::test]
async fn two_instances_starting_together_apply_each_migration_once_on_postgres() {
    two_instances_apply_each_migration_once("postgresql", DialectKind::Pg, None).await;
}

#[tokio::test]
async fn on_an_engine_without_advisory_locks_a_lock_row_keeps_two_instances_apart_on_postgres() {
    two_instances_apply_each_migration_once("postgresql", DialectKind::Pg, Some(Engine::COCKROACHDB)).await;
}

#[tokio::test]
async fn on_an_engine_without_advisory_locks_a_lock_row_keeps_two_instances_apart_on_mysql() {
    two_instances_apply_each_migration_once("mysql", DialectKind::MySql, Some(Engine::VITESS)).await;
}

#[test]
fn the_lock_row_is_spelled_for_each_dialect_and_only_where_needed() {
    let cockroach = lock_row("journal", Some(Engine::COCKROACHDB)).unwrap();
    assert_eq!(
        cockroach.create,
        r#"CREATE TABLE IF NOT EXISTS "journal_lock" (id integer PRIMARY KEY, taken_at timestamptz NOT NULL DEFAULT now())"#
    );
    assert_eq!(cockroach.take, r#"INSERT INTO "journal_lock" (id) VALUES (1)"#);
    assert_eq!(cockroach.release, r#"DELETE FROM "journal_lock" WHERE id = 1"#);
    let vitess = lock_row("journal", Some(Engine::VITESS)).unwrap();
    assert_eq!(
        vitess.create,
        "CREATE TABLE IF NOT EXISTS `journal_lock` (id integer PRIMARY KEY, taken_at timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)"
    );
    assert_eq!(vitess.take, "INSERT INTO `journal_lock` (id) VALUES (1)");
    for with_advisory_locks in [
        None,
        Some(Engine::POSTGRES),
        Some(Engine::NEON),
        Some(Engine::TIDB),
        Some(Engine::SQLITE),
    ] {
        assert_eq!(lock_row("journal", with_advisory_locks), None);
    }
}

#[tokio::test]
async fn two_instances_starting_together_apply_each_migration_once_on_mysql() {
    two_instances_apply_each_migration_once("mysql", DialectKind::MySql, None).await;
}

#[tokio::test]
async fn two_instances_starting_together_apply_each_migration_once_on_sqlite() {
    two_instances_apply_each_migration_once("sqlite", DialectKind::Sqlite, None).await;
}

#[tokio::test]
async fn a_mysql_migration_stopped_half_way_resumes_after_its_last_statement() {
    let Some(url) = support::database("mysql", "resume").await else {
        return;
    };
    let broken = Migration::new(
        "20260101000000_two_tables".to_owned(),
        "CREATE TABLE one (id int);\n--> statement-breakpoint\nCREATE TABLE two (id int REFERENCES nowhere (id));\n--> statement-breakpoint\nCREATE TABLE three (id int);\n".to_owned(),
        None,
    );
    let options = MigrateOptions::default();
    let error = migrate(&url, std::slice::from_ref(&broken), &options)
        .await
        .unwrap_err();
    assert!(
        error.contains("migration 20260101000000_two_tables failed at statement 2 of 3"),
        "{error}"
    );
    let states = status(&url, std::slice::from_ref(&broken), &options).await.unwrap();
    assert_eq!(states, [(broken.name.clone(), State::Interrupted(1))]);
    // The file fixed, the run resumes at statement 2: `one` is not created twice.
    let fixed = Migration::new(
        broken.name.clone(),
        broken.up.replace(" REFERENCES nowhere (id)", ""),
        None,
    );
    let report = migrate(&url, std::slice::from_ref(&fixed), &options).await.unwrap();
    assert_eq!(report.done, std::slice::from_ref(&fixed.name));
    let states = status(&url, std::slice::from_ref(&fixed), &options).await.unwrap();
    assert_eq!(states, [(fixed.name.clone(), State::Applied)]);
}

#[tokio::test]
async fn a_failed_postgres_migration_leaves_nothing_behind() {
    let Some(url) = support::database("postgresql", "rollback").await else {
        return;
    };
    let broken = Migration::new(
        "20260101000000_two_tables".to_owned(),
        "CREATE TABLE one (id int);\n--> statement-breakpoint\nCREATE TABLE two (id int REFERENCES nowhere (id));\n"
            .to_owned(),
        None,
    );
    let options = MigrateOptions::default();
    let error = migrate(&url, std::slice::from_ref(&broken), &options)
        .await
        .unwrap_err();
    assert!(error.contains("nothing of it was applied"), "{error}");
    let mut conn = connect(&url).await.unwrap();
    conn.execute("CREATE TABLE one (id int)")
        .await
        .expect("`one` was rolled back");
    let states = status(&url, std::slice::from_ref(&broken), &options).await.unwrap();
    assert_eq!(states, [(broken.name.clone(), State::Pending)]);
    // Opted out of the transaction, the statement before the failing one stays.
    let outside = Migration::new(
        "20260101000001_outside".to_owned(),
        "-- mizzle: no-transaction\nCREATE TABLE three (id int);\n--> statement-breakpoint\nSELECT * FROM nowhere;\n"
            .to_owned(),
        None,
    );
    migrate(&url, &[outside], &options).await.unwrap_err();
    conn.execute("CREATE TABLE three (id int)").await.unwrap_err();
}

#[test]
fn check_finds_two_migrations_generated_from_one_parent_and_whether_they_commute() {
    let kind = DialectKind::Sqlite;
    let dir = support::scratch("check").join("migrations");
    generate(&dir, &schema(kind, &["a"]), &at("20260101000000")).unwrap();
    assert_eq!(check(&dir).unwrap(), []);
    // Two branches from the first migration: one adds `b`, the other `c`.
    let main = support::scratch("check_main").join("migrations");
    let side = support::scratch("check_side").join("migrations");
    for copy in [&main, &side] {
        std::fs::create_dir_all(copy.join("20260101000000")).unwrap();
        for file in ["up.sql", "down.sql", "snapshot.json"] {
            std::fs::copy(
                dir.join("20260101000000").join(file),
                copy.join("20260101000000").join(file),
            )
            .unwrap();
        }
    }
    generate(&main, &schema(kind, &["a", "b"]), &at("20260102000000")).unwrap();
    generate(&side, &schema(kind, &["a", "c"]), &at("20260103000000")).unwrap();
    let merged = support::scratch("check_merged").join("migrations");
    for (from, name) in [
        (&dir, "20260101000000"),
        (&main, "20260102000000"),
        (&side, "20260103000000"),
    ] {
        std::fs::create_dir_all(merged.join(name)).unwrap();
        for file in ["up.sql", "down.sql", "snapshot.json"] {
            std::fs::copy(from.join(name).join(file), merged.join(name).join(file)).unwrap();
        }
    }
    assert_eq!(
        check(&merged).unwrap(),
        [Problem::Branch {
            name: "20260103000000".to_owned(),
            parent: "20260101000000".to_owned(),
            previous: "20260102000000".to_owned(),
            commutes: true,
        }]
    );
}

#[test]
fn the_same_schema_writes_the_same_snapshot_bytes() {
    let kind = DialectKind::Pg;
    let one = support::scratch("bytes_one").join("migrations");
    let two = support::scratch("bytes_two").join("migrations");
    for dir in [&one, &two] {
        generate(dir, &schema(kind, &["a", "b"]), &at("20260101000000")).unwrap();
    }
    for file in ["up.sql", "down.sql", "snapshot.json"] {
        assert_eq!(
            std::fs::read(one.join("20260101000000").join(file)).unwrap(),
            std::fs::read(two.join("20260101000000").join(file)).unwrap(),
            "{file}"
        );
    }
}

#[tokio::test]
async fn a_sqlite_rebuild_keeps_the_rows_and_adds_the_foreign_key() {
    use mizzle_dsl::schema::model::ForeignKeyModel;
    let Some(url) = support::database("sqlite", "rebuild").await else {
        return;
    };
    let dir = support::scratch("rebuild").join("migrations");
    let mut v1 = schema(DialectKind::Sqlite, &["parents", "children"]);
    v1.tables[1].columns.push(ColumnModel {
        name: "parent_id".to_owned(),
        sql_type: "integer".to_owned(),
        not_null: false,
        primary_key: false,
        autoincrement: false,
        identity: None,
        default: None,
        generated: None,
        comment: None,
    });
    generate(&dir, &v1, &at("20260101000000")).unwrap();
    migrate(&url, &files::load(&dir).unwrap(), &MigrateOptions::default())
        .await
        .unwrap();
    let mut conn = connect(&url).await.unwrap();
    conn.execute("INSERT INTO parents (id) VALUES (1); INSERT INTO children (id, parent_id) VALUES (10, 1)")
        .await
        .unwrap();
    let mut v2 = v1.clone();
    v2.tables[1].foreign_keys.push(ForeignKeyModel {
        name: "children_parent_id_fk".to_owned(),
        columns: vec!["parent_id".to_owned()],
        foreign_schema: None,
        foreign_table: "parents".to_owned(),
        foreign_columns: vec!["id".to_owned()],
        on_delete: None,
        on_update: None,
    });
    generate(&dir, &v2, &at("20260102000000")).unwrap();
    let migrations = files::load(&dir).unwrap();
    let report = migrate(&url, &migrations, &MigrateOptions::default()).await.unwrap();
    assert_eq!(report.done, ["20260102000000"]);
    let ids = conn.query_text("SELECT CAST(id AS TEXT) FROM children").await.unwrap();
    assert_eq!(ids, [[Some("10".to_owned())]], "the rows came through the rebuild");
    let sql = conn
        .query_text("SELECT sql FROM sqlite_master WHERE name = 'children'")
        .await
        .unwrap();
    assert!(
        sql[0][0]
            .as_deref()
            .unwrap_or("")
            .contains("FOREIGN KEY (`parent_id`) REFERENCES `parents`(`id`)"),
        "{sql:?}"
    );
}
