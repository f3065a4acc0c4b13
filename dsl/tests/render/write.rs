//! UPDATE and DELETE: assignments, the WHERE they must have, and RETURNING.

use crate::schema::{lite, my, pg};
use crate::{assert_sql, text};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{delete, update};
use mizzle_dsl::types::Value;

#[test]
fn update_sets_values_and_expressions() {
    use pg::posts;
    assert_sql(
        update(posts::table)
            .set((posts::title.to("New"), posts::likes.to(posts::likes.add(1))))
            .filter(posts::id.eq(3))
            .to_sql(),
        r#"UPDATE "posts" SET "title" = $1, "likes" = ("likes" + $2) WHERE "id" = $3"#,
        &[text("New"), Value::I32(1), Value::I32(3)],
    );
}

#[test]
fn update_can_set_null_on_a_nullable_column() {
    use my::users;
    assert_sql(
        update(users::table)
            .set(users::email.to(None::<String>))
            .filter(users::id.eq(1u64))
            .to_sql(),
        "UPDATE `users` SET `email` = ? WHERE `id` = ?",
        &[Value::Null, Value::U64(1)],
    );
}

#[test]
fn update_of_every_row_is_said_explicitly() {
    use lite::posts;
    assert_sql(
        update(posts::table).set(posts::likes.to(0)).all_rows().to_sql(),
        r#"UPDATE "posts" SET "likes" = ?"#,
        &[Value::I64(0)],
    );
}

#[test]
fn update_returning() {
    use lite::posts;
    assert_sql(
        update(posts::table)
            .set(posts::likes.to(0))
            .filter(posts::likes.lt(0))
            .returning(posts::id)
            .to_sql(),
        r#"UPDATE "posts" SET "likes" = ? WHERE "likes" < ? RETURNING "id""#,
        &[Value::I64(0), Value::I64(0)],
    );
}

#[test]
fn delete_with_where_all_rows_and_returning() {
    assert_sql(
        delete(pg::users::table)
            .filter(pg::users::age.lt(13))
            .returning(pg::users::id)
            .to_sql(),
        r#"DELETE FROM "users" WHERE "age" < $1 RETURNING "id""#,
        &[Value::I32(13)],
    );
    assert_sql(delete(my::users::table).all_rows().to_sql(), "DELETE FROM `users`", &[]);
    assert_sql(
        delete(lite::users::table)
            .filter(lite::users::name.eq("x"))
            .filter(lite::users::age.is_null())
            .to_sql(),
        r#"DELETE FROM "users" WHERE ("name" = ? AND "age" IS NULL)"#,
        &[text("x")],
    );
}

#[test]
fn an_update_reads_another_table_where_each_dialect_puts_it() {
    assert_sql(
        update(pg::users::table)
            .from(pg::posts::table)
            .set(pg::users::name.to(pg::posts::title))
            .filter(pg::posts::author_id.eq(pg::users::id).and(pg::posts::likes.gt(5)))
            .to_sql(),
        r#"UPDATE "users" SET "name" = "posts"."title" FROM "posts" WHERE ("posts"."author_id" = "users"."id" AND "posts"."likes" > $1)"#,
        &[Value::I32(5)],
    );
    assert_sql(
        update(lite::users::table)
            .from(lite::posts::table)
            .set(lite::users::age.to(lite::posts::likes))
            .filter(lite::posts::author_id.eq(lite::users::id))
            .to_sql(),
        r#"UPDATE "users" SET "age" = "posts"."likes" FROM "posts" WHERE "posts"."author_id" = "users"."id""#,
        &[],
    );
    assert_sql(
        update(my::users::table)
            .from(my::posts::table)
            .set((my::users::name.to(my::posts::title), my::users::email.to("x")))
            .filter(my::posts::author_id.eq(my::users::id))
            .to_sql(),
        "UPDATE `users`, `posts` SET `users`.`name` = `posts`.`title`, `users`.`email` = ? WHERE `posts`.`author_id` = `users`.`id`",
        &[text("x")],
    );
}

#[test]
fn mysql_updates_and_deletes_the_first_rows_in_an_order() {
    use my::posts;
    assert_sql(
        update(posts::table)
            .set(posts::likes.to(0))
            .filter(posts::author_id.eq(1u64))
            .order_by(posts::likes.desc())
            .limit(2)
            .to_sql(),
        "UPDATE `posts` SET `likes` = ? WHERE `author_id` = ? ORDER BY `likes` DESC LIMIT 2",
        &[Value::I32(0), Value::U64(1)],
    );
    assert_sql(
        delete(posts::table).filter(posts::likes.lt(1)).limit(10).to_sql(),
        "DELETE FROM `posts` WHERE `likes` < ? LIMIT 10",
        &[Value::I32(1)],
    );
}
