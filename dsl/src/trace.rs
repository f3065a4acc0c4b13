//! Tracing spans for statements, transactions and pool waits, with OpenTelemetry's
//! database attributes, when the `tracing` feature is on.
//!
//! The backends run every statement through [`TraceContext::statement`] (and transactions
//! and pool waits alike): without the feature it only runs the work; with it, a span's
//! fields are computed only when a subscriber wants the span, so that with none listening
//! the cost is a check of the callsite's interest.

use crate::render::RenderedSql;
use crate::Error;
use std::future::Future;
use std::pin::Pin;
use std::task::{ready, Context, Poll};
#[cfg(feature = "tracing")]
use tracing::{field::Empty, Instrument, Span};

/// What every span of one database carries, and whether bound values are recorded.
#[derive(Debug, Clone)]
pub struct TraceContext {
    /// `db.system`: `postgresql`, `mysql` or `sqlite`.
    pub system: &'static str,
    /// `db.namespace`: the database's name (SQLite: its file).
    pub namespace: String,
    /// Whether spans record the statement's bound values (`db.query.parameters`). Off by
    /// default: they may hold personal data or secrets.
    pub record_values: bool,
}

impl TraceContext {
    /// A context for `system` and `namespace`, not recording values.
    pub fn new(system: &'static str, namespace: impl Into<String>) -> Self {
        TraceContext {
            system,
            namespace: namespace.into(),
            record_values: false,
        }
    }

    /// The span of `statement`, for its work to run in: `db.query.text` is its SQL with
    /// placeholders, never the values unless [`record_values`](Self::record_values) asks
    /// for them. Made before the work starts, so the work may consume the statement.
    pub fn statement(&self, statement: &RenderedSql<'_>) -> StatementSpan {
        #[cfg(feature = "tracing")]
        {
            let span = self.statement_span(statement);
            StatementSpan((!span.is_disabled()).then_some(span))
        }
        #[cfg(not(feature = "tracing"))]
        {
            let _ = statement;
            StatementSpan(())
        }
    }

    /// Runs a transaction in its span: its statements' spans are its children.
    pub async fn transaction<T, E, F>(&self, run: F) -> Result<T, E>
    where
        F: Future<Output = Result<T, E>>,
    {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                target: "mizzle",
                "mizzle.transaction",
                otel.name = "transaction",
                otel.kind = "client",
                otel.status_code = Empty,
                db.system = self.system,
                db.namespace = self.namespace.as_str(),
            );
            if !span.is_disabled() {
                let result = run.instrument(span.clone()).await;
                if result.is_err() {
                    span.record("otel.status_code", "ERROR");
                }
                return result;
            }
        }
        run.await
    }

    /// Runs a wait for a pooled connection in a span whose length is the wait.
    pub async fn pool_wait<T, F: Future<Output = T>>(&self, wait: F) -> T {
        #[cfg(feature = "tracing")]
        {
            let span = tracing::info_span!(
                target: "mizzle",
                "mizzle.pool.wait",
                db.system = self.system,
                db.namespace = self.namespace.as_str(),
            );
            if !span.is_disabled() {
                return wait.instrument(span).await;
            }
        }
        wait.await
    }

    #[cfg(feature = "tracing")]
    fn statement_span(&self, statement: &RenderedSql<'_>) -> Span {
        let operation = operation_name(&statement.sql);
        let span = tracing::info_span!(
            target: "mizzle",
            "mizzle.query",
            otel.name = operation,
            otel.kind = "client",
            otel.status_code = Empty,
            db.system = self.system,
            db.namespace = self.namespace.as_str(),
            db.operation.name = operation,
            db.query.text = &*statement.sql,
            db.query.parameters = Empty,
            db.response.returned_rows = Empty,
            error.type = Empty,
        );
        if self.record_values && !span.is_disabled() {
            span.record("db.query.parameters", tracing::field::debug(&statement.binds));
        }
        span
    }
}

/// A statement's span, when one is wanted: [`run`](Self::run) its work in it.
#[derive(Debug)]
#[must_use = "the span covers the work given to `run`"]
pub struct StatementSpan(
    #[cfg(feature = "tracing")] Option<Span>,
    #[cfg(not(feature = "tracing"))] (),
);

impl StatementSpan {
    /// Runs `run` in the span, which ends when it does, and records how it ended: the
    /// number of rows (`count` of the result, `db.response.returned_rows`), or the error.
    ///
    /// A future of its own rather than an `async fn`: an `async fn` keeps its argument
    /// and the future it awaits apart, so a statement's future (2 kB on PostgreSQL) would
    /// be held twice and copied whole into its box.
    pub fn run<T, F>(self, run: F, count: fn(&T) -> u64) -> InSpan<F, T>
    where
        F: Future<Output = Result<T, Error>>,
    {
        InSpan { run, span: self, count }
    }

