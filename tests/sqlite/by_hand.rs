//! A table declared without `table!`: every trait impl written out, then queried.

use mizzle::dialect::Sqlite;
use mizzle::prelude::*;
use mizzle::query::{TableColumns, TableRow};
use mizzle::render::SqlWriter;
use mizzle::row::{decode_column, RawRow, RowError};
use mizzle::schema::{ColumnInfo, Constraints, HasDefault, NoDefault};
use mizzle::sqlite::{Database, Integer, Text};
use mizzle::types::{BigInt, NotNull, Null};
use mizzle::{create_table, from, insert, select};

/// The names follow what `table!` writes: lower-case types, like Diesel's.
#[allow(non_camel_case_types)]
mod tags {
    use super::*;

    /// The table.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct table;

    impl Table for table {
        const NAME: &'static str = "tags";
        type Dialect = Sqlite;
        type AllColumns = (id, label);
        type Row = Row;
        fn columns() -> Vec<ColumnInfo> {
            vec![id::info(), label::info()]
        }
    }

    /// `id integer primary key autoincrement`.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct id;

    impl mizzle::expr::Expression for id {
        type SqlType = BigInt;
        type Nullability = NotNull;
        type Value = i64;
    }

    impl Column for id {
        type Table = table;
        type Type = Integer;
        type Default = HasDefault;
        const NAME: &'static str = "id";
        fn constraints() -> Constraints {
            Constraints::new().primary_key().autoincrement()
        }
    }

    impl<ST> mizzle::expr::AsExpression<ST> for id
    where
        BigInt: mizzle::types::SameType<ST>,
    {
        type Expr = id;
        fn into_expression(self) -> id {
            self
        }
    }

    /// `label text`, nullable, no default.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct label;

    impl mizzle::expr::Expression for label {
        type SqlType = mizzle::types::Text;
        type Nullability = Null;
        type Value = String;
    }

    impl Column for label {
        type Table = table;
        type Type = Text;
        type Default = NoDefault;
        const NAME: &'static str = "label";
    }

    /// Inserts and updates may write it (a generated column would leave this out).
    impl mizzle::query::Writable for label {}

    /// A whole row.
    #[derive(Debug, Clone, PartialEq)]
    pub struct Row {
        pub id: i64,
        pub label: Option<String>,
    }

    impl TableColumns for Row {
        const WIDTH: usize = 2;
        fn render_columns<D: mizzle::dialect::Dialect>(qualifier: &'static str, out: &mut SqlWriter<'_, D>) {
            for (i, name) in ["id", "label"].into_iter().enumerate() {
                if i > 0 {
                    out.push_sql(", ");
                }
                out.push_ident(qualifier);
                out.push_sql(".");
                out.push_ident(name);
            }
        }
    }

    impl TableRow<Sqlite> for Row {
        fn decode<R: RawRow<Sqlite>>(row: &mut R, index: &mut usize) -> Result<Self, RowError> {
            let row = Row {
                id: decode_column::<i64, BigInt, NotNull, Sqlite, R>(row, *index)?,
                label: decode_column::<String, mizzle::types::Text, Null, Sqlite, R>(row, *index + 1)?,
            };
            *index += 2;
            Ok(row)
        }
    }
}

#[test]
fn a_table_declared_by_hand_works_like_one_from_the_macro() {
    let db = Database::open_in_memory().unwrap();
    db.execute_sql(&create_table(tags::table).unwrap()).unwrap();
    insert(tags::table).values(tags::label.to("rust")).execute(&db).unwrap();
    insert(tags::table)
        .values(tags::label.to(None::<String>))
        .execute(&db)
        .unwrap();
    assert_eq!(
        from(tags::table).order_by(tags::id).all(&db).unwrap(),
        vec![
            tags::Row {
                id: 1,
                label: Some("rust".into())
            },
            tags::Row { id: 2, label: None }
        ]
    );
    assert_eq!(
        select(tags::label)
            .from(tags::table)
            .filter(tags::id.eq(1))
            .get(&db)
            .unwrap(),
        Some(Some("rust".to_owned()))
    );
}
