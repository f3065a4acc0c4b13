//! The difference between two schema models, as ordered [`Step`]s, with renames taken
//! only from what is declared.

mod steps;

pub use steps::Step;

use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::ddl_writer::creation_order;
use mizzle_dsl::schema::ddl_writer::RowSecurityChange;
use mizzle_dsl::schema::model::{SchemaModel, TableModel};
use std::fmt;

/// Declared renames: what a drop and a create are instead.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renames {
    /// Tables: (old name, new name).
    pub tables: Vec<(String, String)>,
    /// Columns: (table's new name, old column name, new column name).
    pub columns: Vec<(String, String, String)>,
    /// Every table or column that disappears is dropped, and every one that appears is
    /// created: the answer to "was it renamed?" is no, everywhere.
    pub none: bool,
}

impl Renames {
    /// Reads `table old_name new_name` and `column table old_name new_name` lines (and
    /// `#` comments): the hints file's form, and the `--rename` flag's.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut renames = Renames::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            match words.as_slice() {
                ["table", old, new] => renames.tables.push(((*old).to_owned(), (*new).to_owned())),
                ["column", table, old, new] => {
                    renames
                        .columns
                        .push(((*table).to_owned(), (*old).to_owned(), (*new).to_owned()))
                }
                _ => {
                    return Err(format!(
                        "`{line}` is not a rename: write `table OLD NEW` or `column TABLE OLD NEW`"
                    ))
                }
            }
        }
        Ok(renames)
    }
}

/// A table or column that disappeared while another appeared: perhaps a rename.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenameChoice {
    /// The table, for a column; `None` for a table.
    pub table: Option<String>,
    /// What disappeared.
    pub from: String,
    /// What appeared.
    pub to: String,
}

impl RenameChoice {
    /// The line that declares it a rename: `table OLD NEW` or `column TABLE OLD NEW`.
    pub fn hint(&self) -> String {
        match &self.table {
            Some(table) => format!("column {table} {} {}", self.from, self.to),
            None => format!("table {} {}", self.from, self.to),
        }
    }
}

impl fmt::Display for RenameChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.table {
            Some(table) => write!(
                f,
                "column `{table}.{}` was dropped and `{table}.{}` created: renamed? `{}`",
                self.from,
                self.to,
                self.hint()
            ),
            None => write!(
                f,
                "table `{}` was dropped and `{}` created: renamed? `{}`",
                self.from,
                self.to,
                self.hint()
            ),
        }
    }
}

/// A diff that needs a decision mizzle will not guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ambiguous {
    /// Each ambiguity: what disappeared, what appeared, and how to say which it is.
    pub choices: Vec<RenameChoice>,
}

impl fmt::Display for Ambiguous {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the schema both drops and creates, which may be a rename; say which, then generate again:"
        )?;
        for choice in &self.choices {
            writeln!(f, "  {choice}")?;
        }
        write!(
            f,
            "(a rename as `--rename \"table OLD NEW\"` or `--rename \"column TABLE OLD NEW\"`, or a line \
             of the renames file; `--no-renames` if nothing was renamed)"
        )
    }
}

impl std::error::Error for Ambiguous {}

