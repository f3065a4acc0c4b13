//! Holds no code: the benchmarks are `benches/compare.rs` (`cargo bench -p mizzle-benches`).
