//! Row-level security in the DDL (PostgreSQL): roles, the table's switches, policies with
//! typed conditions.

use mizzle_dsl::expr::current_setting;
use mizzle_dsl::prelude::*;
use mizzle_dsl::schema::{create_table, Role, Schema};

/// The role the application's requests run as.
pub fn app_user() -> Role {
    Role::new("app_user")
}

mod tables {
    use mizzle_dsl::expr::{current_setting, current_user};
    use mizzle_dsl::pg::*;
    use mizzle_dsl::schema::PolicyCommand;
    mizzle_dsl::table! {
        pub notes in Pg {
            id: Serial [primary_key],
            tenant_id: Integer [not_null],
            author: Text [not_null],
            body: Text [not_null],
        }
        define |t| {
            t.force_rls();
            t.policy("tenant_isolation")
                .to(&[&crate::security::app_user()])
                .using(tenant_id.eq(current_setting("app.tenant_id").cast::<mizzle_dsl::types::Integer>()))
                .with_check(tenant_id.eq(current_setting("app.tenant_id").cast::<mizzle_dsl::types::Integer>()));
            t.policy("own_notes_only")
                .restrictive()
                .for_(PolicyCommand::Delete)
                .using(author.eq(current_user()));
        }
    }
}
use tables::notes;

#[test]
fn a_table_with_forced_rls_and_two_policies() {
    assert_eq!(
        create_table(notes::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"notes\" (\n  \"id\" serial PRIMARY KEY,\n  \"tenant_id\" integer NOT NULL,\n  \"author\" text NOT NULL,\n  \"body\" text NOT NULL\n);\n\
         ALTER TABLE \"notes\" ENABLE ROW LEVEL SECURITY;\n\
         ALTER TABLE \"notes\" FORCE ROW LEVEL SECURITY;\n\
         CREATE POLICY \"tenant_isolation\" ON \"notes\" TO \"app_user\" USING (\"tenant_id\" = CAST(nullif(current_setting('app.tenant_id', true), '') AS integer)) WITH CHECK (\"tenant_id\" = CAST(nullif(current_setting('app.tenant_id', true), '') AS integer));\n\
         CREATE POLICY \"own_notes_only\" ON \"notes\" AS RESTRICTIVE FOR DELETE USING (\"author\" = current_user);"
    );
}

#[test]
fn roles_are_created_before_the_tables_where_missing() {
    let statements = Schema::new()
        .role(app_user().login().bypass_rls())
        .table(notes::table)
        .create_statements()
        .unwrap();
    assert_eq!(
        statements[0],
        "DO $mizzle$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'app_user') THEN CREATE ROLE \"app_user\" WITH LOGIN INHERIT NOCREATEDB NOCREATEROLE BYPASSRLS; END IF; END $mizzle$;"
    );
    assert!(statements[1].starts_with("CREATE TABLE IF NOT EXISTS \"notes\""));
}

#[test]
fn a_role_name_that_could_end_its_block_is_refused() {
    let error = Schema::<mizzle_dsl::dialect::Pg>::new()
        .role(Role::new("x$mizzle$"))
        .model()
        .unwrap_err();
    assert!(error.to_string().contains("hold no `$`"), "{error}");
}

#[test]
fn a_setting_name_is_a_name_or_an_error() {
    let query = mizzle_dsl::query::select(notes::id)
        .from(notes::table)
        .filter(notes::author.eq(current_setting("x'); DROP TABLE notes; --")));
    let error = query.to_sql().unwrap_err();
    assert!(error.to_string().contains("is not a setting name"), "{error}");
}
