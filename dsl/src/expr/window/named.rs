//! Named windows: `WINDOW "w" AS (…)` declared once on a select, and `f() OVER "w"`.

use super::{RenderWindow, WindowIn};
use crate::dialect::Dialect;
use crate::query::{AndFilter, RenderClause, Select};
use crate::render::SqlWriter;
use crate::schema::{GroupKeys, QuerySource};
use std::marker::PhantomData;

/// A window with a name, for a select's WINDOW clause and the functions over it.
#[derive(Debug, Clone, Copy)]
pub struct NamedWindow<W> {
    name: &'static str,
    window: W,
}

/// Names `window` `name`: declare it on a select with `.window(&named)` and compute over
/// it with `f.over_named(&named)`.
pub fn named_window<W>(name: &'static str, window: W) -> NamedWindow<W> {
    NamedWindow { name, window }
}

impl<W> NamedWindow<W> {
    /// What a function's OVER refers to.
    pub fn reference(&self) -> WindowRef<W> {
        WindowRef {
            name: self.name,
            window: PhantomData,
        }
    }
}

/// `OVER "name"`: a named window, typed by its definition.
#[derive(Debug)]
pub struct WindowRef<W> {
    name: &'static str,
    window: PhantomData<W>,
}

impl<W> Clone for WindowRef<W> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<W> Copy for WindowRef<W> {}

/// A reference is checked as its definition is: the select declaring it checks that.
impl<W: WindowIn<S, I>, S, I> WindowIn<S, I> for WindowRef<W> {
    type Aggregates = W::Aggregates;
    type Grouped<G: GroupKeys> = W::Grouped<G>;
}

impl<W, D: Dialect> RenderWindow<D> for WindowRef<W> {
    // The name is chosen at run time.
    const TYPE_SHAPED: bool = false;

    fn render_window<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_ident(self.name);
    }
}

/// A select's HAVING (`H`) followed by its WINDOW clause, the windows of `W` last.
#[derive(Debug, Clone, Copy)]
pub struct Windows<H, W> {
    having: H,
    named: NamedWindow<W>,
}

impl<H: AndFilter<P>, W, P> AndFilter<P> for Windows<H, W> {
    type Output = Windows<H::Output, W>;
    fn and_filter(self, predicate: P) -> Self::Output {
        Windows {
            having: self.having.and_filter(predicate),
            named: self.named,
        }
    }
}

/// Whether a select's HAVING part already ends with a WINDOW clause.
pub(crate) trait EndsWithWindows {
    const WINDOWS: bool;
}

impl EndsWithWindows for crate::query::NoWhere {
    const WINDOWS: bool = false;
}

impl<P> EndsWithWindows for crate::query::Where<P> {
    const WINDOWS: bool = false;
}

impl<H, W> EndsWithWindows for Windows<H, W> {
    const WINDOWS: bool = true;
}

impl<H: RenderClause<D> + EndsWithWindows, W: RenderWindow<D>, D: Dialect> RenderClause<D> for Windows<H, W> {
    // The window's name is chosen at run time.
    const TYPE_SHAPED: bool = false;

    fn render_clause<'q>(&'q self, keyword: &'static str, out: &mut SqlWriter<'q, D>) {
        self.having.render_clause(keyword, out);
        out.push_sql(if H::WINDOWS { ", " } else { " WINDOW " });
        out.push_ident(self.named.name);
        out.push_sql(" AS ");
        self.named.window.render_window(out);
    }
}

impl<Src: QuerySource, Sel, W, G, H, O, Dis> Select<Src, Sel, W, G, H, O, Dis> {
    /// `WINDOW "name" AS (…)`: declares a named window for the functions of this select
    /// that compute `.over_named(&named)`. Its expressions must read this select's tables.
    pub fn window<Wn: Clone + WindowIn<Src, I>, I>(
        self,
        named: &NamedWindow<Wn>,
    ) -> Select<Src, Sel, W, G, Windows<H, Wn>, O, Dis> {
        Select {
            source: self.source,
            selection: self.selection,
            filter: self.filter,
            group: self.group,
            having: Windows {
                having: self.having,
                named: named.clone(),
            },
            order: self.order,
            distinct: self.distinct,
            limit: self.limit,
            offset: self.offset,
        }
    }
}
