//! [`Executor`]: what a backend connection offers the query builders, and the pieces
//! (futures, transaction options) the backends share.

use crate::access::{AccessMode, ReadOnly, ReadWrite};
use crate::dialect::Dialect;
use crate::error::Error;
use crate::render::RenderedSql;
use crate::row::DecodeRow;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

/// A connection (or transaction) that runs rendered statements of dialect `D`.
///
/// Implemented by each backend. The result types are the backend's: a synchronous
/// backend returns `Result`s, an asynchronous one returns futures of them, so the same
/// builder methods (`.all(&db)`, `.get(&db)`, `.execute(&db)`) serve both.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot run {D} queries",
    label = "this connection speaks another dialect",
    note = "a query's dialect is that of its tables; use a connection of the same database"
)]
pub trait Executor<D: Dialect> {
    /// Whether it may run statements that write: [`ReadOnly`](crate::access::ReadOnly)
    /// for a read-only transaction, [`ReadWrite`](crate::access::ReadWrite) otherwise.
    type Mode: crate::access::AccessMode;
    /// The result of fetching every row.
    type All<'a, T>
    where
        Self: 'a;
    /// The result of fetching the first row, if any.
    type Get<'a, T>
    where
        Self: 'a;
    /// The result of executing a statement: the number of rows affected.
    type Execute<'a>
    where
        Self: 'a;

    /// Runs a statement and decodes every row with `R`.
    fn fetch_all<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::All<'a, R::Row>;

    /// Runs a statement and decodes its first row with `R`, if there is one.
    fn fetch_first<'a, R: DecodeRow<D>>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Get<'a, R::Row>;

    /// Runs a statement and reports the number of rows it changed.
    fn execute<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> Self::Execute<'a>;
}

/// An async backend's database in two steps: running a statement into the driver's rows,
/// then decoding them with a plain function. What the handles that wrap a database
/// (read replicas, timeouts) build on: they route or bound the first step without
/// depending on the row type, as [`FetchAll`] does.
pub trait RawExecutor<D: Dialect>: Executor<D> + Send + Sync {
    /// The driver's rows of a whole result.
    type Rows: Send + 'static;
    /// The driver's row, of a first-row fetch.
    type Row: Send + 'static;

    /// Runs a statement and fetches every row.
    fn rows<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<Self::Rows, Error>>;

    /// Runs a statement and fetches its first row, if there is one.
    fn first_row<'a>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> BoxFuture<'a, Result<Option<Self::Row>, Error>>;

    /// Runs a statement and reports the number of rows it changed.
    fn changed<'a>(&'a self, statement: Result<RenderedSql<'a>, Error>) -> BoxFuture<'a, Result<u64, Error>>;

    /// Decodes every row with `R`.
    fn decode_all<R: DecodeRow<D>>(rows: Self::Rows) -> Result<Vec<R::Row>, Error>;

    /// Decodes one row with `R`.
    fn decode_first<R: DecodeRow<D>>(row: Self::Row) -> Result<R::Row, Error>;
}

/// Implements [`Executor`] for a type that implements [`RawExecutor`], in terms of it:
/// rows fetched by `rows` and `first_row` and decoded by `decode_all` and `decode_first`,
/// writes run by `changed`. For the backends' databases and the handles that wrap them:
/// `executor_via_raw!([DB: RawExecutor<D>, D: Dialect] Handle<DB, D>, D, mode = ReadOnly);`
#[macro_export]
macro_rules! executor_via_raw {
    ([$($generics:tt)*] $ty:ty, $dialect:ty, mode = $mode:ty) => {
        impl<$($generics)*> $crate::exec::Executor<$dialect> for $ty {
            type Mode = $mode;
            type All<'a, T>
                = $crate::exec::FetchAll<'a, <Self as $crate::exec::RawExecutor<$dialect>>::Rows, T>
            where
                Self: 'a;
            type Get<'a, T>
                = $crate::exec::FetchFirst<'a, <Self as $crate::exec::RawExecutor<$dialect>>::Row, T>
            where
                Self: 'a;
            type Execute<'a>
                = $crate::exec::BoxFuture<'a, Result<u64, $crate::Error>>
            where
                Self: 'a;

            fn fetch_all<'a, R: $crate::row::DecodeRow<$dialect>>(
                &'a self,
                statement: Result<$crate::render::RenderedSql<'a>, $crate::Error>,
            ) -> Self::All<'a, R::Row> {
                $crate::exec::FetchAll::new(
                    $crate::exec::RawExecutor::rows(self, statement),
                    <Self as $crate::exec::RawExecutor<$dialect>>::decode_all::<R>,
                )
            }

            fn fetch_first<'a, R: $crate::row::DecodeRow<$dialect>>(
                &'a self,
                statement: Result<$crate::render::RenderedSql<'a>, $crate::Error>,
            ) -> Self::Get<'a, R::Row> {
                $crate::exec::FetchFirst::new(
                    $crate::exec::RawExecutor::first_row(self, statement),
                    <Self as $crate::exec::RawExecutor<$dialect>>::decode_first::<R>,
                )
            }

            fn execute<'a>(
                &'a self,
                statement: Result<$crate::render::RenderedSql<'a>, $crate::Error>,
            ) -> Self::Execute<'a> {
                $crate::exec::RawExecutor::changed(self, statement)
            }
        }
    };
}

