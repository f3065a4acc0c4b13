//! [`Replicated`]: a primary database and its read replicas behind one handle.

use mizzle_dsl::access::{AccessMode, ReadOnly, ReadWrite};
use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::exec::{BoxFuture, KeepRows, RawExecutor, StreamExecutor, TransactionOptions, Transactional};
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;
use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Picks the replica a read goes to: given the indexes (in the order the replicas were
/// given) of those that are up, returns one of them.
type Chooser = Arc<dyn Fn(&[usize]) -> usize + Send + Sync>;

/// One of a database's ways to run a statement ([`RawExecutor::rows`], …).
type Run<DB, T> = for<'b> fn(&'b DB, Result<RenderedSql<'b>, Error>) -> BoxFuture<'b, Result<T, Error>>;

/// A primary database and one or more read replicas.
///
/// A statement the query builder knows only reads (a select without a row lock, a
/// relational query) goes to a replica, chosen round robin or by [`chooser`](Self::chooser);
/// every other statement — inserts, updates, deletes, locking selects, raw SQL — goes to
/// the primary, and so do transactions and `execute_sql` (the handle dereferences to the
/// primary). [`primary`](Self::primary) reads from the primary, to see one's own writes
/// before the replicas have them; [`replicas`](Self::replicas) is a handle on which writes
/// do not compile.
///
/// A replica that cannot be reached (the read fails with [`Error::Connection`],
/// [`Error::PoolTimeout`] or [`Error::ConnectionLost`]) is set aside for [`retry_after`](Self::retry_after)
/// and the read runs on the next replica, or on the primary when none is up; after that
/// time the replica gets reads again. Clones share the replicas and their state.
pub struct Replicated<DB, D> {
    set: Arc<ReadReplicas<DB, D>>,
}

impl<DB, D> Clone for Replicated<DB, D> {
    fn clone(&self) -> Self {
        Replicated { set: self.set.clone() }
    }
}

/// The replicas of a [`Replicated`] database, as a handle that only reads: every statement
/// run on it goes to a replica (the primary when none is up), and a statement that writes
/// does not compile.
pub struct ReadReplicas<DB, D> {
    primary: DB,
    replicas: Vec<Replica<DB>>,
    next: AtomicUsize,
    chooser: Option<Chooser>,
    retry_after: Duration,
    /// What the replicas' down times count from.
    epoch: Instant,
    dialect: PhantomData<fn() -> D>,
}

/// One replica and since when it is down.
struct Replica<DB> {
    db: DB,
    /// Milliseconds since the epoch plus one when it was found down; 0 while it is up.
    down_since: AtomicU64,
}

impl<DB: RawExecutor<D>, D: Dialect> Replicated<DB, D> {
    /// A primary and its replicas; with no replicas, every statement goes to the primary.
    pub fn new(primary: DB, replicas: impl IntoIterator<Item = DB>) -> Self {
        Replicated {
            set: Arc::new(ReadReplicas {
                primary,
                replicas: replicas
                    .into_iter()
                    .map(|db| Replica {
                        db,
                        down_since: AtomicU64::new(0),
                    })
                    .collect(),
                next: AtomicUsize::new(0),
                chooser: None,
                retry_after: Duration::from_secs(5),
                epoch: Instant::now(),
                dialect: PhantomData,
            }),
        }
    }

    /// Chooses the replica of each read with `choose` instead of round robin. It is given
    /// the indexes of the replicas that are up (at least one) and returns one of them; an
    /// index out of range is taken modulo the number of replicas.
    pub fn chooser(mut self, choose: impl Fn(&[usize]) -> usize + Send + Sync + 'static) -> Self {
        self.set_mut().chooser = Some(Arc::new(choose));
        self
    }

    /// How long a replica that could not be reached is left out (5 s by default).
    pub fn retry_after(mut self, wait: Duration) -> Self {
        self.set_mut().retry_after = wait;
        self
    }

    /// The primary: for reads that must see the writes just made, and for what mizzle's
    /// handles do not cover.
    pub fn primary(&self) -> &DB {
        &self.set.primary
    }

    /// The replicas, as a handle that only reads.
    pub fn replicas(&self) -> &ReadReplicas<DB, D> {
        &self.set
    }

    fn set_mut(&mut self) -> &mut ReadReplicas<DB, D> {
        Arc::get_mut(&mut self.set).expect("a Replicated is configured before it is cloned")
    }
}

impl<DB, D> Deref for Replicated<DB, D> {
    type Target = DB;
    /// The primary: transactions and `execute_sql` run there.
    fn deref(&self) -> &DB {
        &self.set.primary
    }
}

impl<DB: RawExecutor<D>, D: Dialect> ReadReplicas<DB, D> {
    /// How many replicas there are.
    pub fn len(&self) -> usize {
        self.replicas.len()
    }

    /// Whether there are none (every read then goes to the primary).
    pub fn is_empty(&self) -> bool {
        self.replicas.is_empty()
    }

    /// The replica at `index`, in the order they were given.
    pub fn get(&self, index: usize) -> Option<&DB> {
        self.replicas.get(index).map(|replica| &replica.db)
    }

    /// Whether the replica at `index` is up: not found unreachable within the last
    /// `retry_after`.
    pub fn is_up(&self, index: usize) -> bool {
        self.replicas
            .get(index)
            .is_some_and(|replica| self.up(replica, &mut None))
    }

    /// Runs `run` on a replica that is up, the next one when it cannot be reached, and
    /// the primary when none can.
    fn route<'a, T: Send + 'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
        run: Run<DB, T>,
    ) -> BoxFuture<'a, Result<T, Error>> {
        Box::pin(async move {
            let statement = statement?;
            for _ in 0..self.replicas.len() {
                let Some(index) = self.choose() else { break };
                let replica = &self.replicas[index];
                match run(&replica.db, Ok(statement.clone())).await {
                    Err(error) if unreachable(&error) => {
                        let since = self.epoch.elapsed().as_millis() as u64 + 1;
                        replica.down_since.store(since, Ordering::Relaxed);
                    }
                    done => {
                        replica.down_since.store(0, Ordering::Relaxed);
                        return done;
                    }
                }
            }
            run(&self.primary, Ok(statement)).await
        })
    }

    /// The database the next read goes to: a replica that is up, else the primary.
    fn reader(&self) -> &DB {
        self.choose().map_or(&self.primary, |index| &self.replicas[index].db)
    }

    /// The replica the next read goes to, if one is up.
    fn choose(&self) -> Option<usize> {
        let count = self.replicas.len();
        let mut now = None;
        if let Some(choose) = &self.chooser {
            let up: Vec<usize> = (0..count).filter(|&i| self.up(&self.replicas[i], &mut now)).collect();
            return (!up.is_empty()).then(|| choose(&up) % count);
        }
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        (0..count)
            .map(|step| (start + step) % count)
            .find(|&i| self.up(&self.replicas[i], &mut now))
    }

    /// Whether `replica` is up; `now` is read once per choice, and only when a replica is down.
    fn up(&self, replica: &Replica<DB>, now: &mut Option<u64>) -> bool {
        let since = replica.down_since.load(Ordering::Relaxed);
        if since == 0 {
            return true;
        }
        let now = *now.get_or_insert_with(|| self.epoch.elapsed().as_millis() as u64 + 1);
        now.saturating_sub(since) >= self.retry_after.as_millis() as u64
    }
}

