use mizzle::prelude::*;
use mizzle_compile_fail_tests::{my, pg};

fn main() {
    // MySQL writes the first rows in an order.
    let first = mizzle::delete(my::users::table).filter(my::users::id.gt(1u64)).order_by(my::users::id).limit(1);
    // PostgreSQL has no LIMIT on DELETE.
    let limited = mizzle::delete(pg::users::table).filter(pg::users::id.gt(1)).limit(1);
    let _ = (first, limited);
}