/// An async database whose results can be kept outside it — in a query cache — as bytes,
/// and decoded later as if they had just come from the server.
pub trait KeepRows<D: Dialect>: RawExecutor<D> {
    /// Writes a whole result to `out`.
    fn keep_rows(rows: &Self::Rows, out: &mut Vec<u8>);
    /// Writes a first row to `out`, as a result of that one row.
    fn keep_row(row: &Self::Row, out: &mut Vec<u8>);
    /// Decodes every row of a result [`keep_rows`](Self::keep_rows) wrote, with `R`. Bytes
    /// it did not write are an error, never a panic.
    fn decode_kept<R: DecodeRow<D>>(kept: &[u8]) -> Result<Vec<R::Row>, Error>;
}

/// A database that hands over rows one at a time as they arrive, with bounded memory:
/// `query.stream(&db)`.
pub trait StreamExecutor<D: Dialect>: Executor<D> {
    /// The rows: a [`RowStream`] on the async backends; on synchronous SQLite, rows
    /// stepped through with a closure.
    type Stream<'a, T>
    where
        Self: 'a;

    /// Runs a statement and hands over its rows, each decoded with `R`, as they arrive.
    fn fetch_stream<'a, R: DecodeRow<D>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row>;
}

/// A boxed, sendable stream: what the async backends stream rows in.
pub type BoxStream<'a, T> = Pin<Box<dyn futures_core::Stream<Item = T> + Send + 'a>>;

/// The rows of `query.stream(&db)` on an async backend: a [`Stream`](futures_core::Stream)
/// of decoded rows, each read from the connection as it is asked for, so that memory stays
/// bounded however many rows there are. The driver's rows come from a boxed stream and are
/// decoded by a plain function, as [`FetchAll`] does. The connection is held until the
/// last row (or the stream is dropped, which stops the statement on the server).
#[must_use = "streams do nothing unless polled"]
pub struct RowStream<'a, Raw, T> {
    rows: BoxStream<'a, Result<Raw, Error>>,
    decode: fn(Raw) -> Result<T, Error>,
}

impl<'a, Raw, T> RowStream<'a, Raw, T> {
    /// Streams `rows`, decoding each with `decode`.
    pub fn new(rows: BoxStream<'a, Result<Raw, Error>>, decode: fn(Raw) -> Result<T, Error>) -> Self {
        RowStream { rows, decode }
    }
}

impl<Raw, T> RowStream<'_, Raw, T> {
    /// The next row, or `None` after the last: `while let Some(row) = rows.try_next().await? {..}`.
    pub async fn try_next(&mut self) -> Result<Option<T>, Error> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next_row(cx))
            .await
            .transpose()
    }

    fn poll_next_row(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<T, Error>>> {
        match ready!(self.rows.as_mut().poll_next(cx)) {
            Some(Ok(raw)) => Poll::Ready(Some((self.decode)(raw))),
            Some(Err(error)) => Poll::Ready(Some(Err(error))),
            None => Poll::Ready(None),
        }
    }
}

