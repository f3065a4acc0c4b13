//! [`GeoPoint`]: a point of a spatial reference system, PostGIS's `geometry(Point, srid)`
//! and MySQL's `point`. On the wire it is well-known binary: MySQL's SRID-prefixed form,
//! which the PostgreSQL backend turns into PostGIS's extended form.

use std::fmt;
use std::str::FromStr;

/// A point with its spatial reference system (`srid`, 4326 for longitude and latitude on
/// WGS 84; 0 for none). Written as extended well-known text: `SRID=4326;POINT(10.75 59.91)`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct GeoPoint {
    /// The x coordinate (the longitude, in 4326).
    pub x: f64,
    /// The y coordinate (the latitude, in 4326).
    pub y: f64,
    /// The spatial reference system; 0 for none.
    pub srid: u32,
}

impl GeoPoint {
    /// MySQL's form: the SRID (4 bytes, little-endian), then the point's well-known binary.
    pub(crate) fn to_mysql_bytes(self) -> Vec<u8> {
        let mut out = Vec::with_capacity(25);
        out.extend_from_slice(&self.srid.to_le_bytes());
        out.push(1);
        out.extend_from_slice(&1u32.to_le_bytes());
        out.extend_from_slice(&self.x.to_le_bytes());
        out.extend_from_slice(&self.y.to_le_bytes());
        out
    }

    /// A point from well-known binary (`srid` given), or from PostGIS's extended form,
    /// which carries the SRID after the type when its flag is set.
    pub(crate) fn from_wkb(wkb: &[u8], srid: u32) -> Result<Self, String> {
        let bad = || "not a point in well-known binary".to_owned();
        let (&order, rest) = wkb.split_first().ok_or_else(bad)?;
        let little = order == 1;
        let u32_at = |b: &[u8]| -> Result<u32, String> {
            let b: [u8; 4] = b.get(..4).and_then(|b| b.try_into().ok()).ok_or_else(bad)?;
            Ok(if little {
                u32::from_le_bytes(b)
            } else {
                u32::from_be_bytes(b)
            })
        };
        let f64_at = |b: &[u8]| -> Result<f64, String> {
            let b: [u8; 8] = b.get(..8).and_then(|b| b.try_into().ok()).ok_or_else(bad)?;
            Ok(if little {
                f64::from_le_bytes(b)
            } else {
                f64::from_be_bytes(b)
            })
        };
        let kind = u32_at(rest)?;
        let (srid, coordinates) = if kind & 0x2000_0000 != 0 {
            (u32_at(&rest[4..])?, &rest[8..])
        } else {
            (srid, &rest[4..])
        };
        if kind & 0xff != 1 {
            return Err(format!("a geometry of type {} where a point was expected", kind & 0xff));
        }
        Ok(GeoPoint {
            x: f64_at(coordinates)?,
            y: f64_at(coordinates.get(8..).ok_or_else(bad)?)?,
            srid,
        })
    }
}

impl fmt::Display for GeoPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.srid != 0 {
            write!(f, "SRID={};", self.srid)?;
        }
        write!(f, "POINT({} {})", self.x, self.y)
    }
}

impl FromStr for GeoPoint {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a point (written POINT(x y), or SRID=4326;POINT(x y))");
        let (srid, point) = match text.trim().split_once(';') {
            Some((srid, point)) => (
                srid.strip_prefix("SRID=")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(bad)?,
                point,
            ),
            None => (0, text.trim()),
        };
        let inner = point
            .trim()
            .strip_prefix("POINT")
            .map(str::trim_start)
            .and_then(|p| p.strip_prefix('('))
            .and_then(|p| p.strip_suffix(')'))
            .ok_or_else(bad)?;
        let mut numbers = inner
            .split_whitespace()
            .map(|n| n.parse::<f64>().ok().filter(|n| n.is_finite()));
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Some(x)), Some(Some(y)), None) => Ok(GeoPoint { x, y, srid }),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_reads_and_writes_extended_well_known_text() {
        let p: GeoPoint = "SRID=4326;POINT(10.75 59.91)".parse().unwrap();
        assert_eq!(
            p,
            GeoPoint {
                x: 10.75,
                y: 59.91,
                srid: 4326
            }
        );
        assert_eq!(p.to_string(), "SRID=4326;POINT(10.75 59.91)");
        assert_eq!("POINT(1 2)".parse::<GeoPoint>().unwrap().srid, 0);
        assert!("POINT(1)".parse::<GeoPoint>().is_err());
    }

    #[test]
    fn mysqls_form_is_the_srid_then_well_known_binary() {
        let p = GeoPoint {
            x: 1.0,
            y: 2.0,
            srid: 4326,
        };
        let bytes = p.to_mysql_bytes();
        assert_eq!(GeoPoint::from_wkb(&bytes[4..], 4326).unwrap(), p);
    }
}
