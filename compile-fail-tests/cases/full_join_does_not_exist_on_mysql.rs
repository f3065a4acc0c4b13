use mizzle::prelude::*;
use mizzle_compile_fail_tests::my::users;

fn main() {
    let _ = mizzle::select(users::id).from(users::table).full_join(users::table, users::id.eq(users::id));
}
