//! [`RedisCache`]: where cached results live, shared by every process that uses the same
//! Redis and prefix; down, it is no cache at all rather than an error.

use redis::aio::MultiplexedConnection;
use redis::AsyncConnectionConfig;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// A query cache on Redis. Made from a URL (`redis://127.0.0.1:6379/`), it connects
/// when first used; clones share the connection and the counts.
///
/// Keys are the prefix (`mizzle` unless [`prefix`](Self::prefix) says otherwise) then
/// `:q:` and the statement's SQL and values for a result, `:v:` and a table's name for
/// that table's version. A Redis that cannot be reached, or answers later than
/// [`timeout`](Self::timeout), makes the read go to the database as if there were no
/// cache: never an error. A warning (a `tracing` event) says so once per outage, and the
/// connection is tried again a second later.
#[derive(Clone)]
pub struct RedisCache {
    inner: Arc<Inner>,
}

struct Inner {
    client: redis::Client,
    prefix: String,
    timeout: Duration,
    /// The connection while Redis answers.
    connection: Mutex<Option<MultiplexedConnection>>,
    /// Until when Redis is taken for down after a failure.
    down_until: Mutex<Option<Instant>>,
    hits: AtomicU64,
    misses: AtomicU64,
    unavailable: AtomicU64,
}

/// How a cache has served so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CacheStats {
    /// Reads answered from the cache.
    pub hits: u64,
    /// Reads that went to the database and were then cached.
    pub misses: u64,
    /// Reads and writes for which Redis could not be reached (reads went to the database).
    pub unavailable: u64,
}

impl RedisCache {
    /// A cache on the Redis at `url`. Only the URL is checked here: a server that is down
    /// makes no error, now or later.
    pub fn new(url: &str) -> Result<Self, mizzle_dsl::Error> {
        let client = redis::Client::open(url).map_err(|e| mizzle_dsl::Error::connection(url, e))?;
        Ok(RedisCache {
            inner: Arc::new(Inner {
                client,
                prefix: "mizzle".to_owned(),
                timeout: Duration::from_millis(250),
                connection: Mutex::new(None),
                down_until: Mutex::new(None),
                hits: AtomicU64::new(0),
                misses: AtomicU64::new(0),
                unavailable: AtomicU64::new(0),
            }),
        })
    }

    /// Starts every key with `prefix` instead of `mizzle`: databases sharing one Redis
    /// each need their own.
    pub fn prefix(mut self, prefix: &str) -> Self {
        self.configure().prefix = prefix.to_owned();
        self
    }

    /// How long Redis may take to connect or answer before it is taken for down (250 ms
    /// by default).
    pub fn timeout(mut self, limit: Duration) -> Self {
        self.configure().timeout = limit;
        self
    }

    /// How the cache has served so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.inner.hits.load(Ordering::Relaxed),
            misses: self.inner.misses.load(Ordering::Relaxed),
            unavailable: self.inner.unavailable.load(Ordering::Relaxed),
        }
    }

    fn configure(&mut self) -> &mut Inner {
        Arc::get_mut(&mut self.inner).expect("a RedisCache is configured before it is cloned")
    }

    /// The key of a statement's result.
    pub(crate) fn result_key(&self, sql: &str, values: &str) -> String {
        format!("{}:q:{sql}\u{0}{values}", self.inner.prefix)
    }

    /// The key of a table's version.
    fn version_key(&self, table: &str) -> String {
        format!("{}:v:{table}", self.inner.prefix)
    }

    pub(crate) fn hit(&self) {
        self.inner.hits.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn missed(&self) {
        self.inner.misses.fetch_add(1, Ordering::Relaxed);
    }

    /// The cached entry at `key`, if any, and the current versions of `tables`, in one
    /// round trip; `None` when Redis cannot be reached.
    pub(crate) async fn look_up(&self, key: &str, tables: &[String]) -> Option<(Option<Vec<u8>>, Vec<u64>)> {
        let mut command = redis::cmd("MGET");
        command.arg(key);
        for table in tables {
            command.arg(self.version_key(table));
        }
        let mut answer: Vec<Option<Vec<u8>>> = self.query(command).await?;
        if answer.len() != tables.len() + 1 {
            return None;
        }
        let versions = answer
            .drain(1..)
            .map(|version| parse_version(version.as_deref()))
            .collect();
        Some((answer.pop().flatten(), versions))
    }

    /// Stores `entry` at `key` for `ttl`, in the background: the read that made it does
    /// not wait.
    pub(crate) fn put(&self, key: String, entry: Vec<u8>, ttl: Duration) {
        let cache = self.clone();
        tokio::spawn(async move {
            let mut command = redis::cmd("SET");
            command.arg(key).arg(entry).arg("PX").arg(ttl.as_millis().max(1) as u64);
            let _: Option<()> = cache.query(command).await;
        });
    }

    /// Moves the version of each of `tables` on, so that no result read before is served.
    pub(crate) async fn bump(&self, tables: &[String]) {
        if tables.is_empty() {
            return;
        }
        let mut pipe = redis::pipe();
        for table in tables {
            pipe.cmd("INCR").arg(self.version_key(table)).ignore();
        }
        let _: Option<()> = self.query_pipe(pipe).await;
    }

    async fn query<T: redis::FromRedisValue>(&self, command: redis::Cmd) -> Option<T> {
        let mut connection = self.connection().await?;
        match command.query_async(&mut connection).await {
            Ok(answer) => Some(answer),
            Err(error) => self.failed(&error),
        }
    }

    async fn query_pipe<T: redis::FromRedisValue>(&self, pipe: redis::Pipeline) -> Option<T> {
        let mut connection = self.connection().await?;
        match pipe.query_async(&mut connection).await {
            Ok(answer) => Some(answer),
            Err(error) => self.failed(&error),
        }
    }

    /// The connection, opened if needed; `None` while Redis is taken for down.
    async fn connection(&self) -> Option<MultiplexedConnection> {
        if let Some(connection) = lock(&self.inner.connection).clone() {
            return Some(connection);
        }
        if lock(&self.inner.down_until).is_some_and(|until| Instant::now() < until) {
            self.inner.unavailable.fetch_add(1, Ordering::Relaxed);
            return None;
        }
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(self.inner.timeout))
            .set_response_timeout(Some(self.inner.timeout));
        match self
            .inner
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await
        {
            Ok(connection) => {
                *lock(&self.inner.down_until) = None;
                *lock(&self.inner.connection) = Some(connection.clone());
                Some(connection)
            }
            Err(error) => self.failed(&error),
        }
    }

    /// Takes Redis for down for a second, warning when it was up.
    fn failed<T>(&self, error: &redis::RedisError) -> Option<T> {
        self.inner.unavailable.fetch_add(1, Ordering::Relaxed);
        lock(&self.inner.connection).take();
        let was_up = lock(&self.inner.down_until)
            .replace(Instant::now() + Duration::from_secs(1))
            .is_none();
        if was_up {
            tracing::warn!(
                target: "mizzle",
                "the query cache's Redis cannot be reached ({error}); reading from the database until it answers"
            );
        }
        None
    }
}

impl std::fmt::Debug for RedisCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisCache")
            .field("prefix", &self.inner.prefix)
            .field("stats", &self.stats())
            .finish_non_exhaustive()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// A table's version as Redis keeps it (a decimal integer); 0 when it has none yet.
fn parse_version(version: Option<&[u8]>) -> u64 {
    version
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .and_then(|text| text.parse().ok())
        .unwrap_or(0)
}
