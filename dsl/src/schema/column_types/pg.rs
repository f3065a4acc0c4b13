//! PostgreSQL column types.

use super::{fixed_column_types, write_sized, ColumnType, EnumType, TypeInfo};
use crate::dialect::write_quoted;
pub use crate::dialect::Pg;
use crate::schema::NoDefault;
use crate::types::{self as st, SqlEnum};
use std::marker::PhantomData;

fixed_column_types! { Pg;
    /// `smallint` → `i16`.
    SmallInt => st::SmallInt, NoDefault, "smallint";
    /// `integer` → `i32`.
    Integer => st::Integer, NoDefault, "integer";
    /// `bigint` → `i64`.
    BigInt => st::BigInt, NoDefault, "bigint";
    /// `serial`: an `integer` filled from a sequence.
    Serial => st::Integer, HasDefault, "serial";
    /// `smallserial`: a `smallint` filled from a sequence.
    SmallSerial => st::SmallInt, HasDefault, "smallserial";
    /// `bigserial`: a `bigint` filled from a sequence.
    BigSerial => st::BigInt, HasDefault, "bigserial";
    /// `real` → `f32`.
    Real => st::Real, NoDefault, "real";
    /// `double precision` → `f64`.
    DoublePrecision => st::Double, NoDefault, "double precision";
    /// `boolean` → `bool`.
    Boolean => st::Bool, NoDefault, "boolean";
    /// `text` → `String`.
    Text => st::Text, NoDefault, "text";
    /// `interval` → [`Interval`](crate::types::Interval).
    Interval => st::IntervalType, NoDefault, "interval";
    /// `bytea` → `Vec<u8>`.
    Bytea => st::Bytes, NoDefault, "bytea";
    /// `tsvector` → `String`, the text PostgreSQL prints (`'rat':2A 'sat':3`); usually a
    /// column generated from the document with `to_tsvector`.
    TsVector => st::TsVector, NoDefault, "tsvector";
    /// `tsquery` → `String`, the text PostgreSQL prints (`'fat' & 'rat'`).
    TsQuery => st::TsQuery, NoDefault, "tsquery";
    /// `inet` → [`Inet`](crate::types::Inet): a host's address and its network's prefix.
    Inet => st::InetType, NoDefault, "inet", TypeInfo::Formatted(&st::INET_FORMAT);
    /// `cidr` → [`Inet`](crate::types::Inet): a network.
    Cidr => st::CidrType, NoDefault, "cidr", TypeInfo::Formatted(&st::CIDR_FORMAT);
    /// `macaddr` → [`MacAddr`](crate::types::MacAddr).
    MacAddr => st::MacAddrType, NoDefault, "macaddr", TypeInfo::Formatted(&st::MACADDR_FORMAT);
    /// `macaddr8` → [`MacAddr8`](crate::types::MacAddr8).
    MacAddr8 => st::MacAddr8Type, NoDefault, "macaddr8", TypeInfo::Formatted(&st::MACADDR8_FORMAT);
    /// `point` → [`Point`](crate::types::Point).
    Point => st::PointType, NoDefault, "point", TypeInfo::Formatted(&st::POINT_FORMAT);
    /// `line` → [`Line`](crate::types::Line).
    Line => st::LineType, NoDefault, "line", TypeInfo::Formatted(&st::LINE_FORMAT);
    /// `bit varying` without a limit → [`BitString`](crate::types::BitString).
    VarBitAny => st::BitStringType, NoDefault, "bit varying", TypeInfo::Bits { len: None, varying: true };
    /// `citext` → `String`: text compared without regard to case. The `citext`
    /// extension must be there: `CREATE EXTENSION IF NOT EXISTS citext`.
    Citext => st::Text, NoDefault, "citext";
}

#[cfg(feature = "uuid")]
fixed_column_types! { Pg;
    /// `uuid` → `uuid::Uuid`.
    Uuid => st::Uuid, NoDefault, "uuid";
}

// Exact decimals are rust_decimal's `Decimal`: the `decimal` feature.
#[cfg(feature = "decimal")]
fixed_column_types! { Pg;
    /// `numeric` without precision → `rust_decimal::Decimal`.
    NumericAny => st::Numeric, NoDefault, "numeric";
    /// `money` → `rust_decimal::Decimal`, two digits after the point (the server's
    /// default locale; money's digits follow `lc_monetary`).
    Money => st::Money, NoDefault, "money", TypeInfo::Decimal { precision: None, scale: Some(2) };
}

// Dates and times are chrono's types: the `chrono` feature.
#[cfg(feature = "chrono")]
fixed_column_types! { Pg;
    /// `date` → `chrono::NaiveDate`.
    Date => st::Date, NoDefault, "date";
    /// `time` → `chrono::NaiveTime`.
    Time => st::Time, NoDefault, "time";
    /// `timestamp` → `chrono::NaiveDateTime`.
    Timestamp => st::Timestamp, NoDefault, "timestamp";
    /// `timestamp with time zone` → `chrono::DateTime<Utc>`.
    Timestamptz => st::TimestampTz, NoDefault, "timestamp with time zone";
}

