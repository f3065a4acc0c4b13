//! MySQL-only tests.
