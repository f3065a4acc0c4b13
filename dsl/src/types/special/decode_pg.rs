//! Reading PostgreSQL's binary forms of the network, bit-string and geometric types, and
//! of pgvector's vectors.
#![cfg(feature = "pg")]

use super::{
    BitString, BitStringType, CidrType, GeoPoint, GeoPointType, HalfVecType, Inet, InetType, Line, LineType, MacAddr,
    MacAddr8, MacAddr8Type, MacAddrType, Point, PointType, SparseVecType, SparseVector, VectorType,
};
use crate::dialect::{Pg, PgValueRef};
use crate::error::DecodeError;
use crate::types::FromSql;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// The value's bytes, after checking the column's type is one of `names`.
fn bytes<'a>(raw: PgValueRef<'a>, names: &[&str]) -> Result<&'a [u8], DecodeError> {
    if !names.contains(&raw.ty.name()) {
        return Err(DecodeError::new(format!(
            "expected {}, found {}",
            names.join(" or "),
            raw.ty.name()
        )));
    }
    raw.bytes.ok_or_else(|| DecodeError::new("unexpected NULL"))
}

/// `inet` and `cidr`: family, prefix bits, whether a cidr, address length, address.
fn inet(raw: PgValueRef<'_>) -> Result<Inet, DecodeError> {
    let b = bytes(raw, &["inet", "cidr"])?;
    let bad = || DecodeError::new("an inet or cidr value of an unknown form");
    let [family, prefix, _is_cidr, length, addr @ ..] = b else {
        return Err(bad());
    };
    let (family, prefix, length) = (*family, *prefix, *length);
    let addr = match (family, length, addr) {
        (2, 4, &[a, b, c, d]) => IpAddr::V4(Ipv4Addr::new(a, b, c, d)),
        (3, 16, addr) => IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(addr).map_err(|_| bad())?)),
        _ => return Err(bad()),
    };
    Ok(Inet { addr, prefix })
}

impl FromSql<InetType, Pg> for Inet {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        inet(raw)
    }
}

impl FromSql<CidrType, Pg> for Inet {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        inet(raw)
    }
}

impl FromSql<MacAddrType, Pg> for MacAddr {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["macaddr"])?;
        b.try_into()
            .map(MacAddr)
            .map_err(|_| DecodeError::new("a macaddr is 6 bytes"))
    }
}

impl FromSql<MacAddr8Type, Pg> for MacAddr8 {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["macaddr8"])?;
        b.try_into()
            .map(MacAddr8)
            .map_err(|_| DecodeError::new("a macaddr8 is 8 bytes"))
    }
}

impl FromSql<BitStringType, Pg> for BitString {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["bit", "varbit"])?;
        let (length, data) = b
            .split_first_chunk::<4>()
            .ok_or_else(|| DecodeError::new("a bit string ends too soon"))?;
        let length = u32::from_be_bytes(*length) as usize;
        if data.len() * 8 < length {
            return Err(DecodeError::new("a bit string ends too soon"));
        }
        // The bits, the first in each byte's highest bit.
        Ok(BitString(
            (0..length).map(|i| data[i / 8] & (0x80 >> (i % 8)) != 0).collect(),
        ))
    }
}

impl FromSql<PointType, Pg> for Point {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b: &[u8; 16] = bytes(raw, &["point"])?
            .try_into()
            .map_err(|_| DecodeError::new("a point is 16 bytes"))?;
        let (x, y) = b.split_at(8);
        let float = |half: &[u8]| f64::from_be_bytes(half.try_into().expect("8 bytes"));
        Ok(Point {
            x: float(x),
            y: float(y),
        })
    }
}

/// Big-endian 32-bit words, from `bytes` cut into fours.
fn words(bytes: &[u8]) -> impl Iterator<Item = [u8; 4]> + '_ {
    bytes.chunks_exact(4).map(|w| [w[0], w[1], w[2], w[3]])
}

/// `vector`: its dimensions (2 bytes), 2 unused, then each element as a `float4`.
impl FromSql<VectorType, Pg> for Vec<f32> {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["vector"])?;
        let dim = b.get(..2).map(|d| u16::from_be_bytes([d[0], d[1]]) as usize);
        match dim {
            Some(dim) if b.len() == 4 + dim * 4 => Ok(words(&b[4..]).map(f32::from_be_bytes).collect()),
            _ => Err(DecodeError::new("a vector of an unknown form")),
        }
    }
}

/// `halfvec`: its dimensions, 2 unused bytes, then each element as IEEE 754 binary16.
impl FromSql<HalfVecType, Pg> for Vec<f32> {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["halfvec"])?;
        let dim = b.get(..2).map(|d| u16::from_be_bytes([d[0], d[1]]) as usize);
        match dim {
            Some(dim) if b.len() == 4 + dim * 2 => Ok(b[4..]
                .chunks_exact(2)
                .map(|h| half_to_f32(u16::from_be_bytes([h[0], h[1]])))
                .collect()),
            _ => Err(DecodeError::new("a halfvec of an unknown form")),
        }
    }
}

/// A binary16 float as an `f32`: sign, 5 exponent bits, 10 of fraction.
fn half_to_f32(half: u16) -> f32 {
    let sign = if half & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exponent = i32::from((half >> 10) & 0x1f);
    let fraction = f32::from(half & 0x3ff);
    sign * match exponent {
        0 => fraction * 2f32.powi(-24),
        31 if fraction == 0.0 => f32::INFINITY,
        31 => f32::NAN,
        _ => (1.0 + fraction / 1024.0) * 2f32.powi(exponent - 15),
    }
}

/// `sparsevec`: dimensions, count of elements, 4 unused bytes, their indices (from 0),
/// their values.
impl FromSql<SparseVecType, Pg> for SparseVector {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b = bytes(raw, &["sparsevec"])?;
        let bad = || DecodeError::new("a sparsevec of an unknown form");
        let mut head = words(b.get(..12).ok_or_else(bad)?).map(u32::from_be_bytes);
        let (dim, count) = (head.next().ok_or_else(bad)?, head.next().ok_or_else(bad)? as usize);
        let body = &b[12..];
        if body.len() != count * 8 {
            return Err(bad());
        }
        let (indices, values) = body.split_at(count * 4);
        Ok(SparseVector {
            dim,
            indices: words(indices).map(u32::from_be_bytes).collect(),
            values: words(values).map(f32::from_be_bytes).collect(),
        })
    }
}

impl FromSql<LineType, Pg> for Line {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        let b: &[u8; 24] = bytes(raw, &["line"])?
            .try_into()
            .map_err(|_| DecodeError::new("a line is 24 bytes"))?;
        let float = |i: usize| f64::from_be_bytes(b[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        Ok(Line {
            a: float(0),
            b: float(1),
            c: float(2),
        })
    }
}

/// PostGIS's `geometry`: extended well-known binary, its SRID after the type.
impl FromSql<GeoPointType, Pg> for GeoPoint {
    fn from_sql(raw: PgValueRef<'_>) -> Result<Self, DecodeError> {
        GeoPoint::from_wkb(bytes(raw, &["geometry"])?, 0).map_err(DecodeError::new)
    }
}
