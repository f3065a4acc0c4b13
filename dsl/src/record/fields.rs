//! [`Record`]: a record struct as nested pairs of its fields, and [`FieldList`], the
//! types of those fields for each kind of record, computed from a table's columns.

use crate::query::{FieldRule, InsertField, InsertRule};
use crate::schema::{Chain, Column, ColumnValue, End, Table};

/// A column of a record: one whose insert rule (required or optional) follows from its
/// nullability and default, as it does for every column `table!` writes.
pub trait FieldColumn: Column<Nullability: InsertRule<Self::Default, Rule: FieldRule>> {}

impl<C: Column<Nullability: InsertRule<C::Default, Rule: FieldRule>>> FieldColumn for C {}

/// Which of a table's records a record struct is: [`Select`], [`Insert`] or [`Update`].
pub trait RecordKind: Sized + 'static {
    /// The type of column `C`'s field in such a record.
    type Field<C: FieldColumn>;
}

/// A table's `Row`: the row as selected.
#[derive(Debug, Clone, Copy, Default)]
pub struct Select;

/// A table's `New`: a row to insert.
#[derive(Debug, Clone, Copy, Default)]
pub struct Insert;

/// A table's `Patch`: an update of any of its columns.
#[derive(Debug, Clone, Copy, Default)]
pub struct Update;

impl RecordKind for Select {
    /// The column's value.
    type Field<C: FieldColumn> = ColumnValue<C>;
}

impl RecordKind for Insert {
    /// The column's value, or an `Option` where the insert may leave it out.
    type Field<C: FieldColumn> = InsertField<C>;
}

impl RecordKind for Update {
    /// The column's value, or `None` to leave it alone.
    type Field<C: FieldColumn> = Option<ColumnValue<C>>;
}

/// Nested pairs of values, `(first, (second, ()))`: a record's fields.
pub trait Pairs {
    /// The same pairs of references to the values.
    type Refs<'a>
    where
        Self: 'a;
}

impl Pairs for () {
    type Refs<'a> = ();
}

impl<A, B: Pairs> Pairs for (A, B) {
    type Refs<'a>
        = (&'a A, B::Refs<'a>)
    where
        Self: 'a;
}

/// A table's columns as a [`Chain`], with the types of its records' fields: each
/// record's fields are nested pairs, `(first, (second, ()))`, in column order.
pub trait FieldList {
    /// The number of columns.
    const LEN: usize;
    /// The fields of a record of kind `K`.
    type Fields<K: RecordKind>: Pairs;
}

impl FieldList for End {
    const LEN: usize = 0;
    type Fields<K: RecordKind> = ();
}

impl<H: FieldColumn, T: FieldList, K> FieldList for Chain<H, T, K> {
    const LEN: usize = T::LEN + 1;
    type Fields<Kind: RecordKind> = (Kind::Field<H>, T::Fields<Kind>);
}

/// References to the fields of a record of kind `K` of a table whose columns are `L`.
pub type Refs<'a, L, K> = <<L as FieldList>::Fields<K> as Pairs>::Refs<'a>;

/// A record struct of a table, written by [`table!`](crate::table): one field per column,
/// in column order, convertible from and to nested pairs of those fields.
///
/// `Fields` spells out the fields' types, so that the record's own impl is checked
/// against them alone; that they are the types the table's columns give a record of its
/// kind ([`FieldList::Fields`]) is checked where a record is used.
pub trait Record: Sized {
    /// The table whose record this is; its columns are a [`Chain`] (a [`FieldList`]).
    type Table: Table;
    /// Which record of the table this is.
    type Kind: RecordKind;
    /// The fields, as nested pairs.
    type Fields: Pairs;
    /// The record made of its fields.
    fn from_fields(fields: Self::Fields) -> Self;
    /// References to the record's fields.
    fn fields(&self) -> <Self::Fields as Pairs>::Refs<'_>;
}

/// The columns of record `R`'s table.
pub type FieldsOf<R> = <<R as Record>::Table as Table>::AllColumns;
