//! One workload, one side, many times: for `valgrind --tool=callgrind`, whose instruction
//! counts hold still on a busy machine where criterion's times do not.
//!
//! `cargo build --release -p mizzle-benches --example profile`, then
//! `valgrind --tool=callgrind target/release/examples/profile <workload> <mizzle|raw> <runs>`
//! with workload `render_10_tables` (no database), `pk_lookup`, `select_1000` or `insert_100` (SQLite, in memory), `pk_lookup_postgres`,
//! `select_1000_postgres`, `insert_100_postgres`, `pk_lookup_mysql`, `select_1000_mysql` or `insert_100_mysql` (on the schemas `cargo bench` leaves behind).
//! A run of 0 counts the setup, to subtract.

use mizzle::prelude::*;
use mizzle::select;

mod lite {
    use mizzle::sqlite::*;
    mizzle::table! { pub users in Sqlite { id: Integer [primary_key], name: Text [not_null], hair_color: Text } }
    mizzle::table! { pub inserted in Sqlite { id: Integer [primary_key], name: Text [not_null], hair_color: Text } }
}

mod pg {
    use mizzle::pg::*;
    mizzle::table! { pub users in Pg { id: Serial [primary_key], name: Text [not_null], hair_color: Text } }
    mizzle::table! { pub inserted in Pg { id: Serial [primary_key], name: Text [not_null], hair_color: Text } }
}

mod my {
    use mizzle::mysql::*;
    mizzle::table! { pub users in MySql { id: Serial [primary_key], name: Varchar<100> [not_null], hair_color: Varchar<100> } }
    mizzle::table! { pub inserted in MySql { id: Serial [primary_key], name: Varchar<100> [not_null], hair_color: Varchar<100> } }
}

/// MariaDB's primary-key lookup or 1,000-row select, on the bench's database (`cargo
/// bench` creates it).
fn mysql(workload: &str, side: &str, n: usize) {
    use my::users;
    use mysql_async::prelude::Queryable;
    let url = "mysql://root@127.0.0.1:3306/mizzle_bench";
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let db = rt.block_on(mizzle::mysql::Database::connect(url)).unwrap();
    let mut conn = rt.block_on(mysql_async::Conn::from_url(url)).unwrap();
    let names: Vec<String> = (0..100).map(|i| format!("new user {i}")).collect();
    let insert_sql = format!(
        "INSERT INTO `inserted` (`name`, `hair_color`) VALUES {}",
        vec!["(?, ?)"; 100].join(", ")
    );
    let mut total = 0;
    for i in 0..n {
        let id = i as u64 % 1000 + 1;
        total += match (workload, side) {
            ("pk_lookup_mysql", "mizzle") => rt
                .block_on(
                    select((users::id, users::name, users::hair_color))
                        .from(users::table)
                        .filter(users::id.eq(id))
                        .get(&db),
                )
                .unwrap()
                .map_or(0, |row| row.1.len()),
            ("insert_100_mysql", "mizzle") => {
                let rows: Vec<_> = names
                    .iter()
                    .map(|n| {
                        (
                            my::inserted::name.to(n.as_str()),
                            my::inserted::hair_color.to(Some("red")),
                        )
                    })
                    .collect();
                rt.block_on(mizzle::insert(my::inserted::table).values(rows).execute(&db))
                    .unwrap() as usize
            }
            ("insert_100_mysql", _) => {
                let params: Vec<mysql_async::Value> = names
                    .iter()
                    .flat_map(|n| [mysql_async::Value::from(n.as_str()), mysql_async::Value::from("red")])
                    .collect();
                rt.block_on(conn.exec_drop(insert_sql.as_str(), params)).unwrap();
                100
            }
            ("pk_lookup_mysql", _) => rt
                .block_on(conn.exec_first::<(u64, String, Option<String>), _, _>(
                    "SELECT `users`.`id`, `users`.`name`, `users`.`hair_color` FROM `users` WHERE `users`.`id` = ?",
                    (id,),
                ))
                .unwrap()
                .map_or(0, |row| row.1.len()),
            (_, "mizzle") => rt
                .block_on(
                    select((users::id, users::name, users::hair_color))
                        .from(users::table)
                        .all(&db),
                )
                .unwrap()
                .len(),
            _ => rt
                .block_on(conn.exec::<(u64, String, Option<String>), _, _>(
                    "SELECT `users`.`id`, `users`.`name`, `users`.`hair_color` FROM `users`",
                    (),
                ))
                .unwrap()
                .len(),
        };
    }
    println!("{total}");
}

