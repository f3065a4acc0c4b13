//! CREATE TABLE and DROP TABLE for declared tables, per dialect.

use crate::schema::{lite, my, pg};
use mizzle_dsl::schema::{create_table, drop_table};

#[test]
fn create_table_on_sqlite() {
    assert_eq!(
        create_table(lite::users::table),
        "CREATE TABLE \"users\" (\n\t\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n\t\"name\" text NOT NULL,\n\t\"email\" text UNIQUE,\n\t\"age\" integer,\n\t\"role\" text NOT NULL DEFAULT 'member',\n\t\"prefs\" text\n)"
    );
    assert_eq!(
        create_table(lite::posts::table),
        "CREATE TABLE \"posts\" (\n\t\"id\" integer PRIMARY KEY AUTOINCREMENT NOT NULL,\n\t\"author_id\" integer NOT NULL REFERENCES \"users\"(\"id\") ON DELETE CASCADE,\n\t\"title\" text NOT NULL,\n\t\"likes\" integer NOT NULL DEFAULT 0\n)"
    );
}

#[test]
fn create_table_on_postgres() {
    assert_eq!(
        create_table(pg::users::table),
        "CREATE TABLE \"users\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"name\" varchar(100) NOT NULL,\n\t\"email\" text UNIQUE,\n\t\"age\" integer\n)"
    );
}

#[test]
fn create_table_on_mysql() {
    assert_eq!(
        create_table(my::posts::table),
        "CREATE TABLE `posts` (\n\t`id` serial PRIMARY KEY NOT NULL,\n\t`author_id` bigint unsigned NOT NULL REFERENCES `users`(`id`),\n\t`title` text NOT NULL,\n\t`likes` int NOT NULL DEFAULT 0\n)"
    );
}

#[test]
fn drop_table_if_it_exists() {
    assert_eq!(drop_table(my::users::table), "DROP TABLE IF EXISTS `users`");
    assert_eq!(drop_table(pg::users::table), "DROP TABLE IF EXISTS \"users\"");
}
