//! Window frames counted in groups with rows excluded, and lag with a default: PostgreSQL
//! and SQLite (MySQL and MariaDB have neither, and refuse them at compile time).

/// Writes the scenario for one backend: `$schema` has `users`, `posts` and `ddl()`.
macro_rules! frame_scenarios {
    ($module:ident, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::window::{lag, window, FrameBound, FrameExclusion};
            use mizzle::{count, insert, select};
            use $schema::{ddl, posts, users};

            #[tokio::test]
            async fn groups_frames_exclude_rows_and_lag_falls_back_to_its_default() {
                let Some(db) = $connect(concat!(stringify!($module), "_frames"), &ddl()).await else {
                    return;
                };
                insert(users::table)
                    .values(users::name.to("Ada"))
                    .execute(&db)
                    .await
                    .unwrap();
                let ada = select(users::id)
                    .from(users::table)
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                let post = |title: &'static str, likes| {
                    (
                        posts::author_id.to(ada),
                        posts::title.to(title),
                        posts::likes.to(likes),
                    )
                };
                insert(posts::table)
                    .values(vec![post("a", 1), post("b", 1), post("c", 2), post("d", 3)])
                    .execute(&db)
                    .await
                    .unwrap();
                // Each post with the number of posts in its likes group and the groups
                // either side of it, itself left out.
                let neighbours = window()
                    .order_by(posts::likes)
                    .groups(FrameBound::Preceding(1), FrameBound::Following(1))
                    .exclude(FrameExclusion::CurrentRow);
                let rows = select((
                    posts::title,
                    count(posts::id).over(neighbours),
                    lag(posts::title)
                        .default_to("-")
                        .over(window().order_by(posts::title)),
                ))
                .from(posts::table)
                .order_by(posts::title)
                .all(&db)
                .await
                .unwrap();
                let expected = [("a", 2, "-"), ("b", 2, "a"), ("c", 3, "b"), ("d", 1, "c")]
                    .map(|(title, count, before)| (title.to_owned(), count, before.to_owned()));
                assert_eq!(rows, expected);
            }
        }
    };
}

frame_scenarios!(on_postgres, super::super::schema::pg, crate::support::pg);
frame_scenarios!(on_sqlite, super::super::schema::lite, crate::support::sqlite);
