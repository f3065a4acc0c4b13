use mizzle_compile_fail_tests::lite::{posts, users};

fn main() {
    // SQLite has INTERSECT and EXCEPT, but not their ALL forms.
    let distinct = mizzle::select(users::id)
        .from(users::table)
        .intersect(mizzle::select(posts::author_id).from(posts::table));
    let all = mizzle::select(users::id)
        .from(users::table)
        .intersect_all(mizzle::select(posts::author_id).from(posts::table));
    let _ = (distinct, all);
}
