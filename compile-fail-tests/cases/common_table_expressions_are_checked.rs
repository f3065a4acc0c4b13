use mizzle::prelude::*;
use mizzle::schema::AliasName;
use mizzle::{cte, recursive_cte};
use mizzle_compile_fail_tests::lite::{posts, users};

#[derive(Debug, Clone, Copy, Default)]
struct Named;
impl AliasName for Named {
    const NAME: &'static str = "named";
}

fn main() {
    // The recursive part returns the anchor's rows.
    let walk = recursive_cte(
        Named,
        mizzle::select((users::id, users::name)).from(users::table),
        |named| mizzle::select(users::id).from(named).inner_join(users::table, users::id.eq(named.field(users::id))),
    );
    // A named query exposes only the columns it selects.
    let titles = cte(Named, mizzle::select(posts::title).from(posts::table));
    let unselected = titles.field(posts::id);
    // Only PostgreSQL writes inside WITH.
    let gone = cte(Named, mizzle::delete(posts::table).filter(posts::id.eq(1)).returning(posts::title));
    let _ = (walk, unselected, gone);
}
