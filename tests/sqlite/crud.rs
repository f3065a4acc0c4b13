//! Inserts, selects, joins, aggregates, subqueries, upserts, updates and deletes on SQLite.

use super::db;
use super::schema::{posts, users, Role};
use mizzle::prelude::*;
use mizzle::{count, delete, excluded, from, insert, max, select, update};

/// Inserts Ada (admin) and Grace, and two posts by Ada; returns their ids.
fn seed(db: &mizzle::sqlite::Database) -> (i64, i64) {
    let ada = insert(users::table)
        .values((
            users::name.to("Ada"),
            users::email.to("ada@example.com"),
            users::role.to(Role::Admin),
        ))
        .returning(users::id)
        .get(db)
        .unwrap()
        .unwrap();
    let grace = insert(users::table)
        .values((users::name.to("Grace"), users::manager_id.to(ada)))
        .returning(users::id)
        .get(db)
        .unwrap()
        .unwrap();
    insert(posts::table)
        .values(vec![
            (posts::author_id.to(ada), posts::title.to("Engines"), posts::likes.to(5)),
            (posts::author_id.to(ada), posts::title.to("Numbers"), posts::likes.to(9)),
        ])
        .execute(db)
        .unwrap();
    (ada, grace)
}

#[test]
fn inserted_rows_come_back_as_row_structs_with_defaults_filled() {
    let db = db();
    let (ada, grace) = seed(&db);
    let rows = from(users::table).order_by(users::id).all(&db).unwrap();
    assert_eq!(
        rows,
        vec![
            users::Row {
                id: ada,
                name: "Ada".into(),
                email: Some("ada@example.com".into()),
                role: Role::Admin,
                manager_id: None
            },
            users::Row {
                id: grace,
                name: "Grace".into(),
                email: None,
                role: Role::Member,
                manager_id: Some(ada)
            },
        ]
    );
}

#[test]
fn get_returns_the_first_row_or_none() {
    let db = db();
    seed(&db);
    assert_eq!(
        select(users::name)
            .from(users::table)
            .filter(users::email.eq("ada@example.com"))
            .get(&db)
            .unwrap(),
        Some("Ada".to_owned())
    );
    assert_eq!(
        select(users::name)
            .from(users::table)
            .filter(users::name.eq("Nobody"))
            .get(&db)
            .unwrap(),
        None
    );
}

#[test]
fn a_left_join_yields_none_for_missing_rows() {
    let db = db();
    seed(&db);
    let rows = select((users::name, posts::title))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .order_by((users::name, posts::title))
        .all(&db)
        .unwrap();
    assert_eq!(
        rows,
        vec![
            ("Ada".to_owned(), Some("Engines".to_owned())),
            ("Ada".to_owned(), Some("Numbers".to_owned())),
            ("Grace".to_owned(), None)
        ]
    );
}

#[test]
fn a_whole_left_joined_row_is_none_when_there_is_no_match() {
    let db = db();
    seed(&db);
    let rows = select((users::name, posts::table.row()))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .filter(users::name.eq("Grace"))
        .all(&db)
        .unwrap();
    assert_eq!(rows, vec![("Grace".to_owned(), None)]);
}

#[derive(Debug, Clone, Copy, Default)]
struct Manager;
impl mizzle::schema::AliasName for Manager {
    const NAME: &'static str = "manager";
}

#[test]
fn a_self_join_through_an_alias() {
    let db = db();
    seed(&db);
    let manager = mizzle::schema::alias(users::table, Manager);
    let rows = select((users::name, manager.col(users::name)))
        .from(users::table)
        .inner_join(manager, manager.col(users::id).eq(users::manager_id))
        .all(&db)
        .unwrap();
    assert_eq!(rows, vec![("Grace".to_owned(), "Ada".to_owned())]);
}

