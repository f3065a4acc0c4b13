//! Operators: comparisons, logic, NULL tests, BETWEEN and arithmetic.

use super::{impl_into_expression, AppearsIn, Expression, RowLevel};
use crate::dialect::{Dialect, MySql, Pg, Sqlite, SupportsIlike};
use crate::render::{RenderSql, SqlWriter};
use crate::schema::{Nil, ProofList};
use crate::types::{Bool, NotNull, Nullability};
use std::marker::PhantomData;

/// `lhs <op> rhs` where the result is a boolean: `=`, `<>`, `<`, `LIKE`…
#[derive(Debug, Clone, Copy)]
pub struct Compare<L, R, Op> {
    pub(crate) lhs: L,
    pub(crate) rhs: R,
    pub(crate) op: PhantomData<Op>,
}

impl<L, R, Op> Compare<L, R, Op> {
    pub(crate) fn new(lhs: L, rhs: R) -> Self {
        Compare {
            lhs,
            rhs,
            op: PhantomData,
        }
    }
}

/// A comparison operator, spelled for dialect `D`; `ILIKE` exists only where it does.
pub trait CompareOp<D: Dialect> {
    /// The operator with its surrounding spaces.
    const SQL: &'static str;
}

macro_rules! compare_ops {
    ($( $(#[$doc:meta])* $name:ident => $sql:literal; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl<D: Dialect> CompareOp<D> for $name {
            const SQL: &'static str = $sql;
        }
    )*};
}

/// The comparison operators.
pub mod op {
    use super::*;
    compare_ops! {
        /// `=`
        Eq => " = ";
        /// `<>`
        Ne => " <> ";
        /// `>`
        Gt => " > ";
        /// `>=`
        Ge => " >= ";
        /// `<`
        Lt => " < ";
        /// `<=`
        Le => " <= ";
        /// `LIKE`
        Like => " LIKE ";
        /// `NOT LIKE`
        NotLike => " NOT LIKE ";
    }

    /// `ILIKE` (PostgreSQL).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct ILike;
    impl<D: SupportsIlike> CompareOp<D> for ILike {
        const SQL: &'static str = " ILIKE ";
    }

    /// `NOT ILIKE` (PostgreSQL).
    #[derive(Debug, Clone, Copy, Default)]
    pub struct NotILike;
    impl<D: SupportsIlike> CompareOp<D> for NotILike {
        const SQL: &'static str = " NOT ILIKE ";
    }

    /// `AND`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct And;
    /// `OR`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Or;
    /// `+`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Add;
    /// `-`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Sub;
    /// `*`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Mul;
    /// `/`
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Div;
    /// `||`, or `concat()` on MySQL.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Concat;
}

impl<L: Expression, R: Expression, Op> Expression for Compare<L, R, Op> {
    type SqlType = Bool;
    type Nullability = <L::Nullability as Nullability>::Or<R::Nullability>;
    type Value = bool;
}

impl<L, R, Op, S, IL, IR> AppearsIn<S, (IL, IR)> for Compare<L, R, Op>
where
    L: AppearsIn<S, IL>,
    R: AppearsIn<S, IR>,
{
    type ScopedNullability = <L::ScopedNullability as Nullability>::Or<R::ScopedNullability>;
    type Proves = <L::Proves as ProofList>::Append<R::Proves>;
    type Aggregates = <L::Aggregates as crate::schema::Truth>::Or<R::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <L::Grouped<G> as crate::schema::Truth>::And<R::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

impl<L: RenderSql<D>, R: RenderSql<D>, Op: CompareOp<D>, D: Dialect> RenderSql<D> for Compare<L, R, Op> {
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.lhs.render(out);
        out.push_sql(Op::SQL);
        self.rhs.render(out);
    }
}
impl_into_expression!([L, R, Op] Compare<L, R, Op>);
impl<L: RowLevel, R: RowLevel, Op> RowLevel for Compare<L, R, Op> {}

/// `lhs IS [NOT] DISTINCT FROM rhs`: a comparison in which NULL equals NULL, never NULL
/// itself. MySQL spells it `lhs <=> rhs` (not distinct) and `NOT (lhs <=> rhs)`.
#[derive(Debug, Clone, Copy)]
pub struct IsDistinct<L, R, const NOT_DISTINCT: bool> {
    lhs: L,
    rhs: R,
}

impl<L, R, const NOT_DISTINCT: bool> IsDistinct<L, R, NOT_DISTINCT> {
    pub(crate) fn new(lhs: L, rhs: R) -> Self {
        IsDistinct { lhs, rhs }
    }
}

