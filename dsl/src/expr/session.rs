//! Values of the session a statement runs in (PostgreSQL): `current_setting(..)` and
//! `current_user`, what row-level security policies read.

use super::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::dialect::Pg;
use crate::render::{RenderSql, SqlWriter};
use crate::types::{NotNull, Null, Text};

/// `nullif(current_setting('name', true), '')`: the setting's value as text, NULL where it
/// is not set.
#[derive(Debug, Clone, Copy)]
pub struct CurrentSetting {
    name: &'static str,
}

/// `nullif(current_setting('name', true), '')`: the value `tx.set_local(name, value)` gave
/// the setting `name` (`"app.tenant_id"`), as text, NULL where it is not set — so that a
/// policy comparing with it lets no row through. (Once a connection has set it, PostgreSQL
/// answers `''` rather than NULL after the transaction: `nullif` makes that NULL too, so a
/// pooled connection behaves as a fresh one.) Cast it: `.cast::<Integer>()`. The name
/// is written as a literal, and must be a plain name (lowercase letters, digits, `_`, one `.`).
pub fn current_setting(name: &'static str) -> CurrentSetting {
    CurrentSetting { name }
}

impl Expression for CurrentSetting {
    type SqlType = Text;
    type Nullability = Null;
    type Value = String;
}

impl<S> AppearsIn<S, ()> for CurrentSetting {
    type ScopedNullability = Null;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}
impl_into_expression!([] CurrentSetting);
impl RowLevel for CurrentSetting {}

impl RenderSql<Pg> for CurrentSetting {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("nullif(current_setting(");
        out.push_name_literal(self.name, "setting");
        out.push_sql(", true), '')");
    }
}

/// `current_user`: the role the statement runs as.
#[derive(Debug, Clone, Copy)]
pub struct CurrentUser;

/// `current_user`: the role the statement runs as (after `SET ROLE`, that role).
pub fn current_user() -> CurrentUser {
    CurrentUser
}

impl Expression for CurrentUser {
    type SqlType = Text;
    type Nullability = NotNull;
    type Value = String;
}

impl<S> AppearsIn<S, ()> for CurrentUser {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}
impl_into_expression!([] CurrentUser);
impl RowLevel for CurrentUser {}

impl RenderSql<Pg> for CurrentUser {
    const TYPE_SHAPED: bool = true;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("current_user");
    }
}
