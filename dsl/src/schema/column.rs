//! [`Column`]: one zero-sized type per column, and the runtime description DDL reads.

use super::column_types::{EnumType, TypeInfo};
use super::{AliasName, Aliased, ColumnType, Constraints, DefaultKind, KeyChain, Table};
use crate::error::EncodeError;
use crate::expr::Expression;
use crate::types::{Nullability, ToSql, Value};
use std::fmt::Debug;
use std::marker::PhantomData;

/// A column of [`Column::Table`]. One zero-sized type per column.
///
/// Apps declare these (by hand or with [`table!`](crate::table)); the SQL type and
/// nullability come from the [`Expression`] supertrait, the DDL type from [`Column::Type`].
pub trait Column: Expression + Copy + Default + Debug + Send + Sync + 'static {
    /// The table this column belongs to.
    type Table: Table;
    /// The column type of the table's dialect, as DDL spells it.
    type Type: ColumnType<<Self::Table as Table>::Dialect>;
    /// Whether inserts may omit this column.
    type Default: DefaultKind;
    /// Unquoted SQL name; quoting is the dialect's job.
    const NAME: &'static str;

    /// Primary key, unique, default and references, for DDL.
    fn constraints() -> Constraints {
        Constraints::new()
    }

    /// The application-side default, computed when an insert leaves the column out
    /// (Drizzle's `$defaultFn`).
    fn insert_default() -> Option<AppValue> {
        None
    }

    /// The application-side value written by every update that does not set the column
    /// (Drizzle's `$onUpdate`).
    fn update_default() -> Option<AppValue> {
        None
    }

    /// Everything DDL needs to know about this column.
    fn info() -> ColumnInfo {
        ColumnInfo {
            name: Self::NAME,
            write_type: <Self::Type as ColumnType<<Self::Table as Table>::Dialect>>::write_ddl,
            not_null: !<Self::Nullability as Nullability>::NULLABLE,
            constraints: Self::constraints(),
            enum_type: <Self::Type as ColumnType<<Self::Table as Table>::Dialect>>::enum_type(),
            type_info: <Self::Type as ColumnType<<Self::Table as Table>::Dialect>>::type_info(),
            now_sql: <Self::Type as ColumnType<<Self::Table as Table>::Dialect>>::now_sql(),
            has_default: <Self::Default as DefaultKind>::HAS_DEFAULT,
        }
    }
}

/// A value the application computes for a column: an insert default or an update value.
#[derive(Debug, Clone, Copy)]
pub struct AppValue {
    /// The column's unquoted name.
    pub column: &'static str,
    /// Computes the value, once per row written.
    pub make: fn() -> Result<Value<'static>, EncodeError>,
}

impl AppValue {
    /// The value of column `C` computed by `make`, bound as `C`'s SQL type.
    pub fn of<C: Column>(make: fn() -> Result<Value<'static>, EncodeError>) -> Self {
        AppValue { column: C::NAME, make }
    }
}

/// Computes `f()` and binds it as SQL type `ST`, owning the result.
pub fn app_value<ST, V: ToSql<ST>>(f: fn() -> V) -> Result<Value<'static>, EncodeError> {
    f().to_value().map(Value::into_owned)
}

/// A tuple of columns (a table's `AllColumns`), walked at run time for what DDL and
/// inserts need to know about each.
pub trait ColumnList {
    /// The same columns as a [`Chain`], in which a column's position is a type: how
    /// narrowing and GROUP BY tell columns apart.
    type Chained: KeyChain;
    /// The same columns of the table under alias `A`.
    type Aliased<A: AliasName>: ColumnList + KeyChain;
    /// Appends the application-side insert defaults of the columns.
    fn insert_defaults(out: &mut Vec<AppValue>);
    /// Appends the application-side update values of the columns.
    fn update_defaults(out: &mut Vec<AppValue>);
    /// Appends each column's description, in order.
    fn infos(out: &mut Vec<ColumnInfo>);
}

