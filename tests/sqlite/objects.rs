//! SQLite schema objects for real: generated columns, views, and a cycle of references.

use mizzle::prelude::*;
use mizzle::schema::Schema;
use mizzle::sqlite::*;
use mizzle::{insert, select};

mizzle::table! {
    pub squares in Sqlite {
        id: Integer [primary_key],
        side: Integer [not_null],
        area: Integer [generated_stored("side * side")],
        half: Integer [generated_virtual("side / 2")],
    }
}
mizzle::table! {
    pub teams in Sqlite { id: Integer [primary_key], captain_id: Integer [references(players::id)] }
}
mizzle::table! {
    pub players in Sqlite { id: Integer [primary_key], team_id: Integer [references(teams::id)] }
}

#[test]
fn generated_columns_views_and_cycles() {
    let big = select((squares::id, squares::area))
        .from(squares::table)
        .filter(squares::area.gt(10));
    let schema = Schema::new()
        .table(teams::table)
        .table(players::table)
        .table(squares::table)
        .view("big_squares", &big);
    let db = Database::open_in_memory().unwrap();
    for statement in schema.create_statements().unwrap() {
        db.execute_sql(&statement).unwrap();
    }
    insert(squares::table).values(squares::side.to(4)).execute(&db).unwrap();
    assert_eq!(
        select((squares::area, squares::half))
            .from(squares::table)
            .all(&db)
            .unwrap(),
        [(Some(16), Some(2))]
    );
    db.execute_sql("INSERT INTO teams (id) VALUES (1); INSERT INTO players (id, team_id) VALUES (1, 1); UPDATE teams SET captain_id = 1").unwrap();
    let dangling = db.execute_sql("UPDATE teams SET captain_id = 2").unwrap_err();
    assert_eq!(
        dangling.db_kind(),
        Some(mizzle::DbErrorKind::ForeignKeyViolation),
        "{dangling}"
    );
    db.execute_sql("SELECT * FROM big_squares").unwrap();
    for statement in schema.drop_statements() {
        db.execute_sql(&statement).unwrap();
    }
}
