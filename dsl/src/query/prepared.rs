//! Prepared statements: rendered once, run many times with named parameters that are
//! checked — present, known, of the right type — before anything is sent.

use super::clause::WhereChosen;
use super::selection::{Selection, SelectionDecoder};
use super::statement::{RowOf, RowQuery, Statement};
use crate::access::Permits;
use crate::dialect::Dialect;
use crate::error::{EncodeError, Error};
use crate::exec::Executor;
use crate::expr::{AppearsIn, AsExpression, Expression};
use crate::render::{RenderSql, RenderedSql, Slot, SqlWriter};
use crate::types::{NotNull, SqlType, Value};
use std::marker::PhantomData;

/// A named parameter of SQL type `ST`, whose value comes when the prepared statement runs.
#[derive(Debug, Clone, Copy)]
pub struct Placeholder<ST> {
    name: &'static str,
    sql_type: PhantomData<ST>,
}

/// A named parameter; its SQL type is that of what it is compared with or stored in:
/// `users::email.eq(placeholder("email"))`.
pub fn placeholder<ST>(name: &'static str) -> Placeholder<ST> {
    Placeholder {
        name,
        sql_type: PhantomData,
    }
}

impl<ST> Placeholder<ST> {
    /// The parameter's name.
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }
}

impl<ST: SqlType> Expression for Placeholder<ST> {
    type SqlType = ST;
    type Nullability = NotNull;
    type Value = ST::Rust;
}

impl<ST: SqlType, S> AppearsIn<S, ()> for Placeholder<ST> {
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = crate::schema::No;
    type Grouped<G: crate::schema::GroupKeys> = crate::schema::Yes;
    type GroupKey = crate::schema::ExprKey;
}

impl<ST> crate::expr::Operand for Placeholder<ST> {}
impl<ST> crate::expr::RowLevel for Placeholder<ST> {}

impl<ST: SqlType, D: Dialect> RenderSql<D> for Placeholder<ST> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_slot(self.name, ST::PARAM);
    }
}
/// A placeholder takes the SQL type it is used as, so `placeholder("id")` needs no annotation.
impl<ST: SqlType> AsExpression<ST> for Placeholder<ST> {
    type Expr = Self;
    fn into_expression(self) -> Self {
        self
    }
}

/// The values of a prepared statement's named parameters.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params {
    values: Vec<(String, Value<'static>)>,
}

/// No parameters yet: add them with [`Params::set`].
pub fn params() -> Params {
    Params::default()
}

impl Params {
    /// Sets parameter `name` (`None` binds NULL).
    pub fn set(mut self, name: &str, value: impl Into<Value<'static>>) -> Self {
        let value = value.into();
        match self.values.iter_mut().find(|(existing, _)| existing == name) {
            Some(slot) => slot.1 = value,
            None => self.values.push((name.to_owned(), value)),
        }
        self
    }
}

/// A statement rendered once, to run with different parameters: `.prepare()` makes one.
/// Each run checks the parameters, then hands the same SQL text to the backend, which
/// prepares it once per connection.
#[derive(Debug)]
pub struct Prepared<Q> {
    sql: String,
    binds: Vec<Value<'static>>,
    slots: Vec<Slot>,
    query: PhantomData<fn() -> Q>,
}

impl<Q: Statement> Prepared<Q> {
    pub(crate) fn new(query: &Q) -> Result<Self, Error>
    where
        Q: RenderSql<Q::Dialect>,
    {
        let mut out = SqlWriter::<Q::Dialect>::new();
        query.render(&mut out);
        let (rendered, slots) = out.finish_prepared()?;
        Ok(Prepared {
            sql: rendered.sql.into_owned(),
            binds: rendered.binds.into_iter().map(Value::into_owned).collect(),
            slots,
            query: PhantomData,
        })
    }

    /// The SQL text, with a placeholder for each parameter.
    pub fn sql(&self) -> &str {
        &self.sql
    }

    /// The statement with `params` bound, or the first parameter that is missing, unknown
    /// or of the wrong type.
    pub fn bind(&self, params: &Params) -> Result<RenderedSql<'_>, Error> {
        let refuse = |message: String| Error::Encode {
            sql: self.sql.clone(),
            source: EncodeError::new(message),
        };
        if let Some((unknown, _)) = params
            .values
            .iter()
            .find(|(name, _)| !self.slots.iter().any(|s| s.name == name))
        {
            let known: Vec<&str> = self.slots.iter().map(|s| s.name).collect();
            return Err(refuse(format!(
                "unknown parameter `{unknown}`; this statement takes {known:?}"
            )));
        }
        let mut binds = self.binds.clone();
        for slot in &self.slots {
            let Some((_, value)) = params.values.iter().find(|(name, _)| name == slot.name) else {
                return Err(refuse(format!("missing parameter `{}`", slot.name)));
            };
            slot.kind
                .check(value)
                .map_err(|problem| refuse(format!("parameter `{}`: {problem}", slot.name)))?;
            binds[slot.index] = value.clone();
        }
        Ok(RenderedSql::new(self.sql.as_str(), binds))
    }

    /// Runs the statement; the result is the number of rows it changed.
    pub fn execute<'a, C: Executor<Q::Dialect>>(&'a self, db: &'a C, params: &Params) -> C::Execute<'a>
    where
        Q::Filter: WhereChosen,
        C::Mode: Permits<Q::Access>,
    {
        db.execute(self.bind(params))
    }
}

impl<Q: RowQuery> Prepared<Q> {
    /// Every row.
    pub fn all<'a, C, I>(&'a self, db: &'a C, params: &Params) -> C::All<'a, RowOf<Q, I>>
    where
        C: Executor<Q::Dialect, Mode: Permits<Q::Access>>,
        Q::Decoded: Selection<Q::Source, I, Q::Dialect>,
    {
        let statement = self.bind(params).map(RenderedSql::with_access::<Q::Access>);
        db.fetch_all::<SelectionDecoder<Q::Decoded, Q::Source, I>>(statement)
    }

    /// The first row, or `None` when there is none.
    pub fn get<'a, C, I>(&'a self, db: &'a C, params: &Params) -> C::Get<'a, RowOf<Q, I>>
    where
        C: Executor<Q::Dialect, Mode: Permits<Q::Access>>,
        Q::Decoded: Selection<Q::Source, I, Q::Dialect>,
    {
        let statement = self.bind(params).map(RenderedSql::with_access::<Q::Access>);
        db.fetch_first::<SelectionDecoder<Q::Decoded, Q::Source, I>>(statement)
    }
}
