//! INSERT: rows, defaults, RETURNING, upserts and INSERT … SELECT, per dialect.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{excluded, insert, select};
use mizzle_dsl::types::Value;

#[test]
fn one_row_lists_only_the_columns_it_sets() {
    use pg::users;
    assert_sql(
        insert(users::table)
            .values((users::name.to("Ada"), users::age.to(36)))
            .to_sql(),
        r#"INSERT INTO "users" ("name", "age") VALUES ($1, $2)"#,
        &[text("Ada"), Value::I32(36)],
    );
}

#[test]
fn a_single_assignment_is_a_row() {
    use my::users;
    assert_sql(
        insert(users::table).values(users::name.to("Ada")).to_sql(),
        "INSERT INTO `users` (`name`) VALUES (?)",
        &[text("Ada")],
    );
}

#[test]
fn many_rows_share_one_statement() {
    use lite::users;
    let rows = vec![
        (users::name.to("a"), users::email.to(Some("a@x"))),
        (users::name.to("b"), users::email.to(None::<&str>)),
    ];
    assert_sql(
        insert(users::table).values(rows).to_sql(),
        r#"INSERT INTO "users" ("name", "email") VALUES (?, ?), (?, ?)"#,
        &[text("a"), text("a@x"), text("b"), Value::Null],
    );
}

#[test]
fn an_empty_vec_of_rows_is_an_error_not_invalid_sql() {
    use lite::users;
    let rows: Vec<(mizzle_dsl::query::Assign<users::name, mizzle_dsl::expr::Bound<mizzle_dsl::types::Text, &str>>,)> =
        Vec::new();
    let error = insert(users::table).values(rows).to_sql().unwrap_err();
    assert!(
        error.to_string().contains("an insert needs at least one row"),
        "{error}"
    );
}

#[test]
fn default_values_per_dialect() {
    // Every column of `posts` is required but `id` and `likes`, so use tables whose columns all have defaults.
    mod t {
        use mizzle_dsl::{mysql, pg, sqlite};
        mizzle_dsl::table! { pub ticks_pg("ticks") in pg::Pg { id: pg::Serial [primary_key], at: pg::Timestamptz [default_now] } }
        mizzle_dsl::table! { pub ticks_my("ticks") in mysql::MySql { id: mysql::Serial [primary_key] } }
        mizzle_dsl::table! { pub ticks_lite("ticks") in sqlite::Sqlite { id: sqlite::Integer [primary_key, autoincrement] } }
    }
    assert_sql(
        insert(t::ticks_pg::table).default_values().to_sql(),
        r#"INSERT INTO "ticks" DEFAULT VALUES"#,
        &[],
    );
    assert_sql(
        insert(t::ticks_my::table).default_values().to_sql(),
        "INSERT INTO `ticks` () VALUES ()",
        &[],
    );
    assert_sql(
        insert(t::ticks_lite::table).default_values().to_sql(),
        r#"INSERT INTO "ticks" DEFAULT VALUES"#,
        &[],
    );
    // Several rows that each take every default: one row each, not one in all.
    let none_pg = || t::ticks_pg::New { id: None, at: None };
    assert_sql(
        insert(t::ticks_pg::table)
            .values(vec![none_pg(), none_pg(), none_pg()])
            .to_sql(),
        r#"INSERT INTO "ticks" ("id") VALUES (DEFAULT), (DEFAULT), (DEFAULT)"#,
        &[],
    );
    assert_sql(
        insert(t::ticks_my::table)
            .values(vec![t::ticks_my::New { id: None }; 2])
            .to_sql(),
        "INSERT INTO `ticks` () VALUES (), ()",
        &[],
    );
    assert_sql(
        insert(t::ticks_lite::table)
            .values(vec![t::ticks_lite::New { id: None }; 2])
            .to_sql(),
        r#"INSERT INTO "ticks" ("rowid") VALUES (NULL), (NULL)"#,
        &[],
    );
}

#[test]
fn returning_lists_columns_without_their_table() {
    use lite::users;
    assert_sql(
        insert(users::table)
            .values(users::name.to("Ada"))
            .returning((users::id, users::name))
            .to_sql(),
        r#"INSERT INTO "users" ("name") VALUES (?) RETURNING "id", "name""#,
        &[text("Ada")],
    );
    assert_sql(
        insert(pg::users::table)
            .values(pg::users::name.to("Ada"))
            .returning(pg::users::table.row())
            .to_sql(),
        r#"INSERT INTO "users" ("name") VALUES ($1) RETURNING "id", "name", "email", "age""#,
        &[text("Ada")],
    );
}

