//! `seed` through an application's migrations binary: the tables filled after migrate,
//! again with `--reset`, the same rows for the same seed.

use clap::Parser;
use mizzle_dsl::schema::Schema;
use mizzle_kit::cli::{run_with, seeder, Cli};
use std::process::ExitCode;

mod app {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null], email: Text [unique] } }
    mizzle_dsl::table! {
        pub posts in Sqlite { id: Integer [primary_key], author_id: Integer [not_null, references(users::id)], title: Text [not_null] }
    }
}

fn cli(args: &[&str]) -> Cli {
    Cli::parse_from(std::iter::once("migrations").chain(args.iter().copied()))
}

fn dump(path: &std::path::Path) -> Vec<String> {
    let db = rusqlite::Connection::open(path).unwrap();
    let mut statement = db
        .prepare("SELECT id || ':' || name || ':' || coalesce(email, '-') FROM users ORDER BY id")
        .unwrap();
    let rows = statement.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.collect::<Result<_, _>>().unwrap()
}

#[test]
fn seed_fills_the_migrated_tables_and_again_after_a_reset() {
    let schema = Schema::new().table(app::users::table).table(app::posts::table);
    let model = schema.model().unwrap();
    let seed = seeder(&schema);
    let dir = std::env::temp_dir().join(format!("mizzle_kit_seed_command_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let migrations = dir.join("migrations");
    let db = dir.join("app.db");
    let (m, u) = (migrations.to_str().unwrap(), db.to_str().unwrap());
    assert_eq!(
        run_with(cli(&["generate", "--dir", m]), Some(model.clone()), Some(&*seed)),
        ExitCode::SUCCESS
    );
    assert_eq!(
        run_with(cli(&["migrate", "--dir", m, "--url", u]), None, None),
        ExitCode::SUCCESS
    );
    assert_eq!(
        run_with(
            cli(&["seed", "--count", "15", "--seed", "9", "--url", u]),
            Some(model.clone()),
            Some(&*seed)
        ),
        ExitCode::SUCCESS
    );
    let first = dump(&db);
    assert_eq!(first.len(), 15);
    // Seeding again collides with the rows there; with --reset it starts over, the same.
    assert_eq!(
        run_with(
            cli(&["seed", "--count", "15", "--seed", "9", "--url", u]),
            Some(model.clone()),
            Some(&*seed)
        ),
        ExitCode::FAILURE
    );
    assert_eq!(
        run_with(
            cli(&["seed", "--count", "15", "--seed", "9", "--url", u, "--reset"]),
            Some(model.clone()),
            Some(&*seed)
        ),
        ExitCode::SUCCESS
    );
    assert_eq!(dump(&db), first);
    // The installed command has no tables to seed.
    assert_eq!(run_with(cli(&["seed", "--url", u]), None, None), ExitCode::FAILURE);
}
