//! [`Relation`]: a typed link from one table to another, and [`relations!`](crate::relations).

use super::shape::{ColumnsOf, Omitted, PickOf, Picked, Without};
use super::tree::{IntoWith, Loadable, With};
use crate::expr::{AppearsIn, OrderTerm, RowLevel};
use crate::query::{NoOrder, NoWhere, OrderBy, Where};
use crate::render::RenderSql;
use crate::schema::Table;
use crate::types::{Bool, SameType};

/// A relation from rows of [`Relation::Source`] to rows of [`Relation::Target`]: a
/// zero-sized marker type, usually written by [`relations!`](crate::relations).
///
/// The relation joins `Target` where each pair of [`Relation::KEYS`] is equal (a source
/// column, a target column); [`Relation::Kind`] says how many target rows a source row
/// has: exactly [`One`], an [`Optional`] one, or [`Many`].
pub trait Relation: Copy + Default + std::fmt::Debug + Send + Sync + 'static {
    /// The relation's name: the key of its rows in a result's JSON.
    const NAME: &'static str;
    /// The table the relation starts at.
    type Source: Table;
    /// The table it reaches.
    type Target: Table<Dialect = <Self::Source as Table>::Dialect>;
    /// How many target rows a source row has.
    type Kind: RelationKind;
    /// The join keys: pairs of (source column, target column) names, compared with `=`.
    /// Empty for a relation [`Relation::THROUGH`] a junction table, and for one whose keys
    /// are those of the foreign key between its tables (see [`keys_of`](super::keys_of)).
    const KEYS: &'static [(&'static str, &'static str)];
    /// For a many-to-many relation, the junction table it goes through.
    const THROUGH: Option<Junction> = None;
}

/// The junction table of a many-to-many relation, and how it joins each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Junction {
    /// Its schema, if not the default one.
    pub schema: Option<&'static str>,
    /// Its name.
    pub name: &'static str,
    /// Pairs of (source column, junction column): the junction rows of a source row.
    pub source_keys: &'static [(&'static str, &'static str)],
    /// Pairs of (junction column, target column): the target row of a junction row.
    pub target_keys: &'static [(&'static str, &'static str)],
}

/// How many rows a relation gives each source row, and the Rust type they come in.
pub trait RelationKind: crate::private::Sealed + 'static {
    /// The loaded rows' type for rows of type `T`: `T`, `Option<T>` or `Vec<T>`.
    type Out<T>;
    /// `true` for [`Many`].
    const MANY: bool;
    /// `true` for [`One`].
    const EXACTLY_ONE: bool;
    /// Collects the rows found for one source row; `relation` names it in errors.
    fn collect<T>(rows: Vec<T>, relation: &'static str) -> Result<Self::Out<T>, crate::Error>;
}

/// Exactly one target row (a NOT NULL foreign key): loaded as the row itself.
#[derive(Debug, Clone, Copy, Default)]
pub struct One;

/// At most one target row (a nullable foreign key, or the other side of a one-to-one):
/// loaded as an `Option`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Optional;

/// Any number of target rows: loaded as a `Vec`, empty when there are none.
#[derive(Debug, Clone, Copy, Default)]
pub struct Many;

impl crate::private::Sealed for One {}
impl crate::private::Sealed for Optional {}
impl crate::private::Sealed for Many {}

impl RelationKind for One {
    type Out<T> = T;
    const MANY: bool = false;
    const EXACTLY_ONE: bool = true;
    fn collect<T>(rows: Vec<T>, relation: &'static str) -> Result<T, crate::Error> {
        rows.into_iter().next().ok_or_else(|| {
            crate::Error::Driver(
                format!(
                    "relation `{relation}` is declared `one`, but a row has no related row; \
                     declare it `optional` if the foreign key may point nowhere"
                )
                .into(),
            )
        })
    }
}

impl RelationKind for Optional {
    type Out<T> = Option<T>;
    const MANY: bool = false;
    const EXACTLY_ONE: bool = false;
    fn collect<T>(rows: Vec<T>, _relation: &'static str) -> Result<Option<T>, crate::Error> {
        Ok(rows.into_iter().next())
    }
}

impl RelationKind for Many {
    type Out<T> = Vec<T>;
    const MANY: bool = true;
    const EXACTLY_ONE: bool = false;
    fn collect<T>(rows: Vec<T>, _relation: &'static str) -> Result<Vec<T>, crate::Error> {
        Ok(rows)
    }
}

/// The methods of a level of a relational query, on a relation's marker: each starts a
/// [`With`] node, which has the same methods (see [`With::with`], [`With::filter`],
/// [`With::order_by`], [`With::limit`], [`With::offset`]). In the prelude.
pub trait RelationMethods: Relation {
    /// Loads `child` (a relation, or a relation with its own `.with(..)`) under each row
    /// this relation loads.
    fn with<C, I>(self, child: C) -> With<Self, (C::Node, ())>
    where
        C: IntoWith + Loadable<Self::Target, I>,
    {
        IntoWith::into_with(self).with(child)
    }

