//! Several statements at once: PostgreSQL's pipeline (statements run together on one
//! connection, in one round trip), and batches that run atomically on both servers.

use futures_util::future::join_all;
use mizzle::prelude::*;
use mizzle::{insert, select, update, DbErrorKind};

mod pg_schema {
    use mizzle::pg::*;
    mizzle::table! {
        pub items in Pg {
            id: Integer [primary_key],
            name: Text [not_null],
        }
    }
}

mod mysql_schema {
    use mizzle::mysql::*;
    mizzle::table! {
        pub items in MySql {
            id: Int [primary_key],
            name: Text [not_null],
        }
    }
}

#[tokio::test]
async fn a_pipeline_runs_a_hundred_lookups_together_on_one_connection() {
    use pg_schema::items;
    let Some(db) = crate::support::pg("pipeline", &[mizzle::create_table(items::table).unwrap()]).await else {
        return;
    };
    db.execute_sql("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) g")
        .await
        .unwrap();
    let names = db
        .pipeline(async |p| {
            let lookups = (1..=100).map(|id| async move {
                select(items::name)
                    .from(items::table)
                    .filter(items::id.eq(id))
                    .get(p)
                    .await
            });
            join_all(lookups).await.into_iter().collect::<Result<Vec<_>, _>>()
        })
        .await
        .unwrap();
    let expected: Vec<Option<String>> = (1..=100).map(|id| Some(format!("item {id}"))).collect();
    assert_eq!(names, expected);
    // One failing statement fails alone: the pipeline is not a transaction.
    let fresh = insert(items::table).values((items::id.to(101), items::name.to("new")));
    let duplicate = insert(items::table).values((items::id.to(1), items::name.to("again")));
    let (written, failed) = db
        .pipeline(async |p| Ok(tokio::join!(fresh.execute(p), duplicate.execute(p))))
        .await
        .unwrap();
    assert_eq!(written.unwrap(), 1);
    assert_eq!(failed.unwrap_err().db_kind(), Some(DbErrorKind::UniqueViolation));
    let count = select(items::id).from(items::table).all(&db).await.unwrap().len();
    assert_eq!(count, 101);
}

/// The batch scenario for one server: two writes applied together; then a batch whose
/// second statement fails leaves nothing of its first.
macro_rules! batch_scenario {
    ($name:ident, $schema:ident, $connect:path) => {
        #[tokio::test]
        async fn $name() {
            use $schema::items;
            let Some(db) = $connect(stringify!($name), &[mizzle::create_table(items::table).unwrap()]).await else {
                return;
            };
            let add = insert(items::table).values((items::id.to(1), items::name.to("one")));
            let rename = update(items::table)
                .set(items::name.to("uno"))
                .filter(items::id.eq(1));
            assert_eq!(db.batch(&[&add, &rename]).await.unwrap(), [1, 1]);
            let names = select(items::name).from(items::table).all(&db).await.unwrap();
            assert_eq!(names, ["uno"]);

            let add_two = insert(items::table).values((items::id.to(2), items::name.to("two")));
            let duplicate = insert(items::table).values((items::id.to(1), items::name.to("again")));
            let error = db.batch(&[&add_two, &duplicate]).await.unwrap_err();
            assert_eq!(error.db_kind(), Some(DbErrorKind::UniqueViolation), "{error}");
            let ids = select(items::id).from(items::table).all(&db).await.unwrap();
            assert_eq!(ids, [1], "the failed batch left nothing behind");
        }
    };
}

batch_scenario!(a_batch_runs_atomically_on_postgres, pg_schema, crate::support::pg);
batch_scenario!(a_batch_runs_atomically_on_mysql, mysql_schema, crate::support::mysql);