#[test]
fn aggregates_group_and_filter() {
    let db = db();
    seed(&db);
    let rows = select((users::name, count(posts::id), max(posts::likes)))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::name)
        .having(count(posts::id).ge(0i64))
        .order_by(users::name)
        .all(&db)
        .unwrap();
    assert_eq!(
        rows,
        vec![("Ada".to_owned(), 2, Some(9)), ("Grace".to_owned(), 0, None)]
    );
}

#[test]
fn subqueries_filter_and_compute() {
    let db = db();
    seed(&db);
    let authors = select(posts::author_id).from(posts::table).filter(posts::likes.gt(6));
    let best = select(max(posts::likes)).from(posts::table).scalar();
    let rows = select((users::name, best))
        .from(users::table)
        .filter(users::id.in_subquery(authors))
        .all(&db)
        .unwrap();
    assert_eq!(rows, vec![("Ada".to_owned(), Some(9))]);
    let lonely = select(users::name)
        .from(users::table)
        .filter(users::id.not_in_subquery(select(posts::author_id).from(posts::table)))
        .all(&db)
        .unwrap();
    assert_eq!(lonely, vec!["Grace".to_owned()]);
}

#[test]
fn an_upsert_updates_the_conflicting_row() {
    let db = db();
    seed(&db);
    insert(users::table)
        .values((users::name.to("Ada Lovelace"), users::email.to("ada@example.com")))
        .on_conflict(users::email)
        .do_update(users::name.to(excluded(users::name)))
        .execute(&db)
        .unwrap();
    let skipped = insert(users::table)
        .values((users::name.to("Someone"), users::email.to("ada@example.com")))
        .on_conflict_do_nothing()
        .execute(&db)
        .unwrap();
    assert_eq!(skipped, 0);
    let names = select(users::name)
        .from(users::table)
        .filter(users::email.eq("ada@example.com"))
        .all(&db)
        .unwrap();
    assert_eq!(names, vec!["Ada Lovelace".to_owned()]);
    // DO UPDATE … WHERE, reading the existing row beside the new one.
    let upsert = |name: &'static str| {
        insert(users::table)
            .values((users::name.to(name), users::email.to("ada@example.com")))
            .on_conflict(users::email)
            .do_update(users::name.to(users::name.concat(" & ").concat(excluded(users::name))))
            .filter(users::name.ne("Ada Lovelace & Countess"))
    };
    assert_eq!(upsert("Countess").execute(&db).unwrap(), 1);
    assert_eq!(upsert("Again").execute(&db).unwrap(), 0);
    let names = select(users::name)
        .from(users::table)
        .filter(users::email.eq("ada@example.com"))
        .all(&db)
        .unwrap();
    assert_eq!(names, vec!["Ada Lovelace & Countess".to_owned()]);
    // Two clauses: a conflict on the key updates, one on the email is skipped.
    let ada_id = select(users::id)
        .from(users::table)
        .filter(users::email.eq("ada@example.com"))
        .get(&db)
        .unwrap()
        .unwrap();
    let both = |id: i64, name: &'static str, email: &'static str| {
        insert(users::table)
            .values((users::id.to(id), users::name.to(name), users::email.to(email)))
            .on_conflict(users::id)
            .do_update(users::name.to(excluded(users::name)))
            .on_conflict(users::email)
            .do_nothing()
    };
    assert_eq!(both(ada_id, "Ada", "other@example.com").execute(&db).unwrap(), 1);
    assert_eq!(both(ada_id + 100, "Twin", "ada@example.com").execute(&db).unwrap(), 0);
    let names = select(users::name)
        .from(users::table)
        .filter(users::id.eq(ada_id))
        .all(&db)
        .unwrap();
    assert_eq!(names, vec!["Ada".to_owned()]);
}

