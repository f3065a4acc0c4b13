//! A million rows streamed with `query.stream(&db)` on each database, the heap measured
//! meanwhile: a test binary of its own, so that no other test allocates while it runs.

#[allow(dead_code)]
mod support;

use mizzle::prelude::*;
use mizzle::select;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

/// The system allocator, counting the bytes in use and the most in use at once.
struct Counting;

static IN_USE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call goes to the system allocator as it came; the counters only add.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let in_use = IN_USE.fetch_add(layout.size() as isize, Ordering::Relaxed) + layout.size() as isize;
        PEAK.fetch_max(in_use, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many rows each database streams.
const ROWS: i64 = 1_000_000;

/// The most the heap may grow while the rows stream: the million rows themselves would
/// take about 60 MB.
const CEILING: isize = 8 << 20;

/// Measures the heap's growth while `stream` runs: the most in use at once, less what
/// was in use before.
async fn growth_while<F: std::future::Future<Output = (i64, i64)>>(stream: F) -> ((i64, i64), isize) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let read = stream.await;
    (read, PEAK.load(Ordering::Relaxed) - before)
}

/// Checks what was read: every row once, in order (the count and the sum of the keys).
fn check(database: &str, (count, sum): (i64, i64), growth: isize) {
    eprintln!("{database}: {count} rows streamed, heap grew by at most {growth} bytes");
    assert_eq!(count, ROWS, "{database}: every row");
    assert_eq!(sum, ROWS * (ROWS + 1) / 2, "{database}: each row once");
    assert!(
        growth < CEILING,
        "{database}: the heap grew by {growth} bytes, over {CEILING}"
    );
}

/// Drops a stream of `$query` on `$db` after ten rows, then checks that the database goes on
/// serving: the statement was stopped, and no row of it is read by the next query.
macro_rules! stop_early {
    ($db:expr, $query:expr, $table:ident) => {{
        let mut rows = $query.stream($db);
        for _ in 0..10 {
            rows.try_next().await.unwrap().expect("a row");
        }
        drop(rows);
        let first = select($table::id)
            .from($table::table)
            .order_by($table::id.asc())
            .limit(1)
            .all($db)
            .await
            .unwrap();
        assert_eq!(first, [1]);
    }};
}

/// On a server: fills `$table` with `$fill`, streams it whole with the heap measured,
/// then drops a stream part-way.
macro_rules! stream_a_million {
    ($database:literal, $db:expr, $table:ident, $fill:expr) => {{
        $db.execute_sql(&$fill).await.unwrap();
        let query = select(($table::id, $table::body))
            .from($table::table)
            .order_by($table::id.asc());
        let (read, growth) = growth_while(async {
            let mut rows = query.stream($db);
            let (mut count, mut sum) = (0, 0);
            while let Some((id, body)) = rows.try_next().await.unwrap() {
                assert_eq!(body, format!("line number {id}"));
                count += 1;
                sum += id;
            }
            (count, sum)
        })
        .await;
        check($database, read, growth);
        stop_early!($db, query, $table);
    }};
}

mod pg_schema {
    use mizzle::pg::*;
    mizzle::table! {
        pub numbered in Pg {
            id: BigInt [primary_key],
            body: Text [not_null],
        }
    }
}

mod mysql_schema {
    use mizzle::mysql::*;
    mizzle::table! {
        pub numbered in MySql {
            id: BigInt [primary_key],
            body: Text [not_null],
        }
    }
}

mod sqlite_schema {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub numbered in Sqlite {
            id: Integer [primary_key],
            body: Text [not_null],
        }
    }
}

#[tokio::test]
async fn a_million_rows_stream_in_bounded_memory_on_every_database() {
    if let Some(db) = support::pg(
        "streaming",
        &[mizzle::create_table(pg_schema::numbered::table).unwrap()],
    )
    .await
    {
        use pg_schema::numbered;
        let fill = format!("INSERT INTO numbered SELECT g, 'line number ' || g FROM generate_series(1, {ROWS}) g");
        stream_a_million!("PostgreSQL", &db, numbered, fill);
    }

    if let Some(db) = support::mysql(
        "streaming",
        &[mizzle::create_table(mysql_schema::numbered::table).unwrap()],
    )
    .await
    {
        use mysql_schema::numbered;
        // MariaDB's sequence engine: seq_1_to_N is a table of the numbers 1 to N.
        let fill = format!("INSERT INTO numbered SELECT seq, CONCAT('line number ', seq) FROM seq_1_to_{ROWS}");
        stream_a_million!("MariaDB", &db, numbered, fill);
    }

    {
        use sqlite_schema::numbered;
        let db = mizzle::sqlite::Database::connect(":memory:").unwrap();
        db.execute_sql(&mizzle::create_table(numbered::table).unwrap()).unwrap();
        db.execute_sql(&format!(
            "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {ROWS}) \
             INSERT INTO numbered SELECT n, 'line number ' || n FROM g"
        ))
        .unwrap();
        let query = select((numbered::id, numbered::body))
            .from(numbered::table)
            .order_by(numbered::id.asc());
        let (read, growth) = growth_while(async {
            let (mut count, mut sum) = (0, 0);
            query
                .stream(&db)
                .for_each(|(id, body)| {
                    assert_eq!(body, format!("line number {id}"));
                    count += 1;
                    sum += id;
                    Ok::<_, mizzle::Error>(())
                })
                .unwrap();
            (count, sum)
        })
        .await;
        check("SQLite", read, growth);

        // The control: the same rows read whole do grow the heap past the ceiling.
        let (_, whole) = growth_while(async {
            let rows = query.all(&db).unwrap();
            (rows.len() as i64, 0)
        })
        .await;
        eprintln!("SQLite: the same rows read whole grew the heap by {whole} bytes");
        assert!(whole > CEILING, "the heap is measured");
    }
}
