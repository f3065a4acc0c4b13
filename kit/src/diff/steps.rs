//! [`Step`]: one change between two schema models, its SQL in each dialect, its inverse,
//! and whether it loses data.

use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::ddl_ident;
use mizzle_dsl::schema::ddl_writer::{
    add_constraint, check_clause, column_definition, comment_on, create_index, drop_constraint, drop_index,
    enum_statement, foreign_key_clause, fts5_trigger_drops, mysql_table_comment, qualified, sequence_statement,
    sqlite_unique_index, table_statements, unique_clause, view_statement, ConstraintKind,
};
use mizzle_dsl::schema::ddl_writer::{
    alter_role, create_policy, create_role, drop_policy, drop_role, row_security, RowSecurityChange,
};
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, EnumModel, ForeignKeyModel, IndexModel, PolicyModel, RoleModel, SequenceModel, TableModel,
    UniqueModel, ViewModel,
};

/// One change from one schema model to another.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// `CREATE SCHEMA`.
    CreateSchema(String),
    /// `DROP SCHEMA`.
    DropSchema(String),
    /// `CREATE TYPE … AS ENUM`.
    CreateEnum(EnumModel),
    /// `DROP TYPE`.
    DropEnum(EnumModel),
    /// `ALTER TYPE … ADD VALUE`.
    AddEnumValue {
        /// The enum.
        name: String,
        /// The new value.
        value: String,
    },
    /// An enum whose values were removed or reordered, which PostgreSQL cannot alter: the
    /// type made anew and each column of it converted through text.
    RebuildEnum {
        /// The enum before.
        from: EnumModel,
        /// The enum after.
        to: EnumModel,
        /// The columns of that type: (table, column).
        columns: Vec<(TableModel, String)>,
    },
    /// `CREATE SEQUENCE`.
    CreateSequence(SequenceModel),
    /// `DROP SEQUENCE`.
    DropSequence(SequenceModel),
    /// `CREATE TABLE`, without the foreign keys to the tables in `deferred`.
    CreateTable {
        /// The table.
        table: TableModel,
        /// Tables its foreign keys point to that do not exist yet.
        deferred: Vec<String>,
    },
    /// `DROP TABLE`.
    DropTable(TableModel),
    /// `ALTER TABLE … RENAME TO`.
    RenameTable {
        /// The table as it was.
        from: TableModel,
        /// Its new name.
        to: String,
    },
    /// The table moves to another schema (PostgreSQL) or database (MySQL).
    MoveTable {
        /// The table as it was.
        from: TableModel,
        /// Its new schema; `None` for the default one.
        to: Option<String>,
    },
    /// `ALTER TABLE … ADD COLUMN`.
    AddColumn {
        /// The table (after the change).
        table: TableModel,
        /// The column.
        column: ColumnModel,
    },
    /// `ALTER TABLE … DROP COLUMN`.
    DropColumn {
        /// The table (before the change).
        table: TableModel,
        /// The column.
        column: ColumnModel,
    },
    /// `ALTER TABLE … RENAME COLUMN`.
    RenameColumn {
        /// The table.
        table: TableModel,
        /// The column's old name.
        from: String,
        /// Its new name.
        to: String,
    },
    /// A column's type, nullability or default changes (PostgreSQL and MySQL).
    AlterColumn {
        /// The table.
        table: TableModel,
        /// The column before.
        from: ColumnModel,
        /// The column after.
        to: ColumnModel,
    },
    /// A table's comment set or removed (PostgreSQL, MySQL).
    SetTableComment {
        /// The table, as it is after.
        table: TableModel,
        /// The comment before.
        from: Option<String>,
        /// The comment after.
        to: Option<String>,
    },
    /// SQLite: the table made anew with the new definition, its rows copied over.
    RebuildTable {
        /// The table before.
        from: TableModel,
        /// The table after.
        to: TableModel,
    },
    /// `CREATE INDEX`.
    CreateIndex {
        /// The table.
        table: TableModel,
        /// The index.
        index: IndexModel,
    },
    /// `DROP INDEX`.
    DropIndex {
        /// The table.
        table: TableModel,
        /// The index.
        index: IndexModel,
    },
    /// `ADD CONSTRAINT … UNIQUE`.
    AddUnique {
        /// The table.
        table: TableModel,
        /// The constraint.
        unique: UniqueModel,
    },
    /// `DROP CONSTRAINT` of a unique constraint.
    DropUnique {
        /// The table.
        table: TableModel,
        /// The constraint.
        unique: UniqueModel,
    },
    /// `ADD CONSTRAINT … FOREIGN KEY`.
    AddForeignKey {
        /// The table.
        table: TableModel,
        /// The foreign key.
        fk: ForeignKeyModel,
    },
    /// `DROP CONSTRAINT` of a foreign key.
    DropForeignKey {
        /// The table.
        table: TableModel,
        /// The foreign key.
        fk: ForeignKeyModel,
    },
    /// `ADD CONSTRAINT … CHECK`.
    AddCheck {
        /// The table.
        table: TableModel,
        /// The check.
        check: CheckModel,
    },
    /// `DROP CONSTRAINT` of a check.
    DropCheck {
        /// The table.
        table: TableModel,
        /// The check.
        check: CheckModel,
    },
    /// `CREATE VIEW`.
    CreateView(ViewModel),
    /// `DROP VIEW`.
    DropView(ViewModel),
    /// A role made where missing (PostgreSQL).
    CreateRole(RoleModel),
    /// A role's options changed (PostgreSQL).
    AlterRole {
        /// The role before.
        from: RoleModel,
        /// The role after.
        to: RoleModel,
    },
    /// `DROP ROLE` (PostgreSQL).
    DropRole(RoleModel),
    /// Row-level security switched on or off, or forced or not (PostgreSQL).
    SetRowSecurity {
        /// The table.
        table: TableModel,
        /// The switch.
        change: RowSecurityChange,
    },
    /// `CREATE POLICY` (PostgreSQL).
    CreatePolicy {
        /// The table.
        table: TableModel,
        /// The policy.
        policy: PolicyModel,
    },
    /// `DROP POLICY` (PostgreSQL).
    DropPolicy {
        /// The table.
        table: TableModel,
        /// The policy.
        policy: PolicyModel,
    },
}