/// Declares column types sized by one number: `name(N)`.
macro_rules! sized_column_types {
    ($( $(#[$doc:meta])* $name:ident => $st:ty, $ddl:literal, $suffix:literal, $info:expr; )*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default)]
        pub struct $name<const N: u32>;
        impl<const N: u32> ColumnType<Pg> for $name<N> {
            type SqlType = $st;
            type Value = <$st as st::SqlType>::Rust;
            type Default = NoDefault;
            type KeyDefault = NoDefault;
            fn write_ddl(sql: &mut String) {
                write_sized(sql, $ddl, &[N]);
                sql.push_str($suffix);
            }
            fn type_info() -> TypeInfo {
                let info: fn(u32) -> TypeInfo = $info;
                info(N)
            }
        }
    )*};
}

sized_column_types! {
    /// `bit(N)` → [`BitString`](crate::types::BitString) of exactly `N` bits.
    Bit => st::BitStringType, "bit", "", |n| TypeInfo::Bits { len: Some(n), varying: false };
    /// `bit varying(N)` → [`BitString`](crate::types::BitString) of at most `N` bits.
    VarBit => st::BitStringType, "bit varying", "", |n| TypeInfo::Bits { len: Some(n), varying: true };
    /// pgvector's `vector(N)` → `Vec<f32>` of `N` elements (the `vector` extension).
    Vector => st::VectorType, "vector", "", |n| TypeInfo::Vector { dim: Some(n) };
    /// pgvector's `halfvec(N)` → `Vec<f32>`, stored at half precision.
    HalfVec => st::HalfVecType, "halfvec", "", |n| TypeInfo::Vector { dim: Some(n) };
    /// pgvector's `sparsevec(N)` → [`SparseVector`](crate::types::SparseVector).
    SparseVec => st::SparseVecType, "sparsevec", "", |n| TypeInfo::SparseVector { dim: Some(n) };
}

#[cfg(feature = "chrono")]
sized_column_types! {
    /// `time(P)`: a time of day with `P` digits of fractional seconds (0-6).
    TimeP => st::Time, "time", "", |_| TypeInfo::Time;
    /// `timestamp(P)`: `P` digits of fractional seconds (0-6).
    TimestampP => st::Timestamp, "timestamp", "", |_| TypeInfo::Timestamp;
    /// `timestamp(P) with time zone`: `P` digits of fractional seconds (0-6).
    TimestamptzP => st::TimestampTz, "timestamp", " with time zone", |_| TypeInfo::TimestampTz;
}

#[cfg(feature = "decimal")]
/// `numeric(P, S)` → `rust_decimal::Decimal`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Numeric<const P: u32, const S: u32>;
#[cfg(feature = "decimal")]
impl<const P: u32, const S: u32> ColumnType<Pg> for Numeric<P, S> {
    type SqlType = st::Numeric;
    type Value = rust_decimal::Decimal;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_sized(sql, "numeric", &[P, S]);
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Decimal {
            precision: Some(P),
            scale: Some(S),
        }
    }
}

/// `varchar(N)` → `String`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Varchar<const N: u32>;
impl<const N: u32> ColumnType<Pg> for Varchar<N> {
    type SqlType = st::Text;
    type Value = String;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_sized(sql, "varchar", &[N]);
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Text {
            max_chars: Some(N),
            max_bytes: None,
        }
    }
}

/// `char(N)` → `String`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Char<const N: u32>;
impl<const N: u32> ColumnType<Pg> for Char<N> {
    type SqlType = st::Text;
    type Value = String;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_sized(sql, "char", &[N]);
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Text {
            max_chars: Some(N),
            max_bytes: None,
        }
    }
}

/// `json` holding `T` (`serde_json::Value` by default).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> ColumnType<Pg> for Json<T> {
    type SqlType = st::Json<T>;
    type Value = T;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("json");
    }
}

/// `jsonb` holding `T` (`serde_json::Value` by default).
#[cfg(feature = "json")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Jsonb<T = serde_json::Value>(PhantomData<T>);
#[cfg(feature = "json")]
impl<T: 'static> ColumnType<Pg> for Jsonb<T> {
    type SqlType = st::Jsonb<T>;
    type Value = T;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        sql.push_str("jsonb");
    }
}

/// A column of the enum type `E::TYPE_NAME` (created with `CREATE TYPE … AS ENUM`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Enum<E>(PhantomData<E>);
impl<E: SqlEnum> ColumnType<Pg> for Enum<E> {
    type SqlType = st::Enum<E>;
    type Value = E;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        write_quoted(sql, E::TYPE_NAME, '"');
    }

    fn enum_type() -> Option<EnumType> {
        Some(EnumType {
            name: E::TYPE_NAME,
            members: E::MEMBERS,
        })
    }

    fn type_info() -> TypeInfo {
        TypeInfo::Enum { members: E::MEMBERS }
    }
}

/// An array of column type `C`: `integer[]`, `text[]`…
#[derive(Debug, Clone, Copy, Default)]
pub struct Array<C>(PhantomData<C>);
impl<C: ColumnType<Pg>> ColumnType<Pg> for Array<C> {
    type SqlType = st::Array<C::SqlType>;
    type Value = Vec<C::Value>;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        C::write_ddl(sql);
        sql.push_str("[]");
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Array(Box::new(C::type_info()))
    }
}

/// PostGIS's `geometry(Point, SRID)` → [`GeoPoint`](crate::types::GeoPoint): a point of the
/// spatial reference system `SRID` (4326 for longitude and latitude). The `postgis`
/// extension must be there.
#[derive(Debug, Clone, Copy, Default)]
pub struct GeometryPoint<const SRID: u32>;
impl<const SRID: u32> ColumnType<Pg> for GeometryPoint<SRID> {
    type SqlType = st::GeoPointType;
    type Value = st::GeoPoint;
    type Default = NoDefault;
    type KeyDefault = NoDefault;
    fn write_ddl(sql: &mut String) {
        use std::fmt::Write;
        let _ = write!(sql, "geometry(Point,{SRID})");
    }
    fn type_info() -> TypeInfo {
        TypeInfo::Formatted(&st::GEOPOINT_FORMAT)
    }
}
