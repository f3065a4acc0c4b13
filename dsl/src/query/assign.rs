//! Assignments `column = value`, used by INSERT, UPDATE and upserts.

use crate::dialect::Dialect;
use crate::expr::{AppearsIn, AsExpression, Expression};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{AppValue, Column};
use crate::types::{NotNull, Null, Nullability};
use std::marker::PhantomData;

/// `column = value`: made by `column.to(value)`.
#[derive(Debug, Clone, Copy)]
pub struct Assign<C, E> {
    column: PhantomData<C>,
    value: E,
}

/// A value that column `C` accepts: a Rust value or expression of its SQL type. An
/// `Option` (or any nullable expression) is accepted only by a nullable column.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be stored in column `{C}`",
    label = "the column's SQL type takes another Rust type",
    note = "an `Option` can only be stored in a nullable column"
)]
pub trait IntoColumnValue<C> {
    /// The expression written.
    type Expr;
    /// Converts.
    fn into_column_value(self) -> Self::Expr;
}

impl<C: Column, V: AsExpression<C::SqlType>> IntoColumnValue<C> for V
where
    C::Nullability: Holds<<V::Expr as Expression>::Nullability>,
{
    type Expr = V::Expr;
    fn into_column_value(self) -> Self::Expr {
        self.into_expression()
    }
}

/// A column of nullability `Self` can hold a value of nullability `N`.
#[diagnostic::on_unimplemented(
    message = "this column is NOT NULL: it cannot be set to a value that may be NULL",
    label = "pass the value itself, not an `Option` or a nullable expression",
    note = "declare the column without `not_null` if NULL is a valid value"
)]
pub trait Holds<N> {}
impl<N: Nullability> Holds<NotNull> for N {}
impl Holds<Null> for Null {}

/// A column a statement may write: every column but those the database computes
/// (`generated_stored`, `generated_virtual`, `identity_always`), which `table!` leaves
/// without this impl. A table declared by hand implements it for its writable columns.
#[diagnostic::on_unimplemented(
    message = "column `{Self}` is computed by the database and cannot be written",
    label = "a generated or `identity_always` column",
    note = "leave it out of inserts and updates: the database fills it \
            (an `identity_by_default` column takes explicit values)"
)]
pub trait Writable: Column {}

impl<C: Writable, A: crate::schema::AliasName> Writable for crate::schema::Aliased<C, A> {}

/// Columns a statement may write, one or a tuple (INSERT … SELECT's column list).
#[diagnostic::on_unimplemented(
    message = "a column of this list is computed by the database and cannot be written",
    label = "a generated or `identity_always` column is in this list",
    note = "leave it out: the database fills it"
)]
pub trait WritableColumns {}

impl<C: Writable> WritableColumns for C {}

macro_rules! tuple_writable_columns {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: WritableColumns,)+> WritableColumns for ($($name,)+) {}
    };
}
crate::macros::for_tuples!(tuple_writable_columns);

/// Methods only columns have.
pub trait ColumnMethods: Column {
    /// `column = value`, for `insert(..).values(..)`, `update(..).set(..)` and upserts.
    /// Not for a column the database computes.
    fn to<V: IntoColumnValue<Self>>(self, value: V) -> Assign<Self, V::Expr>
    where
        Self: Writable,
    {
        Assign {
            column: PhantomData,
            value: value.into_column_value(),
        }
    }
}

impl<C: Column> ColumnMethods for C {}

/// Proof that an assignment (or each of a tuple of them) writes a column of table `T`.
#[diagnostic::on_unimplemented(
    message = "an assignment here sets a column that does not belong to table `{T}`",
    label = "expected `column.to(value)` for columns of `{T}`, or a tuple of those",
    note = "a statement can only set the columns of the table it writes to"
)]
pub trait AssignmentOf<T> {}

/// A column of table `T`.
pub trait ColumnOf<T> {}
impl<C: Column, T> ColumnOf<T> for C where C::Table: SameTable<T> {}

/// Two names for the same table.
#[diagnostic::on_unimplemented(
    message = "a column of table `{Self}` cannot be set by a statement on table `{T}`",
    label = "this column belongs to `{Self}`",
    note = "a statement can only set the columns of the table it writes to"
)]
pub trait SameTable<T> {}
impl<T> SameTable<T> for T {}

impl<C: ColumnOf<T>, E, T> AssignmentOf<T> for Assign<C, E> {}

/// Proof that the values of an assignment (or of each of a tuple of them) read only the
/// tables of `S`: an UPDATE's own table, nothing at all for an INSERT's VALUES.
/// `I` is the inferred proof, as for [`AppearsIn`].
#[diagnostic::on_unimplemented(
    message = "a value here reads a table this statement does not read",
    label = "a value in these assignments reads a column of another table",
    note = "UPDATE … SET reads the table it updates, and another one added with `update(t).from(other)`; \
            INSERT … VALUES reads no table (use `insert(..).select(..)` to insert from a query)"
)]
pub trait ValuesRead<S, I> {}