impl<L: Expression, R: Expression, const NOT_DISTINCT: bool> Expression for IsDistinct<L, R, NOT_DISTINCT> {
    type SqlType = Bool;
    type Nullability = NotNull;
    type Value = bool;
}

impl<L, R, S, IL, IR, const NOT_DISTINCT: bool> AppearsIn<S, (IL, IR)> for IsDistinct<L, R, NOT_DISTINCT>
where
    L: AppearsIn<S, IL>,
    R: AppearsIn<S, IR>,
{
    type ScopedNullability = NotNull;
    type Proves = crate::schema::Nil;
    type Aggregates = <L::Aggregates as crate::schema::Truth>::Or<R::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <L::Grouped<G> as crate::schema::Truth>::And<R::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

impl<L: RenderSql<D>, R: RenderSql<D>, D: Dialect, const NOT_DISTINCT: bool> RenderSql<D>
    for IsDistinct<L, R, NOT_DISTINCT>
{
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        let mysql = D::KIND == crate::dialect::DialectKind::MySql;
        if mysql && !NOT_DISTINCT {
            out.push_sql("NOT (");
        }
        self.lhs.render(out);
        out.push_sql(match (mysql, NOT_DISTINCT) {
            (true, _) => " <=> ",
            (false, true) => " IS NOT DISTINCT FROM ",
            (false, false) => " IS DISTINCT FROM ",
        });
        self.rhs.render(out);
        if mysql && !NOT_DISTINCT {
            out.push_sql(")");
        }
    }
}
impl_into_expression!([L, R, const NOT_DISTINCT: bool] IsDistinct<L, R, NOT_DISTINCT>);
impl<L: RowLevel, R: RowLevel, const NOT_DISTINCT: bool> RowLevel for IsDistinct<L, R, NOT_DISTINCT> {}

/// `(lhs AND rhs)`, `(lhs OR rhs)`; a chain of one operator shares one pair of
/// parentheses: `(a AND b AND c)`.
#[derive(Debug, Clone, Copy)]
pub struct Logic<L, R, Op> {
    pub(crate) lhs: L,
    pub(crate) rhs: R,
    op: PhantomData<Op>,
}

impl<L, R, Op> Logic<L, R, Op> {
    pub(crate) fn new(lhs: L, rhs: R) -> Self {
        Logic {
            lhs,
            rhs,
            op: PhantomData,
        }
    }
}

impl<L: Expression, R: Expression, Op> Expression for Logic<L, R, Op> {
    type SqlType = Bool;
    type Nullability = <L::Nullability as Nullability>::Or<R::Nullability>;
    type Value = bool;
}

impl<L, R, Op: LogicOp, S, IL, IR> AppearsIn<S, (IL, IR)> for Logic<L, R, Op>
where
    L: AppearsIn<S, IL>,
    R: AppearsIn<S, IR>,
{
    type ScopedNullability = <L::ScopedNullability as Nullability>::Or<R::ScopedNullability>;
    type Proves = <Op as LogicOp>::Proves<L::Proves, R::Proves>;
    type Aggregates = <L::Aggregates as crate::schema::Truth>::Or<R::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <L::Grouped<G> as crate::schema::Truth>::And<R::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

/// Which logical operator a chain is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogicKind {
    /// `AND`
    And,
    /// `OR`
    Or,
}

/// The keyword of a logical operator.
pub trait LogicOp {
    /// The keyword with its spaces.
    const SQL: &'static str;
    /// Which operator it is, to tell when an operand continues the chain.
    const KIND: LogicKind;
    /// What `lhs <op> rhs` being TRUE proves not NULL, given what each side proves.
    type Proves<L: ProofList, R: ProofList>: ProofList;
}
impl LogicOp for op::And {
    const SQL: &'static str = " AND ";
    const KIND: LogicKind = LogicKind::And;
    // Both sides are TRUE.
    type Proves<L: ProofList, R: ProofList> = L::Append<R>;
}
impl LogicOp for op::Or {
    const SQL: &'static str = " OR ";
    const KIND: LogicKind = LogicKind::Or;
    // Either side may be the TRUE one.
    type Proves<L: ProofList, R: ProofList> = Nil;
}

impl<L: RenderSql<D>, R: RenderSql<D>, Op: LogicOp, D: Dialect> RenderSql<D> for Logic<L, R, Op> {
    // Whether an operand continues the chain follows from the operators' types.
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(");
        self.render_operands(out);
        out.push_sql(")");
    }

