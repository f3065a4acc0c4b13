//! The tree of relations a query loads: [`With`] nodes and the lists of them under each
//! level, which render their joins and decode and regroup their rows.

use super::declare::{Relation, RelationKind, StartsAt};
use super::find::FindOrder;
use super::nested::{Loaded, Nested};
use super::shape::{AllColumns, ColumnsOf, Omitted, PickOf, Picked, Shape, Without};
use crate::dialect::Dialect;
use crate::expr::{Aggregate, AggregateFn, AppearsIn, Expression, OrderTerm};
use crate::query::{AndFilter, IntoRowCount, NoOrder, NoWhere, OrderBy, RenderClause, RowCount, TableColumns};
use crate::render::{RenderSql, SqlWriter};
use crate::row::{all_null, RawRow, RowError};
use crate::schema::Table;
use crate::types::{Bool, SameType};

/// Relation `R` loaded at one level, with the relations `Cs` loaded under it (a list:
/// `()`, or `(With<..>, rest)`), the rows it keeps (`W`), their order (`O`), how many of
/// them each source row gets, and which of their columns (`S`: all, or some). Made by
/// `relation.with(child)`, `relation.filter(..)`…; a relation alone is a `With` that keeps
/// every row.
#[derive(Debug, Clone, Copy, Default)]
pub struct With<R, Cs = (), W = NoWhere, O = NoOrder, S = AllColumns> {
    relation: R,
    children: Cs,
    filter: W,
    order: O,
    limit: Option<RowCount>,
    offset: Option<RowCount>,
    shape: S,
}

/// A relation, or a [`With`] node: what `.with(..)` takes.
pub trait IntoWith {
    /// The node.
    type Node;
    /// Converts.
    fn into_with(self) -> Self::Node;
}

impl<R: Relation> IntoWith for R {
    type Node = With<R, ()>;
    fn into_with(self) -> With<R, ()> {
        With {
            relation: self,
            children: (),
            filter: NoWhere,
            order: NoOrder,
            limit: None,
            offset: None,
            shape: AllColumns,
        }
    }
}

impl<R: Relation, Cs, W, O, S> IntoWith for With<R, Cs, W, O, S> {
    type Node = Self;
    fn into_with(self) -> Self {
        self
    }
}

/// The relation a `With` node (or a relation) loads, to check where it may be added.
pub trait LoadsRelation {
    /// The relation.
    type Relation: Relation;
}

impl<R: Relation> LoadsRelation for R {
    type Relation = R;
}

impl<R: Relation, Cs, W, O, S> LoadsRelation for With<R, Cs, W, O, S> {
    type Relation = R;
}

/// What `.with(..)` takes at a level over table `T`: a relation that starts at `T` (or a
/// [`With`] node of one, a [`count_of`] or an [`aggregate_of`] of one), or an
/// [`extra`](super::extra) over `T`'s columns. `I` is inferred.
pub trait Loadable<T, I> {}

impl<C: LoadsRelation<Relation: StartsAt<T>>, T> Loadable<T, ()> for C {}

/// Appending a node at the end of a list of children.
pub trait Push<X> {
    /// The longer list.
    type Output;
    /// Appends `x`.
    fn push(self, x: X) -> Self::Output;
}

impl<X> Push<X> for () {
    type Output = (X, ());
    fn push(self, x: X) -> (X, ()) {
        (x, ())
    }
}

impl<H, T: Push<X>, X> Push<X> for (H, T) {
    type Output = (H, T::Output);
    fn push(self, x: X) -> Self::Output {
        (self.0, self.1.push(x))
    }
}

/// The methods of a level, on a [`With`] node; a relation's marker has them too
/// (written by [`relations!`](crate::relations)), starting a node.
impl<R: Relation, Cs, W, O, S> With<R, Cs, W, O, S> {
    /// Loads `child` (a relation, or a relation with its own `.with(..)`) under each row
    /// this relation loads.
    pub fn with<C, I>(self, child: C) -> With<R, <Cs as Push<C::Node>>::Output, W, O, S>
    where
        C: IntoWith + Loadable<R::Target, I>,
        Cs: Push<C::Node>,
    {
        With {
            relation: self.relation,
            children: self.children.push(child.into_with()),
            filter: self.filter,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            shape: self.shape,
        }
    }

