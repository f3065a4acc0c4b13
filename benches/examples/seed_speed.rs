//! How fast the seeder writes: 100,000 rows of a 10-column table on SQLite (in a file,
//! inside one transaction), and 50,000 on PostgreSQL and MariaDB, each as rows per second.
//! `cargo run --release -p mizzle-benches --example seed_speed`; the servers come from
//! `MIZZLE_PG_URL` and `MIZZLE_MYSQL_URL` as for the benches.

use mizzle::seed::Seed;
use std::time::Instant;

macro_rules! wide {
    ($module:ident, $dialect:ident, $d:ty, $int:ty) => {
        mod $module {
            use mizzle::$dialect::*;
            mizzle::table! {
                pub people in $d {
                    id: $int [primary_key],
                    first_name: Text [not_null],
                    last_name: Text [not_null],
                    email: Text [not_null],
                    city: Text,
                    country: Text,
                    age: $int [not_null],
                    phone: Text,
                    company: Text,
                    title: Text,
                }
            }
        }
    };
}
wide!(lite, sqlite, Sqlite, Integer);
wide!(pg, pg, Pg, Integer);
wide!(my, mysql, MySql, Int);

fn report(database: &str, rows: usize, started: Instant) {
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "seed {database}: {rows} rows in {seconds:.2} s, {:.0} rows/s",
        rows as f64 / seconds
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join("mizzle_seed_speed.db");
    let _ = std::fs::remove_file(&path);
    let db = mizzle::sqlite::Database::connect(path.to_str().unwrap_or("seed.db"))?;
    db.execute_sql(&mizzle::create_table(lite::people::table)?)?;
    let started = Instant::now();
    let written = db.transaction(|tx| Seed::new(1).table(lite::people::table, 100_000).run(tx))?;
    report("sqlite", written as usize, started);

    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let pg_url =
            std::env::var("MIZZLE_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
        match mizzle::pg::Database::connect(&pg_url).await {
            Ok(db) => {
                db.execute_sql("DROP TABLE IF EXISTS people").await?;
                db.execute_sql(&mizzle::create_table(pg::people::table)?).await?;
                let started = Instant::now();
                let written = Seed::new(1).table(pg::people::table, 50_000).run_async(&db).await?;
                report("postgres", written as usize, started);
                db.execute_sql("DROP TABLE people").await?;
            }
            Err(error) => println!("seed postgres: skipped, {error}"),
        }
        let my_url =
            std::env::var("MIZZLE_MYSQL_URL").unwrap_or_else(|_| "mysql://root@127.0.0.1:3306/test".to_owned());
        match mizzle::mysql::Database::connect(&my_url).await {
            Ok(db) => {
                db.execute_sql("DROP TABLE IF EXISTS people").await?;
                db.execute_sql(&mizzle::create_table(my::people::table)?).await?;
                let started = Instant::now();
                let written = Seed::new(1).table(my::people::table, 50_000).run_async(&db).await?;
                report("mariadb", written as usize, started);
                db.execute_sql("DROP TABLE people").await?;
            }
            Err(error) => println!("seed mariadb: skipped, {error}"),
        }
        Ok::<(), Box<dyn std::error::Error>>(())
    })?;
    Ok(())
}
