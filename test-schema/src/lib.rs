//! The value types the test suites (render, validate, integration) store in their tables:
//! enums and JSON documents, written once for all of them.

use serde::{Deserialize, Serialize};

/// Declares a unit-variant enum stored as a SQL enum, its members the variants' names in
/// lower case.
macro_rules! sql_enum {
    ($(#[$doc:meta])* $name:ident as $type_name:literal { $($variant:ident => $member:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $(
                #[doc = concat!("`", $member, "`.")]
                $variant,
            )+
        }

        impl mizzle_dsl::types::SqlEnum for $name {
            const TYPE_NAME: &'static str = $type_name;
            const MEMBERS: &'static [&'static str] = &[$($member),+];
            fn as_member(&self) -> &'static str {
                match self {
                    $($name::$variant => $member,)+
                }
            }
            fn from_member(member: &str) -> Option<Self> {
                match member {
                    $($member => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

sql_enum! {
    /// A mood: a PostgreSQL enum type, a MySQL `enum(..)`, text on SQLite.
    Mood as "mood" { Happy => "happy", Sad => "sad" }
}

sql_enum! {
    /// A member's role.
    Role as "role" { Admin => "admin", Member => "member" }
}

/// Settings kept as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prefs {
    /// The colour theme.
    pub theme: String,
}

impl mizzle_dsl::types::JsonValue for Prefs {}
