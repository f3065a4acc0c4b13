use mizzle::prelude::*;

mod docs_table {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub docs in Sqlite {
            id: Integer [primary_key],
            body: TextJson [not_null],
        }
    }
}
use docs_table::docs;

fn main() {
    let _ = mizzle::select(docs::id).from(docs::table).filter(docs::body.contains(vec!["rust"]));
}
