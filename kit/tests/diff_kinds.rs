//! One change of each kind, in each dialect: the exact SQL of the migration.

use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::{
    CheckModel, ColumnModel, EnumModel, ForeignKeyModel, GeneratedModel, SchemaModel, TableModel, UniqueModel,
};
use mizzle_kit::diff::{diff, Renames};

fn column(name: &str, sql_type: &str) -> ColumnModel {
    ColumnModel {
        name: name.to_owned(),
        sql_type: sql_type.to_owned(),
        not_null: false,
        primary_key: name == "id",
        autoincrement: false,
        identity: None,
        default: None,
        generated: None,
        comment: None,
    }
}

/// `parents(id)` and `t(id, a, b)`.
fn base(kind: DialectKind) -> SchemaModel {
    let mut model = SchemaModel::empty(kind);
    let mut parents = TableModel::named(None, "parents");
    parents.columns.push(column("id", "integer"));
    let mut t = TableModel::named(None, "t");
    t.columns
        .extend([column("id", "integer"), column("a", "integer"), column("b", "integer")]);
    model.tables.extend([parents, t]);
    model
}

fn changed(kind: DialectKind, change: impl FnOnce(&mut TableModel)) -> SchemaModel {
    let mut model = base(kind);
    change(&mut model.tables[1]);
    model
}

fn sql(old: &SchemaModel, new: &SchemaModel) -> Vec<String> {
    let kind = new.kind().unwrap();
    diff(old, new, &Renames::default())
        .unwrap()
        .iter()
        .flat_map(|s| s.sql(kind))
        .collect()
}

fn unique() -> UniqueModel {
    UniqueModel {
        name: "t_a_unique".to_owned(),
        columns: vec!["a".to_owned()],
        nulls_not_distinct: false,
    }
}

fn check() -> CheckModel {
    CheckModel {
        name: "t_a_check".to_owned(),
        sql: "a > 0".to_owned(),
    }
}

fn fk() -> ForeignKeyModel {
    ForeignKeyModel {
        name: "t_b_parents_id_fk".to_owned(),
        columns: vec!["b".to_owned()],
        foreign_schema: None,
        foreign_table: "parents".to_owned(),
        foreign_columns: vec!["id".to_owned()],
        on_delete: Some("CASCADE".to_owned()),
        on_update: None,
    }
}

/// Adding, then dropping, `constraint` in each server dialect.
fn both_ways(kind: DialectKind, add: impl Fn(&mut TableModel)) -> (Vec<String>, Vec<String>) {
    let with = changed(kind, add);
    (sql(&base(kind), &with), sql(&with, &base(kind)))
}

#[test]
fn unique_constraints_are_added_and_dropped() {
    assert_eq!(
        both_ways(DialectKind::Pg, |t| t.uniques.push(unique())),
        (
            vec!["ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_unique\" UNIQUE(\"a\");".to_owned()],
            vec!["ALTER TABLE \"t\" DROP CONSTRAINT \"t_a_unique\";".to_owned()]
        )
    );
    assert_eq!(
        both_ways(DialectKind::MySql, |t| t.uniques.push(unique())),
        (
            vec!["ALTER TABLE `t` ADD CONSTRAINT `t_a_unique` UNIQUE(`a`);".to_owned()],
            vec!["ALTER TABLE `t` DROP INDEX `t_a_unique`;".to_owned()]
        )
    );
    assert_eq!(
        both_ways(DialectKind::Sqlite, |t| t.uniques.push(unique())),
        (
            vec!["CREATE UNIQUE INDEX `t_a_unique` ON `t` (`a`);".to_owned()],
            vec!["DROP INDEX `t_a_unique`;".to_owned()]
        )
    );
}

#[test]
fn checks_are_added_and_dropped() {
    assert_eq!(
        both_ways(DialectKind::Pg, |t| t.checks.push(check())),
        (
            vec!["ALTER TABLE \"t\" ADD CONSTRAINT \"t_a_check\" CHECK (a > 0);".to_owned()],
            vec!["ALTER TABLE \"t\" DROP CONSTRAINT \"t_a_check\";".to_owned()]
        )
    );
    assert_eq!(
        both_ways(DialectKind::MySql, |t| t.checks.push(check())),
        (
            vec!["ALTER TABLE `t` ADD CONSTRAINT `t_a_check` CHECK (a > 0);".to_owned()],
            vec!["ALTER TABLE `t` DROP CONSTRAINT `t_a_check`;".to_owned()]
        )
    );
}

#[test]
fn foreign_keys_are_added_and_dropped() {
    assert_eq!(
        both_ways(DialectKind::Pg, |t| t.foreign_keys.push(fk())),
        (
            vec![
                "ALTER TABLE \"t\" ADD CONSTRAINT \"t_b_parents_id_fk\" FOREIGN KEY (\"b\") REFERENCES \"parents\"(\"id\") ON DELETE CASCADE;"
                    .to_owned()
            ],
            vec!["ALTER TABLE \"t\" DROP CONSTRAINT \"t_b_parents_id_fk\";".to_owned()]
        )
    );
    assert_eq!(
        both_ways(DialectKind::MySql, |t| t.foreign_keys.push(fk())),
        (
            vec![
                "ALTER TABLE `t` ADD CONSTRAINT `t_b_parents_id_fk` FOREIGN KEY (`b`) REFERENCES `parents`(`id`) ON DELETE CASCADE;"
                    .to_owned()
            ],
            vec!["ALTER TABLE `t` DROP FOREIGN KEY `t_b_parents_id_fk`;".to_owned()]
        )
    );
}

