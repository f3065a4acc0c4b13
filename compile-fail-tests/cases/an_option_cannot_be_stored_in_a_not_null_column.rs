use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::users;

fn main() {
    let name: Option<String> = None;
    let _ = mizzle::insert(users::table).values(users::name.to(name));
}
