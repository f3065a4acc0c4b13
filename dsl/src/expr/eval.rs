//! Evaluating an expression in Rust over a JSON row, as a CHECK constraint would in SQL:
//! how validators catch a body the database's check would refuse.
//!
//! The result is `None` when it cannot be known here (a column the row does not give, a
//! raw SQL fragment), `Some(Json::Null)` for SQL NULL. Numbers compare exactly, as
//! decimals; text compares by code points, as PostgreSQL's and SQLite's default collations
//! do (a case-insensitive MySQL collation may differ).

use super::ops::{op, Arith, Between, Compare, IsNull, Logic, Not};
use super::{Bound, InList, Sql};
use crate::schema::Column;
use crate::types::{JsonObject, ToSql, Value};
use rust_decimal::Decimal;
use serde_json::Value as Json;
use std::cmp::Ordering;
use std::str::FromStr;

/// An expression Rust can evaluate over a JSON row.
pub trait Evaluate {
    /// The value, `Some(Json::Null)` for NULL, `None` when unknown.
    fn evaluate(&self, row: &JsonObject) -> Option<Json>;
}

/// A bound parameter as JSON, where it has a plain JSON form.
fn value_json(value: &Value<'_>) -> Option<Json> {
    Some(match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::I8(n) => (*n).into(),
        Value::I16(n) => (*n).into(),
        Value::I32(n) => (*n).into(),
        Value::I64(n) => (*n).into(),
        Value::U8(n) => (*n).into(),
        Value::U16(n) => (*n).into(),
        Value::U32(n) => (*n).into(),
        Value::U64(n) => (*n).into(),
        Value::F32(x) => serde_json::Number::from_f64(f64::from(*x)).map(Json::Number)?,
        Value::F64(x) => serde_json::Number::from_f64(*x).map(Json::Number)?,
        Value::Decimal(d) => Json::String(d.to_string()),
        Value::Text(s) => Json::String(s.to_string()),
        _ => return None,
    })
}

/// A number from JSON: a number, or a string of digits (how decimals travel).
fn number(value: &Json) -> Option<Decimal> {
    match value {
        Json::Number(n) => Decimal::from_str(&n.to_string()).ok(),
        Json::String(s) => Decimal::from_str(s).ok(),
        _ => None,
    }
}

/// How two known, non-null values order: numbers as numbers, text by code points.
fn order(left: &Json, right: &Json) -> Option<Ordering> {
    match (number(left), number(right)) {
        (Some(l), Some(r)) => Some(l.cmp(&r)),
        _ => match (left, right) {
            (Json::String(l), Json::String(r)) => Some(l.cmp(r)),
            (Json::Bool(l), Json::Bool(r)) => Some(l.cmp(r)),
            _ => None,
        },
    }
}

impl<C: Column> Evaluate for C {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        row.get(C::NAME).cloned()
    }
}

impl<ST, V: ToSql<ST>> Evaluate for Bound<ST, V> {
    fn evaluate(&self, _row: &JsonObject) -> Option<Json> {
        value_json(&self.value().to_value().ok()?)
    }
}

/// Raw SQL is the database's to evaluate.
impl<ST, N> Evaluate for Sql<ST, N> {
    fn evaluate(&self, _row: &JsonObject) -> Option<Json> {
        None
    }
}

/// Which ordering a comparison operator accepts; `None` for those Rust does not evaluate.
pub trait CompareEval {
    /// Whether `ordering` satisfies the operator; `None` when unknown here (LIKE…).
    fn holds(ordering: Ordering) -> Option<bool>;
}

macro_rules! compare_evals {
    ($($op:ident => |$o:ident| $body:expr;)*) => {$(
        impl CompareEval for op::$op {
            fn holds($o: Ordering) -> Option<bool> {
                $body
            }
        }
    )*};
}

compare_evals! {
    Eq => |o| Some(o == Ordering::Equal);
    Ne => |o| Some(o != Ordering::Equal);
    Gt => |o| Some(o == Ordering::Greater);
    Ge => |o| Some(o != Ordering::Less);
    Lt => |o| Some(o == Ordering::Less);
    Le => |o| Some(o != Ordering::Greater);
    Like => |_o| None;
    NotLike => |_o| None;
    ILike => |_o| None;
    NotILike => |_o| None;
}

