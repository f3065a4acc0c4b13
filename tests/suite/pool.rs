//! Pools and the kept connection on the server backends: waiting for a connection, a
//! connection the server ended, statements one after another and at once.

/// Writes the pool scenarios for one server backend (see `scenarios!`). `$options` is its
/// `PoolOptions`, `$connect_with` the support function that opens a fresh database with
/// them, `$session` the server's id of the connection the next statement runs on, and
/// `$end_session` the function that ends that connection from another one. The module
/// also offers `one_connection_with_ada`, for the backend's own scenarios.
macro_rules! pool_scenarios {
    (
        $module:ident, $db:ty, $options:path, $schema:path, $connect:path, $connect_with:path,
        $session:path, $end_session:path
    ) => {
        pub(super) mod $module {
            use mizzle::prelude::*;
            use mizzle::{insert, select, Error};
            use std::time::Duration;
            use $options as PoolOptions;
            use $schema::{ddl, users};

            fn name(test: &str) -> String {
                format!("{}_{test}", stringify!($module))
            }

            /// A database of one connection, its `users` holding Ada.
            pub(crate) async fn one_connection_with_ada(test: &str) -> Option<$db> {
                let options = PoolOptions {
                    max_size: 1,
                    ..Default::default()
                };
                let db = $connect_with(&name(test), &ddl(), options).await?;
                insert(users::table)
                    .values(users::name.to("Ada"))
                    .execute(&db)
                    .await
                    .unwrap();
                Some(db)
            }

            #[tokio::test]
            async fn a_query_waiting_too_long_for_a_connection_times_out() {
                let options = PoolOptions {
                    max_size: 1,
                    wait_timeout: Some(Duration::from_millis(200)),
                    ..Default::default()
                };
                let Some(db) = $connect_with(&name("timeout"), &ddl(), options).await else {
                    return;
                };
                let inner = db
                    .transaction(async |_tx| Ok::<_, Error>(select(users::name).from(users::table).all(&db).await))
                    .await
                    .unwrap();
                assert!(matches!(inner, Err(Error::PoolTimeout)), "{inner:?}");
            }

            #[tokio::test]
            async fn a_broken_connection_is_replaced_not_handed_out() {
                let Some(db) = one_connection_with_ada("broken").await else {
                    return;
                };
                let ended = $end_session(&db).await;
                // Not prepared on the ended connection yet: it is found closed first.
                let names = select(users::name).from(users::table).all(&db).await.unwrap();
                assert_eq!(names, ["Ada"]);
                assert_ne!($session(&db).await, ended);
            }

            #[tokio::test]
            async fn statements_run_one_after_another_stay_on_one_connection() {
                let Some(db) = $connect(&name("kept_one"), &ddl()).await else {
                    return;
                };
                let ada =
                    || insert(users::table).values((users::name.to("Ada"), users::email.to(Some("ada@example.com"))));
                ada().execute(&db).await.unwrap();
                let first = $session(&db).await;
                for _ in 0..20 {
                    assert_eq!($session(&db).await, first);
                }
                // An error the server answered with leaves the connection sound: it is kept.
                let error = ada().execute(&db).await.unwrap_err();
                assert!(matches!(error, Error::Database { .. }), "{error:?}");
                assert_eq!($session(&db).await, first);
            }

            #[tokio::test]
            async fn statements_running_at_once_on_one_connection_take_turns() {
                let options = PoolOptions {
                    max_size: 1,
                    wait_timeout: Some(Duration::from_secs(5)),
                    ..Default::default()
                };
                let Some(db) = $connect_with(&name("kept_turns"), &ddl(), options).await else {
                    return;
                };
                insert(users::table)
                    .values(users::name.to("Ada"))
                    .execute(&db)
                    .await
                    .unwrap();
                // The second waits for the pool's one connection while the first runs on it
                // and then keeps it: it must be handed over, not left in the slot while the
                // wait times out.
                let (one, other) = (
                    select(users::name).from(users::table),
                    select(users::name).from(users::table),
                );
                let (first, second) = tokio::join!(one.all(&db), other.all(&db));
                assert_eq!(first.unwrap(), ["Ada"]);
                assert_eq!(second.unwrap(), ["Ada"]);
                // A transaction waiting meanwhile gets the connection too.
                let grace = insert(users::table).values(users::name.to("Grace"));
                let (names, inserted) = tokio::join!(one.all(&db), db.transaction(async |tx| grace.execute(tx).await));
                assert_eq!(names.unwrap(), ["Ada"]);
                assert_eq!(inserted.unwrap(), 1);
            }
        }
    };
}

pool_scenarios!(
    pool_on_postgres,
    mizzle::pg::Database,
    mizzle::pg::PoolOptions,
    super::super::schema::pg,
    crate::support::pg,
    crate::support::pg_with,
    super::super::pg::backend_pid,
    super::super::pg::terminate_next_connection
);
pool_scenarios!(
    pool_on_mysql,
    mizzle::mysql::Database,
    mizzle::mysql::PoolOptions,
    super::super::schema::my,
    crate::support::mysql,
    crate::support::mysql_with,
    super::super::mysql::connection_id,
    super::super::mysql::kill_next_connection
);