    /// Keeps the related rows where `predicate` (over the target table) holds; called
    /// again, the predicates are ANDed. A source row without any keeps its place, with
    /// none loaded.
    pub fn filter<P, I>(self, predicate: P) -> With<R, Cs, W::Output, O, S>
    where
        P: AppearsIn<R::Target, I, SqlType: SameType<Bool>>
            + RenderSql<<R::Target as Table>::Dialect>
            + crate::expr::RowLevel,
        W: AndFilter<P>,
    {
        With {
            relation: self.relation,
            children: self.children,
            filter: self.filter.and_filter(predicate),
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            shape: self.shape,
        }
    }

    /// Orders the related rows of each source row (then by their key).
    pub fn order_by<K: OrderTerm<R::Target, I>, I>(self, terms: K) -> With<R, Cs, W, OrderBy<K>, S> {
        With {
            relation: self.relation,
            children: self.children,
            filter: self.filter,
            order: OrderBy(terms),
            limit: self.limit,
            offset: self.offset,
            shape: self.shape,
        }
    }

    /// Loads only `columns` (a tuple of the target table's columns) of the related rows,
    /// read with `row.get(column)`; filters and order may still use any column.
    pub fn columns<Cols: PickOf<R::Target>>(self, _columns: Cols) -> With<R, Cs, W, O, Picked<Cols::Chain>> {
        self.with_shape()
    }

    /// Loads every column of the related rows but `columns` (a tuple of the target
    /// table's columns), read with `row.get(column)`. `I` is inferred.
    pub fn omit<Cols, I>(self, _columns: Cols) -> With<R, Cs, W, O, Omitted<R::Target, Cols, I>>
    where
        ColumnsOf<R::Target>: Without<Cols, I>,
    {
        self.with_shape()
    }

    fn with_shape<S2: Default>(self) -> With<R, Cs, W, O, S2> {
        With {
            relation: self.relation,
            children: self.children,
            filter: self.filter,
            order: self.order,
            limit: self.limit,
            offset: self.offset,
            shape: S2::default(),
        }
    }

    /// At most `n` related rows for each source row: the first `n` posts of each user,
    /// not `n` posts in all.
    pub fn limit<N: IntoRowCount>(mut self, n: N) -> Self {
        self.limit = Some(n.into_row_count());
        self
    }

    /// Skips the first `n` related rows of each source row.
    pub fn offset<N: IntoRowCount>(mut self, n: N) -> Self {
        self.offset = Some(n.into_row_count());
        self
    }
}

/// Table aliases of the joined levels, in the order the query's tree lists them.
const ALIASES: [&str; 32] = [
    "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17",
    "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31", "t32",
];

/// Aliases of the junction tables of the joined levels, by the same numbers.
const JUNCTION_ALIASES: [&str; 32] = [
    "j1", "j2", "j3", "j4", "j5", "j6", "j7", "j8", "j9", "j10", "j11", "j12", "j13", "j14", "j15", "j16", "j17",
    "j18", "j19", "j20", "j21", "j22", "j23", "j24", "j25", "j26", "j27", "j28", "j29", "j30", "j31", "j32",
];

/// Names of a limited many-to-many level's junction key columns, in its derived table.
const KEY_ALIASES: [&str; 8] = [
    "mizzle_k0",
    "mizzle_k1",
    "mizzle_k2",
    "mizzle_k3",
    "mizzle_k4",
    "mizzle_k5",
    "mizzle_k6",
    "mizzle_k7",
];

