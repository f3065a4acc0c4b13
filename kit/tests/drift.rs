//! Drift and push against the real servers: a database made from the schema has no drift;
//! a change made by hand is found, listed as the statements that undo it, and pushed away.

mod support;

use mizzle_dsl::schema::model::SchemaModel;
use mizzle_kit::apply::connect;
use mizzle_kit::drift::{drift, plan, push};
use mizzle_kit::{MigrateOptions, Migration};
use mizzle_test_schema::Mood;

macro_rules! shop {
    ($module:ident, $dialect:ident, $d:ty, $int:ty, $text:ty, $name:ty, $money:ty, $flag:ty, $mood:ty) => {
        mod $module {
            use super::Mood;
            use mizzle_dsl::$dialect::*;
            mizzle_dsl::table! {
                pub customers in $d {
                    id: $int [primary_key],
                    email: $name [not_null, unique],
                    name: $name [not_null, default("anonymous")],
                    mood: $mood,
                    vip: $flag [not_null, default(false)],
                }
                define |t| {
                    t.index("customers_name_idx").on(name);
                }
            }
            mizzle_dsl::table! {
                pub orders in $d {
                    id: $int [primary_key],
                    customer_id: $int [not_null, references(customers::id), on_delete(Cascade)],
                    total: $money [not_null],
                    note: $text,
                }
                define |t| {
                    t.check("orders_total_positive", total.ge(0));
                    t.index("orders_customer_idx").on(customer_id);
                }
            }
            mizzle_dsl::table! {
                pub order_tags in $d {
                    order_id: $int [not_null, references(orders::id)],
                    tag: $name [not_null],
                }
                define |t| {
                    t.primary_key((order_id, tag));
                }
            }
            pub fn schema() -> mizzle_dsl::schema::model::SchemaModel {
                mizzle_dsl::schema::Schema::new()
                    .table(customers::table)
                    .table(orders::table)
                    .table(order_tags::table)
                    .model()
                    .unwrap()
            }
        }
    };
}

shop!(pg_shop, pg, Pg, Integer, Text, Varchar<80>, Numeric<10, 2>, Boolean, Enum<Mood>);
shop!(my_shop, mysql, MySql, Int, Text, Varchar<80>, Decimal<10, 2>, Boolean, Enum<Mood>);
shop!(
    lite_shop,
    sqlite,
    Sqlite,
    Integer,
    Text,
    Text,
    Numeric,
    IntegerBool,
    TextEnum<Mood>
);

/// Creates the schema's tables at `url`, as a first migration would.
async fn create(url: &str, schema: &SchemaModel) {
    let mut conn = connect(url).await.unwrap();
    for statement in mizzle_dsl::schema::ddl_writer::create_statements(schema) {
        conn.execute(&statement).await.unwrap();
    }
}

async fn scenario(dialect: &str, schema: SchemaModel, by_hand: &[&str], expected: &[&str], warned: usize) {
    let Some(url) = support::database(dialect, &format!("drift_{}", dialect.replace("ql", ""))).await else {
        return;
    };
    let options = MigrateOptions::default();
    create(&url, &schema).await;
    let none = drift(&url, &schema, &[], &options).await.unwrap();
    assert!(
        none.is_empty(),
        "{dialect}: a database made from the schema drifted:\n{none}"
    );

    let mut conn = connect(&url).await.unwrap();
    for statement in by_hand {
        conn.execute(statement).await.unwrap();
    }
    let found = plan(&url, &schema, &options.table).await.unwrap();
    assert_eq!(found.statements, expected, "{dialect}");
    assert_eq!(found.warnings.len(), warned, "{dialect}: {:?}", found.warnings);
    push(&url, &found).await.unwrap();
    let after = drift(&url, &schema, &[], &options).await.unwrap();
    assert!(after.is_empty(), "{dialect}: drift after push:\n{after}");

    // The journal: a migration that was never applied is drift too.
    let pending = Migration::new("20260101000000_init".to_owned(), "SELECT 1;".to_owned(), None);
    let journal = drift(&url, &schema, &[pending], &options).await.unwrap();
    assert_eq!(journal.journal, ["Migration 20260101000000_init is not applied."]);
}

