//! Queries that must not compile, each with the error a user sees (`cases/*.stderr`).

#[test]
fn invalid_queries_do_not_compile() {
    trybuild::TestCases::new().compile_fail("cases/*.rs");
}
