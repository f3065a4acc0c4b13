//! [`TableChecker`]: the insert and update checks of a table chosen at run time, for
//! tools that edit any table of a schema (the studio) rather than code written per table.

use crate::error::ValidationErrors;
use crate::validator::{Insert, Update, Validator};
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::TableDef;
use serde_json::Value as Json;

/// A table no code names: the checker's validators build no records.
enum AnyTable {}

/// Checks a row of one table before it is inserted or updated, as that table's
/// `Validator::insert()` and `Validator::update()` do (types, ranges, lengths, members,
/// required and computed columns, checks), with text accepted for numbers, booleans and
/// the like (`coerce`), as a form sends them.
pub struct TableChecker {
    insert: Validator<AnyTable, Insert>,
    update: Validator<AnyTable, Update>,
}

impl TableChecker {
    /// The checker of the table `definition` describes (`Schema::table_defs`), in
    /// `dialect`.
    pub fn new(definition: &TableDef, dialect: DialectKind) -> Self {
        TableChecker {
            insert: Validator::of_definition(definition.clone(), dialect).coerce(),
            update: Validator::of_definition(definition.clone(), dialect).coerce(),
        }
    }

    /// Checks the values of a row to insert.
    pub fn check_insert(&self, values: &Json) -> Result<(), ValidationErrors> {
        self.insert.check(values).map(drop)
    }

    /// Checks the values an update sets.
    pub fn check_update(&self, values: &Json) -> Result<(), ValidationErrors> {
        self.update.check(values).map(drop)
    }
}

impl std::fmt::Debug for TableChecker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TableChecker").field("insert", &self.insert).finish()
    }
}
