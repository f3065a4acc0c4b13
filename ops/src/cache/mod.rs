//! [`Cached`]: a database whose reads are answered from a Redis query cache, kept fresh by
//! table versions that every write through a cached handle moves on.
//!
//! A result is stored with the versions its tables had when the read began; a write bumps
//! the version of every table it names (`INCR`, in Redis, so every process sees it). A
//! result is served only while its tables' versions are the ones it was stored with, so a
//! write made between the read and the storing of its result leaves that result unserved.
//! A hit costs one round trip to Redis (`MGET` of the result and its tables' versions).

mod store;
mod tables;

pub use store::{CacheStats, RedisCache};

use mizzle_dsl::access::ReadWrite;
use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::exec::{BoxFuture, Executor, FetchAll, FetchFirst, KeepRows, TransactionOptions, Transactional};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;
use tables::tables_in;

/// A database with a query cache on Redis.
///
/// Reads (statements the query builder knows only read) are cached when asked:
/// every read through the handle with [`cache_every_read`](Self::cache_every_read), or one
/// query at a time through [`cached`](Self::cached). Every write through a `Cached` handle
/// (or one made with `cached`) makes the results that read its tables stale, in every
/// process that shares the Redis: the next read goes to the database. A
/// [`transaction`](Self::transaction) reads nothing from the cache, and makes stale what
/// it wrote once it commits. `execute_sql` and the rest of the database's own methods
/// run on it directly (the handle dereferences to it); [`invalidate`](Self::invalidate)
/// makes stale what they wrote.
pub struct Cached<DB, D> {
    db: DB,
    cache: RedisCache,
    every_read: Option<Duration>,
    dialect: PhantomData<fn() -> D>,
}

/// A transaction of a [`Cached`] database: its statements run on the transaction, and
/// the tables its writes name are made stale in the cache once it commits.
pub struct CachedTransaction<'t, Tx> {
    tx: &'t Tx,
    written: &'t Mutex<Vec<String>>,
}

impl<Tx> CachedTransaction<'_, Tx> {
    /// The backend's transaction, for what the cached one does not offer (savepoints,
    /// `execute_sql`); writes made on it directly are not seen by the cache.
    pub fn inner(&self) -> &Tx {
        self.tx
    }

    /// Notes the tables a statement that may write names.
    fn note<'s>(&self, statement: Result<RenderedSql<'s>, Error>) -> Result<RenderedSql<'s>, Error> {
        if let Ok(statement) = &statement {
            if !statement.read_only {
                let mut written = self.written.lock().unwrap_or_else(PoisonError::into_inner);
                written.extend(tables_in(&statement.sql));
            }
        }
        statement
    }
}

impl<D: Dialect, Tx: Executor<D>> Executor<D> for CachedTransaction<'_, Tx> {
    type Mode = Tx::Mode;
    type All<'a, T>
        = Tx::All<'a, T>
    where
        Self: 'a;
    type Get<'a, T>
        = Tx::Get<'a, T>
    where
        Self: 'a;
    type Execute<'a>
        = Tx::Execute<'a>
    where
        Self: 'a;

    fn fetch_all<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::All<'a, R::Row> {
        self.tx.fetch_all::<R>(self.note(statement))
    }

    fn fetch_first<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Get<'a, R::Row> {
        self.tx.fetch_first::<R>(self.note(statement))
    }

    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
        self.tx.execute(self.note(statement))
    }
}

impl<Tx> std::fmt::Debug for CachedTransaction<'_, Tx> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CachedTransaction")
    }
}

/// A [`Cached`] database whose reads are cached for a given time: `db.cached(ttl)`.
pub struct CachedFor<'c, DB, D> {
    cached: &'c Cached<DB, D>,
    ttl: Duration,
}

/// Rows from the database, or a result kept in the cache, to decode.
#[derive(Debug)]
pub enum Fetched<T> {
    /// Rows just fetched from the database.
    Fresh(T),
    /// A result read from the cache.
    Kept(Vec<u8>),
}

impl<DB: KeepRows<D>, D: Dialect> Cached<DB, D> {
    /// `db` with `cache`, caching nothing until asked.
    pub fn new(db: DB, cache: RedisCache) -> Self {
        Cached {
            db,
            cache,
            every_read: None,
            dialect: PhantomData,
        }
    }

    /// Caches every read through this handle for `ttl`.
    pub fn cache_every_read(mut self, ttl: Duration) -> Self {
        self.every_read = Some(ttl);
        self
    }

