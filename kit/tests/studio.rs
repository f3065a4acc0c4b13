//! The studio's API on each database: the token, the tables and their links, pages by
//! keyset with sorting and filters, edits checked by the schema's validators and applied
//! in one transaction, and the SQL console.

mod studio_support;
mod support;

use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::schema::Schema;
use mizzle_kit::apply::connect;
use mizzle_kit::studio::{start, Studio, StudioOptions};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Sends one request to the studio: its status and JSON body.
async fn call(studio: &Studio, method: &str, path: &str, token: Option<&str>, body: Option<Value>) -> (u16, Value) {
    let mut stream = tokio::net::TcpStream::connect(studio.address).await.unwrap();
    let body = body.map(|b| b.to_string()).unwrap_or_default();
    let auth = token
        .map(|t| format!("Authorization: Bearer {t}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: studio\r\n{auth}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    let (head, body) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (
        status,
        serde_json::from_str(body).unwrap_or(Value::String(body.to_owned())),
    )
}

/// The scenario on one database, its tables declared in `$schema`.
async fn scenario<D: Dialect>(dialect: &str, schema: Schema<D>) {
    let test = format!("studio_{dialect}");
    let Some(url) = support::database(dialect, &test).await else {
        return;
    };
    let studio = studio_support::studio_on(&url, &schema).await;
    assert!(studio.address.ip().is_loopback());
    let token = Some(studio.token.as_str());

    // Nothing without the token.
    assert_eq!(call(&studio, "GET", "/api/schema", None, None).await.0, 403);
    assert_eq!(call(&studio, "GET", "/api/schema", Some("guess"), None).await.0, 403);
    let (status, _) = call(&studio, "GET", &format!("/?token={}", studio.token), None, None).await;
    assert_eq!(status, 200);

    // The tables, their row counts and links both ways.
    let (status, schema_json) = call(&studio, "GET", "/api/schema", token, None).await;
    assert_eq!(status, 200, "{schema_json}");
    let users = schema_json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "users")
        .unwrap();
    let posts = schema_json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "posts")
        .unwrap();
    assert_eq!(users["rows"], 4);
    assert_eq!(users["key"], json!(["id"]));
    assert_eq!(
        posts["references"],
        json!([{ "table": "users", "columns": ["user_id"], "other_columns": ["id"] }])
    );
    assert_eq!(
        users["referenced_by"],
        json!([{ "table": "posts", "columns": ["id"], "other_columns": ["user_id"] }])
    );
    assert_eq!(schema_json["validated"], true);

    // Pages by key, then after the last row shown.
    let page = |body: Value| call(&studio, "POST", "/api/rows", token, Some(body));
    let (status, first) = page(json!({ "table": "users", "limit": 2 })).await;
    assert_eq!(status, 200, "{first}");
    assert_eq!(first["rows"], json!([["1", "Ada", "36"], ["2", "Grace", null]]));
    assert_eq!(first["next"], json!(["2"]));
    let (_, second) = page(json!({ "table": "users", "limit": 2, "after": first["next"] })).await;
    assert_eq!(second["rows"], json!([["3", "Alan", "41"], ["4", "Barbara", "9"]]));
    // Sorted on a nullable column by value (9 after 36, where text would put it first),
    // descending, NULLs last, across pages.
    let (_, by_age) = page(json!({ "table": "users", "limit": 3, "sort": "age", "desc": true })).await;
    assert_eq!(
        by_age["rows"],
        json!([["3", "Alan", "41"], ["1", "Ada", "36"], ["4", "Barbara", "9"]])
    );
    assert_eq!(by_age["next"], json!(["9", "4"]));
    let (_, rest) =
        page(json!({ "table": "users", "limit": 3, "sort": "age", "desc": true, "after": by_age["next"] })).await;
    assert_eq!(rest["rows"], json!([["2", "Grace", null]]));
    assert_eq!(rest["next"], Value::Null);
    // Filters, typed by the column.
    let (_, filtered) = page(json!({ "table": "users", "filters": [
        { "column": "name", "op": "contains", "value": "a" },
        { "column": "age", "op": "ge", "value": "30" },
    ] }))
    .await;
    assert_eq!(filtered["rows"], json!([["1", "Ada", "36"], ["3", "Alan", "41"]]));
    let (_, nulls) = page(json!({ "table": "users", "filters": [{ "column": "age", "op": "null" }] })).await;
    assert_eq!(nulls["rows"], json!([["2", "Grace", null]]));
    let (status, refused) = page(json!({ "table": "users", "sort": "nope" })).await;
    assert_eq!(
        (status, refused["error"].as_str()),
        (400, Some("`users` has no column `nope`"))
    );

    // Edits are checked by the schema's validators first: nothing is sent.
    let apply = |changes: Value| {
        call(
            &studio,
            "POST",
            "/api/apply",
            token,
            Some(json!({ "changes": changes })),
        )
    };
    let (status, refused) = apply(json!([
        { "table": "users", "op": "update", "key": { "id": "1" }, "values": { "name": null } },
        { "table": "users", "op": "insert", "values": { "id": "5", "age": "x" } },
    ]))
    .await;
    assert_eq!(status, 422, "{refused}");
    let fields: Vec<(u64, &str)> = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["change"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert!(
        fields.contains(&(0, "name")) && fields.contains(&(1, "name")) && fields.contains(&(1, "age")),
        "{refused}"
    );
    // A valid set of edits is applied in one transaction.
    let (status, applied) = apply(json!([
        { "table": "users", "op": "update", "key": { "id": "2" }, "values": { "name": "Grace H.", "age": "85" } },
        { "table": "users", "op": "insert", "values": { "id": "5", "name": "Edsger", "age": "72" } },
        { "table": "posts", "op": "delete", "key": { "id": "12" } },
    ]))
    .await;
    assert_eq!((status, &applied), (200, &json!({ "changed": [1, 1, 1] })));
    let read = mizzle_kit_rows(&url, "SELECT name FROM users WHERE id = 2").await;
    assert_eq!(read, "Grace H.");
    // One edit the database refuses undoes the others.
    let (status, conflict) = apply(json!([
        { "table": "users", "op": "update", "key": { "id": "1" }, "values": { "name": "Ada L." } },
        { "table": "users", "op": "insert", "values": { "id": "3", "name": "Again" } },
    ]))
    .await;
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict["errors"][0]["change"], 1);
    assert_eq!(
        mizzle_kit_rows(&url, "SELECT name FROM users WHERE id = 1").await,
        "Ada"
    );

    // The SQL console, and a plan.
    let (status, result) = call(
        &studio,
        "POST",
        "/api/sql",
        token,
        Some(json!({ "sql": "SELECT count(*) AS n FROM posts" })),
    )
    .await;
    assert_eq!(status, 200, "{result}");
    assert_eq!(
        (result["columns"].clone(), result["rows"].clone()),
        (json!(["n"]), json!([["2"]]))
    );
    let (status, plan) = call(
        &studio,
        "POST",
        "/api/sql",
        token,
        Some(json!({ "sql": "SELECT * FROM users WHERE id = 1", "explain": true })),
    )
    .await;
    assert_eq!(status, 200, "{plan}");
    assert!(!plan["rows"].as_array().unwrap().is_empty());
    let (status, error) = call(
        &studio,
        "POST",
        "/api/sql",
        token,
        Some(json!({ "sql": "SELECT * FROM nowhere" })),
    )
    .await;
    assert_eq!(status, 400);
    assert!(error["error"].as_str().unwrap().contains("nowhere"), "{error}");
    studio.stop();
}

