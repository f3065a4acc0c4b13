//! INTERSECT ALL and EXCEPT ALL, which keep duplicate rows: PostgreSQL and MariaDB (SQLite
//! has only the distinct forms, and refuses these at compile time).

/// Writes the scenario for one backend: `$schema` has `users`, `posts` and `ddl()`.
macro_rules! all_scenarios {
    ($module:ident, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{insert, select};
            use $schema::{ddl, posts, users};

            #[tokio::test]
            async fn intersect_all_and_except_all_count_duplicates() {
                let Some(db) = $connect(concat!(stringify!($module), "_set_all"), &ddl()).await else {
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
                insert(posts::table)
                    .values(vec![
                        (posts::author_id.to(ada), posts::title.to("Engines")),
                        (posts::author_id.to(ada), posts::title.to("Numbers")),
                    ])
                    .execute(&db)
                    .await
                    .unwrap();
                let authors = || select(posts::author_id).from(posts::table);
                let people = || select(users::id).from(users::table);
                assert_eq!(
                    authors().intersect_all(authors()).all(&db).await.unwrap(),
                    [ada, ada]
                );
                assert_eq!(authors().intersect(authors()).all(&db).await.unwrap(), [ada]);
                assert_eq!(authors().intersect_all(people()).all(&db).await.unwrap(), [ada]);
                assert_eq!(authors().except_all(people()).all(&db).await.unwrap(), [ada]);
                assert!(authors().except(people()).all(&db).await.unwrap().is_empty());
            }
        }
    };
}

all_scenarios!(on_postgres, super::super::schema::pg, crate::support::pg);
all_scenarios!(on_mysql, super::super::schema::my, crate::support::mysql);
