//! DDL written from values: index options and text literals cannot add SQL, and text
//! reads back as written under every server setting that changes how literals are read
//! (`standard_conforming_strings` on PostgreSQL, `NO_BACKSLASH_ESCAPES` on MySQL).

use crate::support;
use mizzle::prelude::*;
use mizzle::{from, insert, DbErrorKind};

/// Text that leaves a literal written with `'` doubled and `\` as it is, where the
/// server reads backslash escapes.
const BREAKOUT: &str = r"x\'); DROP TABLE canary; --";

/// Another, which the CHECK constraints below refuse.
const REFUSED: &str = r"y\'); DROP TABLE canary; --";

/// An index method as a variable might hold it.
const METHOD: &str = "btree (body); DROP TABLE canary; --";

/// The table an injection would drop.
const CANARY: &str = "CREATE TABLE canary (id integer)";

/// An enum with a backslash in a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Path {
    Root,
    Share,
}

impl mizzle::types::SqlEnum for Path {
    const TYPE_NAME: &'static str = "share_path";
    const MEMBERS: &'static [&'static str] = &[r"C:\", r"\\share\'"];
    fn as_member(&self) -> &'static str {
        Self::MEMBERS[*self as usize]
    }
    fn from_member(member: &str) -> Option<Self> {
        Self::MEMBERS
            .iter()
            .position(|m| *m == member)
            .map(|i| [Path::Root, Path::Share][i])
    }
}

mod pg_tables {
    use super::{Path, BREAKOUT, METHOD, REFUSED};
    use mizzle::pg::*;
    mizzle::table! {
        pub notes in Pg {
            id: Integer [primary_key],
            body: Text [not_null, default(BREAKOUT)],
            path: Enum<Path>,
        }
        define |t| {
            t.check("not_refused", body.ne(REFUSED));
        }
    }
    mizzle::table! {
        pub indexed in Pg { id: Integer [primary_key], body: Text }
        define |t| {
            t.index("indexed_body_idx").using(METHOD).on(body);
        }
    }
}

mod my_tables {
    use super::{Path, BREAKOUT, REFUSED};
    use mizzle::mysql::*;
    mizzle::table! {
        pub notes in MySql {
            id: Int [primary_key],
            body: Varchar<100> [not_null, default(BREAKOUT)],
            path: Enum<Path>,
        }
        define |t| {
            t.check("not_refused", body.ne(REFUSED));
        }
    }
}

/// Checks that the DDL of `$notes` left the canary alone, and that its default, its enum
/// member and its CHECK read back as written.
macro_rules! reads_back_as_written {
    ($db:ident, $notes:ident, $member:expr) => {
        $db.execute_sql("SELECT * FROM canary")
            .await
            .expect("canary is still there");
        insert($notes::table)
            .values(($notes::id.to(1), $notes::path.to($member)))
            .execute(&$db)
            .await
            .unwrap();
        let row = from($notes::table).get(&$db).await.unwrap().unwrap();
        assert_eq!((row.body.as_str(), row.path), (BREAKOUT, Some($member)));
        let refused = insert($notes::table)
            .values(($notes::id.to(2), $notes::body.to(REFUSED)))
            .execute(&$db)
            .await
            .unwrap_err();
        assert_eq!(refused.db_kind(), Some(DbErrorKind::CheckViolation), "{refused}");
    };
}

#[tokio::test]
async fn postgres_reads_ddl_text_as_written_with_standard_conforming_strings_off() {
    use pg_tables::notes;
    let Some(db) = support::pg("ddl_literals", &[CANARY.to_owned()]).await else {
        return;
    };
    let ddl = [
        mizzle::schema::create_enum(&mizzle::schema::EnumType {
            name: <Path as mizzle::types::SqlEnum>::TYPE_NAME,
            members: <Path as mizzle::types::SqlEnum>::MEMBERS,
        }),
        mizzle::create_table(notes::table).unwrap(),
    ]
    .join("\n");
    db.execute_sql(&format!(
        "SET standard_conforming_strings = off; {ddl} RESET standard_conforming_strings;"
    ))
    .await
    .unwrap();
    reads_back_as_written!(db, notes, Path::Share);
}

#[tokio::test]
async fn an_index_method_from_a_variable_is_a_name_not_sql() {
    let Some(db) = support::pg("ddl_index_method", &[CANARY.to_owned()]).await else {
        return;
    };
    let error = db
        .execute_sql(&mizzle::create_table(pg_tables::indexed::table).unwrap())
        .await
        .unwrap_err();
    assert!(error.to_string().contains("access method"), "{error}");
    db.execute_sql("SELECT * FROM canary")
        .await
        .expect("canary is still there");
}

/// Creates `notes` under `sql_mode`, then reads its default and enum back.
async fn mysql_reads_ddl_text_as_written(test: &str, sql_mode: &str) {
    use my_tables::notes;
    let Some(db) = support::mysql(test, &[CANARY.to_owned()]).await else {
        return;
    };
    let ddl = mizzle::create_table(notes::table).unwrap();
    db.execute_sql(&format!(
        "SET SESSION sql_mode = '{sql_mode}'; {ddl} SET SESSION sql_mode = DEFAULT;"
    ))
    .await
    .unwrap();
    reads_back_as_written!(db, notes, Path::Root);
}

#[tokio::test]
async fn mysql_reads_ddl_text_as_written_with_backslash_escapes() {
    mysql_reads_ddl_text_as_written("ddl_literals_escapes", "STRICT_TRANS_TABLES").await;
}

#[tokio::test]
async fn mysql_reads_ddl_text_as_written_with_no_backslash_escapes() {
    mysql_reads_ddl_text_as_written("ddl_literals_no_escapes", "STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES").await;
}