    /// This database, its reads cached for `ttl`: `query.all(&db.cached(ttl))`.
    pub fn cached(&self, ttl: Duration) -> CachedFor<'_, DB, D> {
        CachedFor { cached: self, ttl }
    }

    /// The cache.
    pub fn cache(&self) -> &RedisCache {
        &self.cache
    }

    /// Runs `f` in a transaction on the database. Nothing read in it comes from the cache;
    /// once it commits, the results that read a table it wrote are made stale.
    pub async fn transaction<T, E, F>(&self, f: F) -> Result<T, E>
    where
        DB: Transactional<D>,
        F: AsyncFnOnce(&CachedTransaction<'_, DB::Transaction<'_, ReadWrite>>) -> Result<T, E>,
        E: From<Error>,
    {
        let written = Mutex::new(Vec::new());
        let result = self
            .db
            .transaction_with(TransactionOptions::new(), async |tx| {
                f(&CachedTransaction { tx, written: &written }).await
            })
            .await;
        if result.is_ok() {
            let mut written = written.into_inner().unwrap_or_else(PoisonError::into_inner);
            written.sort();
            written.dedup();
            self.cache.bump(&written).await;
        }
        result
    }

    /// Makes every cached result that read one of `tables` stale: for writes the handle
    /// did not see (by `execute_sql`, in a transaction of the database's own, by another
    /// program).
    pub async fn invalidate(&self, tables: &[&str]) {
        let tables: Vec<String> = tables.iter().map(|table| (*table).to_owned()).collect();
        self.cache.bump(&tables).await;
    }

    /// Runs a statement that fetches rows: from the cache when it only reads and `ttl`
    /// asks for caching, else on the database (and then, for a write, its tables made
    /// stale).
    fn fetch<'a, T: Send + 'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
        ttl: Option<Duration>,
        run: Run<DB, T>,
        keep: fn(&T, &mut Vec<u8>),
    ) -> BoxFuture<'a, Result<Fetched<T>, Error>> {
        Box::pin(async move {
            let statement = statement?;
            match ttl {
                Some(ttl) if statement.read_only => self.read_through(statement, ttl, run, keep).await,
                _ => self.write_through(statement, run).await.map(Fetched::Fresh),
            }
        })
    }

    /// A read: the cached result while its tables are unchanged, else the database's,
    /// then cached.
    async fn read_through<T>(
        &self,
        statement: RenderedSql<'_>,
        ttl: Duration,
        run: Run<DB, T>,
        keep: fn(&T, &mut Vec<u8>),
    ) -> Result<Fetched<T>, Error> {
        let tables = tables_in(&statement.sql);
        let key = self.cache.result_key(&statement.sql, &format!("{:?}", statement.binds));
        let Some((entry, versions)) = self.cache.look_up(&key, &tables).await else {
            return run(&self.db, Ok(statement)).await.map(Fetched::Fresh);
        };
        if let Some(kept) = entry.and_then(|entry| kept_result(entry, &versions)) {
            self.cache.hit();
            return Ok(Fetched::Kept(kept));
        }
        self.cache.missed();
        let fresh = run(&self.db, Ok(statement)).await?;
        let mut entry = entry_header(&versions);
        keep(&fresh, &mut entry);
        self.cache.put(key, entry, ttl);
        Ok(Fetched::Fresh(fresh))
    }

    /// A statement that may write: run on the database, then the tables it names made
    /// stale, once it succeeded.
    async fn write_through<T>(&self, statement: RenderedSql<'_>, run: Run<DB, T>) -> Result<T, Error> {
        let tables = tables_in(&statement.sql);
        let result = run(&self.db, Ok(statement)).await;
        if result.is_ok() {
            self.cache.bump(&tables).await;
        }
        result
    }

    fn rows<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
        ttl: Option<Duration>,
    ) -> BoxFuture<'a, Result<Fetched<DB::Rows>, Error>> {
        self.fetch(statement, ttl, DB::rows, DB::keep_rows)
    }

    fn first<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
        ttl: Option<Duration>,
    ) -> BoxFuture<'a, Result<Option<Fetched<DB::Row>>, Error>> {
        // A first row that was not there keeps nothing.
        let keep = |row: &Option<DB::Row>, out: &mut Vec<u8>| {
            if let Some(row) = row {
                DB::keep_row(row, out);
            }
        };
        let fetched = self.fetch(statement, ttl, DB::first_row, keep);
        Box::pin(async move {
            Ok(match fetched.await? {
                Fetched::Fresh(row) => row.map(Fetched::Fresh),
                Fetched::Kept(kept) if kept.is_empty() => None,
                Fetched::Kept(kept) => Some(Fetched::Kept(kept)),
            })
        })
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        Box::pin(async move { self.write_through(statement?, DB::changed).await })
    }
}