/// The alias of the `n`th joined level; past the last, the query cannot be written.
fn alias<D: Dialect>(n: usize, out: &mut SqlWriter<'_, D>) -> &'static str {
    ALIASES.get(n).copied().unwrap_or_else(|| {
        out.push_error(crate::EncodeError::new(format!(
            "a relational query loads at most {} relations",
            ALIASES.len()
        )));
        ALIASES[0]
    })
}

/// The name of the `i`th junction key column of a limited many-to-many level.
fn key_alias<D: Dialect>(i: usize, out: &mut SqlWriter<'_, D>) -> &'static str {
    KEY_ALIASES.get(i).copied().unwrap_or_else(|| {
        out.push_error(crate::EncodeError::new(format!(
            "a many-to-many relation's key has at most {} columns",
            KEY_ALIASES.len()
        )));
        KEY_ALIASES[0]
    })
}

/// The join keys of relation `R` ([`keys_of`](super::keys_of)); none, and the error
/// recorded, when they cannot be found.
fn relation_keys<R: Relation, D: Dialect>(out: &mut SqlWriter<'_, D>) -> super::derive::Keys {
    super::derive::keys_of::<R>().unwrap_or_else(|error| {
        out.push_error(crate::EncodeError::new(error));
        &[]
    })
}

/// Writes `"left"."a" = "right"."b" AND …` for each pair `(a, b)`.
fn write_keys<D: Dialect>(
    out: &mut SqlWriter<'_, D>,
    left: &'static str,
    right: &'static str,
    pairs: impl Iterator<Item = (&'static str, &'static str)>,
) {
    for (i, (a, b)) in pairs.enumerate() {
        if i > 0 {
            out.push_sql(" AND ");
        }
        out.push_column(left, a);
        out.push_sql(" = ");
        out.push_column(right, b);
    }
}

/// Writes `"table"."column", …` for each pair.
fn write_list<D: Dialect>(out: &mut SqlWriter<'_, D>, columns: impl Iterator<Item = (&'static str, &'static str)>) {
    for (i, (table, column)) in columns.enumerate() {
        if i > 0 {
            out.push_sql(", ");
        }
        out.push_column(table, column);
    }
}

/// Writes the primary key columns of `T` under `qualifier` (every column when it has
/// none), separated by `, ` (and after one unless `*first`): what orders a level's rows
/// so that they can be regrouped.
pub(crate) fn render_key<T: Table, D: Dialect>(qualifier: &'static str, out: &mut SqlWriter<'_, D>, first: &mut bool) {
    for name in key_columns::<T>() {
        if !std::mem::take(first) {
            out.push_sql(", ");
        }
        out.push_column(qualifier, name);
    }
}

/// The key columns of `T`, found once per table type: every render of a relational query
/// writes them (the shape pass too), and finding them builds the table's definition.
pub(super) fn key_columns<T: Table>() -> &'static [&'static str] {
    use std::any::TypeId;
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock, PoisonError};
    static KEYS: OnceLock<Mutex<HashMap<TypeId, &'static [&'static str]>>> = OnceLock::new();
    let keys = KEYS.get_or_init(Mutex::default);
    let mut keys = keys.lock().unwrap_or_else(PoisonError::into_inner);
    keys.entry(TypeId::of::<T>()).or_insert_with(|| {
        let columns = T::columns();
        let mut key: Vec<&'static str> = match crate::schema::TableDef::of::<T>().extras.primary_key {
            Some(pk) => pk.columns,
            None => columns
                .iter()
                .filter(|c| c.constraints.primary_key)
                .map(|c| c.name)
                .collect(),
        };
        if key.is_empty() {
            key = columns.iter().map(|c| c.name).collect();
        }
        // One small list per table type the process queries, kept for its life.
        Vec::leak(key)
    })
}

/// The relations loaded under one level (a list of [`With`] nodes): how they render as
/// joins, decode from a joined row, and regroup into nested rows.
pub trait Children<D: Dialect> {
    /// What one joined row holds for them: each relation's row, if the join found one.
    type Flat;
    /// The rows gathered for them under one parent row.
    type Acc;
    /// The loaded relations of one parent row: a list of [`Loaded`].
    type Out;

