//! A compile-time fixture: 40 tables of 10 columns and 100 typed queries over them, so
//! that `cargo check` of this crate measures what mizzle's types cost a schema of real size.
//!
//! Written by `gen.py` beside this crate: change that and run it rather than edit this file.

/// The 40 tables: each has an id, a parent id pointing at the previous table, and 8 columns.
pub mod tables {
    /// Table 0 of the fixture.
    pub mod t00 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t00 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t00::*;
    }
    /// Table 1 of the fixture.
    pub mod t01 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t01 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t01::*;
    }
    /// Table 2 of the fixture.
    pub mod t02 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t02 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t02::*;
    }
    /// Table 3 of the fixture.
    pub mod t03 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t03 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t03::*;
    }
    /// Table 4 of the fixture.
    pub mod t04 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t04 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t04::*;
    }
    /// Table 5 of the fixture.
    pub mod t05 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t05 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t05::*;
    }
    /// Table 6 of the fixture.
    pub mod t06 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t06 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t06::*;
    }
    /// Table 7 of the fixture.
    pub mod t07 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t07 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t07::*;
    }
    /// Table 8 of the fixture.
    pub mod t08 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t08 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t08::*;
    }
    /// Table 9 of the fixture.
    pub mod t09 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t09 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t09::*;
    }
    /// Table 10 of the fixture.
    pub mod t10 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t10 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t10::*;
    }
    /// Table 11 of the fixture.
    pub mod t11 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t11 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t11::*;
    }
    /// Table 12 of the fixture.
    pub mod t12 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t12 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t12::*;
    }
    /// Table 13 of the fixture.
    pub mod t13 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t13 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t13::*;
    }
    /// Table 14 of the fixture.
    pub mod t14 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t14 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t14::*;
    }
    /// Table 15 of the fixture.
    pub mod t15 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t15 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t15::*;
    }
    /// Table 16 of the fixture.
    pub mod t16 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t16 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t16::*;
    }
    /// Table 17 of the fixture.
    pub mod t17 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t17 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t17::*;
    }
    /// Table 18 of the fixture.
    pub mod t18 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t18 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t18::*;
    }
    /// Table 19 of the fixture.
    pub mod t19 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t19 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t19::*;
    }
    /// Table 20 of the fixture.
    pub mod t20 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t20 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t20::*;
    }
    /// Table 21 of the fixture.
    pub mod t21 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t21 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t21::*;
    }
    /// Table 22 of the fixture.
    pub mod t22 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t22 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t22::*;
    }
    /// Table 23 of the fixture.
    pub mod t23 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t23 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t23::*;
    }
    /// Table 24 of the fixture.
    pub mod t24 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t24 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t24::*;
    }
    /// Table 25 of the fixture.
    pub mod t25 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t25 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t25::*;
    }
    /// Table 26 of the fixture.
    pub mod t26 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t26 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t26::*;
    }
    /// Table 27 of the fixture.
    pub mod t27 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t27 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t27::*;
    }
    /// Table 28 of the fixture.
    pub mod t28 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t28 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t28::*;
    }
    /// Table 29 of the fixture.
    pub mod t29 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t29 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t29::*;
    }
    /// Table 30 of the fixture.
    pub mod t30 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t30 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t30::*;
    }
    /// Table 31 of the fixture.
    pub mod t31 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t31 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t31::*;
    }
    /// Table 32 of the fixture.
    pub mod t32 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t32 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t32::*;
    }
    /// Table 33 of the fixture.
    pub mod t33 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t33 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t33::*;
    }
    /// Table 34 of the fixture.
    pub mod t34 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t34 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t34::*;
    }
    /// Table 35 of the fixture.
    pub mod t35 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t35 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t35::*;
    }
    /// Table 36 of the fixture.
    pub mod t36 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t36 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t36::*;
    }
    /// Table 37 of the fixture.
    pub mod t37 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t37 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t37::*;
    }
    /// Table 38 of the fixture.
    pub mod t38 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t38 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t38::*;
    }
    /// Table 39 of the fixture.
    pub mod t39 {
        use mizzle::sqlite::*;
        mizzle::table! { pub t39 in Sqlite { id: Integer [primary_key], parent_id: Integer [not_null], name: Text [not_null], note: Text, score: Integer [not_null], rank: Integer, ratio: Real [not_null], weight: Real, flag: IntegerBool [not_null], code: Text [not_null] } }
        pub use t39::*;
    }
}

