//! Running the studio's statements on each driver, every value read as text.

use super::query::Sql;
use crate::apply::Conn;
use serde::Serialize;

/// Rows as the page shows them: column names, and each value as text (NULL as `None`).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Grid {
    /// The columns' names.
    pub columns: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<Option<String>>>,
    /// For a statement that returns no rows, how many it changed.
    pub changed: Option<u64>,
}

/// Runs `sql` and reads every row, each value as text.
pub async fn fetch(conn: &mut Conn, sql: &Sql) -> Result<Vec<Vec<Option<String>>>, String> {
    match conn {
        Conn::Pg(client) => {
            let params = pg_params(&sql.params);
            let rows = client.query(&sql.text, &params).await.map_err(|e| pg_error(&e))?;
            Ok(rows
                .iter()
                .map(|row| (0..row.len()).map(|i| row.get::<_, Option<String>>(i)).collect())
                .collect())
        }
        Conn::MySql(conn) => {
            use mysql_async::prelude::Queryable;
            let rows: Vec<mysql_async::Row> = conn
                .exec(&sql.text, mysql_params(&sql.params))
                .await
                .map_err(|e| e.to_string())?;
            Ok(rows
                .into_iter()
                .map(|row| row.unwrap().iter().map(mysql_text).collect())
                .collect())
        }
        Conn::Sqlite(conn) => {
            let mut statement = conn.prepare(&sql.text).map_err(|e| e.to_string())?;
            let width = statement.column_count();
            let mut rows = statement
                .query(rusqlite::params_from_iter(sql.params.iter()))
                .map_err(|e| e.to_string())?;
            let mut out = Vec::new();
            while let Some(row) = rows.next().map_err(|e| e.to_string())? {
                out.push((0..width).map(|i| row.get_ref(i).ok().and_then(sqlite_text)).collect());
            }
            Ok(out)
        }
    }
}

/// Runs `sql`, which returns no rows: how many it changed.
pub async fn execute(conn: &mut Conn, sql: &Sql) -> Result<u64, String> {
    match conn {
        Conn::Pg(client) => {
            let params = pg_params(&sql.params);
            client.execute(&sql.text, &params).await.map_err(|e| pg_error(&e))
        }
        Conn::MySql(conn) => {
            use mysql_async::prelude::Queryable;
            conn.exec_drop(&sql.text, mysql_params(&sql.params))
                .await
                .map_err(|e| e.to_string())?;
            Ok(conn.affected_rows())
        }
        Conn::Sqlite(conn) => conn
            .execute(&sql.text, rusqlite::params_from_iter(sql.params.iter()))
            .map(|changed| changed as u64)
            .map_err(|e| e.to_string()),
    }
}

