//! Which mizzle column type a live column's type is, per dialect.

use mizzle_dsl::dialect::DialectKind;

/// A column type as `table!` takes it, and the enum it needs declared, if any.
pub(crate) struct Mapped {
    /// The column type: `Varchar<80>`, `Enum<Mood>`.
    pub(crate) rust: String,
    /// An enum to declare: its SQL type name (PostgreSQL) or a name for it, and members.
    pub(crate) declare: Option<(String, Vec<String>)>,
}

fn plain(rust: &str) -> Option<Mapped> {
    Some(Mapped {
        rust: rust.to_owned(),
        declare: None,
    })
}

/// The numbers in `name(a, b)`.
fn args(sql_type: &str, name: &str) -> Option<Vec<u32>> {
    let inner = sql_type.strip_prefix(name)?.strip_prefix('(')?.strip_suffix(')')?;
    inner.split(',').map(|n| n.trim().parse().ok()).collect()
}

/// The column type for `sql_type` of a column named `column` of `table`, or why there is none.
pub(crate) fn map(
    kind: DialectKind,
    sql_type: &str,
    enums: &[(String, Vec<String>)],
    table: &str,
    column: &str,
) -> Result<Mapped, String> {
    let mapped = match kind {
        DialectKind::Pg => pg(sql_type, enums),
        DialectKind::MySql => mysql(sql_type, table, column),
        DialectKind::Sqlite => sqlite(sql_type),
    };
    mapped.ok_or_else(|| {
        format!("`{table}.{column}` is of type {sql_type}, which mizzle's column types do not cover yet")
    })
}

fn pg(sql_type: &str, enums: &[(String, Vec<String>)]) -> Option<Mapped> {
    if let Some(element) = sql_type.strip_suffix("[]") {
        let inner = pg(element, enums)?;
        return Some(Mapped {
            rust: format!("Array<{}>", inner.rust),
            declare: inner.declare,
        });
    }
    if let Some(name) = sql_type.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        let (_, members) = enums.iter().find(|(enum_name, _)| enum_name == name)?;
        return Some(Mapped {
            rust: format!("Enum<{}>", super::names::camel(name)),
            declare: Some((name.to_owned(), members.clone())),
        });
    }
    if let Some([p, s]) = args(sql_type, "numeric").as_deref() {
        return plain(&format!("Numeric<{p}, {s}>"));
    }
    if let Some([n]) = args(sql_type, "character varying").as_deref() {
        return plain(&format!("Varchar<{n}>"));
    }
    if let Some([n]) = args(sql_type, "character").as_deref() {
        return plain(&format!("Char<{n}>"));
    }
    if let Some(srid) = sql_type
        .strip_prefix("geometry(Point,")
        .and_then(|s| s.strip_suffix(')'))
    {
        return plain(&format!("GeometryPoint<{srid}>"));
    }
    // Sized by one number: `bit(3)`, `time(3) without time zone`…
    for (sql, suffix, rust) in [
        ("bit", "", "Bit"),
        ("bit varying", "", "VarBit"),
        ("time", " without time zone", "TimeP"),
        ("timestamp", " without time zone", "TimestampP"),
        ("timestamp", " with time zone", "TimestamptzP"),
    ] {
        if let Some([n]) = sql_type.strip_suffix(suffix).and_then(|t| args(t, sql)).as_deref() {
            return plain(&format!("{rust}<{n}>"));
        }
    }
    plain(match sql_type {
        "smallint" => "SmallInt",
        "integer" => "Integer",
        "bigint" => "BigInt",
        "serial" => "Serial",
        "smallserial" => "SmallSerial",
        "bigserial" => "BigSerial",
        "real" => "Real",
        "double precision" => "DoublePrecision",
        "numeric" => "NumericAny",
        "boolean" => "Boolean",
        "text" => "Text",
        "uuid" => "Uuid",
        "json" => "Json",
        "jsonb" => "Jsonb",
        "date" => "Date",
        "time without time zone" => "Time",
        "timestamp without time zone" => "Timestamp",
        "timestamp with time zone" => "Timestamptz",
        "interval" => "Interval",
        "bytea" => "Bytea",
        "tsvector" => "TsVector",
        "tsquery" => "TsQuery",
        "inet" => "Inet",
        "cidr" => "Cidr",
        "macaddr" => "MacAddr",
        "macaddr8" => "MacAddr8",
        "point" => "Point",
        "line" => "Line",
        "bit varying" => "VarBitAny",
        "money" => "Money",
        "citext" => "Citext",
        _ => return None,
    })
}

fn mysql(sql_type: &str, table: &str, column: &str) -> Option<Mapped> {
    let (base, unsigned) = match sql_type.strip_suffix(" unsigned") {
        Some(base) => (base, true),
        None => (sql_type, false),
    };
    // MariaDB writes integer display widths (`int(11)`), which mean nothing here.
    let name = base.split('(').next().unwrap_or(base);
    if let Some(members) = sql_type.strip_prefix("enum(").and_then(|s| s.strip_suffix(')')) {
        let members = members
            .split(',')
            .map(|m| m.trim().trim_matches('\'').replace("''", "'"))
            .collect();
        let enum_name = format!("{table}_{column}");
        return Some(Mapped {
            rust: format!("Enum<{}>", super::names::camel(&enum_name)),
            declare: Some((enum_name, members)),
        });
    }
    if let Some([p, s]) = args(base, "decimal").as_deref() {
        return plain(&format!("Decimal<{p}, {s}>"));
    }
    for (sql, rust) in [
        ("varchar", "Varchar"),
        ("char", "Char"),
        ("binary", "Binary"),
        ("varbinary", "Varbinary"),
        ("bit", "Bit"),
    ] {
        if let Some([n]) = args(base, sql).as_deref() {
            return plain(&format!("{rust}<{n}>"));
        }
    }
    for (sql, rust) in [("datetime", "DateTime"), ("time", "Time"), ("timestamp", "Timestamp")] {
        if let Some([fsp]) = args(base, sql).as_deref() {
            return plain(&format!("{rust}<{fsp}>"));
        }
    }
    if base == "tinyint(1)" && !unsigned {
        return plain("Boolean");
    }
    let integer = |signed: &str, unsigned_name: &str| plain(if unsigned { unsigned_name } else { signed });
    match name {
        "tinyint" => integer("TinyInt", "TinyIntUnsigned"),
        "smallint" => integer("SmallInt", "SmallIntUnsigned"),
        "mediumint" => integer("MediumInt", "MediumIntUnsigned"),
        "int" => integer("Int", "IntUnsigned"),
        "bigint" => integer("BigInt", "BigIntUnsigned"),
        "float" => plain("Float"),
        "double" => plain("Double"),
        "tinytext" => plain("TinyText"),
        "text" => plain("Text"),
        "mediumtext" => plain("MediumText"),
        "longtext" => plain("LongText"),
        "json" => plain("Json"),
        "date" => plain("Date"),
        "datetime" => plain("DateTime"),
        "time" => plain("Time"),
        "timestamp" => plain("Timestamp"),
        "year" => plain("Year"),
        "point" => plain("Point"),
        _ => None,
    }
}

fn sqlite(sql_type: &str) -> Option<Mapped> {
    plain(match sql_type {
        "integer" => "Integer",
        "text" => "Text",
        "real" => "Real",
        "blob" => "Blob",
        "numeric" => "Numeric",
        _ => return None,
    })
}
