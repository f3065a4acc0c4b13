use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    let options = mizzle::TransactionOptions::new().read_only();
    let _ = db.transaction_with(options, |tx| {
        // Reading is fine.
        let _ = mizzle::select(users::id).from(users::table).all(tx)?;
        // Writing is what the server would refuse.
        mizzle::insert(users::table).values(users::name.to("Ada")).execute(tx)
    });
}
