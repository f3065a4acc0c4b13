// Over 30 lines, and not in mizzle's words: the error is rustc's E0283 ("type annotations
// needed"), which no diagnostic attribute can reword. Its note names the cause: the table is
// in the FROM clause twice (`InLeft` and `InRight`). The fix is `mizzle::schema::alias(..)`
// for one side, as the README's "Errors you will see" says.
use mizzle::prelude::*;
use mizzle::sqlite::Database;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let db = Database::open_in_memory().unwrap();
    // Two `users` in one FROM clause: which one does `users::name` read?
    let _ = mizzle::select(users::name)
        .from(users::table)
        .inner_join(users::table, users::id.eq(users::id))
        .all(&db);
}
