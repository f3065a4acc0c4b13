//! One session with a database, for applying migrations: statements, the journal's rows,
//! transactions and the lock, on each driver.

use mizzle_dsl::dialect::{DialectKind, Engine};
use std::time::Duration;

/// A journal row: a migration's name, checksum, how many of its statements ran, and
/// whether it finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalRow {
    /// The migration's name.
    pub name: String,
    /// The checksum of its up SQL when it ran.
    pub checksum: String,
    /// Statements done, for a migration run outside a transaction.
    pub statements_done: i64,
    /// Whether every statement ran.
    pub finished: bool,
}

/// A session with one database.
pub enum Conn {
    /// PostgreSQL.
    Pg(tokio_postgres::Client),
    /// MySQL or MariaDB.
    MySql(mysql_async::Conn),
    /// SQLite.
    Sqlite(rusqlite::Connection),
}

/// Which database a URL names: `postgres://`, `mysql://`, or a SQLite file (`sqlite://path`
/// or a path).
pub async fn connect(url: &str) -> Result<Conn, String> {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .map_err(|e| format!("cannot connect to PostgreSQL: {e}"))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        return Ok(Conn::Pg(client));
    }
    if url.starts_with("mysql://") || url.starts_with("mariadb://") {
        let url = url.replacen("mariadb://", "mysql://", 1);
        let conn = mysql_async::Conn::from_url(url.as_str())
            .await
            .map_err(|e| format!("cannot connect to MySQL: {e}"))?;
        return Ok(Conn::MySql(conn));
    }
    let path = url.strip_prefix("sqlite://").unwrap_or(url);
    let conn = rusqlite::Connection::open(path).map_err(|e| format!("cannot open SQLite database {path}: {e}"))?;
    // Another instance holding the write lock is waited for, not failed on.
    conn.busy_timeout(Duration::from_secs(60))
        .map_err(|e| format!("cannot set SQLite's busy timeout: {e}"))?;
    Ok(Conn::Sqlite(conn))
}

