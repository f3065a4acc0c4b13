//! The migration lint: each risky statement found with its risk and safe sequence, the
//! safe sequences themselves passing the lint and running on the real servers, and
//! acknowledgements.

mod support;

use mizzle_dsl::schema::model::SchemaModel;
use mizzle_dsl::schema::Schema;
use mizzle_kit::lint::{lint_dir, lint_migration, Finding, History, Rule};
use mizzle_kit::migrations::files;
use mizzle_kit::{migrate, MigrateOptions, Migration};

mod pg_tables {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub accounts in Pg {
            id: Serial [primary_key],
            email: Varchar<100> [not_null],
            nick: Varchar<20>,
            note: Text,
            owner_id: Integer,
        }
    }
}
mod my_tables {
    use mizzle_dsl::mysql::*;
    mizzle_dsl::table! {
        pub accounts in MySql {
            id: Serial [primary_key],
            email: Varchar<40> [not_null],
            nick: Varchar<20>,
            owner_id: BigIntUnsigned,
        }
    }
}
mod lite_tables {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub accounts in Sqlite {
            id: Integer [primary_key],
            nick: Text,
        }
    }
}

fn pg_model() -> SchemaModel {
    Schema::new().table(pg_tables::accounts::table).model().unwrap()
}

fn my_model() -> SchemaModel {
    Schema::new().table(my_tables::accounts::table).model().unwrap()
}

/// The findings of one migration's statements (joined with breakpoints), before which the
/// schema is `before` and which the code still reads.
fn lint(before: &SchemaModel, statements: &[&str]) -> Vec<Finding> {
    let up = statements.join(&format!("\n{}\n", files::BREAKPOINT));
    lint_migration("m", &up, before, before, &mut History::default()).unwrap()
}

fn rules(findings: &[Finding]) -> Vec<(usize, Rule, bool)> {
    findings.iter().map(|f| (f.statement, f.rule, f.acknowledged)).collect()
}

#[test]
fn postgres_statements_that_lock_rewrite_or_lose_data_are_found() {
    let findings = lint(
        &pg_model(),
        &[
            r#"ALTER TABLE "accounts" ALTER COLUMN "nick" SET DATA TYPE varchar(40) USING "nick"::varchar(40);"#,
            r#"ALTER TABLE "accounts" ALTER COLUMN "nick" SET DATA TYPE integer USING "nick"::integer;"#,
            r#"ALTER TABLE "accounts" ALTER COLUMN "nick" SET NOT NULL;"#,
            r#"CREATE INDEX "accounts_nick_idx" ON "accounts" ("nick");"#,
            r#"CREATE INDEX CONCURRENTLY "accounts_email_idx" ON "accounts" ("email");"#,
            r#"ALTER TABLE "accounts" ADD CONSTRAINT "accounts_id_check" CHECK ("id" > 0);"#,
            r#"ALTER TABLE "accounts" ADD CONSTRAINT "accounts_owner_fk" FOREIGN KEY ("owner_id") REFERENCES "accounts"("id") NOT VALID;"#,
            r#"ALTER TABLE "accounts" ADD COLUMN "token" uuid DEFAULT gen_random_uuid();"#,
            r#"ALTER TABLE "accounts" ADD COLUMN "plan" text DEFAULT 'free' NOT NULL;"#,
            r#"ALTER TABLE "accounts" RENAME COLUMN "note" TO "notes";"#,
            r#"ALTER TABLE "accounts" DROP COLUMN "nick";"#,
            "CREATE TABLE \"fresh\" (\n  \"x\" integer\n);",
            r#"CREATE INDEX "fresh_x_idx" ON "fresh" ("x");"#,
            "-- mizzle: allow blocking-index (the table has ten rows)\nCREATE INDEX \"accounts_note_idx\" ON \"accounts\" (\"note\");",
            r#"ALTER TABLE "accounts" ADD CONSTRAINT "accounts_email_key" UNIQUE ("email");"#,
            r#"DROP INDEX "accounts_nick_idx";"#,
            r#"DROP TABLE "accounts";"#,
        ],
    );
    assert_eq!(
        rules(&findings),
        [
            (2, Rule::RewritesTable, false),
            (3, Rule::SetNotNull, false),
            (4, Rule::BlockingIndex, false),
            (6, Rule::ValidatingConstraint, false),
            (8, Rule::VolatileDefault, false),
            (10, Rule::Rename, false),
            (11, Rule::DropColumn, false),
            (14, Rule::BlockingIndex, true),
            (15, Rule::BlockingIndex, false),
            (16, Rule::BlockingIndex, false),
            (17, Rule::DropTable, false),
        ]
    );
    assert_eq!(
        findings[1].to_string(),
        "m statement 3 [set-not-null]: SET NOT NULL reads every row of `accounts` under an ACCESS EXCLUSIVE \
         lock: reads and writes wait\n  ALTER TABLE \"accounts\" ALTER COLUMN \"nick\" SET NOT NULL;\n  safer: in one \
         migration: ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_nick_not_null\" CHECK (\"nick\" IS NOT NULL) \
         NOT VALID; in the next: ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_nick_not_null\"; (rows are \
         read without blocking writes) and then ALTER TABLE \"accounts\" ALTER COLUMN \"nick\" SET NOT NULL; \
         (PostgreSQL 12+ takes the validated check as proof) ALTER TABLE \"accounts\" DROP CONSTRAINT \
         \"accounts_nick_not_null\";"
    );
    assert_eq!(
        findings[0].risk,
        "changing `accounts.nick` from varchar(20) to integer rewrites the table and its indexes under an ACCESS \
         EXCLUSIVE lock"
    );
    assert_eq!(
        findings[6].risk,
        "drops `accounts.nick` and its values, and the schema the code reads still has it: every query that selects \
         it will fail"
    );
}

