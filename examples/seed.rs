//! Seeding: fifty users and their posts, the same rows on every run of seed 42.
//! `cargo run --example seed --features seed`.

use mizzle::prelude::*;
use mizzle::seed::{generators as gen, Seed};
use mizzle::sqlite::*;

mizzle::table! {
    /// People who write.
    pub users in Sqlite {
        id: Integer [primary_key],
        name: Text [not_null],
        email: Text [not_null, unique],
        city: Text,
        age: Integer [not_null],
    }
    define |t| {
        t.check("users_adult", age.ge(18));
    }
}

mizzle::table! {
    /// What they write.
    pub posts in Sqlite {
        id: Integer [primary_key],
        author_id: Integer [not_null, references(users::id)],
        title: Text [not_null],
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = Database::open_in_memory()?;
    db.execute_sql("PRAGMA foreign_keys = ON")?;
    db.execute_sql(&mizzle::create_table(users::table)?)?;
    db.execute_sql(&mizzle::create_table(posts::table)?)?;

    let written = Seed::new(42)
        .table(users::table, 50)
        .table(posts::table, 200)
        .column(users::age, gen::integers(18, 90))
        .run(&db)?;
    println!("wrote {written} rows");

    let sample = mizzle::select((users::name, users::email, users::city, users::age))
        .from(users::table)
        .order_by(users::id)
        .limit(3)
        .all(&db)?;
    for (name, email, city, age) in sample {
        println!("{name} <{email}>, {age}, {}", city.as_deref().unwrap_or("-"));
    }
    Ok(())
}
