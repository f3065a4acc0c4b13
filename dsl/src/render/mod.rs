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
    let mut shape = SqlWriter::for_shape(S::TYPE_SHAPED);
    statement.render(&mut shape);
    let Some((fingerprint, binds)) = shape.finish_shape() else {
        return render_text(statement);
    };
    let key = match S::TYPE_SHAPED {
        true => shapes::Key::of_type::<S>(fingerprint),
        false => shapes::Key::of_pieces(fingerprint),
    };
    if let Some(shape) = shapes::find(key) {
        // Every test that renders a statement twice checks the text kept for it.
        #[cfg(debug_assertions)]
        assert_kept_text_is_the_statements(statement, shape.text());
        return Ok(RenderedSql {
            sql: Cow::Borrowed(shape.text()),
            binds,
            shape: Some(shape),
            read_only: false,
        });
    }
    let mut rendered = render_text(statement)?;
    if let Some(shape) = shapes::keep(key, &rendered.sql) {
        rendered.sql = Cow::Borrowed(shape.text());
        rendered.shape = Some(shape);
    }
    Ok(rendered)
}

/// Panics when the text kept under a statement's key is not the text the statement
/// writes: a node that claims [`RenderSql::TYPE_SHAPED`] but picks its text by its values
/// without recording the choice.
#[cfg(debug_assertions)]
fn assert_kept_text_is_the_statements<D: Dialect, S: RenderSql<D>>(statement: &S, kept: &str) {
    let mut out = SqlWriter::new();
    statement.render(&mut out);
    assert_eq!(
        out.sql(),
        kept,
        "a statement of type `{}` found the text of another statement kept under its key",
        std::any::type_name::<S>()
    );
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
    note = "PostgreSQL only: `ilike`, `distinct_on`, arrays, uuid, interval; MySQL has no `RETURNING`, `FULL JOIN` or `ON CONFLICT`, no window frame by `.groups(..)` or with `.exclude(..)`, no `lag`/`lead` `.default_to(..)`, and no `json_agg(..).filter(..)`; SQLite has no `ILIKE` or `ON DUPLICATE KEY`; JSON: containment is PostgreSQL jsonb's and MySQL's, jsonpath PostgreSQL jsonb's, and PostgreSQL tests keys and sets members of jsonb only; full-text search: `to_tsvector` and the tsquery functions are PostgreSQL's, `match_against` MySQL's, `fts5_match`, `bm25` and `highlight` SQLite's"
)]
pub trait RenderSql<D: Dialect> {
    /// Whether the static text this node writes follows from its type alone: for every
    /// value of the type, it makes the same `push_sql`, `push_ident` and `push_column`
    /// calls in the same order, and whatever depends on its values goes through
    /// `push_u64`, `push_sql_text` or [`SqlWriter::push_choice`]. True of a node only
    /// when it is true of every node it renders. A statement for which it is true is
    /// found again by its type (see [`render_statement`]); `false`, the default, is
    /// always safe: the statement's every piece of text is fingerprinted instead.
    const TYPE_SHAPED: bool = false;

    /// Appends this node's SQL, and its bound values, to `out`.
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>);

    /// The value this node binds, when it is a bound value and nothing else: what an IN
    /// list on PostgreSQL gathers into one array parameter. `None` for any other node.
    fn bound_value(&self) -> Option<Result<crate::types::Value<'_>, crate::error::EncodeError>> {
        None
    }

    /// Appends this node as an operand of a chain of the logical operator `op`. A chain
    /// of the same operator goes on without parentheses of its own, since AND and OR are
    /// associative: `.filter(a).filter(b).filter(c)` reads `(a AND b AND c)`, not
    /// `((a AND b) AND c)`. Every other node renders as itself.
    fn render_operand<'q>(&'q self, op: crate::expr::LogicKind, out: &mut SqlWriter<'q, D>) {
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
    /// Whether the list's text follows from its type: see [`RenderSql::TYPE_SHAPED`].
    const TYPE_SHAPED: bool = false;

    /// Appends the items separated by `, `.
    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>);

    /// Whether the list has no item, so that its clause is left out (a list of boxed
    /// ORDER BY terms built at run time may be empty).
    fn is_empty(&self) -> bool {
        false
    }
}

impl<E: crate::expr::Expression + RenderSql<D>, D: Dialect> RenderList<D> for E {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render_list<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.render(out);
    }
}

macro_rules! tuple_lists {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: RenderList<D>,)+ D: Dialect> RenderList<D> for ($($name,)+) {
            const TYPE_SHAPED: bool = true $(&& $name::TYPE_SHAPED)+;

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
