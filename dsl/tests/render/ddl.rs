//! DDL for every case of the constraints-and-indexes document, per dialect: the whole text.

use mizzle_dsl::schema::{create_table, drop_table, op_class, RefAction, Schema, Sequence};

mod defaults {
    use mizzle_dsl::{mysql, pg, sqlite};
    mizzle_dsl::table! {
        pub on_pg("table") in pg::Pg {
            integer1: pg::Integer [default(42)],
            integer2: pg::Integer [default_sql("'42'::integer")],
            uuid1: pg::Uuid [default_random],
            uuid2: pg::Uuid [default_sql("gen_random_uuid()")],
        }
    }
    mizzle_dsl::table! {
        pub on_my("table") in mysql::MySql {
            int: mysql::Int [default(42)],
            time: mysql::Time [default_sql("cast(\"14:06:10\" AS TIME)")],
        }
    }
    mizzle_dsl::table! {
        pub on_lite("table") in sqlite::Sqlite {
            int1: sqlite::Integer [default(42)],
            int2: sqlite::Integer [default_sql("(abs(42))")],
        }
    }
}

#[test]
fn defaults_literal_and_raw() {
    assert_eq!(
        create_table(defaults::on_pg::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"table\" (\n  \"integer1\" integer DEFAULT 42,\n  \"integer2\" integer DEFAULT '42'::integer,\n  \"uuid1\" uuid DEFAULT gen_random_uuid(),\n  \"uuid2\" uuid DEFAULT gen_random_uuid()\n);"
    );
    assert_eq!(
        create_table(defaults::on_my::table).unwrap(),
        "CREATE TABLE `table` (\n  `int` int DEFAULT 42,\n  `time` time DEFAULT cast(\"14:06:10\" AS TIME)\n);"
    );
    assert_eq!(
        create_table(defaults::on_lite::table).unwrap(),
        "CREATE TABLE `table` (\n  `int1` integer DEFAULT 42,\n  `int2` integer DEFAULT (abs(42))\n);"
    );
}

mod not_null {
    use mizzle_dsl::{mysql, pg, sqlite};
    mizzle_dsl::table! { pub on_pg("table") in pg::Pg { integer: pg::Integer [not_null] } }
    mizzle_dsl::table! { pub on_my("table") in mysql::MySql { int: mysql::Int [not_null] } }
    mizzle_dsl::table! { pub on_lite("table") in sqlite::Sqlite { num_int("numInt"): sqlite::Integer [not_null] } }
}

#[test]
fn not_null_columns() {
    assert_eq!(
        create_table(not_null::on_pg::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"table\" (\n  \"integer\" integer NOT NULL\n);"
    );
    assert_eq!(
        create_table(not_null::on_my::table).unwrap(),
        "CREATE TABLE `table` (\n  `int` int NOT NULL\n);"
    );
    assert_eq!(
        create_table(not_null::on_lite::table).unwrap(),
        "CREATE TABLE `table` (\n  `numInt` integer NOT NULL\n);"
    );
}

/// The unique examples, written once per dialect.
macro_rules! unique_tables {
    ($module:ident, $d:path, $int:ident, $text:ty) => {
        mod $module {
            use $d::*;
            mizzle_dsl::table! { pub user in Dialect { id: $int [unique] } }
            mizzle_dsl::table! { pub custom("table") in Dialect { id: $int [unique_named("custom_name")] } }
            mizzle_dsl::table! {
                pub composite("composite_example") in Dialect {
                    id: $int,
                    name: $text,
                }
                define |t| {
                    t.unique((id, name));
                    t.unique((id, name)).named("custom_name");
                }
            }
        }
    };
}

mod dialects {
    pub mod pg {
        pub use mizzle_dsl::pg::{Integer, Pg as Dialect, Text};
        pub type Varchar = Text;
    }
    pub mod my {
        pub use mizzle_dsl::mysql::{Int as Integer, MySql as Dialect, Varchar as SizedVarchar};
        pub type Varchar = SizedVarchar<256>;
    }
    pub mod lite {
        pub use mizzle_dsl::sqlite::{Integer, Sqlite as Dialect, Text};
        pub type Varchar = Text;
    }
}

unique_tables!(unique_pg, super::dialects::pg, Integer, Varchar);
unique_tables!(unique_my, super::dialects::my, Integer, Varchar);
unique_tables!(unique_lite, super::dialects::lite, Integer, Varchar);

mod unique_nulls {
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub user_nulls("user_nulls_example") in Pg {
            id: Integer [unique_named("custom_name"), nulls_not_distinct],
        }
        define |t| {
            t.unique(id).nulls_not_distinct();
        }
    }
}

#[test]
fn unique_constraints_on_postgres() {
    assert_eq!(
        create_table(unique_pg::composite::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"composite_example\" (\n  \"id\" integer,\n  \"name\" text,\n  CONSTRAINT \"composite_example_id_name_unique\" UNIQUE(\"id\",\"name\"),\n  CONSTRAINT \"custom_name\" UNIQUE(\"id\",\"name\")\n);"
    );
    assert_eq!(
        create_table(unique_pg::custom::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"table\" (\n  \"id\" integer,\n  CONSTRAINT \"custom_name\" UNIQUE(\"id\")\n);"
    );
    assert_eq!(
        create_table(unique_pg::user::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user\" (\n  \"id\" integer,\n  CONSTRAINT \"user_id_unique\" UNIQUE(\"id\")\n);"
    );
    assert_eq!(
        create_table(unique_nulls::user_nulls::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user_nulls_example\" (\n  \"id\" integer,\n  CONSTRAINT \"custom_name\" UNIQUE NULLS NOT DISTINCT(\"id\"),\n  CONSTRAINT \"user_nulls_example_id_unique\" UNIQUE NULLS NOT DISTINCT(\"id\")\n);"
    );
}

#[test]
fn unique_constraints_on_mysql() {
    assert_eq!(
        create_table(unique_my::user::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` int,\n  CONSTRAINT `user_id_unique` UNIQUE(`id`)\n);"
    );
    assert_eq!(
        create_table(unique_my::custom::table).unwrap(),
        "CREATE TABLE `table` (\n  `id` int,\n  CONSTRAINT `custom_name` UNIQUE(`id`)\n);"
    );
    assert_eq!(
        create_table(unique_my::composite::table).unwrap(),
        "CREATE TABLE `composite_example` (\n  `id` int,\n  `name` varchar(256),\n  CONSTRAINT `composite_example_id_name_unique` UNIQUE(`id`,`name`),\n  CONSTRAINT `custom_name` UNIQUE(`id`,`name`)\n);"
    );
}

#[test]
fn unique_constraints_on_sqlite_are_unique_indexes() {
    assert_eq!(
        create_table(unique_lite::user::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` integer\n);\nCREATE UNIQUE INDEX `user_id_unique` ON `user` (`id`);"
    );
    assert_eq!(
        create_table(unique_lite::custom::table).unwrap(),
        "CREATE TABLE `table` (\n  `id` integer\n);\nCREATE UNIQUE INDEX `custom_name` ON `table` (`id`);"
    );
    assert_eq!(
        create_table(unique_lite::composite::table).unwrap(),
        "CREATE TABLE `composite_example` (\n  `id` integer,\n  `name` text\n);\nCREATE UNIQUE INDEX `composite_example_id_name_unique` ON `composite_example` (`id`,`name`);\nCREATE UNIQUE INDEX `custom_name` ON `composite_example` (`id`,`name`);"
    );
}

mod keys {
    use mizzle_dsl::{mysql, pg, sqlite};
    mizzle_dsl::table! { pub pg_user("user") in pg::Pg { id: pg::Serial [primary_key] } }
    mizzle_dsl::table! { pub pg_table("table") in pg::Pg { cuid: pg::Text [primary_key] } }
    mizzle_dsl::table! { pub my_user("user") in mysql::MySql { id: mysql::Int [autoincrement, primary_key] } }
    mizzle_dsl::table! { pub my_table("table") in mysql::MySql { cuid: mysql::Text [primary_key] } }
    mizzle_dsl::table! { pub lite_user("user") in sqlite::Sqlite { id: sqlite::Integer [primary_key, autoincrement] } }
    mizzle_dsl::table! {
        pub pg_books("books_to_authors") in pg::Pg { author_id: pg::Integer, book_id: pg::Integer }
        define |t| { t.primary_key((book_id, author_id)); }
    }
    mizzle_dsl::table! {
        pub pg_books_named("books_to_authors") in pg::Pg { author_id: pg::Integer, book_id: pg::Integer }
        define |t| { t.primary_key((book_id, author_id)).named("custom_name"); }
    }
    mizzle_dsl::table! {
        pub my_books("books_to_authors") in mysql::MySql { author_id: mysql::Int, book_id: mysql::Int }
        define |t| { t.primary_key((book_id, author_id)); }
    }
    mizzle_dsl::table! {
        pub lite_books("book_to_author") in sqlite::Sqlite { author_id: sqlite::Integer, book_id: sqlite::Integer }
        define |t| { t.primary_key((book_id, author_id)); }
    }
}

#[test]
fn primary_keys_on_columns_and_composite() {
    assert_eq!(
        create_table(keys::pg_user::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user\" (\n  \"id\" serial PRIMARY KEY\n);"
    );
    assert_eq!(
        create_table(keys::pg_table::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"table\" (\n  \"cuid\" text PRIMARY KEY\n);"
    );
    assert_eq!(
        create_table(keys::my_user::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` int AUTO_INCREMENT PRIMARY KEY NOT NULL\n);"
    );
    assert_eq!(
        create_table(keys::my_table::table).unwrap(),
        "CREATE TABLE `table` (\n  `cuid` text PRIMARY KEY NOT NULL\n);"
    );
    assert_eq!(
        create_table(keys::lite_user::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL\n);"
    );
    assert_eq!(
        create_table(keys::pg_books::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"books_to_authors\" (\n  \"author_id\" integer,\n  \"book_id\" integer,\n  CONSTRAINT \"books_to_authors_book_id_author_id_pk\" PRIMARY KEY(\"book_id\",\"author_id\")\n);"
    );
    assert_eq!(
        create_table(keys::pg_books_named::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"books_to_authors\" (\n  \"author_id\" integer,\n  \"book_id\" integer,\n  CONSTRAINT \"custom_name\" PRIMARY KEY(\"book_id\",\"author_id\")\n);"
    );
    assert_eq!(
        create_table(keys::my_books::table).unwrap(),
        "CREATE TABLE `books_to_authors` (\n  `author_id` int,\n  `book_id` int,\n  PRIMARY KEY(`book_id`,`author_id`)\n);"
    );
    assert_eq!(
        create_table(keys::lite_books::table).unwrap(),
        "CREATE TABLE `book_to_author` (\n  `author_id` integer,\n  `book_id` integer,\n  PRIMARY KEY(`book_id`, `author_id`)\n);"
    );
}

mod foreign {
    use mizzle_dsl::pg::*;
    use mizzle_dsl::schema::RefAction;
    mizzle_dsl::table! { pub user in Pg { id: Serial [primary_key], name: Text } }
    mizzle_dsl::table! {
        pub book in Pg {
            id: Serial [primary_key],
            name: Text,
            author_id: Integer [references(user::id), on_delete(Cascade)],
        }
    }
    mizzle_dsl::table! {
        pub person in Pg {
            id: Serial [primary_key],
            parent_id: Integer,
        }
        define |t| {
            t.foreign_key(parent_id, id).named("custom_fk").on_delete(RefAction::SetNull);
        }
    }
    mizzle_dsl::table! {
        pub named in Pg { first_name("firstName"): Text, last_name("lastName"): Text }
        define |t| { t.primary_key((first_name, last_name)); }
    }
    mizzle_dsl::table! {
        pub profile in Pg {
            id: Serial [primary_key],
            user_first_name: Text,
            user_last_name: Text,
        }
        define |t| {
            t.foreign_key((user_first_name, user_last_name), (named::first_name, named::last_name)).named("custom_fk");
        }
    }
}

#[test]
fn foreign_keys_on_columns_self_references_and_several_columns() {
    assert_eq!(
        create_table(foreign::book::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"book\" (\n  \"id\" serial PRIMARY KEY,\n  \"name\" text,\n  \"author_id\" integer,\n  CONSTRAINT \"book_author_id_user_id_fk\" FOREIGN KEY (\"author_id\") REFERENCES \"user\"(\"id\") ON DELETE CASCADE\n);"
    );
    assert_eq!(
        create_table(foreign::person::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"person\" (\n  \"id\" serial PRIMARY KEY,\n  \"parent_id\" integer,\n  CONSTRAINT \"custom_fk\" FOREIGN KEY (\"parent_id\") REFERENCES \"person\"(\"id\") ON DELETE SET NULL\n);"
    );
    assert_eq!(
        create_table(foreign::profile::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"profile\" (\n  \"id\" serial PRIMARY KEY,\n  \"user_first_name\" text,\n  \"user_last_name\" text,\n  CONSTRAINT \"custom_fk\" FOREIGN KEY (\"user_first_name\",\"user_last_name\") REFERENCES \"named\"(\"firstName\",\"lastName\")\n);"
    );
    let _ = RefAction::Cascade;
}

mod indexed {
    use mizzle_dsl::schema::op_class;
    use mizzle_dsl::{mysql, pg, sqlite};
    mizzle_dsl::table! {
        pub on_pg("user") in pg::Pg { id: pg::Serial [primary_key], name: pg::Text, email: pg::Text }
        define |t| {
            t.index("name_idx").on(name);
            t.unique_index("email_idx").on(email);
        }
    }
    mizzle_dsl::table! {
        pub on_my("user") in mysql::MySql { id: mysql::Int [autoincrement, primary_key], name: mysql::Varchar<100>, email: mysql::Varchar<100> }
        define |t| {
            t.index("name_idx").on(name);
            t.unique_index("email_idx").on(email).using("btree").algorithm(mizzle_dsl::schema::IndexAlgorithm::Inplace).lock(mizzle_dsl::schema::IndexLock::None);
        }
    }
    mizzle_dsl::table! {
        pub on_lite("user") in sqlite::Sqlite { id: sqlite::Integer [primary_key, autoincrement], name: sqlite::Text, email: sqlite::Text }
        define |t| {
            t.index("name_idx").on(name);
            t.unique_index("email_idx").on(email).where_(email.is_not_null());
        }
    }
    mizzle_dsl::table! {
        pub advanced("user") in pg::Pg { id: pg::Serial [primary_key], name: pg::Text, age: pg::Integer }
        define |t| {
            t.index("name_age_idx")
                .using("btree")
                .on((name.asc(), age.desc().nulls_last(), op_class(name, "text_pattern_ops")))
                .where_(age.gt(18))
                .with("fillfactor", "70")
                .concurrently();
            t.index("lower_name_idx").on(mizzle_dsl::expr::sql::<mizzle_dsl::types::Text>("lower(").column(name).text(")"));
        }
    }
}

#[test]
fn indexes_per_dialect_with_their_options() {
    assert_eq!(
        create_table(indexed::on_pg::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user\" (\n  \"id\" serial PRIMARY KEY,\n  \"name\" text,\n  \"email\" text\n);\nCREATE INDEX \"name_idx\" ON \"user\" (\"name\");\nCREATE UNIQUE INDEX \"email_idx\" ON \"user\" (\"email\");"
    );
    assert_eq!(
        create_table(indexed::on_my::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` int AUTO_INCREMENT PRIMARY KEY NOT NULL,\n  `name` varchar(100),\n  `email` varchar(100)\n);\nCREATE INDEX `name_idx` ON `user` (`name`);\nCREATE UNIQUE INDEX `email_idx` ON `user` (`email`) USING btree ALGORITHM=inplace LOCK=none;"
    );
    assert_eq!(
        create_table(indexed::on_lite::table).unwrap(),
        "CREATE TABLE `user` (\n  `id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n  `name` text,\n  `email` text\n);\nCREATE INDEX `name_idx` ON `user` (`name`);\nCREATE UNIQUE INDEX `email_idx` ON `user` (`email`) WHERE `email` IS NOT NULL;"
    );
    assert_eq!(
        create_table(indexed::advanced::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user\" (\n  \"id\" serial PRIMARY KEY,\n  \"name\" text,\n  \"age\" integer\n);\nCREATE INDEX CONCURRENTLY \"name_age_idx\" ON \"user\" USING btree (\"name\" ASC, \"age\" DESC NULLS LAST, \"name\" text_pattern_ops) WITH (fillfactor=70) WHERE \"age\" > 18;\nCREATE INDEX \"lower_name_idx\" ON \"user\" (lower(\"name\"));"
    );
    let _ = op_class::<indexed::on_pg::name>;
}

mod checked {
    use mizzle_dsl::{mysql, pg};
    mizzle_dsl::table! {
        pub on_pg("people") in pg::Pg { name: pg::Text [not_null], age: pg::Integer }
        define |t| {
            t.check("adult", age.ge(18).and(name.ne("")));
            t.check_sql("short_name", "length(name) < 100");
        }
    }
    mizzle_dsl::table! {
        pub on_my("people") in mysql::MySql { name: mysql::Varchar<100> [not_null] }
        define |t| { t.check("no_backslash", name.not_like("%\\%")); }
    }
}

#[test]
fn checks_typed_with_literals_and_raw() {
    assert_eq!(
        create_table(checked::on_pg::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"people\" (\n  \"name\" text NOT NULL,\n  \"age\" integer,\n  CONSTRAINT \"adult\" CHECK ((\"age\" >= 18 AND \"name\" <> '')),\n  CONSTRAINT \"short_name\" CHECK (length(name) < 100)\n);"
    );
    assert_eq!(
        create_table(checked::on_my::table).unwrap(),
        "CREATE TABLE `people` (\n  `name` varchar(100) NOT NULL,\n  CONSTRAINT `no_backslash` CHECK (`name` NOT LIKE CONCAT('%', CHAR(92 USING utf8mb4), '%'))\n);"
    );
}

mod objects {
    use mizzle_dsl::{mysql, pg, sqlite};
    pub use mizzle_test_schema::Mood;

    mizzle_dsl::table! {
        pub accounts schema "auth" in pg::Pg {
            id: pg::Integer [primary_key, identity_always],
            seq: pg::BigInt [identity_by_default],
            mood: pg::Enum<Mood> [not_null],
            first: pg::Text [not_null],
            last: pg::Text [not_null],
            full: pg::Text [generated_stored("first || ' ' || last")],
        }
    }
    mizzle_dsl::table! {
        pub boxes in mysql::MySql {
            width: mysql::Int [not_null],
            height: mysql::Int [not_null],
            area: mysql::Int [generated_virtual("width * height")],
        }
    }
    mizzle_dsl::table! {
        pub squares in sqlite::Sqlite {
            side: sqlite::Integer [not_null],
            area: sqlite::Integer [generated_stored("side * side")],
        }
    }
    // Two tables that reference each other: one reference must wait for both tables.
    // Tables that depend on nothing are created first, then the cycle.
    mizzle_dsl::table! {
        pub teams in pg::Pg {
            id: pg::Serial [primary_key],
            captain_id: pg::Integer [references(players::id)],
        }
    }
    mizzle_dsl::table! {
        pub players in pg::Pg {
            id: pg::Serial [primary_key],
            team_id: pg::Integer [references(teams::id)],
        }
    }
    mizzle_dsl::table! {
        pub leagues in pg::Pg { id: pg::Serial [primary_key] }
    }
    mizzle_dsl::table! {
        pub lite_teams("teams") in sqlite::Sqlite {
            id: sqlite::Integer [primary_key],
            captain_id: sqlite::Integer [references(lite_players::id)],
        }
    }
    mizzle_dsl::table! {
        pub lite_players("players") in sqlite::Sqlite {
            id: sqlite::Integer [primary_key],
            team_id: sqlite::Integer [references(lite_teams::id)],
        }
    }
}

#[test]
fn schemas_identity_enums_and_generated_columns() {
    use mizzle_dsl::prelude::*;
    use mizzle_dsl::query::insert;
    assert_eq!(
        create_table(objects::accounts::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"auth\".\"accounts\" (\n  \"id\" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,\n  \"seq\" bigint GENERATED BY DEFAULT AS IDENTITY,\n  \"mood\" \"mood\" NOT NULL,\n  \"first\" text NOT NULL,\n  \"last\" text NOT NULL,\n  \"full\" text GENERATED ALWAYS AS (first || ' ' || last) STORED\n);"
    );
    assert_eq!(
        create_table(objects::boxes::table).unwrap(),
        "CREATE TABLE `boxes` (\n  `width` int NOT NULL,\n  `height` int NOT NULL,\n  `area` int GENERATED ALWAYS AS (width * height) VIRTUAL\n);"
    );
    assert_eq!(
        create_table(objects::squares::table).unwrap(),
        "CREATE TABLE `squares` (\n  `side` integer NOT NULL,\n  `area` integer GENERATED ALWAYS AS (side * side) STORED\n);"
    );
    // Queries name the schema too; identity and generated columns may be left out of inserts.
    use objects::accounts;
    let query = insert(accounts::table).values((
        accounts::mood.to(objects::Mood::Happy),
        accounts::first.to("Ada"),
        accounts::last.to("L"),
    ));
    assert_eq!(
        query.to_sql().unwrap().sql,
        "INSERT INTO \"auth\".\"accounts\" (\"mood\", \"first\", \"last\") VALUES ($1, $2, $3)"
    );
}

#[test]
fn a_schema_creates_types_and_tables_in_dependency_order_and_closes_cycles_afterwards() {
    use objects::{accounts, leagues, players, teams};
    let schema = Schema::new()
        .table(teams::table)
        .table(players::table)
        .table(leagues::table)
        .table(accounts::table)
        .sequence(Sequence::new("ticket").start(100).increment(5).cycle());
    assert_eq!(
        schema.create_statements().unwrap(),
        [
            "CREATE SCHEMA IF NOT EXISTS \"auth\";",
            "CREATE TYPE \"mood\" AS ENUM('happy', 'sad');",
            "CREATE SEQUENCE \"ticket\" INCREMENT BY 5 START WITH 100 CYCLE;",
            "CREATE TABLE IF NOT EXISTS \"leagues\" (\n  \"id\" serial PRIMARY KEY\n);",
            "CREATE TABLE IF NOT EXISTS \"auth\".\"accounts\" (\n  \"id\" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY,\n  \"seq\" bigint GENERATED BY DEFAULT AS IDENTITY,\n  \"mood\" \"mood\" NOT NULL,\n  \"first\" text NOT NULL,\n  \"last\" text NOT NULL,\n  \"full\" text GENERATED ALWAYS AS (first || ' ' || last) STORED\n);",
            "CREATE TABLE IF NOT EXISTS \"teams\" (\n  \"id\" serial PRIMARY KEY,\n  \"captain_id\" integer\n);",
            "CREATE TABLE IF NOT EXISTS \"players\" (\n  \"id\" serial PRIMARY KEY,\n  \"team_id\" integer,\n  CONSTRAINT \"players_team_id_teams_id_fk\" FOREIGN KEY (\"team_id\") REFERENCES \"teams\"(\"id\")\n);",
            "ALTER TABLE \"teams\" ADD CONSTRAINT \"teams_captain_id_players_id_fk\" FOREIGN KEY (\"captain_id\") REFERENCES \"players\"(\"id\");",
        ]
    );
    assert_eq!(
        schema.drop_statements(),
        [
            "DROP TABLE IF EXISTS \"players\" CASCADE;",
            "DROP TABLE IF EXISTS \"teams\" CASCADE;",
            "DROP TABLE IF EXISTS \"auth\".\"accounts\" CASCADE;",
            "DROP TABLE IF EXISTS \"leagues\" CASCADE;",
            "DROP TYPE IF EXISTS \"mood\";",
            "DROP SEQUENCE IF EXISTS \"ticket\";",
        ]
    );
}

#[test]
fn sqlite_accepts_forward_references_so_a_cycle_stays_inline() {
    use objects::{lite_players, lite_teams};
    let schema = Schema::new().table(lite_teams::table).table(lite_players::table);
    let statements = schema.create_statements().unwrap();
    assert_eq!(statements.len(), 2);
    assert!(
        statements[0].contains(
            "CONSTRAINT `teams_captain_id_players_id_fk` FOREIGN KEY (`captain_id`) REFERENCES `players`(`id`)"
        ),
        "{}",
        statements[0]
    );
    assert_eq!(
        schema.drop_statements(),
        [
            "PRAGMA foreign_keys = OFF;",
            "DROP TABLE IF EXISTS `players`;",
            "DROP TABLE IF EXISTS `teams`;",
            "PRAGMA foreign_keys = ON;"
        ]
    );
}

#[test]
fn views_write_their_query_with_literals() {
    use crate::schema::pg::users;
    use mizzle_dsl::prelude::*;
    use mizzle_dsl::query::select;
    let adults = select((users::id, users::name))
        .from(users::table)
        .filter(users::age.ge(18));
    assert_eq!(
        mizzle_dsl::schema::create_view::<mizzle_dsl::dialect::Pg, _>("adults", &adults).unwrap(),
        "CREATE VIEW \"adults\" AS SELECT \"users\".\"id\", \"users\".\"name\" FROM \"users\" WHERE \"users\".\"age\" >= 18;"
    );
    assert_eq!(drop_table(users::table), "DROP TABLE IF EXISTS \"users\";");
}

mod raw_identifiers {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub r#order in Sqlite {
            id: Integer [primary_key],
            r#type: Text [not_null],
        }
    }
}

#[test]
fn raw_identifiers_name_their_sql_without_the_r_hash() {
    use mizzle_dsl::prelude::*;
    assert_eq!(
        create_table(raw_identifiers::r#order::table).unwrap(),
        "CREATE TABLE `order` (\n  `id` integer PRIMARY KEY NOT NULL,\n  `type` text NOT NULL\n);"
    );
    let query = mizzle_dsl::query::select(raw_identifiers::r#order::r#type)
        .from(raw_identifiers::r#order::table)
        .filter(raw_identifiers::r#order::r#type.eq("a"));
    assert_eq!(
        query.to_sql().unwrap().sql,
        "SELECT \"order\".\"type\" FROM \"order\" WHERE \"order\".\"type\" = ?"
    );
}

mod hostile_index_options {
    use mizzle_dsl::pg;
    mizzle_dsl::table! {
        pub on_pg("user") in pg::Pg { id: pg::Serial [primary_key], name: pg::Text }
        define |t| {
            t.index("method_idx").using("btree (name); DROP TABLE canary; --").on(name);
            t.index("value_idx").on(name).with("fillfactor", "70); DROP TABLE canary; --");
            t.index("class_idx").on(op_class(name, "text_ops); DROP TABLE canary; --"));
        }
    }
    mizzle_dsl::table! {
        pub bad_name("user") in pg::Pg { id: pg::Serial [primary_key], name: pg::Text }
        define |t| {
            t.index("name_idx").on(name).with("fillfactor=1) ; DROP TABLE canary; --", "1");
        }
    }
    mizzle_dsl::table! {
        pub my_method("user") in mizzle_dsl::mysql::MySql { id: mizzle_dsl::mysql::Int [primary_key], name: mizzle_dsl::mysql::Int }
        define |t| {
            t.index("name_idx").on(name).using("gin");
        }
    }
    use super::op_class;
}

#[test]
fn index_options_from_variables_are_names_or_literals_never_sql() {
    assert_eq!(
        create_table(hostile_index_options::on_pg::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"user\" (\n  \"id\" serial PRIMARY KEY,\n  \"name\" text\n);\n\
         CREATE INDEX \"method_idx\" ON \"user\" USING \"btree (name); DROP TABLE canary; --\" (\"name\");\n\
         CREATE INDEX \"value_idx\" ON \"user\" (\"name\") WITH (fillfactor='70); DROP TABLE canary; --');\n\
         CREATE INDEX \"class_idx\" ON \"user\" (\"name\" \"text_ops); DROP TABLE canary; --\");"
    );
}

#[test]
fn an_index_option_that_cannot_be_written_safely_fails_the_ddl_with_its_reason() {
    let error = create_table(hostile_index_options::bad_name::table)
        .unwrap_err()
        .to_string();
    assert!(error.contains("is not a storage parameter name"), "{error}");
    let error = create_table(hostile_index_options::my_method::table)
        .unwrap_err()
        .to_string();
    assert!(error.contains("MySQL has no index method Gin"), "{error}");
}

#[test]
fn sqlites_now_for_an_integer_timestamp_is_seconds_since_the_epoch() {
    mod stamped {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub events in Sqlite {
                id: Integer [primary_key],
                at: IntegerTimestamp [not_null, default_now],
                logged: Text [default_now],
            }
        }
    }
    assert_eq!(
        mizzle_dsl::schema::create_table(stamped::events::table).unwrap(),
        "CREATE TABLE `events` (\n  `id` integer PRIMARY KEY NOT NULL,\n  \
         `at` integer DEFAULT (cast(strftime('%s', 'now') as integer)) NOT NULL,\n  \
         `logged` text DEFAULT CURRENT_TIMESTAMP\n);"
    );
}

#[test]
fn sqlites_now_for_a_millisecond_timestamp_counts_milliseconds() {
    mod stamped_ms {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub events in Sqlite {
                id: Integer [primary_key],
                at: IntegerTimestampMs [not_null, default_now],
            }
        }
    }
    assert_eq!(
        mizzle_dsl::schema::create_table(stamped_ms::events::table).unwrap(),
        "CREATE TABLE `events` (\n  `id` integer PRIMARY KEY NOT NULL,\n  \
         `at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL\n);"
    );
}

#[test]
fn mysql_date_and_time_types_keep_the_fractional_digits_asked_for() {
    mod precise {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! {
            pub readings in MySql {
                id: Serial [primary_key],
                taken: DateTime<3> [not_null, default_now],
                at: Timestamp<6>,
                lasted: Time<2>,
                day_start: DateTime [default_now],
            }
        }
    }
    assert_eq!(
        mizzle_dsl::schema::create_table(precise::readings::table).unwrap(),
        "CREATE TABLE `readings` (\n  `id` serial PRIMARY KEY NOT NULL,\n  \
         `taken` datetime(3) DEFAULT (now(3)) NOT NULL,\n  `at` timestamp(6),\n  `lasted` time(2),\n  \
         `day_start` datetime DEFAULT (now())\n);"
    );
}