fn ident(kind: DialectKind, name: &str) -> String {
    let mut sql = String::new();
    ddl_ident(kind, &mut sql, name);
    sql
}

fn table_name(kind: DialectKind, table: &TableModel) -> String {
    let mut sql = String::new();
    qualified(kind, &mut sql, table.schema.as_deref(), &table.name);
    sql
}

/// The table at `name` in `table`'s schema.
fn renamed(table: &TableModel, name: &str) -> TableModel {
    TableModel {
        name: name.to_owned(),
        ..table.clone()
    }
}

impl Step {
    /// The statements of this step in dialect `kind`.
    pub fn sql(&self, kind: DialectKind) -> Vec<String> {
        match self {
            Step::CreateSchema(name) => vec![format!("CREATE SCHEMA IF NOT EXISTS {};", ident(kind, name))],
            Step::DropSchema(name) => vec![format!("DROP SCHEMA IF EXISTS {};", ident(kind, name))],
            Step::CreateEnum(enum_model) => vec![enum_statement(enum_model)],
            Step::DropEnum(enum_model) => vec![format!("DROP TYPE {};", ident(kind, &enum_model.name))],
            Step::AddEnumValue { name, value } => vec![format!(
                "ALTER TYPE {} ADD VALUE '{}';",
                ident(kind, name),
                value.replace('\'', "''")
            )],
            Step::RebuildEnum { from, to, columns } => {
                let name = ident(kind, &to.name);
                let old = ident(kind, &format!("{}_old", from.name));
                let mut statements = vec![format!("ALTER TYPE {name} RENAME TO {old};"), enum_statement(to)];
                for (table, column) in columns {
                    let column = ident(kind, column);
                    statements.push(format!(
                        "ALTER TABLE {} ALTER COLUMN {column} SET DATA TYPE {name} USING {column}::text::{name};",
                        table_name(kind, table)
                    ));
                }
                statements.push(format!("DROP TYPE {old};"));
                statements
            }
            Step::CreateSequence(sequence) => vec![sequence_statement(kind, sequence)],
            Step::DropSequence(sequence) => {
                let mut sql = String::from("DROP SEQUENCE ");
                qualified(kind, &mut sql, sequence.schema.as_deref(), &sequence.name);
                sql.push(';');
                vec![sql]
            }
            Step::CreateTable { table, deferred } => {
                let deferred: Vec<&str> = deferred.iter().map(String::as_str).collect();
                table_statements(kind, table, &deferred)
                    .into_iter()
                    .map(|sql| sql.replacen("CREATE TABLE IF NOT EXISTS ", "CREATE TABLE ", 1))
                    .collect()
            }
            Step::DropTable(table) => {
                let mut statements = match &table.fts5 {
                    Some(fts5) if fts5.content.is_some() => fts5_trigger_drops(&table.name),
                    _ => Vec::new(),
                };
                statements.push(format!("DROP TABLE {};", table_name(kind, table)));
                statements
            }
            Step::RenameTable { from, to } => vec![format!(
                "ALTER TABLE {} RENAME TO {};",
                table_name(kind, from),
                ident(kind, to)
            )],
            Step::MoveTable { from, to } => {
                let moved = TableModel {
                    schema: to.clone(),
                    ..from.clone()
                };
                match kind {
                    DialectKind::Pg => vec![format!(
                        "ALTER TABLE {} SET SCHEMA {};",
                        table_name(kind, from),
                        ident(kind, to.as_deref().unwrap_or("public"))
                    )],
                    _ => vec![format!(
                        "RENAME TABLE {} TO {};",
                        table_name(kind, from),
                        table_name(kind, &moved)
                    )],
                }
            }
            Step::AddColumn { table, column } => vec![format!(
                "ALTER TABLE {} ADD COLUMN {};",
                table_name(kind, table),
                column_definition(kind, column)
            )],
            Step::DropColumn { table, column } => vec![format!(
                "ALTER TABLE {} DROP COLUMN {};",
                table_name(kind, table),
                ident(kind, &column.name)
            )],
            Step::RenameColumn { table, from, to } => vec![format!(
                "ALTER TABLE {} RENAME COLUMN {} TO {};",
                table_name(kind, table),
                ident(kind, from),
                ident(kind, to)
            )],
            Step::AlterColumn { table, from, to } => alter_column(kind, table, from, to),
            Step::RebuildTable { from, to } => rebuild(from, to),
            Step::CreateIndex { table, index } => vec![create_index(kind, table, index)],
            Step::DropIndex { table, index } => vec![drop_index(kind, table, &index.name)],
            Step::AddUnique { table, unique } => match kind {
                DialectKind::Sqlite => vec![sqlite_unique_index(table, unique)],
                _ => vec![add_constraint(kind, table, &unique_clause(kind, unique))],
            },
            Step::DropUnique { table, unique } => match kind {
                DialectKind::Sqlite => vec![drop_index(kind, table, &unique.name)],
                _ => vec![drop_constraint(kind, table, ConstraintKind::Unique, &unique.name)],
            },
            Step::AddForeignKey { table, fk } => vec![add_constraint(kind, table, &foreign_key_clause(kind, fk))],
            Step::DropForeignKey { table, fk } => {
                vec![drop_constraint(kind, table, ConstraintKind::ForeignKey, &fk.name)]
            }
            Step::AddCheck { table, check } => vec![add_constraint(kind, table, &check_clause(kind, check))],
            Step::DropCheck { table, check } => vec![drop_constraint(kind, table, ConstraintKind::Check, &check.name)],
            Step::CreateView(view) => vec![view_statement(kind, view)],
            Step::DropView(view) => vec![format!("DROP VIEW {};", ident(kind, &view.name))],
            Step::SetTableComment { table, to, .. } => match kind {
                DialectKind::Pg => vec![comment_on(table, None, to.as_deref())],
                DialectKind::MySql => vec![mysql_table_comment(table, to.as_deref())],
                DialectKind::Sqlite => Vec::new(),
            },
            Step::CreateRole(role) => vec![create_role(role)],
            Step::AlterRole { to, .. } => vec![alter_role(to)],
            Step::DropRole(role) => vec![drop_role(&role.name)],
            Step::SetRowSecurity { table, change } => vec![row_security(table, *change)],
            Step::CreatePolicy { table, policy } => vec![create_policy(table, policy)],
            Step::DropPolicy { table, policy } => vec![drop_policy(table, &policy.name)],
        }
    }

