//! Row-level security on PostgreSQL with a real role: two tenants, each seeing and
//! writing only its own rows, the tenant given per transaction with `set_local`.

use mizzle::schema::Role;

/// The role requests run as: no login, bound by the policies.
fn tenant_role() -> Role {
    Role::new("mizzle_test_tenant")
}

mod tables {
    use mizzle::expr::current_setting;
    use mizzle::pg::*;
    mizzle::table! {
        pub notes in Pg {
            id: Serial [primary_key],
            tenant_id: Integer [not_null],
            body: Text [not_null],
        }
        define |t| {
            t.force_rls();
            t.policy("tenant_isolation")
                .to(&[&crate::suite::row_security::tenant_role()])
                .using(tenant_id.eq(current_setting("app.tenant_id").cast::<mizzle::types::Integer>()))
                .with_check(tenant_id.eq(current_setting("app.tenant_id").cast::<mizzle::types::Integer>()));
        }
    }
}

#[tokio::test]
async fn each_tenant_sees_and_writes_only_its_own_rows() {
    use mizzle::prelude::*;
    use mizzle::schema::Schema;
    use mizzle::{count_star, delete, insert, select, update, Error};
    use tables::notes;
    let ddl = Schema::new()
        .role(tenant_role())
        .table(notes::table)
        .create_statements()
        .unwrap();
    let Some(db) = crate::support::pg("row_security", &ddl).await else {
        return;
    };
    // Privileges are the role's to be given: RLS decides which rows, GRANT which tables.
    db.execute_sql(
        "GRANT USAGE ON SCHEMA mizzle_row_security TO mizzle_test_tenant; \
         GRANT SELECT, INSERT, UPDATE, DELETE ON notes TO mizzle_test_tenant; \
         GRANT USAGE ON SEQUENCE notes_id_seq TO mizzle_test_tenant",
    )
    .await
    .unwrap();
    // The connecting superuser is bound by no policy: it writes both tenants' rows.
    insert(notes::table)
        .values(vec![
            (notes::tenant_id.to(1), notes::body.to("one's first")),
            (notes::tenant_id.to(2), notes::body.to("two's first")),
        ])
        .execute(&db)
        .await
        .unwrap();
    let as_tenant = |tenant: &'static str| {
        let db = &db;
        async move {
            db.transaction(async |tx| {
                tx.set_local_role(&tenant_role()).await?;
                tx.set_local("app.tenant_id", tenant).await?;
                insert(notes::table)
                    .values((
                        notes::tenant_id.to(tenant.parse::<i32>().unwrap()),
                        notes::body.to("another"),
                    ))
                    .execute(tx)
                    .await?;
                let seen = select((notes::tenant_id, notes::body))
                    .from(notes::table)
                    .order_by(notes::id.asc())
                    .all(tx)
                    .await?;
                let other = if tenant == "1" { 2 } else { 1 };
                let updated = update(notes::table)
                    .set(notes::body.to("overwritten"))
                    .filter(notes::tenant_id.eq(other))
                    .execute(tx)
                    .await?;
                let deleted = delete(notes::table)
                    .filter(notes::tenant_id.eq(other))
                    .execute(tx)
                    .await?;
                Ok::<_, Error>((seen, updated, deleted))
            })
            .await
            .unwrap()
        }
    };
    let (seen, updated, deleted) = as_tenant("1").await;
    assert_eq!(seen, [(1, "one's first".to_owned()), (1, "another".to_owned())]);
    assert_eq!((updated, deleted), (0, 0));
    let (seen, ..) = as_tenant("2").await;
    assert_eq!(seen, [(2, "two's first".to_owned()), (2, "another".to_owned())]);
    // A write into another tenant's rows is refused, and says why.
    let refused = db
        .transaction(async |tx| {
            tx.set_local_role(&tenant_role()).await?;
            tx.set_local("app.tenant_id", "1").await?;
            insert(notes::table)
                .values((notes::tenant_id.to(2), notes::body.to("sneaked in")))
                .execute(tx)
                .await
        })
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("row-level security policy"), "{refused}");
    // Without a tenant the setting is NULL, and no row passes.
    let unset = db
        .transaction(async |tx| {
            tx.set_local_role(&tenant_role()).await?;
            select(notes::id).from(notes::table).all(tx).await
        })
        .await
        .unwrap();
    assert!(unset.is_empty());
    // The superuser still sees every row: both tenants' writes are there, nothing else.
    let all = select(count_star()).from(notes::table).get(&db).await.unwrap();
    assert_eq!(all, Some(4));
}