fn quote(conn: &Conn, name: &str) -> String {
    match conn {
        Conn::MySql(_) => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

impl Conn {
    /// Runs `sql`, one statement or several.
    pub async fn execute(&mut self, sql: &str) -> Result<(), String> {
        match self {
            Conn::Pg(client) => client.batch_execute(sql).await.map_err(|e| pg_error(&e)),
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                conn.query_drop(sql).await.map_err(|e| e.to_string())
            }
            Conn::Sqlite(conn) => conn.execute_batch(sql).map_err(|e| e.to_string()),
        }
    }

    /// Creates the journal table `table` if it is not there.
    pub async fn create_journal(&mut self, table: &str) -> Result<(), String> {
        let name = quote(self, table);
        let sql = match self {
            Conn::Pg(_) => format!(
                "CREATE TABLE IF NOT EXISTS {name} (name varchar(255) PRIMARY KEY, checksum varchar(64) NOT NULL, \
                 applied_at timestamptz NOT NULL DEFAULT now(), statements_done integer NOT NULL DEFAULT 0, \
                 finished boolean NOT NULL DEFAULT true)"
            ),
            Conn::MySql(_) => format!(
                "CREATE TABLE IF NOT EXISTS {name} (name varchar(255) PRIMARY KEY, checksum varchar(64) NOT NULL, \
                 applied_at timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), statements_done integer NOT NULL \
                 DEFAULT 0, finished boolean NOT NULL DEFAULT true)"
            ),
            Conn::Sqlite(_) => format!(
                "CREATE TABLE IF NOT EXISTS {name} (name text PRIMARY KEY, checksum text NOT NULL, \
                 applied_at text NOT NULL DEFAULT CURRENT_TIMESTAMP, statements_done integer NOT NULL DEFAULT 0, \
                 finished integer NOT NULL DEFAULT 1)"
            ),
        };
        self.execute(&sql).await
    }

    /// The journal's rows, by name.
    pub async fn journal(&mut self, table: &str) -> Result<Vec<JournalRow>, String> {
        let sql = format!(
            "SELECT name, checksum, statements_done, finished FROM {} ORDER BY name",
            quote(self, table)
        );
        match self {
            Conn::Pg(client) => {
                let rows = client.query(sql.as_str(), &[]).await.map_err(|e| pg_error(&e))?;
                Ok(rows
                    .iter()
                    .map(|row| JournalRow {
                        name: row.get(0),
                        checksum: row.get(1),
                        statements_done: i64::from(row.get::<_, i32>(2)),
                        finished: row.get(3),
                    })
                    .collect())
            }
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                let rows: Vec<(String, String, i64, bool)> = conn.query(sql).await.map_err(|e| e.to_string())?;
                Ok(rows
                    .into_iter()
                    .map(|(name, checksum, statements_done, finished)| JournalRow {
                        name,
                        checksum,
                        statements_done,
                        finished,
                    })
                    .collect())
            }
            Conn::Sqlite(conn) => {
                let mut statement = conn.prepare(&sql).map_err(|e| e.to_string())?;
                let rows = statement
                    .query_map([], |row| {
                        Ok(JournalRow {
                            name: row.get(0)?,
                            checksum: row.get(1)?,
                            statements_done: row.get(2)?,
                            finished: row.get(3)?,
                        })
                    })
                    .map_err(|e| e.to_string())?;
                rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
            }
        }
    }

    /// Writes a migration's journal row: inserted, or updated when it is there.
    pub async fn record(&mut self, table: &str, row: &JournalRow) -> Result<(), String> {
        let name = quote(self, table);
        match self {
            Conn::Pg(client) => {
                let sql = format!(
                    "INSERT INTO {name} (name, checksum, statements_done, finished) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT (name) DO UPDATE SET checksum = $2, statements_done = $3, finished = $4"
                );
                let done = i32::try_from(row.statements_done).unwrap_or(i32::MAX);
                client
                    .execute(sql.as_str(), &[&row.name, &row.checksum, &done, &row.finished])
                    .await
                    .map(drop)
                    .map_err(|e| pg_error(&e))
            }
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                let sql = format!(
                    "INSERT INTO {name} (name, checksum, statements_done, finished) VALUES (?, ?, ?, ?) \
                     ON DUPLICATE KEY UPDATE checksum = VALUES(checksum), statements_done = VALUES(statements_done), \
                     finished = VALUES(finished)"
                );
                conn.exec_drop(sql, (&row.name, &row.checksum, row.statements_done, row.finished))
                    .await
                    .map_err(|e| e.to_string())
            }
            Conn::Sqlite(conn) => {
                let sql = format!(
                    "INSERT INTO {name} (name, checksum, statements_done, finished) VALUES (?1, ?2, ?3, ?4) \
                     ON CONFLICT (name) DO UPDATE SET checksum = ?2, statements_done = ?3, finished = ?4"
                );
                conn.execute(
                    &sql,
                    rusqlite::params![row.name, row.checksum, row.statements_done, row.finished],
                )
                .map(drop)
                .map_err(|e| e.to_string())
            }
        }
    }

    /// Removes a migration's journal row (after its down migration ran).
    pub async fn forget(&mut self, table: &str, migration: &str) -> Result<(), String> {
        let name = quote(self, table);
        match self {
            Conn::Pg(client) => client
                .execute(format!("DELETE FROM {name} WHERE name = $1").as_str(), &[&migration])
                .await
                .map(drop)
                .map_err(|e| pg_error(&e)),
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                conn.exec_drop(format!("DELETE FROM {name} WHERE name = ?"), (migration,))
                    .await
                    .map_err(|e| e.to_string())
            }
            Conn::Sqlite(conn) => conn
                .execute(&format!("DELETE FROM {name} WHERE name = ?1"), [migration])
                .map(drop)
                .map_err(|e| e.to_string()),
        }
    }

    /// The rows of a query whose columns are all text (or NULL), in order.
    pub async fn query_text(&mut self, sql: &str) -> Result<Vec<Vec<Option<String>>>, String> {
        match self {
            Conn::Pg(client) => {
                let rows = client.query(sql, &[]).await.map_err(|e| pg_error(&e))?;
                Ok(rows
                    .iter()
                    .map(|row| (0..row.len()).map(|i| row.get::<_, Option<String>>(i)).collect())
                    .collect())
            }
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                let rows: Vec<mysql_async::Row> = conn.query(sql).await.map_err(|e| e.to_string())?;
                Ok(rows
                    .into_iter()
                    .map(|row| {
                        (0..row.len())
                            .map(|i| match row.as_ref(i) {
                                Some(mysql_async::Value::Bytes(bytes)) => {
                                    Some(String::from_utf8_lossy(bytes).into_owned())
                                }
                                Some(mysql_async::Value::NULL) | None => None,
                                Some(other) => Some(other.as_sql(true)),
                            })
                            .collect()
                    })
                    .collect())
            }
            Conn::Sqlite(conn) => {
                let mut statement = conn.prepare(sql).map_err(|e| e.to_string())?;
                let width = statement.column_count();
                let rows = statement
                    .query_map([], |row| {
                        (0..width)
                            .map(|i| row.get::<_, Option<String>>(i))
                            .collect::<Result<Vec<_>, _>>()
                    })
                    .map_err(|e| e.to_string())?;
                rows.collect::<Result<_, _>>().map_err(|e| e.to_string())
            }
        }
    }

    /// Whether the dialect runs DDL inside a transaction (PostgreSQL, SQLite); MySQL
    /// commits each DDL statement by itself.
    pub fn transactional_ddl(&self) -> bool {
        !matches!(self, Conn::MySql(_))
    }

    /// Starts a transaction; on SQLite one that takes the write lock at once, so that two
    /// instances apply a migration one after the other.
    pub async fn begin(&mut self) -> Result<(), String> {
        match self {
            Conn::Sqlite(_) => self.execute("BEGIN IMMEDIATE").await,
            _ => self.execute("BEGIN").await,
        }
    }

    /// Takes the migrations lock for this session (PostgreSQL's advisory lock, MySQL's
    /// GET_LOCK); SQLite's is each migration's immediate transaction. On an engine without
    /// advisory locks, a row of a lock table, waited for up to ten minutes.
    pub async fn lock(&mut self, table: &str, engine: Option<Engine>) -> Result<(), String> {
        if let Some(lock) = lock_row(table, engine) {
            self.create_lock_table(&lock.create).await?;
            for _ in 0..1200 {
                if self.unless_duplicate(&lock.take).await? {
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            return Err(format!(
                "the migrations lock ({}) was held for 10 minutes; if no other instance is applying \
                 migrations, a run that died left it: `{}`",
                lock.table, lock.release
            ));
        }
        match self {
            Conn::Pg(client) => client
                .execute("SELECT pg_advisory_lock(hashtext($1))", &[&table])
                .await
                .map(drop)
                .map_err(|e| pg_error(&e)),
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                let got: Option<Option<i64>> = conn
                    .exec_first("SELECT GET_LOCK(?, 600)", (format!("mizzle:{table}"),))
                    .await
                    .map_err(|e| e.to_string())?;
                match got.flatten() {
                    Some(1) => Ok(()),
                    _ => Err("another instance held the migrations lock for 10 minutes".to_owned()),
                }
            }
            Conn::Sqlite(_) => Ok(()),
        }
    }

    /// Releases the lock [`lock`](Self::lock) took.
    pub async fn unlock(&mut self, table: &str, engine: Option<Engine>) -> Result<(), String> {
        if let Some(lock) = lock_row(table, engine) {
            return self.execute(&lock.release).await;
        }
        match self {
            Conn::Pg(client) => client
                .execute("SELECT pg_advisory_unlock(hashtext($1))", &[&table])
                .await
                .map(drop)
                .map_err(|e| pg_error(&e)),
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                conn.exec_drop("SELECT RELEASE_LOCK(?)", (format!("mizzle:{table}"),))
                    .await
                    .map_err(|e| e.to_string())
            }
            Conn::Sqlite(_) => Ok(()),
        }
    }
}

