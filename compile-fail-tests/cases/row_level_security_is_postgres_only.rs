mod notes_table {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub notes in Sqlite {
            id: Integer [primary_key],
            owner: Text [not_null],
        }
        define |t| {
            // Row-level security is PostgreSQL's: a SQLite table has no policies.
            t.enable_rls();
        }
    }
}

fn main() {
    // Nor does a SQLite schema declare roles.
    let _ = mizzle::schema::Schema::<mizzle::sqlite::Sqlite>::new().role(mizzle::schema::Role::new("app"));
}
