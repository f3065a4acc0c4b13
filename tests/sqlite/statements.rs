//! Prepared statements kept per connection by the shape of their query.

use super::db;
use super::schema::users;
use mizzle::prelude::*;
use mizzle::sqlite::{AsyncDatabase, Database};
use mizzle::{insert, select};

fn add_users(db: &Database, names: &[&str]) {
    for name in names {
        insert(users::table).values(users::name.to(*name)).execute(db).unwrap();
    }
}

fn name_of(db: &Database, id: i64) -> Option<String> {
    select(users::name)
        .from(users::table)
        .filter(users::id.eq(id))
        .get(db)
        .unwrap()
}

fn id_of(db: &Database, name: &str) -> Option<i64> {
    select(users::id)
        .from(users::table)
        .filter(users::name.eq(name))
        .get(db)
        .unwrap()
}

#[test]
fn queries_of_alternating_shapes_each_run_their_own_statement_with_their_own_values() {
    let db = db();
    add_users(&db, &["Ada", "Grace", "Edsger"]);
    for _ in 0..3 {
        assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
        assert_eq!(id_of(&db, "Edsger"), Some(3));
        assert_eq!(name_of(&db, 2).as_deref(), Some("Grace"));
        assert_eq!(id_of(&db, "Nobody"), None);
    }
}

#[test]
fn more_shapes_than_a_connection_keeps_still_run_correctly() {
    let db = db();
    add_users(&db, &["Ada", "Grace", "Edsger"]);
    // Every LIMIT is its own shape: 300 of them, more than the 256 statements kept.
    for round in 0..2 {
        for limit in 1..=300u64 {
            let ids = select(users::id)
                .from(users::table)
                .order_by(users::id)
                .limit(limit)
                .all(&db)
                .unwrap();
            let expected: Vec<i64> = (1..=limit.min(3) as i64).collect();
            assert_eq!(ids, expected, "round {round}, limit {limit}");
        }
    }
}

#[test]
fn a_kept_statement_follows_the_table_when_it_is_dropped_and_made_again() {
    let db = db();
    add_users(&db, &["Ada"]);
    assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
    db.execute_sql("DROP TABLE posts; DROP TABLE users").unwrap();
    db.execute_sql(&mizzle::create_table(users::table).unwrap()).unwrap();
    assert_eq!(name_of(&db, 1), None, "the new table is empty");
    add_users(&db, &["Grace"]);
    assert_eq!(name_of(&db, 1).as_deref(), Some("Grace"));
}

#[test]
fn a_kept_statement_that_failed_runs_again_with_new_values() {
    let db = db();
    let add = |email: &str| {
        insert(users::table)
            .values((users::name.to("Ada"), users::email.to(email)))
            .execute(&db)
    };
    assert_eq!(add("ada@example.com").unwrap(), 1);
    let duplicate = add("ada@example.com").unwrap_err();
    assert_eq!(
        duplicate.db_kind(),
        Some(mizzle::DbErrorKind::UniqueViolation),
        "{duplicate}"
    );
    assert_eq!(add("lovelace@example.com").unwrap(), 1);
}

#[test]
fn a_database_with_kept_statements_moves_to_another_thread_and_goes_on() {
    let db = db();
    add_users(&db, &["Ada"]);
    assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
    let db = std::thread::spawn(move || {
        assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
        add_users(&db, &["Grace"]);
        db
    })
    .join()
    .unwrap();
    assert_eq!(name_of(&db, 2).as_deref(), Some("Grace"));
}

#[test]
fn an_async_database_is_shared_between_threads() {
    let shared = std::sync::Arc::new(AsyncDatabase::from(db()));
    let workers: Vec<_> = (0..2)
        .map(|worker| {
            let shared = std::sync::Arc::clone(&shared);
            std::thread::spawn(move || {
                for i in 0..50 {
                    let name = format!("worker {worker} user {i}");
                    let inserted = insert(users::table)
                        .values(users::name.to(name.as_str()))
                        .execute(&*shared);
                    assert_eq!(futures_now(inserted), 1);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    let count = select(users::id).from(users::table).all(&*shared);
    assert_eq!(futures_now(count).len(), 100);
}

/// The value of an already complete future: `AsyncDatabase` runs queries when called.
fn futures_now<T>(ready: std::future::Ready<Result<T, mizzle::Error>>) -> T {
    ready.into_inner().unwrap()
}

#[test]
fn a_kept_statement_follows_the_table_when_its_columns_change() {
    let db = db();
    add_users(&db, &["Ada"]);
    assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
    // SQLite prepares a kept statement again when the schema changed under it.
    db.execute_sql("ALTER TABLE users ADD COLUMN nickname text").unwrap();
    assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
    db.execute_sql("ALTER TABLE users DROP COLUMN nickname").unwrap();
    assert_eq!(name_of(&db, 1).as_deref(), Some("Ada"));
    assert_eq!(id_of(&db, "Ada"), Some(1));
}