/// Whether `error` says the replica could not be reached, or its connection broke: the
/// read may run elsewhere (run twice, a read changes nothing).
fn unreachable(error: &Error) -> bool {
    matches!(
        error,
        Error::Connection { .. } | Error::PoolTimeout | Error::ConnectionLost { .. }
    )
}

mizzle_dsl::executor_via_raw!([DB: RawExecutor<D>, D: Dialect] ReadReplicas<DB, D>, D, mode = ReadOnly);

impl<DB: RawExecutor<D>, D: Dialect> RawExecutor<D> for ReadReplicas<DB, D> {
    type Rows = DB::Rows;
    type Row = DB::Row;

    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<DB::Rows, Error>> {
        self.route(statement, DB::rows)
    }

    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<DB::Row>, Error>> {
        self.route(statement, DB::first_row)
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        self.route(statement, DB::changed)
    }

    fn decode_all<R: DecodeRow<D>>(rows: DB::Rows) -> Result<Vec<R::Row>, Error> {
        DB::decode_all::<R>(rows)
    }

    fn decode_first<R: DecodeRow<D>>(row: DB::Row) -> Result<R::Row, Error> {
        DB::decode_first::<R>(row)
    }
}

mizzle_dsl::executor_via_raw!([DB: RawExecutor<D>, D: Dialect] Replicated<DB, D>, D, mode = ReadWrite);

