//! Running statements: `.to_sql()`, `.execute(&db)`, `.all(&db)`, `.get(&db)`.

use crate::dialect::Dialect;
use crate::error::Error;
use crate::exec::Executor;
use crate::render::{RenderSql, RenderedSql, SqlWriter};
use crate::row::DecodeRow;

/// A complete statement of one dialect.
pub trait Statement: Sized {
    /// The dialect of its tables.
    type Dialect: Dialect;

    /// The SQL text and bound values, as they would be sent.
    fn to_sql(&self) -> Result<RenderedSql<'_>, Error>
    where
        Self: RenderSql<Self::Dialect>,
    {
        let mut out = SqlWriter::new();
        self.render(&mut out);
        out.finish()
    }

    /// Runs the statement; the result is the number of rows it changed.
    fn execute<'a, C: Executor<Self::Dialect>>(&'a self, db: &'a C) -> C::Execute<'a>
    where
        Self: RenderSql<Self::Dialect>,
    {
        db.execute(self.to_sql())
    }
}

/// A statement that returns rows: a select, or a write with `RETURNING`.
///
/// `I` is the inferred proof that the selection's columns are in scope.
pub trait RowQuery<I>: Statement {
    /// One decoded row.
    type Row;
    /// Decodes a row.
    type Decoder: DecodeRow<Self::Dialect, Row = Self::Row>;

    /// Every row.
    fn all<'a, C: Executor<Self::Dialect>>(&'a self, db: &'a C) -> C::All<'a, Self::Row>
    where
        Self: RenderSql<Self::Dialect>,
        Self::Decoder: 'a,
    {
        db.fetch_all::<Self::Decoder>(self.to_sql())
    }

    /// The first row, or `None` when there is none.
    fn get<'a, C: Executor<Self::Dialect>>(&'a self, db: &'a C) -> C::Get<'a, Self::Row>
    where
        Self: RenderSql<Self::Dialect>,
        Self::Decoder: 'a,
    {
        db.fetch_first::<Self::Decoder>(self.to_sql())
    }
}
