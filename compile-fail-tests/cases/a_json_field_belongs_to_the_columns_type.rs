use mizzle::prelude::*;

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Person {
    pub name: String,
}
impl mizzle::types::JsonValue for Person {}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Address {
    pub city: String,
}
impl mizzle::types::JsonValue for Address {}

mizzle::json_fields! {
    pub mod address for Address {
        city: String,
    }
}

mod docs_table {
    use mizzle::pg::*;
    mizzle::table! {
        pub docs in Pg {
            id: Integer [primary_key],
            person: Jsonb<crate::Person> [not_null],
        }
    }
}
use docs_table::docs;

fn main() {
    // `city` is a member of Address, not of the Person the column holds.
    let _ = mizzle::select(docs::person.field(address::city)).from(docs::table);
}
