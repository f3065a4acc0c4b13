//! Random schemas (tables, column types, lengths, NOT NULL, uniques, foreign keys between
//! them) seeded on the three databases: whenever the seeder makes rows, every one of them
//! is accepted, constraints and all.

use mizzle::dialect::{DialectKind, MySql, Pg, Sqlite};
use mizzle::schema::model::TableModel;
use mizzle::schema::{ColumnInfo, Constraints, Reference, TableDef, TableExtras, TypeInfo};
use mizzle_seed::Seed;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// A column kind, and how each dialect spells it.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Int,
    Short,
    Long,
    Flag,
    Day,
}

fn int_pg(s: &mut String) {
    s.push_str("integer");
}
fn int_my(s: &mut String) {
    s.push_str("int");
}
fn short(s: &mut String) {
    s.push_str("varchar(12)");
}
fn long(s: &mut String) {
    s.push_str("varchar(200)");
}
fn text(s: &mut String) {
    s.push_str("text");
}
fn flag(s: &mut String) {
    s.push_str("boolean");
}
fn day(s: &mut String) {
    s.push_str("date");
}

fn column(kind: DialectKind, name: &str, what: Kind, not_null: bool, unique: bool) -> ColumnInfo {
    let sqlite = kind == DialectKind::Sqlite;
    let (write_type, type_info): (fn(&mut String), TypeInfo) = match what {
        Kind::Int => (
            if kind == DialectKind::MySql { int_my } else { int_pg },
            TypeInfo::Integer {
                min: i32::MIN.into(),
                max: i32::MAX.into(),
            },
        ),
        Kind::Short => (
            if sqlite { text } else { short },
            TypeInfo::Text {
                max_chars: Some(12),
                max_bytes: None,
            },
        ),
        Kind::Long => (
            if sqlite { text } else { long },
            TypeInfo::Text {
                max_chars: Some(200),
                max_bytes: None,
            },
        ),
        Kind::Flag => (flag, TypeInfo::Bool),
        Kind::Day => (if sqlite { text } else { day }, TypeInfo::Date),
    };
    let mut constraints = Constraints::new();
    if unique {
        constraints.unique = Some(None);
    }
    ColumnInfo {
        name: Box::leak(name.to_owned().into_boxed_str()),
        write_type,
        not_null,
        constraints,
        enum_type: None,
        type_info,
        now_sql: None,
        has_default: false,
    }
}

/// A table spec: each column's kind, NOT NULL and unique; and foreign keys to earlier
/// tables (target index, NOT NULL).
type Spec = (Vec<(Kind, bool, bool)>, Vec<(usize, bool)>, usize);

fn kinds() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Int),
        Just(Kind::Short),
        Just(Kind::Long),
        Just(Kind::Flag),
        Just(Kind::Day)
    ]
}

fn schemas() -> impl Strategy<Value = Vec<Spec>> {
    prop::collection::vec(
        (
            prop::collection::vec((kinds(), any::<bool>(), prop::bool::weighted(0.2)), 1..5),
            prop::collection::vec((0usize..4, any::<bool>()), 0..3),
            1usize..40,
        ),
        1..5,
    )
}

fn defs(kind: DialectKind, specs: &[Spec], prefix: &str) -> Vec<TableDef> {
    let mut defs: Vec<TableDef> = Vec::new();
    for (t, (columns, fks, _)) in specs.iter().enumerate() {
        let name: &'static str = Box::leak(format!("{prefix}t{t}").into_boxed_str());
        let mut infos = vec![{
            let mut id = column(kind, "id", Kind::Int, true, false);
            id.constraints.primary_key = true;
            id
        }];
        for (c, (what, not_null, unique)) in columns.iter().enumerate() {
            // A unique flag has two values: it cannot be unique over many rows.
            let unique = *unique && !matches!(what, Kind::Flag);
            infos.push(column(kind, &format!("c{c}"), *what, *not_null, unique));
        }
        for (f, (target, not_null)) in fks.iter().enumerate() {
            if defs.is_empty() {
                break;
            }
            let target = defs[target % defs.len()].name;
            let mut fk = column(kind, &format!("f{f}"), Kind::Int, *not_null, false);
            fk.constraints.references = Some(Reference {
                table: target,
                column: "id",
                on_delete: None,
                on_update: None,
            });
            infos.push(fk);
        }
        defs.push(TableDef {
            name,
            schema: None,
            columns: infos,
            extras: TableExtras::default(),
        });
    }
    defs
}

fn seed<D: mizzle::dialect::Dialect>(defs: &[TableDef], specs: &[Spec]) -> Seed<D> {
    defs.iter()
        .zip(specs)
        .fold(Seed::new(11), |seed, (def, (_, _, count))| {
            seed.table_def(def.clone(), *count)
        })
}

