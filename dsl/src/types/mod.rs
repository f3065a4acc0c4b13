//! SQL types: type markers, nullability, bound values, and the Rust ⇄ SQL conversions.

mod enums;
#[cfg(feature = "json")]
mod from_json;
mod from_sql;
mod from_sql_mysql;
#[cfg(feature = "pg")]
mod from_sql_pg;
mod interval;
mod nullability;
mod param;
mod special;
mod sql;
#[cfg(feature = "json")]
mod sqlite_jsonb;
mod text_form;
#[cfg(feature = "pg")]
mod text_search_pg;
mod to_sql;
mod value;

#[cfg(feature = "json")]
pub use enums::JsonValue;
pub use enums::SqlEnum;
#[cfg(feature = "json")]
pub use from_json::{decode_base64, encode_base64, non_finite, FromJson, JsonObject, ToJson};
pub use from_sql::FromSql;
pub use interval::Interval;
pub use nullability::{NotNull, Null, Nullability};
pub use param::ParamKind;
pub use special::{
    BitString, BitStringType, CidrType, GeoPoint, GeoPointType, HalfVecType, Inet, InetType, Line, LineType, MacAddr,
    MacAddr8, MacAddr8Type, MacAddrType, Point, PointType, SparseVecType, SparseVector, VectorType, CIDR_FORMAT,
    GEOPOINT_FORMAT, INET_FORMAT, LINE_FORMAT, MACADDR8_FORMAT, MACADDR_FORMAT, POINT_FORMAT,
};
pub use sql::*;
#[cfg(feature = "json")]
pub use sqlite_jsonb::BlobJson;
pub use text_form::{TsQuery, TsVector};
pub use to_sql::ToSql;
pub use value::{without_feature, Value};
