use mizzle::prelude::*;
use mizzle_compile_fail_tests::{lite, my};

fn main() {
    // Every dialect has string_agg (group_concat) and JSON arrays.
    let joined = mizzle::select(mizzle::string_agg(lite::posts::title, ", ")).from(lite::posts::table).to_sql();
    // array_agg is PostgreSQL's.
    let array = mizzle::select(mizzle::array_agg(lite::posts::title)).from(lite::posts::table).to_sql();
    // MySQL writes FILTER as a CASE, whose NULLs JSON_ARRAYAGG would keep.
    let filtered = mizzle::select(mizzle::json_agg(my::users::name).filter(my::users::id.gt(1u64)))
        .from(my::users::table)
        .to_sql();
    let _ = (joined, array, filtered);
}