/// The steps from schema `old` to schema `new` (both of one dialect), in an order the
/// database accepts.
pub fn diff(old: &SchemaModel, new: &SchemaModel, renames: &Renames) -> Result<Vec<Step>, Ambiguous> {
    let kind = new.kind().unwrap_or(DialectKind::Pg);
    let mut choices = Vec::new();

    // Tables: matched by name, or by a declared rename.
    let renamed_to = |old_name: &str| {
        renames
            .tables
            .iter()
            .find(|(from, _)| from == old_name)
            .map(|(_, to)| to.as_str())
    };
    let mut pairs: Vec<(&TableModel, &TableModel)> = Vec::new();
    let mut dropped: Vec<&TableModel> = Vec::new();
    // A table of the same name in the same schema first; else one of that name whose own
    // schema has none of it before (the table moved).
    let kept = |t: &TableModel| old.tables.iter().any(|o| o.name == t.name && o.schema == t.schema);
    for table in &old.tables {
        let target = renamed_to(&table.name).unwrap_or(&table.name);
        let same = new.tables.iter().find(|t| t.name == target && t.schema == table.schema);
        let moved = || {
            new.tables
                .iter()
                .find(|t| t.name == target && !kept(t) && !pairs.iter().any(|(_, paired)| std::ptr::eq(*paired, *t)))
        };
        match same.or_else(moved) {
            Some(new_table) => pairs.push((table, new_table)),
            None => dropped.push(table),
        }
    }
    let created: Vec<&TableModel> = new
        .tables
        .iter()
        .filter(|t| !pairs.iter().any(|(_, n)| std::ptr::eq(*n, *t)))
        .collect();
    if !renames.none {
        for gone in &dropped {
            for came in &created {
                choices.push(RenameChoice {
                    table: None,
                    from: gone.name.clone(),
                    to: came.name.clone(),
                });
            }
        }
    }

    let mut early = Vec::new(); // before tables change: schemas, enums, sequences, views out
    let mut creates = Vec::new();
    let mut alters = Vec::new();
    let mut adds = Vec::new(); // constraints and indexes added after the tables exist
    let mut drops = Vec::new();
    let mut late = Vec::new();

    for schema in new.schemas.iter().filter(|s| !old.schemas.contains(s)) {
        early.push(Step::CreateSchema(schema.clone()));
    }
    for enum_model in &new.enums {
        match old.enums.iter().find(|e| e.name == enum_model.name) {
            None => early.push(Step::CreateEnum(enum_model.clone())),
            Some(before) => {
                // Values only added at the end are added in place; any other change makes
                // the type anew.
                let appended = enum_model.values.starts_with(&before.values);
                if appended {
                    for value in enum_model.values.iter().filter(|v| !before.values.contains(v)) {
                        early.push(Step::AddEnumValue {
                            name: enum_model.name.clone(),
                            value: value.clone(),
                        });
                    }
                } else {
                    let of_type = |sql_type: &str| sql_type.trim_matches('"') == enum_model.name;
                    let columns = old
                        .tables
                        .iter()
                        .flat_map(|t| {
                            t.columns
                                .iter()
                                .filter(|c| of_type(&c.sql_type))
                                .map(move |c| (t.clone(), c.name.clone()))
                        })
                        .collect();
                    early.push(Step::RebuildEnum {
                        from: before.clone(),
                        to: enum_model.clone(),
                        columns,
                    });
                }
            }
        }
    }
    // Roles first: the policies of the tables name them.
    for role in &new.roles {
        match old.roles.iter().find(|r| r.name == role.name) {
            None => early.push(Step::CreateRole(role.clone())),
            Some(before) if before != role => early.push(Step::AlterRole {
                from: before.clone(),
                to: role.clone(),
            }),
            Some(_) => {}
        }
    }
    for sequence in &new.sequences {
        match old.sequences.iter().find(|s| s.name == sequence.name) {
            None => early.push(Step::CreateSequence(sequence.clone())),
            Some(before) if before != sequence => {
                early.push(Step::DropSequence(before.clone()));
                early.push(Step::CreateSequence(sequence.clone()));
            }
            Some(_) => {}
        }
    }
    // Views read tables: drop those that change before the tables do, create after.
    for view in &old.views {
        if new.views.iter().find(|v| v.name == view.name) != Some(view) {
            early.push(Step::DropView(view.clone()));
        }
    }
    for view in &new.views {
        if old.views.iter().find(|v| v.name == view.name) != Some(view) {
            late.push(Step::CreateView(view.clone()));
        }
    }

    // New tables, in creation order; their references to each other are deferred on the
    // dialects that need the referenced table first.
    let new_tables: Vec<TableModel> = created.iter().map(|t| (*t).clone()).collect();
    for (i, deferred) in creation_order(&new_tables) {
        let deferred: Vec<String> = if kind == DialectKind::Sqlite {
            Vec::new()
        } else {
            deferred.iter().map(|d| (*d).to_owned()).collect()
        };
        for fk in new_tables[i]
            .foreign_keys
            .iter()
            .filter(|fk| deferred.contains(&fk.foreign_table))
        {
            adds.push(Step::AddForeignKey {
                table: new_tables[i].clone(),
                fk: fk.clone(),
            });
        }
        creates.push(Step::CreateTable {
            table: new_tables[i].clone(),
            deferred,
        });
    }

    for (before, after) in &pairs {
        // An FTS5 table cannot be altered: a changed one is made anew (the index is rebuilt
        // from its content table by the triggers' next writes, or by an FTS5 'rebuild').
        if (before.fts5.is_some() || after.fts5.is_some()) && before != after {
            alters.push(Step::DropTable((*before).clone()));
            alters.push(Step::CreateTable {
                table: (*after).clone(),
                deferred: Vec::new(),
            });
            continue;
        }
        row_security_steps(before, after, &mut early, &mut adds, &mut late);
        table_steps(
            kind,
            before,
            after,
            renames,
            &mut choices,
            &mut alters,
            &mut adds,
            &mut drops,
        );
    }

    // Dropped tables: their foreign keys first where others point at them, then the tables
    // in reverse creation order.
    let dropped_tables: Vec<TableModel> = dropped.iter().map(|t| (*t).clone()).collect();
    for (i, _) in creation_order(&dropped_tables).into_iter().rev() {
        drops.push(Step::DropTable(dropped_tables[i].clone()));
    }
    for enum_model in old.enums.iter().filter(|e| !new.enums.iter().any(|n| n.name == e.name)) {
        drops.push(Step::DropEnum(enum_model.clone()));
    }
    for sequence in old
        .sequences
        .iter()
        .filter(|s| !new.sequences.iter().any(|n| n.name == s.name))
    {
        drops.push(Step::DropSequence(sequence.clone()));
    }
    for schema in old.schemas.iter().filter(|s| !new.schemas.contains(s)) {
        drops.push(Step::DropSchema(schema.clone()));
    }

    if !choices.is_empty() {
        return Err(Ambiguous { choices });
    }
    // Roles last: a role goes once nothing of this schema names it.
    for role in old.roles.iter().filter(|r| !new.roles.iter().any(|n| n.name == r.name)) {
        late.push(Step::DropRole(role.clone()));
    }
    let mut steps = early;
    steps.extend(creates);
    steps.extend(alters);
    steps.extend(adds);
    steps.extend(drops);
    steps.extend(late);
    Ok(steps)
}

