//! [`table!`](crate::table): one line per column, expanding to the traits a table is made of.

/// Declares a table: a module holding the table type `table`, one type per column, and
/// the row struct `Row` (Drizzle's `$inferSelect`).
///
/// ```
/// use mizzle_dsl::sqlite::*;
///
/// mizzle_dsl::table! {
///     /// People who can sign in.
///     pub users in mizzle_dsl::dialect::Sqlite {
///         id: Integer [primary_key, autoincrement],
///         name: Text [not_null],
///         email: Text [unique],
///         invited_by: Integer [references(users::id), on_delete(SetNull)],
///     }
/// }
/// # fn main() {}
/// ```
///
/// Each column is `name: ColumnType [modifiers]`, optionally `name("sql_name")` and
/// `ColumnType as RustType` for a custom Rust type (it needs `ToSql`/`FromSql` impls).
/// Modifiers: `not_null`, `primary_key` (implies NOT NULL), `autoincrement`, `unique`,
/// `unique_named("name")`, `default(literal)`, `default_sql("raw sql")`, `default_now`,
/// `default_random`, `references(table::column)`, `on_delete(Action)`, `on_update(Action)`.
/// Columns are nullable unless `not_null` or `primary_key` says otherwise; a default (or a
/// serial type, or `autoincrement`) lets inserts leave the column out.
///
/// Everything it writes can be written by hand: see the README for the expansion.
#[macro_export]
macro_rules! table {
    (
        $(#[$meta:meta])*
        $vis:vis $table:ident $(($sql_name:literal))? in $dialect:ty {
            $(
                $(#[$col_meta:meta])*
                $col:ident $(($col_sql:literal))? : $ty:ty $(as $rust:ty)? $([ $($mods:tt)* ])?
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[allow(non_camel_case_types, non_upper_case_globals, dead_code)]
        $vis mod $table {
            #[allow(unused_imports)]
            use super::*;

            /// The table.
            #[derive(Debug, Clone, Copy, Default)]
            pub struct table;

            impl $crate::schema::Table for table {
                const NAME: &'static str = $crate::__mizzle_name!($table $($sql_name)?);
                type Dialect = $dialect;
                type AllColumns = ($($col,)+);
                type Row = Row;
                fn columns() -> ::std::vec::Vec<$crate::schema::ColumnInfo> {
                    ::std::vec![$(<$col as $crate::schema::Column>::info()),+]
                }
            }

            impl table {
                /// Every column, decoded into [`Row`]; `Option<Row>` on the nullable side of an outer join.
                pub fn row(self) -> $crate::query::WholeRow<table> {
                    $crate::query::WholeRow::of(self)
                }
            }

            $(
                $(#[$col_meta])*
                #[derive(Debug, Clone, Copy, Default)]
                pub struct $col;

                impl $crate::expr::Expression for $col {
                    type SqlType = <$ty as $crate::schema::ColumnType<$dialect>>::SqlType;
                    type Nullability = $crate::__mizzle_nullability!($($($mods)*)?);
                    type Value = $crate::__mizzle_rust_type!($ty, $dialect $(, $rust)?);
                }

                impl $crate::schema::Column for $col {
                    type Table = table;
                    type Type = $ty;
                    type Default = <<$ty as $crate::schema::ColumnType<$dialect>>::Default as $crate::schema::DefaultKind>::Or<
                        $crate::__mizzle_default_kind!($($($mods)*)?),
                    >;
                    const NAME: &'static str = $crate::__mizzle_name!($col $($col_sql)?);
                    fn constraints() -> $crate::schema::Constraints {
                        $crate::__mizzle_constraints!(@acc [$crate::schema::Constraints::new()] $($($mods)*)?)
                    }
                }

                impl<__ST> $crate::expr::AsExpression<__ST> for $col
                where
                    <$col as $crate::expr::Expression>::SqlType: $crate::types::SameType<__ST>,
                {
                    type Expr = $col;
                    fn into_expression(self) -> $col {
                        self
                    }
                }
            )+

            /// One row of the table, as selected.
            #[derive(Debug, Clone, PartialEq)]
            pub struct Row {
                $(
                    $(#[$col_meta])*
                    pub $col: $crate::schema::ColumnValue<$col>,
                )+
            }

            impl $crate::query::TableColumns for Row {
                const WIDTH: usize = [$(stringify!($col)),+].len();

                fn render_columns<__D: $crate::dialect::Dialect>(
                    qualifier: &str,
                    out: &mut $crate::render::SqlWriter<'_, __D>,
                ) {
                    let mut first = true;
                    $(
                        if !::std::mem::take(&mut first) {
                            out.push_sql(", ");
                        }
                        if out.qualify_columns() {
                            out.push_ident(qualifier);
                            out.push_sql(".");
                        }
                        out.push_ident(<$col as $crate::schema::Column>::NAME);
                    )+
                }
            }

            impl<__D: $crate::dialect::Dialect> $crate::query::TableRow<__D> for Row
            where
                $(
                    <$col as $crate::expr::Expression>::Value:
                        $crate::types::FromSql<<$col as $crate::expr::Expression>::SqlType, __D>,
                )+
            {
                fn decode<R: $crate::row::RawRow<__D>>(
                    row: &R,
                    index: &mut usize,
                ) -> ::std::result::Result<Self, $crate::Error> {
                    Ok(Row {
                        $(
                            $col: {
                                let value = $crate::row::decode_column::<
                                    <$col as $crate::expr::Expression>::Value,
                                    <$col as $crate::expr::Expression>::SqlType,
                                    <$col as $crate::expr::Expression>::Nullability,
                                    __D,
                                    R,
                                >(row, *index)?;
                                *index += 1;
                                value
                            },
                        )+
                    })
                }
            }
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_name {
    ($ident:ident) => {
        stringify!($ident)
    };
    ($ident:ident $name:literal) => {
        $name
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_rust_type {
    ($ty:ty, $dialect:ty) => {
        <$ty as $crate::schema::ColumnType<$dialect>>::Value
    };
    ($ty:ty, $dialect:ty, $rust:ty) => {
        $rust
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_nullability {
    () => { $crate::types::Null };
    (not_null $($rest:tt)*) => { $crate::types::NotNull };
    (primary_key $($rest:tt)*) => { $crate::types::NotNull };
    ($other:tt $($rest:tt)*) => { $crate::__mizzle_nullability!($($rest)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_default_kind {
    () => { $crate::schema::NoDefault };
    (autoincrement $($rest:tt)*) => { $crate::schema::HasDefault };
    (default $($rest:tt)*) => { $crate::schema::HasDefault };
    (default_sql $($rest:tt)*) => { $crate::schema::HasDefault };
    (default_now $($rest:tt)*) => { $crate::schema::HasDefault };
    (default_random $($rest:tt)*) => { $crate::schema::HasDefault };
    ($other:tt $($rest:tt)*) => { $crate::__mizzle_default_kind!($($rest)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_constraints {
    (@acc [$($acc:tt)*]) => { $($acc)* };
    (@acc [$($acc:tt)*] , $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
    (@acc [$($acc:tt)*] not_null $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
    (@acc [$($acc:tt)*] on_delete($action:ident) $($rest:tt)*) => {
        $crate::__mizzle_constraints!(@acc [$($acc)*.on_delete($crate::schema::RefAction::$action)] $($rest)*)
    };
    (@acc [$($acc:tt)*] on_update($action:ident) $($rest:tt)*) => {
        $crate::__mizzle_constraints!(@acc [$($acc)*.on_update($crate::schema::RefAction::$action)] $($rest)*)
    };
    (@acc [$($acc:tt)*] $m:ident ($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_constraints!(@acc [$($acc)*.$m($($args)*)] $($rest)*)
    };
    (@acc [$($acc:tt)*] $m:ident $($rest:tt)*) => {
        $crate::__mizzle_constraints!(@acc [$($acc)*.$m()] $($rest)*)
    };
}