    /// Keeps the related rows where `predicate` (over the target table) holds.
    fn filter<P, I>(self, predicate: P) -> With<Self, (), Where<P>>
    where
        P: AppearsIn<Self::Target, I, SqlType: SameType<Bool>> + RenderSql<<Self::Target as Table>::Dialect> + RowLevel,
    {
        IntoWith::into_with(self).filter(predicate)
    }

    /// Orders the related rows of each source row (then by their key).
    fn order_by<K: OrderTerm<Self::Target, I>, I>(self, terms: K) -> With<Self, (), NoWhere, OrderBy<K>> {
        IntoWith::into_with(self).order_by(terms)
    }

    /// Loads only `columns` (a tuple of the target table's columns) of the related rows,
    /// read with `row.get(column)`.
    fn columns<Cols: PickOf<Self::Target>>(
        self,
        columns: Cols,
    ) -> With<Self, (), NoWhere, NoOrder, Picked<Cols::Chain>> {
        IntoWith::into_with(self).columns(columns)
    }

    /// Loads every column of the related rows but `columns`, read with `row.get(column)`.
    fn omit<Cols, I>(self, columns: Cols) -> With<Self, (), NoWhere, NoOrder, Omitted<Self::Target, Cols, I>>
    where
        ColumnsOf<Self::Target>: Without<Cols, I>,
    {
        IntoWith::into_with(self).omit(columns)
    }

    /// At most `n` related rows for each source row.
    fn limit<N: crate::query::IntoRowCount>(self, n: N) -> With<Self> {
        IntoWith::into_with(self).limit(n)
    }

    /// Skips the first `n` related rows of each source row.
    fn offset<N: crate::query::IntoRowCount>(self, n: N) -> With<Self> {
        IntoWith::into_with(self).offset(n)
    }
}

impl<R: Relation> RelationMethods for R {}

/// Proof that relation `Self` starts at table `T`, so it can be loaded for `T`'s rows.
pub trait StartsAt<T> {}

impl<R: Relation, T> StartsAt<T> for R where R::Source: SourceIs<T> {}

/// A relation's source table `Self` is table `T`.
#[diagnostic::on_unimplemented(
    message = "this relation starts at table `{Self}`, not at `{T}`",
    label = "a relation of another table",
    note = "`.with(relation)` takes a relation whose source is the table of the level it is added to"
)]
pub trait SourceIs<T> {}

impl<T> SourceIs<T> for T {}

