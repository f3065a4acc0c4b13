use mizzle::prelude::*;
use mizzle_compile_fail_tests::my::users;

fn main() {
    let _ = mizzle::select(users::name).from(users::table).filter(users::id.eq_any(vec![1u64, 2]));
}
