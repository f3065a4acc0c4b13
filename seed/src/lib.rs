//! mizzle-seed: deterministic, constraint-aware fake data for a schema's tables.
//!
//! - [`rng`]: the specified random streams, one per (seed, table, column).
//! - [`generators`]: typed generators of values, and the defaults chosen per column.
//! - [`plan`]: a [`Seed`] run: its rows, parents first, keys, uniques and checks kept, and
//!   the INSERT statements that write them.

pub mod generators;
pub mod plan;
pub mod rng;

pub use generators::Gen;
pub use plan::{PerParent, Seed, SeedError, TableRows};
pub use rng::{Rng, GENERATORS_VERSION};
