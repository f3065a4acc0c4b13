//! WITH before a write: an UPDATE reading named queries (PostgreSQL, SQLite), and a
//! DELETE … RETURNING inside WITH feeding an INSERT (PostgreSQL only).

/// Writes the scenario for one backend: `$schema` has `users`, `posts` and `ddl()`.
macro_rules! write_scenarios {
    ($module:ident, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{cte, insert, select, update, with};
            use $schema::{ddl, posts, users};

            #[derive(Debug, Clone, Copy, Default)]
            struct Liked;
            impl mizzle::schema::AliasName for Liked {
                const NAME: &'static str = "liked";
            }

            #[tokio::test]
            async fn an_update_reads_a_named_query() {
                let Some(db) = $connect(concat!(stringify!($module), "_cte_update"), &ddl()).await else {
                    return;
                };
                insert(users::table)
                    .values(vec![users::name.to("Ada"), users::name.to("Grace")])
                    .execute(&db)
                    .await
                    .unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                insert(posts::table)
                    .values((
                        posts::author_id.to(ada),
                        posts::title.to("Numbers"),
                        posts::likes.to(9),
                    ))
                    .execute(&db)
                    .await
                    .unwrap();
                let liked = cte(
                    Liked,
                    select(posts::author_id)
                        .from(posts::table)
                        .filter(posts::likes.gt(6)),
                );
                let fans = liked.source();
                let changed = with(
                    liked,
                    update(users::table)
                        .set(users::email.to("liked@example.com"))
                        .filter(users::id.in_subquery(select(fans.field(posts::author_id)).from(fans))),
                )
                .execute(&db)
                .await
                .unwrap();
                assert_eq!(changed, 1);
                let emails = select((users::name, users::email))
                    .from(users::table)
                    .order_by(users::name)
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    emails,
                    [
                        ("Ada".to_owned(), Some("liked@example.com".to_owned())),
                        ("Grace".to_owned(), None)
                    ]
                );
            }
        }
    };
}

write_scenarios!(on_postgres, super::super::schema::pg, crate::support::pg);
write_scenarios!(on_sqlite, super::super::schema::lite, crate::support::sqlite);

/// PostgreSQL runs a data-modifying statement inside WITH.
mod postgres_only {
    use super::super::schema::pg::{ddl, posts, users};
    use mizzle::prelude::*;
    use mizzle::{count, cte, delete, insert, select, with};

    #[derive(Debug, Clone, Copy, Default)]
    struct Gone;
    impl mizzle::schema::AliasName for Gone {
        const NAME: &'static str = "gone";
    }

    #[tokio::test]
    async fn rows_deleted_inside_with_are_inserted_elsewhere_in_one_statement() {
        let Some(db) = crate::support::pg("pg_moving_cte", &ddl()).await else {
            return;
        };
        let ada: i32 = insert(users::table)
            .values(users::name.to("Ada"))
            .returning(users::id)
            .get(&db)
            .await
            .unwrap()
            .unwrap();
        insert(posts::table)
            .values(vec![
                (posts::author_id.to(ada), posts::title.to("Engines"), posts::likes.to(5)),
                (posts::author_id.to(ada), posts::title.to("Numbers"), posts::likes.to(9)),
            ])
            .execute(&db)
            .await
            .unwrap();
        let gone = cte(
            Gone,
            delete(posts::table).filter(posts::likes.lt(6)).returning(posts::title),
        );
        let source = gone.source();
        let moved = with(
            gone,
            insert(users::table).select(users::name, select(source.field(posts::title)).from(source)),
        )
        .execute(&db)
        .await
        .unwrap();
        assert_eq!(moved, 1);
        let names = select(users::name)
            .from(users::table)
            .order_by(users::name)
            .all(&db)
            .await
            .unwrap();
        assert_eq!(names, ["Ada", "Engines"]);
        let left = select(count(posts::id)).from(posts::table).get(&db).await.unwrap();
        assert_eq!(left, Some(1));
    }
}
