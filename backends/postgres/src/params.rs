//! Binding mizzle's values as PostgreSQL parameters, in the type the server expects.

use bytes::BytesMut;
use mizzle_dsl::types::Value;
use postgres_types::{to_sql_checked, IsNull, Kind, ToSql, Type};
use std::error::Error;

/// One bound value. It accepts any parameter type and converts where that is lossless
/// (an `i32` to an `int8` parameter, say), since the server infers parameter types from
/// the statement while mizzle's types come from the schema.
#[derive(Debug)]
pub(crate) struct PgParam<'v, 'q>(pub(crate) &'v Value<'q>);

type BoxError = Box<dyn Error + Sync + Send>;

fn int(ty: &Type, n: i64, out: &mut BytesMut) -> Result<IsNull, BoxError> {
    match *ty {
        Type::INT2 => i16::try_from(n)?.to_sql(ty, out),
        Type::INT4 => i32::try_from(n)?.to_sql(ty, out),
        Type::INT8 => n.to_sql(ty, out),
        Type::FLOAT8 => (n as f64).to_sql(ty, out),
        #[cfg(feature = "decimal")]
        Type::NUMERIC => rust_decimal::Decimal::from(n).to_sql(ty, out),
        #[cfg(not(feature = "decimal"))]
        Type::NUMERIC => Err("sending an integer as numeric needs mizzle's `decimal` feature".into()),
        Type::TEXT | Type::VARCHAR => n.to_string().to_sql(ty, out),
        _ => Err(format!("cannot send an integer as a {ty} parameter").into()),
    }
}

