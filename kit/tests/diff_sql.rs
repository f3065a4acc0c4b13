//! The SQL each kind of change generates, per dialect, asserted whole.

use mizzle_dsl::schema::model::SchemaModel;
use mizzle_dsl::schema::Schema;
use mizzle_kit::diff::{diff, Renames};

mod v1 {
    pub mod pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! { pub users in Pg { id: Serial [primary_key], name: Text [not_null], nick: Text } }
    }
    pub mod my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! { pub users in MySql { id: Serial [primary_key], name: Text [not_null], nick: Text } }
    }
    pub mod lite {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null], nick: Text } }
    }
}

mod v2 {
    pub mod pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! {
            pub users in Pg {
                id: Serial [primary_key],
                name: Varchar<100> [not_null, default("?")],
                handle: Text,
                age: Integer,
            }
            define |t| { t.index("users_name_idx").on(name); }
        }
        mizzle_dsl::table! {
            pub posts in Pg { id: Serial [primary_key], author_id: Integer [not_null, references(users::id)] }
        }
    }
    pub mod my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! {
            pub users in MySql {
                id: Serial [primary_key],
                name: Varchar<100> [not_null, default("?")],
                handle: Text,
                age: Int,
            }
            define |t| { t.index("users_name_idx").on(name); }
        }
        mizzle_dsl::table! {
            pub posts in MySql { id: Serial [primary_key], author_id: BigIntUnsigned [not_null, references(users::id)] }
        }
    }
    pub mod lite {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub users in Sqlite {
                id: Integer [primary_key],
                name: Text [not_null, default("?")],
                handle: Text,
                age: Integer,
            }
            define |t| { t.index("users_name_idx").on(name); }
        }
        mizzle_dsl::table! {
            pub posts in Sqlite { id: Integer [primary_key], author_id: Integer [not_null, references(users::id)] }
        }
    }
}

fn pg(version: u8) -> SchemaModel {
    match version {
        1 => Schema::new().table(v1::pg::users::table).model().unwrap(),
        _ => Schema::new()
            .table(v2::pg::users::table)
            .table(v2::pg::posts::table)
            .model()
            .unwrap(),
    }
}

fn my(version: u8) -> SchemaModel {
    match version {
        1 => Schema::new().table(v1::my::users::table).model().unwrap(),
        _ => Schema::new()
            .table(v2::my::users::table)
            .table(v2::my::posts::table)
            .model()
            .unwrap(),
    }
}

fn lite(version: u8) -> SchemaModel {
    match version {
        1 => Schema::new().table(v1::lite::users::table).model().unwrap(),
        _ => Schema::new()
            .table(v2::lite::users::table)
            .table(v2::lite::posts::table)
            .model()
            .unwrap(),
    }
}

/// `nick` became `handle`: declared.
fn renamed() -> Renames {
    Renames::parse("column users nick handle").unwrap()
}

fn sql(old: &SchemaModel, new: &SchemaModel, renames: &Renames) -> Vec<String> {
    let kind = new.kind().unwrap();
    diff(old, new, renames)
        .unwrap()
        .iter()
        .flat_map(|step| step.sql(kind))
        .collect()
}

#[test]
fn postgres_alters_columns_in_place_and_adds_what_is_new() {
    assert_eq!(
        sql(&pg(1), &pg(2), &renamed()),
        [
            "CREATE TABLE \"posts\" (\n  \"id\" serial PRIMARY KEY,\n  \"author_id\" integer NOT NULL,\n  \
             CONSTRAINT \"posts_author_id_users_id_fk\" FOREIGN KEY (\"author_id\") REFERENCES \"users\"(\"id\")\n);",
            "ALTER TABLE \"users\" RENAME COLUMN \"nick\" TO \"handle\";",
            "ALTER TABLE \"users\" ADD COLUMN \"age\" integer;",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE varchar(100) USING \"name\"::varchar(100);",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DEFAULT '?';",
            "CREATE INDEX \"users_name_idx\" ON \"users\" (\"name\");",
        ]
    );
}