/// Runs SQL typed into the console: the rows of its last result, or how many rows it
/// changed.
pub async fn console(conn: &mut Conn, text: &str) -> Result<Grid, String> {
    match conn {
        Conn::Pg(client) => {
            let messages = client.simple_query(text).await.map_err(|e| pg_error(&e))?;
            let mut grid = Grid::default();
            for message in messages {
                match message {
                    tokio_postgres::SimpleQueryMessage::RowDescription(columns) => {
                        grid = Grid {
                            columns: columns.iter().map(|c| c.name().to_owned()).collect(),
                            ..Grid::default()
                        };
                    }
                    tokio_postgres::SimpleQueryMessage::Row(row) => {
                        if grid.columns.is_empty() {
                            grid.columns = row.columns().iter().map(|c| c.name().to_owned()).collect();
                        }
                        grid.rows
                            .push((0..row.len()).map(|i| row.get(i).map(str::to_owned)).collect());
                    }
                    tokio_postgres::SimpleQueryMessage::CommandComplete(changed) if grid.columns.is_empty() => {
                        grid.changed = Some(changed);
                    }
                    _ => {}
                }
            }
            Ok(grid)
        }
        Conn::MySql(conn) => {
            use mysql_async::prelude::Queryable;
            let mut result = conn.query_iter(text).await.map_err(|e| e.to_string())?;
            let columns: Vec<String> = result
                .columns()
                .map(|columns| columns.iter().map(|c| c.name_str().into_owned()).collect())
                .unwrap_or_default();
            let rows: Vec<mysql_async::Row> = result.collect().await.map_err(|e| e.to_string())?;
            let changed = result.affected_rows();
            result.drop_result().await.map_err(|e| e.to_string())?;
            Ok(Grid {
                changed: columns.is_empty().then_some(changed),
                rows: rows
                    .into_iter()
                    .map(|row| row.unwrap().iter().map(mysql_text).collect())
                    .collect(),
                columns,
            })
        }
        Conn::Sqlite(conn) => {
            let mut statement = conn.prepare(text).map_err(|e| e.to_string())?;
            let columns: Vec<String> = statement.column_names().iter().map(|c| (*c).to_owned()).collect();
            if columns.is_empty() {
                let changed = statement.execute([]).map_err(|e| e.to_string())?;
                return Ok(Grid {
                    changed: Some(changed as u64),
                    ..Grid::default()
                });
            }
            let width = columns.len();
            let mut rows = statement.query([]).map_err(|e| e.to_string())?;
            let mut grid = Grid {
                columns,
                ..Grid::default()
            };
            while let Some(row) = rows.next().map_err(|e| e.to_string())? {
                grid.rows
                    .push((0..width).map(|i| row.get_ref(i).ok().and_then(sqlite_text)).collect());
                if grid.rows.len() == 1000 {
                    break;
                }
            }
            Ok(grid)
        }
    }
}

/// Text parameters as tokio-postgres takes them.
fn pg_params(params: &[Option<String>]) -> Vec<&(dyn tokio_postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| p as &(dyn tokio_postgres::types::ToSql + Sync))
        .collect()
}

fn mysql_params(params: &[Option<String>]) -> mysql_async::Params {
    if params.is_empty() {
        return mysql_async::Params::Empty;
    }
    mysql_async::Params::Positional(
        params
            .iter()
            .map(|p| match p {
                Some(text) => mysql_async::Value::Bytes(text.as_bytes().to_vec()),
                None => mysql_async::Value::NULL,
            })
            .collect(),
    )
}

/// A MySQL value as text, as the server would print it.
fn mysql_text(value: &mysql_async::Value) -> Option<String> {
    use mysql_async::Value;
    Some(match value {
        Value::NULL => return None,
        Value::Bytes(bytes) => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(_) => hex(bytes),
        },
        Value::Int(n) => n.to_string(),
        Value::UInt(n) => n.to_string(),
        Value::Float(x) => x.to_string(),
        Value::Double(x) => x.to_string(),
        Value::Date(year, month, day, hour, minute, second, micros) => {
            let mut text = format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}");
            if *micros > 0 {
                text.push_str(&format!(".{micros:06}"));
            }
            text
        }
        Value::Time(negative, days, hours, minutes, seconds, micros) => {
            let hours = u32::from(*hours) + days * 24;
            let sign = if *negative { "-" } else { "" };
            let mut text = format!("{sign}{hours:02}:{minutes:02}:{seconds:02}");
            if *micros > 0 {
                text.push_str(&format!(".{micros:06}"));
            }
            text
        }
    })
}

/// A SQLite value as text; a blob in hex.
fn sqlite_text(value: rusqlite::types::ValueRef<'_>) -> Option<String> {
    use rusqlite::types::ValueRef;
    Some(match value {
        ValueRef::Null => return None,
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(text) => String::from_utf8_lossy(text).into_owned(),
        ValueRef::Blob(bytes) => hex(bytes),
    })
}

fn hex(bytes: &[u8]) -> String {
    let mut text = String::from("\\x");
    for byte in bytes {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

/// A PostgreSQL error with the server's message.
fn pg_error(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => match db.detail() {
            Some(detail) => format!("{}: {detail}", db.message()),
            None => db.message().to_owned(),
        },
        None => error.to_string(),
    }
}
