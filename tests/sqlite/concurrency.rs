//! Several `Database`s on one file, writing at once: they wait for each other's locks
//! (the busy timeout) instead of failing with "database is locked".

use mizzle::prelude::*;
use mizzle::sqlite::{ConnectOptions, Database};
use mizzle::{count, insert, select};

mizzle::table! {
    pub events in mizzle::sqlite::Sqlite {
        id: mizzle::sqlite::Integer [primary_key, autoincrement],
        writer: mizzle::sqlite::Integer [not_null],
    }
}

const WRITERS: i64 = 8;
const ROWS_ALONE: i64 = 40;
const TRANSACTIONS: i64 = 10;
const ROWS_PER_TRANSACTION: i64 = 4;

/// A file of its own in the temporary directory, removed with its WAL files on drop.
struct TempFile(std::path::PathBuf);

impl TempFile {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("mizzle-{name}-{}.db", std::process::id()));
        let file = TempFile(path);
        file.remove();
        file
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("a UTF-8 temporary path")
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path()));
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        self.remove();
    }
}

#[test]
fn eight_writers_on_one_file_all_succeed() {
    let file = TempFile::new("eight-writers");
    Database::connect(file.path())
        .unwrap()
        .execute_sql(&mizzle::create_table(events::table).unwrap())
        .unwrap();
    let writers: Vec<_> = (0..WRITERS)
        .map(|writer| {
            let path = file.path().to_owned();
            std::thread::spawn(move || {
                let db = Database::connect(&path).unwrap();
                for _ in 0..ROWS_ALONE {
                    insert(events::table)
                        .values(events::writer.to(writer))
                        .execute(&db)
                        .unwrap();
                }
                for _ in 0..TRANSACTIONS {
                    db.transaction(|tx| {
                        for _ in 0..ROWS_PER_TRANSACTION {
                            insert(events::table).values(events::writer.to(writer)).execute(tx)?;
                        }
                        Ok::<_, mizzle::Error>(())
                    })
                    .unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().expect("the writer finished without an error");
    }
    let db = Database::connect(file.path()).unwrap();
    let rows = select(count(events::id)).from(events::table).get(&db).unwrap();
    assert_eq!(rows, Some(WRITERS * (ROWS_ALONE + TRANSACTIONS * ROWS_PER_TRANSACTION)));
}

#[test]
fn a_file_database_is_in_wal_mode_unless_asked_otherwise() {
    let file = TempFile::new("wal");
    let mode = |db: &Database| -> String {
        db.connection()
            .pragma_query_value(None, "journal_mode", |row| row.get(0))
            .unwrap()
    };
    let options = ConnectOptions {
        wal: false,
        ..Default::default()
    };
    assert_eq!(mode(&Database::connect_with(file.path(), options).unwrap()), "delete");
    assert_eq!(mode(&Database::connect(file.path()).unwrap()), "wal");
}

#[test]
fn a_writer_that_waits_longer_than_its_busy_timeout_says_the_database_is_locked() {
    let file = TempFile::new("busy");
    let holder = Database::connect(file.path()).unwrap();
    holder
        .execute_sql(&mizzle::create_table(events::table).unwrap())
        .unwrap();
    let impatient = Database::connect_with(
        file.path(),
        ConnectOptions {
            busy_timeout: std::time::Duration::from_millis(50),
            ..Default::default()
        },
    )
    .unwrap();
    holder
        .transaction(|_tx| {
            let error = insert(events::table)
                .values(events::writer.to(1))
                .execute(&impatient)
                .unwrap_err();
            assert!(error.to_string().contains("database is locked"), "{error}");
            Ok::<_, mizzle::Error>(())
        })
        .unwrap();
}
