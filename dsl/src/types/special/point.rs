//! [`Point`]: PostgreSQL's `point`.

use std::fmt;
use std::str::FromStr;

/// A point in the plane, written `(x,y)` as PostgreSQL prints it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Point {
    /// The x coordinate.
    pub x: f64,
    /// The y coordinate.
    pub y: f64,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({},{})", self.x, self.y)
    }
}

impl FromStr for Point {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a point (written (x,y), like (1.5,-2))");
        let inner = text
            .trim()
            .strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .unwrap_or(text);
        let (x, y) = inner.split_once(',').ok_or_else(bad)?;
        let number = |t: &str| t.trim().parse::<f64>().ok().filter(|n| n.is_finite()).ok_or_else(bad);
        Ok(Point {
            x: number(x)?,
            y: number(y)?,
        })
    }
}
