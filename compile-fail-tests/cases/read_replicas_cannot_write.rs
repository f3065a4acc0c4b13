use mizzle::prelude::*;
use mizzle::ops::Replicated;
use mizzle_compile_fail_tests::pg::users;

async fn run(db: Replicated<mizzle::pg::Database, mizzle::pg::Pg>) -> Result<(), mizzle::Error> {
    // Reading from the replicas is fine.
    let _ = mizzle::select(users::id).from(users::table).all(db.replicas()).await?;
    // Writing through them is what a standby would refuse.
    mizzle::insert(users::table).values(users::name.to("Ada")).execute(db.replicas()).await?;
    Ok(())
}

fn main() {
    let _ = run;
}
