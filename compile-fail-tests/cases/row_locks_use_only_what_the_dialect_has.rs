
fn main() {
    // PostgreSQL has every lock.
    let pg = mizzle::select(mizzle_compile_fail_tests::pg::users::id)
        .from(mizzle_compile_fail_tests::pg::users::table)
        .for_no_key_update()
        .of(mizzle_compile_fail_tests::pg::users::table)
        .skip_locked();
    // MySQL and MariaDB lock rows for update and share, not by key, and not OF some tables.
    use mizzle_compile_fail_tests::my::users;
    let my_update = mizzle::select(users::id).from(users::table).for_update().nowait();
    let my_key = mizzle::select(users::id).from(users::table).for_key_share();
    let my_of = mizzle::select(users::id).from(users::table).for_update().of(users::table);
    // SQLite locks the whole database, never rows.
    use mizzle_compile_fail_tests::lite::posts;
    let lite = mizzle::select(posts::id).from(posts::table).for_update();
    let _ = (pg, my_update, my_key, my_of, lite);
}