#[test]
fn sqlite_rebuilds_for_a_foreign_key_or_a_check() {
    let (up, down) = both_ways(DialectKind::Sqlite, |t| t.foreign_keys.push(fk()));
    assert_eq!(
        up,
        [
            "PRAGMA defer_foreign_keys = ON;",
            "CREATE TABLE `__new_t` (\n  `id` integer PRIMARY KEY,\n  `a` integer,\n  `b` integer,\n  \
             CONSTRAINT `t_b_parents_id_fk` FOREIGN KEY (`b`) REFERENCES `parents`(`id`) ON DELETE CASCADE\n);",
            "INSERT INTO `__new_t` (`id`, `a`, `b`) SELECT `id`, `a`, `b` FROM `t`;",
            "DROP TABLE `t`;",
            "ALTER TABLE `__new_t` RENAME TO `t`;",
        ]
    );
    assert_eq!(down.len(), 5);
}

#[test]
fn nullability_and_generated_columns_change() {
    let not_null = |t: &mut TableModel| t.columns[1].not_null = true;
    assert_eq!(
        both_ways(DialectKind::Pg, not_null),
        (
            vec!["ALTER TABLE \"t\" ALTER COLUMN \"a\" SET NOT NULL;".to_owned()],
            vec!["ALTER TABLE \"t\" ALTER COLUMN \"a\" DROP NOT NULL;".to_owned()]
        )
    );
    assert_eq!(
        both_ways(DialectKind::MySql, not_null),
        (
            vec!["ALTER TABLE `t` MODIFY COLUMN `a` integer NOT NULL;".to_owned()],
            vec!["ALTER TABLE `t` MODIFY COLUMN `a` integer;".to_owned()]
        )
    );
    let generated = |t: &mut TableModel| {
        t.columns[2].generated = Some(GeneratedModel {
            sql: "a * 2".to_owned(),
            stored: true,
        })
    };
    assert_eq!(
        both_ways(DialectKind::Pg, generated).0,
        [
            "ALTER TABLE \"t\" DROP COLUMN \"b\";",
            "ALTER TABLE \"t\" ADD COLUMN \"b\" integer GENERATED ALWAYS AS (a * 2) STORED;"
        ]
    );
}

#[test]
fn an_enum_that_loses_a_value_is_made_anew_and_its_columns_converted() {
    let with_enum = |values: &[&str]| {
        let mut model = base(DialectKind::Pg);
        model.enums.push(EnumModel {
            name: "mood".to_owned(),
            values: values.iter().map(|v| (*v).to_owned()).collect(),
        });
        model.tables[1].columns.push(column("mood", "\"mood\""));
        model
    };
    let steps = diff(
        &with_enum(&["happy", "sad", "meh"]),
        &with_enum(&["happy", "sad"]),
        &Renames::default(),
    )
    .unwrap();
    assert_eq!(
        steps.iter().flat_map(|s| s.sql(DialectKind::Pg)).collect::<Vec<_>>(),
        [
            "ALTER TYPE \"mood\" RENAME TO \"mood_old\";",
            "CREATE TYPE \"mood\" AS ENUM('happy', 'sad');",
            "ALTER TABLE \"t\" ALTER COLUMN \"mood\" SET DATA TYPE \"mood\" USING \"mood\"::text::\"mood\";",
            "DROP TYPE \"mood_old\";",
        ]
    );
    assert_eq!(
        steps[0].warning().as_deref(),
        Some("removes value(s) meh from enum `mood`: the migration fails if a row holds one")
    );
}

#[test]
fn a_changed_sequence_is_made_anew_and_says_its_value_is_lost() {
    use mizzle_dsl::schema::model::SequenceModel;
    let with = |start: i64| {
        let mut model = base(DialectKind::Pg);
        model.sequences.push(SequenceModel {
            schema: None,
            name: "tickets".to_owned(),
            increment: None,
            min: None,
            max: None,
            start: Some(start),
            cache: None,
            cycle: false,
        });
        model
    };
    let steps = diff(&with(1), &with(100), &Renames::default()).unwrap();
    assert_eq!(
        steps.iter().flat_map(|s| s.sql(DialectKind::Pg)).collect::<Vec<_>>(),
        [
            "DROP SEQUENCE \"tickets\";",
            "CREATE SEQUENCE \"tickets\" START WITH 100;"
        ]
    );
    assert_eq!(
        steps[0].warning().as_deref(),
        Some("drops sequence `tickets`: its current value is lost (a changed sequence is made anew)")
    );
}