/// Whether a statement may go to a replica: it is known to only read.
fn reads(statement: &Result<RenderedSql<'_>, Error>) -> bool {
    statement.as_ref().is_ok_and(|statement| statement.read_only)
}

impl<DB: RawExecutor<D>, D: Dialect> RawExecutor<D> for Replicated<DB, D> {
    type Rows = DB::Rows;
    type Row = DB::Row;

    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<DB::Rows, Error>> {
        match reads(&statement) {
            true => self.set.rows(statement),
            false => self.set.primary.rows(statement),
        }
    }

    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<DB::Row>, Error>> {
        match reads(&statement) {
            true => self.set.first_row(statement),
            false => self.set.primary.first_row(statement),
        }
    }

    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>> {
        self.set.primary.changed(statement)
    }

    fn decode_all<R: DecodeRow<D>>(rows: DB::Rows) -> Result<Vec<R::Row>, Error> {
        DB::decode_all::<R>(rows)
    }

    fn decode_first<R: DecodeRow<D>>(row: DB::Row) -> Result<R::Row, Error> {
        DB::decode_first::<R>(row)
    }
}

/// A stream of rows runs on the replica chosen when it starts (the primary when none is
/// up); a replica that fails part-way fails the stream, since its first rows are taken.
impl<DB: RawExecutor<D> + StreamExecutor<D>, D: Dialect> StreamExecutor<D> for ReadReplicas<DB, D> {
    type Stream<'a, T>
        = DB::Stream<'a, T>
    where
        Self: 'a;

    fn fetch_stream<'a, R: DecodeRow<D>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row> {
        self.reader().fetch_stream::<R>(statement)
    }
}

/// A stream of a statement that only reads runs on a replica, as for [`ReadReplicas`];
/// any other on the primary.
impl<DB: RawExecutor<D> + StreamExecutor<D>, D: Dialect> StreamExecutor<D> for Replicated<DB, D> {
    type Stream<'a, T>
        = DB::Stream<'a, T>
    where
        Self: 'a;

    fn fetch_stream<'a, R: DecodeRow<D>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row> {
        match reads(&statement) {
            true => self.set.fetch_stream::<R>(statement),
            false => self.set.primary.fetch_stream::<R>(statement),
        }
    }
}

/// Results read through replicas are kept as the database's are, so a query cache can
/// sit in front of a replicated database.
impl<DB: KeepRows<D>, D: Dialect> KeepRows<D> for Replicated<DB, D> {
    fn keep_rows(rows: &DB::Rows, out: &mut Vec<u8>) {
        DB::keep_rows(rows, out)
    }

    fn keep_row(row: &DB::Row, out: &mut Vec<u8>) {
        DB::keep_row(row, out)
    }

    fn decode_kept<R: DecodeRow<D>>(kept: &[u8]) -> Result<Vec<R::Row>, Error> {
        DB::decode_kept::<R>(kept)
    }
}

/// Transactions run on the primary.
impl<DB: RawExecutor<D> + Transactional<D> + 'static, D: Dialect> Transactional<D> for Replicated<DB, D> {
    type Transaction<'t, M: AccessMode>
        = DB::Transaction<'t, M>
    where
        Self: 't;

    fn transaction_with<M, T, E, F>(
        &self,
        options: TransactionOptions<M>,
        f: F,
    ) -> impl std::future::Future<Output = Result<T, E>>
    where
        M: AccessMode,
        F: AsyncFnOnce(&Self::Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>,
    {
        self.set.primary.transaction_with(options, f)
    }
}

impl<DB: fmt::Debug, D> fmt::Debug for Replicated<DB, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.set.fmt(f)
    }
}

impl<DB: fmt::Debug, D> fmt::Debug for ReadReplicas<DB, D> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Replicated")
            .field("primary", &self.primary)
            .field(
                "replicas",
                &self.replicas.iter().map(|replica| &replica.db).collect::<Vec<_>>(),
            )
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}
