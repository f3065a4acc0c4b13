use mizzle::prelude::*;
use mizzle::schema::AliasName;
use mizzle::{cte, with};
use mizzle_compile_fail_tests::my::users;

#[derive(Debug, Clone, Copy, Default)]
struct Named;
impl AliasName for Named {
    const NAME: &'static str = "named";
}

fn main() {
    let named = || cte(Named, mizzle::select(users::id).from(users::table));
    let source = named().source();
    // Before a SELECT, WITH is fine.
    let read = with(named(), mizzle::select(source.field(users::id)).from(source));
    // Before an UPDATE, MariaDB does not parse it.
    let write = with(
        named(),
        mizzle::update(users::table)
            .set(users::name.to("x"))
            .filter(users::id.in_subquery(mizzle::select(source.field(users::id)).from(source))),
    );
    let _ = (read, write);
}
