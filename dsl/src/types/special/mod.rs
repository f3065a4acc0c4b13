//! Values of PostgreSQL's network, bit-string and geometric types, with the text forms
//! PostgreSQL reads and prints: [`Inet`] (`inet`, `cidr`), [`MacAddr`], [`MacAddr8`],
//! [`BitString`] (`bit(n)`, `varbit`) and [`Point`].

mod bits;
mod decode_pg;
mod geo;
mod net;
mod point;
mod vector;

pub use bits::BitString;
pub use geo::GeoPoint;
pub use net::{Inet, MacAddr, MacAddr8};
pub use point::{Line, Point};
pub use vector::SparseVector;

#[cfg(feature = "json")]
use super::{FromJson, ToJson};
use super::{ToSql, Value};
use crate::error::EncodeError;
use std::borrow::Cow;

/// Declares a SQL type whose values are the Rust type `$rust`, sent as its text (which
/// PostgreSQL parses) and written to JSON as that text.
macro_rules! text_valued {
    ($( $(#[$doc:meta])* $name:ident => $rust:ty; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl super::SqlType for $name {
            type Rust = $rust;
            const NAME: &'static str = stringify!($name);
        }
        impl ToSql<$name> for $rust {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::Text(Cow::Owned(self.to_string())))
            }
        }
        impl crate::expr::AsExpression<$name> for $rust {
            type Expr = crate::expr::Bound<$name, $rust>;
            fn into_expression(self) -> Self::Expr {
                crate::expr::Bound::new(self)
            }
        }
        #[cfg(feature = "json")]
        impl FromJson<$name> for $rust {
            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                value
                    .as_str()
                    .ok_or_else(|| format!("expected a string, found {value}"))?
                    .parse()
            }
        }
        #[cfg(feature = "json")]
        impl ToJson<$name> for $rust {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::String(self.to_string())
            }
        }
        crate::expr::not_summable! {
            [] $name;
        }
    )*};
}

text_valued! {
    /// `inet` (PostgreSQL): a host's address, with its network's prefix length.
    InetType => Inet;
    /// `cidr` (PostgreSQL): a network, its bits past the prefix zero.
    CidrType => Inet;
    /// `macaddr` (PostgreSQL).
    MacAddrType => MacAddr;
    /// `macaddr8` (PostgreSQL).
    MacAddr8Type => MacAddr8;
    /// `bit(n)` and `bit varying(n)` (PostgreSQL).
    BitStringType => BitString;
    /// `point` (PostgreSQL).
    PointType => Point;
    /// `line` (PostgreSQL).
    LineType => Line;
    /// pgvector's `sparsevec`.
    SparseVecType => SparseVector;
}

/// Declares pgvector's dense vector types: `Vec<f32>` values, sent as pgvector's text and
/// written to JSON as arrays of numbers.
macro_rules! dense_vectors {
    ($( $(#[$doc:meta])* $name:ident; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name;
        impl super::SqlType for $name {
            type Rust = Vec<f32>;
            const NAME: &'static str = stringify!($name);
        }
        impl ToSql<$name> for Vec<f32> {
            fn to_value(&self) -> Result<Value<'_>, EncodeError> {
                Ok(Value::Text(Cow::Owned(vector::dense_text(self))))
            }
        }
        impl crate::expr::AsExpression<$name> for Vec<f32> {
            type Expr = crate::expr::Bound<$name, Vec<f32>>;
            fn into_expression(self) -> Self::Expr {
                crate::expr::Bound::new(self)
            }
        }
        #[cfg(feature = "json")]
        impl FromJson<$name> for Vec<f32> {
            fn from_json(value: &serde_json::Value) -> Result<Self, String> {
                let items = value.as_array().ok_or_else(|| format!("expected an array of numbers, found {value}"))?;
                items
                    .iter()
                    .map(|item| {
                        item.as_f64()
                            .map(|n| n as f32)
                            .filter(|n| n.is_finite())
                            .ok_or_else(|| format!("expected a number, found {item}"))
                    })
                    .collect()
            }
        }
        #[cfg(feature = "json")]
        impl ToJson<$name> for Vec<f32> {
            fn to_json(&self) -> serde_json::Value {
                serde_json::Value::Array(
                    self.iter()
                        .map(|n| serde_json::Number::from_f64(f64::from(*n)).map_or(serde_json::Value::Null, serde_json::Value::Number))
                        .collect(),
                )
            }
        }
        crate::expr::not_summable! {
            [] $name;
        }
    )*};
}

