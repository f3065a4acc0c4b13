//! Predicates chosen at run time, with their columns still checked at compile time: an
//! optional one ([`maybe`]), and all or any of a list ([`all_of`], [`any_of`]).

use super::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{ExprKey, Nil, No, Yes};
use crate::types::{Bool, SameType};

/// Predicates joined by `AND` (`ANY` false) or `OR`, chosen at run time; a predicate
/// that is absent (`None`, or an empty list) is TRUE for `AND` and FALSE for `OR`, so a
/// query without it reads every row, or none.
#[derive(Debug, Clone)]
pub struct Dynamic<P, const ANY: bool> {
    predicates: Vec<P>,
}

/// `predicate` when it is `Some`; TRUE (nothing filtered) when `None`:
/// `.filter(maybe(name.map(|n| users::name.eq(n))))`.
pub fn maybe<P: Expression<SqlType: SameType<Bool>>>(predicate: Option<P>) -> Dynamic<P, false> {
    Dynamic {
        predicates: predicate.into_iter().collect(),
    }
}

/// Every predicate of the list (`a AND b AND …`); TRUE for an empty list.
pub fn all_of<P: Expression<SqlType: SameType<Bool>>>(predicates: impl IntoIterator<Item = P>) -> Dynamic<P, false> {
    Dynamic {
        predicates: predicates.into_iter().collect(),
    }
}

/// Any predicate of the list (`a OR b OR …`); FALSE for an empty list.
pub fn any_of<P: Expression<SqlType: SameType<Bool>>>(predicates: impl IntoIterator<Item = P>) -> Dynamic<P, true> {
    Dynamic {
        predicates: predicates.into_iter().collect(),
    }
}

impl<P, const ANY: bool> Expression for Dynamic<P, ANY> {
    type SqlType = Bool;
    // A comparison with a NULL operand is NULL: the list's predicates may be too.
    type Nullability = crate::types::Null;
    type Value = bool;
}

impl<P: AppearsIn<S, I>, S, I, const ANY: bool> AppearsIn<S, I> for Dynamic<P, ANY> {
    type ScopedNullability = crate::types::Null;
    // Whether a predicate is there is known only at run time: it proves nothing.
    type Proves = Nil;
    type Aggregates = No;
    type Grouped<G: crate::schema::GroupKeys> = Yes;
    type GroupKey = ExprKey;
}

impl<P: RenderSql<D>, D: Dialect, const ANY: bool> RenderSql<D> for Dynamic<P, ANY> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        // How many predicates there are decides the text.
        out.push_choice(self.predicates.len() as u64);
        match self.predicates.as_slice() {
            [] => out.push_sql(if ANY { "(1 = 0)" } else { "(1 = 1)" }),
            [only] => only.render(out),
            many => {
                out.push_sql("(");
                for (i, predicate) in many.iter().enumerate() {
                    if i > 0 {
                        out.push_sql(if ANY { " OR " } else { " AND " });
                    }
                    predicate.render(out);
                }
                out.push_sql(")");
            }
        }
    }
}
impl_into_expression!([P, const ANY: bool] Dynamic<P, ANY>);
impl<P: RowLevel, const ANY: bool> RowLevel for Dynamic<P, ANY> {}
