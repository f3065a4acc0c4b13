//! Running a statement on one connection: the three ways a query reads its result.

use crate::error::{encode_error, oversized, payload_size};
use crate::params::params;
use crate::row::Rows;
use futures_util::future::BoxFuture;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::Error;
use mysql_async::prelude::Queryable;
use mysql_async::{BinaryProtocol, Conn, Params, QueryResult, Row};
use std::future::Future;

/// A statement as mysql_async runs it.
pub(crate) enum Statement<'s> {
    /// Its text: mysql_async prepares it once per connection and finds it again in its
    /// cache by scanning and hashing the text.
    Text(&'s str),
    /// The statement prepared for it, which runs as it is.
    Prepared(mysql_async::Statement),
}

impl Statement<'_> {
    /// Starts running the statement; both kinds give the same future.
    fn exec_iter<'c>(
        self,
        conn: &'c mut Conn,
        params: Params,
    ) -> BoxFuture<'c, Result<QueryResult<'c, 'static, BinaryProtocol>, mysql_async::Error>>
    where
        Self: 'c,
    {
        match self {
            Statement::Text(sql) => conn.exec_iter(sql, params),
            Statement::Prepared(prepared) => conn.exec_iter(prepared, params),
        }
    }
}

/// One way of running a statement. A trait rather than a closure: the future borrows the
/// connection and must be `Send`, which a generic async closure cannot promise. Errors
/// are mysql_async's, so the caller can tell a connection that failed from a statement
/// that did.
pub(crate) trait Operation {
    /// What the statement gives back.
    type Output: Send;
    /// How many rows that is (or the statement changed), for its span.
    fn count(output: &Self::Output) -> u64;
    /// Runs `statement` with `params` on `conn`.
    fn run<'c>(
        conn: &'c mut Conn,
        statement: Statement<'c>,
        params: Params,
    ) -> impl Future<Output = Result<Self::Output, mysql_async::Error>> + Send + 'c;
}

/// Every row.
pub(crate) struct All;
/// The first row; the rest are read and dropped.
pub(crate) struct First;
/// The number of rows changed.
pub(crate) struct Changed;
/// The number of rows inserted and the first auto-increment key given to them.
pub(crate) struct Inserted;

impl Operation for All {
    type Output = Rows;
    fn count(rows: &Rows) -> u64 {
        rows.len() as u64
    }
    async fn run<'c>(conn: &'c mut Conn, statement: Statement<'c>, params: Params) -> Result<Rows, mysql_async::Error> {
        let mut result = statement.exec_iter(conn, params).await?;
        let mut rows = Rows::new(result.columns().unwrap_or_default());
        while let Some(row) = result.next().await? {
            rows.push(row);
        }
        result.drop_result().await?;
        Ok(rows)
    }
}

impl Operation for First {
    type Output = Option<Row>;
    fn count(row: &Option<Row>) -> u64 {
        row.is_some() as u64
    }
    fn run<'c>(
        conn: &'c mut Conn,
        statement: Statement<'c>,
        params: Params,
    ) -> impl Future<Output = Result<Option<Row>, mysql_async::Error>> + Send + 'c {
        match statement {
            Statement::Text(sql) => conn.exec_first(sql, params),
            Statement::Prepared(prepared) => conn.exec_first(prepared, params),
        }
    }
}

impl Operation for Changed {
    type Output = u64;
    fn count(changed: &u64) -> u64 {
        *changed
    }
    async fn run<'c>(conn: &'c mut Conn, statement: Statement<'c>, params: Params) -> Result<u64, mysql_async::Error> {
        let result = statement.exec_iter(conn, params).await?;
        let affected = result.affected_rows();
        result.drop_result().await?;
        Ok(affected)
    }
}

impl Operation for Inserted {
    type Output = (u64, Option<u64>);
    fn count(&(inserted, _): &(u64, Option<u64>)) -> u64 {
        inserted
    }
    async fn run<'c>(
        conn: &'c mut Conn,
        statement: Statement<'c>,
        params: Params,
    ) -> Result<(u64, Option<u64>), mysql_async::Error> {
        let result = statement.exec_iter(conn, params).await?;
        let inserted = (result.affected_rows(), result.last_insert_id());
        result.drop_result().await?;
        Ok(inserted)
    }
}

/// The keys an INSERT of `count` rows gave, the first being `first`: MySQL hands out the
/// keys of one multi-row INSERT one after another, `increment` apart
/// (`auto_increment_increment`).
pub(crate) fn inserted_ids((count, first): (u64, Option<u64>), increment: u64) -> Vec<u64> {
    match first {
        Some(first) if count > 0 => (0..count).map(|n| first + n * increment).collect(),
        _ => Vec::new(),
    }
}

/// Runs a statement once on `conn`, consuming its bound values. A statement larger than
/// `max_packet` that breaks the connection says so.
pub(crate) async fn once<O: Operation>(
    conn: &mut Conn,
    statement: RenderedSql<'_>,
    max_packet: Option<usize>,
) -> Result<O::Output, Error> {
    let RenderedSql { sql, binds, .. } = statement;
    let size = payload_size(&sql, &binds);
    let params = params(binds).map_err(|source| encode_error(&sql, source))?;
    O::run(conn, Statement::Text(&sql), params)
        .await
        .map_err(|e| oversized(&sql, size, max_packet, e))
}

#[cfg(test)]
mod tests {
    use super::inserted_ids;

    #[test]
    fn the_keys_of_one_insert_follow_the_first_by_the_increment() {
        assert_eq!(inserted_ids((3, Some(10)), 1), [10, 11, 12]);
        assert_eq!(inserted_ids((3, Some(7)), 2), [7, 9, 11]);
        assert!(inserted_ids((0, Some(7)), 1).is_empty());
        assert!(inserted_ids((2, None), 1).is_empty());
    }
}
