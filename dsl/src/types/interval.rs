//! [`Interval`]: PostgreSQL's interval, which no std or chrono type represents exactly.

/// A PostgreSQL `interval`: months, days and microseconds are kept apart, as the server
/// does, because a month has no fixed number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Interval {
    /// Whole months.
    pub months: i32,
    /// Whole days.
    pub days: i32,
    /// Microseconds.
    pub microseconds: i64,
}
