use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    // `email = NULL` is never true: this would match no row, even where email is NULL.
    let wanted: Option<&str> = None;
    let _ = mizzle::select(users::id)
        .from(users::table)
        .filter(users::email.eq(wanted));
}