/// The 100 queries (the `queries` feature, on by default: without it the crate is the
/// schema alone, which `benches/compile-time` checks apart).
#[cfg(feature = "queries")]
pub mod queries {
    use super::tables::*;
    use mizzle::prelude::*;
    use mizzle::{delete, insert, select, update};

    /// Query 0 of the fixture.
    pub fn q000() -> Result<(String, usize), mizzle::Error> {
        let query = select((t00::id, t00::name, t00::note, t01::score))
            .from(t00::table)
            .inner_join(t01::table, t01::parent_id.eq(t00::id))
            .filter(t00::score.gt(0i64).and(t01::flag.eq(true)))
            .order_by(t00::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 1 of the fixture.
    pub fn q001() -> Result<(String, usize), mizzle::Error> {
        let query = select((t01::name, t02::note))
            .from(t01::table)
            .left_join(t02::table, t02::parent_id.eq(t01::id))
            .filter(t01::rank.is_null().or(t01::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 2 of the fixture.
    pub fn q002() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t02::table).values((
            t02::parent_id.to(2i64),
            t02::name.to("n"),
            t02::score.to(1i64),
            t02::ratio.to(0.5f64),
            t02::flag.to(true),
            t02::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 3 of the fixture.
    pub fn q003() -> Result<(String, usize), mizzle::Error> {
        let query = update(t03::table)
            .set((t03::score.to(t03::score.add(1i64)), t03::note.to(Some("updated"))))
            .filter(t03::id.eq(3i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 4 of the fixture.
    pub fn q004() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t04::table).filter(t04::code.eq("gone").and(t04::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 5 of the fixture.
    pub fn q005() -> Result<(String, usize), mizzle::Error> {
        let query = select((t05::id, t05::name, t05::note, t06::score))
            .from(t05::table)
            .inner_join(t06::table, t06::parent_id.eq(t05::id))
            .filter(t05::score.gt(5i64).and(t06::flag.eq(true)))
            .order_by(t05::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 6 of the fixture.
    pub fn q006() -> Result<(String, usize), mizzle::Error> {
        let query = select((t06::name, t07::note))
            .from(t06::table)
            .left_join(t07::table, t07::parent_id.eq(t06::id))
            .filter(t06::rank.is_null().or(t06::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 7 of the fixture.
    pub fn q007() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t07::table).values((
            t07::parent_id.to(7i64),
            t07::name.to("n"),
            t07::score.to(1i64),
            t07::ratio.to(0.5f64),
            t07::flag.to(true),
            t07::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 8 of the fixture.
    pub fn q008() -> Result<(String, usize), mizzle::Error> {
        let query = update(t08::table)
            .set((t08::score.to(t08::score.add(1i64)), t08::note.to(Some("updated"))))
            .filter(t08::id.eq(8i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 9 of the fixture.
    pub fn q009() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t09::table).filter(t09::code.eq("gone").and(t09::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 10 of the fixture.
    pub fn q010() -> Result<(String, usize), mizzle::Error> {
        let query = select((t10::id, t10::name, t10::note, t11::score))
            .from(t10::table)
            .inner_join(t11::table, t11::parent_id.eq(t10::id))
            .filter(t10::score.gt(10i64).and(t11::flag.eq(true)))
            .order_by(t10::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 11 of the fixture.
    pub fn q011() -> Result<(String, usize), mizzle::Error> {
        let query = select((t11::name, t12::note))
            .from(t11::table)
            .left_join(t12::table, t12::parent_id.eq(t11::id))
            .filter(t11::rank.is_null().or(t11::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 12 of the fixture.
    pub fn q012() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t12::table).values((
            t12::parent_id.to(12i64),
            t12::name.to("n"),
            t12::score.to(1i64),
            t12::ratio.to(0.5f64),
            t12::flag.to(true),
            t12::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 13 of the fixture.
    pub fn q013() -> Result<(String, usize), mizzle::Error> {
        let query = update(t13::table)
            .set((t13::score.to(t13::score.add(1i64)), t13::note.to(Some("updated"))))
            .filter(t13::id.eq(13i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 14 of the fixture.
    pub fn q014() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t14::table).filter(t14::code.eq("gone").and(t14::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 15 of the fixture.
    pub fn q015() -> Result<(String, usize), mizzle::Error> {
        let query = select((t15::id, t15::name, t15::note, t16::score))
            .from(t15::table)
            .inner_join(t16::table, t16::parent_id.eq(t15::id))
            .filter(t15::score.gt(15i64).and(t16::flag.eq(true)))
            .order_by(t15::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 16 of the fixture.
    pub fn q016() -> Result<(String, usize), mizzle::Error> {
        let query = select((t16::name, t17::note))
            .from(t16::table)
            .left_join(t17::table, t17::parent_id.eq(t16::id))
            .filter(t16::rank.is_null().or(t16::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 17 of the fixture.
    pub fn q017() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t17::table).values((
            t17::parent_id.to(17i64),
            t17::name.to("n"),
            t17::score.to(1i64),
            t17::ratio.to(0.5f64),
            t17::flag.to(true),
            t17::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 18 of the fixture.
    pub fn q018() -> Result<(String, usize), mizzle::Error> {
        let query = update(t18::table)
            .set((t18::score.to(t18::score.add(1i64)), t18::note.to(Some("updated"))))
            .filter(t18::id.eq(18i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 19 of the fixture.
    pub fn q019() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t19::table).filter(t19::code.eq("gone").and(t19::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 20 of the fixture.
    pub fn q020() -> Result<(String, usize), mizzle::Error> {
        let query = select((t20::id, t20::name, t20::note, t21::score))
            .from(t20::table)
            .inner_join(t21::table, t21::parent_id.eq(t20::id))
            .filter(t20::score.gt(20i64).and(t21::flag.eq(true)))
            .order_by(t20::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 21 of the fixture.
    pub fn q021() -> Result<(String, usize), mizzle::Error> {
        let query = select((t21::name, t22::note))
            .from(t21::table)
            .left_join(t22::table, t22::parent_id.eq(t21::id))
            .filter(t21::rank.is_null().or(t21::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 22 of the fixture.
    pub fn q022() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t22::table).values((
            t22::parent_id.to(22i64),
            t22::name.to("n"),
            t22::score.to(1i64),
            t22::ratio.to(0.5f64),
            t22::flag.to(true),
            t22::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 23 of the fixture.
    pub fn q023() -> Result<(String, usize), mizzle::Error> {
        let query = update(t23::table)
            .set((t23::score.to(t23::score.add(1i64)), t23::note.to(Some("updated"))))
            .filter(t23::id.eq(23i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 24 of the fixture.
    pub fn q024() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t24::table).filter(t24::code.eq("gone").and(t24::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 25 of the fixture.
    pub fn q025() -> Result<(String, usize), mizzle::Error> {
        let query = select((t25::id, t25::name, t25::note, t26::score))
            .from(t25::table)
            .inner_join(t26::table, t26::parent_id.eq(t25::id))
            .filter(t25::score.gt(25i64).and(t26::flag.eq(true)))
            .order_by(t25::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 26 of the fixture.
    pub fn q026() -> Result<(String, usize), mizzle::Error> {
        let query = select((t26::name, t27::note))
            .from(t26::table)
            .left_join(t27::table, t27::parent_id.eq(t26::id))
            .filter(t26::rank.is_null().or(t26::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 27 of the fixture.
    pub fn q027() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t27::table).values((
            t27::parent_id.to(27i64),
            t27::name.to("n"),
            t27::score.to(1i64),
            t27::ratio.to(0.5f64),
            t27::flag.to(true),
            t27::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 28 of the fixture.
    pub fn q028() -> Result<(String, usize), mizzle::Error> {
        let query = update(t28::table)
            .set((t28::score.to(t28::score.add(1i64)), t28::note.to(Some("updated"))))
            .filter(t28::id.eq(28i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 29 of the fixture.
    pub fn q029() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t29::table).filter(t29::code.eq("gone").and(t29::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 30 of the fixture.
    pub fn q030() -> Result<(String, usize), mizzle::Error> {
        let query = select((t30::id, t30::name, t30::note, t31::score))
            .from(t30::table)
            .inner_join(t31::table, t31::parent_id.eq(t30::id))
            .filter(t30::score.gt(30i64).and(t31::flag.eq(true)))
            .order_by(t30::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 31 of the fixture.
    pub fn q031() -> Result<(String, usize), mizzle::Error> {
        let query = select((t31::name, t32::note))
            .from(t31::table)
            .left_join(t32::table, t32::parent_id.eq(t31::id))
            .filter(t31::rank.is_null().or(t31::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 32 of the fixture.
    pub fn q032() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t32::table).values((
            t32::parent_id.to(32i64),
            t32::name.to("n"),
            t32::score.to(1i64),
            t32::ratio.to(0.5f64),
            t32::flag.to(true),
            t32::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 33 of the fixture.
    pub fn q033() -> Result<(String, usize), mizzle::Error> {
        let query = update(t33::table)
            .set((t33::score.to(t33::score.add(1i64)), t33::note.to(Some("updated"))))
            .filter(t33::id.eq(33i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 34 of the fixture.
    pub fn q034() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t34::table).filter(t34::code.eq("gone").and(t34::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 35 of the fixture.
    pub fn q035() -> Result<(String, usize), mizzle::Error> {
        let query = select((t35::id, t35::name, t35::note, t36::score))
            .from(t35::table)
            .inner_join(t36::table, t36::parent_id.eq(t35::id))
            .filter(t35::score.gt(35i64).and(t36::flag.eq(true)))
            .order_by(t35::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 36 of the fixture.
    pub fn q036() -> Result<(String, usize), mizzle::Error> {
        let query = select((t36::name, t37::note))
            .from(t36::table)
            .left_join(t37::table, t37::parent_id.eq(t36::id))
            .filter(t36::rank.is_null().or(t36::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 37 of the fixture.
    pub fn q037() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t37::table).values((
            t37::parent_id.to(37i64),
            t37::name.to("n"),
            t37::score.to(1i64),
            t37::ratio.to(0.5f64),
            t37::flag.to(true),
            t37::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 38 of the fixture.
    pub fn q038() -> Result<(String, usize), mizzle::Error> {
        let query = update(t38::table)
            .set((t38::score.to(t38::score.add(1i64)), t38::note.to(Some("updated"))))
            .filter(t38::id.eq(38i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 39 of the fixture.
    pub fn q039() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t39::table).filter(t39::code.eq("gone").and(t39::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 40 of the fixture.
    pub fn q040() -> Result<(String, usize), mizzle::Error> {
        let query = select((t00::id, t00::name, t00::note, t01::score))
            .from(t00::table)
            .inner_join(t01::table, t01::parent_id.eq(t00::id))
            .filter(t00::score.gt(40i64).and(t01::flag.eq(true)))
            .order_by(t00::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 41 of the fixture.
    pub fn q041() -> Result<(String, usize), mizzle::Error> {
        let query = select((t01::name, t02::note))
            .from(t01::table)
            .left_join(t02::table, t02::parent_id.eq(t01::id))
            .filter(t01::rank.is_null().or(t01::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 42 of the fixture.
    pub fn q042() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t02::table).values((
            t02::parent_id.to(42i64),
            t02::name.to("n"),
            t02::score.to(1i64),
            t02::ratio.to(0.5f64),
            t02::flag.to(true),
            t02::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 43 of the fixture.
    pub fn q043() -> Result<(String, usize), mizzle::Error> {
        let query = update(t03::table)
            .set((t03::score.to(t03::score.add(1i64)), t03::note.to(Some("updated"))))
            .filter(t03::id.eq(43i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 44 of the fixture.
    pub fn q044() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t04::table).filter(t04::code.eq("gone").and(t04::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 45 of the fixture.
    pub fn q045() -> Result<(String, usize), mizzle::Error> {
        let query = select((t05::id, t05::name, t05::note, t06::score))
            .from(t05::table)
            .inner_join(t06::table, t06::parent_id.eq(t05::id))
            .filter(t05::score.gt(45i64).and(t06::flag.eq(true)))
            .order_by(t05::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 46 of the fixture.
    pub fn q046() -> Result<(String, usize), mizzle::Error> {
        let query = select((t06::name, t07::note))
            .from(t06::table)
            .left_join(t07::table, t07::parent_id.eq(t06::id))
            .filter(t06::rank.is_null().or(t06::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 47 of the fixture.
    pub fn q047() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t07::table).values((
            t07::parent_id.to(47i64),
            t07::name.to("n"),
            t07::score.to(1i64),
            t07::ratio.to(0.5f64),
            t07::flag.to(true),
            t07::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 48 of the fixture.
    pub fn q048() -> Result<(String, usize), mizzle::Error> {
        let query = update(t08::table)
            .set((t08::score.to(t08::score.add(1i64)), t08::note.to(Some("updated"))))
            .filter(t08::id.eq(48i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 49 of the fixture.
    pub fn q049() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t09::table).filter(t09::code.eq("gone").and(t09::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 50 of the fixture.
    pub fn q050() -> Result<(String, usize), mizzle::Error> {
        let query = select((t10::id, t10::name, t10::note, t11::score))
            .from(t10::table)
            .inner_join(t11::table, t11::parent_id.eq(t10::id))
            .filter(t10::score.gt(50i64).and(t11::flag.eq(true)))
            .order_by(t10::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 51 of the fixture.
    pub fn q051() -> Result<(String, usize), mizzle::Error> {
        let query = select((t11::name, t12::note))
            .from(t11::table)
            .left_join(t12::table, t12::parent_id.eq(t11::id))
            .filter(t11::rank.is_null().or(t11::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 52 of the fixture.
    pub fn q052() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t12::table).values((
            t12::parent_id.to(52i64),
            t12::name.to("n"),
            t12::score.to(1i64),
            t12::ratio.to(0.5f64),
            t12::flag.to(true),
            t12::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 53 of the fixture.
    pub fn q053() -> Result<(String, usize), mizzle::Error> {
        let query = update(t13::table)
            .set((t13::score.to(t13::score.add(1i64)), t13::note.to(Some("updated"))))
            .filter(t13::id.eq(53i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 54 of the fixture.
    pub fn q054() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t14::table).filter(t14::code.eq("gone").and(t14::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 55 of the fixture.
    pub fn q055() -> Result<(String, usize), mizzle::Error> {
        let query = select((t15::id, t15::name, t15::note, t16::score))
            .from(t15::table)
            .inner_join(t16::table, t16::parent_id.eq(t15::id))
            .filter(t15::score.gt(55i64).and(t16::flag.eq(true)))
            .order_by(t15::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 56 of the fixture.
    pub fn q056() -> Result<(String, usize), mizzle::Error> {
        let query = select((t16::name, t17::note))
            .from(t16::table)
            .left_join(t17::table, t17::parent_id.eq(t16::id))
            .filter(t16::rank.is_null().or(t16::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 57 of the fixture.
    pub fn q057() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t17::table).values((
            t17::parent_id.to(57i64),
            t17::name.to("n"),
            t17::score.to(1i64),
            t17::ratio.to(0.5f64),
            t17::flag.to(true),
            t17::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 58 of the fixture.
    pub fn q058() -> Result<(String, usize), mizzle::Error> {
        let query = update(t18::table)
            .set((t18::score.to(t18::score.add(1i64)), t18::note.to(Some("updated"))))
            .filter(t18::id.eq(58i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 59 of the fixture.
    pub fn q059() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t19::table).filter(t19::code.eq("gone").and(t19::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 60 of the fixture.
    pub fn q060() -> Result<(String, usize), mizzle::Error> {
        let query = select((t20::id, t20::name, t20::note, t21::score))
            .from(t20::table)
            .inner_join(t21::table, t21::parent_id.eq(t20::id))
            .filter(t20::score.gt(60i64).and(t21::flag.eq(true)))
            .order_by(t20::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 61 of the fixture.
    pub fn q061() -> Result<(String, usize), mizzle::Error> {
        let query = select((t21::name, t22::note))
            .from(t21::table)
            .left_join(t22::table, t22::parent_id.eq(t21::id))
            .filter(t21::rank.is_null().or(t21::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 62 of the fixture.
    pub fn q062() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t22::table).values((
            t22::parent_id.to(62i64),
            t22::name.to("n"),
            t22::score.to(1i64),
            t22::ratio.to(0.5f64),
            t22::flag.to(true),
            t22::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 63 of the fixture.
    pub fn q063() -> Result<(String, usize), mizzle::Error> {
        let query = update(t23::table)
            .set((t23::score.to(t23::score.add(1i64)), t23::note.to(Some("updated"))))
            .filter(t23::id.eq(63i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 64 of the fixture.
    pub fn q064() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t24::table).filter(t24::code.eq("gone").and(t24::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 65 of the fixture.
    pub fn q065() -> Result<(String, usize), mizzle::Error> {
        let query = select((t25::id, t25::name, t25::note, t26::score))
            .from(t25::table)
            .inner_join(t26::table, t26::parent_id.eq(t25::id))
            .filter(t25::score.gt(65i64).and(t26::flag.eq(true)))
            .order_by(t25::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 66 of the fixture.
    pub fn q066() -> Result<(String, usize), mizzle::Error> {
        let query = select((t26::name, t27::note))
            .from(t26::table)
            .left_join(t27::table, t27::parent_id.eq(t26::id))
            .filter(t26::rank.is_null().or(t26::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 67 of the fixture.
    pub fn q067() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t27::table).values((
            t27::parent_id.to(67i64),
            t27::name.to("n"),
            t27::score.to(1i64),
            t27::ratio.to(0.5f64),
            t27::flag.to(true),
            t27::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 68 of the fixture.
    pub fn q068() -> Result<(String, usize), mizzle::Error> {
        let query = update(t28::table)
            .set((t28::score.to(t28::score.add(1i64)), t28::note.to(Some("updated"))))
            .filter(t28::id.eq(68i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 69 of the fixture.
    pub fn q069() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t29::table).filter(t29::code.eq("gone").and(t29::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 70 of the fixture.
    pub fn q070() -> Result<(String, usize), mizzle::Error> {
        let query = select((t30::id, t30::name, t30::note, t31::score))
            .from(t30::table)
            .inner_join(t31::table, t31::parent_id.eq(t30::id))
            .filter(t30::score.gt(70i64).and(t31::flag.eq(true)))
            .order_by(t30::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 71 of the fixture.
    pub fn q071() -> Result<(String, usize), mizzle::Error> {
        let query = select((t31::name, t32::note))
            .from(t31::table)
            .left_join(t32::table, t32::parent_id.eq(t31::id))
            .filter(t31::rank.is_null().or(t31::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 72 of the fixture.
    pub fn q072() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t32::table).values((
            t32::parent_id.to(72i64),
            t32::name.to("n"),
            t32::score.to(1i64),
            t32::ratio.to(0.5f64),
            t32::flag.to(true),
            t32::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 73 of the fixture.
    pub fn q073() -> Result<(String, usize), mizzle::Error> {
        let query = update(t33::table)
            .set((t33::score.to(t33::score.add(1i64)), t33::note.to(Some("updated"))))
            .filter(t33::id.eq(73i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 74 of the fixture.
    pub fn q074() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t34::table).filter(t34::code.eq("gone").and(t34::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 75 of the fixture.
    pub fn q075() -> Result<(String, usize), mizzle::Error> {
        let query = select((t35::id, t35::name, t35::note, t36::score))
            .from(t35::table)
            .inner_join(t36::table, t36::parent_id.eq(t35::id))
            .filter(t35::score.gt(75i64).and(t36::flag.eq(true)))
            .order_by(t35::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 76 of the fixture.
    pub fn q076() -> Result<(String, usize), mizzle::Error> {
        let query = select((t36::name, t37::note))
            .from(t36::table)
            .left_join(t37::table, t37::parent_id.eq(t36::id))
            .filter(t36::rank.is_null().or(t36::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 77 of the fixture.
    pub fn q077() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t37::table).values((
            t37::parent_id.to(77i64),
            t37::name.to("n"),
            t37::score.to(1i64),
            t37::ratio.to(0.5f64),
            t37::flag.to(true),
            t37::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 78 of the fixture.
    pub fn q078() -> Result<(String, usize), mizzle::Error> {
        let query = update(t38::table)
            .set((t38::score.to(t38::score.add(1i64)), t38::note.to(Some("updated"))))
            .filter(t38::id.eq(78i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 79 of the fixture.
    pub fn q079() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t39::table).filter(t39::code.eq("gone").and(t39::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 80 of the fixture.
    pub fn q080() -> Result<(String, usize), mizzle::Error> {
        let query = select((t00::id, t00::name, t00::note, t01::score))
            .from(t00::table)
            .inner_join(t01::table, t01::parent_id.eq(t00::id))
            .filter(t00::score.gt(80i64).and(t01::flag.eq(true)))
            .order_by(t00::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 81 of the fixture.
    pub fn q081() -> Result<(String, usize), mizzle::Error> {
        let query = select((t01::name, t02::note))
            .from(t01::table)
            .left_join(t02::table, t02::parent_id.eq(t01::id))
            .filter(t01::rank.is_null().or(t01::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 82 of the fixture.
    pub fn q082() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t02::table).values((
            t02::parent_id.to(82i64),
            t02::name.to("n"),
            t02::score.to(1i64),
            t02::ratio.to(0.5f64),
            t02::flag.to(true),
            t02::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 83 of the fixture.
    pub fn q083() -> Result<(String, usize), mizzle::Error> {
        let query = update(t03::table)
            .set((t03::score.to(t03::score.add(1i64)), t03::note.to(Some("updated"))))
            .filter(t03::id.eq(83i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 84 of the fixture.
    pub fn q084() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t04::table).filter(t04::code.eq("gone").and(t04::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 85 of the fixture.
    pub fn q085() -> Result<(String, usize), mizzle::Error> {
        let query = select((t05::id, t05::name, t05::note, t06::score))
            .from(t05::table)
            .inner_join(t06::table, t06::parent_id.eq(t05::id))
            .filter(t05::score.gt(85i64).and(t06::flag.eq(true)))
            .order_by(t05::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 86 of the fixture.
    pub fn q086() -> Result<(String, usize), mizzle::Error> {
        let query = select((t06::name, t07::note))
            .from(t06::table)
            .left_join(t07::table, t07::parent_id.eq(t06::id))
            .filter(t06::rank.is_null().or(t06::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 87 of the fixture.
    pub fn q087() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t07::table).values((
            t07::parent_id.to(87i64),
            t07::name.to("n"),
            t07::score.to(1i64),
            t07::ratio.to(0.5f64),
            t07::flag.to(true),
            t07::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 88 of the fixture.
    pub fn q088() -> Result<(String, usize), mizzle::Error> {
        let query = update(t08::table)
            .set((t08::score.to(t08::score.add(1i64)), t08::note.to(Some("updated"))))
            .filter(t08::id.eq(88i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 89 of the fixture.
    pub fn q089() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t09::table).filter(t09::code.eq("gone").and(t09::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 90 of the fixture.
    pub fn q090() -> Result<(String, usize), mizzle::Error> {
        let query = select((t10::id, t10::name, t10::note, t11::score))
            .from(t10::table)
            .inner_join(t11::table, t11::parent_id.eq(t10::id))
            .filter(t10::score.gt(90i64).and(t11::flag.eq(true)))
            .order_by(t10::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 91 of the fixture.
    pub fn q091() -> Result<(String, usize), mizzle::Error> {
        let query = select((t11::name, t12::note))
            .from(t11::table)
            .left_join(t12::table, t12::parent_id.eq(t11::id))
            .filter(t11::rank.is_null().or(t11::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 92 of the fixture.
    pub fn q092() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t12::table).values((
            t12::parent_id.to(92i64),
            t12::name.to("n"),
            t12::score.to(1i64),
            t12::ratio.to(0.5f64),
            t12::flag.to(true),
            t12::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 93 of the fixture.
    pub fn q093() -> Result<(String, usize), mizzle::Error> {
        let query = update(t13::table)
            .set((t13::score.to(t13::score.add(1i64)), t13::note.to(Some("updated"))))
            .filter(t13::id.eq(93i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 94 of the fixture.
    pub fn q094() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t14::table).filter(t14::code.eq("gone").and(t14::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 95 of the fixture.
    pub fn q095() -> Result<(String, usize), mizzle::Error> {
        let query = select((t15::id, t15::name, t15::note, t16::score))
            .from(t15::table)
            .inner_join(t16::table, t16::parent_id.eq(t15::id))
            .filter(t15::score.gt(95i64).and(t16::flag.eq(true)))
            .order_by(t15::id)
            .limit(10);
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 96 of the fixture.
    pub fn q096() -> Result<(String, usize), mizzle::Error> {
        let query = select((t16::name, t17::note))
            .from(t16::table)
            .left_join(t17::table, t17::parent_id.eq(t16::id))
            .filter(t16::rank.is_null().or(t16::ratio.lt(0.5f64)));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 97 of the fixture.
    pub fn q097() -> Result<(String, usize), mizzle::Error> {
        let query = insert(t17::table).values((
            t17::parent_id.to(97i64),
            t17::name.to("n"),
            t17::score.to(1i64),
            t17::ratio.to(0.5f64),
            t17::flag.to(true),
            t17::code.to("c"),
        ));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 98 of the fixture.
    pub fn q098() -> Result<(String, usize), mizzle::Error> {
        let query = update(t18::table)
            .set((t18::score.to(t18::score.add(1i64)), t18::note.to(Some("updated"))))
            .filter(t18::id.eq(98i64));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// Query 99 of the fixture.
    pub fn q099() -> Result<(String, usize), mizzle::Error> {
        let query = delete(t19::table).filter(t19::code.eq("gone").and(t19::parent_id.in_array(vec![1i64, 2, 3])));
        let sql = query.to_sql()?;
        Ok((sql.sql.to_string(), sql.binds.len()))
    }

    /// A fixture query: renders its statement, giving the SQL and the number of bound values.
    pub type Query = fn() -> Result<(String, usize), mizzle::Error>;

    /// Every query of the fixture, for the test that renders them all.
    pub const QUERIES: [Query; 100] = [
        q000, q001, q002, q003, q004, q005, q006, q007, q008, q009, q010, q011, q012, q013, q014, q015, q016, q017,
        q018, q019, q020, q021, q022, q023, q024, q025, q026, q027, q028, q029, q030, q031, q032, q033, q034, q035,
        q036, q037, q038, q039, q040, q041, q042, q043, q044, q045, q046, q047, q048, q049, q050, q051, q052, q053,
        q054, q055, q056, q057, q058, q059, q060, q061, q062, q063, q064, q065, q066, q067, q068, q069, q070, q071,
        q072, q073, q074, q075, q076, q077, q078, q079, q080, q081, q082, q083, q084, q085, q086, q087, q088, q089,
        q090, q091, q092, q093, q094, q095, q096, q097, q098, q099,
    ];

    #[cfg(test)]
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
}
