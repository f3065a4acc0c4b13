//! A relation's join keys found from the foreign keys its tables declare, for relations
//! written without `on (..)`.

use super::declare::{Relation, RelationKind};
use crate::schema::{Table, TableDef};
use std::any::TypeId;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

/// The keys of a relation: pairs (source column, target column).
pub type Keys = &'static [(&'static str, &'static str)];

/// The join keys of relation `R`: its own, or those of the one foreign key between its
/// tables that fits its kind. Found once per relation type; the error names what is
/// ambiguous or missing and how to say it.
pub fn keys_of<R: Relation>() -> Result<Keys, String> {
    if !R::KEYS.is_empty() || R::THROUGH.is_some() {
        return Ok(R::KEYS);
    }
    static FOUND: OnceLock<Mutex<HashMap<TypeId, Result<Keys, String>>>> = OnceLock::new();
    let found = FOUND.get_or_init(Mutex::default);
    let mut found = found.lock().unwrap_or_else(PoisonError::into_inner);
    found
        .entry(TypeId::of::<R>())
        .or_insert_with(|| derive::<R>().map(|keys| &*Vec::leak(keys)))
        .clone()
}

/// A foreign key: the referencing columns and the referenced ones, of the named table.
struct Fk {
    columns: Vec<&'static str>,
    foreign_table: &'static str,
    foreign_columns: Vec<&'static str>,
}

/// Every foreign key table `def` declares, on its columns and in its `define` block.
fn foreign_keys(def: &TableDef) -> Vec<Fk> {
    let on_columns = def.columns.iter().filter_map(|column| {
        column.constraints.references.as_ref().map(|reference| Fk {
            columns: vec![column.name],
            foreign_table: reference.table,
            foreign_columns: vec![reference.column],
        })
    });
    let declared = def.extras.foreign_keys.iter().map(|fk| Fk {
        columns: fk.columns.clone(),
        foreign_table: fk.foreign_table,
        foreign_columns: fk.foreign_columns.clone(),
    });
    on_columns.chain(declared).collect()
}

fn derive<R: Relation>() -> Result<Vec<(&'static str, &'static str)>, String> {
    let source = TableDef::of::<R::Source>();
    let target = TableDef::of::<R::Target>();
    let source_name = <R::Source as Table>::ALIAS_OF.unwrap_or(<R::Source as Table>::NAME);
    let target_name = <R::Target as Table>::ALIAS_OF.unwrap_or(<R::Target as Table>::NAME);
    // The target points at the source (a user's posts), or the source at the target (a
    // post's author).
    let pointing_back: Vec<Vec<(&str, &str)>> = foreign_keys(&target)
        .into_iter()
        .filter(|fk| fk.foreign_table == source_name)
        .map(|fk| fk.foreign_columns.into_iter().zip(fk.columns).collect())
        .collect();
    let pointing_on: Vec<Vec<(&str, &str)>> = foreign_keys(&source)
        .into_iter()
        .filter(|fk| fk.foreign_table == target_name)
        .map(|fk| fk.columns.into_iter().zip(fk.foreign_columns).collect())
        .collect();
    // A `many` relation is always the target's foreign key; a `one` or `optional` one is
    // the source's, or else the target's (a one-to-one from the side without the key).
    let (candidates, from_source) = if R::Kind::MANY || pointing_on.is_empty() {
        (pointing_back, false)
    } else {
        (pointing_on, true)
    };
    let name = R::NAME;
    match candidates.as_slice() {
        [keys] => {
            if from_source && R::Kind::EXACTLY_ONE {
                for (column, _) in keys {
                    let nullable = source.columns.iter().any(|c| c.name == *column && !c.not_null);
                    if nullable {
                        return Err(format!(
                            "relation `{name}` is declared `one`, but its key `{source_name}.{column}` is nullable: \
                             declare it `optional`"
                        ));
                    }
                }
            }
            Ok(keys.clone())
        }
        [] => Err(format!(
            "relation `{name}` names no columns, and no foreign key joins `{source_name}` and `{target_name}`: \
             write them with `on (source_column = target_column)`"
        )),
        several => {
            let listed: Vec<String> = several
                .iter()
                .map(|keys| {
                    keys.iter()
                        .map(|(s, t)| format!("{s} = {t}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .collect();
            Err(format!(
                "relation `{name}` names no columns, and {} foreign keys join `{source_name}` and `{target_name}` \
                 ({}): choose one with `on (..)`",
                several.len(),
                listed.join("; ")
            ))
        }
    }
}