    /// The step that undoes this one, when the schema can be put back; `None` for what
    /// cannot be undone (a value added to an enum).
    pub fn inverse(&self) -> Option<Step> {
        Some(match self.clone() {
            Step::CreateSchema(name) => Step::DropSchema(name),
            Step::DropSchema(name) => Step::CreateSchema(name),
            Step::CreateEnum(e) => Step::DropEnum(e),
            Step::DropEnum(e) => Step::CreateEnum(e),
            Step::AddEnumValue { .. } => return None,
            Step::RebuildEnum { from, to, columns } => Step::RebuildEnum {
                from: to,
                to: from,
                columns,
            },
            Step::CreateSequence(s) => Step::DropSequence(s),
            Step::DropSequence(s) => Step::CreateSequence(s),
            Step::CreateTable { table, .. } => Step::DropTable(table),
            Step::DropTable(table) => Step::CreateTable {
                table,
                deferred: Vec::new(),
            },
            Step::RenameTable { from, to } => Step::RenameTable {
                from: renamed(&from, &to),
                to: from.name,
            },
            Step::MoveTable { from, to } => Step::MoveTable {
                to: from.schema.clone(),
                from: TableModel { schema: to, ..from },
            },
            Step::AddColumn { table, column } => Step::DropColumn { table, column },
            Step::DropColumn { table, column } => Step::AddColumn { table, column },
            Step::RenameColumn { table, from, to } => Step::RenameColumn {
                table,
                from: to,
                to: from,
            },
            Step::AlterColumn { table, from, to } => Step::AlterColumn {
                table,
                from: to,
                to: from,
            },
            Step::RebuildTable { from, to } => Step::RebuildTable { from: to, to: from },
            Step::SetTableComment { table, from, to } => Step::SetTableComment {
                table,
                from: to,
                to: from,
            },
            Step::CreateIndex { table, index } => Step::DropIndex { table, index },
            Step::DropIndex { table, index } => Step::CreateIndex { table, index },
            Step::AddUnique { table, unique } => Step::DropUnique { table, unique },
            Step::DropUnique { table, unique } => Step::AddUnique { table, unique },
            Step::AddForeignKey { table, fk } => Step::DropForeignKey { table, fk },
            Step::DropForeignKey { table, fk } => Step::AddForeignKey { table, fk },
            Step::AddCheck { table, check } => Step::DropCheck { table, check },
            Step::DropCheck { table, check } => Step::AddCheck { table, check },
            Step::CreateView(view) => Step::DropView(view),
            Step::DropView(view) => Step::CreateView(view),
            Step::CreateRole(role) => Step::DropRole(role),
            Step::DropRole(role) => Step::CreateRole(role),
            Step::AlterRole { from, to } => Step::AlterRole { from: to, to: from },
            Step::SetRowSecurity { table, change } => Step::SetRowSecurity {
                table,
                change: match change {
                    RowSecurityChange::Enable => RowSecurityChange::Disable,
                    RowSecurityChange::Disable => RowSecurityChange::Enable,
                    RowSecurityChange::Force => RowSecurityChange::NoForce,
                    RowSecurityChange::NoForce => RowSecurityChange::Force,
                },
            },
            Step::CreatePolicy { table, policy } => Step::DropPolicy { table, policy },
            Step::DropPolicy { table, policy } => Step::CreatePolicy { table, policy },
        })
    }

