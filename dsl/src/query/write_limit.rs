//! `UPDATE … ORDER BY … LIMIT n` and `DELETE … ORDER BY … LIMIT n` (MySQL): a write of the
//! first `n` rows in an order.

use super::clause::{NoOrder, OrderBy};
use super::delete::Delete;
use super::select::RenderListClause;
use super::statement::{ClausesAgree, ScopeChecked, Statement};
use super::update::{NoFrom, Update};
use super::NoReturning;
use crate::dialect::{Dialect, SupportsWriteLimit};
use crate::expr::OrderTerm;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::Table;

/// An UPDATE or DELETE of at most `limit` rows, taken in `order`.
#[derive(Debug, Clone, Copy)]
#[must_use = "a write does nothing until `.execute(&db)`"]
pub struct Limited<Q, O = NoOrder> {
    write: Q,
    order: O,
    limit: Option<u64>,
}

impl<Q> Limited<Q> {
    fn new(write: Q) -> Self {
        Limited {
            write,
            order: NoOrder,
            limit: None,
        }
    }
}

impl<Q, O> Limited<Q, O> {
    /// `LIMIT n`: writes at most `n` rows.
    pub fn limit(mut self, n: u64) -> Self {
        self.limit = Some(n);
        self
    }
}

/// The `.order_by(..)` and `.limit(..)` of a write of table `$table`.
macro_rules! limit_methods {
    ([$($gen:tt)*] $ty:ty, $table:ident) => {
        impl<$($gen)*> $ty {
            /// `ORDER BY terms` (MySQL): the order in which rows are written, and which
            /// ones `.limit(n)` keeps.
            pub fn order_by<O: OrderTerm<$table, I>, I>(self, terms: O) -> Limited<Self, OrderBy<O>>
            where
                $table::Dialect: SupportsWriteLimit,
            {
                Limited {
                    write: self,
                    order: OrderBy(terms),
                    limit: None,
                }
            }

            /// `LIMIT n` (MySQL): writes at most `n` of the chosen rows.
            pub fn limit(self, n: u64) -> Limited<Self>
            where
                $table::Dialect: SupportsWriteLimit,
            {
                Limited::new(self).limit(n)
            }
        }
    };
}

limit_methods!([T: Table, S, W] Update<T, S, W, NoReturning, NoFrom>, T);
limit_methods!([T: Table, W] Delete<T, W, NoReturning>, T);

impl<Q: RenderSql<D>, O: RenderListClause<D>, D: Dialect> RenderSql<D> for Limited<Q, O> {
    // Whether there is a LIMIT is recorded, and its number.
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED && O::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.write.render(out);
        let qualified = out.set_qualify_columns(false);
        self.order.render_list_clause(out);
        out.set_qualify_columns(qualified);
        out.push_choice(u64::from(self.limit.is_some()));
        if let Some(limit) = self.limit {
            out.push_sql(" LIMIT ");
            out.push_u64(limit);
        }
    }
}

impl<Q: Statement, O> Statement for Limited<Q, O> {
    type Dialect = Q::Dialect;
    type Filter = Q::Filter;
    type Access = Q::Access;
}

impl<Q: ScopeChecked<I>, O, I> ScopeChecked<I> for Limited<Q, O> {}

impl<Q: ClausesAgree<J>, O, J> ClausesAgree<J> for Limited<Q, O> {}
