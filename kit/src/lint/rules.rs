//! The rules: each looks at one statement of a migration, knowing the schema before the
//! migration and the schema the code reads, and names the risk and the safe sequence.

use super::tokens::{contains, qualified_name, split_top_level, starts_with, Token};
use super::Rule;
use mizzle_dsl::dialect::DialectKind;
use mizzle_dsl::schema::model::SchemaModel;

/// What a rule found in a statement: the rule, the risk, the safe sequence.
pub(crate) struct Hit {
    pub(crate) rule: Rule,
    pub(crate) risk: String,
    pub(crate) advice: String,
}

/// What the rules know about the statement's surroundings.
pub(crate) struct Context<'a> {
    pub(crate) kind: DialectKind,
    /// The schema before the migration.
    pub(crate) before: &'a SchemaModel,
    /// The schema the application's code reads now.
    pub(crate) code: &'a SchemaModel,
    /// The statements that ran before this one, in this and earlier migrations.
    pub(crate) earlier: &'a [Vec<Token>],
}

impl Context<'_> {
    fn quote(&self, name: &str) -> String {
        match self.kind {
            DialectKind::MySql => format!("`{}`", name.replace('`', "``")),
            _ => format!("\"{}\"", name.replace('"', "\"\"")),
        }
    }

    /// Whether the table existed before the migration (a new table has no rows to lock).
    fn existed(&self, table: &str) -> bool {
        self.before.tables.iter().any(|t| t.name == table)
    }

    fn column_type(&self, table: &str, column: &str) -> Option<(&str, bool)> {
        let table = self.before.tables.iter().find(|t| t.name == table)?;
        let column = table.columns.iter().find(|c| c.name == column)?;
        Some((column.sql_type.as_str(), column.not_null))
    }

    fn code_reads(&self, table: &str, column: Option<&str>) -> bool {
        self.code
            .tables
            .iter()
            .any(|t| t.name == table && column.is_none_or(|column| t.columns.iter().any(|c| c.name == column)))
    }
}

/// Every hit in one statement.
pub(crate) fn check(context: &Context<'_>, tokens: &[Token]) -> Vec<Hit> {
    let mut hits = Vec::new();
    if starts_with(tokens, &["ALTER", "TABLE"]) {
        let mut rest = &tokens[2..];
        for word in ["ONLY", "IF", "EXISTS"] {
            if rest.first().is_some_and(|t| t.is(word)) {
                rest = &rest[1..];
            }
        }
        if let Some((table, used)) = qualified_name(rest) {
            for action in split_top_level(&rest[used..]) {
                alter_action(context, &table, action, &mut hits);
            }
        }
    } else if let Some(hit) = create_index(context, tokens) {
        hits.push(hit);
    } else if starts_with(tokens, &["DROP", "INDEX"])
        && context.kind == DialectKind::Pg
        && !contains(tokens, &["CONCURRENTLY"])
    {
        hits.push(Hit {
            rule: Rule::BlockingIndex,
            risk: "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table: reads and writes wait until it is done"
                .to_owned(),
            advice: "drop it with DROP INDEX CONCURRENTLY, in a migration of its own whose first line is \
                     `-- mizzle: no-transaction` (CONCURRENTLY cannot run in a transaction)"
                .to_owned(),
        });
    } else if starts_with(tokens, &["DROP", "TABLE"]) {
        let mut rest = &tokens[2..];
        if starts_with(rest, &["IF", "EXISTS"]) {
            rest = &rest[2..];
        }
        if let Some((table, _)) = qualified_name(rest) {
            let still = context.code_reads(&table, None);
            hits.push(Hit {
                rule: Rule::DropTable,
                risk: if still {
                    format!("drops `{table}` and its rows, and the schema the code reads still has the table: every query of it will fail")
                } else {
                    format!("drops `{table}` and its rows for good; code still running from the last release fails on it")
                },
                advice: format!(
                    "first deploy code that no longer reads `{table}`; keep a copy of its rows if they may be needed \
                     (rename it aside and drop it a release later); then drop it"
                ),
            });
        }
    }
    hits
}