/// The steps that change a table's row-level security: a policy that goes or changes is
/// dropped first (before its table or columns change, as it may read them), and made
/// (anew) last; the switches change with the table's other additions.
fn row_security_steps(
    before: &TableModel,
    after: &TableModel,
    early: &mut Vec<Step>,
    adds: &mut Vec<Step>,
    late: &mut Vec<Step>,
) {
    for policy in &before.policies {
        if after.policies.iter().find(|p| p.name == policy.name) != Some(policy) {
            early.push(Step::DropPolicy {
                table: before.clone(),
                policy: policy.clone(),
            });
        }
    }
    let switch = |from: bool, to: bool, on: RowSecurityChange, off: RowSecurityChange| match (from, to) {
        (false, true) => Some(on),
        (true, false) => Some(off),
        _ => None,
    };
    let changes = [
        switch(
            before.rls_enabled,
            after.rls_enabled,
            RowSecurityChange::Enable,
            RowSecurityChange::Disable,
        ),
        switch(
            before.rls_forced,
            after.rls_forced,
            RowSecurityChange::Force,
            RowSecurityChange::NoForce,
        ),
    ];
    for change in changes.into_iter().flatten() {
        adds.push(Step::SetRowSecurity {
            table: after.clone(),
            change,
        });
    }
    for policy in &after.policies {
        if before.policies.iter().find(|p| p.name == policy.name) != Some(policy) {
            late.push(Step::CreatePolicy {
                table: after.clone(),
                policy: policy.clone(),
            });
        }
    }
}