/// The first value of the first row `sql` reads, through a connection of the test's own.
async fn mizzle_kit_rows(url: &str, sql: &str) -> String {
    let mut conn = connect(url).await.unwrap();
    let rows = conn.query_text(sql).await.unwrap();
    rows[0][0].clone().unwrap()
}

#[tokio::test]
async fn the_studio_browses_and_edits_postgres() {
    scenario("postgresql", studio_support::pg()).await;
}

#[tokio::test]
async fn the_studio_browses_and_edits_mysql() {
    scenario("mysql", studio_support::mysql()).await;
}

#[tokio::test]
async fn the_studio_browses_and_edits_sqlite() {
    scenario("sqlite", studio_support::sqlite()).await;
}

#[tokio::test]
async fn the_studio_lists_the_migrations_and_the_drift_from_the_schema() {
    use mizzle_kit::apply::{migrate, MigrateOptions};
    use mizzle_kit::migrations::{files, generate, GenerateOptions};
    let schema = studio_support::sqlite();
    let model = schema.model().unwrap();
    let url = support::database("sqlite", "studio_migrations").await.unwrap();
    let dir = support::scratch("studio_migrations_dir").join("migrations");
    let at = GenerateOptions {
        timestamp: Some("20260101000000".to_owned()),
        ..GenerateOptions::default()
    };
    generate(&dir, &model, &at).unwrap().unwrap();
    let migrations = files::load(&dir).unwrap();
    migrate(&url, &migrations, &MigrateOptions::default()).await.unwrap();
    // A column the schema does not have: drift.
    connect(&url)
        .await
        .unwrap()
        .execute("ALTER TABLE users ADD COLUMN nick text")
        .await
        .unwrap();
    let studio = start(StudioOptions {
        url,
        port: 0,
        schema: Some(model),
        check: None,
        migrations: Some((dir, MigrateOptions::default())),
    })
    .await
    .unwrap();
    let (status, listed) = call(&studio, "GET", "/api/migrations", Some(&studio.token), None).await;
    assert_eq!(status, 200, "{listed}");
    assert_eq!(
        listed["migrations"],
        json!([{ "name": migrations[0].name, "state": "applied" }])
    );
    let drift: Vec<String> = serde_json::from_value(listed["drift"].clone()).unwrap();
    assert!(drift.iter().any(|statement| statement.contains("nick")), "{drift:?}");
    // The journal is not one of the tables shown.
    let (_, tables) = call(&studio, "GET", "/api/schema", Some(&studio.token), None).await;
    let names: Vec<&str> = tables["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["users", "posts"]);
    studio.stop();
}

#[tokio::test]
async fn without_a_schema_the_studio_reads_the_tables_from_the_database() {
    let url = support::database("sqlite", "studio_introspected").await.unwrap();
    let mut conn = connect(&url).await.unwrap();
    conn.execute("CREATE TABLE tags (id integer PRIMARY KEY, label text NOT NULL); INSERT INTO tags VALUES (1, 'red')")
        .await
        .unwrap();
    let studio = start(StudioOptions {
        url,
        port: 0,
        ..StudioOptions::default()
    })
    .await
    .unwrap();
    let token = Some(studio.token.as_str());
    let (_, schema) = call(&studio, "GET", "/api/schema", token, None).await;
    assert_eq!(schema["validated"], false);
    assert_eq!(schema["tables"][0]["name"], "tags");
    assert_eq!(schema["tables"][0]["rows"], 1);
    let (_, rows) = call(&studio, "POST", "/api/rows", token, Some(json!({ "table": "tags" }))).await;
    assert_eq!(rows["rows"], json!([["1", "red"]]));
    studio.stop();
}
