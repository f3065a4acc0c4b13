//! Read replicas on a real PostgreSQL hot standby: reads are served by the standby,
//! writes and transactions by the primary, and a replica that goes down is skipped and
//! taken back once it is up.

use mizzle::ops::Replicated;
use mizzle::prelude::*;
use mizzle::types::{Bool, Text};
use mizzle::{insert, select, sql};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

mod schema {
    use mizzle::pg::*;
    mizzle::table! {
        pub notes in Pg {
            id: Integer [primary_key],
            body: Text [not_null],
        }
    }
}
use schema::notes;

type PgReplicated = Replicated<mizzle::pg::Database, mizzle::pg::Pg>;

/// Whether the server that answers `$db`'s reads is in recovery (a standby).
macro_rules! read_by_standby {
    ($db:expr) => {
        select(sql::<Bool>("pg_is_in_recovery()"))
            .from(notes::table)
            .get($db)
            .await
            .unwrap()
            .expect("a row")
    };
}

/// The `application_name` of the connection that answers `db`'s reads.
async fn answered_by(db: &PgReplicated) -> String {
    select(sql::<Text>("current_setting('application_name')"))
        .from(notes::table)
        .get(db)
        .await
        .unwrap()
        .expect("a row")
}

/// The primary, with one note written, and the standby once it has replayed it.
async fn primary_with_a_note(test: &str) -> Option<mizzle::pg::Database> {
    let primary = crate::support::pg(test, &[mizzle::create_table(notes::table).unwrap()]).await?;
    insert(notes::table)
        .values((notes::id.to(1), notes::body.to("first")))
        .execute(&primary)
        .await
        .unwrap();
    Some(primary)
}

/// Waits (up to 20 s) until the standby `db` sees `count` notes.
async fn replayed(db: &mizzle::pg::Database, count: usize) {
    for _ in 0..200 {
        if let Ok(rows) = select(notes::id).from(notes::table).all(db).await {
            if rows.len() == count {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the standby did not replay the primary's {count} notes");
}

#[tokio::test]
async fn reads_go_to_the_standby_and_writes_and_transactions_to_the_primary() {
    let Some(primary) = primary_with_a_note("replicas_route").await else {
        return;
    };
    let Some(standby) = crate::support::pg_standby("replicas_route", None, "standby").await else {
        return;
    };
    replayed(&standby, 1).await;
    let db = Replicated::new(primary, [standby]);

    // A select goes to the standby, and so does a relational or prepared read.
    assert!(read_by_standby!(&db));
    assert!(read_by_standby!(db.replicas()));
    // Reading one's own writes: the primary, asked for.
    assert!(!read_by_standby!(db.primary()));
    // A stream of rows too.
    let in_recovery = select(sql::<Bool>("pg_is_in_recovery()")).from(notes::table);
    let mut rows = in_recovery.stream(&db);
    assert_eq!(rows.try_next().await.unwrap(), Some(true));
    assert_eq!(rows.try_next().await.unwrap(), None);

    // Writes go to the primary (the standby would refuse them: it is read-only).
    insert(notes::table)
        .values((notes::id.to(2), notes::body.to("second")))
        .execute(&db)
        .await
        .unwrap();
    let returned = insert(notes::table)
        .values((notes::id.to(3), notes::body.to("third")))
        .returning(notes::body)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(returned, ["third"]);
    // A locking select writes (it takes row locks): the primary.
    let locked = select(sql::<Bool>("pg_is_in_recovery()"))
        .from(notes::table)
        .filter(notes::id.eq(1))
        .for_update()
        .get(&db)
        .await
        .unwrap();
    assert_eq!(locked, Some(false));
    // A transaction runs on the primary, reads and all.
    let in_recovery = db
        .transaction(async |tx| {
            insert(notes::table)
                .values((notes::id.to(4), notes::body.to("fourth")))
                .execute(tx)
                .await?;
            select(sql::<Bool>("pg_is_in_recovery()"))
                .from(notes::table)
                .get(tx)
                .await
        })
        .await
        .unwrap();
    assert_eq!(in_recovery, Some(false));
    // The standby catches up with the writes.
    replayed(db.replicas().get(0).unwrap(), 4).await;
    let bodies = select(notes::body)
        .from(notes::table)
        .order_by(notes::id.asc())
        .all(&db)
        .await
        .unwrap();
    assert_eq!(bodies, ["first", "second", "third", "fourth"]);
}

#[tokio::test]
async fn reads_are_shared_round_robin_or_by_a_chooser() {
    let Some(primary) = primary_with_a_note("replicas_choose").await else {
        return;
    };
    let (Some(a), Some(b)) = (
        crate::support::pg_standby("replicas_choose", None, "replica_a").await,
        crate::support::pg_standby("replicas_choose", None, "replica_b").await,
    ) else {
        return;
    };
    replayed(&a, 1).await;
    let db = Replicated::new(primary.clone(), [a, b]);
    let mut answers = Vec::new();
    for _ in 0..4 {
        answers.push(answered_by(&db).await);
    }
    assert_eq!(answers, ["replica_a", "replica_b", "replica_a", "replica_b"]);

    let (Some(a), Some(b)) = (
        crate::support::pg_standby("replicas_choose", None, "replica_a").await,
        crate::support::pg_standby("replicas_choose", None, "replica_b").await,
    ) else {
        return;
    };
    let db = Replicated::new(primary, [a, b]).chooser(|up: &[usize]| *up.last().unwrap());
    for _ in 0..3 {
        assert_eq!(answered_by(&db).await, "replica_b");
    }
}

/// A TCP relay to the standby that the test can take down and bring back on the same port.
struct Relay {
    port: u16,
    task: Option<JoinHandle<()>>,
}

impl Relay {
    async fn start(port: u16) -> Relay {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let task = tokio::spawn(async move {
            let mut links = tokio::task::JoinSet::new();
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    return;
                };
                links.spawn(async move {
                    if let Ok(mut server) = TcpStream::connect("127.0.0.1:5433").await {
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                    }
                });
            }
        });
        Relay { port, task: Some(task) }
    }

    /// Closes the port and every connection through it.
    async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }
}

