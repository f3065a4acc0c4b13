//! `mizzle seed`: the seeder's statements written through the backend the URL names.

use mizzle_dsl::dialect::{DialectKind, MySql, Pg, Sqlite};
use mizzle_dsl::exec::Executor;
use mizzle_dsl::render::RenderedSql;

/// Runs `statements` on the database at `url` (of dialect `kind`), in one transaction on
/// SQLite, telling `progress` (done, total); the rows inserted.
pub fn write(
    kind: DialectKind,
    url: &str,
    statements: Vec<RenderedSql<'static>>,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<u64, String> {
    let total = statements.len();
    let mut written = 0;
    match kind {
        DialectKind::Sqlite => {
            let path = url.strip_prefix("sqlite://").unwrap_or(url);
            let db = mizzle_sqlite::Database::connect(path).map_err(|e| e.to_string())?;
            db.transaction(|tx| {
                for (done, statement) in statements.into_iter().enumerate() {
                    progress(done, total);
                    let inserts = statement.sql.starts_with("INSERT");
                    let changed = Executor::<Sqlite>::execute(tx, Ok(statement))?;
                    written += if inserts { changed } else { 0 };
                }
                Ok::<_, mizzle_dsl::Error>(())
            })
            .map_err(|e| e.to_string())?;
        }
        DialectKind::Pg | DialectKind::MySql => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            runtime.block_on(async {
                if kind == DialectKind::Pg {
                    let db = mizzle_postgres::Database::connect(url)
                        .await
                        .map_err(|e| e.to_string())?;
                    for (done, statement) in statements.into_iter().enumerate() {
                        progress(done, total);
                        written += Executor::<Pg>::execute(&db, Ok(statement))
                            .await
                            .map_err(|e| e.to_string())?;
                    }
                } else {
                    let db = mizzle_mysql::Database::connect(url).await.map_err(|e| e.to_string())?;
                    for (done, statement) in statements.into_iter().enumerate() {
                        progress(done, total);
                        written += Executor::<MySql>::execute(&db, Ok(statement))
                            .await
                            .map_err(|e| e.to_string())?;
                    }
                }
                Ok::<_, String>(())
            })?;
        }
    }
    progress(total, total);
    Ok(written)
}
