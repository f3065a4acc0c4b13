//! Row locks held by one transaction, met by another: waiting, NOWAIT and SKIP LOCKED, on
//! PostgreSQL and MariaDB (SQLite has no row locks, and refuses them at compile time).

/// Writes the scenarios for one backend: `$schema` has `users` and `ddl()`.
macro_rules! lock_scenarios {
    ($module:ident, $schema:path, $connect:path) => {
        mod $module {
            use mizzle::prelude::*;
            use mizzle::{insert, select, update, DbErrorKind, Error};
            use tokio::sync::oneshot;
            use $schema::{ddl, users};

            #[tokio::test]
            async fn a_locked_row_makes_others_wait_fail_at_once_or_skip_it() {
                let Some(db) = $connect(concat!(stringify!($module), "_row_locks"), &ddl()).await else {
                    return;
                };
                insert(users::table)
                    .values(vec![users::name.to("Ada"), users::name.to("Grace")])
                    .execute(&db)
                    .await
                    .unwrap();
                let ada_id = select(users::id)
                    .from(users::table)
                    .filter(users::name.eq("Ada"))
                    .get(&db)
                    .await
                    .unwrap()
                    .unwrap();
                // By key: InnoDB locks every row a statement scans, and a key finds one.
                let ada = || users::id.eq(ada_id);
                let (locked, is_locked) = oneshot::channel::<()>();
                let (release, is_released) = oneshot::channel::<()>();
                let holder = db.transaction(async |tx| {
                    let held = select(users::name)
                        .from(users::table)
                        .filter(ada())
                        .for_update()
                        .all(tx)
                        .await?;
                    assert_eq!(held, ["Ada"]);
                    update(users::table)
                        .set(users::email.to("ada@locked.example"))
                        .filter(ada())
                        .execute(tx)
                        .await?;
                    locked.send(()).unwrap();
                    is_released.await.unwrap();
                    Ok::<_, Error>(())
                });
                let other = db.transaction(async |tx| {
                    is_locked.await.unwrap();
                    let refused = tx
                        .transaction(async |sp| {
                            select(users::name)
                                .from(users::table)
                                .filter(ada())
                                .for_update()
                                .nowait()
                                .all(sp)
                                .await
                        })
                        .await;
                    assert_eq!(
                        refused.unwrap_err().db_kind(),
                        Some(DbErrorKind::LockNotAvailable)
                    );
                    let free = select(users::name)
                        .from(users::table)
                        .for_update()
                        .skip_locked()
                        .all(tx)
                        .await?;
                    assert_eq!(free, ["Grace"]);
                    release.send(()).unwrap();
                    // Waits for the holder to commit, then reads the row it wrote.
                    let after = select(users::email)
                        .from(users::table)
                        .filter(ada())
                        .for_share()
                        .all(tx)
                        .await?;
                    assert_eq!(after, [Some("ada@locked.example".to_owned())]);
                    Ok::<_, Error>(())
                });
                let (held, waited) = tokio::join!(holder, other);
                held.unwrap();
                waited.unwrap();
            }
        }
    };
}

lock_scenarios!(on_postgres, super::super::schema::pg, crate::support::pg);
lock_scenarios!(on_mysql, super::super::schema::my, crate::support::mysql);

/// PostgreSQL's key-level locks, and OF: which other locks a held one lets through.
mod postgres_only {
    use super::super::schema::pg::{ddl, posts, users};
    use mizzle::prelude::*;
    use mizzle::{insert, select, DbErrorKind, Error};
    use tokio::sync::oneshot;

    #[tokio::test]
    async fn key_locks_and_of_tables_leave_the_other_locks_free() {
        let Some(db) = crate::support::pg("pg_key_locks", &ddl()).await else {
            return;
        };
        let ada: i32 = insert(users::table)
            .values(users::name.to("Ada"))
            .returning(users::id)
            .get(&db)
            .await
            .unwrap()
            .unwrap();
        insert(posts::table)
            .values((posts::author_id.to(ada), posts::title.to("Engines")))
            .execute(&db)
            .await
            .unwrap();
        let (locked, is_locked) = oneshot::channel::<()>();
        let (release, is_released) = oneshot::channel::<()>();
        let holder = db.transaction(async |tx| {
            select(users::id).from(users::table).for_no_key_update().all(tx).await?;
            // Of the joined rows, only the post is locked.
            select((users::name, posts::title))
                .from(users::table)
                .inner_join(posts::table, posts::author_id.eq(users::id))
                .for_update()
                .of(posts::table)
                .all(tx)
                .await?;
            locked.send(()).unwrap();
            is_released.await.unwrap();
            Ok::<_, Error>(())
        });
        let other = db.transaction(async |tx| {
            is_locked.await.unwrap();
            // Were the join's FOR UPDATE to lock the user too, KEY SHARE would fail here.
            let key_share = select(users::id)
                .from(users::table)
                .for_key_share()
                .nowait()
                .all(tx)
                .await?;
            assert_eq!(key_share, [ada]);
            let share = tx
                .transaction(async |sp| select(users::id).from(users::table).for_share().nowait().all(sp).await)
                .await;
            assert_eq!(share.unwrap_err().db_kind(), Some(DbErrorKind::LockNotAvailable));
            let post = tx
                .transaction(async |sp| select(posts::id).from(posts::table).for_share().nowait().all(sp).await)
                .await;
            assert_eq!(post.unwrap_err().db_kind(), Some(DbErrorKind::LockNotAvailable));
            release.send(()).unwrap();
            Ok::<_, Error>(())
        });
        let (held, met) = tokio::join!(holder, other);
        held.unwrap();
        met.unwrap();
    }
}
