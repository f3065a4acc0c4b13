use mizzle::prelude::*;
use mizzle::schema::AliasName;
use mizzle_compile_fail_tests::lite::{posts, users};

#[derive(Debug, Clone, Copy, Default)]
struct Best;
impl AliasName for Best {
    const NAME: &'static str = "best";
}

fn main() {
    let best = || {
        mizzle::select(posts::title)
            .from(posts::table)
            .correlated(users::table)
            .filter(posts::author_id.eq(users::id))
            .limit(1)
            .aliased(Best)
    };
    // A plain join cannot read the rows before it.
    let plain = mizzle::select(users::name).from(users::table).cross_join(best());
    // SQLite (and MariaDB) have no LATERAL.
    let lateral = mizzle::select(users::name).from(users::table).cross_join_lateral(best());
    let _ = (plain, lateral);
}
