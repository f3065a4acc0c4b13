//! Seals traits that only mizzle may implement.

/// Implemented only inside mizzle; a bound on it keeps a trait closed.
pub trait Sealed {}
