//! The query cache on a real Redis: hits and misses, invalidation by the writes made
//! through any handle sharing the Redis, reads inside transactions never cached, and a
//! Redis that is down taken for no cache at all.

use mizzle::ops::{Cached, RedisCache};
use mizzle::prelude::*;
use mizzle::{insert, select, update};
use std::time::Duration;

mod pg_schema {
    use mizzle::pg::*;
    mizzle::table! {
        pub products in Pg {
            id: Integer [primary_key],
            name: Text [not_null],
            price: Numeric<10, 2>,
            tags: Array<Text>,
        }
    }
}

mod mysql_schema {
    use mizzle::mysql::*;
    mizzle::table! {
        pub products in MySql {
            id: Int [primary_key],
            name: Text [not_null],
            added: DateTime,
        }
    }
}

/// The Redis of the tests, with keys of their own (`test`'s, and fresh for each run).
fn redis(test: &str) -> RedisCache {
    let url = std::env::var("MIZZLE_REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1:6379/".to_owned());
    let run = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    RedisCache::new(&url)
        .unwrap()
        .prefix(&format!("mizzle_test_{test}_{run}"))
}

/// Fails under CI when the tests' Redis does not answer (the cache would quietly do nothing).
async fn redis_answers(cache: &RedisCache) -> bool {
    let url = std::env::var("MIZZLE_REDIS_URL").unwrap_or_else(|_| "127.0.0.1:6379".to_owned());
    let up = tokio::net::TcpStream::connect(url.trim_start_matches("redis://").trim_end_matches('/'))
        .await
        .is_ok();
    if !up {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "Redis is not reachable, and CI=true requires it"
        );
        eprintln!("skipped: Redis is not reachable ({cache:?})");
    }
    up
}