/// The steps that turn table `before` into `after`.
#[allow(clippy::too_many_arguments)]
fn table_steps(
    kind: DialectKind,
    before: &TableModel,
    after: &TableModel,
    renames: &Renames,
    choices: &mut Vec<RenameChoice>,
    alters: &mut Vec<Step>,
    adds: &mut Vec<Step>,
    drops: &mut Vec<Step>,
) {
    let mut current = before.clone();
    if before.schema != after.schema {
        alters.push(Step::MoveTable {
            from: before.clone(),
            to: after.schema.clone(),
        });
        current.schema = after.schema.clone();
    }
    if before.name != after.name {
        alters.push(Step::RenameTable {
            from: current.clone(),
            to: after.name.clone(),
        });
        current.name = after.name.clone();
    }
    // Columns: renamed as declared, else matched by name.
    let column_rename = |old_name: &str| {
        renames
            .columns
            .iter()
            .find(|(table, from, _)| table == &after.name && from == old_name)
            .map(|(_, _, to)| to.clone())
    };
    let mut renamed_columns = Vec::new();
    for column in &before.columns {
        if let Some(to) = column_rename(&column.name) {
            if after.column(&to).is_some() {
                renamed_columns.push((column.name.clone(), to));
            }
        }
    }
    let new_name_of = |old_name: &str| {
        renamed_columns
            .iter()
            .find(|(from, _)| from == old_name)
            .map_or(old_name.to_owned(), |(_, to)| to.clone())
    };
    let gone: Vec<_> = before
        .columns
        .iter()
        .filter(|c| after.column(&new_name_of(&c.name)).is_none())
        .collect();
    let came: Vec<_> = after
        .columns
        .iter()
        .filter(|c| !before.columns.iter().any(|b| new_name_of(&b.name) == c.name))
        .collect();
    if !renames.none {
        for g in &gone {
            for c in &came {
                choices.push(RenameChoice {
                    table: Some(after.name.clone()),
                    from: g.name.clone(),
                    to: c.name.clone(),
                });
            }
        }
    }

    // Which constraints and indexes differ, by name.
    fn changed<'a, T: PartialEq>(old: &'a [T], new: &'a [T], name: impl Fn(&T) -> &str) -> (Vec<&'a T>, Vec<&'a T>) {
        let removed = old
            .iter()
            .filter(|o| new.iter().find(|n| name(n) == name(o)) != Some(*o))
            .collect();
        let added = new
            .iter()
            .filter(|n| old.iter().find(|o| name(o) == name(n)) != Some(*n))
            .collect();
        (removed, added)
    }
    let (fk_out, fk_in) = changed(&before.foreign_keys, &after.foreign_keys, |f| &f.name);
    let (check_out, check_in) = changed(&before.checks, &after.checks, |c| &c.name);
    let (unique_out, unique_in) = changed(&before.uniques, &after.uniques, |u| &u.name);
    let (index_out, index_in) = changed(&before.indexes, &after.indexes, |i| &i.name);
    let column_changed = before.columns.iter().any(|c| {
        after
            .column(&new_name_of(&c.name))
            .is_some_and(|n| ColumnShape::of(kind, c) != ColumnShape::of(kind, n))
    });
    let key_changed = before.primary_key.as_ref().map(|k| &k.columns) != after.primary_key.as_ref().map(|k| &k.columns);

    // SQLite alters little in place: a column's type, key, constraint or a foreign key or
    // check changes by rebuilding the table.
    let sqlite_rebuild = kind == DialectKind::Sqlite
        && (column_changed
            || key_changed
            || !fk_out.is_empty()
            || !fk_in.is_empty()
            || !check_out.is_empty()
            || !check_in.is_empty()
            || came
                .iter()
                .any(|c| c.primary_key || c.generated.as_ref().is_some_and(|g| g.stored))
            || gone
                .iter()
                .any(|c| c.primary_key || before.uniques.iter().any(|u| u.columns.contains(&c.name))));
    if sqlite_rebuild {
        for (from, to) in &renamed_columns {
            alters.push(Step::RenameColumn {
                table: current.clone(),
                from: from.clone(),
                to: to.clone(),
            });
        }
        let mut from = current.clone();
        for column in &mut from.columns {
            column.name = new_name_of(&column.name);
        }
        alters.push(Step::RebuildTable {
            from,
            to: after.clone(),
        });
        return;
    }

    for fk in &fk_out {
        alters.insert(
            0,
            Step::DropForeignKey {
                table: current.clone(),
                fk: (*fk).clone(),
            },
        );
    }
    for check in &check_out {
        alters.push(Step::DropCheck {
            table: current.clone(),
            check: (*check).clone(),
        });
    }
    for unique in &unique_out {
        alters.push(Step::DropUnique {
            table: current.clone(),
            unique: (*unique).clone(),
        });
    }
    for index in &index_out {
        alters.push(Step::DropIndex {
            table: current.clone(),
            index: (*index).clone(),
        });
    }
    for (from, to) in &renamed_columns {
        alters.push(Step::RenameColumn {
            table: current.clone(),
            from: from.clone(),
            to: to.clone(),
        });
    }
    for column in &came {
        alters.push(Step::AddColumn {
            table: after.clone(),
            column: (*column).clone(),
        });
    }
    for column in &before.columns {
        if let Some(new_column) = after.column(&new_name_of(&column.name)) {
            let mut old_column = column.clone();
            old_column.name = new_column.name.clone();
            if ColumnShape::of(kind, &old_column) != ColumnShape::of(kind, new_column) {
                alters.push(Step::AlterColumn {
                    table: after.clone(),
                    from: old_column,
                    to: new_column.clone(),
                });
            }
        }
    }
    if before.comment != after.comment && kind != DialectKind::Sqlite {
        alters.push(Step::SetTableComment {
            table: after.clone(),
            from: before.comment.clone(),
            to: after.comment.clone(),
        });
    }
    for column in &gone {
        drops.insert(
            0,
            Step::DropColumn {
                table: current.clone(),
                column: (*column).clone(),
            },
        );
    }
    for unique in &unique_in {
        adds.push(Step::AddUnique {
            table: after.clone(),
            unique: (*unique).clone(),
        });
    }
    for check in &check_in {
        adds.push(Step::AddCheck {
            table: after.clone(),
            check: (*check).clone(),
        });
    }
    for index in &index_in {
        adds.push(Step::CreateIndex {
            table: after.clone(),
            index: (*index).clone(),
        });
    }
    for fk in &fk_in {
        adds.push(Step::AddForeignKey {
            table: after.clone(),
            fk: (*fk).clone(),
        });
    }
}

/// What of a column a migration alters: everything but its name.
#[derive(PartialEq)]
struct ColumnShape<'a> {
    sql_type: &'a str,
    not_null: bool,
    primary_key: bool,
    autoincrement: bool,
    identity: Option<&'a str>,
    default: Option<&'a str>,
    generated: Option<(&'a str, bool)>,
    comment: Option<&'a str>,
}

impl<'a> ColumnShape<'a> {
    /// The shape of `column` in dialect `kind` (SQLite keeps no comments).
    fn of(kind: DialectKind, column: &'a mizzle_dsl::schema::model::ColumnModel) -> Self {
        ColumnShape {
            sql_type: &column.sql_type,
            // An identity column is NOT NULL whether or not the schema said so (snapshots
            // written before the schema said so differ only there).
            not_null: column.not_null || column.identity.is_some(),
            primary_key: column.primary_key,
            autoincrement: column.autoincrement,
            identity: column.identity.as_deref(),
            default: column.default.as_deref(),
            generated: column.generated.as_ref().map(|g| (g.sql.as_str(), g.stored)),
            comment: column.comment.as_deref().filter(|_| kind != DialectKind::Sqlite),
        }
    }
}