fn alter_action(context: &Context<'_>, table: &str, action: &[Token], hits: &mut Vec<Hit>) {
    let q = |name: &str| context.quote(name);
    let existed = context.existed(table);
    let column_after = |skip: usize| -> Option<(String, usize)> {
        let mut i = skip;
        if action.get(i).is_some_and(|t| t.is("COLUMN")) {
            i += 1;
        }
        if starts_with(&action[i.min(action.len())..], &["IF", "EXISTS"])
            || starts_with(&action[i.min(action.len())..], &["IF", "NOT", "EXISTS"])
        {
            i += if action[i + 1].is("NOT") { 3 } else { 2 };
        }
        Some((action.get(i)?.name()?.to_owned(), i + 1))
    };
    let first = |word: &str| action.first().is_some_and(|t| t.is(word));

    if first("RENAME") {
        let what = match column_after(1) {
            Some((column, _)) if !action.get(1).is_some_and(|t| t.is("TO")) => format!("column `{table}.{column}`"),
            _ => format!("table `{table}`"),
        };
        hits.push(Hit {
            rule: Rule::Rename,
            risk: format!(
                "renames {what}: code still running from the last release uses the old name and fails until it is replaced"
            ),
            advice: "expand and contract: add the new name beside the old (a new column written by both releases, \
                     or a view under the old table name), backfill, move the reads to the new name, then drop \
                     the old in a later release"
                .to_owned(),
        });
        return;
    }
    if first("DROP")
        && !action.get(1).is_some_and(|t| {
            t.is("CONSTRAINT")
                || t.is("INDEX")
                || t.is("KEY")
                || t.is("PRIMARY")
                || t.is("FOREIGN")
                || t.is("CHECK")
                || t.is("DEFAULT")
        })
    {
        if let Some((column, _)) = column_after(1) {
            let still = context.code_reads(table, Some(&column));
            hits.push(Hit {
                rule: Rule::DropColumn,
                risk: if still {
                    format!("drops `{table}.{column}` and its values, and the schema the code reads still has it: every query that selects it will fail")
                } else {
                    format!("drops `{table}.{column}` and its values for good; code still running from the last release selects it and fails")
                },
                advice: format!(
                    "first deploy code that no longer reads or writes `{column}` (take it out of the table's \
                     declaration), then drop it in a later migration; copy its values aside if they may be needed"
                ),
            });
        }
        return;
    }
    if !existed {
        return;
    }
    match context.kind {
        DialectKind::Pg => pg_action(context, table, action, &column_after, hits, &q),
        DialectKind::MySql => mysql_action(context, table, action, &column_after, hits, &q),
        DialectKind::Sqlite => {}
    }
}

type ColumnAfter<'f> = dyn Fn(usize) -> Option<(String, usize)> + 'f;

