//! The `mizzle` command line: a thin layer over the library. `generate` (and `export`
//! of the declared schema) need the application's schema, so they run through a small
//! binary in the application's crate that calls [`main_with_schema`]; the other commands
//! also run from the installed `mizzle` binary ([`main`]).

use crate::apply::{down, migrate_with, status, MigrateOptions, State};
use crate::check::check;
use crate::config::Config;
use crate::diff::Renames;
use crate::drift::{drift, plan, push};
use crate::lint::{lint_dir, Finding};
use crate::migrations::{files, generate, GenerateOptions};
use crate::pull::{pull, rustfmt};
use clap::{Parser, Subcommand, ValueEnum};
use mizzle_dsl::schema::ddl_writer::create_statements;
use mizzle_dsl::schema::model::SchemaModel;
use serde_json::json;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// The migrations kit for mizzle schemas.
#[derive(Debug, Parser)]
#[command(name = "mizzle", version, about)]
pub struct Cli {
    /// The config file.
    #[arg(long, global = true, default_value = "mizzle.toml")]
    pub config: PathBuf,
    /// The database URL (`postgres://…`, `mysql://…`, or a SQLite file).
    #[arg(long, global = true)]
    pub url: Option<String>,
    /// The environment variable holding the database URL.
    #[arg(long, global = true)]
    pub url_env: Option<String>,
    /// The migrations folder.
    #[arg(long, global = true)]
    pub dir: Option<PathBuf>,
    /// The journal table.
    #[arg(long, global = true)]
    pub table: Option<String>,
    /// `postgresql`, `mysql` or `sqlite`: checked against the schema.
    #[arg(long, global = true)]
    pub dialect: Option<String>,
    /// The server, when not the dialect's first: `cockroachdb`, `yugabytedb`, `neon`,
    /// `mariadb`, `tidb`, `vitess` (`planetscale`)…
    #[arg(long, global = true)]
    pub engine: Option<String>,
    /// A file of declared renames.
    #[arg(long, global = true)]
    pub renames: Option<PathBuf>,
    /// The schemas migrations manage, separated by commas (`public` for the default one).
    #[arg(long, global = true, value_delimiter = ',')]
    pub schema_filter: Option<Vec<String>>,
    /// `human` or `json`.
    #[arg(long, global = true, value_enum, default_value_t = Output::Human)]
    pub output: Output,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Output {
    /// Sentences.
    Human,
    /// One JSON object.
    Json,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Writes a migration from the difference between the last snapshot and the schema.
    Generate {
        /// A name for the migration.
        #[arg(long)]
        name: Option<String>,
        /// An empty migration, for changes to data.
        #[arg(long)]
        custom: bool,
        /// Refuse a migration that loses data or may fail on existing rows.
        #[arg(long)]
        strict: bool,
        /// A declared rename: `table OLD NEW` or `column TABLE OLD NEW` (repeatable).
        #[arg(long)]
        rename: Vec<String>,
        /// Nothing was renamed: what disappeared is dropped, what appeared is created.
        #[arg(long)]
        no_renames: bool,
        /// The timestamp to name the migration with (YYYYMMDDHHMMSS); now by default.
        #[arg(long, hide = true)]
        timestamp: Option<String>,
    },
    /// Applies the pending migrations.
    Migrate {
        /// Go on when an applied migration's file changed.
        #[arg(long)]
        allow_changed: bool,
        /// Go on when an applied migration's file is gone.
        #[arg(long)]
        allow_missing: bool,
    },
    /// Undoes applied migrations with their down files: the last one, or the last N.
    Down {
        /// How many.
        #[arg(default_value_t = 1)]
        count: usize,
        /// Undo every migration applied after this one instead.
        #[arg(long)]
        to: Option<String>,
    },
    /// Lists applied and pending migrations.
    Status,
    /// Checks that the migrations chain one after the other, and lints them; with
    /// `--database`, also that the database matches the schema and the migrations.
    Check {
        /// Compare the live database with the schema (the Rust schema, or the last
        /// snapshot) and with the migrations journal; drift fails the check.
        #[arg(long)]
        database: bool,
    },
    /// Writes the database's schema as Rust source: enums, a `table!` per table,
    /// `relations!` from the foreign keys, and `schema()`.
    Pull {
        /// The file to write (formatted with rustfmt when it is installed); stdout if none.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Makes the database match the schema directly, without migration files: prints the
    /// statements, then runs them.
    Push {
        /// Print the statements and stop.
        #[arg(long)]
        dry_run: bool,
        /// Run statements that lose data without asking.
        #[arg(long)]
        force: bool,
    },
    /// Lists the statements of the migrations that lock or rewrite a busy table, or lose
    /// data that code still reads, each with the safe sequence; fails while one is not
    /// acknowledged (`-- mizzle: allow <rule>` in the statement).
    Lint {
        /// Only this migration (its folder name).
        #[arg(long)]
        migration: Option<String>,
    },
    /// Prints the schema's DDL: the declared schema's, or the last snapshot's.
    Export,
    /// Serves a local page to browse and edit the database, on 127.0.0.1 only, at the URL
    /// it prints (with a token); runs until stopped.
    Studio {
        /// The port; a free one when 0.
        #[arg(long, default_value_t = 4983)]
        port: u16,
    },
    /// Fills the schema's tables with deterministic, constraint-abiding rows.
    Seed {
        /// Rows per table.
        #[arg(long, default_value_t = 10)]
        count: usize,
        /// The seed number: the same one gives the same rows.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Empty the tables first, children first.
        #[arg(long)]
        reset: bool,
    },
}

/// What `seed` runs: the application's tables (emptied first with `reset`), seeded
/// `count` rows each with `seed`, at `url`, telling `progress` (done, total) as it writes;
/// the rows written.
pub type SeedFn = dyn Fn(&str, usize, u64, bool, &mut dyn FnMut(usize, usize)) -> Result<u64, String>;

/// The installed `mizzle` binary: every command but `generate`.
pub fn main() -> ExitCode {
    run(Cli::parse(), None)
}

/// An application's own migrations binary: every command, with `schema` (the
/// application's tables) as the schema `generate`, `export` and `seed` read.
pub fn main_with_schema<D: mizzle_dsl::dialect::Dialect>(schema: &mizzle_dsl::schema::Schema<D>) -> ExitCode {
    match schema.model() {
        Ok(model) => run_checked(
            Cli::parse(),
            Some(model),
            Some(&*seeder(schema)),
            Some(row_checks(schema)),
        ),
        Err(error) => {
            eprintln!("error: the schema cannot be written as SQL: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The `seed` command for `schema`'s tables.
pub fn seeder<D: mizzle_dsl::dialect::Dialect>(schema: &mizzle_dsl::schema::Schema<D>) -> Box<SeedFn> {
    let defs = schema.table_defs().to_vec();
    Box::new(
        move |url: &str, count: usize, number: u64, reset: bool, progress: &mut dyn FnMut(usize, usize)| {
            let seed = defs.iter().fold(mizzle_seed::Seed::<D>::new(number), |seed, def| {
                seed.table_def(def.clone(), count)
            });
            let mut statements: Vec<mizzle_dsl::render::RenderedSql<'static>> = Vec::new();
            if reset {
                statements.extend(
                    seed.reset_statements()
                        .into_iter()
                        .map(|sql| mizzle_dsl::render::RenderedSql::new(sql, Vec::new())),
                );
            }
            statements.extend(seed.statements().map_err(|e| e.to_string())?);
            crate::seeding::write(D::KIND, url, statements, progress)
        },
    )
}

/// The studio's checks of edited rows: `schema`'s tables' validators.
pub fn row_checks<D: mizzle_dsl::dialect::Dialect>(schema: &mizzle_dsl::schema::Schema<D>) -> crate::studio::RowCheck {
    let checkers: Vec<(String, mizzle_validate::TableChecker)> = schema
        .table_defs()
        .iter()
        .map(|def| {
            let name = match def.schema {
                Some(namespace) => format!("{namespace}.{}", def.name),
                None => def.name.to_owned(),
            };
            (name, mizzle_validate::TableChecker::new(def, D::KIND))
        })
        .collect();
    std::sync::Arc::new(
        move |table: &str, insert: bool, values: &serde_json::Map<String, serde_json::Value>| {
            let Some((_, checker)) = checkers.iter().find(|(name, _)| name == table) else {
                return Vec::new();
            };
            let values = serde_json::Value::Object(values.clone());
            let checked = if insert {
                checker.check_insert(&values)
            } else {
                checker.check_update(&values)
            };
            match checked {
                Ok(()) => Vec::new(),
                Err(errors) => errors
                    .errors()
                    .iter()
                    .map(|error| {
                        let field = error.pointer.trim_start_matches('/').to_owned();
                        (field, error.message.clone())
                    })
                    .collect(),
            }
        },
    )
}

/// Runs `cli`; `schema` is the application's, when the binary has one.
pub fn run(cli: Cli, schema: Option<SchemaModel>) -> ExitCode {
    run_with(cli, schema, None)
}

/// [`run`], with the application's seeding when it has one.
pub fn run_with(cli: Cli, schema: Option<SchemaModel>, seed: Option<&SeedFn>) -> ExitCode {
    run_checked(cli, schema, seed, None)
}

/// [`run_with`], with the checks the studio runs on edited rows.
pub fn run_checked(
    cli: Cli,
    schema: Option<SchemaModel>,
    seed: Option<&SeedFn>,
    check: Option<crate::studio::RowCheck>,
) -> ExitCode {
    let output = cli.output;
    match execute(cli, schema, seed, check) {
        Ok(report) => {
            match output {
                Output::Json => println!("{}", report.json),
                Output::Human => {
                    if !report.text.is_empty() {
                        println!("{}", report.text.trim_end());
                    }
                }
            }
            if report.ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            match output {
                Output::Json => println!("{}", json!({ "ok": false, "error": error })),
                Output::Human => eprintln!("error: {error}"),
            }
            ExitCode::FAILURE
        }
    }
}

/// On a terminal, asks about each drop and create that may be a rename, and returns the
/// options with the answers: a yes is a declared rename; once all are answered, what is
/// left is dropped and created.
fn ask_renames(
    dir: &std::path::Path,
    schema: &SchemaModel,
    mut options: GenerateOptions,
) -> Result<GenerateOptions, String> {
    use std::io::{BufRead, Write};
    let kind = schema.kind()?;
    let (previous, _) = files::last_snapshot(dir, SchemaModel::empty(kind))?;
    if options.custom || options.renames.none {
        return Ok(options);
    }
    let Err(ambiguous) = crate::diff::diff(&previous, schema, &options.renames) else {
        return Ok(options);
    };
    let stdin = std::io::stdin();
    let mut taken: Vec<(Option<String>, String)> = Vec::new();
    for choice in &ambiguous.choices {
        let from = (choice.table.clone(), choice.from.clone());
        let to = (choice.table.clone(), choice.to.clone());
        if taken.contains(&from) || taken.contains(&to) {
            continue;
        }
        print!("{choice} [y/N] ");
        let _ = std::io::stdout().flush();
        let mut answer = String::new();
        stdin
            .lock()
            .read_line(&mut answer)
            .map_err(|e| format!("cannot read the answer: {e}"))?;
        if answer.trim().eq_ignore_ascii_case("y") || answer.trim().eq_ignore_ascii_case("yes") {
            let declared = crate::diff::Renames::parse(&choice.hint())?;
            options.renames.tables.extend(declared.tables);
            options.renames.columns.extend(declared.columns);
            taken.push(from);
            taken.push(to);
        }
    }
    // Every pair was answered: what was not renamed is dropped and created.
    options.renames.none = true;
    Ok(options)
}

/// Shows `text` and asks on a terminal whether to go on; `false` without a terminal.
fn confirm(text: &str) -> Result<bool, String> {
    use std::io::{BufRead, Write};
    if !std::io::stdin().is_terminal() {
        return Ok(false);
    }
    print!("{text}\nThese statements lose data. Run them? [y/N] ");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// A lint finding as JSON.
fn finding_json(finding: &Finding) -> serde_json::Value {
    json!({
        "migration": finding.migration,
        "statement": finding.statement,
        "rule": finding.rule.code(),
        "risk": finding.risk,
        "advice": finding.advice,
        "acknowledged": finding.acknowledged,
        "sql": finding.sql,
    })
}

/// What a command prints, both ways, and whether it succeeded.
struct Printed {
    text: String,
    json: serde_json::Value,
    ok: bool,
}

fn execute(
    cli: Cli,
    schema: Option<SchemaModel>,
    seed: Option<&SeedFn>,
    row_check: Option<crate::studio::RowCheck>,
) -> Result<Printed, String> {
    let output = cli.output;
    let mut config = Config::load(&cli.config)?;
    config.url = cli.url.or(config.url);
    config.url_env = cli.url_env.or(config.url_env);
    config.dir = cli.dir.or(config.dir);
    config.table = cli.table.or(config.table);
    config.dialect = cli.dialect.or(config.dialect);
    config.engine = cli.engine.or(config.engine);
    config.renames = cli.renames.or(config.renames);
    config.schema_filter = cli.schema_filter.or(config.schema_filter);
    let schema = match schema {
        Some(schema) => {
            config.check_dialect(&schema)?;
            Some(config.filter(schema))
        }
        None => None,
    };
    let dir = config.migrations_dir();
    let options = MigrateOptions {
        table: config.journal_table(),
        engine: config.engine()?,
        ..MigrateOptions::default()
    };
    let runtime = || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the async runtime: {e}"))
    };
    match cli.command {
        Command::Generate {
            name,
            custom,
            strict,
            rename,
            no_renames,
            timestamp,
        } => {
            let schema = schema.ok_or(
                "generate reads your Rust schema: run it through your project's migrations binary \
                 (`cargo run --bin migrations -- generate`, see the README)",
            )?;
            let mut hints = match &config.renames {
                Some(path) => Renames::parse(
                    &std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
                )?,
                None => Renames::default(),
            };
            let flags = Renames::parse(&rename.join("\n"))?;
            hints.tables.extend(flags.tables);
            hints.columns.extend(flags.columns);
            hints.none = no_renames;
            let generate_options = GenerateOptions {
                name,
                renames: hints,
                custom,
                strict,
                timestamp,
            };
            let generate_options = if std::io::stdin().is_terminal() && cli.output == Output::Human {
                ask_renames(&dir, &schema, generate_options)?
            } else {
                generate_options
            };
            match generate(&dir, &schema, &generate_options) {
                Ok(None) => Ok(Printed {
                    text: "The schema and the last snapshot agree: no migration to write.".to_owned(),
                    json: json!({ "ok": true, "migration": null }),
                    ok: true,
                }),
                Ok(Some(generated)) => {
                    let mut text = format!(
                        "Wrote {} ({} statement(s)) in {}.",
                        generated.name,
                        generated.statements,
                        dir.display()
                    );
                    for warning in &generated.warnings {
                        text.push_str(&format!("\nwarning: {warning}"));
                    }
                    let findings: Vec<Finding> = lint_dir(&dir, Some(&schema))?
                        .into_iter()
                        .filter(|finding| finding.migration == generated.name)
                        .collect();
                    for finding in &findings {
                        text.push_str(&format!("\nlint: {finding}"));
                    }
                    Ok(Printed {
                        text,
                        json: json!({
                            "ok": true,
                            "migration": generated.name,
                            "statements": generated.statements,
                            "warnings": generated.warnings,
                            "lint": findings.iter().map(finding_json).collect::<Vec<_>>(),
                        }),
                        ok: true,
                    })
                }
                Err(error) => Err(error.to_string()),
            }
        }
        Command::Migrate {
            allow_changed,
            allow_missing,
        } => {
            let url = config.database_url()?;
            let migrations = files::load(&dir)?;
            let options = MigrateOptions {
                allow_changed,
                allow_missing,
                ..options
            };
            // A bar on a terminal, for a run long enough to want one.
            let bar = (std::io::stderr().is_terminal() && output == Output::Human).then(|| {
                let bar = indicatif::ProgressBar::new(0);
                if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}") {
                    bar.set_style(style);
                }
                bar
            });
            let mut show = |progress: crate::apply::Progress<'_>| {
                if let Some(bar) = &bar {
                    bar.set_length(progress.pending as u64);
                    bar.set_position(progress.done as u64);
                    bar.set_message(progress.name.to_owned());
                }
            };
            let result = runtime()?.block_on(migrate_with(&url, &migrations, &options, &mut show));
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            let report = result?;
            let text = if report.done.is_empty() {
                format!("Nothing to apply: {} migration(s) already applied.", report.already)
            } else {
                format!("Applied {}.", report.done.join(", "))
            };
            Ok(Printed {
                text,
                json: json!({ "ok": true, "applied": report.done, "already": report.already }),
                ok: true,
            })
        }
        Command::Down { count, to } => {
            let url = config.database_url()?;
            let migrations = files::load(&dir)?;
            let report = runtime()?.block_on(down(&url, &migrations, &options, count, to.as_deref()))?;
            let text = if report.done.is_empty() {
                "Nothing to undo.".to_owned()
            } else {
                format!("Undid {}.", report.done.join(", "))
            };
            Ok(Printed {
                text,
                json: json!({ "ok": true, "undone": report.done }),
                ok: true,
            })
        }
        Command::Status => {
            let url = config.database_url()?;
            let migrations = files::load(&dir)?;
            let states = runtime()?.block_on(status(&url, &migrations, &options))?;
            let describe = |state: &State| match state {
                State::Applied => "applied".to_owned(),
                State::Changed => "applied, but its file changed since".to_owned(),
                State::Missing => "applied, but its files are gone".to_owned(),
                State::Interrupted(done) => format!("interrupted after {done} statement(s)"),
                State::Pending => "pending".to_owned(),
            };
            let text = states
                .iter()
                .map(|(name, state)| format!("{name}  {}", describe(state)))
                .collect::<Vec<_>>()
                .join("\n");
            let ok = states.iter().all(|(_, s)| matches!(s, State::Applied | State::Pending));
            Ok(Printed {
                text: if text.is_empty() {
                    "No migrations.".to_owned()
                } else {
                    text
                },
                json: json!({
                    "ok": ok,
                    "migrations": states.iter().map(|(name, state)| json!({ "name": name, "state": describe(state) })).collect::<Vec<_>>(),
                }),
                ok,
            })
        }
        Command::Check { database } => {
            let problems = check(&dir)?;
            let findings = lint_dir(&dir, schema.as_ref())?;
            let open = findings.iter().filter(|finding| !finding.acknowledged).count();
            let mut text = if problems.is_empty() {
                "The migrations chain one after the other.".to_owned()
            } else {
                problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
            };
            for finding in findings.iter().filter(|finding| !finding.acknowledged) {
                text.push_str(&format!("\nlint: {finding}"));
            }
            let mut ok = problems.is_empty() && open == 0;
            let mut drift_json = serde_json::Value::Null;
            if database {
                let url = config.database_url()?;
                let model = match schema {
                    Some(schema) => schema,
                    None => files::last_snapshot(&dir, SchemaModel::empty(mizzle_dsl::dialect::DialectKind::Pg))?.0,
                };
                let migrations = files::load(&dir)?;
                let found = runtime()?.block_on(drift(&url, &model, &migrations, &options))?;
                text.push('\n');
                text.push_str(found.to_string().trim_end());
                ok = ok && found.is_empty();
                drift_json = json!({ "statements": found.schema.statements, "journal": found.journal });
            }
            Ok(Printed {
                text,
                json: json!({
                    "ok": ok,
                    "problems": problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "lint": findings.iter().map(finding_json).collect::<Vec<_>>(),
                    "drift": drift_json,
                }),
                ok,
            })
        }
        Command::Pull { out } => {
            let url = config.database_url()?;
            let schemas: Vec<String> = config
                .schema_filter
                .clone()
                .unwrap_or_default()
                .into_iter()
                .filter(|schema| schema != "public")
                .collect();
            let source = rustfmt(runtime()?.block_on(pull(&url, &options.table, &schemas))?);
            match out {
                Some(path) => {
                    std::fs::write(&path, &source).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
                    Ok(Printed {
                        text: format!("Wrote the schema to {}.", path.display()),
                        json: json!({ "ok": true, "file": path }),
                        ok: true,
                    })
                }
                None => Ok(Printed {
                    text: source.clone(),
                    json: json!({ "ok": true, "source": source }),
                    ok: true,
                }),
            }
        }
        Command::Push { dry_run, force } => {
            let schema = schema.ok_or(
                "push reads your Rust schema: run it through your project's migrations binary \
                 (`cargo run --bin migrations -- push`, see the README)",
            )?;
            let url = config.database_url()?;
            let runtime = runtime()?;
            let planned = runtime.block_on(plan(&url, &schema, &options.table))?;
            let mut text = if planned.statements.is_empty() {
                "The database matches the schema: nothing to push.".to_owned()
            } else {
                planned.statements.join("\n")
            };
            for warning in &planned.warnings {
                text.push_str(&format!("\nwarning: {warning}"));
            }
            let loses_data = !planned.warnings.is_empty();
            let run = !dry_run
                && !planned.statements.is_empty()
                && (!loses_data || force || (output == Output::Human && confirm(&text)?));
            if run {
                runtime.block_on(push(&url, &planned))?;
                text.push_str(&format!("\nPushed {} statement(s).", planned.statements.len()));
            } else if loses_data && !dry_run && !force {
                return Err(format!(
                    "{text}\nnot pushed: these statements lose data; run again with --force, or answer yes on a terminal"
                ));
            }
            Ok(Printed {
                text,
                json: json!({
                    "ok": true,
                    "statements": planned.statements,
                    "warnings": planned.warnings,
                    "pushed": run,
                }),
                ok: true,
            })
        }
        Command::Lint { migration } => {
            let findings: Vec<Finding> = lint_dir(&dir, schema.as_ref())?
                .into_iter()
                .filter(|finding| migration.as_ref().is_none_or(|name| &finding.migration == name))
                .collect();
            let open = findings.iter().filter(|finding| !finding.acknowledged).count();
            let mut text: Vec<String> = findings.iter().map(ToString::to_string).collect();
            text.push(format!(
                "{} finding(s), {} acknowledged.",
                findings.len(),
                findings.len() - open
            ));
            Ok(Printed {
                text: text.join("\n"),
                json: json!({ "ok": open == 0, "findings": findings.iter().map(finding_json).collect::<Vec<_>>() }),
                ok: open == 0,
            })
        }
        Command::Studio { port } => {
            let options = crate::studio::StudioOptions {
                url: config.database_url()?,
                port,
                schema: schema.clone(),
                check: row_check,
                migrations: dir.is_dir().then(|| (dir.clone(), options.clone())),
            };
            runtime()?.block_on(async {
                let studio = crate::studio::start(options).await?;
                println!("mizzle studio is serving on {}", studio.url());
                println!("(127.0.0.1 only; the token in the URL keeps other users out; stop with Ctrl-C)");
                studio.wait().await
            })?;
            Ok(Printed {
                text: String::new(),
                json: json!({ "ok": true }),
                ok: true,
            })
        }
        Command::Seed {
            count,
            seed: number,
            reset,
        } => {
            let seed = seed.ok_or(
                "seed writes your Rust tables: run it through your project's migrations binary \
                 (`cargo run --bin migrations -- seed`, see the README)",
            )?;
            let url = config.database_url()?;
            let bar = (std::io::stderr().is_terminal() && output == Output::Human).then(|| {
                let bar = indicatif::ProgressBar::new(0);
                if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} statements") {
                    bar.set_style(style);
                }
                bar
            });
            let mut show = |done: usize, total: usize| {
                if let Some(bar) = &bar {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
            };
            let written = seed(&url, count, number, reset, &mut show);
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            let written = written?;
            Ok(Printed {
                text: format!("Seeded {written} rows (seed {number}, {count} per table)."),
                json: json!({ "ok": true, "rows": written, "seed": number }),
                ok: true,
            })
        }
        Command::Export => {
            let model = match schema {
                Some(schema) => schema,
                None => {
                    let (model, last) =
                        files::last_snapshot(&dir, SchemaModel::empty(mizzle_dsl::dialect::DialectKind::Pg))?;
                    if last.is_none() {
                        return Err(format!(
                            "no schema to export: {} has no migrations, and this binary has no Rust schema",
                            dir.display()
                        ));
                    }
                    model
                }
            };
            let statements = create_statements(&model);
            Ok(Printed {
                text: statements.join("\n"),
                json: json!({ "ok": true, "dialect": model.dialect, "statements": statements }),
                ok: true,
            })
        }
    }
}
