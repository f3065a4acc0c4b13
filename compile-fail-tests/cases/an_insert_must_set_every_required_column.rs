use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let _ = mizzle::insert(users::table).values(users::email.to("a@example.com"));
}
