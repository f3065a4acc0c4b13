//! [`table!`](crate::table): one line per column, expanding to the traits a table is made of.

/// Declares a table: a module holding the table type `table`, one type per column, the
/// row struct `Row` (Drizzle's `$inferSelect`) and the insert struct `New` (`$inferInsert`).
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
/// `ColumnType as RustType` for a custom Rust type (it needs `ToSql`, `FromSql`, `FromJson`
/// and `ToJson` impls).
/// Modifiers: `not_null`, `primary_key` (implies NOT NULL), `autoincrement`, `unique`,
/// `unique_named("name")`, `default(literal)`, `default_sql("raw sql")`, `default_now`,
/// `default_random`, `nulls_not_distinct` (PostgreSQL 15+, with `unique`),
/// `identity_always`, `identity_by_default` (PostgreSQL), `generated_stored("sql")`,
/// `generated_virtual("sql")`, `default_fn(function)` (computed by the application when an insert
/// leaves the column out), `on_update_fn(function)` (written by every update that does
/// not set the column), `references(table::column)`, `on_delete(Action)`, `on_update(Action)`,
/// `comment("text")` (kept by PostgreSQL and MySQL).
/// Columns are nullable unless `not_null` or `primary_key` says otherwise; a default (or a
/// serial type, or `autoincrement`) lets inserts leave the column out.
///
/// `pub users("app_users") schema "auth" in Pg { … }` sets the SQL name and the schema.
/// After the columns, `define |t| { … }` declares table-level keys, constraints and
/// indexes on the [`Define`](crate::schema::Define) `t`: `t.primary_key((a, b))`,
/// `t.unique((a, b)).named("…")`, `t.check("name", a.gt(0))`, `t.foreign_key(a, other::id)`,
/// `t.index("name_idx").on(name)`, `t.comment("text")`.
///
/// Everything it writes can be written by hand: see the README for the expansion.
#[macro_export]
macro_rules! table {
    (
        $(#[$meta:meta])*
        $vis:vis $table:ident $(($sql_name:literal))? $(schema $schema:literal)? in $dialect:ty {
            $(
                $(#[$col_meta:meta])*
                $col:ident $(($col_sql:literal))? : $ty:ty $(as $rust:ty)? $([ $($mods:tt)* ])?
            ),+ $(,)?
        }
        $(define |$define_arg:ident| $define:block)?
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
                $(const SCHEMA: ::std::option::Option<&'static str> = ::std::option::Option::Some($schema);)?
                type Dialect = $dialect;
                type AllColumns = $crate::__mizzle_keyed_chain!($($col [$($($mods)*)?]),+);
                type Row = Row;
                fn columns() -> ::std::vec::Vec<$crate::schema::ColumnInfo> {
                    ::std::vec![$(<$col as $crate::schema::Column>::info()),+]
                }
                $(
                    fn define($define_arg: &mut $crate::schema::Define<Self>) {
                        #[allow(unused_imports)]
                        use $crate::prelude::*;
                        $define
                    }
                )?
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

                    fn column_info() -> ::std::option::Option<$crate::schema::ColumnInfo> {
                        ::std::option::Option::Some(<Self as $crate::schema::Column>::info())
                    }
                }

                impl $crate::schema::Column for $col {
                    type Table = table;
                    type Type = $ty;
                    type Default = <<<$ty as $crate::schema::ColumnType<$dialect>>::Default as $crate::schema::DefaultKind>::Or<
                        $crate::__mizzle_default_kind!($($($mods)*)?),
                    > as $crate::schema::DefaultKind>::Or<$crate::__mizzle_key_default!($ty, $dialect; $($($mods)*)?)>;
                    const NAME: &'static str = $crate::__mizzle_name!($col $($col_sql)?);
                    fn constraints() -> $crate::schema::Constraints {
                        $crate::__mizzle_constraints!(@acc [$crate::schema::Constraints::new()] $($($mods)*)?)
                    }
                    fn insert_default() -> ::std::option::Option<$crate::schema::AppValue> {
                        $crate::__mizzle_app_fn!(default_fn $col; $($($mods)*)?)
                    }
                    fn update_default() -> ::std::option::Option<$crate::schema::AppValue> {
                        $crate::__mizzle_app_fn!(on_update_fn $col; $($($mods)*)?)
                    }
                }

                $crate::__mizzle_writable!($col; $($($mods)*)?);

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

            /// A row to insert (Drizzle's `$inferInsert`): NOT NULL columns without a default
            /// are plain fields; the others are `Option`s, and `None` leaves them to the
            /// database's default, the application's `default_fn`, or NULL.
            #[derive(Debug, Clone, PartialEq)]
            pub struct New {
                $(
                    $(#[$col_meta])*
                    pub $col: $crate::query::InsertField<$col>,
                )+
            }

            impl $crate::query::InsertRecord for New {
                const COLUMNS: &'static [&'static str] = &[$(<$col as $crate::schema::Column>::NAME),+];

                fn gives(&self, __index: usize) -> bool {
                    let mut __at = 0;
                    $(
                        if __at == __index {
                            return <$crate::query::RuleOf<$col> as $crate::query::FieldRule>::value(&self.$col).is_some();
                        }
                        __at += 1;
                    )+
                    let _ = __at;
                    false
                }

                fn render_value<'q, __D: $crate::dialect::Dialect>(
                    &'q self,
                    __index: usize,
                    __out: &mut $crate::render::SqlWriter<'q, __D>,
                ) {
                    let mut __at = 0;
                    $(
                        if __at == __index {
                            if let Some(__value) = <$crate::query::RuleOf<$col> as $crate::query::FieldRule>::value(&self.$col) {
                                match $crate::types::ToSql::<<$col as $crate::expr::Expression>::SqlType>::to_value(__value) {
                                    Ok(__bound) => __out.push_bind(__bound),
                                    Err(__error) => __out.push_error(__error),
                                }
                            }
                            return;
                        }
                        __at += 1;
                    )+
                    let _ = __at;
                }
            }

            impl $crate::query::InsertRows<table, ()> for New {}

            impl $crate::query::FromJsonRecord for New {
                fn from_json_object(
                    __object: &$crate::types::JsonObject,
                    __errors: &mut $crate::query::FieldErrors,
                ) -> ::std::option::Option<Self> {
                    #[allow(non_snake_case, non_camel_case_types)]
                    struct __Fields {
                        $($col: ::std::option::Option<$crate::query::InsertField<$col>>,)+
                    }
                    let __fields = __Fields {
                        $($col: $crate::query::insert_field_from_json::<$col>(__object, __errors),)+
                    };
                    ::std::option::Option::Some(New { $($col: __fields.$col?,)+ })
                }
            }

            /// An update of any of the table's columns: `None` leaves a column alone; on a
            /// nullable column `Some(None)` sets NULL. `update(table).set(patch)` writes it.
            #[derive(Debug, Clone, PartialEq, Default)]
            pub struct Patch {
                $(
                    $(#[$col_meta])*
                    pub $col: ::std::option::Option<$crate::schema::ColumnValue<$col>>,
                )+
            }

            impl $crate::query::FromJsonRecord for Patch {
                fn from_json_object(
                    __object: &$crate::types::JsonObject,
                    __errors: &mut $crate::query::FieldErrors,
                ) -> ::std::option::Option<Self> {
                    #[allow(non_snake_case, non_camel_case_types)]
                    struct __Fields {
                        $($col: ::std::option::Option<::std::option::Option<$crate::schema::ColumnValue<$col>>>,)+
                    }
                    let __fields = __Fields {
                        $($col: $crate::query::patch_field_from_json::<$col>(__object, __errors),)+
                    };
                    ::std::option::Option::Some(Patch { $($col: __fields.$col?,)+ })
                }
            }

            impl $crate::query::AssignmentOf<table> for Patch {}
            // A patch holds values, not expressions: it reads no table.
            #[diagnostic::do_not_recommend]
            impl<S> $crate::query::ValuesRead<S, ()> for Patch {}

            impl $crate::query::TableRecords for table {
                type New = New;
                type Patch = Patch;
            }

            impl<__D: $crate::dialect::Dialect> $crate::query::AssignmentList<__D> for Patch {
                fn render_columns(&self, __out: &mut $crate::render::SqlWriter<'_, __D>) {
                    let mut __first = true;
                    $(
                        if self.$col.is_some() {
                            if !::std::mem::take(&mut __first) {
                                __out.push_sql(", ");
                            }
                            __out.push_ident(<$col as $crate::schema::Column>::NAME);
                        }
                    )+
                }

                fn render_values<'q>(&'q self, __out: &mut $crate::render::SqlWriter<'q, __D>) {
                    let mut __first = true;
                    $(
                        if let ::std::option::Option::Some(__value) = &self.$col {
                            if !::std::mem::take(&mut __first) {
                                __out.push_sql(", ");
                            }
                            match <<$col as $crate::expr::Expression>::Nullability as $crate::types::Nullability>::to_value::<
                                <$col as $crate::expr::Expression>::SqlType,
                                <$col as $crate::expr::Expression>::Value,
                            >(__value) {
                                Ok(__bound) => __out.push_bind(__bound),
                                Err(__error) => __out.push_error(__error),
                            }
                        }
                    )+
                }

                fn render_set<'q>(&'q self, __out: &mut $crate::render::SqlWriter<'q, __D>) {
                    let mut __first = true;
                    $($crate::query::render_patch_field::<$col, __D>(&self.$col, &mut __first, __out);)+
                    if __first {
                        __out.push_error($crate::EncodeError::new("the patch sets no column; there is nothing to update"));
                    }
                }

                fn sets(&self, __column: &str) -> bool {
                    $((self.$col.is_some() && <$col as $crate::schema::Column>::NAME == __column))||+
                }
            }

            impl<__D: $crate::dialect::Dialect> $crate::query::RenderRows<__D> for New {
                fn render_rows<'q>(
                    &'q self,
                    __defaults: &[$crate::schema::AppValue],
                    __out: &mut $crate::render::SqlWriter<'q, __D>,
                ) {
                    $crate::query::render_record(self, __defaults, __out)
                }
            }

            impl<__D: $crate::dialect::Dialect> $crate::query::InsertRow<__D> for New {
                fn render_rows<'q>(
                    __rows: &'q [Self],
                    __defaults: &[$crate::schema::AppValue],
                    __out: &mut $crate::render::SqlWriter<'q, __D>,
                ) {
                    $crate::query::render_records(__rows, __defaults, __out)
                }
            }

            /// One row of the table, as selected.
            #[derive(Debug, Clone, PartialEq)]
            pub struct Row {
                $(
                    $(#[$col_meta])*
                    pub $col: $crate::schema::ColumnValue<$col>,
                )+
            }

            impl Row {
                /// The row as a JSON object, one member per column, in the forms validators read.
                pub fn to_json(&self) -> $crate::types::JsonObject {
                    let mut __object = $crate::types::JsonObject::new();
                    $(
                        __object.insert(
                            <$col as $crate::schema::Column>::NAME.to_owned(),
                            <<$col as $crate::expr::Expression>::Nullability as $crate::types::Nullability>::to_json::<
                                <$col as $crate::expr::Expression>::SqlType,
                                <$col as $crate::expr::Expression>::Value,
                            >(&self.$col),
                        );
                    )+
                    __object
                }
            }

            impl $crate::relation::RowJson for Row {
                fn row_json(&self) -> $crate::types::JsonObject {
                    self.to_json()
                }
                fn members() -> ::std::vec::Vec<(::std::string::String, $crate::query::JsonShape)> {
                    $crate::query::column_members($crate::schema::TableDef::of::<table>().columns)
                }
            }

            impl $crate::query::TableColumns for Row {
                const WIDTH: usize = [$(stringify!($col)),+].len();

                fn render_columns<__D: $crate::dialect::Dialect>(
                    __qualifier: &'static str,
                    __out: &mut $crate::render::SqlWriter<'_, __D>,
                ) {
                    let mut __first = true;
                    $(
                        if !::std::mem::take(&mut __first) {
                            __out.push_sql(", ");
                        }
                        __out.push_column(__qualifier, <$col as $crate::schema::Column>::NAME);
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
                    __row: &mut R,
                    __index: &mut usize,
                ) -> ::std::result::Result<Self, $crate::row::RowError> {
                    Ok(Row {
                        $(
                            $col: {
                                let __value = $crate::row::decode_column::<
                                    <$col as $crate::expr::Expression>::Value,
                                    <$col as $crate::expr::Expression>::SqlType,
                                    <$col as $crate::expr::Expression>::Nullability,
                                    __D,
                                    R,
                                >(__row, *__index)?;
                                *__index += 1;
                                __value
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
        $crate::schema::unraw(stringify!($ident))
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
    // PostgreSQL makes an identity column NOT NULL.
    (identity_always $($rest:tt)*) => { $crate::types::NotNull };
    (identity_by_default $($rest:tt)*) => { $crate::types::NotNull };
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
    (default_fn $($rest:tt)*) => { $crate::schema::HasDefault };
    (identity_always $($rest:tt)*) => { $crate::schema::HasDefault };
    (identity_by_default $($rest:tt)*) => { $crate::schema::HasDefault };
    (generated_stored $($rest:tt)*) => { $crate::schema::HasDefault };
    (generated_virtual $($rest:tt)*) => { $crate::schema::HasDefault };
    ($other:tt $($rest:tt)*) => { $crate::__mizzle_default_kind!($($rest)*) };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_constraints {
    (@acc [$($acc:tt)*]) => { $($acc)* };
    (@acc [$($acc:tt)*] , $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
    (@acc [$($acc:tt)*] not_null $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
    (@acc [$($acc:tt)*] default_fn($($f:tt)*) $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
    (@acc [$($acc:tt)*] on_update_fn($($f:tt)*) $($rest:tt)*) => { $crate::__mizzle_constraints!(@acc [$($acc)*] $($rest)*) };
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

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_app_fn {
    ($kind:ident $col:ident;) => { ::std::option::Option::None };
    (default_fn $col:ident; default_fn($f:expr) $($rest:tt)*) => {
        ::std::option::Option::Some($crate::schema::AppValue::of::<$col>(|| {
            $crate::schema::app_value::<<$col as $crate::expr::Expression>::SqlType, _>($f)
        }))
    };
    (on_update_fn $col:ident; on_update_fn($f:expr) $($rest:tt)*) => {
        ::std::option::Option::Some($crate::schema::AppValue::of::<$col>(|| {
            $crate::schema::app_value::<<$col as $crate::expr::Expression>::SqlType, _>($f)
        }))
    };
    ($kind:ident $col:ident; $other:tt $($rest:tt)*) => { $crate::__mizzle_app_fn!($kind $col; $($rest)*) };
}

/// `impl Writable for column`, unless its modifiers say the database computes it.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_writable {
    ($col:ident;) => { impl $crate::query::Writable for $col {} };
    ($col:ident; generated_stored $($rest:tt)*) => {};
    ($col:ident; generated_virtual $($rest:tt)*) => {};
    ($col:ident; identity_always $($rest:tt)*) => {};
    ($col:ident; $other:tt $($rest:tt)*) => { $crate::__mizzle_writable!($col; $($rest)*); };
}

/// `Chain<a, Chain<b, End>>`: a table's columns as a list of any length.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_chain {
    () => { $crate::schema::End };
    ($first:ident $(, $rest:ident)*) => { $crate::schema::Chain<$first, $crate::__mizzle_chain!($($rest),*)> };
}

/// `Chain<a, Chain<b, End>, Yes>`: a table's columns, each marked whether it is its primary key.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_keyed_chain {
    () => { $crate::schema::End };
    ($first:ident [$($mods:tt)*] $(, $rest:ident [$($rest_mods:tt)*])*) => {
        $crate::schema::Chain<
            $first,
            $crate::__mizzle_keyed_chain!($($rest [$($rest_mods)*]),*),
            $crate::__mizzle_key_flag!($($mods)*),
        >
    };
}

/// `Yes` when the modifiers say `primary_key`.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_key_flag {
    () => { $crate::schema::No };
    (primary_key $($rest:tt)*) => { $crate::schema::Yes };
    ($other:tt $($rest:tt)*) => { $crate::__mizzle_key_flag!($($rest)*) };
}

/// What `primary_key` implies for a column type's default ([`ColumnType::KeyDefault`](crate::schema::ColumnType::KeyDefault)).
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_key_default {
    ($ty:ty, $dialect:ty;) => { $crate::schema::NoDefault };
    ($ty:ty, $dialect:ty; primary_key $($rest:tt)*) => { <$ty as $crate::schema::ColumnType<$dialect>>::KeyDefault };
    ($ty:ty, $dialect:ty; $other:tt $($rest:tt)*) => { $crate::__mizzle_key_default!($ty, $dialect; $($rest)*) };
}

/// A Rust identifier as its SQL name: `r#type` names the column `type`. Used by
/// [`table!`](crate::table), so keywords can name columns and tables.
#[doc(hidden)]
pub const fn unraw(ident: &'static str) -> &'static str {
    match ident.as_bytes() {
        [b'r', b'#', ..] => {
            let (_, name) = ident.as_bytes().split_at(2);
            match std::str::from_utf8(name) {
                Ok(name) => name,
                Err(_) => ident,
            }
        }
        _ => ident,
    }
}
