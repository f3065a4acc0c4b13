//! A fresh database per test for the kit's tests: a PostgreSQL schema, a MySQL database or
//! a SQLite file, named after the test; skipped when a server is unreachable unless `CI=true`.

use mizzle_kit::apply::connect;
use std::path::PathBuf;

/// Where a test's database is, by dialect.
pub async fn database(dialect: &str, test: &str) -> Option<String> {
    let name = format!("mizzle_kit_{test}");
    match dialect {
        "postgresql" => {
            let base =
                std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
            let mut admin = match connect(&base).await {
                Ok(conn) => conn,
                Err(error) => return unreachable("PostgreSQL", &error),
            };
            admin
                .execute(&format!(
                    "DROP SCHEMA IF EXISTS \"{name}\" CASCADE; CREATE SCHEMA \"{name}\""
                ))
                .await
                .unwrap();
            let separator = if base.contains('?') { '&' } else { '?' };
            Some(format!("{base}{separator}options=-c%20search_path%3D{name}"))
        }
        "mysql" => {
            let base =
                std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned());
            let mut admin = match connect(&base).await {
                Ok(conn) => conn,
                Err(error) => return unreachable("MySQL", &error),
            };
            admin
                .execute(&format!("DROP DATABASE IF EXISTS `{name}`; CREATE DATABASE `{name}`"))
                .await
                .unwrap();
            let slash = base.rfind('/').filter(|&i| i > "mysql://".len()).unwrap_or(base.len());
            Some(format!("{}/{name}", &base[..slash]))
        }
        _ => {
            let path = scratch(test).join("db.sqlite");
            Some(path.to_string_lossy().into_owned())
        }
    }
}

/// An empty folder for a test's files.
pub fn scratch(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mizzle_kit_{test}_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn unreachable<T>(server: &str, error: &str) -> Option<T> {
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{server} is not reachable, and CI=true requires it: {error}");
    }
    eprintln!("skipped: {server} is not reachable: {error}");
    None
}
