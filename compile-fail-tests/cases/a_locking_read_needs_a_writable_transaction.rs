use mizzle::prelude::*;
use mizzle::pg::Database;
use mizzle_compile_fail_tests::pg::users;

async fn run(db: &Database) -> Result<(), mizzle::Error> {
    // A locking read in a read-write transaction is fine.
    db.transaction(async |tx| mizzle::select(users::id).from(users::table).for_update().all(tx).await)
        .await?;
    // PostgreSQL refuses SELECT … FOR UPDATE in a read-only transaction.
    let options = mizzle::TransactionOptions::new().read_only();
    db.transaction_with(options, async |tx| mizzle::select(users::id).from(users::table).for_share().all(tx).await)
        .await?;
    Ok(())
}

fn main() {
    let _ = run;
}