#[tokio::test]
async fn a_replica_that_is_down_is_skipped_and_taken_back_later() {
    let Some(primary) = primary_with_a_note("replicas_down").await else {
        return;
    };
    let Some(standby) = crate::support::pg_standby("replicas_down", None, "standby").await else {
        return;
    };
    replayed(&standby, 1).await;
    let mut relay = Relay::start(0).await;
    let through = format!("postgres://postgres@127.0.0.1:{}/test", relay.port);
    let Some(replica) = crate::support::pg_standby("replicas_down", Some(&through), "relayed").await else {
        return;
    };
    let db = Replicated::new(primary, [replica]).retry_after(Duration::from_millis(300));
    assert!(read_by_standby!(&db));
    assert!(db.replicas().is_up(0));

    // The replica goes away: the read is served by the primary, not failed.
    relay.stop().await;
    assert!(!read_by_standby!(&db));
    assert!(!db.replicas().is_up(0));
    // While it is set aside, reads do not try it.
    assert!(!read_by_standby!(&db));

    // It comes back; after the wait it serves reads again.
    let _relay = Relay::start(relay.port).await;
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(read_by_standby!(&db));
    assert!(db.replicas().is_up(0));
}

#[tokio::test]
async fn a_query_cache_sits_in_front_of_a_replicated_database() {
    use mizzle::ops::{Cached, RedisCache};
    let Some(primary) = primary_with_a_note("replicas_cached").await else {
        return;
    };
    let Some(standby) = crate::support::pg_standby("replicas_cached", None, "standby").await else {
        return;
    };
    replayed(&standby, 1).await;
    let url = std::env::var("MIZZLE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_owned());
    if tokio::net::TcpStream::connect("127.0.0.1:6379").await.is_err() && std::env::var("MIZZLE_REDIS_URL").is_err() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Redis is not reachable, and CI=true requires it"
        );
        return;
    }
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let cache = RedisCache::new(&url)
        .unwrap()
        .prefix(&format!("mizzle_test_replicas_{run}"));
    let db = Cached::new(Replicated::new(primary, [standby]), cache.clone()).cache_every_read(Duration::from_secs(60));
    let bodies = select(notes::body).from(notes::table).order_by(notes::id.asc());
    assert_eq!(bodies.all(&db).await.unwrap(), ["first"]);
    // Served from Redis once stored.
    for _ in 0..50 {
        if cache.stats().hits > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(bodies.all(&db).await.unwrap(), ["first"]);
    }
    assert!(cache.stats().hits > 0, "{:?}", cache.stats());
    // A write goes to the primary and makes the cached result stale; a transaction too.
    insert(notes::table)
        .values((notes::id.to(2), notes::body.to("second")))
        .execute(&db)
        .await
        .unwrap();
    db.transaction(async |tx| {
        insert(notes::table)
            .values((notes::id.to(3), notes::body.to("third")))
            .execute(tx)
            .await
    })
    .await
    .unwrap();
    // Once the standby has replayed them, the read through the cache has them.
    replayed(db.replicas().get(0).unwrap(), 3).await;
    assert_eq!(bodies.all(&db).await.unwrap(), ["first", "second", "third"]);
}
