//! Members of a serde type, declared once with [`json_fields!`](crate::json_fields), so that
//! reading a member of a typed JSON column is checked by the compiler: the member must be
//! one of the type's, and its value decodes as the member's type.

use crate::types::JsonValue;

/// A member of the serde type `Of`, holding a `Value`, stored under `KEY`.
pub trait JsonField: Copy {
    /// The serde type the member belongs to.
    type Of;
    /// What the member holds.
    type Value: JsonValue;
    /// The member's key in the document (its serde name).
    const KEY: &'static str;
}

/// Scalars and lists a member may hold, besides the serde types marked
/// [`JsonValue`](crate::types::JsonValue): read with `.field(..)`, they decode from JSON.
macro_rules! json_scalars {
    ($($t:ty),*) => {$( impl JsonValue for $t {} )*};
}
json_scalars!(String, bool, i32, i64, u32, u64, f64);
impl<T: JsonValue> JsonValue for Vec<T> {}

/// Declares the members of a serde type stored in JSON columns: a module of one marker
/// per member, for `.field(..)`.
///
/// ```
/// # use serde::{Deserialize, Serialize};
/// #[derive(Serialize, Deserialize)]
/// pub struct Profile {
///     pub address: Address,
///     #[serde(rename = "yearsActive")]
///     pub years_active: i64,
/// }
/// impl mizzle_dsl::types::JsonValue for Profile {}
///
/// #[derive(Serialize, Deserialize)]
/// pub struct Address {
///     pub city: String,
/// }
/// impl mizzle_dsl::types::JsonValue for Address {}
///
/// mizzle_dsl::json_fields! {
///     pub mod profile for Profile {
///         address: Address,
///         years_active("yearsActive"): i64,
///     }
/// }
/// mizzle_dsl::json_fields! {
///     pub mod address for Address {
///         city: String,
///     }
/// }
/// # fn main() {}
/// ```
///
/// A member that may be missing or null is declared by its inner type: what `.field(..)`
/// reads is an `Option` whatever the member.
#[macro_export]
macro_rules! json_fields {
    (
        $(#[$meta:meta])*
        $vis:vis mod $module:ident for $of:ty {
            $( $(#[$fmeta:meta])* $field:ident $(($key:literal))? : $value:ty ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[allow(non_camel_case_types)]
        $vis mod $module {
            #[allow(unused_imports)]
            use super::*;
            $(
                $(#[$fmeta])*
                #[doc = concat!("The member `", stringify!($field), "`.")]
                #[derive(Debug, Clone, Copy, Default)]
                pub struct $field;
                impl $crate::expr::JsonField for $field {
                    type Of = $of;
                    type Value = $value;
                    const KEY: &'static str = $crate::__mizzle_json_key!($field $(, $key)?);
                }
            )*
        }
    };
}

/// The key a member is stored under: its given name, else its own.
#[doc(hidden)]
#[macro_export]
macro_rules! __mizzle_json_key {
    ($field:ident) => {
        stringify!($field)
    };
    ($field:ident, $key:literal) => {
        $key
    };
}
