//! What the benchmarks share: the paired timing behind the summary's ratios. The
//! benchmarks themselves are `benches/compare.rs` (`cargo bench -p mizzle-benches`).

pub mod paired;
pub mod render;
