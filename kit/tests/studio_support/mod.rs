//! What the studio's tests share: the same two tables on each database, filled with the
//! same rows, and a studio started on them with the schema's validators.

use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::schema::Schema;
use mizzle_kit::apply::connect;
use mizzle_kit::studio::{start, Studio, StudioOptions};

pub mod pg_schema {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! { pub users in Pg { id: Integer [primary_key], name: Varchar<20> [not_null], age: Integer } }
    mizzle_dsl::table! { pub posts in Pg { id: Integer [primary_key], user_id: Integer [not_null, references(users::id)], title: Text [not_null] } }
}

pub mod mysql_schema {
    use mizzle_dsl::mysql::*;
    mizzle_dsl::table! { pub users in MySql { id: Int [primary_key], name: Varchar<20> [not_null], age: Int } }
    mizzle_dsl::table! { pub posts in MySql { id: Int [primary_key], user_id: Int [not_null, references(users::id)], title: Text [not_null] } }
}

pub mod sqlite_schema {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null], age: Integer } }
    mizzle_dsl::table! { pub posts in Sqlite { id: Integer [primary_key], user_id: Integer [not_null, references(users::id)], title: Text [not_null] } }
}

/// The users and posts on PostgreSQL.
pub fn pg() -> Schema<mizzle_dsl::dialect::Pg> {
    Schema::new()
        .table(pg_schema::users::table)
        .table(pg_schema::posts::table)
}

/// The users and posts on MySQL.
pub fn mysql() -> Schema<mizzle_dsl::dialect::MySql> {
    Schema::new()
        .table(mysql_schema::users::table)
        .table(mysql_schema::posts::table)
}

/// The users and posts on SQLite.
pub fn sqlite() -> Schema<mizzle_dsl::dialect::Sqlite> {
    Schema::new()
        .table(sqlite_schema::users::table)
        .table(sqlite_schema::posts::table)
}

/// Makes `schema`'s tables at `url`, fills them (four users, one without an age; three
/// posts, two of Ada's), and starts a studio on them with the schema's validators.
pub async fn studio_on<D: Dialect>(url: &str, schema: &Schema<D>) -> Studio {
    let mut conn = connect(url).await.unwrap();
    for statement in schema.create_statements().unwrap() {
        conn.execute(&statement).await.unwrap();
    }
    conn.execute(
        "INSERT INTO users (id, name, age) VALUES (1, 'Ada', 36), (2, 'Grace', NULL), (3, 'Alan', 41), (4, 'Barbara', 9)",
    )
    .await
    .unwrap();
    conn.execute(
        "INSERT INTO posts (id, user_id, title) VALUES (10, 1, 'Notes'), (11, 1, 'Engines'), (12, 3, 'Machines')",
    )
    .await
    .unwrap();
    start(StudioOptions {
        url: url.to_owned(),
        port: 0,
        schema: Some(schema.model().unwrap()),
        check: Some(mizzle_kit::cli::row_checks(schema)),
        migrations: None,
    })
    .await
    .unwrap()
}
