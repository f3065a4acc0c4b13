//! The tables the render tests query: the same blog schema in each dialect.

pub use mizzle_test_schema::{Prefs, Role};

pub mod lite {
    use super::{Prefs, Role};
    use mizzle_dsl::sqlite::*;

    mizzle_dsl::table! {
        pub users in Sqlite {
            id: Integer [primary_key, autoincrement],
            name: Text [not_null],
            email: Text [unique],
            age: Integer,
            role: TextEnum<Role> [not_null, default("member")],
            prefs: TextJson<Prefs>,
        }
    }

    mizzle_dsl::table! {
        pub posts in Sqlite {
            id: Integer [primary_key, autoincrement],
            author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
            title: Text [not_null],
            likes: Integer [not_null, default(0)],
        }
    }
}

pub mod pg {
    use mizzle_dsl::pg::*;

    mizzle_dsl::table! {
        pub users in Pg {
            id: Serial [primary_key],
            name: Varchar<100> [not_null],
            email: Text [unique],
            age: Integer,
        }
    }

    mizzle_dsl::table! {
        pub posts in Pg {
            id: Serial [primary_key],
            author_id: Integer [not_null, references(users::id)],
            title: Text [not_null],
            likes: Integer [not_null, default(0)],
        }
    }
}

pub mod my {
    use mizzle_dsl::mysql::*;

    mizzle_dsl::table! {
        pub users in MySql {
            id: Serial [primary_key],
            name: Varchar<100> [not_null],
            email: Varchar<255> [unique],
            age: Int,
        }
    }

    mizzle_dsl::table! {
        pub posts in MySql {
            id: Serial [primary_key],
            author_id: BigIntUnsigned [not_null, references(users::id)],
            title: Text [not_null],
            likes: Int [not_null, default(0)],
        }
    }
}

/// A table whose values the application fills: a slug on insert, a timestamp on update.
pub mod app {
    use mizzle_dsl::pg::*;

    pub fn new_slug() -> String {
        "fresh-slug".to_owned()
    }

    pub fn touched_at() -> chrono::DateTime<chrono::Utc> {
        chrono::DateTime::from_timestamp(1_700_000_000, 0).expect("a valid instant")
    }

    mizzle_dsl::table! {
        pub docs in Pg {
            id: Serial [primary_key],
            slug: Text [not_null, default_fn(new_slug)],
            title: Text [not_null],
            updated_at: Timestamptz [on_update_fn(touched_at)],
        }
    }
}