impl<Raw, T> futures_core::Stream for RowStream<'_, Raw, T> {
    type Item = Result<T, Error>;
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.poll_next_row(cx)
    }
}

impl<Raw, T> std::fmt::Debug for RowStream<'_, Raw, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RowStream")
    }
}

/// A database that runs transactions: what lets a handle that wraps one (a query cache)
/// run a transaction on it and see its statements.
pub trait Transactional<D: Dialect>: Sync {
    /// The transaction its closure gets.
    type Transaction<'t, M: AccessMode>: Executor<D, Mode = M>
    where
        Self: 't;

    /// Runs `f` in a transaction, as the backend's own `transaction_with` does.
    fn transaction_with<M, T, E, F>(&self, options: TransactionOptions<M>, f: F) -> impl Future<Output = Result<T, E>>
    where
        M: AccessMode,
        F: AsyncFnOnce(&Self::Transaction<'_, M>) -> Result<T, E>,
        E: From<Error>;
}

/// Implements [`Transactional`] for a backend's database with its own `transaction_with`,
/// whose closure gets the backend's transaction type `$tx<'_, M>`.
#[macro_export]
macro_rules! transactional_database {
    ($ty:ty, $dialect:ty, $tx:ident) => {
        impl $crate::exec::Transactional<$dialect> for $ty {
            type Transaction<'t, M: $crate::access::AccessMode> = $tx<'t, M>;

            fn transaction_with<M, T, E, F>(
                &self,
                options: $crate::exec::TransactionOptions<M>,
                f: F,
            ) -> impl ::std::future::Future<Output = Result<T, E>>
            where
                M: $crate::access::AccessMode,
                F: AsyncFnOnce(&$tx<'_, M>) -> Result<T, E>,
                E: From<$crate::Error>,
            {
                <$ty>::transaction_with(self, options, f)
            }
        }
    };
}

/// How a transaction isolates itself from concurrent ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IsolationLevel {
    /// `READ UNCOMMITTED`.
    ReadUncommitted,
    /// `READ COMMITTED`.
    ReadCommitted,
    /// `REPEATABLE READ`.
    RepeatableRead,
    /// `SERIALIZABLE`.
    Serializable,
}

impl IsolationLevel {
    /// The SQL keywords.
    pub fn sql(self) -> &'static str {
        match self {
            IsolationLevel::ReadUncommitted => "READ UNCOMMITTED",
            IsolationLevel::ReadCommitted => "READ COMMITTED",
            IsolationLevel::RepeatableRead => "REPEATABLE READ",
            IsolationLevel::Serializable => "SERIALIZABLE",
        }
    }
}

/// Options of a top-level transaction; nested transactions are savepoints and take none.
/// `M` says whether the transaction may write: [`ReadWrite`] unless `.read_only()` made it
/// [`ReadOnly`], whose closure gets a `Transaction<'_, ReadOnly>` on which writes do not
/// compile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TransactionOptions<M = ReadWrite> {
    /// The isolation level; the server's default when `None`.
    pub isolation: Option<IsolationLevel>,
    /// `DEFERRABLE` (PostgreSQL, with `SERIALIZABLE READ ONLY`): wait for a snapshot that
    /// cannot fail with a serialization error.
    pub deferrable: bool,
    /// Read-only or read-write.
    pub mode: M,
}

impl TransactionOptions {
    /// The server's defaults: a read-write transaction.
    pub fn new() -> Self {
        Self::default()
    }
}

impl<M: AccessMode> TransactionOptions<M> {
    /// Sets the isolation level.
    pub fn isolation(mut self, level: IsolationLevel) -> Self {
        self.isolation = Some(level);
        self
    }

    /// Makes the transaction read-only: `READ ONLY` on the server, and writes on its
    /// handle do not compile.
    pub fn read_only(self) -> TransactionOptions<ReadOnly> {
        TransactionOptions {
            isolation: self.isolation,
            deferrable: self.deferrable,
            mode: ReadOnly,
        }
    }

    /// Makes the transaction deferrable (PostgreSQL).
    pub fn deferrable(mut self) -> Self {
        self.deferrable = true;
        self
    }

    /// Whether the transaction is read-only.
    pub fn is_read_only(&self) -> bool {
        M::READ_ONLY
    }
}

