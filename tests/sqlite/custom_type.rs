//! A column holding an application type: a newtype id over SQLite's integer.

use mizzle::dialect::{Sqlite, SqliteValueRef};
use mizzle::expr::{AsExpression, Bound};
use mizzle::prelude::*;
use mizzle::sqlite::{Database, Integer, Text};
use mizzle::types::{BigInt, FromJson, FromSql, ToJson, ToSql, Value};
use mizzle::{create_table, from, insert, DecodeError, EncodeError};

/// An id that cannot be mixed up with other integers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountId(i64);

impl ToSql<BigInt> for AccountId {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::I64(self.0))
    }
}

impl FromSql<BigInt, Sqlite> for AccountId {
    fn from_sql(raw: SqliteValueRef<'_>) -> Result<Self, DecodeError> {
        <i64 as FromSql<BigInt, Sqlite>>::from_sql(raw).map(AccountId)
    }
}

impl FromJson<BigInt> for AccountId {
    fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        <i64 as FromJson<BigInt>>::from_json(value).map(AccountId)
    }
}

impl ToJson<BigInt> for AccountId {
    fn to_json(&self) -> serde_json::Value {
        self.0.into()
    }
}

impl AsExpression<BigInt> for AccountId {
    type Expr = Bound<BigInt, AccountId>;
    fn into_expression(self) -> Self::Expr {
        Bound::new(self)
    }
}

mizzle::table! {
    pub accounts in Sqlite {
        id: Integer as AccountId [primary_key],
        owner: Text [not_null],
    }
}

#[test]
fn a_custom_rust_type_is_written_compared_and_read_back() {
    let db = Database::open_in_memory().unwrap();
    db.execute_sql(&create_table(accounts::table).unwrap()).unwrap();
    insert(accounts::table)
        .values((accounts::id.to(AccountId(42)), accounts::owner.to("Ada")))
        .execute(&db)
        .unwrap();
    let row = from(accounts::table)
        .filter(accounts::id.eq(AccountId(42)))
        .get(&db)
        .unwrap()
        .unwrap();
    assert_eq!(
        row,
        accounts::Row {
            id: AccountId(42),
            owner: "Ada".into()
        }
    );
}