    /// What this step loses or may fail on, said in the migration and on the terminal.
    pub fn warning(&self) -> Option<String> {
        match self {
            Step::DropTable(table) => Some(format!("drops table `{}` and every row in it", table.name)),
            Step::DropRole(role) => Some(format!(
                "drops role `{}`, which belongs to the whole server: other databases may use it",
                role.name
            )),
            Step::SetRowSecurity {
                table,
                change: RowSecurityChange::Disable,
            } => Some(format!(
                "turns row-level security off on `{}`: its policies stop applying, and every role with access sees every row",
                table.name
            )),
            Step::DropSequence(sequence) => Some(format!(
                "drops sequence `{}`: its current value is lost (a changed sequence is made anew)",
                sequence.name
            )),
            Step::DropColumn { table, column } => {
                Some(format!("drops column `{}.{}` and its values", table.name, column.name))
            }
            Step::AlterColumn { table, from, to } if from.sql_type != to.sql_type => Some(format!(
                "changes `{}.{}` from {} to {}: values that do not fit fail the migration or are cut",
                table.name, from.name, from.sql_type, to.sql_type
            )),
            Step::AlterColumn { table, from, to } if to.not_null && !from.not_null => Some(format!(
                "makes `{}.{}` NOT NULL: the migration fails if a row holds NULL there",
                table.name, from.name
            )),
            Step::AddColumn { table, column }
                if column.not_null && column.default.is_none() && column.identity.is_none() =>
            {
                Some(format!(
                    "adds NOT NULL column `{}.{}` without a default: the migration fails if the table has rows",
                    table.name, column.name
                ))
            }
            Step::RebuildEnum { from, to, .. } => {
                let removed: Vec<&str> = from
                    .values
                    .iter()
                    .filter(|v| !to.values.contains(v))
                    .map(String::as_str)
                    .collect();
                (!removed.is_empty()).then(|| {
                    format!(
                        "removes value(s) {} from enum `{}`: the migration fails if a row holds one",
                        removed.join(", "),
                        to.name
                    )
                })
            }
            Step::AddUnique { table, unique } => Some(format!(
                "adds unique constraint `{}` on `{}`: the migration fails if rows repeat those values",
                unique.name, table.name
            )),
            Step::RebuildTable { from, to } => {
                let lost: Vec<&str> = from
                    .columns
                    .iter()
                    .filter(|c| to.column(&c.name).is_none())
                    .map(|c| c.name.as_str())
                    .collect();
                (!lost.is_empty()).then(|| format!("rebuilds `{}` without column(s) {}", from.name, lost.join(", ")))
            }
            _ => None,
        }
    }