fn pg_action(
    context: &Context<'_>,
    table: &str,
    action: &[Token],
    column_after: &ColumnAfter<'_>,
    hits: &mut Vec<Hit>,
    q: &dyn Fn(&str) -> String,
) {
    if action.first().is_some_and(|t| t.is("ALTER")) {
        let Some((column, at)) = column_after(1) else { return };
        let rest = &action[at.min(action.len())..];
        if starts_with(rest, &["SET", "NOT", "NULL"]) && !validated_not_null(context, table, &column) {
            let check = format!("{table}_{column}_not_null");
            hits.push(Hit {
                rule: Rule::SetNotNull,
                risk: format!(
                    "SET NOT NULL reads every row of `{table}` under an ACCESS EXCLUSIVE lock: reads and writes wait"
                ),
                advice: format!(
                    "in one migration: ALTER TABLE {t} ADD CONSTRAINT {c} CHECK ({col} IS NOT NULL) NOT VALID; \
                     in the next: ALTER TABLE {t} VALIDATE CONSTRAINT {c}; (rows are read without blocking writes) \
                     and then ALTER TABLE {t} ALTER COLUMN {col} SET NOT NULL; (PostgreSQL 12+ takes the \
                     validated check as proof) ALTER TABLE {t} DROP CONSTRAINT {c};",
                    t = q(table),
                    c = q(&check),
                    col = q(&column)
                ),
            });
        }
        let type_at = if starts_with(rest, &["SET", "DATA", "TYPE"]) {
            Some(3)
        } else if starts_with(rest, &["TYPE"]) {
            Some(1)
        } else {
            None
        };
        if let Some(type_at) = type_at {
            let new_type = type_text(&rest[type_at..], &["USING", "COLLATE"]);
            let old = context.column_type(table, &column).map(|(sql_type, _)| sql_type);
            if !old.is_some_and(|old| pg_cast_is_free(old, &new_type)) {
                hits.push(Hit {
                    rule: Rule::RewritesTable,
                    risk: format!(
                        "changing `{table}.{column}` {}to {new_type} rewrites the table and its indexes under an \
                         ACCESS EXCLUSIVE lock",
                        old.map(|old| format!("from {old} ")).unwrap_or_default()
                    ),
                    advice: format!(
                        "expand and contract: add a new column of type {new_type}, write both from the code, \
                         backfill it in batches, move the reads to it, then drop {col} (only widening varchar, \
                         varchar to text and widening numeric precision are free)",
                        col = q(&column)
                    ),
                });
            }
        }
        return;
    }
    if action.first().is_some_and(|t| t.is("ADD")) {
        let (after_add, body) = added(action);
        let not_valid = contains(action, &["NOT", "VALID"]);
        if (starts_with(body, &["FOREIGN", "KEY"]) || starts_with(body, &["CHECK"])) && !not_valid {
            let name = action
                .get(2)
                .and_then(Token::name)
                .map(q)
                .unwrap_or_else(|| "the constraint".to_owned());
            let what = if starts_with(body, &["CHECK"]) {
                "a check"
            } else {
                "a foreign key"
            };
            hits.push(Hit {
                rule: Rule::ValidatingConstraint,
                risk: format!(
                    "adding {what} to `{table}` reads every row to validate it while holding a lock that blocks \
                     writes{}",
                    if what == "a foreign key" { " on both tables" } else { "" }
                ),
                advice: format!(
                    "add it with NOT VALID (new rows are checked at once, no scan), then in a later migration \
                     ALTER TABLE {t} VALIDATE CONSTRAINT {name}; which reads the rows without blocking writes",
                    t = q(table)
                ),
            });
        }
        if starts_with(body, &["UNIQUE"]) || starts_with(body, &["PRIMARY", "KEY"]) {
            hits.push(Hit {
                rule: Rule::BlockingIndex,
                risk: format!("adding a unique or primary key to `{table}` builds its index while writes wait"),
                advice: format!(
                    "build the index first with CREATE UNIQUE INDEX CONCURRENTLY (a migration of its own whose \
                     first line is `-- mizzle: no-transaction`), then ALTER TABLE {t} ADD CONSTRAINT … UNIQUE \
                     USING INDEX …;",
                    t = q(table)
                ),
            });
        }
        let is_constraint = after_add == 3
            || ["FOREIGN", "CHECK", "UNIQUE", "PRIMARY", "INDEX", "KEY", "EXCLUDE"]
                .iter()
                .any(|word| body.first().is_some_and(|t| t.is(word)));
        if !is_constraint {
            if let Some((column, at)) = column_after(1) {
                let definition = &action[at.min(action.len())..];
                let volatile = default_is_volatile(definition);
                let stored = contains(definition, &["STORED"]);
                if volatile || stored {
                    hits.push(Hit {
                        rule: Rule::VolatileDefault,
                        risk: format!(
                            "adding `{table}.{column}` with {} writes a value into every row: the table is \
                             rewritten under an ACCESS EXCLUSIVE lock (before PostgreSQL 11, any default did)",
                            if stored {
                                "a stored generated value"
                            } else {
                                "a volatile default"
                            }
                        ),
                        advice: format!(
                            "add the column without the default (or with a constant one), set the default with \
                             ALTER TABLE {t} ALTER COLUMN {c} SET DEFAULT …; for new rows, and backfill the \
                             existing rows in batches",
                            t = q(table),
                            c = q(&column)
                        ),
                    });
                }
            }
        }
    }
}

