//! [`Engine`]: a database server that speaks one of the dialects' wire protocols, and
//! what it does and does not do of what mizzle uses.
//!
//! A dialect says how SQL is spelled and what the query builder lets a query use; an
//! engine says which server answers. PostgreSQL's protocol is spoken by Neon,
//! CockroachDB and YugabyteDB, MySQL's by MariaDB, TiDB and Vitess (PlanetScale), and
//! they differ in what they implement. The backends and the migrations kit read these
//! switches where the difference changes what they send.

use super::DialectKind;

/// A server engine and its capabilities, as far as mizzle's features go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Engine {
    /// Its name, as `mizzle.toml`'s `engine` key and messages spell it.
    pub name: &'static str,
    /// The dialect it speaks.
    pub dialect: DialectKind,
    /// Session advisory locks (`pg_advisory_lock`, `GET_LOCK`): the migrations kit takes
    /// one while it applies; without them it holds a row of a lock table instead.
    pub advisory_locks: bool,
    /// DDL inside a transaction, rolled back with it: the kit applies each migration
    /// in a transaction where it is.
    pub transactional_ddl: bool,
    /// `LATERAL` joins.
    pub lateral: bool,
    /// Savepoints: nested transactions (`tx.transaction(..)`).
    pub savepoints: bool,
    /// Foreign keys declared and enforced.
    pub foreign_keys: bool,
    /// Row-level security policies (PostgreSQL's `CREATE POLICY`).
    pub row_level_security: bool,
    /// `CREATE EXTENSION` (pgvector, PostGIS, citext).
    pub extensions: bool,
    /// Arrays of more than one dimension.
    pub multidimensional_arrays: bool,
    /// Full-text indexes and search (`tsvector`, `FULLTEXT`).
    pub full_text_search: bool,
    /// The session setting that makes the server stop a long statement, in milliseconds
    /// (`statement_timeout`, `max_execution_time`) or seconds (`max_statement_time`), if
    /// the engine has one.
    pub statement_timeout_setting: Option<&'static str>,
}

impl Engine {
    /// PostgreSQL itself.
    pub const POSTGRES: Engine = Engine {
        name: "postgresql",
        dialect: DialectKind::Pg,
        advisory_locks: true,
        transactional_ddl: true,
        lateral: true,
        savepoints: true,
        foreign_keys: true,
        row_level_security: true,
        extensions: true,
        multidimensional_arrays: true,
        full_text_search: true,
        statement_timeout_setting: Some("statement_timeout"),
    };

    /// Neon: PostgreSQL, with compute that scales to zero. Through its pooled endpoint
    /// (PgBouncer in transaction mode) session state does not last: run migrations, which
    /// hold a session lock, on the direct endpoint.
    pub const NEON: Engine = Engine {
        name: "neon",
        ..Engine::POSTGRES
    };

    /// CockroachDB: PostgreSQL's protocol on a distributed store. No advisory locks, no
    /// extensions, row-level security only in recent versions, arrays of one dimension;
    /// schema changes in a transaction are not atomic with the rest of it.
    pub const COCKROACHDB: Engine = Engine {
        name: "cockroachdb",
        advisory_locks: false,
        transactional_ddl: false,
        row_level_security: false,
        extensions: false,
        multidimensional_arrays: false,
        ..Engine::POSTGRES
    };

    /// YugabyteDB (YSQL): PostgreSQL's own query layer on a distributed store.
    /// Advisory locks are recent and off by default.
    pub const YUGABYTEDB: Engine = Engine {
        name: "yugabytedb",
        advisory_locks: false,
        ..Engine::POSTGRES
    };

    /// MySQL 8.
    pub const MYSQL: Engine = Engine {
        name: "mysql",
        dialect: DialectKind::MySql,
        advisory_locks: true,
        transactional_ddl: false,
        lateral: true,
        savepoints: true,
        foreign_keys: true,
        row_level_security: false,
        extensions: false,
        multidimensional_arrays: false,
        full_text_search: true,
        statement_timeout_setting: Some("max_execution_time"),
    };