/// Runs `read` until the cache answers it (a result is stored in the background), and
/// gives that answer.
async fn served_from_cache<F, R>(cache: &RedisCache, read: impl Fn() -> F) -> R
where
    F: std::future::Future<Output = Result<R, mizzle::Error>>,
{
    let before = cache.stats().hits;
    for _ in 0..50 {
        let answer = read().await.unwrap();
        if cache.stats().hits > before {
            return answer;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the result was never served from the cache: {:?}", cache.stats());
}

#[tokio::test]
async fn reads_are_served_from_redis_until_a_write_makes_them_stale() {
    use pg_schema::products;
    let ddl = [mizzle::create_table(products::table).unwrap()];
    let Some(db) = crate::support::pg("query_cache", &ddl).await else {
        return;
    };
    let cache = redis("pg");
    if !redis_answers(&cache).await {
        return;
    }
    let db = Cached::new(db, cache.clone()).cache_every_read(Duration::from_secs(60));
    insert(products::table)
        .values((
            products::id.to(1),
            products::name.to("lamp"),
            products::price.to(rust_decimal::Decimal::new(1999, 2)),
            products::tags.to(vec!["home".to_owned(), "light".to_owned()]),
        ))
        .execute(&db)
        .await
        .unwrap();
    let all = select((products::name, products::price, products::tags)).from(products::table);
    let first = all.all(&db).await.unwrap();
    assert_eq!(cache.stats().misses, 1);
    let again = served_from_cache(&cache, || all.all(&db)).await;
    assert_eq!(again, first, "the cached result decodes as the database's did");
    assert_eq!(first[0].0, "lamp");
    // A first row from the cache, and a first row that is not there.
    let named = |id: i32| select(products::name).from(products::table).filter(products::id.eq(id));
    for _ in 0..3 {
        assert_eq!(named(1).get(&db).await.unwrap().as_deref(), Some("lamp"));
        assert_eq!(named(2).get(&db).await.unwrap(), None);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(cache.stats().hits >= 3, "{:?}", cache.stats());

    // A write through the handle makes the results that read the table stale.
    update(products::table)
        .set(products::name.to("desk lamp"))
        .filter(products::id.eq(1))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(all.all(&db).await.unwrap()[0].0, "desk lamp");

    // Another handle on the same Redis (another process, say) sees the writes of this one.
    let other = Cached::new(db.clone(), cache.clone()).cache_every_read(Duration::from_secs(60));
    assert_eq!(all.all(&other).await.unwrap()[0].0, "desk lamp");
    tokio::time::sleep(Duration::from_millis(50)).await;
    update(products::table)
        .set(products::name.to("floor lamp"))
        .filter(products::id.eq(1))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(all.all(&other).await.unwrap()[0].0, "floor lamp");

    // Reads in a transaction go to the database, and its writes are made stale once it
    // commits.
    served_from_cache(&cache, || all.all(&db)).await;
    let inside = db
        .transaction(async |tx| {
            update(products::table)
                .set(products::name.to("table lamp"))
                .filter(products::id.eq(1))
                .execute(tx)
                .await?;
            all.all(tx).await
        })
        .await
        .unwrap();
    assert_eq!(inside[0].0, "table lamp");
    assert_eq!(all.all(&db).await.unwrap()[0].0, "table lamp");
    // A write the handle did not see is made stale by `invalidate`.
    served_from_cache(&cache, || all.all(&db)).await;
    db.execute_sql("UPDATE products SET name = 'wall lamp'").await.unwrap();
    db.invalidate(&["products"]).await;
    assert_eq!(all.all(&db).await.unwrap()[0].0, "wall lamp");
}

#[tokio::test]
async fn a_cache_asked_per_query_caches_only_those() {
    use pg_schema::products;
    let ddl = [mizzle::create_table(products::table).unwrap()];
    let Some(db) = crate::support::pg("query_cache_asked", &ddl).await else {
        return;
    };
    let cache = redis("asked");
    if !redis_answers(&cache).await {
        return;
    }
    let db = Cached::new(db, cache.clone());
    let names = select(products::name).from(products::table);
    assert!(names.all(&db).await.unwrap().is_empty());
    assert_eq!(cache.stats(), Default::default(), "not asked: not cached");
    assert!(names.all(&db.cached(Duration::from_secs(5))).await.unwrap().is_empty());
    assert_eq!(cache.stats().misses, 1);
}

#[tokio::test]
async fn a_redis_that_is_down_is_no_cache_and_no_error() {
    use pg_schema::products;
    let ddl = [mizzle::create_table(products::table).unwrap()];
    let Some(db) = crate::support::pg("query_cache_down", &ddl).await else {
        return;
    };
    // Nothing listens on port 1.
    let cache = RedisCache::new("redis://127.0.0.1:1/").unwrap();
    let db = Cached::new(db, cache.clone()).cache_every_read(Duration::from_secs(60));
    insert(products::table)
        .values((products::id.to(1), products::name.to("chair")))
        .execute(&db)
        .await
        .unwrap();
    for _ in 0..3 {
        let names = select(products::name).from(products::table).all(&db).await.unwrap();
        assert_eq!(names, ["chair"]);
    }
    let stats = cache.stats();
    assert_eq!((stats.hits, stats.misses), (0, 0));
    assert!(stats.unavailable >= 1, "{stats:?}");
}

#[tokio::test]
async fn mysql_results_are_cached_too() {
    use mysql_schema::products;
    let ddl = [mizzle::create_table(products::table).unwrap()];
    let Some(db) = crate::support::mysql("query_cache", &ddl).await else {
        return;
    };
    let cache = redis("mysql");
    if !redis_answers(&cache).await {
        return;
    }
    let db = Cached::new(db, cache.clone()).cache_every_read(Duration::from_secs(60));
    let added = chrono::NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(8, 30, 0)
        .unwrap();
    insert(products::table)
        .values((
            products::id.to(1),
            products::name.to("stool"),
            products::added.to(added),
        ))
        .execute(&db)
        .await
        .unwrap();
    let all = select((products::id, products::name, products::added)).from(products::table);
    let first = all.all(&db).await.unwrap();
    let again = served_from_cache(&cache, || all.all(&db)).await;
    assert_eq!(again, first);
    assert_eq!(first, [(1, "stool".to_owned(), Some(added))]);
}
