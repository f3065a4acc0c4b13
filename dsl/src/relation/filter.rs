//! Filters on relations: the rows that have (or have no) related rows, optionally only
//! related rows matching a condition — `EXISTS` subqueries written from the relation.

use super::declare::Relation;
use super::tree::write_related_from;
use crate::dialect::Dialect;
use crate::expr::{AppearsIn, Expression, RowLevel};
use crate::query::{AndFilter, NoWhere, RenderClause};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{ExprKey, Nil, No, Table, TableIn, Yes};
use crate::types::{Bool, NotNull, SameType};
use std::marker::PhantomData;

/// `EXISTS` (or, `NEGATED`, `NOT EXISTS`) related rows of relation `R` matching `W`:
/// [`has`], [`has_no`]. A boolean expression over `R`'s source table, for any filter:
/// a relational query's, at any level, or a select's over that table.
#[derive(Debug, Clone, Copy)]
pub struct Has<R, W, const NEGATED: bool> {
    relation: PhantomData<R>,
    matching: W,
}

/// The rows that have at least one row through `relation`: `EXISTS (SELECT 1 FROM
/// <target> WHERE <keys>)`. `.matching(predicate)` counts only the related rows where
/// `predicate` (over the target table) holds.
pub fn has<R: Relation>(_relation: R) -> Has<R, NoWhere, false> {
    Has {
        relation: PhantomData,
        matching: NoWhere,
    }
}

/// The rows that have no row through `relation` (`NOT EXISTS`); with `.matching(..)`, no
/// related row where the predicate holds.
pub fn has_no<R: Relation>(_relation: R) -> Has<R, NoWhere, true> {
    Has {
        relation: PhantomData,
        matching: NoWhere,
    }
}

impl<R: Relation, W, const NEGATED: bool> Has<R, W, NEGATED> {
    /// Only related rows where `predicate`, over the relation's target table, holds;
    /// called again, the predicates are ANDed.
    pub fn matching<P, I>(self, predicate: P) -> Has<R, W::Output, NEGATED>
    where
        P: AppearsIn<R::Target, I, SqlType: SameType<Bool>> + RenderSql<<R::Target as Table>::Dialect> + RowLevel,
        W: AndFilter<P>,
    {
        Has {
            relation: PhantomData,
            matching: self.matching.and_filter(predicate),
        }
    }
}

impl<R, W, const NEGATED: bool> Expression for Has<R, W, NEGATED> {
    type SqlType = Bool;
    type Nullability = NotNull;
    type Value = bool;
}

impl<R: Relation, W, S, I, const NEGATED: bool> AppearsIn<S, I> for Has<R, W, NEGATED>
where
    R::Source: TableIn<S, I>,
{
    type ScopedNullability = NotNull;
    type Proves = Nil;
    type Aggregates = No;
    type Grouped<G: crate::schema::GroupKeys> = Yes;
    type GroupKey = ExprKey;
}

/// The aliases of the target and junction tables of a relation filter, one pair per depth
/// of filters nested in `.matching(..)`, so that an inner one never hides an outer one.
const ALIASES: [(&str, &str); 4] = [
    ("mizzle_has", "mizzle_has_junction"),
    ("mizzle_has_2", "mizzle_has_junction_2"),
    ("mizzle_has_3", "mizzle_has_junction_3"),
    ("mizzle_has_4", "mizzle_has_junction_4"),
];

impl<R, W, D, const NEGATED: bool> RenderSql<D> for Has<R, W, NEGATED>
where
    R: Relation,
    W: RenderClause<D>,
    D: Dialect,
{
    const TYPE_SHAPED: bool = W::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let source = <R::Source as Table>::NAME;
        let outer = out.alias();
        // The source row as the enclosing query names it: its alias at a nested level.
        let parent = match outer {
            Some((table, alias)) if table == source => alias,
            _ => source,
        };
        let depth = outer.and_then(|(_, alias)| ALIASES.iter().position(|(target, _)| *target == alias));
        let Some(&aliases) = ALIASES.get(depth.map_or(0, |d| d + 1)) else {
            out.push_error(crate::EncodeError::new(format!(
                "relation filters nest {} deep at most",
                ALIASES.len()
            )));
            return;
        };
        let qualified = out.set_qualify_columns(true);
        out.set_alias(None);
        out.push_sql(if NEGATED {
            "NOT EXISTS (SELECT 1"
        } else {
            "EXISTS (SELECT 1"
        });
        write_related_from::<R, D>(parent, aliases, out);
        out.set_alias(Some((<R::Target as Table>::NAME, aliases.0)));
        self.matching.render_clause(" AND ", out);
        out.push_sql(")");
        out.set_alias(outer);
        out.set_qualify_columns(qualified);
    }
}

crate::expr::impl_into_expression!([R, W, const NEGATED: bool] Has<R, W, NEGATED>);
impl<R, W, const NEGATED: bool> RowLevel for Has<R, W, NEGATED> {}
