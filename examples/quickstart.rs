//! mizzle's quickstart: a SQLite file, two related tables, and typed queries.
//!
//! Run it with `cargo run --example quickstart`.

use mizzle::prelude::*;
use mizzle::sqlite::*;
use mizzle::{count, create_table, delete, from, insert, select, update};

mizzle::table! {
    /// People who write posts.
    pub users in Sqlite {
        id: Integer [primary_key, autoincrement],
        name: Text [not_null],
        email: Text [unique],
    }
}

mizzle::table! {
    /// What people write.
    pub posts in Sqlite {
        id: Integer [primary_key, autoincrement],
        author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
        title: Text [not_null],
        likes: Integer [not_null, default(0)],
    }
}

fn main() -> Result<(), mizzle::Error> {
    let path = std::env::temp_dir().join("mizzle-quickstart.db");
    let _ = std::fs::remove_file(&path);
    let db = Database::connect(&path.to_string_lossy())?;
    db.execute_sql(&create_table(users::table)?)?;
    db.execute_sql(&create_table(posts::table)?)?;

    // Insert: `name` is NOT NULL without a default, so leaving it out does not compile.
    let ada: i64 = insert(users::table)
        .values((users::name.to("Ada"), users::email.to("ada@example.com")))
        .returning(users::id)
        .get(&db)?
        .expect("the insert returns the new row");
    insert(users::table).values(users::name.to("Grace")).execute(&db)?;
    insert(posts::table)
        .values(vec![
            (
                posts::author_id.to(ada),
                posts::title.to("Notes on the Analytical Engine"),
            ),
            (posts::author_id.to(ada), posts::title.to("Bernoulli numbers")),
        ])
        .execute(&db)?;

    // Whole rows: `users::Row` has one field per column; `email` is an Option<String>.
    for user in from(users::table).order_by(users::id).all(&db)? {
        println!(
            "user {}: {} <{}>",
            user.id,
            user.name,
            user.email.as_deref().unwrap_or("no email")
        );
    }

    // A left join: posts' columns come back as Options, since a user may have none.
    let rows: Vec<(String, Option<String>)> = select((users::name, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .order_by((users::name, posts::title))
        .all(&db)?;
    for (name, title) in &rows {
        println!("{name}: {}", title.as_deref().unwrap_or("(no posts)"));
    }

    // An aggregate, grouped.
    let counts = select((users::name, count(posts::id)))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::name)
        .order_by(users::name)
        .all(&db)?;
    for (name, n) in counts {
        println!("{name} wrote {n} post(s)");
    }

    // An update with an expression, and a delete; both say which rows they touch.
    let liked = update(posts::table)
        .set(posts::likes.to(posts::likes.add(1)))
        .filter(posts::author_id.eq(ada))
        .execute(&db)?;
    println!("liked {liked} post(s)");
    let removed = delete(users::table).filter(users::name.eq("Grace")).execute(&db)?;
    println!("removed {removed} user(s)");

    let left: i64 = select(count(users::id)).from(users::table).get(&db)?.unwrap_or(0);
    println!("{left} user(s) left in {}", path.display());
    Ok(())
}
