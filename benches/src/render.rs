//! The render-only workload: a statement joining ten tables with twenty predicates, built
//! with mizzle and written by hand, with no database.
//!
//! Without a query builder, a statement whose shape is decided at run time (which tables
//! to join, which filters apply) is written into a string piece by piece, and its values
//! are collected beside it. [`hand_written`] does exactly that, as fast as plain Rust
//! does it: one buffer sized once, static pieces pushed in order, numbers formatted
//! without `format!`. [`built`] is the same statement through mizzle's builder, and the
//! tests check that both produce the same text and the same values.

use mizzle::prelude::*;
use mizzle::query::Statement;
use mizzle::render::RenderSql;
use mizzle::select;
use mizzle::sqlite::Sqlite;

/// Ten tables to join: `t0` … `t9`, each with an id and two integer columns.
pub mod wide {
    use mizzle::sqlite::*;
    macro_rules! tables {
        ($($t:ident),*) => {$(
            mizzle::table! { pub $t in Sqlite { id: Integer [primary_key], a: Integer [not_null], b: Integer [not_null] } }
        )*};
    }
    tables!(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9);
}

/// The statement through mizzle: `t0` joined to `t1` … `t9` in a chain, each table's `b`
/// greater than `low + i` and its `a` less than `high + i`, in four filters of five.
/// Rendered with `render_statement` (what `.to_sql()` calls once it has checked the
/// selection's scope, which a statement behind `impl Statement` cannot name).
pub fn built(low: i64, high: i64) -> impl Statement<Dialect = Sqlite> + RenderSql<Sqlite> {
    use wide::*;
    select((t0::id, t9::b))
        .from(t0::table)
        .inner_join(t1::table, t1::a.eq(t0::id))
        .inner_join(t2::table, t2::a.eq(t1::id))
        .inner_join(t3::table, t3::a.eq(t2::id))
        .inner_join(t4::table, t4::a.eq(t3::id))
        .inner_join(t5::table, t5::a.eq(t4::id))
        .inner_join(t6::table, t6::a.eq(t5::id))
        .inner_join(t7::table, t7::a.eq(t6::id))
        .inner_join(t8::table, t8::a.eq(t7::id))
        .inner_join(t9::table, t9::a.eq(t8::id))
        .filter(
            t0::b
                .gt(low)
                .and(t1::b.gt(low + 1))
                .and(t2::b.gt(low + 2))
                .and(t3::b.gt(low + 3))
                .and(t4::b.gt(low + 4)),
        )
        .filter(
            t5::b
                .gt(low + 5)
                .and(t6::b.gt(low + 6))
                .and(t7::b.gt(low + 7))
                .and(t8::b.gt(low + 8))
                .and(t9::b.gt(low + 9)),
        )
        .filter(
            t0::a
                .lt(high)
                .and(t1::a.lt(high + 1))
                .and(t2::a.lt(high + 2))
                .and(t3::a.lt(high + 3))
                .and(t4::a.lt(high + 4)),
        )
        .filter(
            t5::a
                .lt(high + 5)
                .and(t6::a.lt(high + 6))
                .and(t7::a.lt(high + 7))
                .and(t8::a.lt(high + 8))
                .and(t9::a.lt(high + 9)),
        )
}

/// The tables' quoted names, by index.
const TABLES: [&str; 10] = [
    "\"t0\"", "\"t1\"", "\"t2\"", "\"t3\"", "\"t4\"", "\"t5\"", "\"t6\"", "\"t7\"", "\"t8\"", "\"t9\"",
];

/// The same statement written by hand: its SQL text and its twenty values in order.
pub fn hand_written(low: i64, high: i64) -> (String, Vec<i64>) {
    let mut sql = String::with_capacity(1024);
    let mut values = Vec::with_capacity(20);
    sql.push_str("SELECT \"t0\".\"id\", \"t9\".\"b\" FROM \"t0\"");
    for i in 1..10 {
        sql.push_str(" INNER JOIN ");
        sql.push_str(TABLES[i]);
        sql.push_str(" ON ");
        sql.push_str(TABLES[i]);
        sql.push_str(".\"a\" = ");
        sql.push_str(TABLES[i - 1]);
        sql.push_str(".\"id\"");
    }
    sql.push_str(" WHERE (");
    for (group, (column, operator, base)) in [
        ("\"b\"", " > ", low),
        ("\"b\"", " > ", low),
        ("\"a\"", " < ", high),
        ("\"a\"", " < ", high),
    ]
    .into_iter()
    .enumerate()
    {
        for i in 0..5 {
            let table = (group % 2) * 5 + i;
            if group + i > 0 {
                sql.push_str(" AND ");
            }
            sql.push_str(TABLES[table]);
            sql.push('.');
            sql.push_str(column);
            sql.push_str(operator);
            sql.push('?');
            values.push(base + table as i64);
        }
    }
    sql.push(')');
    (sql, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mizzle::render::render_statement;
    use mizzle::types::Value;

    #[test]
    fn the_built_and_the_hand_written_statement_are_the_same_text_and_values() {
        let built = built(3, 40);
        let built = render_statement(&built).unwrap();
        let (sql, values) = hand_written(3, 40);
        assert_eq!(built.sql, sql);
        assert_eq!(built.binds, values.into_iter().map(Value::I64).collect::<Vec<_>>());
    }

    #[test]
    fn the_statement_is_kept_by_shape_and_its_text_reused_with_new_values() {
        let (first, second) = (built(0, 10), built(5, 50));
        let (first, second) = (render_statement(&first).unwrap(), render_statement(&second).unwrap());
        assert!(first.shape.is_some());
        assert_eq!(first.shape, second.shape);
        assert_eq!(second.binds.first(), Some(&Value::I64(5)));
        assert_eq!(second.binds.last(), Some(&Value::I64(59)));
    }
}
