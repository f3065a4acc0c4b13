//! [`Point`] and [`Line`]: PostgreSQL's `point` and `line`.

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

/// An infinite line `a·x + b·y + c = 0`, written `{a,b,c}` as PostgreSQL prints it.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Line {
    /// The x coefficient.
    pub a: f64,
    /// The y coefficient.
    pub b: f64,
    /// The constant.
    pub c: f64,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{},{},{}}}", self.a, self.b, self.c)
    }
}

impl FromStr for Line {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a line (written {{a,b,c}} for ax + by + c = 0, a and b not both 0)");
        let inner = text
            .trim()
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .ok_or_else(bad)?;
        let numbers: Vec<f64> = inner
            .split(',')
            .map(|n| n.trim().parse::<f64>().ok().filter(|n| n.is_finite()).ok_or_else(bad))
            .collect::<Result<_, _>>()?;
        match numbers[..] {
            [a, b, c] if a != 0.0 || b != 0.0 => Ok(Line { a, b, c }),
            _ => Err(bad()),
        }
    }
}