/// A boxed, sendable future: what the async backends run a statement in.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The future of `.all(&db)` on an async backend: fetches the driver's rows (`Raw`, all
/// of them), then decodes them with a plain function, so the boxed part does not depend
/// on the row type `T`. The rows are handed over by value: decoding may keep their buffers.
#[must_use = "futures do nothing unless awaited"]
pub struct FetchAll<'a, Raw, T> {
    rows: BoxFuture<'a, Result<Raw, Error>>,
    decode: fn(Raw) -> Result<Vec<T>, Error>,
}

impl<'a, Raw, T> FetchAll<'a, Raw, T> {
    /// Fetches with `rows`, decodes with `decode`.
    pub fn new(rows: BoxFuture<'a, Result<Raw, Error>>, decode: fn(Raw) -> Result<Vec<T>, Error>) -> Self {
        FetchAll { rows, decode }
    }
}

impl<Raw, T> Future for FetchAll<'_, Raw, T> {
    type Output = Result<Vec<T>, Error>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let rows = ready!(self.rows.as_mut().poll(cx))?;
        Poll::Ready((self.decode)(rows))
    }
}

/// The result of fetching every row (`Executor::All`), turned into something else once
/// the rows are there: how a relational query regroups its joined rows, whether the
/// backend answers at once (SQLite) or in a future.
pub trait MapRows<T> {
    /// The result of the mapping, in the backend's form.
    type Mapped<U>;
    /// Applies `map` to the rows.
    fn map_rows<U>(self, map: fn(Vec<T>) -> Result<U, Error>) -> Self::Mapped<U>;
}

impl<T> MapRows<T> for Result<Vec<T>, Error> {
    type Mapped<U> = Result<U, Error>;
    fn map_rows<U>(self, map: fn(Vec<T>) -> Result<U, Error>) -> Result<U, Error> {
        self.and_then(map)
    }
}

impl<T> MapRows<T> for std::future::Ready<Result<Vec<T>, Error>> {
    type Mapped<U> = std::future::Ready<Result<U, Error>>;
    fn map_rows<U>(self, map: fn(Vec<T>) -> Result<U, Error>) -> Self::Mapped<U> {
        std::future::ready(self.into_inner().and_then(map))
    }
}

impl<'a, Raw, T> MapRows<T> for FetchAll<'a, Raw, T> {
    type Mapped<U> = MappedRows<Self, T, U>;
    fn map_rows<U>(self, map: fn(Vec<T>) -> Result<U, Error>) -> Self::Mapped<U> {
        MappedRows::new(self, map)
    }
}

/// A [`FetchAll`] (or a backend's own future of every row) whose rows are mapped once
/// they arrive.
#[must_use = "futures do nothing unless awaited"]
pub struct MappedRows<F, T, U> {
    rows: F,
    map: fn(Vec<T>) -> Result<U, Error>,
}

impl<F, T, U> MappedRows<F, T, U> {
    /// Maps the rows `rows` resolves to with `map`.
    pub fn new(rows: F, map: fn(Vec<T>) -> Result<U, Error>) -> Self {
        MappedRows { rows, map }
    }
}

impl<F, T, U> std::fmt::Debug for MappedRows<F, T, U> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MappedRows(..)")
    }
}

impl<F: Future<Output = Result<Vec<T>, Error>> + Unpin, T, U> Future for MappedRows<F, T, U> {
    type Output = Result<U, Error>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let rows = ready!(Pin::new(&mut self.rows).poll(cx))?;
        Poll::Ready((self.map)(rows))
    }
}

/// The future of `.get(&db)` on an async backend: the first row, decoded, if any.
#[must_use = "futures do nothing unless awaited"]
pub struct FetchFirst<'a, Raw, T> {
    row: BoxFuture<'a, Result<Option<Raw>, Error>>,
    decode: fn(Raw) -> Result<T, Error>,
}

impl<'a, Raw, T> FetchFirst<'a, Raw, T> {
    /// Fetches with `row`, decodes with `decode`.
    pub fn new(row: BoxFuture<'a, Result<Option<Raw>, Error>>, decode: fn(Raw) -> Result<T, Error>) -> Self {
        FetchFirst { row, decode }
    }
}

