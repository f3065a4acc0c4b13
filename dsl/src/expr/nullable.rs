//! `expr.nullable()`: the same SQL, typed as possibly NULL, for where a nullable value is expected.

use super::{impl_into_expression, AppearsIn, Expression};
use crate::dialect::Dialect;
use crate::render::{RenderSql, SqlWriter};
use crate::types::Null;

/// An expression read as nullable: what it renders is unchanged, and it decodes to an
/// `Option`. It lets a NOT NULL column stand beside a nullable one, as the two sides of a
/// UNION must.
#[derive(Debug, Clone, Copy)]
pub struct Nullable<E>(pub(crate) E);

impl<E: Expression> Expression for Nullable<E> {
    type SqlType = E::SqlType;
    type Nullability = Null;
    type Value = E::Value;
}

impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for Nullable<E> {
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    // Grouping by the wrapped expression groups by what it wraps.
    type GroupKey = E::GroupKey;
}

impl<E: RenderSql<D>, D: Dialect> RenderSql<D> for Nullable<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.0.render(out);
    }
}
impl_into_expression!([E] Nullable<E>);
impl<E: super::RowLevel> super::RowLevel for Nullable<E> {}
