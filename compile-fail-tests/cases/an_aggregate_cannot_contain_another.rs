use mizzle_compile_fail_tests::lite::posts;

fn main() {
    let _ = mizzle::max(mizzle::count(posts::id));
}