    /// Writes the joined levels' columns (each after `, `), under the level of table
    /// `table` aliased `parent`; `next` numbers their aliases.
    fn render_columns<'q>(
        &'q self,
        table: &'static str,
        parent: &'static str,
        out: &mut SqlWriter<'q, D>,
        next: &mut usize,
    );
    /// Writes their `LEFT JOIN`s to the level aliased `parent`.
    fn render_joins<'q>(&'q self, parent: &'static str, out: &mut SqlWriter<'q, D>, next: &mut usize);
    /// Writes each level's order terms and key columns for ORDER BY (each after `, `).
    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>, next: &mut usize);
    /// Decodes their part of a joined row, starting at column `*index`.
    fn decode<R: RawRow<D>>(row: &mut R, index: &mut usize) -> Result<Self::Flat, RowError>;
    /// Nothing gathered yet.
    fn empty() -> Self::Acc;
    /// Gathers one joined row's part. `scan`: rows of these relations may come back
    /// apart, not one after another (under a second relation at the same level, the
    /// join repeats the first's rows), so a row is looked for among all gathered ones.
    fn gather(acc: &mut Self::Acc, flat: Self::Flat, scan: bool);
    /// The gathered rows as loaded relations.
    fn finish(acc: Self::Acc) -> Result<Self::Out, crate::Error>;
}

impl<D: Dialect> Children<D> for () {
    type Flat = ();
    type Acc = ();
    type Out = ();
    fn render_columns<'q>(
        &'q self,
        _table: &'static str,
        _parent: &'static str,
        _out: &mut SqlWriter<'q, D>,
        _next: &mut usize,
    ) {
    }
    fn render_joins<'q>(&'q self, _parent: &'static str, _out: &mut SqlWriter<'q, D>, _next: &mut usize) {}
    fn render_order<'q>(&'q self, _out: &mut SqlWriter<'q, D>, _next: &mut usize) {}
    fn decode<R: RawRow<D>>(_row: &mut R, _index: &mut usize) -> Result<(), RowError> {
        Ok(())
    }
    fn empty() {}
    fn gather(_acc: &mut (), _flat: (), _scan: bool) {}
    fn finish(_acc: ()) -> Result<(), crate::Error> {
        Ok(())
    }
}

/// The target rows of relation `R` loaded as `S`, each with what `Gs` gathered under it.
type Gathered<R, S, Gs, D> = Vec<(Decoded<R, S, D>, <Gs as Children<D>>::Acc)>;

/// A target row of relation `R` loaded as `S`, as regrouping compares it.
type Decoded<R, S, D> = <S as Shape<<R as Relation>::Target, D>>::Decoded;

/// The row type of relation `R`'s target table.
type TargetRow<R> = <<R as Relation>::Target as Table>::Row;

/// The name of the row number a limited level's rows are counted by.
const ROW_NUMBER: &str = "mizzle_rn";