#[test]
fn mysql_modifies_a_changed_column_whole() {
    assert_eq!(
        sql(&my(1), &my(2), &renamed()),
        [
            "CREATE TABLE `posts` (\n  `id` serial PRIMARY KEY NOT NULL,\n  `author_id` bigint unsigned NOT NULL,\n  \
             CONSTRAINT `posts_author_id_users_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`)\n);",
            "ALTER TABLE `users` RENAME COLUMN `nick` TO `handle`;",
            "ALTER TABLE `users` ADD COLUMN `age` int;",
            "ALTER TABLE `users` MODIFY COLUMN `name` varchar(100) DEFAULT '?' NOT NULL;",
            "CREATE INDEX `users_name_idx` ON `users` (`name`);",
        ]
    );
}

#[test]
fn sqlite_rebuilds_a_table_whose_column_changes() {
    assert_eq!(
        sql(&lite(1), &lite(2), &renamed()),
        [
            "CREATE TABLE `posts` (\n  `id` integer PRIMARY KEY NOT NULL,\n  `author_id` integer NOT NULL,\n  \
             CONSTRAINT `posts_author_id_users_id_fk` FOREIGN KEY (`author_id`) REFERENCES `users`(`id`)\n);",
            "ALTER TABLE `users` RENAME COLUMN `nick` TO `handle`;",
            "PRAGMA defer_foreign_keys = ON;",
            "CREATE TABLE `__new_users` (\n  `id` integer PRIMARY KEY NOT NULL,\n  `name` text DEFAULT '?' NOT NULL,\n  \
             `handle` text,\n  `age` integer\n);",
            "INSERT INTO `__new_users` (`id`, `name`, `handle`) SELECT `id`, `name`, `handle` FROM `users`;",
            "DROP TABLE `users`;",
            "ALTER TABLE `__new_users` RENAME TO `users`;",
            "CREATE INDEX `users_name_idx` ON `users` (`name`);",
        ]
    );
}

#[test]
fn a_drop_and_a_create_are_not_taken_for_a_rename_without_saying_so() {
    let error = diff(&pg(1), &pg(2), &Renames::default()).unwrap_err();
    let choices: Vec<String> = error.choices.iter().map(ToString::to_string).collect();
    assert_eq!(
        choices,
        [
            "column `users.nick` was dropped and `users.handle` created: renamed? `column users nick handle`",
            "column `users.nick` was dropped and `users.age` created: renamed? `column users nick age`",
        ]
    );
    let none = Renames {
        none: true,
        ..Renames::default()
    };
    let steps = sql(&pg(1), &pg(2), &none);
    assert!(
        steps.contains(&"ALTER TABLE \"users\" DROP COLUMN \"nick\";".to_owned()),
        "{steps:?}"
    );
    assert!(
        steps.contains(&"ALTER TABLE \"users\" ADD COLUMN \"handle\" text;".to_owned()),
        "{steps:?}"
    );
}

#[test]
fn going_back_drops_what_was_created_last_first() {
    assert_eq!(
        sql(&pg(2), &pg(1), &Renames::parse("column users handle nick").unwrap()),
        [
            "DROP INDEX \"users_name_idx\";",
            "ALTER TABLE \"users\" RENAME COLUMN \"handle\" TO \"nick\";",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" SET DATA TYPE text USING \"name\"::text;",
            "ALTER TABLE \"users\" ALTER COLUMN \"name\" DROP DEFAULT;",
            "ALTER TABLE \"users\" DROP COLUMN \"age\";",
            "DROP TABLE \"posts\";",
        ]
    );
}

