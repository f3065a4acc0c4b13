//! An application's migrations binary: its schema handed to the migrations kit, so that
//! `generate` can compare it with the last snapshot. Run
//! `cargo run --example migrations --features kit -- generate --name init --dir /tmp/m`,
//! then `… -- migrate --dir /tmp/m --url sqlite:///tmp/app.db` (every command: `--help`).

use mizzle::schema::Schema;
use mizzle::sqlite::*;
use std::process::ExitCode;

mizzle::table! {
    /// People who write.
    pub users in Sqlite {
        id: Integer [primary_key, autoincrement],
        name: Text [not_null],
        email: Text [unique],
    }
}

mizzle::table! {
    /// What they write.
    pub posts in Sqlite {
        id: Integer [primary_key, autoincrement],
        author_id: Integer [not_null, references(users::id), on_delete(Cascade)],
        title: Text [not_null],
    }
    define |t| {
        t.index("posts_author_idx").on(author_id);
    }
}

fn main() -> ExitCode {
    mizzle::kit::cli::main_with_schema(&Schema::new().table(users::table).table(posts::table))
}