    fn render_operand<'q>(&'q self, op: LogicKind, out: &mut SqlWriter<'q, D>) {
        if op == Op::KIND {
            self.render_operands(out);
        } else {
            self.render(out);
        }
    }
}

impl<L, R, Op: LogicOp> Logic<L, R, Op> {
    /// Both operands, without the chain's parentheses: operands of the same operator
    /// continue the chain.
    fn render_operands<'q, D: Dialect>(&'q self, out: &mut SqlWriter<'q, D>)
    where
        L: RenderSql<D>,
        R: RenderSql<D>,
    {
        self.lhs.render_operand(Op::KIND, out);
        out.push_sql(Op::SQL);
        self.rhs.render_operand(Op::KIND, out);
    }
}
impl_into_expression!([L, R, Op] Logic<L, R, Op>);
impl<L: RowLevel, R: RowLevel, Op> RowLevel for Logic<L, R, Op> {}

/// `NOT (expr)`.
#[derive(Debug, Clone, Copy)]
pub struct Not<E> {
    pub(crate) expr: E,
}

impl<E: Expression> Expression for Not<E> {
    type SqlType = Bool;
    type Nullability = E::Nullability;
    type Value = bool;
}

impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for Not<E> {
    type ScopedNullability = E::ScopedNullability;
    type Proves = crate::schema::Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, D: Dialect> RenderSql<D> for Not<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("NOT (");
        self.expr.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([E] Not<E>);
impl<E: RowLevel> RowLevel for Not<E> {}

/// `expr IS NULL` (`NEGATED = false`) or `expr IS NOT NULL`.
#[derive(Debug, Clone, Copy)]
pub struct IsNull<E, const NEGATED: bool> {
    pub(crate) expr: E,
}

impl<E: Expression, const NEGATED: bool> Expression for IsNull<E, NEGATED> {
    type SqlType = Bool;
    type Nullability = NotNull;
    type Value = bool;
}

/// `IS NULL` proves nothing present.
impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for IsNull<E, false> {
    type ScopedNullability = NotNull;
    type Proves = Nil;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

/// `IS NOT NULL` proves its operand's columns present.
impl<E: AppearsIn<S, I>, S, I> AppearsIn<S, I> for IsNull<E, true> {
    type ScopedNullability = NotNull;
    type Proves = E::Proves;
    type Aggregates = E::Aggregates;
    type Grouped<G: crate::schema::GroupKeys> = E::Grouped<G>;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, D: Dialect, const NEGATED: bool> RenderSql<D> for IsNull<E, NEGATED> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
        out.push_sql(if NEGATED { " IS NOT NULL" } else { " IS NULL" });
    }
}
impl_into_expression!([E, const NEGATED: bool] IsNull<E, NEGATED>);
impl<E: RowLevel, const NEGATED: bool> RowLevel for IsNull<E, NEGATED> {}

/// `expr BETWEEN low AND high`, or `NOT BETWEEN`.
#[derive(Debug, Clone, Copy)]
pub struct Between<E, Lo, Hi, const NEGATED: bool> {
    pub(crate) expr: E,
    pub(crate) low: Lo,
    pub(crate) high: Hi,
}

impl<E: Expression, Lo: Expression, Hi: Expression, const NEGATED: bool> Expression for Between<E, Lo, Hi, NEGATED> {
    type SqlType = Bool;
    type Nullability = <<E::Nullability as Nullability>::Or<Lo::Nullability> as Nullability>::Or<Hi::Nullability>;
    type Value = bool;
}

impl<E, Lo, Hi, S, IE, IL, IH, const NEGATED: bool> AppearsIn<S, (IE, IL, IH)> for Between<E, Lo, Hi, NEGATED>
where
    E: AppearsIn<S, IE>,
    Lo: AppearsIn<S, IL>,
    Hi: AppearsIn<S, IH>,
{
    type ScopedNullability =
        <<E::ScopedNullability as Nullability>::Or<Lo::ScopedNullability> as Nullability>::Or<Hi::ScopedNullability>;
    type Proves = E::Proves;
    type Aggregates = <(E::Aggregates, Lo::Aggregates, Hi::Aggregates) as crate::schema::Truths>::Any;
    type Grouped<G: crate::schema::GroupKeys> =
        <(E::Grouped<G>, Lo::Grouped<G>, Hi::Grouped<G>) as crate::schema::Truths>::All;
    type GroupKey = crate::schema::ExprKey;
}

impl<E: RenderSql<D>, Lo: RenderSql<D>, Hi: RenderSql<D>, D: Dialect, const NEGATED: bool> RenderSql<D>
    for Between<E, Lo, Hi, NEGATED>
{
    const TYPE_SHAPED: bool = E::TYPE_SHAPED && Lo::TYPE_SHAPED && Hi::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        self.expr.render(out);
        out.push_sql(if NEGATED { " NOT BETWEEN " } else { " BETWEEN " });
        self.low.render(out);
        out.push_sql(" AND ");
        self.high.render(out);
    }
}
impl_into_expression!([E, Lo, Hi, const NEGATED: bool] Between<E, Lo, Hi, NEGATED>);
impl<E: RowLevel, Lo: RowLevel, Hi: RowLevel, const NEGATED: bool> RowLevel for Between<E, Lo, Hi, NEGATED> {}

