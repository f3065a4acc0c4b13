//! An HTTP API whose request validation, responses and OpenAPI document all come from the
//! tables: `POST /users` validates with the insert validator (422 with every problem),
//! `GET /users` answers rows of a query checked by its row validator, and
//! `GET /openapi.json` serves the OpenAPI 3.1 document.
//!
//! `cargo run --example openapi_server` starts it on a free port, calls each route once
//! and prints what they answer; `cargo run --example openapi_server -- --serve` keeps
//! serving on 127.0.0.1:3000.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use mizzle::prelude::*;
use mizzle::sqlite::*;
use mizzle::validate::{component_ref, OpenApi, RowShape, RowValidator, Rule, Validator};
use mizzle::{create_table, insert, select};
use serde_json::{json, Value};
use std::sync::Arc;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

mizzle::table! {
    /// People with an account.
    pub users in Sqlite {
        id: Integer [primary_key],
        email: Text [not_null, unique],
        name: Text [not_null],
        plan: Text [not_null, default("free")],
    }
}

/// What every handler shares: the database and the validator, built once.
struct App {
    db: AsyncDatabase,
    signup: Validator<users::table, mizzle::validate::Insert>,
    document: Value,
}

/// The query whose rows `GET /users` answers with, written once for the handler and the
/// document.
macro_rules! listing {
    () => {
        select((users::id, users::name, users::plan))
            .from(users::table)
            .order_by(users::id)
    };
}

fn signup_validator() -> Result<Validator<users::table, mizzle::validate::Insert>, Box<dyn std::error::Error>> {
    Ok(Validator::<users::table, _>::insert()
        .refine(users::email, Rule::pattern("^[^@ ]+@[^@ ]+$")?)
        .refine(users::plan, Rule::one_of(["free", "team"])))
}

fn document(signup: &Validator<users::table, mizzle::validate::Insert>) -> Value {
    let rows = RowValidator::of(&listing!());
    OpenApi::new("Accounts", "1.0.0")
        .table::<users::table>()
        .validator("Signup", signup)
        .rows("UserListing", &rows)
        .path(
            "/users",
            json!({
                "get": {"responses": {"200": {"description": "every user",
                    "content": {"application/json": {"schema": {"type": "array", "items": component_ref("UserListing")}}}}}},
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": component_ref("Signup")}}},
                    "responses": {
                        "201": {"description": "created"},
                        "422": {"description": "every problem with the body, each with a pointer, a code and its parameters"}
                    }
                }
            }),
        )
        .to_json()
}

async fn list_users(State(app): State<Arc<App>>) -> Response {
    let query = listing!();
    let shape = RowShape::of(&query);
    match query.all(&app.db).await {
        Ok(rows) => Json(
            rows.iter()
                .map(|row| Value::Object(shape.to_json(row)))
                .collect::<Vec<_>>(),
        )
        .into_response(),
        Err(error) => (StatusCode::INTERNAL_SERVER_ERROR, error.to_string()).into_response(),
    }
}

async fn create_user(State(app): State<Arc<App>>, body: String) -> Response {
    let record = match app.signup.validate_str(&body) {
        Ok(record) => record,
        Err(errors) => return (StatusCode::UNPROCESSABLE_ENTITY, Json(errors.to_json())).into_response(),
    };
    match insert(users::table).values(record).execute(&app.db).await {
        Ok(_) => StatusCode::CREATED.into_response(),
        Err(error) => (StatusCode::CONFLICT, error.to_string()).into_response(),
    }
}

async fn openapi(State(app): State<Arc<App>>) -> Json<Value> {
    Json(app.document.clone())
}

/// One HTTP/1.1 request, answered with the status line and the body.
async fn call(address: std::net::SocketAddr, method: &str, path: &str, body: &str) -> std::io::Result<String> {
    let mut stream = tokio::net::TcpStream::connect(address).await?;
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    let status = answer.lines().next().unwrap_or_default().to_owned();
    let body = answer.split_once("\r\n\r\n").map_or("", |(_, body)| body);
    Ok(format!("{status}\n{body}"))
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = AsyncDatabase::connect(":memory:")?;
    db.execute_sql(&create_table(users::table)?).await?;
    let signup = signup_validator()?;
    let document = document(&signup);
    let app = Arc::new(App { db, signup, document });
    let router = Router::new()
        .route("/users", get(list_users).post(create_user))
        .route("/openapi.json", get(openapi))
        .with_state(app);

    let serve = std::env::args().any(|arg| arg == "--serve");
    let listener = tokio::net::TcpListener::bind(if serve { "127.0.0.1:3000" } else { "127.0.0.1:0" }).await?;
    let address = listener.local_addr()?;
    if serve {
        println!("serving on http://{address} (GET /users, POST /users, GET /openapi.json)");
        axum::serve(listener, router).await?;
        return Ok(());
    }
    tokio::spawn(async move { axum::serve(listener, router).await });
    let good = r#"{"email": "ada@example.com", "name": "Ada"}"#;
    println!("POST /users {good}\n{}\n", call(address, "POST", "/users", good).await?);
    let bad = r#"{"email": "nobody", "name": "Bob", "plan": "gold", "name": "Rob"}"#;
    println!("POST /users {bad}\n{}\n", call(address, "POST", "/users", bad).await?);
    println!("GET /users\n{}\n", call(address, "GET", "/users", "").await?);
    let answer = call(address, "GET", "/openapi.json", "").await?;
    println!("GET /openapi.json\n{}", answer.lines().next().unwrap_or_default());
    let body = answer.split_once('\n').map_or("", |(_, body)| body);
    let served: Value = serde_json::from_str(body)?;
    let names: Vec<&String> = served["components"]["schemas"]
        .as_object()
        .map(|s| s.keys().collect())
        .unwrap_or_default();
    println!("components: {names:?}");
    Ok(())
}
