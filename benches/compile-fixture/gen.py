"""Writes src/lib.rs: 40 tables of 10 columns and 100 typed queries over them."""

import subprocess

TABLES = 40
QUERIES = 100
# (name, column type, modifiers) of the 8 columns after id and parent_id.
COLUMNS = [
    ("name", "Text", "[not_null]"),
    ("note", "Text", ""),
    ("score", "Integer", "[not_null]"),
    ("rank", "Integer", ""),
    ("ratio", "Real", "[not_null]"),
    ("weight", "Real", ""),
    ("flag", "IntegerBool", "[not_null]"),
    ("code", "Text", "[not_null]"),
]

HEADER = """//! A compile-time fixture: 40 tables of 10 columns and 100 typed queries over them, so
//! that `cargo check` of this crate measures what mizzle's types cost a schema of real size.
//!
//! Written by `gen.py` beside this crate: change that and run it rather than edit this file.
"""

TEST = r'''#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixture_query_renders_with_its_bound_values() {
        for (index, query) in QUERIES.iter().enumerate() {
            let (sql, binds) = query().unwrap_or_else(|e| panic!("query {index}: {e}"));
            assert!(binds > 0, "query {index} binds no value: {sql}");
        }
        assert_eq!(
            q000().unwrap(),
            (
                "SELECT \"t00\".\"id\", \"t00\".\"name\", \"t00\".\"note\", \"t01\".\"score\" FROM \"t00\" \
                 INNER JOIN \"t01\" ON \"t01\".\"parent_id\" = \"t00\".\"id\" \
                 WHERE (\"t00\".\"score\" > ? AND \"t01\".\"flag\" = ?) ORDER BY \"t00\".\"id\" LIMIT 10"
                    .to_owned(),
                2
            )
        );
    }
}
'''


def table(i):
    columns = ", ".join(f"{n}: {t} {m}".strip() for n, t, m in COLUMNS)
    return (
        f"    /// Table {i} of the fixture.\n    pub mod t{i:02} {{\n        use mizzle::sqlite::*;\n"
        f"        mizzle::table! {{ pub t{i:02} in Sqlite {{ id: Integer [primary_key], "
        f"parent_id: Integer [not_null], {columns} }} }}\n        pub use t{i:02}::*;\n    }}"
    )


def query(k):
    """Query k: a join, an outer join, an insert, an update or a delete, in turn."""
    a = f"t{k % TABLES:02}"
    b = f"t{(k + 1) % TABLES:02}"
    return [
        f"select(({a}::id, {a}::name, {a}::note, {b}::score))\n        .from({a}::table)\n"
        f"        .inner_join({b}::table, {b}::parent_id.eq({a}::id))\n"
        f"        .filter({a}::score.gt({k}i64).and({b}::flag.eq(true)))\n        .order_by({a}::id)\n        .limit(10)",
        f"select(({a}::name, {b}::note))\n        .from({a}::table)\n"
        f"        .left_join({b}::table, {b}::parent_id.eq({a}::id))\n"
        f"        .filter({a}::rank.is_null().or({a}::ratio.lt(0.5f64)))",
        f"insert({a}::table).values((\n        {a}::parent_id.to({k}i64),\n        {a}::name.to(\"n\"),\n"
        f"        {a}::score.to(1i64),\n        {a}::ratio.to(0.5f64),\n        {a}::flag.to(true),\n"
        f"        {a}::code.to(\"c\"),\n    ))",
        f"update({a}::table)\n        .set(({a}::score.to({a}::score.add(1i64)), {a}::note.to(Some(\"updated\"))))\n"
        f"        .filter({a}::id.eq({k}i64))",
        f"delete({a}::table).filter({a}::code.eq(\"gone\").and({a}::parent_id.in_array(vec![1i64, 2, 3])))",
    ][k % 5]


def main():
    out = [HEADER]
    out.append("/// The 40 tables: each has an id, a parent id pointing at the previous table, and 8 columns.")
    out.append("pub mod tables {")
    out.extend(table(i) for i in range(TABLES))
    out.append("}\n")
    out.append(
        "/// The 100 queries (the `queries` feature, on by default: without it the crate is the\n"
        "/// schema alone, which `benches/compile-time` checks apart).\n"
        "#[cfg(feature = \"queries\")]\npub mod queries {\n"
        "use super::tables::*;\nuse mizzle::prelude::*;\nuse mizzle::{delete, insert, select, update};\n"
    )
    for k in range(QUERIES):
        out.append(
            f"/// Query {k} of the fixture.\npub fn q{k:03}() -> Result<(String, usize), mizzle::Error> {{\n"
            f"    let query = {query(k)};\n    let sql = query.to_sql()?;\n    Ok((sql.sql.to_string(), sql.binds.len()))\n}}\n"
        )
    names = ", ".join(f"q{k:03}" for k in range(QUERIES))
    out.append(
        "/// A fixture query: renders its statement, giving the SQL and the number of bound values.\n"
        "pub type Query = fn() -> Result<(String, usize), mizzle::Error>;\n\n"
        "/// Every query of the fixture, for the test that renders them all.\n"
        f"pub const QUERIES: [Query; {QUERIES}] = [{names}];\n"
    )
    out.append(TEST)
    out.append("}\n")
    with open("src/lib.rs", "w") as f:
        f.write("\n".join(out))
    # The workspace's formatting, so that `cargo fmt --check` passes on what this writes.
    subprocess.run(["rustfmt", "--edition", "2021", "--config-path", "../../rustfmt.toml", "src/lib.rs"], check=True)


if __name__ == "__main__":
    main()