impl<R, Gs, W, O, S, Rest, D> Children<D> for (With<R, Gs, W, O, S>, Rest)
where
    R: Relation,
    R::Target: Table<Dialect = D>,
    TargetRow<R>: TableColumns,
    S: Shape<R::Target, D>,
    Gs: Children<D>,
    W: RenderClause<D>,
    O: FindOrder<D>,
    Rest: Children<D>,
    D: Dialect,
{
    type Flat = (Option<Decoded<R, S, D>>, Gs::Flat, Rest::Flat);
    type Acc = (Gathered<R, S, Gs, D>, Rest::Acc);
    type Out = (
        Loaded<R, <R::Kind as RelationKind>::Out<Nested<S::Row, Gs::Out>>>,
        Rest::Out,
    );

    fn render_columns<'q>(
        &'q self,
        table: &'static str,
        parent: &'static str,
        out: &mut SqlWriter<'q, D>,
        next: &mut usize,
    ) {
        let me = alias(*next, out);
        *next += 1;
        out.push_sql(", ");
        S::render_columns(me, out);
        self.0
            .children
            .render_columns(<R::Target as Table>::NAME, me, out, next);
        self.1.render_columns(table, parent, out, next);
    }

    fn render_joins<'q>(&'q self, parent: &'static str, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        type Target<R> = <R as Relation>::Target;
        let level = &self.0;
        let number = *next;
        let me = alias(number, out);
        *next += 1;
        let limited = level.limit.is_some() || level.offset.is_some();
        out.push_choice(RowCount::choice(level.limit) | RowCount::choice(level.offset) << 2);
        // A many-to-many level joins its junction first; the target's keys then point at
        // the junction (unless the level is limited: its derived table joins both).
        let junction = JUNCTION_ALIASES[number.min(JUNCTION_ALIASES.len() - 1)];
        if let (Some(through), false) = (R::THROUGH, limited) {
            out.push_sql(" LEFT JOIN ");
            out.push_table(through.schema, through.name);
            out.push_sql(" AS ");
            out.push_ident(junction);
            out.push_sql(" ON ");
            write_keys(out, junction, parent, through.source_keys.iter().map(|(s, j)| (*j, *s)));
        }
        out.push_sql(" LEFT JOIN ");
        if limited {
            // Each source row's first rows: numbered within the rows of one key, in the
            // level's order, before the join keeps the first ones.
            out.push_sql("(SELECT ");
            <TargetRow<R> as TableColumns>::render_columns(Target::<R>::NAME, out);
            if let Some(through) = R::THROUGH {
                for (i, (_, column)) in through.source_keys.iter().enumerate() {
                    out.push_sql(", ");
                    out.push_column(through.name, column);
                    out.push_sql(" AS ");
                    let name = key_alias(i, out);
                    out.push_ident(name);
                }
            }
            out.push_sql(", ROW_NUMBER() OVER (PARTITION BY ");
            match R::THROUGH {
                Some(through) => write_list(out, through.source_keys.iter().map(|(_, j)| (through.name, *j))),
                None => {
                    let keys = relation_keys::<R, D>(out);
                    write_list(out, keys.iter().map(|(_, t)| (Target::<R>::NAME, *t)))
                }
            }
            out.push_sql(" ORDER BY ");
            let mut first = !level.order.render_terms(out);
            render_key::<R::Target, D>(Target::<R>::NAME, out, &mut first);
            out.push_sql(") AS ");
            out.push_ident(ROW_NUMBER);
            out.push_sql(" FROM ");
            out.push_table(Target::<R>::SCHEMA, Target::<R>::ALIAS_OF.unwrap_or(Target::<R>::NAME));
            if Target::<R>::ALIAS_OF.is_some() {
                out.push_sql(" AS ");
                out.push_ident(Target::<R>::NAME);
            }
            if let Some(through) = R::THROUGH {
                out.push_sql(" INNER JOIN ");
                out.push_table(through.schema, through.name);
                out.push_sql(" ON ");
                write_keys(
                    out,
                    through.name,
                    Target::<R>::NAME,
                    through.target_keys.iter().copied(),
                );
            }
            level.filter.render_clause(" WHERE ", out);
            out.push_sql(")");
        } else {
            out.push_table(Target::<R>::SCHEMA, Target::<R>::ALIAS_OF.unwrap_or(Target::<R>::NAME));
        }
        out.push_sql(" AS ");
        out.push_ident(me);
        out.push_sql(" ON ");
        match (R::THROUGH, limited) {
            (Some(through), false) => write_keys(out, me, junction, through.target_keys.iter().map(|(j, t)| (*t, *j))),
            (Some(through), true) => {
                let keys = through.source_keys.iter().enumerate();
                let pairs: Vec<(&'static str, &'static str)> =
                    keys.map(|(i, (source, _))| (key_alias(i, out), *source)).collect();
                write_keys(out, me, parent, pairs.into_iter());
            }
            (None, _) => {
                let keys = relation_keys::<R, D>(out);
                write_keys(out, me, parent, keys.iter().map(|(s, t)| (*t, *s)))
            }
        }
        if limited {
            if let Some(offset) = level.offset {
                out.push_sql(" AND ");
                out.push_column(me, ROW_NUMBER);
                out.push_sql(" > ");
                offset.write(out);
            }
            if let Some(limit) = level.limit {
                out.push_sql(" AND ");
                out.push_column(me, ROW_NUMBER);
                match (limit, level.offset) {
                    (RowCount::Fixed(limit), Some(RowCount::Fixed(offset))) => {
                        out.push_sql(" <= ");
                        out.push_u64(limit.saturating_add(offset));
                    }
                    // PostgreSQL cannot type a sum of two parameters, and MySQL's row
                    // number is unsigned, so cannot go below zero: each its own way.
                    (limit, Some(offset)) if D::KIND == crate::dialect::DialectKind::Pg => {
                        out.push_sql(" - ");
                        offset.write(out);
                        out.push_sql(" <= ");
                        limit.write(out);
                    }
                    (limit, Some(offset)) => {
                        out.push_sql(" <= (");
                        limit.write(out);
                        out.push_sql(" + ");
                        offset.write(out);
                        out.push_sql(")");
                    }
                    (limit, None) => {
                        out.push_sql(" <= ");
                        limit.write(out);
                    }
                }
            }
        } else {
            let outer = out.set_alias(Some((Target::<R>::NAME, me)));
            level.filter.render_clause(" AND ", out);
            out.set_alias(outer);
        }
        level.children.render_joins(me, out, next);
        self.1.render_joins(parent, out, next);
    }

    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        let level = &self.0;
        let me = alias(*next, out);
        *next += 1;
        out.push_sql(", ");
        let outer = out.set_alias(Some((<R::Target as Table>::NAME, me)));
        let mut first = !level.order.render_terms(out);
        out.set_alias(outer);
        render_key::<R::Target, D>(me, out, &mut first);
        level.children.render_order(out, next);
        self.1.render_order(out, next);
    }

    fn decode<RR: RawRow<D>>(row: &mut RR, index: &mut usize) -> Result<Self::Flat, RowError> {
        let width = S::width();
        let target = if all_null(row, *index, width)? {
            *index += width;
            None
        } else {
            Some(S::decode(row, index)?)
        };
        Ok((target, Gs::decode(row, index)?, Rest::decode(row, index)?))
    }

    fn empty() -> Self::Acc {
        (Vec::new(), Rest::empty())
    }

    fn gather(acc: &mut Self::Acc, (target, grandchildren, rest): Self::Flat, scan: bool) {
        if let Some(target) = target {
            let rows = &mut acc.0;
            let found = match rows.last() {
                Some((last, _)) if *last == target => Some(rows.len() - 1),
                _ if scan => rows.iter().position(|(row, _)| *row == target),
                _ => None,
            };
            let at = found.unwrap_or_else(|| {
                rows.push((target, Gs::empty()));
                rows.len() - 1
            });
            Gs::gather(&mut rows[at].1, grandchildren, scan);
        }
        // A relation after this one sees this one's rows repeated: its own come apart.
        Rest::gather(&mut acc.1, rest, true);
    }

    fn finish((rows, rest): Self::Acc) -> Result<Self::Out, crate::Error> {
        let nested = rows
            .into_iter()
            .map(|(row, gathered)| Ok(Nested::new(S::into_row(row), Gs::finish(gathered)?)))
            .collect::<Result<Vec<_>, crate::Error>>()?;
        let loaded = Loaded::new(<R::Kind as RelationKind>::collect(nested, R::NAME)?);
        Ok((loaded, Rest::finish(rest)?))
    }
}