fn mysql_action(
    context: &Context<'_>,
    table: &str,
    action: &[Token],
    column_after: &ColumnAfter<'_>,
    hits: &mut Vec<Hit>,
    q: &dyn Fn(&str) -> String,
) {
    if action.first().is_some_and(|t| t.is("MODIFY") || t.is("CHANGE")) {
        let skip_old = usize::from(action.first().is_some_and(|t| t.is("CHANGE")));
        let Some((column, at)) = column_after(1) else { return };
        let definition = &action[(at + skip_old).min(action.len())..];
        let new_type = type_text(
            definition,
            &[
                "NOT",
                "NULL",
                "DEFAULT",
                "AUTO_INCREMENT",
                "PRIMARY",
                "UNIQUE",
                "COMMENT",
                "GENERATED",
                "AS",
                "CHARACTER",
                "COLLATE",
                "ON",
                "INVISIBLE",
            ],
        );
        let not_null = contains(definition, &["NOT", "NULL"]);
        let before = context.column_type(table, &column);
        let type_changes = before.is_none_or(|(old, _)| !mysql_change_is_in_place(old, &new_type));
        let becomes_not_null = before.is_none_or(|(_, was)| not_null && !was);
        if type_changes || becomes_not_null {
            let what = match before {
                Some((old, _)) if type_changes => format!("changing `{table}.{column}` from {old} to {new_type}"),
                _ if type_changes => format!("changing `{table}.{column}` to {new_type}"),
                _ => format!("making `{table}.{column}` NOT NULL"),
            };
            hits.push(Hit {
                rule: Rule::RewritesTable,
                risk: format!("{what} copies the whole table; writes wait until the copy is done"),
                advice: format!(
                    "add `, ALGORITHM=INPLACE, LOCK=NONE` so the server refuses rather than blocks; for a large \
                     table, expand and contract (a new column, dual writes, a batched backfill, then drop {c}) \
                     or an online schema change tool",
                    c = q(&column)
                ),
            });
        }
        return;
    }
    if action.first().is_some_and(|t| t.is("ADD")) {
        let (_, body) = added(action);
        if starts_with(body, &["FOREIGN", "KEY"]) {
            hits.push(Hit {
                rule: Rule::ValidatingConstraint,
                risk: format!(
                    "adding a foreign key to `{table}` checks every row and copies the table while writes wait \
                     (MySQL and MariaDB have no NOT VALID)"
                ),
                advice: "look for rows that break it first (a LEFT JOIN to the parent where the parent is NULL), \
                         then add it with `SET foreign_key_checks = 0;` before the ALTER (which then runs in \
                         place) and `SET foreign_key_checks = 1;` after"
                    .to_owned(),
            });
        } else if starts_with(body, &["CHECK"]) {
            hits.push(Hit {
                rule: Rule::ValidatingConstraint,
                risk: format!("adding a check to `{table}` reads every row and copies the table while writes wait"),
                advice: "look for rows that break it first with a SELECT; on a large table, add it in a quiet \
                         hour or with an online schema change tool"
                    .to_owned(),
            });
        }
    }
}

/// What an `ADD` action adds: where it starts (after `ADD` and a `CONSTRAINT name`) and
/// its tokens from there.
fn added(action: &[Token]) -> (usize, &[Token]) {
    let start = if action.get(1).is_some_and(|t| t.is("CONSTRAINT")) {
        3
    } else {
        1
    };
    (start, &action[start.min(action.len())..])
}

/// `CREATE [UNIQUE] INDEX` on a table that has rows, without the dialect's online form.
fn create_index(context: &Context<'_>, tokens: &[Token]) -> Option<Hit> {
    let at = if starts_with(tokens, &["CREATE", "UNIQUE", "INDEX"]) {
        3
    } else if starts_with(tokens, &["CREATE", "INDEX"]) {
        2
    } else {
        return None;
    };
    let on = tokens.iter().position(|t| t.is("ON"))?;
    let (table, _) = qualified_name(&tokens[on + 1..])?;
    if !context.existed(&table) {
        return None;
    }
    match context.kind {
        DialectKind::Pg if !tokens.get(at).is_some_and(|t| t.is("CONCURRENTLY")) => Some(Hit {
            rule: Rule::BlockingIndex,
            risk: format!("CREATE INDEX blocks every write to `{table}` until the index is built"),
            advice: "build it with CREATE INDEX CONCURRENTLY, in a migration of its own whose first line is \
                     `-- mizzle: no-transaction` (CONCURRENTLY cannot run in a transaction)"
                .to_owned(),
        }),
        DialectKind::MySql if !(contains(tokens, &["ALGORITHM"]) && contains(tokens, &["LOCK"])) => Some(Hit {
            rule: Rule::BlockingIndex,
            risk: format!(
                "CREATE INDEX on `{table}` without ALGORITHM and LOCK may copy the table or block writes, depending on the server's choice"
            ),
            advice: "add `ALGORITHM=INPLACE LOCK=NONE` (`.algorithm(IndexAlgorithm::Inplace).lock(IndexLock::None)` \
                     on the index): the server builds it without blocking writes, or refuses"
                .to_owned(),
        }),
        _ => None,
    }
}

/// The type written at the start of `tokens`, up to one of `stops` or the end.
fn type_text(tokens: &[Token], stops: &[&str]) -> String {
    let mut text = String::new();
    let mut depth = 0usize;
    for token in tokens {
        if depth == 0 && stops.iter().any(|stop| token.is(stop)) {
            break;
        }
        match token {
            Token::Symbol('(') => {
                depth += 1;
                text.push('(');
            }
            Token::Symbol(')') => {
                depth = depth.saturating_sub(1);
                text.push(')');
            }
            Token::Symbol(';') => break,
            Token::Symbol(c) => text.push(*c),
            Token::Word { text: word, .. } => {
                if !text.is_empty() && !text.ends_with('(') && !text.ends_with(',') {
                    text.push(' ');
                }
                text.push_str(&word.to_lowercase());
            }
            Token::Quoted(name) => text.push_str(name),
            Token::Literal(literal) => text.push_str(literal),
        }
    }
    text
}

