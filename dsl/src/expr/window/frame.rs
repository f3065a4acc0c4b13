//! Window frames: ROWS, RANGE or GROUPS between two bounds, and what they exclude.

use crate::dialect::{Dialect, MySql, Pg, Sqlite};
use crate::render::SqlWriter;
use std::marker::PhantomData;

/// One end of a window frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameBound {
    /// `UNBOUNDED PRECEDING`: the partition's first row.
    UnboundedPreceding,
    /// `n PRECEDING`: `n` rows (or groups, or a distance in the ORDER BY value) before.
    Preceding(u64),
    /// `CURRENT ROW`.
    CurrentRow,
    /// `n FOLLOWING`: `n` rows (or groups, or a distance) after.
    Following(u64),
    /// `UNBOUNDED FOLLOWING`: the partition's last row.
    UnboundedFollowing,
}

impl FrameBound {
    /// Which bound, for statements' shapes (the numbers are recorded as they are written).
    fn code(self) -> u64 {
        match self {
            FrameBound::UnboundedPreceding => 0,
            FrameBound::Preceding(_) => 1,
            FrameBound::CurrentRow => 2,
            FrameBound::Following(_) => 3,
            FrameBound::UnboundedFollowing => 4,
        }
    }
}

/// Rows of the frame left out of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameExclusion {
    /// `EXCLUDE CURRENT ROW`.
    CurrentRow,
    /// `EXCLUDE GROUP`: the current row and the rows equal to it in the ORDER BY.
    Group,
    /// `EXCLUDE TIES`: the rows equal to the current one, but not itself.
    Ties,
    /// `EXCLUDE NO OTHERS`: nothing, as without it.
    NoOthers,
}

/// No frame clause: the default frame (the whole partition, or up to the current row's
/// last equal row when the window is ordered).
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFrame;

/// A frame of kind `K` ([`Rows`], [`Range`] or [`Groups`]) between two bounds, with
/// [`NoExclusion`] or [`Excluding`].
#[derive(Debug, Clone, Copy)]
pub struct Frame<K, X = NoExclusion> {
    start: FrameBound,
    end: FrameBound,
    exclusion: X,
    kind: PhantomData<K>,
}

/// A frame that excludes nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoExclusion;

/// A frame with an `EXCLUDE` clause.
#[derive(Debug, Clone, Copy)]
pub struct Excluding(FrameExclusion);

/// A frame counted in rows.
#[derive(Debug, Clone, Copy)]
pub struct Rows;

/// A frame by the ORDER BY value.
#[derive(Debug, Clone, Copy)]
pub struct Range;

/// A frame counted in groups of equal rows.
#[derive(Debug, Clone, Copy)]
pub struct Groups;

/// A kind of frame, and its keyword.
pub trait FrameKind {
    /// `ROWS`, `RANGE` or `GROUPS`.
    const KEYWORD: &'static str;
}

impl FrameKind for Rows {
    const KEYWORD: &'static str = "ROWS";
}

impl FrameKind for Range {
    const KEYWORD: &'static str = "RANGE";
}

impl FrameKind for Groups {
    const KEYWORD: &'static str = "GROUPS";
}

impl<K> Frame<K> {
    pub(super) fn new(start: FrameBound, end: FrameBound) -> Self {
        Frame {
            start,
            end,
            exclusion: NoExclusion,
            kind: PhantomData,
        }
    }

    pub(super) fn excluding(self, exclusion: FrameExclusion) -> Frame<K, Excluding> {
        Frame {
            start: self.start,
            end: self.end,
            exclusion: Excluding(exclusion),
            kind: PhantomData,
        }
    }
}

/// Writes a window's frame clause, or nothing; a frame `D` lacks does not compile.
#[diagnostic::on_unimplemented(
    message = "{D} has no such window frame",
    label = "this window's frame uses GROUPS or EXCLUDE",
    note = "MySQL and MariaDB frames are ROWS or RANGE, without EXCLUDE; PostgreSQL and SQLite have all three"
)]
pub(crate) trait RenderFrame<D: Dialect> {
    /// Writes ` ROWS BETWEEN … AND …` (without the space when nothing is `before` it).
    fn render_frame(&self, out: &mut SqlWriter<'_, D>, before: bool);
}

impl<D: Dialect> RenderFrame<D> for NoFrame {
    fn render_frame(&self, _out: &mut SqlWriter<'_, D>, _before: bool) {}
}

/// Dialects with a frame of kind `K` excluding `X`.
pub(crate) trait HasFrame<K, X> {}

impl<K, X> HasFrame<K, X> for Pg {}
impl<K, X> HasFrame<K, X> for Sqlite {}
impl HasFrame<Rows, NoExclusion> for MySql {}
impl HasFrame<Range, NoExclusion> for MySql {}

impl<K: FrameKind, X: RenderExclusion, D: Dialect + HasFrame<K, X>> RenderFrame<D> for Frame<K, X> {
    fn render_frame(&self, out: &mut SqlWriter<'_, D>, before: bool) {
        out.push_choice(self.start.code() | self.end.code() << 3 | self.exclusion.code() << 6);
        out.push_sql(if before { " " } else { "" });
        out.push_sql(K::KEYWORD);
        out.push_sql(" BETWEEN ");
        write_bound(self.start, out);
        out.push_sql(" AND ");
        write_bound(self.end, out);
        self.exclusion.render_exclusion(out);
    }
}

fn write_bound<D: Dialect>(bound: FrameBound, out: &mut SqlWriter<'_, D>) {
    match bound {
        FrameBound::UnboundedPreceding => out.push_sql("UNBOUNDED PRECEDING"),
        FrameBound::Preceding(n) => {
            out.push_u64(n);
            out.push_sql(" PRECEDING");
        }
        FrameBound::CurrentRow => out.push_sql("CURRENT ROW"),
        FrameBound::Following(n) => {
            out.push_u64(n);
            out.push_sql(" FOLLOWING");
        }
        FrameBound::UnboundedFollowing => out.push_sql("UNBOUNDED FOLLOWING"),
    }
}

/// Writes a frame's EXCLUDE clause, or nothing.
pub(crate) trait RenderExclusion {
    /// Which exclusion, for statements' shapes.
    fn code(&self) -> u64;
    fn render_exclusion<D: Dialect>(&self, out: &mut SqlWriter<'_, D>);
}

impl RenderExclusion for NoExclusion {
    fn code(&self) -> u64 {
        0
    }
    fn render_exclusion<D: Dialect>(&self, _out: &mut SqlWriter<'_, D>) {}
}

impl RenderExclusion for Excluding {
    fn code(&self) -> u64 {
        1 + self.0 as u64
    }
    fn render_exclusion<D: Dialect>(&self, out: &mut SqlWriter<'_, D>) {
        out.push_sql(match self.0 {
            FrameExclusion::CurrentRow => " EXCLUDE CURRENT ROW",
            FrameExclusion::Group => " EXCLUDE GROUP",
            FrameExclusion::Ties => " EXCLUDE TIES",
            FrameExclusion::NoOthers => " EXCLUDE NO OTHERS",
        });
    }
}
