//! PostgreSQL under faults a closure or an operator causes: a failed statement whose
//! error was ignored inside a transaction, and a table changed under prepared statements.

use super::schema::pg::{ddl, users};
use crate::support;
use mizzle::prelude::*;
use mizzle::{count, insert, select, Error};

/// Inserts a user with `email`, which is unique.
async fn add(tx: &mizzle::pg::Transaction<'_>, name: &str, email: &str) -> Result<u64, Error> {
    insert(users::table)
        .values((users::name.to(name), users::email.to(email)))
        .execute(tx)
        .await
}

async fn names(db: &mizzle::pg::Database) -> Vec<String> {
    select(users::name)
        .from(users::table)
        .order_by(users::name)
        .all(db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_transaction_whose_statement_failed_does_not_report_a_commit() {
    let Some(db) = support::pg("pg_aborted_commit", &ddl()).await else {
        return;
    };
    let result = db
        .transaction(async |tx| {
            add(tx, "Ada", "ada@example.com").await?;
            // A duplicate email: the server refuses it, and the closure ignores that.
            let ignored = add(tx, "Ada again", "ada@example.com").await;
            assert!(ignored.is_err());
            Ok::<_, Error>(())
        })
        .await;
    let error = result.unwrap_err();
    assert!(matches!(error, Error::TransactionAborted { .. }), "{error:?}");
    assert!(error.to_string().contains("rolled back, not committed"), "{error}");
    assert!(names(&db).await.is_empty(), "nothing was committed");

    // The connection went back to the pool sound.
    db.transaction(async |tx| add(tx, "Grace", "grace@example.com").await)
        .await
        .unwrap();
    assert_eq!(names(&db).await, ["Grace"]);
}

#[tokio::test]
async fn a_savepoint_whose_statement_failed_rolls_back_only_itself() {
    let Some(db) = support::pg("pg_aborted_savepoint", &ddl()).await else {
        return;
    };
    db.transaction(async |tx| {
        add(tx, "Ada", "ada@example.com").await?;
        let inner = tx
            .transaction(async |sp| {
                add(sp, "Grace", "grace@example.com").await?;
                let _ignored = add(sp, "Ada again", "ada@example.com").await;
                Ok::<_, Error>(())
            })
            .await;
        assert!(matches!(inner, Err(Error::TransactionAborted { .. })), "{inner:?}");
        // The outer transaction is sound again and commits.
        add(tx, "Linus", "linus@example.com").await
    })
    .await
    .unwrap();
    assert_eq!(names(&db).await, ["Ada", "Linus"]);
}

#[tokio::test]
async fn statements_prepared_before_a_column_type_change_are_prepared_again() {
    let options = mizzle::pg::PoolOptions {
        max_size: 2,
        ..Default::default()
    };
    let Some(db) = support::pg_with("pg_stale_statements", &ddl(), options).await else {
        return;
    };
    let emails = || select(users::email).from(users::table).order_by(users::id);
    insert(users::table)
        .values((users::name.to("Ada"), users::email.to("ada@example.com")))
        .execute(&db)
        .await
        .unwrap();
    // Prepare the statement on the kept connection and, in transactions, on the pool's.
    assert_eq!(emails().all(&db).await.unwrap(), [Some("ada@example.com".to_owned())]);
    for _ in 0..2 {
        db.transaction(async |tx| emails().all(tx).await).await.unwrap();
    }

    // varchar(255) to text: the statements' result type changes under them.
    db.execute_sql("ALTER TABLE users ALTER COLUMN email TYPE text")
        .await
        .unwrap();

    for _ in 0..3 {
        assert_eq!(emails().all(&db).await.unwrap(), [Some("ada@example.com".to_owned())]);
    }
    // In a transaction the failed statement aborted it: the error says to run it again,
    // and running it again works, on every connection of the pool.
    let mut failures = 0;
    for _ in 0..4 {
        let result = db
            .transaction(async |tx| {
                let count = select(count(users::id)).from(users::table).get(tx).await?;
                emails().all(tx).await.map(|emails| (count, emails))
            })
            .await;
        if let Err(error) = result {
            assert!(error.to_string().contains("run the transaction again"), "{error}");
            failures += 1;
        }
    }
    assert!(failures <= 2, "a connection failed more than once: {failures}");
}
