//! Reading PostgreSQL's binary forms of the network, bit-string and geometric types.
#![cfg(feature = "pg")]

use super::{
    BitString, BitStringType, CidrType, Inet, InetType, MacAddr, MacAddr8, MacAddr8Type, MacAddrType, Point, PointType,
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
