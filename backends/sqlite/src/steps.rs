//! `query.stream(&db)` on SQLite: the rows stepped through one at a time.

use crate::database::Database;
use crate::run;
use crate::session::Session;
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::exec::StreamExecutor;
use mizzle_dsl::render::RenderedSql;
use mizzle_dsl::row::DecodeRow;
use mizzle_dsl::Error;

/// The rows of `query.stream(&db)`: each decoded and handed to a closure as SQLite steps
/// to it, so memory stays bounded however many rows there are. SQLite's rows borrow the
/// statement that produces them, hence a closure rather than an iterator:
///
/// ```ignore
/// query.stream(&db).for_each(|row| { total += row.1; Ok::<_, Error>(()) })?;
/// ```
#[must_use = "the statement runs when `for_each` is called"]
pub struct Steps<'a, T> {
    db: &'a Database,
    statement: Result<RenderedSql<'a>, Error>,
    step: Stepper<T>,
}

/// Runs a statement, handing each decoded row to the visitor until it says stop.
type Stepper<T> = fn(&Session, &RenderedSql<'_>, &mut dyn FnMut(T) -> bool) -> Result<(), Error>;

impl<T> Steps<'_, T> {
    /// Runs the statement and calls `visit` with each row, in order. An `Err` from
    /// `visit` stops the statement there and is returned.
    pub fn for_each<E: From<Error>>(self, mut visit: impl FnMut(T) -> Result<(), E>) -> Result<(), E> {
        let statement = self.statement?;
        let mut stopped = None;
        let mut rows = 0;
        let step = || {
            (self.step)(self.db.session(), &statement, &mut |row| {
                rows += 1;
                match visit(row) {
                    Ok(()) => true,
                    Err(error) => {
                        stopped = Some(error);
                        false
                    }
                }
            })?;
            Ok(rows)
        };
        self.db.trace().statement(&statement).run_sync(step, |rows| *rows)?;
        stopped.map_or(Ok(()), Err)
    }
}

impl<T> std::fmt::Debug for Steps<'_, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Steps")
    }
}

impl StreamExecutor<Sqlite> for Database {
    type Stream<'a, T> = Steps<'a, T>;

    fn fetch_stream<'a, R: DecodeRow<Sqlite>>(
        &'a self,
        statement: Result<RenderedSql<'a>, Error>,
    ) -> Self::Stream<'a, R::Row> {
        Steps {
            db: self,
            statement,
            step: run::for_each::<R>,
        }
    }
}
