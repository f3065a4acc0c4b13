//! Marker traits for features only some dialects have; methods that need one name it in a bound.

use super::{Dialect, MySql, Pg, Sqlite};

/// Dialects with `INSERT/UPDATE/DELETE … RETURNING`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `RETURNING` clause",
    label = "`.returning(..)` is not available here",
    note = "on MySQL, read the row again by its key (`last_insert_id()` gives an auto-increment key)"
)]
pub trait SupportsReturning: Dialect {}
impl SupportsReturning for Pg {}
impl SupportsReturning for Sqlite {}

/// Dialects with the case-insensitive `ILIKE` operator.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `ILIKE` operator",
    label = "`.ilike(..)` is PostgreSQL only",
    note = "use `.like(..)`: SQLite's LIKE is case-insensitive for ASCII, and MySQL's follows the column's collation"
)]
pub trait SupportsIlike: Dialect {}
impl SupportsIlike for Pg {}

/// Dialects with `SELECT DISTINCT ON (…)`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `DISTINCT ON`",
    label = "`.distinct_on(..)` is PostgreSQL only",
    note = "use `.distinct()` or a `GROUP BY`"
)]
pub trait SupportsDistinctOn: Dialect {}
impl SupportsDistinctOn for Pg {}

/// Dialects with `FULL [OUTER] JOIN`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `FULL JOIN`",
    label = "`.full_join(..)` is not available here",
    note = "MySQL and MariaDB lack FULL JOIN: run the query with `.left_join(..)` and again with \
            `.right_join(..)`, and merge the rows"
)]
pub trait SupportsFullJoin: Dialect {}
impl SupportsFullJoin for Pg {}
impl SupportsFullJoin for Sqlite {}

/// Dialects with `INSERT … ON CONFLICT`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `ON CONFLICT` clause",
    label = "`.on_conflict..(..)` is not available here",
    note = "on MySQL, use `.on_duplicate_key_update(..)`; to keep the existing row, set its key to \
            itself there (`users::id.to(users::id)`)"
)]
pub trait SupportsOnConflict: Dialect {}
impl SupportsOnConflict for Pg {}
impl SupportsOnConflict for Sqlite {}

/// Dialects with `INSERT … ON DUPLICATE KEY UPDATE`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `ON DUPLICATE KEY UPDATE` clause",
    label = "`.on_duplicate_key_update(..)` is MySQL only",
    note = "on PostgreSQL and SQLite, use `.on_conflict(..).do_update(..)`"
)]
pub trait SupportsOnDuplicateKey: Dialect {}
impl SupportsOnDuplicateKey for MySql {}

/// Dialects with `INTERSECT ALL` and `EXCEPT ALL`, which keep duplicate rows.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `INTERSECT ALL` or `EXCEPT ALL`",
    label = "`.intersect_all(..)` and `.except_all(..)` are not available here",
    note = "SQLite has only the distinct forms: use `.intersect(..)` or `.except(..)`"
)]
pub trait SupportsSetOperationAll: Dialect {}
impl SupportsSetOperationAll for Pg {}
impl SupportsSetOperationAll for MySql {}

/// Dialects that lock rows: `SELECT … FOR UPDATE` and `FOR SHARE`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no row locks",
    label = "`.for_update()` and `.for_share()` are not available here",
    note = "SQLite locks the whole database: a transaction holds it from its first write to its end, so \
            no other connection changes what it read once it has written"
)]
pub trait SupportsRowLocks: Dialect {}
impl SupportsRowLocks for Pg {}
impl SupportsRowLocks for MySql {}

/// Dialects with the key-level locks `FOR NO KEY UPDATE` and `FOR KEY SHARE`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `FOR NO KEY UPDATE` or `FOR KEY SHARE`",
    label = "key-level locks are PostgreSQL only",
    note = "use `.for_update()` or `.for_share()`"
)]
pub trait SupportsKeyLocks: Dialect {}
impl SupportsKeyLocks for Pg {}

/// Dialects whose row locks can name the tables to lock: `FOR UPDATE OF t`.
#[diagnostic::on_unimplemented(
    message = "{Self} cannot lock the rows of some tables only",
    label = "`.of(..)` is PostgreSQL only",
    note = "MariaDB has no `FOR UPDATE OF`: the lock takes the rows of every table the select reads"
)]
pub trait SupportsLockOf: Dialect {}
impl SupportsLockOf for Pg {}

/// Dialects with LATERAL joins, whose subquery reads the rows joined before it.
#[diagnostic::on_unimplemented(
    message = "{Self} has no LATERAL joins here",
    label = "`.inner_join_lateral(..)`, `.left_join_lateral(..)` and `.cross_join_lateral(..)` are PostgreSQL only",
    note = "MariaDB and SQLite have no LATERAL (MySQL 8.0.14 does, but the MySQL dialect serves MariaDB too): \
            read one value per row with a correlated subquery in the select list, `.correlated(table).scalar()`"
)]
pub trait SupportsLateral: Dialect {}
impl SupportsLateral for Pg {}

/// Dialects with `INSERT IGNORE`.
#[diagnostic::on_unimplemented(
    message = "{Self} has no `INSERT IGNORE`",
    label = "`.ignore()` is MySQL only",
    note = "skip the rows that break a unique constraint with `.on_conflict_do_nothing()`"
)]
pub trait SupportsInsertIgnore: Dialect {}
impl SupportsInsertIgnore for MySql {}

/// Dialects with ORDER BY and LIMIT on UPDATE and DELETE.
#[diagnostic::on_unimplemented(
    message = "{Self} has no ORDER BY or LIMIT on UPDATE and DELETE",
    label = "`.order_by(..)` and `.limit(..)` on a write are MySQL only",
    note = "choose the rows by key instead: `.filter(table::id.in_subquery(select(table::id).from(table).order_by(..).limit(n)))`"
)]
pub trait SupportsWriteLimit: Dialect {}
impl SupportsWriteLimit for MySql {}
