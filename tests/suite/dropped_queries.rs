//! A query whose future is dropped while its statement runs (a timeout around it ran
//! out) is stopped on the server, and the database goes on serving; a query run with a
//! per-query timeout fails with `Error::QueryTimeout` and is stopped alike.

/// Writes the scenario for one server: `$slow` sleeps a minute and names itself
/// `mizzle_dropped_query`; `$running` counts the statements of that name still running.
macro_rules! dropped_query {
    ($name:ident, $dialect:ident, $d:ident, $int:ident, $connect:path, $slow:literal, $running:literal) => {
        #[tokio::test]
        async fn $name() {
            use mizzle::prelude::*;
            use mizzle::types::{BigInt, Text};
            use mizzle::{insert, select, sql};
            use std::time::Duration;
            mod sleepers {
                use mizzle::$dialect::*;
                mizzle::table! {
                    pub one in $d {
                        id: $int [primary_key],
                    }
                }
            }
            use sleepers::one;
            let Some(db) = $connect("dropped_query", &[mizzle::create_table(one::table).unwrap()]).await else {
                return;
            };
            insert(one::table)
                .values(one::id.to(1))
                .execute(&db)
                .await
                .unwrap();
            let slow = select(sql::<Text>($slow)).from(one::table);
            // The caller gives up: the future is dropped with the statement running.
            let gave_up = tokio::time::timeout(Duration::from_millis(300), slow.all(&db)).await;
            assert!(gave_up.is_err());
            let running = || async {
                select(sql::<BigInt>($running))
                    .from(one::table)
                    .get(&db)
                    .await
                    .unwrap()
            };
            // The server stops it long before its minute is up.
            let stopped = || async {
                let mut left = running().await;
                for _ in 0..200 {
                    if left == Some(0) {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    left = running().await;
                }
                assert_eq!(left, Some(0), "the dropped statement still runs on the server");
            };
            stopped().await;
            assert_eq!(select(one::id).from(one::table).all(&db).await.unwrap(), [1]);

            // A per-query timeout: a typed error, and the statement stopped alike.
            use mizzle::ops::WithTimeout;
            let limit = Duration::from_millis(300);
            let error = slow.all(&db.timeout(limit)).await.unwrap_err();
            assert!(matches!(error, mizzle::Error::QueryTimeout { after } if after == limit), "{error}");
            stopped().await;
            // A query within its limit runs as usual.
            let ids = select(one::id).from(one::table).all(&db.timeout(Duration::from_secs(30))).await;
            assert_eq!(ids.unwrap(), [1]);
        }
    };
}

dropped_query!(
    on_postgres,
    pg,
    Pg,
    Integer,
    crate::support::pg,
    "pg_sleep(60)::text || 'mizzle_dropped_query'",
    "(SELECT count(*) FROM pg_stat_activity WHERE state = 'active' \
     AND query LIKE '%mizzle_dropped_query%' AND pid <> pg_backend_pid())"
);
dropped_query!(
    on_mysql,
    mysql,
    MySql,
    Int,
    crate::support::mysql,
    "CONCAT(SLEEP(60), 'mizzle_dropped_query')",
    "(SELECT COUNT(*) FROM information_schema.processlist \
     WHERE info LIKE '%mizzle_dropped_query%' AND info NOT LIKE '%processlist%')"
);
