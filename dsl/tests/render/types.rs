//! Type-level results: what a selection decodes to, checked by the compiler alone.

use crate::schema::{lite, Role};
use mizzle_dsl::dialect::Sqlite;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::{from, select, RowOf};

/// Type equality as a trait bound.
trait Same<T> {}
impl<T> Same<T> for T {}

/// The row type of `query`, checked against `Expected` at compile time.
fn row_type_is<Expected, Q: RowQuery<Dialect = Sqlite>, I>(_query: &Q)
where
    RowOf<Q, I>: Same<Expected>,
    Q::Decoded: mizzle_dsl::query::Selection<Q::Source, I, Sqlite>,
{
}

#[test]
fn selected_columns_decode_to_their_rust_types_with_nullability() {
    use lite::users;
    row_type_is::<(i64, String, Option<String>, Role), _, _>(
        &select((users::id, users::name, users::email, users::role)).from(users::table),
    );
}

#[test]
fn outer_joins_make_the_other_side_optional() {
    use lite::{posts, users};
    let on = || posts::author_id.eq(users::id);
    let cols = || (users::name, posts::title);
    row_type_is::<(String, String), _, _>(&select(cols()).from(users::table).inner_join(posts::table, on()));
    row_type_is::<(String, Option<String>), _, _>(&select(cols()).from(users::table).left_join(posts::table, on()));
    row_type_is::<(Option<String>, String), _, _>(&select(cols()).from(users::table).right_join(posts::table, on()));
    row_type_is::<(Option<String>, Option<String>), _, _>(
        &select(cols()).from(users::table).full_join(posts::table, on()),
    );
    // A nullable column stays one Option deep on the nullable side.
    row_type_is::<(Option<String>,), _, _>(&select((users::email,)).from(posts::table).left_join(users::table, on()));
}

#[test]
fn whole_rows_are_the_row_struct_and_optional_when_left_joined() {
    use lite::{posts, users};
    row_type_is::<users::Row, _, _>(&from(users::table));
    row_type_is::<(users::Row, Option<posts::Row>), _, _>(
        &select((users::table.row(), posts::table.row()))
            .from(users::table)
            .left_join(posts::table, posts::author_id.eq(users::id)),
    );
}

#[test]
fn aggregates_have_sql_result_types() {
    use lite::posts;
    use mizzle_dsl::expr::{avg, count, max, sum};
    row_type_is::<
        (
            i64,
            Option<rust_decimal::Decimal>,
            Option<rust_decimal::Decimal>,
            Option<i64>,
        ),
        _,
        _,
    >(
        &select((
            count(posts::id),
            sum(posts::likes),
            avg(posts::likes),
            max(posts::likes),
        ))
        .from(posts::table),
    );
}

#[derive(Debug, Clone, Copy, Default)]
struct Sq;
impl mizzle_dsl::schema::AliasName for Sq {
    const NAME: &'static str = "sq";
}

#[test]
fn subquery_fields_keep_the_nullability_they_had_inside() {
    use lite::{posts, users};
    let sq = select((users::id, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .aliased(Sq);
    let (id, title) = (sq.field(users::id), sq.field(posts::title));
    row_type_is::<(i64, Option<String>), _, _>(&select((id, title)).from(sq));
}

#[test]
fn the_insert_struct_makes_defaulted_and_nullable_fields_optional() {
    use lite::posts;
    // `id` autoincrements and `likes` has a default: optional. `author_id` and `title` are required.
    let record = posts::New {
        id: None,
        author_id: 1,
        title: String::from("t"),
        likes: None,
    };
    let _: (Option<i64>, i64, String, Option<i64>) = (record.id, record.author_id, record.title, record.likes);
    let user = lite::users::New {
        id: None,
        name: "n".into(),
        email: None,
        age: Some(1),
        role: None,
        prefs: None,
    };
    let _: (Option<String>, Option<Role>) = (user.email, user.role);
}
