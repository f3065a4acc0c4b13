//! Holds no code: the integration tests are the `integration` test binary (`main.rs`).