    /// MariaDB 10.5 and later: MySQL's protocol; no LATERAL.
    pub const MARIADB: Engine = Engine {
        name: "mariadb",
        lateral: false,
        statement_timeout_setting: Some("max_statement_time"),
        ..Engine::MYSQL
    };

    /// TiDB: MySQL's protocol on a distributed store. No full-text indexes; foreign keys
    /// only from 6.6.
    pub const TIDB: Engine = Engine {
        name: "tidb",
        lateral: false,
        full_text_search: false,
        foreign_keys: false,
        ..Engine::MYSQL
    };

    /// Vitess and PlanetScale: MySQL's protocol over sharded MySQL. Foreign keys and
    /// locks only within one shard (an unsharded keyspace has them); a transaction across
    /// shards is not atomic unless two-phase commit is on.
    pub const VITESS: Engine = Engine {
        name: "vitess",
        advisory_locks: false,
        foreign_keys: false,
        lateral: false,
        ..Engine::MYSQL
    };

    /// SQLite.
    pub const SQLITE: Engine = Engine {
        name: "sqlite",
        dialect: DialectKind::Sqlite,
        advisory_locks: false,
        transactional_ddl: true,
        lateral: false,
        savepoints: true,
        foreign_keys: true,
        row_level_security: false,
        extensions: false,
        multidimensional_arrays: false,
        full_text_search: true,
        statement_timeout_setting: None,
    };

    /// Every engine mizzle knows.
    pub const ALL: [Engine; 9] = [
        Engine::POSTGRES,
        Engine::NEON,
        Engine::COCKROACHDB,
        Engine::YUGABYTEDB,
        Engine::MYSQL,
        Engine::MARIADB,
        Engine::TIDB,
        Engine::VITESS,
        Engine::SQLITE,
    ];

    /// The engine called `name` (`cockroachdb`, `planetscale`…), in any case.
    pub fn named(name: &str) -> Option<Engine> {
        let name = name.to_ascii_lowercase();
        let name = match name.as_str() {
            "postgres" | "pg" => "postgresql",
            "planetscale" => "vitess",
            "cockroach" | "crdb" => "cockroachdb",
            "yugabyte" | "ysql" => "yugabytedb",
            other => other,
        };
        Engine::ALL.into_iter().find(|engine| engine.name == name)
    }

    /// The statement that makes the server stop statements that run longer than
    /// `limit`, for each new session; `None` where the engine has no such setting.
    /// MySQL's and TiDB's `max_execution_time` stops `SELECT`s only.
    pub fn statement_timeout_sql(&self, limit: std::time::Duration) -> Option<String> {
        let setting = self.statement_timeout_setting?;
        Some(match setting {
            "max_statement_time" => format!("SET SESSION max_statement_time = {}", limit.as_secs_f64()),
            "statement_timeout" => format!("SET statement_timeout = {}", limit.as_millis().max(1)),
            other => format!("SET SESSION {other} = {}", limit.as_millis().max(1)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Engine;
    use std::time::Duration;

    #[test]
    fn engines_are_found_by_name_and_by_their_other_names() {
        assert_eq!(Engine::named("CockroachDB"), Some(Engine::COCKROACHDB));
        assert_eq!(Engine::named("planetscale"), Some(Engine::VITESS));
        assert_eq!(Engine::named("postgres"), Some(Engine::POSTGRES));
        assert_eq!(Engine::named("oracle"), None);
    }

    #[test]
    fn each_engine_stops_long_statements_with_its_own_setting() {
        let limit = Duration::from_millis(1500);
        assert_eq!(
            Engine::MARIADB.statement_timeout_sql(limit).unwrap(),
            "SET SESSION max_statement_time = 1.5"
        );
        assert_eq!(
            Engine::MYSQL.statement_timeout_sql(limit).unwrap(),
            "SET SESSION max_execution_time = 1500"
        );
        assert_eq!(
            Engine::TIDB.statement_timeout_sql(limit).unwrap(),
            "SET SESSION max_execution_time = 1500"
        );
        assert_eq!(
            Engine::COCKROACHDB.statement_timeout_sql(limit).unwrap(),
            "SET statement_timeout = 1500"
        );
        assert_eq!(Engine::SQLITE.statement_timeout_sql(limit), None);
    }
}
