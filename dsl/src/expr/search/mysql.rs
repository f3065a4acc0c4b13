//! MySQL's and MariaDB's full-text search: `MATCH (columns) AGAINST (text [mode])`, over
//! a FULLTEXT index on exactly those columns.

use crate::dialect::MySql;
use crate::expr::{AppearsIn, AsExpression, Expression, Operand, RowLevel};
use crate::query::ExprList;
use crate::render::{RenderList, RenderSql, SqlWriter};
use crate::types::{Bool, Double, NotNull, Text};

/// How `AGAINST` reads the search text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMode {
    /// `IN NATURAL LANGUAGE MODE`, the default: words, ranked by relevance.
    NaturalLanguage,
    /// `IN BOOLEAN MODE`: `+required -excluded "a phrase" prefix*`.
    Boolean,
    /// `WITH QUERY EXPANSION`: a second search with the words of the best matches.
    QueryExpansion,
}

impl MatchMode {
    fn sql(self) -> &'static str {
        match self {
            MatchMode::NaturalLanguage => " IN NATURAL LANGUAGE MODE)",
            MatchMode::Boolean => " IN BOOLEAN MODE)",
            MatchMode::QueryExpansion => " WITH QUERY EXPANSION)",
        }
    }
}

/// `MATCH (columns) AGAINST (text mode)`: a condition when `SCORE` is false, the relevance
/// (a `double`, 0 for no match) when true.
#[derive(Debug, Clone, Copy)]
pub struct MatchAgainst<C, Q, const SCORE: bool = false> {
    columns: C,
    query: Q,
    mode: MatchMode,
}

/// `MATCH (columns) AGAINST (text IN NATURAL LANGUAGE MODE)`: the rows whose columns (a
/// column or a tuple, those of one FULLTEXT index) match the text. `.boolean_mode()` and
/// `.with_query_expansion()` change the mode; `.relevance()` is the score to order by.
pub fn match_against<C, Q: AsExpression<Text, Expr: Operand>>(columns: C, text: Q) -> MatchAgainst<C, Q::Expr> {
    MatchAgainst {
        columns,
        query: text.into_expression(),
        mode: MatchMode::NaturalLanguage,
    }
}

impl<C, Q> MatchAgainst<C, Q> {
    /// `IN BOOLEAN MODE`: `+required -excluded "a phrase" prefix*`.
    pub fn boolean_mode(mut self) -> Self {
        self.mode = MatchMode::Boolean;
        self
    }

    /// `WITH QUERY EXPANSION`.
    pub fn with_query_expansion(mut self) -> Self {
        self.mode = MatchMode::QueryExpansion;
        self
    }

    /// The relevance of the match instead of the condition: a `double`, 0 for none.
    pub fn relevance(self) -> MatchAgainst<C, Q, true> {
        MatchAgainst {
            columns: self.columns,
            query: self.query,
            mode: self.mode,
        }
    }
}

impl<C, Q: Expression> Expression for MatchAgainst<C, Q, false> {
    type SqlType = Bool;
    // MATCH over NULL columns is no match, 0.
    type Nullability = NotNull;
    type Value = bool;
}

impl<C, Q: Expression> Expression for MatchAgainst<C, Q, true> {
    type SqlType = Double;
    type Nullability = NotNull;
    type Value = f64;
}

impl<C: ExprList<S, IC>, Q: AppearsIn<S, IQ>, S, IC, IQ, const SCORE: bool> AppearsIn<S, (IC, IQ)>
    for MatchAgainst<C, Q, SCORE>
where
    Self: Expression,
{
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    // The columns are read outside any aggregate: a grouped query takes no MATCH.
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::No;
    type GroupKey = crate::schema::ExprKey;
}
crate::expr::impl_into_expression!([C, Q, const SCORE: bool] MatchAgainst<C, Q, SCORE>);
impl<C, Q: RowLevel, const SCORE: bool> RowLevel for MatchAgainst<C, Q, SCORE> {}

impl<C: RenderList<MySql>, Q: RenderSql<MySql>, const SCORE: bool> RenderSql<MySql> for MatchAgainst<C, Q, SCORE> {
    const TYPE_SHAPED: bool = C::TYPE_SHAPED && Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, MySql>) {
        out.push_sql("MATCH (");
        self.columns.render_list(out);
        out.push_sql(") AGAINST (");
        self.query.render(out);
        out.push_choice(self.mode as u64);
        out.push_sql(self.mode.sql());
    }
}
