//! The schema the compile-fail cases query; the cases themselves live in `cases/`.

/// A SQLite blog: users and their posts.
pub mod lite {
    use mizzle::sqlite::*;

    mizzle::table! {
        /// Users.
        pub users in Sqlite {
            /// Key.
            id: Integer [primary_key, autoincrement],
            /// Required.
            name: Text [not_null],
            /// Nullable.
            email: Text,
        }
    }

    mizzle::table! {
        /// Posts.
        pub posts in Sqlite {
            /// Key.
            id: Integer [primary_key, autoincrement],
            /// Author.
            author_id: Integer [not_null, references(users::id)],
            /// Required.
            title: Text [not_null],
        }
    }
}

/// Relations between the SQLite blog's tables.
pub mod lite_relations {
    use super::lite::{posts, users};

    mizzle::relations! {
        /// The posts a user wrote.
        pub user_posts: users::table => many(posts::table) on (users::id = posts::author_id);
        /// A post's author.
        pub post_author: posts::table => one(users::table) on (posts::author_id = users::id);
    }
}

/// The same users table on PostgreSQL.
pub mod pg {
    use mizzle::pg::*;

    mizzle::table! {
        /// Users.
        pub users in Pg {
            /// Key.
            id: Serial [primary_key],
            /// Required.
            name: Text [not_null],
        }
    }
}

/// Accounts on PostgreSQL, with columns the database computes.
pub mod pg_computed {
    use mizzle::pg::*;

    mizzle::table! {
        /// Accounts.
        pub accounts in Pg {
            /// Always from the identity sequence.
            id: Integer [primary_key, identity_always],
            /// Required.
            name: Text [not_null],
            /// Computed from `name`.
            slug: Text [generated_stored("lower(name)")],
        }
    }
}

/// The same users table on MySQL.
pub mod my {
    use mizzle::mysql::*;

    mizzle::table! {
        /// Users.
        pub users in MySql {
            /// Key.
            id: Serial [primary_key],
            /// Required.
            name: Text [not_null],
        }
    }
}
