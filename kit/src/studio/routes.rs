//! The studio's HTTP routes: the page, and the JSON API it calls, every request checked
//! for the session's token.

use super::data::{console, execute, fetch, Grid};
use super::edits::{statement, Change, FieldError, RowCheck};
use super::query::{page, PageRequest};
use super::tables::Table;
use crate::apply::{status, Conn, MigrateOptions, State as MigrationState};
use axum::extract::{Query, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::SchemaModel;
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Mutex;

/// What every request of one studio shares.
pub(crate) struct Studio {
    pub(crate) conn: Mutex<Conn>,
    pub(crate) dialect: DialectKind,
    pub(crate) tables: Vec<Table>,
    pub(crate) token: String,
    pub(crate) check: Option<RowCheck>,
    pub(crate) url: String,
    pub(crate) schema: Option<SchemaModel>,
    pub(crate) migrations: Option<(PathBuf, MigrateOptions)>,
}

type Shared = State<Arc<Studio>>;

/// The page and the API, behind the token.
pub(crate) fn router(studio: Arc<Studio>) -> Router {
    Router::new()
        .route("/", get(page_html))
        .route("/api/schema", get(schema))
        .route("/api/rows", post(rows))
        .route("/api/apply", post(apply))
        .route("/api/sql", post(sql))
        .route("/api/migrations", get(migrations))
        .layer(axum::middleware::from_fn_with_state(studio.clone(), authorize))
        .with_state(studio)
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

/// Lets a request through only with the session's token: in the page's URL
/// (`?token=`), or as the API's `Authorization: Bearer` header.
async fn authorize(State(studio): Shared, Query(query): Query<TokenQuery>, request: Request, next: Next) -> Response {
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    let given = bearer.or(query.token.as_deref());
    if !given.is_some_and(|given| same(given.as_bytes(), studio.token.as_bytes())) {
        return (
            StatusCode::FORBIDDEN,
            "this studio needs the token in the URL it printed",
        )
            .into_response();
    }
    next.run(request).await
}

/// Compares in time that does not depend on where the two differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn page_html() -> impl IntoResponse {
    ([(header::CACHE_CONTROL, "no-store")], Html(include_str!("page.html")))
}

fn failure(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

impl Studio {
    fn table(&self, name: &str) -> Result<&Table, NoTable> {
        self.tables
            .iter()
            .find(|table| table.name == name)
            .ok_or_else(|| NoTable(name.to_owned()))
    }
}

/// A table the studio does not have, answered with a 404.
struct NoTable(String);

impl IntoResponse for NoTable {
    fn into_response(self) -> Response {
        failure(StatusCode::NOT_FOUND, format!("there is no table `{}`", self.0))
    }
}

/// The tables, with their row counts.
async fn schema(State(studio): Shared) -> Response {
    let mut conn = studio.conn.lock().await;
    let mut tables = Vec::new();
    for table in &studio.tables {
        let mut count = super::query::Writer::new(studio.dialect);
        // Read as text, as every value the studio reads.
        count.push(match studio.dialect {
            DialectKind::Pg => "SELECT count(*)::text FROM ",
            _ => "SELECT CAST(count(*) AS CHAR(20)) FROM ",
        });
        count.table(&table.sql_name);
        let count = count.finish();
        let rows = match fetch(&mut conn, &count).await {
            Ok(rows) => rows
                .first()
                .and_then(|row| row[0].clone())
                .and_then(|n| n.parse::<u64>().ok()),
            Err(_) => None,
        };
        let mut table = serde_json::to_value(table).unwrap_or_default();
        table["rows"] = json!(rows);
        tables.push(table);
    }
    let dialect = match studio.dialect {
        DialectKind::Pg => "postgresql",
        DialectKind::MySql => "mysql",
        DialectKind::Sqlite => "sqlite",
    };
    Json(json!({ "dialect": dialect, "tables": tables, "validated": studio.check.is_some() })).into_response()
}

#[derive(Deserialize)]
struct RowsRequest {
    table: String,
    #[serde(flatten)]
    page: PageRequest,
}

/// A page of a table's rows, and the cursor of the next.
async fn rows(State(studio): Shared, Json(request): Json<RowsRequest>) -> Response {
    let table = match studio.table(&request.table) {
        Ok(table) => table,
        Err(missing) => return missing.into_response(),
    };
    let key = table.key_cols();
    let sql = match page(studio.dialect, &table.sql_name, &table.cols(), &key, &request.page) {
        Ok(sql) => sql,
        Err(message) => return failure(StatusCode::BAD_REQUEST, message),
    };
    let rows = match fetch(&mut *studio.conn.lock().await, &sql).await {
        Ok(rows) => rows,
        Err(message) => return failure(StatusCode::BAD_REQUEST, message),
    };
    let limit = request.page.limit.unwrap_or(50).clamp(1, 500) as usize;
    // The next page starts after the last row: its sort value, then its key.
    let next = (rows.len() == limit).then(|| {
        let last = rows.last().expect("a full page has a last row");
        let position = |name: &str| table.columns.iter().position(|column| column.name == name);
        let mut cursor = Vec::new();
        if let Some(sort) = request.page.sort.as_deref() {
            if !(key.len() == 1 && key[0].name == sort) {
                cursor.push(position(sort).and_then(|i| last[i].clone()));
            }
        }
        cursor.extend(
            key.iter()
                .map(|column| position(&column.name).and_then(|i| last[i].clone())),
        );
        cursor
    });
    let grid = Grid {
        columns: table.columns.iter().map(|column| column.name.clone()).collect(),
        rows,
        changed: None,
    };
    Json(json!({ "columns": grid.columns, "rows": grid.rows, "next": next })).into_response()
}

#[derive(Deserialize)]
struct ApplyRequest {
    changes: Vec<Change>,
}

/// Staged edits: each checked by the table's validators (when the studio has them), then
/// all applied in one transaction, or none.
async fn apply(State(studio): Shared, Json(request): Json<ApplyRequest>) -> Response {
    let mut problems: Vec<FieldError> = Vec::new();
    let mut statements = Vec::new();
    for (index, change) in request.changes.iter().enumerate() {
        let table = match studio.table(&change.table) {
            Ok(table) => table,
            Err(missing) => return missing.into_response(),
        };
        if let (Some(check), "insert" | "update") = (&studio.check, change.op.as_str()) {
            for (field, message) in check(&table.name, change.op == "insert", &change.values) {
                problems.push(FieldError {
                    change: index,
                    field,
                    message,
                });
            }
        }
        match statement(studio.dialect, table, change) {
            Ok(sql) => statements.push(sql),
            Err(message) => problems.push(FieldError {
                change: index,
                field: String::new(),
                message,
            }),
        }
    }
    if !problems.is_empty() {
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(json!({ "errors": problems }))).into_response();
    }
    let mut conn = studio.conn.lock().await;
    if let Err(message) = conn.begin().await {
        return failure(StatusCode::INTERNAL_SERVER_ERROR, message);
    }
    let mut changed = Vec::new();
    for (index, sql) in statements.iter().enumerate() {
        match execute(&mut conn, sql).await {
            Ok(count) => changed.push(count),
            Err(message) => {
                let _ = conn.execute("ROLLBACK").await;
                let error = FieldError {
                    change: index,
                    field: String::new(),
                    message,
                };
                return (StatusCode::CONFLICT, Json(json!({ "errors": [error] }))).into_response();
            }
        }
    }
    match conn.execute("COMMIT").await {
        Ok(()) => Json(json!({ "changed": changed })).into_response(),
        Err(message) => failure(StatusCode::CONFLICT, message),
    }
}

#[derive(Deserialize)]
struct SqlRequest {
    sql: String,
    #[serde(default)]
    explain: bool,
}

/// The SQL console: a statement typed in, or its plan.
async fn sql(State(studio): Shared, Json(request): Json<SqlRequest>) -> Response {
    let text = match (request.explain, studio.dialect) {
        (false, _) => request.sql.clone(),
        (true, DialectKind::Sqlite) => format!("EXPLAIN QUERY PLAN {}", request.sql),
        (true, _) => format!("EXPLAIN {}", request.sql),
    };
    match console(&mut *studio.conn.lock().await, &text).await {
        Ok(grid) => Json(json!(grid)).into_response(),
        Err(message) => failure(StatusCode::BAD_REQUEST, message),
    }
}

/// The migrations, applied and pending, and how the database differs from the schema.
async fn migrations(State(studio): Shared) -> Response {
    let Some((dir, options)) = &studio.migrations else {
        return Json(json!({ "migrations": null, "drift": null })).into_response();
    };
    let migrations = match crate::migrations::files::load(dir) {
        Ok(migrations) => migrations,
        Err(message) => return failure(StatusCode::INTERNAL_SERVER_ERROR, message),
    };
    let states = match status(&studio.url, &migrations, options).await {
        Ok(states) => states,
        Err(message) => return failure(StatusCode::INTERNAL_SERVER_ERROR, message),
    };
    let listed: Vec<Value> = states
        .iter()
        .map(|(name, state)| {
            let state = match state {
                MigrationState::Applied => "applied".to_owned(),
                MigrationState::Pending => "pending".to_owned(),
                MigrationState::Changed => "changed since applied".to_owned(),
                MigrationState::Missing => "applied, file missing".to_owned(),
                MigrationState::Interrupted(done) => format!("stopped after {done} statements"),
            };
            json!({ "name": name, "state": state })
        })
        .collect();
    let drift = match &studio.schema {
        Some(schema) => match crate::drift::plan(&studio.url, schema, &options.table).await {
            Ok(plan) => json!(plan.statements),
            Err(message) => json!([format!("(the drift could not be read: {message})")]),
        },
        None => Value::Null,
    };
    Json(json!({ "migrations": listed, "drift": drift })).into_response()
}