/// Declares relations between tables, one marker type each:
///
/// ```
/// # use mizzle_dsl::sqlite::*;
/// # mizzle_dsl::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null] } }
/// # mizzle_dsl::table! { pub posts in Sqlite { id: Integer [primary_key], author_id: Integer [not_null, references(users::id)], title: Text [not_null] } }
/// mizzle_dsl::relations! {
///     /// The posts a user wrote.
///     pub user_posts: users::table => many(posts::table) on (users::id = posts::author_id);
///     /// The user who wrote a post.
///     pub post_author: posts::table => one(users::table) on (posts::author_id = users::id);
/// }
/// # fn main() {}
/// ```
///
/// Without `on (..)`, the keys are those of the one foreign key between the two tables
/// (`references(..)` or `t.foreign_key(..)`): the target's pointing at the source for
/// `many`, the source's pointing at the target for `one` and `optional` (or else the
/// target's); a relation between tables with none, or several, says so when it is used.
///
/// `one` for exactly one target row (its source columns must be NOT NULL), `optional` for
/// at most one, `many` for any number. Each pair `source_column = target_column` is
/// checked: the first column belongs to the source table, the second to the target, and
/// both have the same SQL type. A relation of a table to itself and several relations
/// between the same two tables need nothing more: each has its own name.
#[macro_export]
macro_rules! relations {
    () => {};
    // Many-to-many, through a junction table.
    (
        $(#[$meta:meta])*
        $vis:vis $name:ident : $source:ty => many ( $target:ty ) through ( $junction:ty )
            on ( $($from:ty = $jfrom:ty),+ $(,)? ) and ( $($jto:ty = $to:ty),+ $(,)? );
        $($rest:tt)*
    ) => {
        $crate::__mizzle_relation_marker!($(#[$meta])* $vis $name);

        impl $crate::relation::Relation for $name {
            const NAME: &'static str = $crate::schema::unraw(stringify!($name));
            type Source = $source;
            type Target = $target;
            type Kind = $crate::relation::Many;
            const KEYS: &'static [(&'static str, &'static str)] = &[];
            const THROUGH: ::std::option::Option<$crate::relation::Junction> =
                ::std::option::Option::Some($crate::relation::Junction {
                    schema: <$junction as $crate::schema::Table>::SCHEMA,
                    name: <$junction as $crate::schema::Table>::NAME,
                    source_keys: &[$((
                        <$from as $crate::schema::Column>::NAME,
                        <$jfrom as $crate::schema::Column>::NAME,
                    )),+],
                    target_keys: &[$((
                        <$jto as $crate::schema::Column>::NAME,
                        <$to as $crate::schema::Column>::NAME,
                    )),+],
                });
        }

        const _: () = {
            #[allow(dead_code)]
            fn keys_belong_and_match() {
                $($crate::relation::__check_key::<$source, $junction, $from, $jfrom>();)+
                $($crate::relation::__check_key::<$junction, $target, $jto, $to>();)+
            }
        };

        $crate::relations!($($rest)*);
    };
    // Keys from the foreign key between the tables.
    (
        $(#[$meta:meta])*
        $vis:vis $name:ident : $source:ty => $kind:ident ( $target:ty );
        $($rest:tt)*
    ) => {
        $crate::__mizzle_relation_marker!($(#[$meta])* $vis $name);

        impl $crate::relation::Relation for $name {
            const NAME: &'static str = $crate::schema::unraw(stringify!($name));
            type Source = $source;
            type Target = $target;
            type Kind = $crate::__mizzle_relation_kind!($kind);
            const KEYS: &'static [(&'static str, &'static str)] = &[];
        }

        $crate::relations!($($rest)*);
    };
    (
        $(#[$meta:meta])*
        $vis:vis $name:ident : $source:ty => $kind:ident ( $target:ty ) on ( $($from:ty = $to:ty),+ $(,)? );
        $($rest:tt)*
    ) => {
        $crate::__mizzle_relation_marker!($(#[$meta])* $vis $name);

        impl $crate::relation::Relation for $name {
            const NAME: &'static str = $crate::schema::unraw(stringify!($name));
            type Source = $source;
            type Target = $target;
            type Kind = $crate::__mizzle_relation_kind!($kind);
            const KEYS: &'static [(&'static str, &'static str)] = &[$((
                <$from as $crate::schema::Column>::NAME,
                <$to as $crate::schema::Column>::NAME,
            )),+];
        }

        const _: () = {
            #[allow(dead_code)]
            fn keys_belong_and_match() {
                $(
                    $crate::relation::__check_key::<$source, $target, $from, $to>();
                    $crate::__mizzle_relation_key_nullability!($kind, $from);
                )+
            }
        };

        $crate::relations!($($rest)*);
    };
}

/// A relation's marker type; [`RelationMethods`] gives it the methods of a level.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_relation_marker {
    ($(#[$meta:meta])* $vis:vis $name:ident) => {
        $(#[$meta])*
        #[allow(non_camel_case_types)]
        #[derive(Debug, Clone, Copy, Default)]
        $vis struct $name;
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_relation_kind {
    (one) => {
        $crate::relation::One
    };
    (optional) => {
        $crate::relation::Optional
    };
    (many) => {
        $crate::relation::Many
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_relation_key_nullability {
    (one, $from:ty) => {
        $crate::relation::__check_not_null::<$from>()
    };
    ($other:ident, $from:ty) => {};
}

/// A join key's columns belong to the relation's tables and have the same SQL type.
#[doc(hidden)]
pub fn __check_key<S, T, From, To>()
where
    From: KeyOf<S>,
    To: KeyOf<T>,
    To: crate::expr::Expression<SqlType: crate::types::SameType<<From as crate::expr::Expression>::SqlType>>,
    From: crate::expr::Expression,
{
}

/// A `one` relation's source column is NOT NULL: otherwise a row may have no related row.
#[doc(hidden)]
pub fn __check_not_null<C: NotNullKey>() {}

/// A column of table `T`, as a relation's join key.
pub trait KeyOf<T> {}

impl<C: crate::schema::Column, T> KeyOf<T> for C where C::Table: KeyTableIs<T> {}

/// A relation key's column, of table `Self`, belongs to table `T`.
#[diagnostic::on_unimplemented(
    message = "a key column of table `{Self}` stands where a column of `{T}` belongs",
    label = "a relation's key pair is `source_column = target_column`",
    note = "write the source table's column first, then the target table's"
)]
pub trait KeyTableIs<T> {}

impl<T> KeyTableIs<T> for T {}

/// A NOT NULL column, as a `one` relation's source key.
pub trait NotNullKey {}

impl<C: crate::expr::Expression> NotNullKey for C where C::Nullability: NeverNull {}

/// A `one` relation's source key is NOT NULL.
#[diagnostic::on_unimplemented(
    message = "this key column may be NULL, so a `one` relation over it may find no row",
    label = "a nullable source column",
    note = "declare the relation `optional`, which loads an `Option`"
)]
pub trait NeverNull {}

impl NeverNull for crate::types::NotNull {}