/// The migrations lock as a row of a table, for engines without advisory locks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockRow {
    /// The lock table's name: the journal's, then `_lock`.
    pub table: String,
    /// Creates the lock table if it is not there.
    pub create: String,
    /// Takes the lock: fails on the key while another instance holds it.
    pub take: String,
    /// Releases it.
    pub release: String,
}

/// The lock row's statements, when `engine` has no advisory locks (SQLite's lock is its
/// immediate transaction: none).
pub fn lock_row(journal: &str, engine: Option<Engine>) -> Option<LockRow> {
    let engine = engine.filter(|engine| !engine.advisory_locks && engine.dialect != DialectKind::Sqlite)?;
    let table = format!("{journal}_lock");
    let name = match engine.dialect {
        DialectKind::MySql => format!("`{}`", table.replace('`', "``")),
        _ => format!("\"{}\"", table.replace('"', "\"\"")),
    };
    let taken_at = match engine.dialect {
        DialectKind::Pg => "timestamptz NOT NULL DEFAULT now()",
        _ => "timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP",
    };
    Some(LockRow {
        create: format!("CREATE TABLE IF NOT EXISTS {name} (id integer PRIMARY KEY, taken_at {taken_at})"),
        take: format!("INSERT INTO {name} (id) VALUES (1)"),
        release: format!("DELETE FROM {name} WHERE id = 1"),
        table,
    })
}

impl Conn {
    /// Creates the lock table if it is not there. Two instances creating it at once:
    /// PostgreSQL's `IF NOT EXISTS` checks before it creates, so the second fails, on its
    /// catalog's key or as a table that already exists; either way the table is there.
    async fn create_lock_table(&mut self, sql: &str) -> Result<(), String> {
        use tokio_postgres::error::SqlState;
        match self {
            Conn::Pg(client) => match client.batch_execute(sql).await {
                Err(e)
                    if e.code() != Some(&SqlState::UNIQUE_VIOLATION)
                        && e.code() != Some(&SqlState::DUPLICATE_TABLE) =>
                {
                    Err(pg_error(&e))
                }
                _ => Ok(()),
            },
            _ => self.execute(sql).await,
        }
    }

    /// Runs a statement: `false` when it broke a unique key (the lock is held elsewhere).
    async fn unless_duplicate(&mut self, sql: &str) -> Result<bool, String> {
        match self {
            Conn::Pg(client) => match client.batch_execute(sql).await {
                Ok(()) => Ok(true),
                Err(e) if e.code() == Some(&tokio_postgres::error::SqlState::UNIQUE_VIOLATION) => Ok(false),
                Err(e) => Err(pg_error(&e)),
            },
            Conn::MySql(conn) => {
                use mysql_async::prelude::Queryable;
                match conn.query_drop(sql).await {
                    Ok(()) => Ok(true),
                    Err(mysql_async::Error::Server(server)) if server.code == 1062 => Ok(false),
                    Err(e) => Err(e.to_string()),
                }
            }
            Conn::Sqlite(conn) => conn.execute_batch(sql).map(|()| true).map_err(|e| e.to_string()),
        }
    }
}

/// A PostgreSQL error with the server's message, not only its kind.
fn pg_error(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => error.to_string(),
    }
}
