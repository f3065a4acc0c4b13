//! SQLite transactions: commit, rollback on error, on request and on panic, savepoints.

use super::db;
use super::schema::users;
use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle::{count, insert, select, Error};

fn names(db: &Database) -> Vec<String> {
    select(users::name)
        .from(users::table)
        .order_by(users::name)
        .all(db)
        .unwrap()
}

#[test]
fn a_transaction_commits_what_its_closure_wrote() {
    let db = db();
    db.transaction(|tx| insert(users::table).values(users::name.to("Ada")).execute(tx))
        .unwrap();
    assert_eq!(names(&db), ["Ada"]);
}

#[test]
fn an_error_or_a_request_rolls_the_transaction_back() {
    let db = db();
    let requested: Result<(), Error> = db.transaction(|tx| {
        insert(users::table).values(users::name.to("Ada")).execute(tx)?;
        Err(tx.rollback())
    });
    assert!(matches!(requested, Err(Error::Rollback)));
    let failed = db.transaction(|tx| {
        insert(users::table)
            .values((users::name.to("Bob"), users::email.to("b@x")))
            .execute(tx)?;
        insert(users::table)
            .values((users::name.to("Bob 2"), users::email.to("b@x")))
            .execute(tx)
    });
    assert_eq!(
        failed.unwrap_err().db_kind(),
        Some(mizzle::DbErrorKind::UniqueViolation)
    );
    assert!(names(&db).is_empty());
}

#[test]
fn a_failed_savepoint_keeps_the_outer_transaction() {
    let db = db();
    db.transaction(|tx| {
        insert(users::table).values(users::name.to("Ada")).execute(tx)?;
        let inner: Result<(), Error> = tx.transaction(|sp| {
            insert(users::table).values(users::name.to("Bob")).execute(sp)?;
            Err(sp.rollback())
        });
        assert!(inner.is_err());
        tx.transaction(|sp| insert(users::table).values(users::name.to("Cy")).execute(sp))?;
        Ok::<_, Error>(())
    })
    .unwrap();
    assert_eq!(names(&db), ["Ada", "Cy"]);
}

#[test]
fn a_panic_rolls_the_transaction_back() {
    let db = db();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        db.transaction(|tx| {
            insert(users::table).values(users::name.to("Ada")).execute(tx)?;
            if tx.rollback().to_string().contains("rolled back") {
                panic!("the closure panics after writing");
            }
            Ok::<_, Error>(())
        })
    }));
    assert!(outcome.is_err());
    assert!(names(&db).is_empty());
    // The connection is usable afterwards: no transaction was left open.
    db.transaction(|tx| insert(users::table).values(users::name.to("Bob")).execute(tx))
        .unwrap();
    assert_eq!(names(&db), ["Bob"]);
}

#[test]
fn a_read_only_transaction_reads_refuses_raw_writes_and_leaves_the_connection_writable() {
    let db = db();
    insert(users::table).values(users::name.to("Ada")).execute(&db).unwrap();
    let options = mizzle::TransactionOptions::new().read_only();
    // A typed write on `tx` does not compile (compile-fail-tests); raw SQL is refused
    // by `PRAGMA query_only`.
    let result: Result<Option<i64>, mizzle::Error> = db.transaction_with(options, |tx| {
        let seen = select(count(users::id)).from(users::table).get(tx)?;
        tx.execute_sql("DELETE FROM users")?;
        Ok(seen)
    });
    let error = result.unwrap_err();
    assert!(error.to_string().contains("readonly"), "{error}");
    // Committed or rolled back, the connection writes again.
    let seen = db
        .transaction_with(mizzle::TransactionOptions::new().read_only(), |tx| {
            select(count(users::id)).from(users::table).get(tx)
        })
        .unwrap();
    assert_eq!(seen, Some(1));
    insert(users::table)
        .values(users::name.to("Grace"))
        .execute(&db)
        .unwrap();
}
