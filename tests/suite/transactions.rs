//! Transactions on the async backends: commit, rollback on error, on request and on
//! panic, savepoints, and options.

/// Writes the transaction scenarios for one async backend (see `scenarios!`).
macro_rules! transaction_scenarios {
    ($module:ident, $db:ty, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{count, insert, select, Error, TransactionOptions};
            use $schema::{ddl, users};

            async fn open(test: &str) -> Option<$db> {
                $connect(&format!("{}_{test}", stringify!($module)), &ddl()).await
            }

            async fn names(db: &$db) -> Vec<String> {
                select(users::name)
                    .from(users::table)
                    .order_by(users::name)
                    .all(db)
                    .await
                    .unwrap()
            }

            #[tokio::test]
            async fn a_transaction_commits_what_its_closure_wrote() {
                let Some(db) = open("tx_commit").await else { return };
                let written = db
                    .transaction(async |tx| {
                        insert(users::table)
                            .values(users::name.to("Ada"))
                            .execute(tx)
                            .await?;
                        select(count(users::id)).from(users::table).get(tx).await
                    })
                    .await
                    .unwrap();
                assert_eq!(written, Some(1));
                assert_eq!(names(&db).await, ["Ada"]);
            }

            #[tokio::test]
            async fn an_error_or_a_request_rolls_the_transaction_back() {
                let Some(db) = open("tx_rollback").await else {
                    return;
                };
                let requested: Result<(), Error> = db
                    .transaction(async |tx| {
                        insert(users::table)
                            .values(users::name.to("Ada"))
                            .execute(tx)
                            .await?;
                        Err(tx.rollback())
                    })
                    .await;
                assert!(matches!(requested, Err(Error::Rollback)));
                let failed: Result<u64, Error> = db
                    .transaction(async |tx| {
                        insert(users::table)
                            .values((users::name.to("Bob"), users::email.to("b@x")))
                            .execute(tx)
                            .await?;
                        insert(users::table)
                            .values((users::name.to("Bob 2"), users::email.to("b@x")))
                            .execute(tx)
                            .await
                    })
                    .await;
                assert_eq!(
                    failed.unwrap_err().db_kind(),
                    Some(mizzle::DbErrorKind::UniqueViolation)
                );
                assert!(names(&db).await.is_empty());
            }

            #[tokio::test]
            async fn a_failed_savepoint_keeps_the_outer_transaction() {
                let Some(db) = open("tx_savepoint").await else {
                    return;
                };
                db.transaction(async |tx| {
                    insert(users::table)
                        .values(users::name.to("Ada"))
                        .execute(tx)
                        .await?;
                    let inner: Result<(), Error> = tx
                        .transaction(async |sp| {
                            insert(users::table)
                                .values(users::name.to("Bob"))
                                .execute(sp)
                                .await?;
                            let deeper: Result<(), Error> = sp
                                .transaction(async |deep| {
                                    insert(users::table)
                                        .values(users::name.to("Dan"))
                                        .execute(deep)
                                        .await?;
                                    Ok(())
                                })
                                .await;
                            deeper?;
                            Err(sp.rollback())
                        })
                        .await;
                    assert!(matches!(inner, Err(Error::Rollback)));
                    tx.transaction(async |sp| {
                        insert(users::table)
                            .values(users::name.to("Cy"))
                            .execute(sp)
                            .await
                    })
                    .await?;
                    Ok::<_, Error>(())
                })
                .await
                .unwrap();
                assert_eq!(names(&db).await, ["Ada", "Cy"]);
            }

            #[tokio::test]
            async fn a_panic_rolls_the_transaction_back_and_the_pool_goes_on() {
                let Some(db) = open("tx_panic").await else { return };
                let in_task = db.clone();
                let task = tokio::spawn(async move {
                    in_task
                        .transaction(async |tx| {
                            insert(users::table)
                                .values(users::name.to("Ada"))
                                .execute(tx)
                                .await?;
                            if tx.rollback().to_string().contains("rolled back") {
                                panic!("the closure panics after writing");
                            }
                            Ok::<_, Error>(())
                        })
                        .await
                });
                assert!(task.await.unwrap_err().is_panic());
                assert!(names(&db).await.is_empty());
            }

            #[tokio::test]
            async fn a_read_only_transaction_reads_and_its_server_refuses_raw_writes() {
                let Some(db) = open("tx_read_only").await else {
                    return;
                };
                insert(users::table)
                    .values(users::name.to("Ada"))
                    .execute(&db)
                    .await
                    .unwrap();
                let options = TransactionOptions::new()
                    .isolation(mizzle::IsolationLevel::Serializable)
                    .read_only();
                // A typed write on `tx` does not compile
                // (compile-fail-tests/cases/a_read_only_transaction_cannot_write.rs);
                // raw SQL is refused by the server.
                let result: Result<Option<i64>, Error> = db
                    .transaction_with(options, async |tx| {
                        let seen = select(count(users::id)).from(users::table).get(tx).await?;
                        tx.execute_sql("DELETE FROM users").await?;
                        Ok(seen)
                    })
                    .await;
                assert!(matches!(result, Err(Error::Database { .. })), "{result:?}");
                assert_eq!(names(&db).await, ["Ada"]);
            }
        }
    };
}
pub(crate) use transaction_scenarios;
