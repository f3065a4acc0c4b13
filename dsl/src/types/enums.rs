//! Rust types stored in typed columns: [`SqlEnum`] for enums, [`JsonValue`] for JSON.

/// A Rust enum whose variants are the members of a SQL enum.
///
/// Implement it by hand (a `match` each way) for the enum a column holds; the column type
/// `pg::Enum<E>`, `mysql::Enum<E>` or `sqlite::TextEnum<E>` then reads and writes it.
pub trait SqlEnum: Sized + Copy + Send + Sync + 'static {
    /// The type's name in the database (PostgreSQL's `CREATE TYPE` name).
    const TYPE_NAME: &'static str;
    /// Every member, in declaration order.
    const MEMBERS: &'static [&'static str];
    /// The member this value stands for.
    fn as_member(&self) -> &'static str;
    /// The value a member stands for; `None` for text that is not a member.
    fn from_member(member: &str) -> Option<Self>;
}

/// A Rust type stored in a JSON column: mark it with an empty impl.
///
/// The marker (instead of every `Serialize` type) keeps `Option<T>` free to mean SQL NULL
/// when a nullable JSON column is set. mizzle implements it for `serde_json::Value`.
#[cfg(feature = "json")]
pub trait JsonValue: serde::Serialize + serde::de::DeserializeOwned + 'static {}
#[cfg(feature = "json")]
impl JsonValue for serde_json::Value {}
