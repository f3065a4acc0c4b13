use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let _ = mizzle::select(users::id).from(users::table).filter(users::id.eq("x"));
}