impl<Raw, T> Future for FetchFirst<'_, Raw, T> {
    type Output = Result<Option<T>, Error>;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let row = ready!(self.row.as_mut().poll(cx))?;
        Poll::Ready(row.map(self.decode).transpose())
    }
}

impl<Raw, T> std::fmt::Debug for FetchAll<'_, Raw, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FetchAll")
    }
}

impl<Raw, T> std::fmt::Debug for FetchFirst<'_, Raw, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FetchFirst")
    }
}

/// Appends `value` to `vec`, written straight into its buffer when there is room.
///
/// A plain `push` of a value built just before (a decoded row, a bound value) builds it on
/// the stack and copies it over, because the vector may have to grow first; the copy's
/// wide loads of the narrow stores that built the value stall the CPU, measured at 8 ns a
/// value. With room checked first, the common case has no copy. Used by the backends and
/// the SQL writer for every row and every bound value.
#[inline(always)]
pub fn push_in_place<T>(vec: &mut Vec<T>, value: T) {
    if vec.len() < vec.capacity() {
        vec.push(value);
    } else {
        push_growing(vec, value);
    }
}

/// Appends `value` to a full vector: out of line, so [`push_in_place`] stays small.
#[cold]
#[inline(never)]
fn push_growing<T>(vec: &mut Vec<T>, value: T) {
    vec.push(value);
}

/// Runs a transaction's (or savepoint's) body, then closes it: with `close(on_ok)` when the
/// body returns `Ok`, with `close(on_err)` when it returns `Err` or panics — and then the
/// panic goes on. Shared by the async backends, which differ only in how they run SQL.
///
/// When the body failed, its error is returned even if closing fails too: the body's
/// error says what went wrong (a deadlock the caller may retry), while a failed
/// `ROLLBACK TO SAVEPOINT` after it only says the server had already rolled back more.
pub async fn close_after<T, E, C, Closing>(
    body: impl Future<Output = Result<T, E>>,
    close: C,
    on_ok: String,
    on_err: String,
) -> Result<T, E>
where
    // A plain closure returning a future keeps the whole future `Send` where the backend's is.
    C: Fn(String) -> Closing,
    Closing: Future<Output = Result<(), Error>>,
    E: From<Error>,
{
    let mut body = Box::pin(body);
    let outcome = std::future::poll_fn(|cx| {
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body.as_mut().poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(result)) => Poll::Ready(Ok(result)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    })
    .await;
    match outcome {
        Ok(Ok(value)) => {
            close(on_ok).await?;
            Ok(value)
        }
        Ok(Err(error)) => {
            let _ = close(on_err).await;
            Err(error)
        }
        Err(panic) => {
            // Best effort: the panic is what the caller must hear about.
            let _ = close(on_err).await;
            std::panic::resume_unwind(panic)
        }
    }
}

/// Runs `body` in the savepoint of nesting level `depth` (1 for the first inside a
/// transaction), with `run` running SQL on the transaction's connection: `SAVEPOINT`
/// first, then `RELEASE SAVEPOINT` when the body returns `Ok`, or `ROLLBACK TO SAVEPOINT`
/// and `RELEASE SAVEPOINT` when it returns `Err` or panics, as [`close_after`] does.
/// Shared by the async backends, whose dialects spell savepoints alike.
pub async fn in_savepoint<T, E, R, Running>(
    depth: u32,
    run: R,
    body: impl Future<Output = Result<T, E>>,
) -> Result<T, E>
where
    R: Fn(String) -> Running,
    Running: Future<Output = Result<(), Error>>,
    E: From<Error>,
{
    let name = format!("mizzle_sp_{depth}");
    run(format!("SAVEPOINT {name}")).await?;
    close_after(
        body,
        run,
        format!("RELEASE SAVEPOINT {name}"),
        format!("ROLLBACK TO SAVEPOINT {name}; RELEASE SAVEPOINT {name}"),
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::push_in_place;

    #[test]
    fn push_in_place_appends_whether_or_not_the_vector_has_room() {
        let mut values = Vec::with_capacity(2);
        for n in 0..5 {
            push_in_place(&mut values, n.to_string());
        }
        assert_eq!(values, ["0", "1", "2", "3", "4"]);
    }
}
