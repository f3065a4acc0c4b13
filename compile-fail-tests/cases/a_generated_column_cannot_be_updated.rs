use mizzle::prelude::*;
use mizzle_compile_fail_tests::pg_computed::accounts;

fn main() {
    // `slug` is generated from `name`: no statement may set it.
    let _ = mizzle::update(accounts::table)
        .set(accounts::slug.to("ada"))
        .all_rows();
}
