//! MariaDB under faults: a deadlock inside a savepoint, a value larger than the server
//! takes, and a transaction dropped while its statement still runs on the server.

use super::schema::my::{ddl, users};
use crate::support;
use mizzle::prelude::*;
use mizzle::{insert, select, sql, update, DbErrorKind, Error};
use std::sync::Mutex;
use std::time::Duration;

/// More than MariaDB's default `max_allowed_packet` (16 MiB).
fn oversized_name() -> String {
    "x".repeat(17 * 1024 * 1024)
}

#[track_caller]
fn assert_names_max_allowed_packet(error: Error) {
    assert!(matches!(error, Error::Encode { .. }), "{error:?}");
    assert!(error.to_string().contains("max_allowed_packet of"), "{error}");
}

#[tokio::test]
async fn a_value_over_max_allowed_packet_names_the_limit() {
    let Some(db) = support::mysql("my_packet", &ddl()).await else {
        return;
    };
    let huge = oversized_name();
    let error = insert(users::table)
        .values(users::name.to(huge.as_str()))
        .execute(&db)
        .await
        .unwrap_err();
    assert_names_max_allowed_packet(error);
    let error = db
        .transaction(async |tx| {
            insert(users::table)
                .values(users::name.to(huge.as_str()))
                .execute(tx)
                .await
        })
        .await
        .unwrap_err();
    assert_names_max_allowed_packet(error);
    // The database is still usable.
    insert(users::table)
        .values(users::name.to("Ada"))
        .execute(&db)
        .await
        .unwrap();
}

/// Two transactions lock the two users' rows in opposite orders (each inside a savepoint
/// when `in_savepoint`): one of them must fail with a deadlock.
async fn deadlock(test: &str, in_savepoint: bool) {
    let Some(db) = support::mysql(test, &ddl()).await else {
        return;
    };
    insert(users::table)
        .values(vec![users::name.to("a"), users::name.to("b")])
        .execute(&db)
        .await
        .unwrap();
    let ids = select(users::id)
        .from(users::table)
        .order_by(users::id)
        .all(&db)
        .await
        .unwrap();
    let barrier = tokio::sync::Barrier::new(2);
    // Each locks one row by its key, waits for the other, then reaches for the other's row.
    let lock_both = async |tx: &mizzle::mysql::Transaction<'_>, first: u64, second: u64| {
        update(users::table)
            .set(users::name.to("x"))
            .filter(users::id.eq(first))
            .execute(tx)
            .await?;
        barrier.wait().await;
        update(users::table)
            .set(users::name.to("y"))
            .filter(users::id.eq(second))
            .execute(tx)
            .await
    };
    let locker = |first: u64, second: u64| {
        let (db, lock_both) = (&db, &lock_both);
        async move {
            db.transaction(async |tx| match in_savepoint {
                true => tx.transaction(async |sp| lock_both(sp, first, second).await).await,
                false => lock_both(tx, first, second).await,
            })
            .await
        }
    };
    let both = async { tokio::join!(locker(ids[0], ids[1]), locker(ids[1], ids[0])) };
    let (a, b) = tokio::time::timeout(Duration::from_secs(30), both)
        .await
        .expect("the conflict resolves within 30 s");
    let failure = a.err().or(b.err()).expect("one of two deadlocked transactions fails");
    assert_eq!(failure.db_kind(), Some(DbErrorKind::Deadlock), "{failure}");
}

#[tokio::test]
async fn transactions_locking_in_opposite_orders_get_a_deadlock() {
    deadlock("my_deadlock", false).await;
}

#[tokio::test]
async fn a_deadlock_inside_a_savepoint_keeps_its_kind() {
    // MariaDB rolls the whole transaction back, savepoint and all; the deadlock, not the
    // failed ROLLBACK TO SAVEPOINT after it, is what the caller hears about.
    deadlock("my_savepoint_deadlock", true).await;
}

