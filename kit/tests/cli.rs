//! The installed `mizzle` command: export, check, status and migrate, in words and JSON.

use std::process::Command;

fn mizzle(args: &[&str]) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_mizzle")).args(args).output().unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_exports_checks_migrates_and_reports_in_json() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/migrations");
    let (ok, ddl, _) = mizzle(&["export", "--dir", fixture]);
    assert!(ok);
    assert!(
        ddl.starts_with("CREATE TABLE `users` (\n  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,"),
        "{ddl}"
    );
    let (ok, text, _) = mizzle(&["check", "--dir", fixture]);
    assert!(ok && text.contains("chain one after the other"), "{text}");

    let scratch = std::env::temp_dir().join(format!("mizzle_kit_cli_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let db = scratch.join("app.db");
    let url = db.to_string_lossy().into_owned();
    let (ok, json, _) = mizzle(&["migrate", "--dir", fixture, "--url", &url, "--output", "json"]);
    assert!(ok, "{json}");
    assert_eq!(
        json.trim(),
        r#"{"already":0,"applied":["20261202000000_init"],"ok":true}"#
    );
    let (ok, json, _) = mizzle(&["status", "--dir", fixture, "--url", &url, "--output", "json"]);
    assert!(ok);
    assert_eq!(
        json.trim(),
        r#"{"migrations":[{"name":"20261202000000_init","state":"applied"}],"ok":true}"#
    );
    // `generate` needs the application's schema: the installed command says where to run it.
    let (ok, _, error) = mizzle(&["generate", "--dir", fixture]);
    assert!(!ok);
    assert!(error.contains("generate reads your Rust schema"), "{error}");
    // No database given: the error says how to give one.
    let (ok, _, error) = mizzle(&["migrate", "--dir", fixture, "--config", "/nonexistent/mizzle.toml"]);
    assert!(!ok);
    assert!(
        error.contains("no database: give --url, or `url` or `url_env` in mizzle.toml"),
        "{error}"
    );
}
