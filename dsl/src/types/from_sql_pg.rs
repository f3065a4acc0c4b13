//! Decoding PostgreSQL's binary format, through postgres-types for the built-in types.

use super::sql::*;
use super::{FromSql, Interval, SqlEnum};
use crate::dialect::{Pg, PgValueRef};
use crate::error::DecodeError;
use postgres_types::Type;

/// The bytes of a non-NULL value.
#[inline]
fn bytes(raw: PgValueRef<'_>) -> Result<&[u8], DecodeError> {
    raw.bytes.ok_or_else(|| DecodeError::new("unexpected NULL"))
}

/// Decodes with postgres-types, after checking it accepts the column's type.
#[inline]
fn via_postgres<'a, T: postgres_types::FromSql<'a>>(raw: PgValueRef<'a>, wanted: &str) -> Result<T, DecodeError> {
    if !T::accepts(raw.ty) {
        return Err(DecodeError::new(format!("expected {wanted}, found {}", raw.ty.name())));
    }
    T::from_sql(raw.ty, bytes(raw)?).map_err(|e| DecodeError::new(format!("invalid {wanted}: {e}")))
}

/// Types postgres-types decodes (decimals, dates and times): their features bring them.
#[cfg(any(feature = "decimal", feature = "chrono"))]
macro_rules! pg_builtin {
    ($($st:ty: $rust:ty => $wanted:literal;)*) => {$(
        impl FromSql<$st, Pg> for $rust {
            #[inline]
            fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
                via_postgres(raw, $wanted)
            }
        }
    )*};
}

#[cfg(feature = "decimal")]
pg_builtin! {
    Numeric: rust_decimal::Decimal => "numeric";
}

#[cfg(feature = "chrono")]
pg_builtin! {
    Date: chrono::NaiveDate => "date";
    Time: chrono::NaiveTime => "time";
    Timestamp: chrono::NaiveDateTime => "timestamp";
    TimestampTz: chrono::DateTime<chrono::Utc> => "timestamp with time zone";
}

/// The error of a value whose column has another type than the one decoded.
#[cold]
#[inline(never)]
fn wrong_type(raw: PgValueRef<'_>, wanted: &str) -> DecodeError {
    DecodeError::new(format!("expected {wanted}, found {}", raw.ty.name()))
}

/// The error of a fixed-width value of another width.
#[cold]
#[inline(never)]
fn wrong_width(wanted: &str, width: usize, found: usize) -> DecodeError {
    DecodeError::new(format!(
        "invalid {wanted}: {width} bytes in binary format, found {found}"
    ))
}

/// The bytes of a fixed-width value of type `ty`, checked: type and width.
#[inline(always)]
fn fixed<const N: usize>(raw: PgValueRef<'_>, ty: &Type, wanted: &str) -> Result<[u8; N], DecodeError> {
    if raw.ty != ty {
        return Err(wrong_type(raw, wanted));
    }
    let b = bytes(raw)?;
    b.try_into().map_err(|_| wrong_width(wanted, N, b.len()))
}

// The fixed-width built-in types, read straight from their binary format (big-endian, as
// the protocol documents): one comparison of the column's type and one of the width,
// where going through postgres-types costs a call and a boxed error path per value.
macro_rules! pg_fixed {
    ($($st:ty: $rust:ty => $ty:ident, $wanted:literal, |$b:ident| $read:expr;)*) => {$(
        impl FromSql<$st, Pg> for $rust {
            #[inline]
            fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
                let $b = fixed(raw, &Type::$ty, $wanted)?;
                Ok($read)
            }
        }
    )*};
}

pg_fixed! {
    SmallInt: i16 => INT2, "smallint", |b| i16::from_be_bytes(b);
    Integer: i32 => INT4, "integer", |b| i32::from_be_bytes(b);
    BigInt: i64 => INT8, "bigint", |b| i64::from_be_bytes(b);
    Real: f32 => FLOAT4, "real", |b| f32::from_be_bytes(b);
    Double: f64 => FLOAT8, "double precision", |b| f64::from_be_bytes(b);
    Bool: bool => BOOL, "boolean", |b| u8::from_be_bytes(b) != 0;
}

