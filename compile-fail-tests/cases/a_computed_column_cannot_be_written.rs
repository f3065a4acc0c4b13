use mizzle::prelude::*;
use mizzle_compile_fail_tests::pg_computed::accounts;

fn main() {
    // `id` is `identity_always`: PostgreSQL refuses a value for it.
    let _ = mizzle::insert(accounts::table).values((accounts::id.to(7), accounts::name.to("Ada")));
}
