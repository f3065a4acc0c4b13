//! Twenty-two successive schema versions, each generated from the last, applied up on each
//! database, then undone one by one down to an empty database.

mod support;

use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, ForeignKeyModel, IndexModel, SchemaModel, TableModel, UniqueModel,
};
use mizzle_kit::apply::{connect, down, migrate, status, MigrateOptions};
use mizzle_kit::diff::Renames;
use mizzle_kit::introspect;
use mizzle_kit::migrations::{files, generate, GenerateOptions};

fn column(name: &str, sql_type: &str, not_null: bool) -> ColumnModel {
    ColumnModel {
        name: name.to_owned(),
        sql_type: sql_type.to_owned(),
        not_null,
        primary_key: false,
        autoincrement: false,
        identity: None,
        default: None,
        generated: None,
        comment: None,
    }
}

fn table(name: &str) -> TableModel {
    let mut table = TableModel::named(None, name);
    let mut id = column("id", "integer", true);
    id.primary_key = true;
    table.columns.push(id);
    table
}

fn find<'a>(model: &'a mut SchemaModel, name: &str) -> &'a mut TableModel {
    model.tables.iter_mut().find(|t| t.name == name).unwrap()
}

/// The versions, each a change to the one before, with the renames it declares.
fn versions(kind: DialectKind) -> Vec<(SchemaModel, Renames)> {
    let text = |n: u32| format!("varchar({n})");
    let mut model = SchemaModel::empty(kind);
    let mut out: Vec<(SchemaModel, Renames)> = Vec::new();
    let mut push = |model: &SchemaModel, renames: &str| out.push((model.clone(), Renames::parse(renames).unwrap()));

    model.tables.push(table("authors"));
    push(&model, "");
    find(&mut model, "authors")
        .columns
        .push(column("name", &text(50), false));
    push(&model, "");
    find(&mut model, "authors")
        .columns
        .push(column("email", &text(100), false));
    push(&model, "");
    find(&mut model, "authors").uniques.push(UniqueModel {
        name: "authors_email_unique".to_owned(),
        columns: vec!["email".to_owned()],
        nulls_not_distinct: false,
    });
    push(&model, "");
    let mut books = table("books");
    books.columns.push(column("author_id", "integer", true));
    books.columns.push(column("title", &text(80), true));
    books.foreign_keys.push(ForeignKeyModel {
        name: "books_author_id_authors_id_fk".to_owned(),
        columns: vec!["author_id".to_owned()],
        foreign_schema: None,
        foreign_table: "authors".to_owned(),
        foreign_columns: vec!["id".to_owned()],
        on_delete: Some("CASCADE".to_owned()),
        on_update: None,
    });
    model.tables.push(books);
    push(&model, "");
    find(&mut model, "books").indexes.push(IndexModel {
        name: "books_title_idx".to_owned(),
        unique: false,
        concurrently: false,
        using: None,
        keys: vec![if kind == DialectKind::Pg {
            "\"title\""
        } else {
            "`title`"
        }
        .to_owned()],
        where_sql: None,
        with: Vec::new(),
        algorithm: None,
        lock: None,
    });
    push(&model, "");
    find(&mut model, "books")
        .columns
        .push(column("pages", "integer", false));
    push(&model, "");
    find(&mut model, "books").checks.push(CheckModel {
        name: "books_pages_check".to_owned(),
        sql: if kind == DialectKind::Pg {
            "\"pages\" > 0"
        } else {
            "`pages` > 0"
        }
        .to_owned(),
    });
    push(&model, "");
    find(&mut model, "authors").columns[1].name = "full_name".to_owned();
    push(&model, "column authors name full_name");
    find(&mut model, "authors").columns[1].sql_type = text(120);
    push(&model, "");
    find(&mut model, "authors").columns[1].not_null = true;
    push(&model, "");
    find(&mut model, "authors").columns[1].default = Some("'anonymous'".to_owned());
    push(&model, "");
    let mut tags = table("tags");
    tags.columns.push(column("label", &text(30), true));
    model.tables.push(tags);
    push(&model, "");
    find(&mut model, "tags").name = "labels".to_owned();
    push(&model, "table tags labels");
    find(&mut model, "labels")
        .columns
        .push(column("color", &text(20), false));
    push(&model, "");
    find(&mut model, "books").indexes.clear();
    push(&model, "");
    find(&mut model, "books").checks.clear();
    push(&model, "");
    find(&mut model, "authors").uniques.clear();
    push(&model, "");
    find(&mut model, "labels").columns.retain(|c| c.name != "color");
    push(&model, "");
    find(&mut model, "books").columns.retain(|c| c.name != "pages");
    push(&model, "");
    model.tables.retain(|t| t.name != "labels");
    push(&model, "");
    find(&mut model, "authors").columns[1].not_null = false;
    push(&model, "");
    out
}

async fn round_trip(dialect: &str, kind: DialectKind) {
    let test = format!("round_trip_{}", dialect.replace("postgresql", "pg"));
    let Some(url) = support::database(dialect, &test).await else {
        return;
    };
    let dir = support::scratch(&test).join("migrations");
    let versions = versions(kind);
    assert!(versions.len() >= 20);
    for (i, (model, renames)) in versions.iter().enumerate() {
        let options = GenerateOptions {
            timestamp: Some(format!("2026010100{i:04}")),
            renames: renames.clone(),
            ..GenerateOptions::default()
        };
        generate(&dir, model, &options)
            .unwrap_or_else(|e| panic!("version {i}: {e}"))
            .unwrap_or_else(|| panic!("version {i} changes nothing"));
        // Applied one at a time, as a team would; the database then holds what the
        // snapshot says.
        migrate(&url, &files::load(&dir).unwrap(), &MigrateOptions::default())
            .await
            .unwrap_or_else(|e| panic!("version {i}: {e}"));
        let mut conn = connect(&url).await.unwrap();
        let live = introspect::model_columns(&introspect::model(&mut conn, &["mizzle_migrations"]).await.unwrap());
        assert_eq!(live, introspect::model_columns(model), "version {i}");
    }
    let migrations = files::load(&dir).unwrap();
    let states = status(&url, &migrations, &MigrateOptions::default()).await.unwrap();
    assert_eq!(states.len(), versions.len());
    let undone = down(&url, &migrations, &MigrateOptions::default(), versions.len(), None)
        .await
        .unwrap_or_else(|e| panic!("down: {e}"));
    assert_eq!(undone.done.len(), versions.len());
    // Up once more, all at once, from empty.
    let report = migrate(&url, &migrations, &MigrateOptions::default()).await.unwrap();
    assert_eq!(report.done.len(), versions.len());
}

#[tokio::test]
async fn twenty_two_versions_go_up_and_down_on_postgres() {
    round_trip("postgresql", DialectKind::Pg).await;
}

#[tokio::test]
async fn twenty_two_versions_go_up_and_down_on_mysql() {
    round_trip("mysql", DialectKind::MySql).await;
}

#[tokio::test]
async fn twenty_two_versions_go_up_and_down_on_sqlite() {
    round_trip("sqlite", DialectKind::Sqlite).await;
}
