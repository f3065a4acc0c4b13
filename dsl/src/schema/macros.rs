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
/// `ColumnType as RustType` for a custom Rust type (it needs `ToSql` and `FromSql` impls,
/// and with the `json` feature `FromJson` and `ToJson`).
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
            pub struct table;
            $crate::__mizzle_unit_traits!(table);

            impl $crate::schema::Table for table {
                const NAME: &'static str = $crate::__mizzle_name!($table $($sql_name)?);
                $(const SCHEMA: ::std::option::Option<&'static str> = ::std::option::Option::Some($schema);)?
                type Dialect = $dialect;
                type AllColumns = $crate::__mizzle_keyed_chain!($($col [$($($mods)*)?]),+);
                type Row = Row;
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
                pub struct $col;
                $crate::__mizzle_unit_traits!($col);

                // `Expression`, `Column` and (unless the database computes it) `Writable`,
                // from one scan of the modifiers.
                $crate::__mizzle_column!(@scan $col [
                    $ty,
                    $dialect,
                    [$crate::__mizzle_rust_type!($ty, $dialect $(, $rust)?)],
                    [$crate::__mizzle_name!($col $($col_sql)?)]
                ] [Null] [type] [yes] [] [] []; $($($mods)*)?);

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
            pub struct New {
                $(
                    $(#[$col_meta])*
                    pub $col: $crate::__mizzle_insert_field!([$($($mods)*)?] $col, $ty, $dialect $(, $rust)?),
                )+
            }

            $crate::__mizzle_record_traits!(New [$($col)+]);

            impl $crate::query::InsertRows<table, ()> for New {}

            /// An update of any of the table's columns: `None` leaves a column alone; on a
            /// nullable column `Some(None)` sets NULL. `update(table).set(patch)` writes it.
            pub struct Patch {
                $(
                    $(#[$col_meta])*
                    pub $col: ::std::option::Option<$crate::__mizzle_wrap!([$($($mods)*)?] $ty, $dialect $(, $rust)?)>,
                )+
            }

            $crate::__mizzle_record_traits!(Patch [$($col)+]);

            impl ::std::default::Default for Patch {
                fn default() -> Self {
                    $crate::record::unset()
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

            /// One row of the table, as selected.
            pub struct Row {
                $(
                    $(#[$col_meta])*
                    pub $col: $crate::__mizzle_wrap!([$($($mods)*)?] $ty, $dialect $(, $rust)?),
                )+
            }

            $crate::__mizzle_record_traits!(Row [$($col)+]);

            // `Record` for `New`, `Patch` and `Row`: their fields as nested pairs, built
            // in one walk over the columns.
            $crate::__mizzle_records!(@reverse self __pairs [$dialect] [] [__pairs] [] $(($col [$($($mods)*)?] $ty $(, $rust)?))+);

            $crate::__mizzle_row_json!();
        }
    };
}

/// `Row::to_json`, where mizzle has the `json` feature.
#[cfg(feature = "json")]
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_row_json {
    () => {
        impl Row {
            /// The row as a JSON object, one member per column, in the forms validators read.
            pub fn to_json(&self) -> $crate::types::JsonObject {
                $crate::relation::RowJson::row_json(self)
            }
        }
    };
}

/// Nothing: without the `json` feature a row has no JSON form.
#[cfg(not(feature = "json"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_row_json {
    () => {};
}

/// `Record` for a table's `New`, `Patch` and `Row`, whose fields are nested pairs
/// (`(a, (b, ()))`). One walk over the columns reverses them and writes where each field
/// sits in the pairs (`fields.1.0`); a second folds them from the last, each step wrapping
/// the four nestings built so far (the three records' field types and the references to
/// their fields). A table so costs two walks over its columns, not one per nesting.
///
/// `self` and the pairs' name come from `table!`, so that the methods' parameters and their
/// uses in the bodies share one hygiene context.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_records {
    (@reverse $this:tt $pairs:tt $dialect:tt [$($reversed:tt)*] [$($at:tt)+] [$($fields:tt)*]
        ($col:ident $($spec:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_records!(@reverse $this $pairs $dialect [($col $($spec)*) $($reversed)*]
            [$($at)+ . 1] [$($fields)* $col: $($at)+ . 0,] $($rest)*);
    };
    (@reverse $this:tt $pairs:tt $dialect:tt [$($reversed:tt)*] $at:tt $fields:tt) => {
        $crate::__mizzle_records!(@fold $this $pairs $dialect $fields [() () () ()] $($reversed)*);
    };
    (@fold $this:tt $pairs:tt [$dialect:ty] $fields:tt [$new:tt $patch:tt $row:tt $refs:tt]
        ($col:ident [$($mods:tt)*] $ty:ty $(, $rust:ty)?) $($rest:tt)*) => {
        $crate::__mizzle_records!(@fold $this $pairs [$dialect] $fields [
            ($crate::__mizzle_insert_field!([$($mods)*] $col, $ty, $dialect $(, $rust)?), $new)
            (::std::option::Option<$crate::__mizzle_wrap!([$($mods)*] $ty, $dialect $(, $rust)?)>, $patch)
            ($crate::__mizzle_wrap!([$($mods)*] $ty, $dialect $(, $rust)?), $row)
            (&$this.$col, $refs)
        ] $($rest)*);
    };
    (@fold $this:tt $pairs:tt $dialect:tt [$($fields:tt)*] [$new:tt $patch:tt $row:tt $refs:tt]) => {
        $crate::__mizzle_records!(@impl New Insert $new $this $pairs [$($fields)*] $refs);
        $crate::__mizzle_records!(@impl Patch Update $patch $this $pairs [$($fields)*] $refs);
        $crate::__mizzle_records!(@impl Row Select $row $this $pairs [$($fields)*] $refs);
    };
    (@impl $record:ident $kind:ident $types:tt $this:tt $pairs:tt [$($fields:tt)*] $refs:tt) => {
        impl $crate::record::Record for $record {
            type Table = table;
            type Kind = $crate::record::$kind;
            type Fields = $types;
            fn from_fields($pairs: Self::Fields) -> Self {
                $record { $($fields)* }
            }
            fn fields(&$this) -> <Self::Fields as $crate::record::Pairs>::Refs<'_> {
                $refs
            }
        }
    };
}

/// `Clone`, `PartialEq` and `Debug` for a record struct, as derives would write them, but
/// calling the code [`record`](crate::record) has for every record instead of repeating it.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_record_traits {
    ($record:ident [$($col:ident)+]) => {
        impl ::std::clone::Clone for $record {
            fn clone(&self) -> Self {
                $crate::record::clone(self)
            }
        }

        impl ::std::cmp::PartialEq for $record {
            fn eq(&self, other: &Self) -> bool {
                $crate::record::eq(self, other)
            }
        }

        impl ::std::fmt::Debug for $record {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                $crate::record::debug(self, stringify!($record), &[$(stringify!($col)),+], f)
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

/// A column's value type (`ColumnType::Value`, or the type after `as`) as its field in
/// `Row`: `V` for a NOT NULL column (`not_null`, `primary_key` and the identities, as for
/// the column's own [`__mizzle_column!`] scan), `Option<V>` for a nullable one.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_wrap {
    ([] $ty:ty, $dialect:ty) => { ::std::option::Option<<$ty as $crate::schema::ColumnType<$dialect>>::Value> };
    ([] $ty:ty, $dialect:ty, $rust:ty) => { ::std::option::Option<$rust> };
    ([not_null $($rest:tt)*] $ty:ty, $dialect:ty) => { <$ty as $crate::schema::ColumnType<$dialect>>::Value };
    ([not_null $($rest:tt)*] $ty:ty, $dialect:ty, $rust:ty) => { $rust };
    ([primary_key $($rest:tt)*] $ty:ty, $dialect:ty) => { <$ty as $crate::schema::ColumnType<$dialect>>::Value };
    ([primary_key $($rest:tt)*] $ty:ty, $dialect:ty, $rust:ty) => { $rust };
    ([identity_always $($rest:tt)*] $ty:ty, $dialect:ty) => { <$ty as $crate::schema::ColumnType<$dialect>>::Value };
    ([identity_always $($rest:tt)*] $ty:ty, $dialect:ty, $rust:ty) => { $rust };
    ([identity_by_default $($rest:tt)*] $ty:ty, $dialect:ty) => { <$ty as $crate::schema::ColumnType<$dialect>>::Value };
    ([identity_by_default $($rest:tt)*] $ty:ty, $dialect:ty, $rust:ty) => { $rust };
    ([$other:tt $($rest:tt)*] $($args:tt)*) => { $crate::__mizzle_wrap!([$($rest)*] $($args)*) };
}

/// A column's field in `New`: `Option<V>` for a nullable column; for a NOT NULL one, `V` or
/// `Option<V>` as its default says ([`InsertField`](crate::query::InsertField)).
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_insert_field {
    ([] $col:ident, $ty:ty, $dialect:ty) => { ::std::option::Option<<$ty as $crate::schema::ColumnType<$dialect>>::Value> };
    ([] $col:ident, $ty:ty, $dialect:ty, $rust:ty) => { ::std::option::Option<$rust> };
    ([not_null $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty) => {
        <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<<$ty as $crate::schema::ColumnType<$dialect>>::Value>
    };
    ([not_null $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty, $rust:ty) => { <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<$rust> };
    ([primary_key $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty) => {
        <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<<$ty as $crate::schema::ColumnType<$dialect>>::Value>
    };
    ([primary_key $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty, $rust:ty) => { <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<$rust> };
    ([identity_always $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty) => {
        <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<<$ty as $crate::schema::ColumnType<$dialect>>::Value>
    };
    ([identity_always $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty, $rust:ty) => { <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<$rust> };
    ([identity_by_default $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty) => {
        <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<<$ty as $crate::schema::ColumnType<$dialect>>::Value>
    };
    ([identity_by_default $($rest:tt)*] $col:ident, $ty:ty, $dialect:ty, $rust:ty) => { <<$crate::types::NotNull as $crate::query::InsertRule<<$col as $crate::schema::Column>::Default>>::Rule as $crate::query::FieldRule>::Field<$rust> };
    ([$other:tt $($rest:tt)*] $($args:tt)*) => { $crate::__mizzle_insert_field!([$($rest)*] $($args)*) };
}

/// A column's `Expression`, `Column` and `Writable` impls from one scan of its modifiers,
/// which gathers, in brackets: its nullability (`NotNull` for `not_null`, `primary_key` and
/// the identities), whether inserts may leave it out (`type`: as its type says, `key`: as
/// a primary key of its type says, `has`: a default, serial, identity or generated value),
/// whether it is written (`no` for generated and `identity_always` columns), the calls that
/// build its `Constraints`, and its `insert_default`/`update_default` functions. A method is
/// written only where the modifiers change it from the trait's default.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_column {
    (@scan $col:ident [$ty:ty, $dialect:ty, [$($value:tt)*], [$($name:tt)*]]
        [$null:ident] [$default:ident] [$writable:ident] $calls:tt $insert:tt $update:tt;) => {
        impl $crate::expr::Expression for $col {
            type SqlType = <$ty as $crate::schema::ColumnType<$dialect>>::SqlType;
            type Nullability = $crate::types::$null;
            type Value = $($value)*;

            fn column_info() -> ::std::option::Option<$crate::schema::ColumnInfo> {
                ::std::option::Option::Some(<Self as $crate::schema::Column>::info())
            }
        }

        impl $crate::schema::Column for $col {
            type Table = table;
            type Type = $ty;
            type Default = $crate::__mizzle_column!(@default $default $ty, $dialect);
            const NAME: &'static str = $($name)*;
            $crate::__mizzle_column!(@fns $calls $insert $update);
        }

        $crate::__mizzle_column!(@writable $writable $col);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt $calls:tt $insert:tt $update:tt; , $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable $calls $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt $calls:tt $insert:tt $update:tt; not_null $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed [NotNull] $default $writable $calls $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt [type] $writable:tt [$($calls:tt)*] $insert:tt $update:tt; primary_key $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed [NotNull] [key] $writable [$($calls)* .primary_key()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; primary_key $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed [NotNull] $default $writable [$($calls)* .primary_key()] $insert $update; $($rest)*);
    };
    // PostgreSQL makes an identity column NOT NULL; `always` refuses written values.
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; identity_always $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed [NotNull] [has] [no] [$($calls)* .identity_always()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; identity_by_default $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed [NotNull] [has] $writable [$($calls)* .identity_by_default()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; generated_stored($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] [no] [$($calls)* .generated_stored($($args)*)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; generated_virtual($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] [no] [$($calls)* .generated_virtual($($args)*)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt $calls:tt $insert:tt $update:tt; default_fn($f:expr) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable $calls [
            fn insert_default() -> ::std::option::Option<$crate::schema::AppValue> {
                $crate::__mizzle_column!(@app $col $f)
            }
        ] $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt $calls:tt $insert:tt $update:tt; on_update_fn($f:expr) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable $calls $insert [
            fn update_default() -> ::std::option::Option<$crate::schema::AppValue> {
                $crate::__mizzle_column!(@app $col $f)
            }
        ]; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; on_delete($action:ident) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable [$($calls)* .on_delete($crate::schema::RefAction::$action)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; on_update($action:ident) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable [$($calls)* .on_update($crate::schema::RefAction::$action)] $insert $update; $($rest)*);
    };
    // Defaults the database fills: `default(..)`, `default_sql(..)`, `default_now`,
    // `default_random`, `autoincrement`.
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; default($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable [$($calls)* .default($($args)*)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; default_sql($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable [$($calls)* .default_sql($($args)*)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; default_now $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable [$($calls)* .default_now()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; default_random $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable [$($calls)* .default_random()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; autoincrement $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null [has] $writable [$($calls)* .autoincrement()] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; $m:ident ($($args:tt)*) $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable [$($calls)* .$m($($args)*)] $insert $update; $($rest)*);
    };
    (@scan $col:ident $fixed:tt $null:tt $default:tt $writable:tt [$($calls:tt)*] $insert:tt $update:tt; $m:ident $($rest:tt)*) => {
        $crate::__mizzle_column!(@scan $col $fixed $null $default $writable [$($calls)* .$m()] $insert $update; $($rest)*);
    };
    (@default type $ty:ty, $dialect:ty) => { <$ty as $crate::schema::ColumnType<$dialect>>::Default };
    (@default key $ty:ty, $dialect:ty) => {
        <<$ty as $crate::schema::ColumnType<$dialect>>::Default as $crate::schema::DefaultKind>::Or<
            <$ty as $crate::schema::ColumnType<$dialect>>::KeyDefault,
        >
    };
    (@default has $ty:ty, $dialect:ty) => { $crate::schema::HasDefault };
    (@fns [] [$($insert:tt)*] [$($update:tt)*]) => {
        $($insert)*
        $($update)*
    };
    (@fns [$($calls:tt)+] [$($insert:tt)*] [$($update:tt)*]) => {
        fn constraints() -> $crate::schema::Constraints {
            $crate::schema::Constraints::new() $($calls)+
        }
        $($insert)*
        $($update)*
    };
    // The value of `f()`, computed by the application, bound as the column's SQL type.
    (@app $col:ident $f:expr) => {
        ::std::option::Option::Some($crate::schema::AppValue::of::<$col>(|| {
            $crate::schema::app_value::<<$col as $crate::expr::Expression>::SqlType, _>($f)
        }))
    };
    (@writable yes $col:ident) => { impl $crate::query::Writable for $col {} };
    (@writable no $col:ident) => {};
}

/// `Clone`, `Copy`, `Default` and `Debug` for a unit struct (a table or a column), as
/// derives would write them, in fewer tokens for the compiler to expand and check.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_unit_traits {
    ($unit:ident) => {
        impl ::std::clone::Clone for $unit {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl ::std::marker::Copy for $unit {}

        impl ::std::default::Default for $unit {
            fn default() -> Self {
                $unit
            }
        }

        impl ::std::fmt::Debug for $unit {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(stringify!($unit))
            }
        }
    };
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