impl<L: Evaluate, R: Evaluate, Op: CompareEval> Evaluate for Compare<L, R, Op> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        let (left, right) = (self.lhs.evaluate(row)?, self.rhs.evaluate(row)?);
        if left.is_null() || right.is_null() {
            return Some(Json::Null);
        }
        Op::holds(order(&left, &right)?).map(Json::Bool)
    }
}

/// SQL's three-valued AND and OR: a known false (AND) or true (OR) decides alone.
impl<L: Evaluate, R: Evaluate, Op: LogicEval> Evaluate for Logic<L, R, Op> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        let as_bool = |v: Option<Json>| v.and_then(|v| v.as_bool());
        let (left, right) = (as_bool(self.lhs.evaluate(row)), as_bool(self.rhs.evaluate(row)));
        match (left, right) {
            (Some(l), Some(r)) => Some(Json::Bool(Op::combine(l, r))),
            (Some(decisive), _) | (_, Some(decisive)) if decisive == Op::DECISIVE => Some(Json::Bool(decisive)),
            _ => None,
        }
    }
}

/// AND or OR in Rust.
pub trait LogicEval {
    /// The value that decides the result on its own: false for AND, true for OR.
    const DECISIVE: bool;
    /// Combines two known values.
    fn combine(left: bool, right: bool) -> bool;
}

impl LogicEval for op::And {
    const DECISIVE: bool = false;
    fn combine(left: bool, right: bool) -> bool {
        left && right
    }
}

impl LogicEval for op::Or {
    const DECISIVE: bool = true;
    fn combine(left: bool, right: bool) -> bool {
        left || right
    }
}

impl<E: Evaluate> Evaluate for Not<E> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        match self.expr.evaluate(row)? {
            Json::Bool(b) => Some(Json::Bool(!b)),
            Json::Null => Some(Json::Null),
            _ => None,
        }
    }
}

impl<E: Evaluate, const NEGATED: bool> Evaluate for IsNull<E, NEGATED> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        Some(Json::Bool(self.expr.evaluate(row)?.is_null() != NEGATED))
    }
}

impl<E: Evaluate, Lo: Evaluate, Hi: Evaluate, const NEGATED: bool> Evaluate for Between<E, Lo, Hi, NEGATED> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        let (value, low, high) = (
            self.expr.evaluate(row)?,
            self.low.evaluate(row)?,
            self.high.evaluate(row)?,
        );
        if value.is_null() || low.is_null() || high.is_null() {
            return Some(Json::Null);
        }
        let inside = order(&value, &low)? != Ordering::Less && order(&value, &high)? != Ordering::Greater;
        Some(Json::Bool(inside != NEGATED))
    }
}

impl<E: Evaluate, V: Evaluate, const NEGATED: bool> Evaluate for InList<E, V, NEGATED> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        let value = self.expr.evaluate(row)?;
        if value.is_null() {
            return Some(Json::Null);
        }
        let mut found = false;
        for candidate in &self.values {
            if order(&value, &candidate.evaluate(row)?)? == Ordering::Equal {
                found = true;
            }
        }
        Some(Json::Bool(found != NEGATED))
    }
}

/// Arithmetic in Rust, on decimals.
pub trait ArithEval {
    /// The result, `None` where SQL would fail or differ (division by zero).
    fn apply(left: Decimal, right: Decimal) -> Option<Decimal>;
}

impl ArithEval for op::Add {
    fn apply(left: Decimal, right: Decimal) -> Option<Decimal> {
        left.checked_add(right)
    }
}

impl ArithEval for op::Sub {
    fn apply(left: Decimal, right: Decimal) -> Option<Decimal> {
        left.checked_sub(right)
    }
}

impl ArithEval for op::Mul {
    fn apply(left: Decimal, right: Decimal) -> Option<Decimal> {
        left.checked_mul(right)
    }
}

/// Integer division truncates in SQL and decimal division does not: leave it to the database.
impl ArithEval for op::Div {
    fn apply(_left: Decimal, _right: Decimal) -> Option<Decimal> {
        None
    }
}

impl<L: Evaluate, R: Evaluate, Op: ArithEval> Evaluate for Arith<L, R, Op> {
    fn evaluate(&self, row: &JsonObject) -> Option<Json> {
        let (left, right) = (self.lhs.evaluate(row)?, self.rhs.evaluate(row)?);
        if left.is_null() || right.is_null() {
            return Some(Json::Null);
        }
        Op::apply(number(&left)?, number(&right)?).map(|d| Json::String(d.to_string()))
    }
}
