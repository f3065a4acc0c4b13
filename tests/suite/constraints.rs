//! Constraints and indexes on the real databases: the DDL runs, and each rule is enforced
//! with its typed error kind.

/// Writes the constraint scenarios for one backend. `$text`, `$int`, `$key` and `$key_ref`
/// are the dialect's column types for names, numbers, generated keys and references to them.
macro_rules! constraint_scenarios {
    ($module:ident, $db:ty, $dialect:ident, $connect:path, $text:ty, $int:ty, $key:ty, $key_ref:ty) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::schema::Schema;
            use mizzle::{delete, insert, select, DbErrorKind};

            mod tables {
                #[allow(unused_imports)]
                use mizzle::schema::RefAction;
                use crate::suite::dialects::$dialect::*;
                mizzle::table! {
                    pub authors in Dialect {
                        first: $text [not_null],
                        last: $text [not_null],
                        email: $text [unique],
                        age: $int,
                    }
                    define |t| {
                        t.primary_key((first, last));
                        t.check("age_not_negative", age.ge(0));
                        t.check_sql("email_has_at", "email LIKE '%@%'");
                    }
                }
                mizzle::table! {
                    pub books in Dialect {
                        id: $key [primary_key],
                        title: $text [not_null],
                        year: $int [not_null],
                        author_first: $text,
                        author_last: $text,
                        sequel_of: $key_ref [references(books::id), on_delete(SetNull)],
                    }
                    define |t| {
                        t.foreign_key((author_first, author_last), (authors::first, authors::last)).named("books_author_fk").on_delete(RefAction::Cascade);
                        t.unique_index("books_title_year_idx").on((title, year));
                        t.index("books_year_idx").on(year.desc());
                    }
                }
            }
            use tables::{authors, books};

            fn schema() -> Schema<crate::suite::dialects::$dialect::Dialect> {
                Schema::new().table(books::table).table(authors::table)
            }

            async fn open() -> Option<$db> {
                let statements = schema().create_statements().unwrap();
                $connect(concat!(stringify!($module), "_constraints"), &statements).await
            }

            #[tokio::test]
            async fn every_declared_rule_is_enforced_with_its_kind() {
                let Some(db) = open().await else { return };
                let ada = (authors::first.to("Ada"), authors::last.to("Lovelace"), authors::email.to("ada@example.com"), authors::age.to(36));
                insert(authors::table).values(ada).execute(&db).await.unwrap();

                let same_key = insert(authors::table).values((authors::first.to("Ada"), authors::last.to("Lovelace"))).execute(&db).await.unwrap_err();
                assert_eq!(same_key.db_kind(), Some(DbErrorKind::UniqueViolation), "{same_key}");
                let same_email = insert(authors::table)
                    .values((authors::first.to("Eve"), authors::last.to("X"), authors::email.to("ada@example.com")))
                    .execute(&db)
                    .await
                    .unwrap_err();
                assert_eq!(same_email.db_kind(), Some(DbErrorKind::UniqueViolation), "{same_email}");
                let negative = insert(authors::table).values((authors::first.to("Neg"), authors::last.to("A"), authors::age.to(-1))).execute(&db).await.unwrap_err();
                assert_eq!(negative.db_kind(), Some(DbErrorKind::CheckViolation), "{negative}");
                let no_at = insert(authors::table).values((authors::first.to("No"), authors::last.to("At"), authors::email.to("nowhere"))).execute(&db).await.unwrap_err();
                assert_eq!(no_at.db_kind(), Some(DbErrorKind::CheckViolation), "{no_at}");
                let no_name = db.execute_sql("INSERT INTO authors (last) VALUES ('Nameless')").await.unwrap_err();
                assert!(matches!(no_name.db_kind(), Some(DbErrorKind::NotNullViolation)), "{no_name}");

                let book = (books::title.to("Notes"), books::year.to(1843), books::author_first.to("Ada"), books::author_last.to("Lovelace"));
                insert(books::table).values(book).execute(&db).await.unwrap();
                let orphan = insert(books::table)
                    .values((books::title.to("Ghost"), books::year.to(1900), books::author_first.to("No"), books::author_last.to("One")))
                    .execute(&db)
                    .await
                    .unwrap_err();
                assert_eq!(orphan.db_kind(), Some(DbErrorKind::ForeignKeyViolation), "{orphan}");
                let no_prequel = insert(books::table).values((books::title.to("Sequel"), books::year.to(1844), books::sequel_of.to(999_999))).execute(&db).await.unwrap_err();
                assert_eq!(no_prequel.db_kind(), Some(DbErrorKind::ForeignKeyViolation), "{no_prequel}");
                let twice = insert(books::table).values((books::title.to("Notes"), books::year.to(1843))).execute(&db).await.unwrap_err();
                assert_eq!(twice.db_kind(), Some(DbErrorKind::UniqueViolation), "{twice}");

                delete(authors::table).filter(authors::first.eq("Ada")).execute(&db).await.unwrap();
                assert!(select(books::title).from(books::table).all(&db).await.unwrap().is_empty(), "deleting the author cascades to the book");

                for statement in schema().drop_statements() {
                    db.execute_sql(&statement).await.unwrap();
                }
            }
        }
    };
}
pub(crate) use constraint_scenarios;