/// The number of rows relation `R` reaches from each source row, loaded beside the
/// relations: `.with(count_of(user_posts))`, read with `user.related(count_of(user_posts))`.
/// A subquery in the select list; no rows are joined for it.
#[derive(Debug, Clone, Copy, Default)]
pub struct CountOf<R>(R);

/// The number of rows `relation` reaches from each source row (`posts per user`), loaded
/// with `.with(count_of(relation))` — which Drizzle's relational API has no way to ask for.
pub fn count_of<R: Relation>(relation: R) -> CountOf<R> {
    CountOf(relation)
}

impl<R: Relation> IntoWith for CountOf<R> {
    type Node = ValueNode<Self>;
    fn into_with(self) -> ValueNode<Self> {
        ValueNode(self)
    }
}

impl<R: Relation> LoadsRelation for CountOf<R> {
    type Relation = R;
}

/// The alias of the target table a count's or an aggregate's subquery reads.
const COUNTED: &str = "mizzle_counted";

/// The alias of the junction table of such a subquery.
const COUNTED_JUNCTION: &str = "mizzle_counted_junction";

/// ` FROM <target> AS <target_alias> [JOIN <junction> AS <junction_alias>] WHERE <keys to
/// parent>`: the rows relation `R` reaches from the row aliased `parent`, for a subquery
/// beside it or in a filter.
pub(super) fn write_related_from<R: Relation, D: Dialect>(
    parent: &'static str,
    (target_alias, junction_alias): (&'static str, &'static str),
    out: &mut SqlWriter<'_, D>,
) {
    type Target<R> = <R as Relation>::Target;
    out.push_sql(" FROM ");
    out.push_table(Target::<R>::SCHEMA, Target::<R>::ALIAS_OF.unwrap_or(Target::<R>::NAME));
    out.push_sql(" AS ");
    out.push_ident(target_alias);
    match R::THROUGH {
        Some(through) => {
            out.push_sql(" INNER JOIN ");
            out.push_table(through.schema, through.name);
            out.push_sql(" AS ");
            out.push_ident(junction_alias);
            out.push_sql(" ON ");
            write_keys(out, junction_alias, target_alias, through.target_keys.iter().copied());
            out.push_sql(" WHERE ");
            write_keys(
                out,
                junction_alias,
                parent,
                through.source_keys.iter().map(|(s, j)| (*j, *s)),
            );
        }
        None => {
            out.push_sql(" WHERE ");
            let keys = relation_keys::<R, D>(out);
            write_keys(out, target_alias, parent, keys.iter().map(|(s, t)| (*t, *s)));
        }
    }
}