#[cfg(feature = "uuid")]
pg_fixed! {
    Uuid: uuid::Uuid => UUID, "uuid", |b| uuid::Uuid::from_bytes(b);
}

/// Text: the character types are their UTF-8 bytes, read directly; any other type
/// postgres-types reads as text (`citext`, `ltree` and its kin) goes through it.
impl FromSql<Text, Pg> for String {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        if !matches!(
            *raw.ty,
            Type::TEXT | Type::VARCHAR | Type::BPCHAR | Type::NAME | Type::UNKNOWN
        ) {
            return via_postgres(raw, "text");
        }
        match std::str::from_utf8(bytes(raw)?) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(DecodeError::new(format!("invalid text: {e}"))),
        }
    }
}

/// `bytea`: its bytes.
impl FromSql<Bytes, Pg> for Vec<u8> {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        if *raw.ty != Type::BYTEA {
            return Err(wrong_type(raw, "bytea"));
        }
        Ok(bytes(raw)?.to_vec())
    }
}

impl FromSql<IntervalType, Pg> for Interval {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        if *raw.ty != Type::INTERVAL {
            return Err(DecodeError::new(format!("expected interval, found {}", raw.ty.name())));
        }
        let b: &[u8; 16] = bytes(raw)?
            .try_into()
            .map_err(|_| DecodeError::new("an interval is 16 bytes in binary format"))?;
        let [m0, m1, m2, m3, m4, m5, m6, m7, d0, d1, d2, d3, n0, n1, n2, n3] = *b;
        Ok(Interval {
            microseconds: i64::from_be_bytes([m0, m1, m2, m3, m4, m5, m6, m7]),
            days: i32::from_be_bytes([d0, d1, d2, d3]),
            months: i32::from_be_bytes([n0, n1, n2, n3]),
        })
    }
}

#[cfg(feature = "decimal")]
/// `money`: a count of the currency's smallest unit (cents, with the default two digits).
impl FromSql<Money, Pg> for rust_decimal::Decimal {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        if *raw.ty != Type::MONEY {
            return Err(DecodeError::new(format!("expected money, found {}", raw.ty.name())));
        }
        let b: [u8; 8] = bytes(raw)?
            .try_into()
            .map_err(|_| DecodeError::new("money is 8 bytes in binary format"))?;
        Ok(rust_decimal::Decimal::new(i64::from_be_bytes(b), 2))
    }
}

/// JSON text: `json` as is, `jsonb` after its version byte.
#[cfg(feature = "json")]
fn json_text(raw: PgValueRef<'_>) -> Result<&[u8], DecodeError> {
    let b = bytes(raw)?;
    if *raw.ty == Type::JSONB {
        match b.split_first() {
            Some((1, rest)) => Ok(rest),
            _ => Err(DecodeError::new("unsupported jsonb version")),
        }
    } else if *raw.ty == Type::JSON {
        Ok(b)
    } else {
        Err(DecodeError::new(format!(
            "expected json or jsonb, found {}",
            raw.ty.name()
        )))
    }
}

#[cfg(feature = "json")]
fn from_json<T: serde::de::DeserializeOwned>(raw: PgValueRef<'_>) -> Result<T, DecodeError> {
    serde_json::from_slice(json_text(raw)?).map_err(|e| DecodeError::new(format!("invalid JSON for this column: {e}")))
}

#[cfg(feature = "json")]
impl<T: serde::de::DeserializeOwned + 'static> FromSql<Json<T>, Pg> for T {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        from_json(raw)
    }
}

#[cfg(feature = "json")]
impl<T: serde::de::DeserializeOwned + 'static> FromSql<Jsonb<T>, Pg> for T {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        from_json(raw)
    }
}

