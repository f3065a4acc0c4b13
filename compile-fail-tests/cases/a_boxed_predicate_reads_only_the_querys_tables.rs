use mizzle::prelude::*;
use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    let mut filters = Vec::new();
    filters.push(mizzle::boxed(users::name.eq("Ada")));
    // posts is not read by the query the list goes to.
    filters.push(mizzle::boxed(posts::title.eq("Engines")));
    let query = mizzle::select(users::id).from(users::table).filter(mizzle::all_of(filters));
    let _ = query;
}