#[test]
fn on_conflict_do_nothing_and_do_update_with_the_excluded_row() {
    use pg::users;
    assert_sql(
        insert(users::table)
            .values(users::name.to("Ada"))
            .on_conflict_do_nothing()
            .to_sql(),
        r#"INSERT INTO "users" ("name") VALUES ($1) ON CONFLICT DO NOTHING"#,
        &[text("Ada")],
    );
    assert_sql(
        insert(users::table)
            .values((users::email.to("a@x"), users::name.to("Ada")))
            .on_conflict(users::email)
            .do_update((users::name.to(excluded(users::name)), users::age.to(users::age.add(1))))
            .to_sql(),
        r#"INSERT INTO "users" ("email", "name") VALUES ($1, $2) ON CONFLICT ("email") DO UPDATE SET "name" = excluded."name", "age" = ("users"."age" + $3)"#,
        &[text("a@x"), text("Ada"), Value::I32(1)],
    );
    assert_sql(
        insert(lite::users::table)
            .values(lite::users::name.to("Ada"))
            .on_conflict((lite::users::email, lite::users::name))
            .do_nothing()
            .to_sql(),
        r#"INSERT INTO "users" ("name") VALUES (?) ON CONFLICT ("email", "name") DO NOTHING"#,
        &[text("Ada")],
    );
}

#[test]
fn mysql_on_duplicate_key_update_reads_the_inserted_values() {
    use my::users;
    assert_sql(
        insert(users::table)
            .values((users::email.to("a@x"), users::name.to("Ada")))
            .on_duplicate_key_update(users::name.to(excluded(users::name)))
            .to_sql(),
        "INSERT INTO `users` (`email`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)",
        &[text("a@x"), text("Ada")],
    );
}

#[test]
fn insert_select_copies_rows() {
    use lite::{posts, users};
    let query = select((users::id, users::name))
        .from(users::table)
        .filter(users::age.gt(18));
    assert_sql(
        insert(posts::table)
            .select((posts::author_id, posts::title), query)
            .to_sql(),
        r#"INSERT INTO "posts" ("author_id", "title") SELECT "users"."id", "users"."name" FROM "users" WHERE "users"."age" > ?"#,
        &[Value::I64(18)],
    );
}

#[test]
fn an_upsert_updates_only_where_its_predicate_holds() {
    use lite::posts;
    assert_sql(
        insert(posts::table)
            .values((
                posts::id.to(1),
                posts::author_id.to(2),
                posts::title.to("t"),
                posts::likes.to(3),
            ))
            .on_conflict(posts::id)
            .do_update(posts::likes.to(excluded(posts::likes)))
            .filter(excluded(posts::likes).gt(posts::likes))
            .to_sql(),
        r#"INSERT INTO "posts" ("id", "author_id", "title", "likes") VALUES (?, ?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "likes" = excluded."likes" WHERE excluded."likes" > "posts"."likes""#,
        &[Value::I64(1), Value::I64(2), text("t"), Value::I64(3)],
    );
}

#[test]
fn postgres_names_the_constraint_in_conflict() {
    use pg::users;
    assert_sql(
        insert(users::table)
            .values((users::name.to("Ada"), users::email.to("a@x")))
            .on_conflict_on_constraint("users_email_key")
            .do_nothing()
            .to_sql(),
        r#"INSERT INTO "users" ("name", "email") VALUES ($1, $2) ON CONFLICT ON CONSTRAINT "users_email_key" DO NOTHING"#,
        &[text("Ada"), text("a@x")],
    );
}

#[test]
fn mysql_insert_ignore_skips_rows_that_break_a_unique_key() {
    use my::users;
    assert_sql(
        insert(users::table).values(users::name.to("Ada")).ignore().to_sql(),
        "INSERT IGNORE INTO `users` (`name`) VALUES (?)",
        &[text("Ada")],
    );
}

#[test]
fn sqlite_tries_several_conflict_clauses_in_order() {
    use lite::users;
    assert_sql(
        insert(users::table)
            .values((users::id.to(1), users::name.to("Ada"), users::email.to("a@x")))
            .on_conflict(users::id)
            .do_update(users::name.to(excluded(users::name)))
            .on_conflict(users::email)
            .do_nothing()
            .to_sql(),
        r#"INSERT INTO "users" ("id", "name", "email") VALUES (?, ?, ?) ON CONFLICT ("id") DO UPDATE SET "name" = excluded."name" ON CONFLICT ("email") DO NOTHING"#,
        &[Value::I64(1), text("Ada"), text("a@x")],
    );
}