#[test]
fn mysql_statements_that_copy_the_table_or_block_writes_are_found() {
    let findings = lint(
        &my_model(),
        &[
            "ALTER TABLE `accounts` MODIFY COLUMN `nick` varchar(40);",
            "ALTER TABLE `accounts` MODIFY COLUMN `nick` varchar(100);",
            "ALTER TABLE `accounts` MODIFY COLUMN `nick` varchar(20) NOT NULL;",
            "ALTER TABLE `accounts` MODIFY COLUMN `email` varchar(40) NOT NULL DEFAULT 'x';",
            "CREATE INDEX `accounts_nick_idx` ON `accounts` (`nick`);",
            "CREATE INDEX `accounts_email_idx` ON `accounts` (`email`) ALGORITHM=INPLACE LOCK=NONE;",
            "ALTER TABLE `accounts` ADD CONSTRAINT `accounts_owner_fk` FOREIGN KEY (`owner_id`) REFERENCES `accounts`(`id`);",
            "ALTER TABLE `accounts` RENAME COLUMN `nick` TO `handle`;",
            "ALTER TABLE `accounts` DROP COLUMN `owner_id`;",
        ],
    );
    assert_eq!(
        rules(&findings),
        [
            (2, Rule::RewritesTable, false),
            (3, Rule::RewritesTable, false),
            (5, Rule::BlockingIndex, false),
            (7, Rule::ValidatingConstraint, false),
            (8, Rule::Rename, false),
            (9, Rule::DropColumn, false),
        ]
    );
    assert_eq!(
        findings[0].risk,
        "changing `accounts.nick` from varchar(20) to varchar(100) copies the whole table; writes wait until the copy \
         is done"
    );
    assert_eq!(
        findings[1].risk,
        "making `accounts.nick` NOT NULL copies the whole table; writes wait until the copy is done"
    );
}

#[test]
fn sqlite_migrations_are_linted_for_lost_data_and_renames_only() {
    let model = Schema::new().table(lite_tables::accounts::table).model().unwrap();
    let findings = lint(
        &model,
        &[
            r#"CREATE INDEX "accounts_nick_idx" ON "accounts" ("nick");"#,
            r#"ALTER TABLE "accounts" RENAME TO "people";"#,
            r#"ALTER TABLE "people" DROP COLUMN "nick";"#,
        ],
    );
    assert_eq!(
        rules(&findings),
        [(2, Rule::Rename, false), (3, Rule::DropColumn, false)]
    );
    // The code no longer has `people.nick`: the finding is about running code and data.
    assert!(findings[1]
        .risk
        .ends_with("code still running from the last release selects it and fails"));
}

/// Writes `migrations` (name, up) with the snapshot `model` after each into a folder.
fn folder(test: &str, model: &SchemaModel, migrations: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = support::scratch(test).join("migrations");
    for (name, up) in migrations {
        let path = dir.join(name);
        std::fs::create_dir_all(&path).unwrap();
        std::fs::write(path.join("up.sql"), up).unwrap();
        std::fs::write(path.join("snapshot.json"), files::snapshot_json(model)).unwrap();
    }
    dir
}