impl ToSql for PgParam<'_, '_> {
    fn to_sql(&self, ty: &Type, out: &mut BytesMut) -> Result<IsNull, BoxError> {
        match self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Bool(b) => b.to_sql(ty, out),
            Value::I8(n) => int(ty, i64::from(*n), out),
            Value::I16(n) => int(ty, i64::from(*n), out),
            Value::I32(n) => int(ty, i64::from(*n), out),
            Value::I64(n) => int(ty, *n, out),
            Value::U8(n) => int(ty, i64::from(*n), out),
            Value::U16(n) => int(ty, i64::from(*n), out),
            Value::U32(n) => int(ty, i64::from(*n), out),
            Value::U64(n) => int(ty, i64::try_from(*n)?, out),
            Value::F32(x) if *ty == Type::FLOAT8 => f64::from(*x).to_sql(ty, out),
            Value::F32(x) => x.to_sql(ty, out),
            Value::F64(x) => x.to_sql(ty, out),
            // Text to a text column, the common case, before the types named below.
            Value::Text(text) if is_text(ty) => text.as_ref().to_sql(ty, out),
            Value::Text(text) => match ty.kind() {
                // An enum's binary format is its member's text, as is JSON's; jsonb's is
                // a version byte before it.
                Kind::Enum(_) => {
                    out.extend_from_slice(text.as_bytes());
                    Ok(IsNull::No)
                }
                // The server checks that it is JSON, and says so when it is not.
                _ if *ty == Type::JSON || *ty == Type::JSONB => {
                    if *ty == Type::JSONB {
                        out.extend_from_slice(&[1]);
                    }
                    out.extend_from_slice(text.as_bytes());
                    Ok(IsNull::No)
                }
                _ if sends_text(ty) => {
                    out.extend_from_slice(text.as_bytes());
                    Ok(IsNull::No)
                }
                // jsonpath's binary format is a version byte, 1, before the text.
                _ if ty.name() == "jsonpath" => {
                    out.extend_from_slice(&[1]);
                    out.extend_from_slice(text.as_bytes());
                    Ok(IsNull::No)
                }
                _ => text.as_ref().to_sql(ty, out),
            },
            // A geometry comes as MySQL's form (SRID, then well-known binary): PostGIS takes
            // its extended form, the SRID flagged in the type and written after it.
            Value::Bytes(bytes) if *ty != Type::BYTEA && ty.name() == "geometry" => {
                let [s0, s1, s2, s3, order, t0, t1, t2, t3, rest @ ..] = bytes.as_ref() else {
                    return Err("a geometry value too short to be well-known binary".into());
                };
                let srid = u32::from_le_bytes([*s0, *s1, *s2, *s3]);
                let little = *order == 1;
                let kind = if little {
                    u32::from_le_bytes([*t0, *t1, *t2, *t3])
                } else {
                    u32::from_be_bytes([*t0, *t1, *t2, *t3])
                } | 0x2000_0000;
                out.extend_from_slice(&[*order]);
                if little {
                    out.extend_from_slice(&kind.to_le_bytes());
                    out.extend_from_slice(&srid.to_le_bytes());
                } else {
                    out.extend_from_slice(&kind.to_be_bytes());
                    out.extend_from_slice(&srid.to_be_bytes());
                }
                out.extend_from_slice(rest);
                Ok(IsNull::No)
            }
            Value::Bytes(bytes) => bytes.as_ref().to_sql(ty, out),
            #[cfg(feature = "uuid")]
            Value::Uuid(uuid) => uuid.to_sql(ty, out),
            // money is a count of cents (the default locale's two digits).
            #[cfg(feature = "decimal")]
            Value::Decimal(decimal) if *ty == Type::MONEY => {
                let cents = (decimal * rust_decimal::Decimal::ONE_HUNDRED).round();
                let cents = i64::try_from(cents).map_err(|_| format!("{decimal} does not fit money"))?;
                out.extend_from_slice(&cents.to_be_bytes());
                Ok(IsNull::No)
            }
            #[cfg(feature = "decimal")]
            Value::Decimal(decimal) => decimal.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::Date(date) => date.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::Time(time) => time.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::Timestamp(at) => at.to_sql(ty, out),
            #[cfg(feature = "chrono")]
            Value::TimestampTz(at) => at.to_sql(ty, out),
            Value::Interval(interval) => {
                if *ty != Type::INTERVAL {
                    return Err(format!("cannot send an interval as a {ty} parameter").into());
                }
                out.extend_from_slice(&interval.microseconds.to_be_bytes());
                out.extend_from_slice(&interval.days.to_be_bytes());
                out.extend_from_slice(&interval.months.to_be_bytes());
                Ok(IsNull::No)
            }
            Value::Json(text) => {
                if *ty == Type::JSONB {
                    out.extend_from_slice(&[1]);
                } else if *ty != Type::JSON {
                    return Err(format!("cannot send JSON as a {ty} parameter").into());
                }
                out.extend_from_slice(text.as_bytes());
                Ok(IsNull::No)
            }
            Value::Array(values) => {
                let Kind::Array(member) = ty.kind() else {
                    return Err(format!("cannot send an array as a {ty} parameter").into());
                };
                // An array of arrays is one multi-dimensional array of its leaves.
                let mut dimensions = Vec::new();
                let mut leaves = Vec::new();
                flatten(values, 0, &mut dimensions, &mut leaves)?;
                let params: Vec<PgParam<'_, '_>> = leaves.into_iter().map(PgParam).collect();
                postgres_protocol::types::array_to_sql(
                    dimensions
                        .into_iter()
                        .map(|len| postgres_protocol::types::ArrayDimension { len, lower_bound: 1 }),
                    member.oid(),
                    params.iter(),
                    |param, out| match param.to_sql(member, out)? {
                        IsNull::No => Ok(postgres_protocol::IsNull::No),
                        IsNull::Yes => Ok(postgres_protocol::IsNull::Yes),
                    },
                    out,
                )?;
                Ok(IsNull::No)
            }
            other => Err(mizzle_dsl::types::without_feature(other).into()),
        }
    }

    /// Text goes in PostgreSQL's text format to the types whose binary format is not
    /// their text (full-text search types, `regconfig`): the server parses it, as it would
    /// a literal.
    fn encode_format(&self, ty: &Type) -> postgres_types::Format {
        match self.0 {
            Value::Text(_) if !is_text(ty) && sends_text(ty) => postgres_types::Format::Text,
            _ => postgres_types::Format::Binary,
        }
    }

    fn accepts(_ty: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// PostgreSQL's own text types, which take text as it is: told apart by their OIDs, so
/// that text bound to them skips the comparisons of type names below.
fn is_text(ty: &Type) -> bool {
    *ty == Type::TEXT || *ty == Type::VARCHAR || *ty == Type::BPCHAR
}

/// The types a text value is sent to in text format (see [`PgParam::encode_format`]).
fn sends_text(ty: &Type) -> bool {
    matches!(
        ty.name(),
        "tsvector"
            | "tsquery"
            | "regconfig"
            | "inet"
            | "cidr"
            | "macaddr"
            | "macaddr8"
            | "bit"
            | "varbit"
            | "point"
            | "line"
            | "vector"
            | "halfvec"
            | "sparsevec"
    )
}

/// The leaves of nested arrays, in order, and the length of each dimension; an error when
/// the arrays are not rectangular, as a PostgreSQL array must be.
fn flatten<'v, 'q>(
    values: &'v [Value<'q>],
    depth: usize,
    dimensions: &mut Vec<i32>,
    leaves: &mut Vec<&'v Value<'q>>,
) -> Result<(), BoxError> {
    let len = i32::try_from(values.len())?;
    match dimensions.get(depth) {
        None => dimensions.push(len),
        Some(expected) if *expected != len => {
            return Err("the arrays of a multi-dimensional array must all have the same length".into())
        }
        Some(_) => {}
    }
    for value in values {
        match value {
            Value::Array(inner) => flatten(inner, depth + 1, dimensions, leaves)?,
            leaf if dimensions.len() == depth + 1 => leaves.push(leaf),
            _ => return Err("the arrays of a multi-dimensional array must all have the same depth".into()),
        }
    }
    Ok(())
}