    /// Whether undoing the step brings the structure back but not the data it removed.
    pub fn loses_data(&self) -> bool {
        match self {
            Step::DropTable(_) | Step::DropColumn { .. } => true,
            Step::RebuildTable { from, to } => from.columns.iter().any(|c| to.column(&c.name).is_none()),
            _ => false,
        }
    }
}

/// A column's changes on PostgreSQL (one statement per property) and MySQL (`MODIFY`).
fn alter_column(kind: DialectKind, table: &TableModel, from: &ColumnModel, to: &ColumnModel) -> Vec<String> {
    let table_sql = table_name(kind, table);
    let column = ident(kind, &to.name);
    match kind {
        DialectKind::MySql => vec![format!(
            "ALTER TABLE {table_sql} MODIFY COLUMN {};",
            column_definition(kind, to)
        )],
        _ => {
            let mut statements = Vec::new();
            let alter = |what: String| format!("ALTER TABLE {table_sql} ALTER COLUMN {column} {what};");
            if from.generated != to.generated || from.identity != to.identity {
                // An expression or identity is replaced by dropping the column and adding it anew.
                statements.push(format!("ALTER TABLE {table_sql} DROP COLUMN {column};"));
                statements.push(format!(
                    "ALTER TABLE {table_sql} ADD COLUMN {};",
                    column_definition(kind, to)
                ));
                return statements;
            }
            if from.sql_type != to.sql_type {
                statements.push(alter(format!(
                    "SET DATA TYPE {} USING {column}::{}",
                    to.sql_type, to.sql_type
                )));
            }
            if from.default != to.default {
                statements.push(alter(match &to.default {
                    Some(default) => format!("SET DEFAULT {default}"),
                    None => "DROP DEFAULT".to_owned(),
                }));
            }
            if from.not_null != to.not_null {
                statements.push(alter(
                    if to.not_null { "SET NOT NULL" } else { "DROP NOT NULL" }.to_owned(),
                ));
            }
            if from.comment != to.comment && kind == DialectKind::Pg {
                statements.push(comment_on(table, Some(&to.name), to.comment.as_deref()));
            }
            statements
        }
    }
}

/// SQLite's table rebuild: create the new table aside, copy the columns both have, drop
/// the old, rename the new, and create its indexes. Foreign keys are checked when the
/// migration's transaction commits (`defer_foreign_keys`).
fn rebuild(from: &TableModel, to: &TableModel) -> Vec<String> {
    let kind = DialectKind::Sqlite;
    let aside = format!("__new_{}", to.name);
    let mut statements = vec!["PRAGMA defer_foreign_keys = ON;".to_owned()];
    let mut created = table_statements(kind, &renamed(to, &aside), &[]).into_iter();
    statements.extend(created.next());
    let common: Vec<String> = to
        .columns
        .iter()
        .filter(|c| c.generated.is_none() && from.column(&c.name).is_some_and(|old| old.generated.is_none()))
        .map(|c| ident(kind, &c.name))
        .collect();
    if !common.is_empty() {
        let columns = common.join(", ");
        statements.push(format!(
            "INSERT INTO {} ({columns}) SELECT {columns} FROM {};",
            ident(kind, &aside),
            table_name(kind, from)
        ));
    }
    statements.push(format!("DROP TABLE {};", table_name(kind, from)));
    statements.push(format!(
        "ALTER TABLE {} RENAME TO {};",
        ident(kind, &aside),
        ident(kind, &to.name)
    ));
    // The indexes, named as declared, on the table under its own name.
    statements.extend(table_statements(kind, to, &[]).into_iter().skip(1));
    statements
}
