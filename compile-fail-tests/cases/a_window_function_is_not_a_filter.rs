use mizzle::prelude::*;
use mizzle::window::{row_number, window};
use mizzle_compile_fail_tests::lite::posts;

fn main() {
    let numbered = row_number().over(window().order_by(posts::id));
    // In the select list a window function is fine.
    let listed = mizzle::select((posts::title, numbered)).from(posts::table);
    // WHERE runs before windows are computed.
    let filtered = mizzle::select(posts::title).from(posts::table).filter(numbered.le(3));
    let _ = (listed, filtered);
}
