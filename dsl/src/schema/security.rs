//! Row-level security (PostgreSQL): roles, a table's RLS switches and its policies, whose
//! conditions are typed expressions over the table's columns.

use super::definition::ddl_sql;
use super::{Define, Table};
use crate::dialect::Pg;
use crate::expr::AppearsIn;
use crate::render::RenderSql;
use crate::types::{Bool, SameType};
use std::marker::PhantomData;

/// A database role: `CREATE ROLE name WITH …`. Roles belong to the whole server, not to
/// one database; mizzle creates a role only where it is missing, and never drops one that
/// other schemas may use. It takes no password: give one with `ALTER ROLE` out of band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// Its name.
    pub name: &'static str,
    /// `LOGIN`: it can connect (a user, not a group).
    pub login: bool,
    /// `INHERIT` (the default): it has the privileges of the roles it is a member of.
    pub inherit: bool,
    /// `CREATEDB`.
    pub create_db: bool,
    /// `CREATEROLE`.
    pub create_role: bool,
    /// `BYPASSRLS`: policies do not apply to it.
    pub bypass_rls: bool,
}

impl Role {
    /// A role that cannot log in, inherits, and has no other power: what a policy names.
    pub fn new(name: &'static str) -> Self {
        Role {
            name,
            login: false,
            inherit: true,
            create_db: false,
            create_role: false,
            bypass_rls: false,
        }
    }

    /// `LOGIN`.
    pub fn login(mut self) -> Self {
        self.login = true;
        self
    }

    /// `NOINHERIT`.
    pub fn no_inherit(mut self) -> Self {
        self.inherit = false;
        self
    }

    /// `CREATEDB`.
    pub fn create_db(mut self) -> Self {
        self.create_db = true;
        self
    }

    /// `CREATEROLE`.
    pub fn create_role(mut self) -> Self {
        self.create_role = true;
        self
    }

    /// `BYPASSRLS`.
    pub fn bypass_rls(mut self) -> Self {
        self.bypass_rls = true;
        self
    }
}

/// The statements a policy applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyCommand {
    /// `FOR ALL`, the default.
    All,
    /// `FOR SELECT`.
    Select,
    /// `FOR INSERT`.
    Insert,
    /// `FOR UPDATE`.
    Update,
    /// `FOR DELETE`.
    Delete,
}

impl PolicyCommand {
    /// The keyword.
    pub fn sql(self) -> &'static str {
        match self {
            PolicyCommand::All => "ALL",
            PolicyCommand::Select => "SELECT",
            PolicyCommand::Insert => "INSERT",
            PolicyCommand::Update => "UPDATE",
            PolicyCommand::Delete => "DELETE",
        }
    }
}

/// A policy of a table: `CREATE POLICY name ON table AS … FOR … TO … USING (…) WITH CHECK (…)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Policy {
    /// Its name, unique per table.
    pub name: String,
    /// `AS RESTRICTIVE` (every restrictive policy must pass) rather than `PERMISSIVE` (any
    /// permissive one may).
    pub restrictive: bool,
    /// The statements it applies to; `None` for all.
    pub command: Option<PolicyCommand>,
    /// The roles it applies to; empty for `PUBLIC`.
    pub roles: Vec<String>,
    /// Which existing rows are visible, updatable and deletable, as SQL.
    pub using: Option<String>,
    /// Which new rows may be written, as SQL.
    pub with_check: Option<String>,
}

/// What row-level security a table declares.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RowSecurity {
    /// `ENABLE ROW LEVEL SECURITY`.
    pub enabled: bool,
    /// `FORCE ROW LEVEL SECURITY`: the table's owner is bound by the policies too.
    pub forced: bool,
    /// The policies.
    pub policies: Vec<Policy>,
}

impl<T: Table<Dialect = Pg>> Define<T> {
    /// `ENABLE ROW LEVEL SECURITY`: rows are visible and writable only as a policy allows
    /// (with none, to nobody but the owner and roles with `BYPASSRLS`).
    pub fn enable_rls(&mut self) {
        self.extras.row_security.enabled = true;
    }

    /// `FORCE ROW LEVEL SECURITY` (and enables it): the table's owner is bound too.
    pub fn force_rls(&mut self) {
        let security = &mut self.extras.row_security;
        security.enabled = true;
        security.forced = true;
    }

    /// A policy named `name`; say what it allows with `.using(..)` and `.with_check(..)`.
    pub fn policy(&mut self, name: &str) -> PolicyBuilder<'_, T> {
        let extras = &mut self.extras;
        extras.row_security.policies.push(Policy {
            name: name.to_owned(),
            ..Policy::default()
        });
        let policy = extras.row_security.policies.last_mut().expect("just pushed");
        PolicyBuilder {
            policy,
            errors: &mut extras.errors,
            table: PhantomData,
        }
    }
}

/// Builds a policy of table `T`.
#[derive(Debug)]
pub struct PolicyBuilder<'a, T> {
    policy: &'a mut Policy,
    errors: &'a mut Vec<String>,
    table: PhantomData<T>,
}

impl<T: Table<Dialect = Pg>> PolicyBuilder<'_, T> {
    /// `AS RESTRICTIVE`: the row must pass this policy as well as a permissive one.
    pub fn restrictive(self) -> Self {
        self.policy.restrictive = true;
        self
    }

    /// `FOR command`: the statements it applies to (all unless said).
    pub fn for_(self, command: PolicyCommand) -> Self {
        self.policy.command = Some(command);
        self
    }

    /// `TO roles`: the roles it applies to (`PUBLIC` unless said).
    pub fn to(self, roles: &[&Role]) -> Self {
        self.policy.roles = roles.iter().map(|role| role.name.to_owned()).collect();
        self
    }

    /// `USING (condition)`: the existing rows a statement sees (and may update or delete).
    pub fn using<E, I>(mut self, condition: E) -> Self
    where
        E: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<Pg>,
    {
        self.policy.using = self.record("USING", &condition);
        self
    }

    /// `WITH CHECK (condition)`: the rows an insert or update may write; a write of any
    /// other is refused with an error.
    pub fn with_check<E, I>(mut self, condition: E) -> Self
    where
        E: AppearsIn<T, I, SqlType: SameType<Bool>> + RenderSql<Pg>,
    {
        self.policy.with_check = self.record("WITH CHECK", &condition);
        self
    }

    /// The condition as DDL, or `None` with the reason recorded for `create_table`.
    fn record<E: RenderSql<Pg>>(&mut self, clause: &str, condition: &E) -> Option<String> {
        ddl_sql::<Pg, E>(condition)
            .map_err(|error| {
                self.errors
                    .push(format!("policy `{}` {clause}: {error}", self.policy.name))
            })
            .ok()
    }
}
