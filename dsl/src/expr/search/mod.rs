//! Full-text search, as each database has it: PostgreSQL's `tsvector`/`tsquery` with
//! `@@` and ranking, MySQL's `MATCH … AGAINST` over a FULLTEXT index, SQLite's FTS5
//! `MATCH` with `bm25` and `highlight`. Each renders only on its own dialect.

mod mysql;
mod pg;
mod sqlite;

pub use mysql::{match_against, MatchAgainst, MatchMode};
pub use pg::{
    phraseto_tsquery, plainto_tsquery, to_tsquery, to_tsvector, ts_headline, ts_rank, ts_rank_cd, tsquery_parser,
    websearch_to_tsquery, Append, Matches, SetWeight, ToTsQuery, ToTsVector, TsHeadline, TsQueryParser, TsRank,
    TsVectorMethods, Weight,
};
pub use sqlite::{bm25, fts5_match, highlight, Bm25, Fts5Match, Highlight};

/// How a search node appears in a query: reads its operands' tables, NULL when one of
/// them is, grouped when they are, and an operand and expression of its own SQL type.
macro_rules! search_node {
    ($name:ident [$($param:tt)*] [$($arg:tt)*], $a:ident) => {
        impl<$($param)* S, I> $crate::expr::AppearsIn<S, I> for $name<$($arg)*>
        where
            Self: $crate::expr::Expression,
            $a: $crate::expr::AppearsIn<S, I>,
        {
            type ScopedNullability = $a::ScopedNullability;
            type Proves = $crate::schema::Nil;
            type Aggregates = $a::Aggregates;
            type Grouped<G: $crate::schema::GroupKeys> = $a::Grouped<G>;
            type GroupKey = $crate::schema::ExprKey;
        }
        $crate::expr::impl_into_expression!([$($param)*] $name<$($arg)*>);
        impl<$($param)*> $crate::expr::RowLevel for $name<$($arg)*> where $a: $crate::expr::RowLevel {}
    };
    ($name:ident [$($param:tt)*] [$($arg:tt)*], $a:ident, $b:ident) => {
        impl<$($param)* S, IA, IB> $crate::expr::AppearsIn<S, (IA, IB)> for $name<$($arg)*>
        where
            Self: $crate::expr::Expression,
            $a: $crate::expr::AppearsIn<S, IA>,
            $b: $crate::expr::AppearsIn<S, IB>,
        {
            type ScopedNullability =
                <$a::ScopedNullability as $crate::types::Nullability>::Or<$b::ScopedNullability>;
            type Proves = $crate::schema::Nil;
            type Aggregates = <$a::Aggregates as $crate::schema::Truth>::Or<$b::Aggregates>;
            type Grouped<G: $crate::schema::GroupKeys> =
                <$a::Grouped<G> as $crate::schema::Truth>::And<$b::Grouped<G>>;
            type GroupKey = $crate::schema::ExprKey;
        }
        $crate::expr::impl_into_expression!([$($param)*] $name<$($arg)*>);
        impl<$($param)*> $crate::expr::RowLevel for $name<$($arg)*>
        where
            $a: $crate::expr::RowLevel,
            $b: $crate::expr::RowLevel,
        {
        }
    };
}
use search_node;
