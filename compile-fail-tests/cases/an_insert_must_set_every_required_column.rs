// Over 30 lines: after the message naming the missing column, rustc traces the check through
// the table's chain of columns, note by note; hiding those notes would hide the message too.
use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let _ = mizzle::insert(users::table).values(users::email.to("a@example.com"));
}
