use mizzle::sqlite::*;

mizzle::table! {
    pub users in Sqlite { id: Integer [primary_key], invited_by: Integer }
}

mizzle::relations! {
    // `invited_by` may be NULL: a user may have no inviter, so this must be `optional`.
    pub inviter: users::table => one(users::table) on (users::invited_by = users::id);
}

fn main() {}
