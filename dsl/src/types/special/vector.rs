//! pgvector's values: [`SparseVector`] for `sparsevec`; `vector` and `halfvec` hold a
//! plain `Vec<f32>`. Sent as pgvector's text (`[1,2,3]`, `{1:1.5,3:2}/5`).

use std::fmt;
use std::str::FromStr;

/// pgvector's text of a dense vector: `[1,2.5,3]`.
pub(crate) fn dense_text(values: &[f32]) -> String {
    let mut text = String::from("[");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&value.to_string());
    }
    text.push(']');
    text
}

/// A sparse vector: `dim` elements, those at `indices` (from 0, ascending) holding
/// `values`, the rest zero. pgvector writes it `{1:1.5,3:2}/5`, counting from 1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SparseVector {
    /// The number of elements.
    pub dim: u32,
    /// The positions of the elements that are not zero, from 0, ascending.
    pub indices: Vec<u32>,
    /// Their values.
    pub values: Vec<f32>,
}

impl SparseVector {
    /// The sparse form of a dense vector: its elements that are not zero.
    pub fn from_dense(dense: &[f32]) -> Self {
        let (indices, values) = dense
            .iter()
            .enumerate()
            .filter(|(_, value)| **value != 0.0)
            .map(|(i, value)| (i as u32, *value))
            .unzip();
        SparseVector {
            dim: dense.len() as u32,
            indices,
            values,
        }
    }
}

impl fmt::Display for SparseVector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("{")?;
        for (i, (index, value)) in self.indices.iter().zip(&self.values).enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{}:{value}", index + 1)?;
        }
        write!(f, "}}/{}", self.dim)
    }
}

impl FromStr for SparseVector {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || {
            format!("`{text}` is not a sparse vector (like {{1:1.5,3:2}}/5: position:value, from 1, then /dimensions)")
        };
        let (pairs, dim) = text.trim().rsplit_once('/').ok_or_else(bad)?;
        let dim: u32 = dim.trim().parse().map_err(|_| bad())?;
        let pairs = pairs
            .trim()
            .strip_prefix('{')
            .and_then(|p| p.strip_suffix('}'))
            .ok_or_else(bad)?;
        let mut vector = SparseVector {
            dim,
            ..SparseVector::default()
        };
        for pair in pairs.split(',').filter(|p| !p.trim().is_empty()) {
            let (index, value) = pair.split_once(':').ok_or_else(bad)?;
            let index: u32 = index
                .trim()
                .parse()
                .ok()
                .filter(|i| (1..=dim).contains(i))
                .ok_or_else(bad)?;
            let value: f32 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f32| v.is_finite())
                .ok_or_else(bad)?;
            if vector.indices.last().is_some_and(|last| *last >= index - 1) {
                return Err(format!("`{text}`: positions must ascend, each once"));
            }
            vector.indices.push(index - 1);
            vector.values.push(value);
        }
        Ok(vector)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dense_vectors_are_written_as_pgvectors_text() {
        assert_eq!(dense_text(&[1.0, 2.5, -3.0]), "[1,2.5,-3]");
        assert_eq!(dense_text(&[]), "[]");
    }

    #[test]
    fn sparse_vectors_count_from_one_in_text() {
        let v = SparseVector::from_dense(&[0.0, 1.5, 0.0, 2.0, 0.0]);
        assert_eq!(v.indices, [1, 3]);
        assert_eq!(v.to_string(), "{2:1.5,4:2}/5");
        assert_eq!(v.to_string().parse::<SparseVector>().unwrap(), v);
        assert!("{3:1,2:1}/5".parse::<SparseVector>().is_err());
        assert!("{6:1}/5".parse::<SparseVector>().is_err());
    }
}