#[test]
fn a_table_moves_between_schemas_with_its_rows() {
    let mut archived = pg(1);
    archived.tables[0].schema = Some("archive".to_owned());
    archived.schemas = vec!["archive".to_owned()];
    assert_eq!(
        sql(&pg(1), &archived, &Renames::default()),
        [
            "CREATE SCHEMA IF NOT EXISTS \"archive\";",
            "ALTER TABLE \"users\" SET SCHEMA \"archive\";"
        ]
    );
    let mut moved = my(1);
    moved.tables[0].schema = Some("archive".to_owned());
    assert_eq!(
        sql(&my(1), &moved, &Renames::default()),
        ["RENAME TABLE `users` TO `archive`.`users`;"]
    );
}

#[test]
fn enums_sequences_and_views_are_created_altered_and_dropped() {
    use mizzle_dsl::schema::model::{EnumModel, SequenceModel, ViewModel};
    let mut next = pg(1);
    next.enums.push(EnumModel {
        name: "mood".to_owned(),
        values: vec!["happy".to_owned()],
    });
    next.sequences.push(SequenceModel {
        schema: None,
        name: "tickets".to_owned(),
        increment: Some(5),
        min: None,
        max: None,
        start: Some(100),
        cache: None,
        cycle: false,
    });
    next.views.push(ViewModel {
        name: "named".to_owned(),
        sql: "SELECT \"users\".\"name\" FROM \"users\"".to_owned(),
    });
    assert_eq!(
        sql(&pg(1), &next, &Renames::default()),
        [
            "CREATE TYPE \"mood\" AS ENUM('happy');",
            "CREATE SEQUENCE \"tickets\" INCREMENT BY 5 START WITH 100;",
            "CREATE VIEW \"named\" AS SELECT \"users\".\"name\" FROM \"users\";",
        ]
    );
    let mut later = next.clone();
    later.enums[0].values.push("sad".to_owned());
    later.views[0].sql = "SELECT \"users\".\"id\" FROM \"users\"".to_owned();
    assert_eq!(
        sql(&next, &later, &Renames::default()),
        [
            "ALTER TYPE \"mood\" ADD VALUE 'sad';",
            "DROP VIEW \"named\";",
            "CREATE VIEW \"named\" AS SELECT \"users\".\"id\" FROM \"users\";",
        ]
    );
    assert_eq!(
        sql(&later, &pg(1), &Renames::default()),
        [
            "DROP VIEW \"named\";",
            "DROP TYPE \"mood\";",
            "DROP SEQUENCE \"tickets\";"
        ]
    );
}

mod commented {
    pub mod before_pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! { pub notes in Pg { id: Integer [primary_key], body: Text [comment("The text")] } }
    }
    pub mod after_pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! {
            pub notes in Pg { id: Integer [primary_key], body: Text [comment("The note's text")] }
            define |t| { t.comment("Notes people write"); }
        }
    }
    pub mod before_my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! { pub notes in MySql { id: Int [primary_key], body: Text [comment("The text")] } }
    }
    pub mod after_my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! {
            pub notes in MySql { id: Int [primary_key], body: Text [comment("The note's text")] }
            define |t| { t.comment("Notes people write"); }
        }
    }
    pub mod before_lite {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! { pub notes in Sqlite { id: Integer [primary_key], body: Text [comment("The text")] } }
    }
    pub mod after_lite {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub notes in Sqlite { id: Integer [primary_key], body: Text [comment("The note's text")] }
            define |t| { t.comment("Notes people write"); }
        }
    }
}