/// One value computed for each row of a level, in a column beside it: a [`CountOf`] or
/// an [`AggregateOf`] (a subquery over the rows a relation reaches) or an
/// [`Extra`](super::Extra) (an expression over the row itself).
pub trait RelatedValue<D: Dialect> {
    /// The value's Rust type.
    type Value;
    /// Writes the value's column for the row of table `table`, which the query names `parent`.
    fn render_beside<'q>(&'q self, table: &'static str, parent: &'static str, out: &mut SqlWriter<'q, D>);
    /// Decodes the value from column `index`.
    fn decode_value<RR: RawRow<D>>(row: &mut RR, index: usize) -> Result<Self::Value, RowError>;
}

impl<R: Relation, D: Dialect> RelatedValue<D> for CountOf<R>
where
    i64: crate::types::FromSql<crate::types::BigInt, D>,
{
    type Value = i64;
    fn render_beside<'q>(&'q self, _table: &'static str, parent: &'static str, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(SELECT count(*)");
        write_related_from::<R, D>(parent, (COUNTED, COUNTED_JUNCTION), out);
        out.push_sql(")");
    }
    fn decode_value<RR: RawRow<D>>(row: &mut RR, index: usize) -> Result<i64, RowError> {
        crate::row::decode_column::<i64, crate::types::BigInt, crate::types::NotNull, D, RR>(row, index)
    }
}

/// A [`RelatedValue`] in a list of children.
#[derive(Debug, Clone, Copy)]
pub struct ValueNode<X>(pub(super) X);

