//! SQLite: every test on its own in-memory database.

mod by_hand;
mod concurrency;
mod crud;
mod custom_type;
mod errors;
mod objects;
mod schema;
mod statements;
mod transactions;
mod types;

use mizzle::sqlite::Database;

/// A fresh in-memory database with the test schema created.
fn db() -> Database {
    let db = Database::open_in_memory().expect("in-memory SQLite opens");
    for ddl in schema::ddl() {
        db.execute_sql(&ddl).expect("the schema's DDL runs");
    }
    db
}
