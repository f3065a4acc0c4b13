//! [`Nested`]: a row with the relations loaded under it, read like the row itself.

use std::marker::PhantomData;
use std::ops::Deref;

/// A row of a relational query: the table's row (its columns read through `Deref`:
/// `user.name`) and the relations loaded under it (`user.related(user_posts)`).
///
/// With the `json` feature it serializes to the JSON object a web handler returns: the
/// row's columns, then each loaded relation under its name.
#[derive(Debug, Clone, PartialEq)]
pub struct Nested<Row, Rels> {
    row: Row,
    rels: Rels,
}

impl<Row, Rels> Nested<Row, Rels> {
    pub(crate) fn new(row: Row, rels: Rels) -> Self {
        Nested { row, rels }
    }

    /// The table's row itself.
    pub fn row(&self) -> &Row {
        &self.row
    }

    /// The loaded relations, as a list.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn rels(&self) -> &Rels {
        &self.rels
    }

    /// The table's row, dropping the loaded relations.
    pub fn into_row(self) -> Row {
        self.row
    }

    /// The rows loaded for `relation`: a `Vec` for a `many` relation, an `Option` for an
    /// `optional` one, the row itself for `one`; the number loaded for a `count_of(..)`.
    /// `I` is inferred.
    pub fn related<R, I>(&self, _relation: R) -> &<Rels as RelatedIn<R, I>>::Out
    where
        Rels: RelatedIn<R, I>,
    {
        self.rels.related()
    }
}

impl<Row, Rels> Deref for Nested<Row, Rels> {
    type Target = Row;
    fn deref(&self) -> &Row {
        &self.row
    }
}

/// The rows loaded for relation `R`, of type `Out`.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<R, Out> {
    rows: Out,
    relation: PhantomData<R>,
}

impl<R, Out> Loaded<R, Out> {
    pub(crate) fn new(rows: Out) -> Self {
        Loaded {
            rows,
            relation: PhantomData,
        }
    }

    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) fn rows(&self) -> &Out {
        &self.rows
    }
}

/// Proof that relation `R` was loaded at this level; `I` is the inferred position.
pub trait RelatedIn<R, I> {
    /// The loaded rows' type.
    type Out;
    /// The loaded rows.
    fn related(&self) -> &Self::Out;
}

/// Position: the first of the list.
#[derive(Debug)]
pub struct First;
/// Position: further down the list, at `I`.
#[derive(Debug)]
pub struct Later<I>(PhantomData<I>);

impl<R, Out, Rest> RelatedIn<R, First> for (Loaded<R, Out>, Rest) {
    type Out = Out;
    fn related(&self) -> &Out {
        &self.0.rows
    }
}

/// Position: past the end of the list, where `R` is not.
#[derive(Debug)]
pub struct Missing;

/// The end of the list: reached only by a relation the query did not load, which
/// [`NotLoaded`] then reports.
impl<R: NotLoaded> RelatedIn<R, Missing> for () {
    type Out = ();
    fn related(&self) -> &() {
        self
    }
}

/// Implemented by no relation: the error of reading a relation the query did not load.
#[diagnostic::on_unimplemented(
    message = "relation `{Self}` was not loaded for these rows",
    label = "the query has no `.with({Self})` at this level",
    note = "add `.with({Self})` to the query, at the level of these rows"
)]
pub trait NotLoaded {}

impl<R, H, Rest: RelatedIn<R, I>, I> RelatedIn<R, Later<I>> for (H, Rest) {
    type Out = Rest::Out;
    fn related(&self) -> &Self::Out {
        self.1.related()
    }
}
