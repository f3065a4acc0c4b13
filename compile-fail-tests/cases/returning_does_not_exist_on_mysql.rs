use mizzle::prelude::*;
use mizzle_compile_fail_tests::my::users;

fn main() {
    let _ = mizzle::insert(users::table).values(users::name.to("x")).returning(users::id);
}