#[tokio::test]
async fn postgres_drift_is_found_listed_and_pushed_away() {
    scenario(
        "postgresql",
        pg_shop::schema(),
        &[
            "ALTER TABLE customers ADD COLUMN phone text",
            "DROP INDEX customers_name_idx",
            "ALTER TABLE orders ALTER COLUMN note SET NOT NULL",
            "ALTER TABLE orders DROP CONSTRAINT orders_total_positive",
        ],
        &[
            "ALTER TABLE \"orders\" ALTER COLUMN \"note\" DROP NOT NULL;",
            "CREATE INDEX \"customers_name_idx\" ON \"customers\" (name);",
            "ALTER TABLE \"orders\" ADD CONSTRAINT \"orders_total_positive\" CHECK ((total >= (0)::numeric));",
            "ALTER TABLE \"customers\" DROP COLUMN \"phone\";",
        ],
        1,
    )
    .await;
}

#[tokio::test]
async fn mysql_drift_is_found_listed_and_pushed_away() {
    scenario(
        "mysql",
        my_shop::schema(),
        &[
            "ALTER TABLE customers ADD COLUMN phone text",
            "DROP INDEX customers_name_idx ON customers",
        ],
        &[
            "CREATE INDEX `customers_name_idx` ON `customers` (`name`);",
            "ALTER TABLE `customers` DROP COLUMN `phone`;",
        ],
        1,
    )
    .await;
}

#[tokio::test]
async fn sqlite_drift_is_found_listed_and_pushed_away() {
    scenario(
        "sqlite",
        lite_shop::schema(),
        &[
            "ALTER TABLE customers ADD COLUMN phone text",
            "DROP INDEX customers_name_idx",
        ],
        &[
            "CREATE INDEX `customers_name_idx` ON `customers` (\"name\");",
            "ALTER TABLE `customers` DROP COLUMN `phone`;",
        ],
        1,
    )
    .await;
}

/// The commands, through an application's migrations binary (`run` with its schema).
mod commands {
    use clap::Parser;
    use mizzle_kit::cli::{run, Cli};
    use std::process::ExitCode;

    fn cli(args: &[&str]) -> Cli {
        Cli::parse_from(std::iter::once("migrations").chain(args.iter().copied()))
    }

    #[test]
    fn push_creates_the_schema_refuses_data_loss_without_force_and_check_finds_drift() {
        let dir = super::support::scratch("drift_commands");
        let db = dir.join("app.db");
        let (m, u) = (dir.join("migrations"), db.to_string_lossy().into_owned());
        let m = m.to_string_lossy().into_owned();
        let schema = super::lite_shop::schema();
        let args = |extra: &[&'static str]| {
            let mut args = vec!["--dir", m.as_str(), "--url", u.as_str()];
            args.extend_from_slice(extra);
            args
        };
        // Nothing there yet: a dry run prints the statements and runs none.
        assert_eq!(
            run(
                cli(&[&["push", "--dry-run"][..], &args(&[])].concat()),
                Some(schema.clone())
            ),
            ExitCode::SUCCESS
        );
        let tables = |db: &std::path::Path| {
            let conn = rusqlite::Connection::open(db).unwrap();
            let mut statement = conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .unwrap();
            let names = statement.query_map([], |r| r.get::<_, String>(0)).unwrap();
            names.collect::<Result<Vec<_>, _>>().unwrap()
        };
        assert!(tables(&db).is_empty());
        assert_eq!(
            run(cli(&[&["push"][..], &args(&[])].concat()), Some(schema.clone())),
            ExitCode::SUCCESS
        );
        assert_eq!(tables(&db), ["customers", "order_tags", "orders"]);
        assert_eq!(
            run(
                cli(&[&["check", "--database"][..], &args(&[])].concat()),
                Some(schema.clone())
            ),
            ExitCode::SUCCESS
        );

        // A column added by hand: drift, and pushing it away loses data, so --force.
        rusqlite::Connection::open(&db)
            .unwrap()
            .execute_batch("ALTER TABLE customers ADD COLUMN phone text")
            .unwrap();
        assert_eq!(
            run(
                cli(&[&["check", "--database"][..], &args(&[])].concat()),
                Some(schema.clone())
            ),
            ExitCode::FAILURE
        );
        assert_eq!(
            run(cli(&[&["push"][..], &args(&[])].concat()), Some(schema.clone())),
            ExitCode::FAILURE
        );
        assert_eq!(
            run(
                cli(&[&["push", "--force"][..], &args(&[])].concat()),
                Some(schema.clone())
            ),
            ExitCode::SUCCESS
        );
        assert_eq!(
            run(cli(&[&["check", "--database"][..], &args(&[])].concat()), Some(schema)),
            ExitCode::SUCCESS
        );
    }
}
