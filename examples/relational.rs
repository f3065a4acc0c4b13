//! Relational queries: users with their posts, each post with its comments and their
//! authors, loaded in one statement and printed as the JSON a web handler would return.
//!
//! Run it with `cargo run --example relational`.

use mizzle::prelude::*;
use mizzle::relation::{extra, has};
use mizzle::sqlite::*;
use mizzle::{create_table, find_first, find_many, insert};

mizzle::table! {
    /// People who write.
    pub users in Sqlite {
        id: Integer [primary_key, autoincrement],
        name: Text [not_null],
        invited_by: Integer [references(users::id)],
    }
}

mizzle::table! {
    /// What people write.
    pub posts in Sqlite {
        id: Integer [primary_key, autoincrement],
        author_id: Integer [not_null, references(users::id)],
        title: Text [not_null],
    }
}

mizzle::table! {
    /// What people answer.
    pub comments in Sqlite {
        id: Integer [primary_key, autoincrement],
        post_id: Integer [not_null, references(posts::id)],
        author_id: Integer [not_null, references(users::id)],
        body: Text [not_null],
    }
}

mizzle::relations! {
    /// The posts a user wrote.
    pub user_posts: users::table => many(posts::table) on (users::id = posts::author_id);
    /// A post's comments.
    pub post_comments: posts::table => many(comments::table) on (posts::id = comments::post_id);
    /// Who wrote a comment: its foreign key is NOT NULL, so there is always one.
    pub comment_author: comments::table => one(users::table) on (comments::author_id = users::id);
    /// Who invited a user, if anyone: a relation of `users` to itself.
    pub inviter: users::table => optional(users::table) on (users::invited_by = users::id);
}

fn main() -> Result<(), mizzle::Error> {
    let db = Database::open_in_memory()?;
    for table in [
        create_table(users::table)?,
        create_table(posts::table)?,
        create_table(comments::table)?,
    ] {
        db.execute_sql(&table)?;
    }
    insert(users::table).values(users::name.to("Ada")).execute(&db)?;
    insert(users::table)
        .values((users::name.to("Grace"), users::invited_by.to(1)))
        .execute(&db)?;
    insert(posts::table)
        .values(vec![
            (posts::author_id.to(1), posts::title.to("Engines")),
            (posts::author_id.to(1), posts::title.to("Numbers")),
        ])
        .execute(&db)?;
    insert(comments::table)
        .values((
            comments::post_id.to(1),
            comments::author_id.to(2),
            comments::body.to("Steam?"),
        ))
        .execute(&db)?;

    // One statement; the result's type follows from the query.
    let everyone = find_many(users::table)
        .with(user_posts.with(post_comments.with(comment_author)))
        .with(inviter)
        .order_by(users::name)
        .all(&db)?;
    for user in &everyone {
        let posts = user.related(user_posts);
        let invited = user.related(inviter).as_ref().map(|who| who.name.as_str());
        println!("{} wrote {} post(s), invited by {invited:?}", user.name, posts.len());
    }
    let first_comment = &everyone[0].related(user_posts)[0].related(post_comments)[0];
    println!(
        "{} asked: {}",
        first_comment.related(comment_author).name,
        first_comment.body
    );

    let grace = find_first(users::table)
        .filter(users::name.eq("Grace"))
        .with(inviter)
        .get(&db)?
        .expect("Grace is there");
    println!("{}", serde_json::to_string_pretty(&grace).expect("rows serialize"));
    println!("{}", serde_json::to_string(&everyone).expect("rows serialize"));

    // Only some columns, a value computed per row, and a filter on related rows.
    let loud = extra(Loud, users::name.concat("!"));
    let commented = find_many(users::table)
        .columns((users::name,))
        .with(loud)
        .with(user_posts.columns((posts::title,)).filter(has(post_comments)))
        .filter(has(user_posts))
        .all(&db)?;
    for user in &commented {
        let titles: Vec<&str> = user
            .related(user_posts)
            .iter()
            .map(|p| p.get(posts::title).as_str())
            .collect();
        let shout: &String = user.related(loud);
        println!("{} ({shout}) has comments on {titles:?}", user.get(users::name));
    }
    println!("{}", serde_json::to_string(&commented).expect("rows serialize"));
    Ok(())
}

/// The name of the computed column `loud` in JSON.
#[derive(Debug, Clone, Copy, Default)]
struct Loud;
impl mizzle::schema::AliasName for Loud {
    const NAME: &'static str = "loud";
}