/// The state of the server's session with thread id `id` (`User sleep` during a
/// `SLEEP`), or `None` once it is gone; asked from the test's database.
async fn session_state(id: i64) -> Option<String> {
    let admin = mizzle::mysql::Database::connect(&support::mysql_test_url("my_dropped_transaction"))
        .await
        .unwrap();
    let state: Option<Option<String>> = select(
        sql::<mizzle::types::Text>("(SELECT COALESCE(MAX(state), '') FROM information_schema.processlist WHERE id = ")
            .bind(id)
            .text(" HAVING COUNT(*) > 0)")
            .nullable(),
    )
    .from(users::table)
    .limit(1)
    .get(&admin)
    .await
    .unwrap();
    state.flatten()
}

#[tokio::test]
async fn a_dropped_transaction_is_rolled_back_without_waiting_for_its_statement() {
    let Some(db) = support::mysql("my_dropped_transaction", &ddl()).await else {
        return;
    };
    insert(users::table)
        .values(users::name.to("Ada"))
        .execute(&db)
        .await
        .unwrap();
    let session = Mutex::new(None);
    let abandoned = db.transaction(async |tx| {
        update(users::table)
            .set(users::name.to("locked"))
            .all_rows()
            .execute(tx)
            .await?;
        let id = select(sql::<mizzle::types::BigInt>("CONNECTION_ID()"))
            .from(users::table)
            .limit(1)
            .get(tx)
            .await?;
        *session.lock().unwrap() = id;
        // Holds the row lock for a minute, unless the session is ended.
        tx.execute_sql("SELECT SLEEP(60)").await
    });
    // Run the transaction until the server shows its session in the SLEEP, then drop it
    // there: mid-statement, holding the row lock.
    let mut abandoned = Box::pin(abandoned);
    let id = loop {
        tokio::select! {
            result = &mut abandoned => panic!("the transaction ended before it was dropped: {result:?}"),
            _ = tokio::time::sleep(Duration::from_millis(20)) => {}
        }
        let known = *session.lock().unwrap();
        if let Some(id) = known {
            if session_state(id).await.as_deref() == Some("User sleep") {
                break id;
            }
        }
    };
    drop(abandoned);

    // The session ends soon, not when its SLEEP does (a bounded wait, well inside the
    // minute the SLEEP would take; no time is asserted).
    let mut ended = false;
    for _ in 0..400 {
        if session_state(id).await.is_none() {
            ended = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(ended, "the dropped transaction's session {id} is still on the server");
    // Its update was rolled back and its lock let go.
    db.transaction(async |tx| {
        tx.execute_sql("SET SESSION innodb_lock_wait_timeout = 1").await?;
        update(users::table)
            .set(users::name.to("Grace"))
            .all_rows()
            .execute(tx)
            .await
    })
    .await
    .unwrap();
    assert_eq!(
        select(users::name).from(users::table).all(&db).await.unwrap(),
        ["Grace"]
    );
}

#[tokio::test]
async fn statements_prepared_before_a_column_type_change_still_run() {
    let options = mizzle::mysql::PoolOptions {
        max_size: 2,
        ..Default::default()
    };
    let Some(db) = support::mysql_with("my_stale_statements", &ddl(), options).await else {
        return;
    };
    let emails = || select(users::email).from(users::table).order_by(users::id);
    insert(users::table)
        .values((users::name.to("Ada"), users::email.to("ada@example.com")))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(emails().all(&db).await.unwrap(), [Some("ada@example.com".to_owned())]);
    db.transaction(async |tx| emails().all(tx).await).await.unwrap();
    db.execute_sql("ALTER TABLE users MODIFY email TEXT").await.unwrap();
    for _ in 0..2 {
        assert_eq!(emails().all(&db).await.unwrap(), [Some("ada@example.com".to_owned())]);
        db.transaction(async |tx| emails().all(tx).await).await.unwrap();
    }
}
