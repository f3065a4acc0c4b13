//! Database errors carry their kind, constraint and SQL; bad data is an error, not a panic.

use super::db;
use super::schema::{posts, users};
use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle::{insert, select, DbErrorKind, Error};

#[test]
fn a_unique_violation_names_its_kind_and_columns() {
    let db = db();
    insert(users::table)
        .values((users::name.to("a"), users::email.to("x@y")))
        .execute(&db)
        .unwrap();
    let error = insert(users::table)
        .values((users::name.to("b"), users::email.to("x@y")))
        .execute(&db)
        .unwrap_err();
    assert_eq!(error.db_kind(), Some(DbErrorKind::UniqueViolation));
    assert_eq!(error.constraint(), Some("users.email"));
    let text = error.to_string();
    assert!(
        text.contains("UNIQUE constraint failed") && text.contains(r#"INSERT INTO "users""#),
        "{text}"
    );
}

#[test]
fn a_foreign_key_violation_is_typed() {
    let db = db();
    let error = insert(posts::table)
        .values((posts::author_id.to(999), posts::title.to("x")))
        .execute(&db)
        .unwrap_err();
    assert_eq!(error.db_kind(), Some(DbErrorKind::ForeignKeyViolation));
}

#[test]
fn a_null_in_a_not_null_column_is_a_decode_error_naming_the_column() {
    let db = Database::open_in_memory().unwrap();
    // The database's table is laxer than the schema: `name` may be NULL there.
    db.execute_sql(r#"CREATE TABLE "users" ("id" integer PRIMARY KEY, "name" text, "email" text, "role" text, "manager_id" integer); INSERT INTO "users" ("id") VALUES (1)"#).unwrap();
    let error = select(users::name).from(users::table).all(&db).unwrap_err();
    match &error {
        Error::Decode { index: 0, column, .. } => assert_eq!(column, "name"),
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(error.to_string().contains("unexpected NULL"), "{error}");
}

#[test]
fn a_value_of_the_wrong_storage_class_is_a_decode_error() {
    let db = Database::open_in_memory().unwrap();
    db.execute_sql(r#"CREATE TABLE "users" ("id" integer PRIMARY KEY, "name" text, "email" text, "role" text, "manager_id" integer); INSERT INTO "users" VALUES (1, 'n', NULL, 'chef', 'not a number')"#).unwrap();
    let error = select(users::manager_id).from(users::table).all(&db).unwrap_err();
    assert!(error.to_string().contains("expected an integer, found text"), "{error}");
    let error = select(users::role).from(users::table).all(&db).unwrap_err();
    assert!(
        error.to_string().contains("`chef` is not a member of enum `role`"),
        "{error}"
    );
}

#[test]
fn sql_errors_carry_the_statement() {
    let db = Database::open_in_memory().unwrap();
    let error = select(users::name).from(users::table).all(&db).unwrap_err();
    assert_eq!(error.db_kind(), Some(DbErrorKind::Other));
    assert!(error.to_string().contains("no such table: users"), "{error}");
}

#[test]
fn connecting_with_a_server_url_is_refused_clearly() {
    let error = Database::connect("mysql://root@localhost/test").unwrap_err();
    assert!(matches!(error, Error::Connection { .. }));
    assert!(error.to_string().contains("is not a SQLite database"), "{error}");
}

#[test]
fn opening_a_file_in_a_missing_directory_is_a_connection_error() {
    let error = Database::connect("/nonexistent-dir/mizzle/app.db").unwrap_err();
    assert!(matches!(error, Error::Connection { .. }), "{error:?}");
}