// Not looked through in errors: "a value reads a table this statement does not read"
// says more here than the missing table's own "join it first".
#[diagnostic::do_not_recommend]
impl<C, E: AppearsIn<S, I>, S, I> ValuesRead<S, I> for Assign<C, E> {}

/// Assignments as SQL: `"a", "b"` (the column list) and `?, ?` (the values), or
/// `"a" = ?, "b" = ?` for SET. Implemented by assignments and tuples of them.
pub trait AssignmentList<D: Dialect> {
    /// Whether the text of the assignments follows from their type: see
    /// [`RenderSql::TYPE_SHAPED`](crate::render::RenderSql::TYPE_SHAPED). Not of a
    /// table's `Patch`, whose columns are the fields it has.
    const TYPE_SHAPED: bool = false;

    /// Writes the unqualified column names, separated by commas.
    fn render_columns(&self, out: &mut SqlWriter<'_, D>);
    /// Writes the values, separated by commas.
    fn render_values<'q>(&'q self, out: &mut SqlWriter<'q, D>);
    /// Writes `"col" = value, …`.
    fn render_set<'q>(&'q self, out: &mut SqlWriter<'q, D>);
    /// Whether the column named `column` is assigned.
    fn sets(&self, column: &str) -> bool;
}

impl<C: Column, E: Expression + RenderSql<D>, D: Dialect> AssignmentList<D> for Assign<C, E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render_columns(&self, out: &mut SqlWriter<'_, D>) {
        out.push_ident(C::NAME);
    }

    fn render_values<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.value.render(out);
    }

    fn render_set<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_set_target(<C::Table as crate::schema::Table>::NAME, C::NAME);
        out.push_sql(" = ");
        self.value.render(out);
    }

    fn sets(&self, column: &str) -> bool {
        C::NAME == column
    }
}

macro_rules! tuple_assignments {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: AssignmentOf<T>,)+ T> AssignmentOf<T> for ($($name,)+) {}

        #[diagnostic::do_not_recommend]
        impl<$($name: ValuesRead<S, $idx>, $idx,)+ S> ValuesRead<S, ($($idx,)+)> for ($($name,)+) {}

        impl<$($name: AssignmentList<D>,)+ D: Dialect> AssignmentList<D> for ($($name,)+) {
            const TYPE_SHAPED: bool = true $(&& $name::TYPE_SHAPED)+;

            fn render_columns(&self, out: &mut SqlWriter<'_, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_columns(out);
                )+
            }

            fn render_values<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_values(out);
                )+
            }

            fn render_set<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_set(out);
                )+
            }

            fn sets(&self, column: &str) -> bool {
                $(self.$i.sets(column))||+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_assignments);

/// Columns written bare (`"a", "b"`), as conflict targets and `INSERT … SELECT` list them:
/// one column or a tuple of them.
pub trait ColumnNames {
    /// Writes the names, separated by commas.
    fn render_names<D: Dialect>(&self, out: &mut SqlWriter<'_, D>);
    /// Appends the names.
    fn collect_names(&self, out: &mut Vec<&'static str>);
}

impl<C: Column> ColumnNames for C {
    fn render_names<D: Dialect>(&self, out: &mut SqlWriter<'_, D>) {
        out.push_ident(C::NAME);
    }

    fn collect_names(&self, out: &mut Vec<&'static str>) {
        out.push(C::NAME);
    }
}

macro_rules! tuple_column_names {
    ($($name:ident $idx:ident $i:tt),+) => {
        #[diagnostic::do_not_recommend]
        impl<$($name: ColumnNames,)+> ColumnNames for ($($name,)+) {
            fn render_names<D: Dialect>(&self, out: &mut SqlWriter<'_, D>) {
                $(
                    if $i > 0 {
                        out.push_sql(", ");
                    }
                    self.$i.render_names(out);
                )+
            }

            fn collect_names(&self, out: &mut Vec<&'static str>) {
                $(self.$i.collect_names(out);)+
            }
        }
    };
}
crate::macros::for_tuples!(tuple_column_names);

/// Writes `"col"` for each application-side value, each after a comma unless it is the
/// first item of the list (`first`).
pub(crate) fn render_app_names<D: Dialect>(values: &[AppValue], mut first: bool, out: &mut SqlWriter<'_, D>) {
    for value in values {
        if !std::mem::take(&mut first) {
            out.push_sql(", ");
        }
        out.push_ident(value.column);
    }
}

/// Binds a freshly computed value for each application-side value, separated as
/// [`render_app_names`] separates the names.
pub(crate) fn render_app_values<D: Dialect>(values: &[AppValue], mut first: bool, out: &mut SqlWriter<'_, D>) {
    for value in values {
        if !std::mem::take(&mut first) {
            out.push_sql(", ");
        }
        match (value.make)() {
            Ok(bound) => out.push_bind(bound),
            Err(error) => out.push_error(error),
        }
    }
}

/// The application-side values among `values` whose column `row` does not assign.
pub(crate) fn unassigned<D: Dialect, A: AssignmentList<D>>(values: &[AppValue], row: &A) -> Vec<AppValue> {
    values.iter().filter(|value| !row.sets(value.column)).copied().collect()
}