/// One of a database's ways to run a statement.
type Run<DB, T> = for<'b> fn(&'b DB, Result<RenderedSql<'b>, Error>) -> BoxFuture<'b, Result<T, Error>>;

/// What opens a cached entry: a mark, then its tables' versions.
const ENTRY_MARK: &[u8; 4] = b"MZC1";

fn entry_header(versions: &[u64]) -> Vec<u8> {
    let mut entry = Vec::with_capacity(64 + versions.len() * 8);
    entry.extend_from_slice(ENTRY_MARK);
    entry.extend_from_slice(&(versions.len() as u16).to_le_bytes());
    for version in versions {
        entry.extend_from_slice(&version.to_le_bytes());
    }
    entry
}

/// The result an entry keeps, when the entry is one and its tables' versions are still
/// `versions` (empty for a first row that was not there); anything else is a miss.
fn kept_result(mut entry: Vec<u8>, versions: &[u64]) -> Option<Vec<u8>> {
    let header = entry_header(versions);
    entry.starts_with(&header).then(|| entry.split_off(header.len()))
}

fn decode_all<DB: KeepRows<D>, D: Dialect, R: DecodeRow<D>>(fetched: Fetched<DB::Rows>) -> Result<Vec<R::Row>, Error> {
    match fetched {
        Fetched::Fresh(rows) => DB::decode_all::<R>(rows),
        Fetched::Kept(kept) => DB::decode_kept::<R>(&kept),
    }
}

fn decode_first<DB: KeepRows<D>, D: Dialect, R: DecodeRow<D>>(fetched: Fetched<DB::Row>) -> Result<R::Row, Error> {
    match fetched {
        Fetched::Fresh(row) => DB::decode_first::<R>(row),
        Fetched::Kept(kept) => DB::decode_kept::<R>(&kept)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::Driver("a cached first row is missing".into())),
    }
}

impl<DB, D> Deref for Cached<DB, D> {
    type Target = DB;
    /// The database itself: transactions and `execute_sql` run there, uncached.
    fn deref(&self) -> &DB {
        &self.db
    }
}

/// A cached handle: the [`Cached`] database, and how long its reads are cached, if at all.
trait Handle<DB, D> {
    fn parts(&self) -> (&Cached<DB, D>, Option<Duration>);
}

impl<DB, D> Handle<DB, D> for Cached<DB, D> {
    fn parts(&self) -> (&Cached<DB, D>, Option<Duration>) {
        (self, self.every_read)
    }
}

impl<DB, D> Handle<DB, D> for CachedFor<'_, DB, D> {
    fn parts(&self) -> (&Cached<DB, D>, Option<Duration>) {
        (self.cached, Some(self.ttl))
    }
}

/// Implements `Executor` for a cached handle.
macro_rules! cached_executor {
    ($handle:ty) => {
        impl<DB: KeepRows<D>, D: Dialect> Executor<D> for $handle {
            type Mode = ReadWrite;
            type All<'a, T>
                = FetchAll<'a, Fetched<DB::Rows>, T>
            where
                Self: 'a;
            type Get<'a, T>
                = FetchFirst<'a, Fetched<DB::Row>, T>
            where
                Self: 'a;
            type Execute<'a>
                = BoxFuture<'a, Result<u64, Error>>
            where
                Self: 'a;

            fn fetch_all<'a, R: DecodeRow<D>>(
                &'a self,
                statement: Result<RenderedSql<'a>, Error>,
            ) -> Self::All<'a, R::Row> {
                let (cached, ttl) = self.parts();
                FetchAll::new(cached.rows(statement, ttl), decode_all::<DB, D, R>)
            }

            fn fetch_first<'a, R: DecodeRow<D>>(
                &'a self,
                statement: Result<RenderedSql<'a>, Error>,
            ) -> Self::Get<'a, R::Row> {
                let (cached, ttl) = self.parts();
                FetchFirst::new(cached.first(statement, ttl), decode_first::<DB, D, R>)
            }

            fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a> {
                self.parts().0.changed(statement)
            }
        }
    };
}

cached_executor!(Cached<DB, D>);
cached_executor!(CachedFor<'_, DB, D>);

impl<DB: std::fmt::Debug, D> std::fmt::Debug for Cached<DB, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cached")
            .field("db", &self.db)
            .field("cache", &self.cache)
            .field("every_read", &self.every_read)
            .finish()
    }
}

impl<DB, D> std::fmt::Debug for CachedFor<'_, DB, D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedFor")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}
