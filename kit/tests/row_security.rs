//! Row-level security through the kit on PostgreSQL: roles, switches and policies are
//! pushed, read back without drift, and a changed policy is dropped and made anew.

mod support;

use mizzle_dsl::schema::{Role, Schema};
use mizzle_kit::diff::{diff, Renames};
use mizzle_kit::drift::{plan, push};

fn reader() -> Role {
    Role::new("mizzle_kit_reader")
}

mod v1 {
    use mizzle_dsl::expr::current_setting;
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub docs in Pg {
            id: Serial [primary_key],
            owner: Text [not_null],
        }
        define |t| {
            t.enable_rls();
            t.policy("owner_reads")
                .for_(mizzle_dsl::schema::PolicyCommand::Select)
                .to(&[&crate::reader()])
                .using(owner.eq(current_setting("app.user")));
        }
    }
}

mod v2 {
    use mizzle_dsl::expr::{current_setting, current_user};
    use mizzle_dsl::pg::*;
    mizzle_dsl::table! {
        pub docs in Pg {
            id: Serial [primary_key],
            owner: Text [not_null],
        }
        define |t| {
            t.force_rls();
            t.policy("owner_reads")
                .for_(mizzle_dsl::schema::PolicyCommand::Select)
                .to(&[&crate::reader()])
                .using(owner.eq(current_user()));
            t.policy("no_deletes").restrictive().for_(mizzle_dsl::schema::PolicyCommand::Delete).using(owner.eq(current_setting("app.admin")));
        }
    }
}

#[tokio::test]
async fn policies_push_without_drift_and_change_by_drop_and_create() {
    let Some(url) = support::database("postgresql", "row_security").await else {
        return;
    };
    // The role is the server's: left by an earlier run, it goes first (its schema, and so
    // everything naming it, went with `support::database`).
    let mut conn = mizzle_kit::apply::connect(&url).await.unwrap();
    conn.execute("DROP ROLE IF EXISTS mizzle_kit_reader").await.unwrap();
    let first = Schema::new().role(reader()).table(v1::docs::table).model().unwrap();
    let made = plan(&url, &first, "mizzle_migrations").await.unwrap();
    assert!(
        made.statements[0].starts_with("DO $mizzle$ BEGIN IF NOT EXISTS"),
        "{made:?}"
    );
    assert!(
        made.statements
            .iter()
            .any(|s| s.starts_with("CREATE POLICY \"owner_reads\" ON \"docs\" FOR SELECT TO \"mizzle_kit_reader\"")),
        "{made:?}"
    );
    push(&url, &made).await.unwrap();
    let again = plan(&url, &first, "mizzle_migrations").await.unwrap();
    assert!(again.statements.is_empty(), "no drift after a push:\n{again:?}");

    let second = Schema::new().role(reader()).table(v2::docs::table).model().unwrap();
    let changed = plan(&url, &second, "mizzle_migrations").await.unwrap();
    assert_eq!(
        changed.statements,
        [
            "DROP POLICY \"owner_reads\" ON \"docs\";",
            "ALTER TABLE \"docs\" FORCE ROW LEVEL SECURITY;",
            "CREATE POLICY \"no_deletes\" ON \"docs\" AS RESTRICTIVE FOR DELETE USING ((owner = NULLIF(current_setting('app.admin'::text, true), ''::text)));",
            "CREATE POLICY \"owner_reads\" ON \"docs\" FOR SELECT TO \"mizzle_kit_reader\" USING ((owner = CURRENT_USER));",
        ],
        "{changed:?}"
    );
    push(&url, &changed).await.unwrap();
    assert!(plan(&url, &second, "mizzle_migrations")
        .await
        .unwrap()
        .statements
        .is_empty());
}

#[test]
fn migrations_switch_rls_off_with_a_warning_and_drop_removed_roles_last() {
    let with = Schema::new().role(reader()).table(v1::docs::table).model().unwrap();
    let mut without = with.clone();
    without.roles.clear();
    without.tables[0].rls_enabled = false;
    without.tables[0].policies.clear();
    let steps = diff(&with, &without, &Renames::default()).unwrap();
    let sql: Vec<String> = steps
        .iter()
        .flat_map(|s| s.sql(mizzle_dsl::dialect::DialectKind::Pg))
        .collect();
    assert_eq!(
        sql,
        [
            "DROP POLICY \"owner_reads\" ON \"docs\";",
            "ALTER TABLE \"docs\" DISABLE ROW LEVEL SECURITY;",
            "DROP ROLE IF EXISTS \"mizzle_kit_reader\";",
        ]
    );
    let warnings: Vec<String> = steps.iter().filter_map(|s| s.warning()).collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(warnings[0].contains("turns row-level security off"), "{warnings:?}");
    // Undone, the steps put it all back.
    let undo: Vec<String> = steps
        .iter()
        .rev()
        .filter_map(|s| s.inverse())
        .flat_map(|s| s.sql(mizzle_dsl::dialect::DialectKind::Pg))
        .collect();
    assert_eq!(undo[1], "ALTER TABLE \"docs\" ENABLE ROW LEVEL SECURITY;");
}
