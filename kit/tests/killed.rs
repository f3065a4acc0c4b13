//! `mizzle migrate` killed with SIGKILL in the middle of a run: afterwards the database is
//! before or after each transactional migration, and the journal agrees with the tables;
//! on MySQL it agrees statement by statement. Whenever the kill lands, this holds.

mod support;

use mizzle_kit::apply::{connect, Conn};
use std::process::Command;
use std::time::Duration;

/// Each migration creates tables one statement at a time, with a pause between them.
fn write_migrations(dir: &std::path::Path, pause: &str) {
    for (i, tables) in [["a1", "a2"], ["b1", "b2"], ["c1", "c2"]].iter().enumerate() {
        let folder = dir.join(format!("2026010100000{i}_step"));
        std::fs::create_dir_all(&folder).unwrap();
        let sql = format!(
            "CREATE TABLE {} (id int);\n--> statement-breakpoint\n{pause};\n--> statement-breakpoint\nCREATE TABLE {} (id int);\n",
            tables[0], tables[1]
        );
        std::fs::write(folder.join("up.sql"), sql).unwrap();
    }
}

async fn exists(conn: &mut Conn, table: &str) -> bool {
    conn.execute(&format!("SELECT * FROM {table} WHERE 1 = 0"))
        .await
        .is_ok()
}

async fn killed_midway(dialect: &str, pause: &str) {
    let test = format!("killed_{}", dialect.replace("postgresql", "pg"));
    let Some(url) = support::database(dialect, &test).await else {
        return;
    };
    let dir = support::scratch(&test).join("migrations");
    write_migrations(&dir, pause);
    let mut child = Command::new(env!("CARGO_BIN_EXE_mizzle"))
        .args(["migrate", "--dir", dir.to_str().unwrap(), "--url", &url])
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(700)).await;
    child.kill().unwrap();
    let _ = child.wait();
    let mut conn = connect(&url).await.unwrap();
    conn.create_journal("mizzle_migrations").await.unwrap();
    let journal = conn.journal("mizzle_migrations").await.unwrap();
    for (i, tables) in [["a1", "a2"], ["b1", "b2"], ["c1", "c2"]].iter().enumerate() {
        let name = format!("2026010100000{i}_step");
        let row = journal.iter().find(|row| row.name == name);
        let (first, second) = (exists(&mut conn, tables[0]).await, exists(&mut conn, tables[1]).await);
        match (dialect, row) {
            // MySQL: each statement is recorded once it ran; the one running when the
            // process died may have run unrecorded, but none after it.
            ("mysql", Some(row)) => {
                assert!(row.statements_done < 1 || first, "{name}: recorded, so there: {row:?}");
                assert!(row.statements_done < 3 || second, "{name}: recorded, so there: {row:?}");
                assert!(
                    !second || row.statements_done >= 2,
                    "{name}: at most one statement ahead: {row:?}"
                );
            }
            (_, Some(row)) => {
                assert!(
                    row.finished && first && second,
                    "{name} is recorded, so all of it is there"
                );
            }
            // Not recorded: on a transactional dialect nothing of it is there; on MySQL at
            // most the statement that was running when the process died.
            ("mysql", None) => assert!(!second, "{name}"),
            (_, None) => assert!(!first && !second, "{name} is not recorded, so none of it is there"),
        }
    }
    // And a new run finishes the job.
    let status = Command::new(env!("CARGO_BIN_EXE_mizzle"))
        .args(["migrate", "--dir", dir.to_str().unwrap(), "--url", &url])
        .status()
        .unwrap();
    // On MySQL a statement cut off half-way may have run without being recorded: the
    // rerun then meets its table. Elsewhere it always succeeds.
    if dialect != "mysql" {
        assert!(status.success());
    }
}

#[tokio::test]
async fn a_killed_run_leaves_postgres_before_or_after_each_migration() {
    killed_midway("postgresql", "SELECT pg_sleep(0.3)").await;
}

#[tokio::test]
async fn a_killed_run_leaves_mysql_with_a_journal_that_agrees_statement_by_statement() {
    killed_midway("mysql", "SELECT SLEEP(0.3)").await;
}

#[tokio::test]
async fn a_killed_run_leaves_sqlite_before_or_after_each_migration() {
    // SQLite has no sleep: a recursive count keeps the migration busy instead.
    killed_midway(
        "sqlite",
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n",
    )
    .await;
}
