//! Connecting to PostgreSQL and MariaDB when something is wrong: every failure names its
//! cause, and no error shows a password, wherever the connection string held it.

use crate::support;
use mizzle::Error;
use std::time::Duration;

/// A password no message may show.
const SECRET: &str = "hunter2";

/// A server that accepts connections and never says a word: a listening socket nobody
/// accepts on (the kernel completes the TCP handshake by itself).
fn silent_server() -> (std::net::TcpListener, u16) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("a local port");
    let port = listener.local_addr().unwrap().port();
    (listener, port)
}

/// Asserts the error is a connection error, shows no password, and says `cause`.
#[track_caller]
fn assert_names_cause(error: Error, cause: &str) {
    let shown = format!("{error} / {error:?}");
    assert!(matches!(error, Error::Connection { .. }), "{shown}");
    assert!(!shown.contains(SECRET), "a password is shown: {shown}");
    assert!(shown.contains(cause), "expected {cause:?} in: {shown}");
}

#[tokio::test]
async fn postgres_connection_errors_hide_every_form_of_password() {
    use mizzle::pg::Database;
    let Some(_) = support::pg("connecting_secrets", &[]).await else {
        return;
    };
    for url in [
        format!("postgres://postgres:{SECRET}@127.0.0.1:1/test"),
        format!("postgres://postgres@127.0.0.1:1/test?password={SECRET}"),
        format!("postgres://postgres@127.0.0.1:1/test?sslmode=disable&password={SECRET}"),
        format!("host=127.0.0.1 port=1 password={SECRET}"),
    ] {
        let error = Database::connect(&url).await.unwrap_err();
        let shown = format!("{error} / {error:?}");
        assert!(!shown.contains(SECRET), "{url}: {shown}");
    }
}

#[tokio::test]
async fn mysql_connection_errors_hide_every_form_of_password() {
    use mizzle::mysql::Database;
    let Some(_) = support::mysql("connecting_secrets", &[]).await else {
        return;
    };
    for url in [
        format!("mysql://root:{SECRET}@127.0.0.1:1/test"),
        format!("mysql://root@127.0.0.1:1/test?pass={SECRET}"),
        format!("mysql://root@127.0.0.1:1/test?password={SECRET}"),
        format!("mysql://root:{SECRET}@127.0.0.1:3306/test"),
    ] {
        let error = Database::connect(&url).await.unwrap_err();
        let shown = format!("{error} / {error:?}");
        assert!(!shown.contains(SECRET), "{url}: {shown}");
    }
}

#[tokio::test]
async fn a_silent_postgres_server_fails_with_a_connection_error_after_the_connect_timeout() {
    let (_listener, port) = silent_server();
    let options = mizzle::pg::PoolOptions {
        connect_timeout: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let url = format!("postgres://postgres@127.0.0.1:{port}/test");
    let error = mizzle::pg::Database::connect_with(&url, options).await.unwrap_err();
    assert_names_cause(error, "did not finish opening a connection");
}

#[tokio::test]
async fn a_silent_mysql_server_fails_with_a_connection_error_after_the_connect_timeout() {
    let (_listener, port) = silent_server();
    let options = mizzle::mysql::PoolOptions {
        connect_timeout: Some(Duration::from_millis(300)),
        ..Default::default()
    };
    let url = format!("mysql://root@127.0.0.1:{port}/test");
    let error = mizzle::mysql::Database::connect_with(&url, options).await.unwrap_err();
    assert_names_cause(error, "did not finish opening a connection");
}

#[tokio::test]
async fn a_pool_of_no_connections_is_refused_at_once() {
    let pg = mizzle::pg::PoolOptions {
        max_size: 0,
        ..Default::default()
    };
    let error = mizzle::pg::Database::connect_with(&support::pg_url(), pg)
        .await
        .unwrap_err();
    assert_names_cause(error, "max_size must be at least 1");
    let my = mizzle::mysql::PoolOptions {
        max_size: 0,
        ..Default::default()
    };
    let error = mizzle::mysql::Database::connect_with(&support::mysql_url(), my)
        .await
        .unwrap_err();
    assert_names_cause(error, "max_size must be at least 1");
}

#[tokio::test]
async fn postgres_says_why_it_refused_a_session() {
    let Some(_) = support::pg("connecting_refused", &[]).await else {
        return;
    };
    let base = support::pg_url();
    let (server, _database) = base.rsplit_once('/').expect("a database in the URL");
    let error = mizzle::pg::Database::connect(&format!("{server}/no_such_database"))
        .await
        .unwrap_err();
    assert_names_cause(error, "database \"no_such_database\" does not exist");
    let error = mizzle::pg::Database::connect(&format!("{base}?options=-c%20no_such_setting%3D1"))
        .await
        .unwrap_err();
    assert_names_cause(error, "no_such_setting");
}

#[tokio::test]
async fn a_statement_past_the_statement_timeout_is_cancelled_by_the_server() {
    use mizzle::{DbErrorKind, Error};
    let limit = Some(Duration::from_millis(200));
    let is_timeout = |error: &Error| {
        matches!(
            error,
            Error::Database {
                kind: DbErrorKind::StatementTimeout,
                ..
            }
        )
    };
    let pg = mizzle::pg::PoolOptions {
        statement_timeout: limit,
        ..Default::default()
    };
    if let Some(db) = support::pg_with("statement_timeout", &[], pg).await {
        let error = db.execute_sql("SELECT pg_sleep(5)").await.unwrap_err();
        assert!(is_timeout(&error), "{error:?}");
        assert!(error.to_string().contains("statement timeout"), "{error}");
        // The connection goes on serving, under the same limit.
        db.execute_sql("SELECT pg_sleep(0.01)").await.unwrap();
    }
    let my = mizzle::mysql::PoolOptions {
        statement_timeout: limit,
        ..Default::default()
    };
    if let Some(db) = support::mysql_with("statement_timeout", &[], my).await {
        let error = db.execute_sql("SELECT SLEEP(5)").await.unwrap_err();
        assert!(is_timeout(&error), "{error:?}");
        db.execute_sql("SELECT SLEEP(0.01)").await.unwrap();
    }
}
