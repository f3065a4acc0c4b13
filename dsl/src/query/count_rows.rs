//! `count_rows(query)`: how many rows a query would return, counted by the database.

use super::clause::NoFilterNeeded;
use super::statement::{ClausesAgree, RowQuery, ScopeChecked, Statement};
use crate::access::Reads;
use crate::dialect::Dialect;
use crate::expr::CountStar;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::NoTables;

/// `SELECT count(*) FROM (query) AS "counted"`: one row, the number of rows `query`
/// returns, with its DISTINCT, GROUP BY, LIMIT and set operations taken into account.
#[derive(Debug, Clone, Copy)]
#[must_use = "a count does nothing until `.get(&db)`"]
pub struct CountRows<Q>(Q);

/// How many rows `query` (a select, or a set operation) would return:
/// `count_rows(query).get(&db)` is `Some(n)`.
pub fn count_rows<Q: RowQuery<Access = Reads>>(query: Q) -> CountRows<Q> {
    CountRows(query)
}

impl<Q: RenderSql<D>, D: Dialect> RenderSql<D> for CountRows<Q> {
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("SELECT count(*) FROM (");
        self.0.render(out);
        out.push_sql(") AS ");
        out.push_ident("counted");
    }
}

impl<Q: Statement> Statement for CountRows<Q> {
    type Dialect = Q::Dialect;
    type Filter = NoFilterNeeded;
    type Access = Reads;
}

impl<Q: Statement> RowQuery for CountRows<Q> {
    type Source = NoTables;
    type Selection = CountStar;
    type Decoded = CountStar;

    fn selection(&self) -> &Self::Selection {
        &CountStar
    }
}

impl<Q: ScopeChecked<I>, I> ScopeChecked<I> for CountRows<Q> {}

impl<Q: ClausesAgree<J>, J> ClausesAgree<J> for CountRows<Q> {}
