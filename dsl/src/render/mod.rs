//! Rendering: every query node writes its own SQL and binds into one [`SqlWriter`].

mod shapes;
mod writer;

pub use shapes::{Shape, ShapeHasher, ShapeMap, KEPT_TEXT_BUDGET};
pub use writer::{RenderedSql, Slot, SqlWriter};

use crate::dialect::Dialect;
use crate::error::Error;
use std::borrow::Cow;

/// Renders a whole statement, reusing the text of one of the same shape rendered before
/// (see [`shapes`]): then only its bound values are collected.
pub fn render_statement<'q, D: Dialect, S: RenderSql<D>>(statement: &'q S) -> Result<RenderedSql<'q>, Error> {
    let mut shape = SqlWriter::for_shape();
    statement.render(&mut shape);
    let Some((fingerprint, binds)) = shape.finish_shape() else {
        return render_text(statement);
    };
    if let Some(shape) = shapes::find(fingerprint) {
        return Ok(RenderedSql {
            sql: Cow::Borrowed(shape.text()),
            binds,
            shape: Some(shape),
        });
    }
    let mut rendered = render_text(statement)?;
    if let Some(shape) = shapes::keep(fingerprint, &rendered.sql) {
        rendered.sql = Cow::Borrowed(shape.text());
        rendered.shape = Some(shape);
    }
    Ok(rendered)
}

/// Renders a statement's text and binds in one pass.
fn render_text<'q, D: Dialect, S: RenderSql<D>>(statement: &'q S) -> Result<RenderedSql<'q>, Error> {
    let mut out = SqlWriter::new();
    statement.render(&mut out);
    out.finish()
}

/// A node of a query that can write itself as SQL for dialect `D`.
///
/// Implemented by every expression, clause and statement; apps only call it through
/// `to_sql()` or the terminal methods. An expression that exists only in some dialects
/// implements it only for those, so using it elsewhere does not compile.
#[diagnostic::on_unimplemented(
    message = "this uses an operator or clause that {D} does not have",
    label = "has no {D} spelling",
    note = "PostgreSQL only: `ilike`, `distinct_on`, arrays, uuid, interval; MySQL has no `RETURNING`, `FULL JOIN` or `ON CONFLICT`; SQLite has no `ILIKE` or `ON DUPLICATE KEY`"
)]
pub trait RenderSql<D: Dialect> {
    /// Appends this node's SQL, and its bound values, to `out`.
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>);

    /// Appends this node as an operand of a chain of the logical operator `op` (`" AND "`).
    /// A chain of the same operator goes on without parentheses of its own, since AND and
    /// OR are associative: `.filter(a).filter(b).filter(c)` reads `(a AND b AND c)`, not
    /// `((a AND b) AND c)`. Every other node renders as itself.
    fn render_operand<'q>(&'q self, op: &'static str, out: &mut SqlWriter<'q, D>) {
        let _ = op;
        self.render(out);
    }
}

/// A comma-separated list: a select list, GROUP BY, ORDER BY, a conflict target.
///
/// Implemented for every expression (a list of one), for tuples of lists, for whole table
/// rows and for ORDER BY terms. Rendering needs no proof of scope; the builders check that
/// when the list is given.
pub trait RenderList<D: Dialect> {
    /// Appends the items separated by `, `.
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>);
}

impl<E: crate::expr::Expression + RenderSql<D>, D: Dialect> RenderList<D> for E {
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render(out);
    }
}

macro_rules! tuple_lists {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: RenderList<D>,)+ D: Dialect> RenderList<D> for ($($name,)+) {
            fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_list(out);
                )+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_lists);