/// The length and the rest of `varchar(n)`-like types: `("varchar", Some(n))`.
fn sized(sql_type: &str) -> (String, Vec<u32>) {
    let compact: String = sql_type
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match compact.split_once('(') {
        Some((name, args)) => (
            name.to_owned(),
            args.trim_end_matches(')')
                .split(',')
                .filter_map(|n| n.parse().ok())
                .collect(),
        ),
        None => (compact, Vec::new()),
    }
}

/// Whether PostgreSQL changes the type without rewriting: the same type, a longer
/// varchar, varchar to text, or numeric with more precision and the same scale.
fn pg_cast_is_free(old: &str, new: &str) -> bool {
    let ((old_name, old_args), (new_name, new_args)) = (sized(old), sized(new));
    let varchar = |name: &str| name == "varchar" || name == "charactervarying";
    match (old_name.as_str(), new_name.as_str()) {
        _ if old_name == new_name && old_args == new_args => true,
        (o, n) if varchar(o) && varchar(n) => new_args.is_empty() || old_args.first() <= new_args.first(),
        (o, "text") if varchar(o) || o == "text" => true,
        ("numeric", "numeric") => {
            new_args.is_empty()
                || (old_args.len() == 2
                    && new_args.len() == 2
                    && new_args[0] >= old_args[0]
                    && new_args[1] == old_args[1])
        }
        _ => false,
    }
}

/// Whether MySQL changes the type in place: the same type, or a longer varchar whose
/// length still takes as many bytes to store (up to 255 bytes, or over, in utf8mb4).
fn mysql_change_is_in_place(old: &str, new: &str) -> bool {
    let ((old_name, old_args), (new_name, new_args)) = (sized(old), sized(new));
    if old_name == new_name && old_args == new_args {
        return true;
    }
    match (old_name.as_str(), new_name.as_str(), old_args.first(), new_args.first()) {
        ("varchar", "varchar", Some(&o), Some(&n)) => n >= o && (o * 4 <= 255) == (n * 4 <= 255),
        _ => false,
    }
}

/// Whether a column definition's DEFAULT calls a volatile function.
fn default_is_volatile(definition: &[Token]) -> bool {
    let Some(at) = definition.iter().position(|t| t.is("DEFAULT")) else {
        return false;
    };
    const VOLATILE: [&str; 7] = [
        "RANDOM",
        "CLOCK_TIMESTAMP",
        "TIMEOFDAY",
        "GEN_RANDOM_UUID",
        "UUID_GENERATE_V4",
        "UUID_GENERATE_V1",
        "NEXTVAL",
    ];
    definition[at + 1..]
        .iter()
        .take_while(|t| !(t.is("NOT") || t.is("NULL") || t.is("CONSTRAINT") || t.is("REFERENCES") || t.is("CHECK")))
        .any(|t| VOLATILE.iter().any(|f| t.is(f)))
}

/// Whether an earlier statement validated a `CHECK (column IS NOT NULL)` on the table.
fn validated_not_null(context: &Context<'_>, table: &str, column: &str) -> bool {
    let mut checks = Vec::new();
    for tokens in context.earlier {
        if !starts_with(tokens, &["ALTER", "TABLE"]) || qualified_name(&tokens[2..]).is_none_or(|(t, _)| t != table) {
            continue;
        }
        if let Some(at) = tokens.iter().position(|t| t.is("CHECK")) {
            let guards = tokens[at..]
                .windows(4)
                .any(|w| w[1].name() == Some(column) && w[2].is("IS") && w[3].is("NOT"));
            let name = tokens
                .iter()
                .position(|t| t.is("CONSTRAINT"))
                .and_then(|i| tokens.get(i + 1)?.name());
            if let (true, Some(name)) = (guards, name) {
                checks.push(name.to_owned());
            }
        }
        if let Some(at) = tokens.iter().position(|t| t.is("VALIDATE")) {
            let name = tokens.get(at + 2).and_then(Token::name);
            if name.is_some_and(|name| checks.iter().any(|c| c == name)) {
                return true;
            }
        }
    }
    false
}