#[tokio::test]
async fn the_safe_postgres_sequences_pass_the_lint_and_run() {
    let Some(url) = support::database("postgresql", "lint_safe").await else {
        return;
    };
    let model = pg_model();
    let create = mizzle_dsl::schema::ddl_writer::create_statements(&model).join("\n");
    let migrations = [
        ("20260101000000_create", create.as_str()),
        (
            "20260102000000_not_valid",
            "ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_nick_not_null\" CHECK (\"nick\" IS NOT NULL) NOT VALID;\n\
             --> statement-breakpoint\n\
             ALTER TABLE \"accounts\" ADD CONSTRAINT \"accounts_owner_fk\" FOREIGN KEY (\"owner_id\") REFERENCES \"accounts\"(\"id\") NOT VALID;",
        ),
        (
            "20260103000000_validate",
            "ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_nick_not_null\";\n--> statement-breakpoint\n\
             ALTER TABLE \"accounts\" VALIDATE CONSTRAINT \"accounts_owner_fk\";\n--> statement-breakpoint\n\
             ALTER TABLE \"accounts\" ALTER COLUMN \"nick\" SET NOT NULL;\n--> statement-breakpoint\n\
             ALTER TABLE \"accounts\" DROP CONSTRAINT \"accounts_nick_not_null\";",
        ),
        (
            "20260104000000_index",
            "-- mizzle: no-transaction\nCREATE INDEX CONCURRENTLY \"accounts_email_idx\" ON \"accounts\" (\"email\");",
        ),
        (
            "20260105000000_default",
            "ALTER TABLE \"accounts\" ADD COLUMN \"plan\" text DEFAULT 'free' NOT NULL;\n--> statement-breakpoint\n\
             ALTER TABLE \"accounts\" ALTER COLUMN \"nick\" SET DATA TYPE varchar(40);",
        ),
    ];
    let dir = folder("lint_safe_pg", &model, &migrations);
    let findings = lint_dir(&dir, None).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    let loaded: Vec<Migration> = files::load(&dir).unwrap();
    let report = migrate(&url, &loaded, &MigrateOptions::default()).await.unwrap();
    assert_eq!(report.done.len(), 5);
}

#[tokio::test]
async fn the_safe_mysql_forms_pass_the_lint_and_run() {
    let Some(url) = support::database("mysql", "lint_safe").await else {
        return;
    };
    let model = my_model();
    let create = mizzle_dsl::schema::ddl_writer::create_statements(&model).join("\n");
    let migrations = [
        ("20260101000000_create", create.as_str()),
        (
            "20260102000000_online",
            "CREATE INDEX `accounts_email_idx` ON `accounts` (`email`) ALGORITHM=INPLACE LOCK=NONE;\n\
             --> statement-breakpoint\n\
             ALTER TABLE `accounts` MODIFY COLUMN `nick` varchar(60), ALGORITHM=INPLACE, LOCK=NONE;",
        ),
    ];
    let dir = folder("lint_safe_my", &model, &migrations);
    let findings = lint_dir(&dir, None).unwrap();
    assert!(findings.is_empty(), "{findings:#?}");
    let report = migrate(&url, &files::load(&dir).unwrap(), &MigrateOptions::default())
        .await
        .unwrap();
    assert_eq!(report.done.len(), 2);
}

#[test]
fn the_command_lints_and_check_fails_until_a_finding_is_acknowledged() {
    let model = pg_model();
    let create = mizzle_dsl::schema::ddl_writer::create_statements(&model).join("\n");
    let index = "CREATE INDEX \"accounts_nick_idx\" ON \"accounts\" (\"nick\");";
    let dir = folder(
        "lint_cli",
        &model,
        &[
            ("20260101000000_create", create.as_str()),
            ("20260102000000_index", index),
        ],
    );
    let dir_arg = dir.to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_mizzle"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.success(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
        )
    };
    let (ok, text) = run(&["lint", "--dir", &dir_arg]);
    assert!(!ok);
    assert!(
        text.starts_with(
            "20260102000000_index statement 1 [blocking-index]: CREATE INDEX blocks every write to `accounts` until \
             the index is built\n"
        ),
        "{text}"
    );
    assert!(text.trim_end().ends_with("1 finding(s), 0 acknowledged."), "{text}");
    let (ok, text) = run(&["check", "--dir", &dir_arg]);
    assert!(!ok && text.contains("[blocking-index]"), "{text}");
    std::fs::write(
        dir.join("20260102000000_index/up.sql"),
        format!("-- mizzle: allow blocking-index (a lookup table of ten rows)\n{index}"),
    )
    .unwrap();
    let (ok, text) = run(&["lint", "--dir", &dir_arg, "--output", "json"]);
    assert!(ok, "{text}");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["findings"][0]["rule"], "blocking-index");
    assert_eq!(json["findings"][0]["acknowledged"], true);
    let (ok, text) = run(&["check", "--dir", &dir_arg]);
    assert!(ok, "{text}");
}