impl ColumnList for () {
    type Chained = End;
    type Aliased<A: AliasName> = End;
    fn insert_defaults(_out: &mut Vec<AppValue>) {}
    fn update_defaults(_out: &mut Vec<AppValue>) {}
    fn infos(_out: &mut Vec<ColumnInfo>) {}
}

/// A table's columns as a list of any length: `Chain<A, Chain<B, End>>`. `table!` writes
/// its columns this way; by hand a tuple of up to 16 columns does as well.
///
/// `Key` is [`Yes`](super::Yes) for a column declared `primary_key`: a query grouped by
/// the key may select the table's other columns. A tuple of columns declares no key.
#[derive(Debug, Clone, Copy, Default)]
pub struct Chain<Head, Tail, Key = super::No>(PhantomData<(Head, Tail, Key)>);

/// The end of a [`Chain`].
#[derive(Debug, Clone, Copy, Default)]
pub struct End;

impl ColumnList for End {
    type Chained = End;
    type Aliased<A: AliasName> = End;
    fn insert_defaults(_out: &mut Vec<AppValue>) {}
    fn update_defaults(_out: &mut Vec<AppValue>) {}
    fn infos(_out: &mut Vec<ColumnInfo>) {}
}

impl<H: Column, T: ColumnList, K: super::Truth> ColumnList for Chain<H, T, K>
where
    Self: KeyChain,
{
    type Chained = Self;
    type Aliased<A: AliasName> = Chain<Aliased<H, A>, T::Aliased<A>, K>;
    fn insert_defaults(out: &mut Vec<AppValue>) {
        out.extend(H::insert_default());
        T::insert_defaults(out);
    }
    fn update_defaults(out: &mut Vec<AppValue>) {
        out.extend(H::update_default());
        T::update_defaults(out);
    }
    fn infos(out: &mut Vec<ColumnInfo>) {
        out.push(H::info());
        T::infos(out);
    }
}

macro_rules! column_lists {
    ($($name:ident $idx:ident $i:tt),+) => {
        impl<$($name: Column,)+> ColumnList for ($($name,)+) {
            type Chained = crate::__mizzle_chain!($($name),+);
            type Aliased<Al: AliasName> = <Self::Chained as ColumnList>::Aliased<Al>;
            fn insert_defaults(out: &mut Vec<AppValue>) {
                $(out.extend($name::insert_default());)+
            }
            fn update_defaults(out: &mut Vec<AppValue>) {
                $(out.extend($name::update_default());)+
            }
            fn infos(out: &mut Vec<ColumnInfo>) {
                $(out.push($name::info());)+
            }
        }
    };
}
crate::macros::for_tuples!(column_lists);

/// The Rust type a column decodes to when selected from its own table: `V` or `Option<V>`.
pub type ColumnValue<C> = <<C as Expression>::Nullability as Nullability>::Wrap<<C as Expression>::Value>;

/// A column as DDL sees it.
#[derive(Debug, Clone)]
pub struct ColumnInfo {
    /// Unquoted name.
    pub name: &'static str,
    /// Writes the column type, e.g. `varchar(255)`.
    pub write_type: fn(&mut String),
    /// `NOT NULL` is written.
    pub not_null: bool,
    /// Keys, default, references.
    pub constraints: Constraints,
    /// The PostgreSQL enum type the column's type is, if any.
    pub enum_type: Option<EnumType>,
    /// The values the column's type holds.
    pub type_info: TypeInfo,
    /// What `default_now` writes for the column's type, where not the dialect's own.
    pub now_sql: Option<&'static str>,
    /// Inserts may leave the column out: the database or the application fills it.
    pub has_default: bool,
}

/// A column of table `T`: what APIs that take one column of a known table require.
pub trait BelongsTo<T> {}

impl<C: Column, T> BelongsTo<T> for C where C::Table: TableIs<T> {}

/// A column's table `Self` is the table `T` expected.
#[diagnostic::on_unimplemented(
    message = "a column of table `{Self}` is given where a column of `{T}` is expected",
    label = "a column of another table",
    note = "give one of `{T}`'s own columns"
)]
pub trait TableIs<T> {}

impl<T> TableIs<T> for T {}
