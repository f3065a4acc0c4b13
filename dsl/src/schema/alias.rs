//! Table aliases: the same table twice in one query (self-joins), each a type of its own.

use super::{Column, Table};
use crate::expr::{impl_into_expression, Expression};
use std::fmt::Debug;
use std::marker::PhantomData;

/// The name of an alias. Declare a unit struct per alias and implement this:
///
/// ```
/// #[derive(Debug, Clone, Copy, Default)]
/// struct Manager;
/// impl mizzle_dsl::schema::AliasName for Manager {
///     const NAME: &'static str = "manager";
/// }
/// ```
pub trait AliasName: Copy + Default + Debug + Send + Sync + 'static {
    /// Unquoted SQL name of the alias.
    const NAME: &'static str;
}

/// Table `T` under the alias `A`: `"users" AS "manager"`. A table of its own for the type
/// checker, so it can be joined with `T` itself; it reads, it is not written to.
#[derive(Debug)]
pub struct Alias<T, A>(PhantomData<(T, A)>);

impl<T, A> Clone for Alias<T, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T, A> Copy for Alias<T, A> {}
impl<T, A> Default for Alias<T, A> {
    fn default() -> Self {
        Alias(PhantomData)
    }
}

/// Table `table` under the alias `A`.
pub fn alias<T: Table, A: AliasName>(_table: T, _name: A) -> Alias<T, A> {
    Alias(PhantomData)
}

impl<T: Table, A: AliasName> Alias<T, A> {
    /// Column `column` of the aliased table: `"manager"."name"`.
    pub fn col<C: Column<Table = T>>(self, _column: C) -> Aliased<C, A> {
        Aliased(PhantomData)
    }
}

impl<T: Table, A: AliasName> Table for Alias<T, A> {
    const NAME: &'static str = A::NAME;
    const ALIAS_OF: Option<&'static str> = Some(T::NAME);
    const SCHEMA: Option<&'static str> = T::SCHEMA;
    type Dialect = T::Dialect;
    /// The table's columns under the alias (none of them has an application default:
    /// an alias is read, not written).
    type AllColumns = <T::AllColumns as super::ColumnList>::Aliased<A>;
    type Row = T::Row;
    fn columns() -> Vec<super::ColumnInfo> {
        T::columns()
    }
}

/// Column `C` of table `C::Table` under alias `A`.
#[derive(Debug)]
pub struct Aliased<C, A>(PhantomData<(C, A)>);

impl<C, A> Clone for Aliased<C, A> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<C, A> Copy for Aliased<C, A> {}
impl<C, A> Default for Aliased<C, A> {
    fn default() -> Self {
        Aliased(PhantomData)
    }
}

impl<C: Column, A: AliasName> Expression for Aliased<C, A> {
    type SqlType = C::SqlType;
    type Nullability = C::Nullability;
    type Value = C::Value;

    fn column_info() -> Option<crate::schema::ColumnInfo> {
        C::column_info()
    }
}

impl<C: Column, A: AliasName> Column for Aliased<C, A> {
    type Table = Alias<C::Table, A>;
    type Type = C::Type;
    type Default = C::Default;
    const NAME: &'static str = C::NAME;
}
impl_into_expression!(column [C, A] Aliased<C, A>);
