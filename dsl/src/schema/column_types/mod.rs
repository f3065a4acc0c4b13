//! Column types per dialect: the SQL type, the default Rust type and the DDL spelling.

pub mod mysql;
pub mod pg;
pub mod sqlite;

use crate::dialect::Dialect;
use crate::schema::DefaultKind;
use crate::types::{ParamKind, SqlType};

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

    /// What values fit, for validators and JSON Schema: ranges, lengths, precision, members.
    fn type_info() -> TypeInfo {
        TypeInfo::from_param(<Self::SqlType as SqlType>::PARAM)
    }

    /// The default `default_now` writes, where the dialect's current timestamp would not
    /// read back as this type (SQLite's integer timestamps); `None` for the dialect's own.
    fn now_sql() -> Option<&'static str> {
        None
    }
}

/// The values a column type holds, described at run time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeInfo {
    /// An integer in `min..=max`.
    Integer {
        /// The smallest value.
        min: i128,
        /// The largest value.
        max: i128,
    },
    /// A float.
    Float,
    /// An exact decimal with at most `precision` digits, `scale` after the point.
    Decimal {
        /// Total digits, when bounded.
        precision: Option<u32>,
        /// Digits after the point, when bounded.
        scale: Option<u32>,
    },
    /// A boolean.
    Bool,
    /// Text of at most `max_chars` characters and `max_bytes` bytes of UTF-8.
    Text {
        /// The limit in characters (`varchar(n)`, `char(n)`), when there is one.
        max_chars: Option<u32>,
        /// The limit in bytes (MySQL's `tinytext` … `longtext`), when there is one.
        max_bytes: Option<u32>,
    },
    /// Bytes, at most `max_len`.
    Bytes {
        /// The limit, when there is one.
        max_len: Option<u32>,
    },
    /// A UUID.
    Uuid,
    /// A calendar date.
    Date,
    /// A time of day.
    Time,
    /// A date and time without time zone.
    Timestamp,
    /// An instant.
    TimestampTz,
    /// An instant stored as an integer count since the Unix epoch (SQLite's timestamp
    /// modes): of milliseconds when `millis`, else of seconds. JSON writes it as an
    /// RFC 3339 instant, as it does a `TimestampTz`.
    UnixTime {
        /// Milliseconds rather than seconds.
        millis: bool,
    },
    /// An interval.
    Interval,
    /// Any JSON document (a typed JSON column is checked by deserializing it).
    Json,
    /// One of `members`.
    Enum {
        /// The allowed values.
        members: &'static [&'static str],
    },
    /// An array of elements described by the inner info.
    Array(Box<TypeInfo>),
    /// A vector of numbers (pgvector's `vector`, `halfvec`): an array of `dim` of them.
    Vector {
        /// The number of elements, when fixed.
        dim: Option<u32>,
    },
    /// pgvector's sparse vector, written `{1:0.5,3:2}/5`: of `dim` dimensions.
    SparseVector {
        /// The number of dimensions, when fixed.
        dim: Option<u32>,
    },
    /// Text in a format of its own (network addresses, points): see [`TextFormat`].
    Formatted(&'static TextFormat),
    /// A string of bits written `0101`: exactly `len` of them, or at most `len` when
    /// `varying` (any number when `None`).
    Bits {
        /// The length, or the limit when `varying`.
        len: Option<u32>,
        /// `bit varying`.
        varying: bool,
    },
}

/// A text format of values with a type of their own (PostgreSQL's `inet`, `macaddr`,
/// `point`…): what validators check, JSON Schema names, and seeds make.
#[derive(Debug)]
pub struct TextFormat {
    /// The format's name, JSON Schema's `format`: `inet`, `cidr`, `macaddr`, `point`.
    pub name: &'static str,
    /// Why `text` is not a value of the format, if it is not.
    pub check: fn(&str) -> Result<(), String>,
    /// The `n`th of a run of distinct example values, for seeds, as a statement binds it.
    pub example: fn(u64) -> crate::types::Value<'static>,
}

/// Formats are told apart by name: one per type.
impl PartialEq for TextFormat {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}
impl Eq for TextFormat {}

impl TypeInfo {
    /// What the SQL type's placeholder kind says, with no lengths or precision.
    pub fn from_param(kind: ParamKind) -> Self {
        match kind {
            ParamKind::Integer { min, max } => TypeInfo::Integer { min, max },
            ParamKind::Float => TypeInfo::Float,
            ParamKind::Decimal => TypeInfo::Decimal {
                precision: None,
                scale: None,
            },
            ParamKind::Bool => TypeInfo::Bool,
            ParamKind::Text => TypeInfo::Text {
                max_chars: None,
                max_bytes: None,
            },
            ParamKind::Bytes => TypeInfo::Bytes { max_len: None },
            ParamKind::Uuid => TypeInfo::Uuid,
            ParamKind::Date => TypeInfo::Date,
            ParamKind::Time => TypeInfo::Time,
            ParamKind::Timestamp => TypeInfo::Timestamp,
            ParamKind::TimestampTz => TypeInfo::TimestampTz,
            ParamKind::UnixTime { millis } => TypeInfo::UnixTime { millis },
            ParamKind::Interval => TypeInfo::Interval,
            ParamKind::Any => TypeInfo::Json,
        }
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
    ($dialect:ty; $( $(#[$doc:meta])* $name:ident => $st:ty, $default:ident, $ddl:literal $(, $info:expr)?; )*) => {$(
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
            $(
                fn type_info() -> $crate::schema::TypeInfo {
                    $info
                }
            )?
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
