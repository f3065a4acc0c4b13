use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let _ = mizzle::select(users::name).from(users::table).filter(users::name.ilike("a%"));
}
