//! How many rows LIMIT and OFFSET count: a number written into the SQL, or a named
//! parameter whose value comes when a prepared statement runs.

use super::prepared::Placeholder;
use crate::dialect::Dialect;
use crate::render::SqlWriter;
use crate::types::ParamKind;

/// A count of rows for LIMIT or OFFSET.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowCount {
    /// A number, written as a literal.
    Fixed(u64),
    /// The named parameter of a prepared statement ([`placeholder`](super::placeholder)).
    Param(&'static str),
}

/// What `.limit(..)` and `.offset(..)` of a relational query take: a `u64`, or a
/// [`placeholder`](super::placeholder) for a prepared query.
pub trait IntoRowCount {
    /// The count.
    fn into_row_count(self) -> RowCount;
}

impl IntoRowCount for u64 {
    fn into_row_count(self) -> RowCount {
        RowCount::Fixed(self)
    }
}

/// A count parameter is a `BigInt`, given as an `i64` (not below zero).
impl IntoRowCount for Placeholder<crate::types::BigInt> {
    fn into_row_count(self) -> RowCount {
        RowCount::Param(self.name())
    }
}

/// The values a row-count parameter takes: no negative number counts rows.
const COUNT_PARAM: ParamKind = ParamKind::Integer {
    min: 0,
    max: i64::MAX as i128,
};

impl RowCount {
    /// Writes the count: the number, or its parameter's placeholder.
    pub(crate) fn write<D: Dialect>(self, out: &mut SqlWriter<'_, D>) {
        match self {
            RowCount::Fixed(n) => out.push_u64(n),
            RowCount::Param(name) => out.push_slot(name, COUNT_PARAM),
        }
    }

    /// Which of none, a number or a parameter `count` is, for statements' shapes.
    pub(crate) fn choice(count: Option<RowCount>) -> u64 {
        match count {
            None => 0,
            Some(RowCount::Fixed(_)) => 1,
            Some(RowCount::Param(_)) => 2,
        }
    }
}
