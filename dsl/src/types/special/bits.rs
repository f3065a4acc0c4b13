//! [`BitString`]: the bits of `bit(n)` and `bit varying(n)`.

use std::fmt;
use std::str::FromStr;

/// A string of bits, written `10110`: PostgreSQL's `bit(n)` (exactly `n` of them) and
/// `bit varying(n)` (at most `n`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct BitString(pub Vec<bool>);

impl fmt::Display for BitString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for bit in &self.0 {
            f.write_str(if *bit { "1" } else { "0" })?;
        }
        Ok(())
    }
}

impl FromStr for BitString {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        text.chars()
            .map(|c| match c {
                '0' => Ok(false),
                '1' => Ok(true),
                _ => Err(format!("`{text}` is not a bit string (only 0 and 1)")),
            })
            .collect::<Result<_, _>>()
            .map(BitString)
    }
}