#[test]
fn update_and_delete_report_rows_affected_and_return_rows() {
    let db = db();
    let (ada, _) = seed(&db);
    let changed = update(posts::table)
        .set(posts::likes.to(posts::likes.add(1)))
        .filter(posts::author_id.eq(ada))
        .execute(&db)
        .unwrap();
    assert_eq!(changed, 2);
    let titles = update(posts::table)
        .set(posts::title.to("Renamed"))
        .filter(posts::likes.eq(10))
        .returning(posts::title)
        .all(&db)
        .unwrap();
    assert_eq!(titles, vec!["Renamed".to_owned()]);
    let deleted = delete(posts::table)
        .filter(posts::likes.lt(100))
        .returning((posts::id, posts::likes))
        .all(&db)
        .unwrap();
    assert_eq!(deleted.len(), 2);
    assert_eq!(delete(users::table).all_rows().execute(&db).unwrap(), 2);
}

#[test]
fn insert_select_copies_rows_between_tables() {
    let db = db();
    let (_, grace) = seed(&db);
    let copied = insert(posts::table)
        .select(
            (posts::author_id, posts::title),
            select((users::id, users::name))
                .from(users::table)
                .filter(users::id.eq(grace)),
        )
        .execute(&db)
        .unwrap();
    assert_eq!(copied, 1);
    let titles = select(posts::title)
        .from(posts::table)
        .filter(posts::author_id.eq(grace))
        .all(&db)
        .unwrap();
    assert_eq!(titles, vec!["Grace".to_owned()]);
}

#[test]
fn deleting_a_user_cascades_to_posts_because_foreign_keys_are_on() {
    let db = db();
    let (ada, _) = seed(&db);
    delete(users::table).filter(users::id.eq(ada)).execute(&db).unwrap();
    assert_eq!(select(count(posts::id)).from(posts::table).get(&db).unwrap(), Some(0));
}

#[test]
fn the_async_api_returns_the_same_results() {
    let db = mizzle::sqlite::AsyncDatabase::connect("sqlite::memory:").unwrap();
    for ddl in super::schema::ddl() {
        futures_lite_block_on(db.execute_sql(&ddl)).unwrap();
    }
    let run = async {
        insert(users::table)
            .values(users::name.to("Ada"))
            .execute(&db)
            .await
            .unwrap();
        select(users::name).from(users::table).all(&db).await.unwrap()
    };
    // The futures are complete when returned: polling once finishes them.
    let names = futures_lite_block_on(run);
    assert_eq!(names, vec!["Ada".to_owned()]);
}

/// Drives a future that needs no waking to completion.
fn futures_lite_block_on<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("a SQLite future was pending"),
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Counts;
impl mizzle::schema::AliasName for Counts {
    const NAME: &'static str = "counts";
}

#[test]
fn selecting_from_an_aliased_subquery() {
    let db = db();
    seed(&db);
    let liked = select((posts::author_id, posts::title))
        .from(posts::table)
        .filter(posts::likes.gt(6))
        .aliased(Counts);
    let (author, title) = (liked.field(posts::author_id), liked.field(posts::title));
    let rows = select((users::name, title))
        .from(liked)
        .inner_join(users::table, users::id.eq(author))
        .all(&db)
        .unwrap();
    assert_eq!(rows, vec![("Ada".to_owned(), "Numbers".to_owned())]);
}

#[test]
fn whole_insert_records_fill_defaults() {
    let db = db();
    let ada = users::New {
        id: None,
        name: "Ada".into(),
        email: None,
        role: None,
        manager_id: None,
    };
    let id = insert(users::table)
        .values(ada)
        .returning(users::id)
        .get(&db)
        .unwrap()
        .unwrap();
    let posts = vec![
        posts::New {
            id: None,
            author_id: id,
            title: "a".into(),
            likes: Some(2),
        },
        posts::New {
            id: None,
            author_id: id,
            title: "b".into(),
            likes: Some(3),
        },
    ];
    assert_eq!(insert(posts::table).values(posts).execute(&db).unwrap(), 2);
    let row = from(users::table).get(&db).unwrap().unwrap();
    assert_eq!((row.name.as_str(), row.role), ("Ada", Role::Member));
}