/// PostgreSQL's primary-key lookup, 1,000-row select or insert of 100 rows, on the bench's schema (`cargo
/// bench` creates it).
fn postgres(workload: &str, side: &str, n: usize) {
    use pg::users;
    let url = "postgres://postgres@127.0.0.1:5432/test?options=-c%20search_path%3Dmizzle_bench";
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let db = rt.block_on(mizzle::pg::Database::connect(url)).unwrap();
    let (client, connection) = rt
        .block_on(tokio_postgres::connect(url, tokio_postgres::NoTls))
        .unwrap();
    rt.spawn(connection);
    let all = rt
        .block_on(client.prepare(r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users""#))
        .unwrap();
    let by_id = rt
        .block_on(client.prepare(
            r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users" WHERE "users"."id" = $1"#,
        ))
        .unwrap();
    let names: Vec<String> = (0..100).map(|i| format!("new user {i}")).collect();
    let placeholders: Vec<String> = (0..100).map(|i| format!("(${}, ${})", 2 * i + 1, 2 * i + 2)).collect();
    let insert = rt
        .block_on(client.prepare(&format!(
            "INSERT INTO \"inserted\" (\"name\", \"hair_color\") VALUES {}",
            placeholders.join(", ")
        )))
        .unwrap();
    let mut total = 0;
    for i in 0..n {
        let id = (i % 1000 + 1) as i32;
        total += match (workload, side) {
            ("insert_100_postgres", "mizzle") => {
                let rows: Vec<_> = names
                    .iter()
                    .map(|n| {
                        (
                            pg::inserted::name.to(n.as_str()),
                            pg::inserted::hair_color.to(Some("red")),
                        )
                    })
                    .collect();
                rt.block_on(mizzle::insert(pg::inserted::table).values(rows).execute(&db))
                    .unwrap() as usize
            }
            ("insert_100_postgres", _) => {
                let params: Vec<&(dyn tokio_postgres::types::ToSql + Sync)> = names
                    .iter()
                    .flat_map(|n| [n as &(dyn tokio_postgres::types::ToSql + Sync), &"red"])
                    .collect();
                rt.block_on(client.execute(&insert, &params)).unwrap() as usize
            }
            ("pk_lookup_postgres", "mizzle") => rt
                .block_on(
                    select((users::id, users::name, users::hair_color))
                        .from(users::table)
                        .filter(users::id.eq(id))
                        .get(&db),
                )
                .unwrap()
                .map_or(0, |row| row.1.len()),
            ("pk_lookup_postgres", _) => rt
                .block_on(client.query_opt(&by_id, &[&id]))
                .unwrap()
                .map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
                .map_or(0, |row| row.1.len()),
            (_, "mizzle") => rt
                .block_on(
                    select((users::id, users::name, users::hair_color))
                        .from(users::table)
                        .all(&db),
                )
                .unwrap()
                .len(),
            _ => rt
                .block_on(client.query(&all, &[]))
                .unwrap()
                .iter()
                .map(|r| (r.get::<_, i32>(0), r.get::<_, String>(1), r.get::<_, Option<String>>(2)))
                .collect::<Vec<_>>()
                .len(),
        };
    }
    println!("{total}");
}

/// The render-only workload: the statement built and rendered, or written by hand.
fn render(side: &str, n: usize) {
    use mizzle_benches::render::{built, hand_written};
    let mut total = 0;
    for i in 0..n as i64 {
        total += match side {
            "mizzle" => mizzle::render::render_statement(&built(i, i + 100))
                .unwrap()
                .binds
                .len(),
            _ => hand_written(i, i + 100).1.len(),
        };
    }
    println!("{total}");
}

fn main() {
    use lite::users;
    let args: Vec<String> = std::env::args().collect();
    let (workload, side, n): (&str, &str, usize) = (&args[1], &args[2], args[3].parse().unwrap());
    if workload == "render_10_tables" {
        return render(side, n);
    }
    if workload.ends_with("_postgres") {
        return postgres(workload, side, n);
    }
    if workload.ends_with("_mysql") {
        return mysql(workload, side, n);
    }
    let db = mizzle::sqlite::Database::open_in_memory().unwrap();
    db.execute_sql("CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL, hair_color text)")
        .unwrap();
    for i in 0..1000 {
        db.execute_sql(&format!(
            "INSERT INTO users (name, hair_color) VALUES ('user {i}', 'color {i}')"
        ))
        .unwrap();
    }
    db.execute_sql("CREATE TABLE inserted (id integer PRIMARY KEY, name text NOT NULL, hair_color text)")
        .unwrap();
    let names: Vec<String> = (0..100).map(|i| format!("new user {i}")).collect();
    let insert_sql = format!(
        "INSERT INTO \"inserted\" (\"name\", \"hair_color\") VALUES {}",
        vec!["(?, ?)"; 100].join(", ")
    );
    let raw = db.connection();
    let mut total = 0usize;
    for i in 0..n {
        let id = (i % 1000 + 1) as i64;
        match (workload, side) {
            ("pk_lookup", "mizzle") => {
                let row = select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .filter(users::id.eq(id))
                    .get(&db)
                    .unwrap();
                total += row.map_or(0, |r| r.1.len());
            }
            ("pk_lookup", "raw") => {
                let mut stmt = raw
                    .prepare_cached(
                        r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users" WHERE "users"."id" = ?"#,
                    )
                    .unwrap();
                let row = stmt
                    .query_row([id], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<String>>(2)?,
                        ))
                    })
                    .ok();
                total += row.map_or(0, |r| r.1.len());
            }
            ("select_1000", "mizzle") => {
                let rows = select((users::id, users::name, users::hair_color))
                    .from(users::table)
                    .all(&db)
                    .unwrap();
                total += rows.len();
            }
            ("select_1000", "raw") => {
                let mut stmt = raw
                    .prepare_cached(r#"SELECT "users"."id", "users"."name", "users"."hair_color" FROM "users""#)
                    .unwrap();
                let rows = stmt
                    .query_map([], |r| {
                        Ok((
                            r.get::<_, i64>(0)?,
                            r.get::<_, String>(1)?,
                            r.get::<_, Option<String>>(2)?,
                        ))
                    })
                    .unwrap()
                    .collect::<Result<Vec<_>, _>>()
                    .unwrap();
                total += rows.len();
            }
            ("insert_100", "mizzle") => {
                use lite::inserted;
                let rows: Vec<_> = names
                    .iter()
                    .map(|n| (inserted::name.to(n.as_str()), inserted::hair_color.to(Some("red"))))
                    .collect();
                total += mizzle::insert(inserted::table).values(rows).execute(&db).unwrap() as usize;
            }
            ("insert_100", "raw") => {
                let mut stmt = raw.prepare_cached(&insert_sql).unwrap();
                let params: Vec<&dyn rusqlite::ToSql> = names
                    .iter()
                    .flat_map(|n| [n as &dyn rusqlite::ToSql, &"red" as &dyn rusqlite::ToSql])
                    .collect();
                total += stmt.execute(params.as_slice()).unwrap();
            }
            _ => panic!("unknown workload {workload} {side}"),
        }
    }
    println!("{total}");
}