impl<X, Rest, D> Children<D> for (ValueNode<X>, Rest)
where
    X: RelatedValue<D>,
    Rest: Children<D>,
    D: Dialect,
{
    type Flat = (X::Value, Rest::Flat);
    type Acc = (Option<X::Value>, Rest::Acc);
    type Out = (Loaded<X, X::Value>, Rest::Out);

    fn render_columns<'q>(
        &'q self,
        table: &'static str,
        parent: &'static str,
        out: &mut SqlWriter<'q, D>,
        next: &mut usize,
    ) {
        out.push_sql(", ");
        let ValueNode(value) = &self.0;
        value.render_beside(table, parent, out);
        self.1.render_columns(table, parent, out, next);
    }

    fn render_joins<'q>(&'q self, parent: &'static str, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        self.1.render_joins(parent, out, next);
    }

    fn render_order<'q>(&'q self, out: &mut SqlWriter<'q, D>, next: &mut usize) {
        self.1.render_order(out, next);
    }

    fn decode<RR: RawRow<D>>(row: &mut RR, index: &mut usize) -> Result<Self::Flat, RowError> {
        let value = X::decode_value(row, *index)?;
        *index += 1;
        Ok((value, Rest::decode(row, index)?))
    }

    fn empty() -> Self::Acc {
        (None, Rest::empty())
    }

    fn gather(acc: &mut Self::Acc, (value, rest): Self::Flat, scan: bool) {
        // Each joined row of one source row repeats the value: the first one is it.
        acc.0.get_or_insert(value);
        Rest::gather(&mut acc.1, rest, scan);
    }

    fn finish((value, rest): Self::Acc) -> Result<Self::Out, crate::Error> {
        let value = value.ok_or_else(|| crate::Error::Driver("a related value's row was not read".into()))?;
        Ok((Loaded::new(value), Rest::finish(rest)?))
    }
}

/// An aggregate of the rows relation `R` reaches from each source row (the latest
/// comment's date of each post: `aggregate_of(post_comments, max(comments::created_at))`),
/// loaded with `.with(..)` and read with `.related(..)` given the same value. A subquery
/// in the select list; no rows are joined for it.
#[derive(Debug, Clone, Copy)]
pub struct AggregateOf<R, A> {
    relation: std::marker::PhantomData<R>,
    aggregate: A,
}

/// `aggregate` (over the target table's columns) of the rows `relation` reaches from each
/// source row: `aggregate_of(post_comments, max(comments::id))`.
pub fn aggregate_of<R: Relation, F, E, I>(_relation: R, aggregate: Aggregate<F, E>) -> AggregateOf<R, Aggregate<F, E>>
where
    F: AggregateFn<E>,
    E: AppearsIn<R::Target, I>,
{
    AggregateOf {
        relation: std::marker::PhantomData,
        aggregate,
    }
}

impl<R: Relation, A> IntoWith for AggregateOf<R, A> {
    type Node = ValueNode<Self>;
    fn into_with(self) -> ValueNode<Self> {
        ValueNode(self)
    }
}

impl<R: Relation, A> LoadsRelation for AggregateOf<R, A> {
    type Relation = R;
}

/// The Rust value of an aggregate, `Option` where it may be NULL (over no rows).
pub type AggregateValue<A> =
    <<A as Expression>::Nullability as crate::types::Nullability>::Wrap<<A as Expression>::Value>;

impl<R, A, D> RelatedValue<D> for AggregateOf<R, A>
where
    R: Relation,
    A: Expression + RenderSql<D>,
    A::Value: crate::types::FromSql<A::SqlType, D>,
    D: Dialect,
{
    type Value = AggregateValue<A>;
    fn render_beside<'q>(&'q self, _table: &'static str, parent: &'static str, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(SELECT ");
        let outer = out.set_alias(Some((<R::Target as Table>::NAME, COUNTED)));
        self.aggregate.render(out);
        out.set_alias(outer);
        write_related_from::<R, D>(parent, (COUNTED, COUNTED_JUNCTION), out);
        out.push_sql(")");
    }
    fn decode_value<RR: RawRow<D>>(row: &mut RR, index: usize) -> Result<Self::Value, RowError> {
        crate::row::decode_column::<A::Value, A::SqlType, A::Nullability, D, RR>(row, index)
    }
}
