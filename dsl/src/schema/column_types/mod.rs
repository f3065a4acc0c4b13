//! Column types per dialect: the SQL type, the default Rust type and the DDL spelling.

pub mod mysql;
pub mod pg;
pub mod sqlite;

use crate::dialect::Dialect;
use crate::schema::DefaultKind;
use crate::types::SqlType;

/// A column type of dialect `D`, such as `pg::Varchar<255>` or `sqlite::Integer`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a {D} column type",
    label = "use a type from the `{D}` column types module",
    note = "column types live in `mizzle::pg`, `mizzle::mysql` and `mizzle::sqlite`; a table uses those of its own dialect"
)]
pub trait ColumnType<D: Dialect>: 'static {
    /// The SQL type its values have in expressions.
    type SqlType: SqlType;
    /// The Rust type it decodes to unless the column names another.
    type Value;
    /// [`HasDefault`](crate::schema::HasDefault) for types the database fills (serial).
    type Default: DefaultKind;
    /// What being the primary key implies: SQLite fills an `integer PRIMARY KEY` itself
    /// (it is the rowid), so inserts may leave it out.
    type KeyDefault: DefaultKind;
    /// Writes the type as DDL spells it, e.g. `varchar(255)`.
    fn write_ddl(sql: &mut String);

    /// The PostgreSQL enum type this column needs created first, if any.
    fn enum_type() -> Option<EnumType> {
        None
    }
}

/// A PostgreSQL enum type: `CREATE TYPE name AS ENUM (…)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnumType {
    /// The type's name.
    pub name: &'static str,
    /// Its members, in order.
    pub members: &'static [&'static str],
}

/// Declares column types whose DDL is a fixed word.
macro_rules! fixed_column_types {
    ($dialect:ty; $( $(#[$doc:meta])* $name:ident => $st:ty, $default:ident, $ddl:literal; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl $crate::schema::ColumnType<$dialect> for $name {
            type SqlType = $st;
            type Value = <$st as $crate::types::SqlType>::Rust;
            type Default = $crate::schema::$default;
            type KeyDefault = $crate::schema::NoDefault;
            fn write_ddl(sql: &mut String) {
                sql.push_str($ddl);
            }
        }
    )*};
}
pub(crate) use fixed_column_types;

/// Writes `name(n)` or `name(p, s)` for sized types.
pub(crate) fn write_sized(sql: &mut String, name: &str, sizes: &[u32]) {
    use std::fmt::Write;
    sql.push_str(name);
    sql.push('(');
    for (i, size) in sizes.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        let _ = write!(sql, "{size}");
    }
    sql.push(')');
}