/// `(lhs + rhs)` and the other arithmetic operators; `||` for text.
#[derive(Debug, Clone, Copy)]
pub struct Arith<L, R, Op> {
    pub(crate) lhs: L,
    pub(crate) rhs: R,
    op: PhantomData<Op>,
}

impl<L, R, Op> Arith<L, R, Op> {
    pub(crate) fn new(lhs: L, rhs: R) -> Self {
        Arith {
            lhs,
            rhs,
            op: PhantomData,
        }
    }
}

impl<L: Expression, R: Expression, Op> Expression for Arith<L, R, Op> {
    type SqlType = L::SqlType;
    type Nullability = <L::Nullability as Nullability>::Or<R::Nullability>;
    type Value = L::Value;
}

impl<L, R, Op, S, IL, IR> AppearsIn<S, (IL, IR)> for Arith<L, R, Op>
where
    L: AppearsIn<S, IL>,
    R: AppearsIn<S, IR>,
{
    type ScopedNullability = <L::ScopedNullability as Nullability>::Or<R::ScopedNullability>;
    type Proves = <L::Proves as ProofList>::Append<R::Proves>;
    type Aggregates = <L::Aggregates as crate::schema::Truth>::Or<R::Aggregates>;
    type Grouped<G: crate::schema::GroupKeys> = <L::Grouped<G> as crate::schema::Truth>::And<R::Grouped<G>>;
    type GroupKey = crate::schema::ExprKey;
}

/// An arithmetic operator's symbol.
pub trait ArithOp {
    /// The symbol with its spaces.
    const SQL: &'static str;
}
impl ArithOp for op::Add {
    const SQL: &'static str = " + ";
}
impl ArithOp for op::Sub {
    const SQL: &'static str = " - ";
}
impl ArithOp for op::Mul {
    const SQL: &'static str = " * ";
}
impl ArithOp for op::Div {
    const SQL: &'static str = " / ";
}

impl<L: RenderSql<D>, R: RenderSql<D>, Op: ArithOp, D: Dialect> RenderSql<D> for Arith<L, R, Op> {
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, D>) {
        out.push_sql("(");
        self.lhs.render(out);
        out.push_sql(Op::SQL);
        self.rhs.render(out);
        out.push_sql(")");
    }
}

fn render_pipes<'q, L: RenderSql<D>, R: RenderSql<D>, D: Dialect>(lhs: &'q L, rhs: &'q R, out: &mut SqlWriter<'q, D>) {
    out.push_sql("(");
    lhs.render(out);
    out.push_sql(" || ");
    rhs.render(out);
    out.push_sql(")");
}

impl<L: RenderSql<Pg>, R: RenderSql<Pg>> RenderSql<Pg> for Arith<L, R, op::Concat> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        render_pipes(&self.lhs, &self.rhs, out);
    }
}

impl<L: RenderSql<Sqlite>, R: RenderSql<Sqlite>> RenderSql<Sqlite> for Arith<L, R, op::Concat> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Sqlite>) {
        render_pipes(&self.lhs, &self.rhs, out);
    }
}

/// MySQL reads `||` as OR unless PIPES_AS_CONCAT is set, so it gets `concat()`.
impl<L: RenderSql<MySql>, R: RenderSql<MySql>> RenderSql<MySql> for Arith<L, R, op::Concat> {
    fn render<'q>(&'q self, out: &mut SqlWriter<'q, MySql>) {
        out.push_sql("concat(");
        self.lhs.render(out);
        out.push_sql(", ");
        self.rhs.render(out);
        out.push_sql(")");
    }
}
impl_into_expression!([L, R, Op] Arith<L, R, Op>);
impl<L: RowLevel, R: RowLevel, Op> RowLevel for Arith<L, R, Op> {}
