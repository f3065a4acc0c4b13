//! Connecting the tests: servers from `MIZZLE_PG_URL` / `MIZZLE_MYSQL_URL`, a fresh
//! schema or database per test, skipped when a server is unreachable unless `CI=true`.

use mizzle::Error;

/// PostgreSQL's URL for the tests.
pub fn pg_url() -> String {
    std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// MySQL's URL for the tests.
pub fn mysql_url() -> String {
    std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned())
}

/// Under `CI=true` an unreachable server fails the test; elsewhere the test says so and is skipped.
fn unreachable<T>(server: &str, error: Error) -> Option<T> {
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{server} is not reachable, and CI=true requires it: {error}");
    }
    eprintln!("skipped: {server} is not reachable: {error}");
    None
}

/// A connection to a fresh PostgreSQL schema named after the test, with `ddl` run in it.
pub async fn pg(test: &str, ddl: &[String]) -> Option<mizzle::pg::Database> {
    pg_with(
        test,
        ddl,
        mizzle::pg::PoolOptions {
            max_size: 4,
            ..Default::default()
        },
    )
    .await
}

/// [`pg`] with the given pool options.
pub async fn pg_with(test: &str, ddl: &[String], options: mizzle::pg::PoolOptions) -> Option<mizzle::pg::Database> {
    let base = pg_url();
    let admin = match mizzle::pg::Database::connect(&base).await {
        Ok(db) => db,
        Err(error) => return unreachable("PostgreSQL", error),
    };
    let schema = format!("mizzle_{test}");
    admin
        .execute_sql(&format!(
            "DROP SCHEMA IF EXISTS \"{schema}\" CASCADE; CREATE SCHEMA \"{schema}\""
        ))
        .await
        .expect("the test schema is created");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-c%20search_path%3D{schema}");
    let db = mizzle::pg::Database::connect_with(&url, options)
        .await
        .expect("the test schema is reachable");
    for statement in ddl {
        db.execute_sql(statement).await.expect("the schema's DDL runs");
    }
    Some(db)
}

/// The URL of PostgreSQL's hot standby (`.ci/run` makes it: port 5433, streaming from
/// the server of [`pg_url`]).
pub fn pg_standby_url() -> String {
    std::env::var("MIZZLE_PG_STANDBY_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5433/test".to_owned())
}

/// A connection to the standby at `url` (by default [`pg_standby_url`]), in the schema
/// [`pg`] made for `test`, naming itself `application_name` (which tells the tests which
/// replica answered).
pub async fn pg_standby(test: &str, url: Option<&str>, application_name: &str) -> Option<mizzle::pg::Database> {
    let base = url.map(str::to_owned).unwrap_or_else(pg_standby_url);
    let schema = format!("mizzle_{test}");
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}application_name={application_name}&options=-c%20search_path%3D{schema}");
    match mizzle::pg::Database::connect(&url).await {
        Ok(db) => Some(db),
        Err(error) => unreachable("PostgreSQL's hot standby (port 5433, made by .ci/run)", error),
    }
}

/// A connection to a fresh MySQL database named after the test, with `ddl` run in it.
pub async fn mysql(test: &str, ddl: &[String]) -> Option<mizzle::mysql::Database> {
    mysql_with(
        test,
        ddl,
        mizzle::mysql::PoolOptions {
            max_size: 4,
            ..Default::default()
        },
    )
    .await
}

/// The URL of the database [`mysql`] makes for `test`.
pub fn mysql_test_url(test: &str) -> String {
    let base = mysql_url();
    let database = format!("mizzle_{test}");
    match base.rfind('/') {
        Some(slash) if slash > "mysql://".len() => format!("{}/{database}", &base[..slash]),
        _ => format!("{base}/{database}"),
    }
}

/// [`mysql`] with the given pool options.
pub async fn mysql_with(
    test: &str,
    ddl: &[String],
    options: mizzle::mysql::PoolOptions,
) -> Option<mizzle::mysql::Database> {
    let base = mysql_url();
    let admin = match mizzle::mysql::Database::connect(&base).await {
        Ok(db) => db,
        Err(error) => return unreachable("MySQL", error),
    };
    let database = format!("mizzle_{test}");
    admin
        .execute_sql(&format!(
            "DROP DATABASE IF EXISTS `{database}`; CREATE DATABASE `{database}`"
        ))
        .await
        .expect("the test database is created");
    let db = mizzle::mysql::Database::connect_with(&mysql_test_url(test), options)
        .await
        .expect("the test database is reachable");
    for statement in ddl {
        db.execute_sql(statement).await.expect("the schema's DDL runs");
    }
    Some(db)
}

/// A private in-memory SQLite database with `ddl` run in it.
pub async fn sqlite(_test: &str, ddl: &[String]) -> Option<mizzle::sqlite::AsyncDatabase> {
    let db = mizzle::sqlite::AsyncDatabase::connect(":memory:").expect("in-memory SQLite opens");
    for statement in ddl {
        db.execute_sql(statement).await.expect("the schema's DDL runs");
    }
    Some(db)
}
