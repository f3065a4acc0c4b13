//! The same two tables in each dialect, with the same names, so one scenario compiles for all.

/// Tables on PostgreSQL.
pub mod pg {
    use mizzle::pg::*;

    mizzle::table! {
        pub users in Pg {
            id: Serial [primary_key],
            name: Text [not_null],
            email: Varchar<255> [unique],
            manager_id: Integer [references(users::id)],
        }
    }

    mizzle::table! {
        pub posts in Pg {
            id: Serial [primary_key],
            author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
            title: Text [not_null],
            likes: Integer [not_null, default(0)],
        }
    }

    /// CREATE TABLE, in dependency order.
    pub fn ddl() -> Vec<String> {
        vec![
            mizzle::create_table(users::table).unwrap(),
            mizzle::create_table(posts::table).unwrap(),
        ]
    }
}

/// Tables on MySQL and MariaDB.
pub mod my {
    use mizzle::mysql::*;

    mizzle::table! {
        pub users in MySql {
            id: Serial [primary_key],
            name: Text [not_null],
            email: Varchar<255> [unique],
            manager_id: BigIntUnsigned [references(users::id)],
        }
    }

    mizzle::table! {
        pub posts in MySql {
            id: Serial [primary_key],
            author_id: BigIntUnsigned [not_null, references(users::id), on_delete(Cascade)],
            title: Text [not_null],
            likes: Int [not_null, default(0)],
        }
    }

    /// CREATE TABLE, in dependency order.
    pub fn ddl() -> Vec<String> {
        vec![
            mizzle::create_table(users::table).unwrap(),
            mizzle::create_table(posts::table).unwrap(),
        ]
    }
}

/// Tables on SQLite.
pub mod lite {
    use mizzle::sqlite::*;

    mizzle::table! {
        pub users in Sqlite {
            id: Integer [primary_key, autoincrement],
            name: Text [not_null],
            email: Text [unique],
            manager_id: Integer [references(users::id)],
        }
    }

    mizzle::table! {
        pub posts in Sqlite {
            id: Integer [primary_key, autoincrement],
            author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
            title: Text [not_null],
            likes: Integer [not_null, default(0)],
        }
    }

    /// CREATE TABLE, in dependency order.
    pub fn ddl() -> Vec<String> {
        vec![
            mizzle::create_table(users::table).unwrap(),
            mizzle::create_table(posts::table).unwrap(),
        ]
    }
}