dense_vectors! {
    /// pgvector's `vector`: single-precision elements.
    VectorType;
    /// pgvector's `halfvec`: half-precision elements, read back as `f32`.
    HalfVecType;
}

/// An example value as text, bound as text.
fn text(example: String) -> Value<'static> {
    Value::Text(Cow::Owned(example))
}

/// `inet`: an address with an optional prefix.
pub static INET_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "inet",
    check: |text| text.parse::<Inet>().map(drop),
    example: |n| text(format!("10.{}.{}.{}/24", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)),
};

/// `cidr`: a network, no bits past its prefix.
pub static CIDR_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "cidr",
    check: |text| {
        let inet: Inet = text.parse()?;
        if inet.is_network() {
            Ok(())
        } else {
            Err(format!("`{text}` has bits set past its prefix: a network's are zero"))
        }
    },
    example: |n| text(format!("10.{}.{}.0/24", (n >> 8) & 0xff, n & 0xff)),
};

/// `macaddr`.
pub static MACADDR_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "macaddr",
    check: |text| text.parse::<MacAddr>().map(drop),
    example: |n| {
        let b = n.to_be_bytes();
        text(MacAddr([0x02, 0, b[4], b[5], b[6], b[7]]).to_string())
    },
};

/// `macaddr8`.
pub static MACADDR8_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "macaddr8",
    check: |text| text.parse::<MacAddr8>().map(drop),
    example: |n| {
        let b = n.to_be_bytes();
        text(MacAddr8([0x02, 0, 0, 0, b[4], b[5], b[6], b[7]]).to_string())
    },
};

/// `point`.
pub static POINT_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "point",
    check: |text| text.parse::<Point>().map(drop),
    example: |n| text(format!("({},{})", n % 1000, (n / 1000) % 1000)),
};

/// `line`.
pub static LINE_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "line",
    check: |text| text.parse::<Line>().map(drop),
    example: |n| text(format!("{{1,{},{}}}", n % 100, n / 100 % 100)),
};

/// A point of a spatial reference system: PostGIS's `geometry(Point, srid)`, MySQL's
/// `point`. Sent as well-known binary with its SRID; JSON is its extended text.
#[derive(Debug, Clone, Copy, Default)]
pub struct GeoPointType;
impl super::SqlType for GeoPointType {
    type Rust = GeoPoint;
    const NAME: &'static str = "GeoPoint";
}
impl ToSql<GeoPointType> for GeoPoint {
    fn to_value(&self) -> Result<Value<'_>, EncodeError> {
        Ok(Value::Bytes(Cow::Owned(self.to_mysql_bytes())))
    }
}
impl crate::expr::AsExpression<GeoPointType> for GeoPoint {
    type Expr = crate::expr::Bound<GeoPointType, GeoPoint>;
    fn into_expression(self) -> Self::Expr {
        crate::expr::Bound::new(self)
    }
}
#[cfg(feature = "json")]
impl FromJson<GeoPointType> for GeoPoint {
    fn from_json(value: &serde_json::Value) -> Result<Self, String> {
        value
            .as_str()
            .ok_or_else(|| format!("expected a string, found {value}"))?
            .parse()
    }
}
#[cfg(feature = "json")]
impl ToJson<GeoPointType> for GeoPoint {
    fn to_json(&self) -> serde_json::Value {
        serde_json::Value::String(self.to_string())
    }
}
crate::expr::not_summable! {
    [] GeoPointType;
}

/// A point's extended well-known text.
pub static GEOPOINT_FORMAT: crate::schema::TextFormat = crate::schema::TextFormat {
    name: "ewkt-point",
    check: |text| text.parse::<GeoPoint>().map(drop),
    // Bound as a geometry is: well-known binary, which both servers take.
    example: |n| {
        let point = GeoPoint {
            x: (n % 360) as f64 - 180.0,
            y: (n / 360 % 180) as f64 - 90.0,
            srid: 4326,
        };
        Value::Bytes(Cow::Owned(point.to_mysql_bytes()))
    },
};

/// MySQL's `point`: the SRID, then well-known binary.
impl super::FromSql<GeoPointType, crate::dialect::MySql> for GeoPoint {
    fn from_sql(raw: crate::dialect::MySqlValueRef<'_>) -> Result<Self, crate::error::DecodeError> {
        match raw {
            crate::dialect::MySqlValueRef::Bytes(bytes) if bytes.len() > 4 => {
                let srid = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
                GeoPoint::from_wkb(&bytes[4..], srid).map_err(crate::error::DecodeError::new)
            }
            _ => Err(crate::error::DecodeError::new("expected a point")),
        }
    }
}
