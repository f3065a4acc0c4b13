use mizzle::prelude::*;

mod docs_table {
    use mizzle::pg::*;
    mizzle::table! {
        pub docs in Pg {
            id: Integer [primary_key],
            body: Json [not_null],
        }
    }
}
use docs_table::docs;

fn main() {
    // PostgreSQL's `json` type has no `?`: the column must be `jsonb`.
    let _ = mizzle::select(docs::id).from(docs::table).filter(docs::body.has_key("name"));
}
