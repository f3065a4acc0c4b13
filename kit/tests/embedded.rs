//! Migrations compiled into the application, applied at start-up.

include!("fixtures/migrations/embedded.rs");

#[tokio::test]
async fn the_application_applies_its_embedded_migrations_once() {
    let dir = std::env::temp_dir().join(format!("mizzle_kit_embedded_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let url = dir.join("app.db").to_string_lossy().into_owned();
    let first = mizzle_kit::migrate_embedded(&url, MIGRATIONS).await.unwrap();
    assert_eq!(first.done, ["20261202000000_init"]);
    let second = mizzle_kit::migrate_embedded(&url, MIGRATIONS).await.unwrap();
    assert_eq!((second.done.len(), second.already), (0, 1));
    let db = rusqlite::Connection::open(&url).unwrap();
    let tables: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users', 'posts')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 2);
}
