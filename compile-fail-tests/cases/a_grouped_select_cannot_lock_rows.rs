use mizzle::count;
use mizzle_compile_fail_tests::pg::users;

fn main() {
    // Rows of a group are not rows of a table: PostgreSQL refuses FOR UPDATE with GROUP BY.
    let grouped = mizzle::select((users::name, count(users::id)))
        .from(users::table)
        .group_by(users::name)
        .for_update();
    let distinct = mizzle::select(users::name).from(users::table).distinct().for_update();
    let _ = (grouped, distinct);
}