fn ddl(kind: DialectKind, defs: &[TableDef]) -> Vec<String> {
    defs.iter()
        .flat_map(|def| {
            mizzle::schema::ddl_writer::table_statements(kind, &TableModel::from_def(kind, def).unwrap(), &[])
        })
        .collect()
}

/// `n` random schemas, the same ones on every run.
fn cases(n: usize) -> Vec<Vec<Spec>> {
    use proptest::strategy::ValueTree;
    let mut runner = TestRunner::deterministic();
    (0..n)
        .map(|_| schemas().new_tree(&mut runner).unwrap().current())
        .collect()
}

fn runner() -> TestRunner {
    TestRunner::new(Config {
        cases: 12,
        failure_persistence: None,
        ..Config::default()
    })
}

#[test]
fn random_schemas_seed_without_a_violation_on_sqlite() {
    let seeded = std::cell::Cell::new(0);
    runner()
        .run(&schemas(), |specs| {
            let defs = defs(DialectKind::Sqlite, &specs, "");
            let db = mizzle::sqlite::Database::open_in_memory().unwrap();
            db.execute_sql("PRAGMA foreign_keys = ON").unwrap();
            for statement in ddl(DialectKind::Sqlite, &defs) {
                db.execute_sql(&statement).unwrap();
            }
            if let Ok(statements) = seed::<Sqlite>(&defs, &specs).statements() {
                seeded.set(seeded.get() + 1);
                for statement in statements {
                    let sql = statement.sql.clone();
                    mizzle::exec::Executor::<Sqlite>::execute(&db, Ok(statement))
                        .map_err(|e| TestCaseError::fail(format!("{sql}: {e}")))?;
                }
            }
            Ok(())
        })
        .unwrap();
    assert!(seeded.get() >= 8, "most random schemas can be seeded: {}", seeded.get());
}

fn unreachable(server: &str, error: &dyn std::fmt::Display) {
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{server} is not reachable, and CI=true requires it: {error}");
    }
    eprintln!("skipped: {server} is not reachable: {error}");
}

#[tokio::test]
async fn random_schemas_seed_without_a_violation_on_postgres() {
    let url = std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let admin = match mizzle::pg::Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => return unreachable("PostgreSQL", &e),
    };
    admin
        .execute_sql("DROP SCHEMA IF EXISTS mizzle_seed_random CASCADE; CREATE SCHEMA mizzle_seed_random")
        .await
        .unwrap();
    let db = mizzle::pg::Database::connect(&format!("{url}?options=-c%20search_path%3Dmizzle_seed_random"))
        .await
        .unwrap();
    let cases = cases(12);
    let mut seeded = 0;
    for (n, specs) in cases.iter().enumerate() {
        let defs = defs(DialectKind::Pg, specs, &format!("s{n}_"));
        for statement in ddl(DialectKind::Pg, &defs) {
            db.execute_sql(&statement).await.unwrap();
        }
        if let Ok(statements) = seed::<Pg>(&defs, specs).statements() {
            seeded += 1;
            for statement in statements {
                let sql = statement.sql.clone();
                mizzle::exec::Executor::<Pg>::execute(&db, Ok(statement))
                    .await
                    .unwrap_or_else(|e| panic!("case {n} {specs:?}: {sql}: {e}"));
            }
        }
    }
    assert!(seeded >= 8, "most random schemas can be seeded: {seeded}");
}

#[tokio::test]
async fn random_schemas_seed_without_a_violation_on_mariadb() {
    let url = std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned());
    let admin = match mizzle::mysql::Database::connect(&url).await {
        Ok(db) => db,
        Err(e) => return unreachable("MySQL", &e),
    };
    admin
        .execute_sql("DROP DATABASE IF EXISTS mizzle_seed_random; CREATE DATABASE mizzle_seed_random")
        .await
        .unwrap();
    let db = mizzle::mysql::Database::connect(&format!("{}/mizzle_seed_random", &url[..url.rfind('/').unwrap()]))
        .await
        .unwrap();
    let cases = cases(12);
    let mut seeded = 0;
    for (n, specs) in cases.iter().enumerate() {
        let defs = defs(DialectKind::MySql, specs, &format!("s{n}_"));
        for statement in ddl(DialectKind::MySql, &defs) {
            db.execute_sql(&statement).await.unwrap();
        }
        if let Ok(statements) = seed::<MySql>(&defs, specs).statements() {
            seeded += 1;
            for statement in statements {
                let sql = statement.sql.clone();
                mizzle::exec::Executor::<MySql>::execute(&db, Ok(statement))
                    .await
                    .unwrap_or_else(|e| panic!("case {n} {specs:?}: {sql}: {e}"));
            }
        }
    }
    assert!(seeded >= 8, "most random schemas can be seeded: {seeded}");
}