    /// [`run`](Self::run) for a synchronous backend.
    pub fn run_sync<T>(self, run: impl FnOnce() -> Result<T, Error>, count: fn(&T) -> u64) -> Result<T, Error> {
        let result = self.in_scope(run);
        self.finish(result.as_ref().map(count));
        result
    }

    /// Runs one step of work polled by hand (a statement whose rows are read as they
    /// arrive) inside the span; [`finish`](Self::finish) records how the whole ended.
    pub fn in_scope<T>(&self, step: impl FnOnce() -> T) -> T {
        #[cfg(feature = "tracing")]
        if let Some(span) = &self.0 {
            return span.in_scope(step);
        }
        step()
    }

    /// Records how the work run by [`in_scope`](Self::in_scope) ended: `outcome` is the
    /// number of rows, or the error.
    pub fn finish(&self, outcome: Result<u64, &Error>) {
        #[cfg(feature = "tracing")]
        if let Some(span) = &self.0 {
            record_outcome(span, outcome);
        }
        #[cfg(not(feature = "tracing"))]
        let _ = outcome;
    }
}

pin_project_lite::pin_project! {
    /// A statement's work running in its span: [`StatementSpan::run`].
    #[must_use = "futures do nothing unless awaited"]
    pub struct InSpan<F, T> {
        #[pin]
        run: F,
        span: StatementSpan,
        count: fn(&T) -> u64,
    }
}

impl<T, F: Future<Output = Result<T, Error>>> Future for InSpan<F, T> {
    type Output = Result<T, Error>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let mut run = this.run;
        let result = ready!(this.span.in_scope(|| run.as_mut().poll(cx)));
        this.span.finish(result.as_ref().map(*this.count));
        Poll::Ready(result)
    }
}

impl<F, T> std::fmt::Debug for InSpan<F, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("InSpan").field(&self.span).finish()
    }
}

/// Records on `span` how its work ended: rows returned, or the error.
#[cfg(feature = "tracing")]
fn record_outcome(span: &Span, outcome: Result<u64, &Error>) {
    match outcome {
        Ok(rows) => {
            span.record("db.response.returned_rows", rows);
        }
        Err(error) => {
            span.record("otel.status_code", "ERROR");
            span.record("error.type", error_type(error));
        }
    }
}

/// `error.type`: the kind of the error, in a word.
#[cfg(feature = "tracing")]
fn error_type(error: &Error) -> &'static str {
    match error {
        Error::Encode { .. } => "encode",
        Error::Decode { .. } => "decode",
        Error::Database { kind, .. } => match kind {
            crate::DbErrorKind::UniqueViolation => "unique_violation",
            crate::DbErrorKind::ForeignKeyViolation => "foreign_key_violation",
            crate::DbErrorKind::NotNullViolation => "not_null_violation",
            crate::DbErrorKind::CheckViolation => "check_violation",
            crate::DbErrorKind::SerializationFailure => "serialization_failure",
            crate::DbErrorKind::Deadlock => "deadlock",
            crate::DbErrorKind::LockNotAvailable => "lock_not_available",
            crate::DbErrorKind::StatementTimeout => "statement_timeout",
            _ => "database",
        },
        Error::Connection { .. } => "connection",
        Error::ConnectionLost { .. } => "connection_lost",
        Error::PoolTimeout => "pool_timeout",
        Error::QueryTimeout { .. } => "query_timeout",
        Error::Rollback => "rollback",
        Error::TransactionAborted { .. } => "transaction_aborted",
        _ => "driver",
    }
}

/// `db.operation.name`: the statement's first keyword, upper-cased as written by the
/// query builder (`SELECT`, `INSERT`, `WITH`…); empty for an empty statement.
pub fn operation_name(sql: &str) -> &str {
    let sql = sql.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
    let end = sql.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(sql.len());
    &sql[..end]
}

#[cfg(test)]
mod tests {
    use super::operation_name;

    #[test]
    fn the_operation_is_the_first_keyword() {
        assert_eq!(operation_name("SELECT \"users\".\"id\" FROM \"users\""), "SELECT");
        assert_eq!(operation_name("  (SELECT 1) UNION (SELECT 2)"), "SELECT");
        assert_eq!(operation_name("INSERT INTO t VALUES ($1)"), "INSERT");
        assert_eq!(operation_name(""), "");
    }
}