#[test]
fn comments_are_written_with_the_table_and_changed_in_place() {
    use commented::*;
    let pg_after = Schema::new().table(after_pg::notes::table).model().unwrap();
    assert_eq!(
        mizzle_dsl::schema::ddl_writer::create_statements(&pg_after),
        [
            "CREATE TABLE IF NOT EXISTS \"notes\" (\n  \"id\" integer PRIMARY KEY,\n  \"body\" text\n);",
            "COMMENT ON TABLE \"notes\" IS 'Notes people write';",
            "COMMENT ON COLUMN \"notes\".\"body\" IS 'The note''s text';",
        ]
    );
    let pg_before = Schema::new().table(before_pg::notes::table).model().unwrap();
    assert_eq!(
        sql(&pg_before, &pg_after, &Renames::default()),
        [
            "COMMENT ON COLUMN \"notes\".\"body\" IS 'The note''s text';",
            "COMMENT ON TABLE \"notes\" IS 'Notes people write';",
        ]
    );
    let my_after = Schema::new().table(after_my::notes::table).model().unwrap();
    assert_eq!(
        mizzle_dsl::schema::ddl_writer::create_statements(&my_after),
        ["CREATE TABLE `notes` (\n  `id` int PRIMARY KEY NOT NULL,\n  `body` text COMMENT 'The note''s text'\n) COMMENT = 'Notes people write';"]
    );
    let my_before = Schema::new().table(before_my::notes::table).model().unwrap();
    assert_eq!(
        sql(&my_before, &my_after, &Renames::default()),
        [
            "ALTER TABLE `notes` MODIFY COLUMN `body` text COMMENT 'The note''s text';",
            "ALTER TABLE `notes` COMMENT = 'Notes people write';",
        ]
    );
    // SQLite keeps no comments: nothing to write, nothing to rebuild.
    let lite_before = Schema::new().table(before_lite::notes::table).model().unwrap();
    let lite_after = Schema::new().table(after_lite::notes::table).model().unwrap();
    assert!(sql(&lite_before, &lite_after, &Renames::default()).is_empty());
}

mod fts {
    pub mod before {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! { pub notes in Sqlite { id: Integer [primary_key], body: Text } }
        mizzle_dsl::table! {
            pub notes_fts in Sqlite { rowid: Integer [primary_key], body: Text }
            define |t| { t.fts5().content(notes::id); }
        }
    }
    pub mod after {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! { pub notes in Sqlite { id: Integer [primary_key], body: Text } }
        mizzle_dsl::table! {
            pub notes_fts in Sqlite { rowid: Integer [primary_key], body: Text }
            define |t| { t.fts5().content(notes::id).tokenize("trigram"); }
        }
    }
}

#[test]
fn a_changed_fts5_table_is_made_anew_with_its_triggers() {
    let before = Schema::new()
        .table(fts::before::notes::table)
        .table(fts::before::notes_fts::table)
        .model()
        .unwrap();
    let after = Schema::new()
        .table(fts::after::notes::table)
        .table(fts::after::notes_fts::table)
        .model()
        .unwrap();
    let statements = sql(&before, &after, &Renames::default());
    assert_eq!(
        statements,
        [
            "DROP TRIGGER IF EXISTS `notes_fts_ai`;",
            "DROP TRIGGER IF EXISTS `notes_fts_ad`;",
            "DROP TRIGGER IF EXISTS `notes_fts_au`;",
            "DROP TABLE `notes_fts`;",
            "CREATE VIRTUAL TABLE IF NOT EXISTS `notes_fts` USING fts5(`body`, content = 'notes', content_rowid = 'id', tokenize = 'trigram');",
            "CREATE TRIGGER IF NOT EXISTS `notes_fts_ai` AFTER INSERT ON `notes` BEGIN INSERT INTO `notes_fts`(rowid, `body`) VALUES (new.`id`, new.`body`); END;",
            "CREATE TRIGGER IF NOT EXISTS `notes_fts_ad` AFTER DELETE ON `notes` BEGIN INSERT INTO `notes_fts`(`notes_fts`, rowid, `body`) VALUES ('delete', old.`id`, old.`body`); END;",
            "CREATE TRIGGER IF NOT EXISTS `notes_fts_au` AFTER UPDATE ON `notes` BEGIN INSERT INTO `notes_fts`(`notes_fts`, rowid, `body`) VALUES ('delete', old.`id`, old.`body`); INSERT INTO `notes_fts`(rowid, `body`) VALUES (new.`id`, new.`body`); END;",
            "INSERT INTO `notes_fts`(`notes_fts`) VALUES ('rebuild');",
        ]
    );
    assert!(sql(&after, &after, &Renames::default()).is_empty());
}