/// An enum's binary format is its member's text.
impl<E: SqlEnum> FromSql<Enum<E>, Pg> for E {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let text =
            std::str::from_utf8(bytes(raw)?).map_err(|e| DecodeError::new(format!("enum member is not UTF-8: {e}")))?;
        E::from_member(text).ok_or_else(|| {
            DecodeError::new(format!(
                "`{text}` is not a member of enum `{}` {:?}",
                E::TYPE_NAME,
                E::MEMBERS
            ))
        })
    }
}

/// A multi-dimensional array as a `Vec` of its sub-arrays: each sub-array (one dimension
/// fewer) written back in the binary array format and decoded as an element `T`, which is
/// itself a `Vec` for an `Array<Array<..>>`.
fn sub_arrays<ST: SqlType, T: FromSql<ST, Pg>>(
    raw: PgValueRef<'_>,
    array: &postgres_protocol::types::Array<'_>,
    dimensions: &[usize],
) -> Result<Vec<T>, DecodeError> {
    use fallible_iterator::FallibleIterator as _;
    let elements: Vec<Option<&[u8]>> = array
        .values()
        .collect()
        .map_err(|e| DecodeError::new(format!("invalid array element: {e}")))?;
    let inner = &dimensions[1..];
    let size: usize = inner.iter().product();
    if elements.len() != dimensions[0] * size {
        return Err(DecodeError::new("an array's elements do not fill its dimensions"));
    }
    let mut out = Vec::with_capacity(dimensions[0]);
    for chunk in elements.chunks(size.max(1)).take(dimensions[0]) {
        let mut sub = Vec::new();
        sub.extend_from_slice(&(inner.len() as i32).to_be_bytes());
        sub.extend_from_slice(&i32::from(chunk.iter().any(Option::is_none)).to_be_bytes());
        sub.extend_from_slice(&array.element_type().to_be_bytes());
        for len in inner {
            sub.extend_from_slice(&(*len as i32).to_be_bytes());
            sub.extend_from_slice(&1i32.to_be_bytes());
        }
        for element in chunk {
            match element {
                Some(bytes) => {
                    sub.extend_from_slice(&(bytes.len() as i32).to_be_bytes());
                    sub.extend_from_slice(bytes);
                }
                None => sub.extend_from_slice(&(-1i32).to_be_bytes()),
            }
        }
        out.push(T::from_sql(PgValueRef {
            ty: raw.ty,
            bytes: Some(&sub),
        })?);
    }
    Ok(out)
}

impl<ST: SqlType, T: FromSql<ST, Pg>> FromSql<Array<ST>, Pg> for Vec<T> {
    #[inline]
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        use fallible_iterator::FallibleIterator as _;
        use postgres_protocol::types::array_from_sql;
        let array = array_from_sql(bytes(raw)?).map_err(|e| DecodeError::new(format!("invalid array: {e}")))?;
        let dimensions: Vec<usize> = array
            .dimensions()
            .map(|d| Ok(d.len.max(0) as usize))
            .collect()
            .map_err(|e| DecodeError::new(e.to_string()))?;
        if dimensions.len() > 1 {
            return sub_arrays(raw, &array, &dimensions);
        }
        let element_oid = array.element_type();
        // A built-in element type is known by its OID; another (an enum's) is the one the
        // column's array type names, which the driver looked up.
        let named = match raw.ty.kind() {
            postgres_types::Kind::Array(member) if member.oid() == element_oid => Some(member.clone()),
            _ => None,
        };
        let element_type = named
            .or_else(|| Type::from_oid(element_oid))
            .ok_or_else(|| DecodeError::new(format!("an array of a type with OID {element_oid}")))?;
        let mut values = array.values();
        let mut out = Vec::new();
        while let Some(element) = values
            .next()
            .map_err(|e| DecodeError::new(format!("invalid array element: {e}")))?
        {
            let element =
                element.ok_or_else(|| DecodeError::new("NULL array element in an array of non-null values"))?;
            out.push(T::from_sql(PgValueRef {
                ty: &element_type,
                bytes: Some(element),
            })?);
        }
        Ok(out)
    }
}
