//! pgvector: vector columns, distance operators, and HNSW and IVFFlat indexes.

use crate::assert_sql;
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::schema::create_table;
use mizzle_dsl::types::{BitString, Value};

mod tables {
    use mizzle_dsl::pg::*;
    use mizzle_dsl::schema::op_class;
    mizzle_dsl::table! {
        pub items in Pg {
            id: Integer [primary_key],
            embedding: Vector<3> [not_null],
            half: HalfVec<3>,
            sparse: SparseVec<5>,
            signature: Bit<8>,
        }
        define |t| {
            t.index("items_embedding_hnsw")
                .using("hnsw")
                .on(op_class(embedding, "vector_cosine_ops"))
                .with("m", "16")
                .with("ef_construction", "64");
            t.index("items_half_ivfflat").using("ivfflat").on(op_class(half, "halfvec_l2_ops")).with("lists", "100");
        }
    }
}
use tables::items;

fn vector(text: &str) -> Value<'_> {
    Value::Text(text.into())
}

#[test]
fn vector_columns_and_their_indexes_in_the_ddl() {
    assert_eq!(
        create_table(items::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"items\" (\n  \"id\" integer PRIMARY KEY,\n  \"embedding\" vector(3) NOT NULL,\n  \"half\" halfvec(3),\n  \"sparse\" sparsevec(5),\n  \"signature\" bit(8)\n);\n\
         CREATE INDEX \"items_embedding_hnsw\" ON \"items\" USING \"hnsw\" (\"embedding\" vector_cosine_ops) WITH (m=16, ef_construction=64);\n\
         CREATE INDEX \"items_half_ivfflat\" ON \"items\" USING \"ivfflat\" (\"half\" halfvec_l2_ops) WITH (lists=100);"
    );
}

#[test]
fn the_nearest_neighbours_ordered_by_distance() {
    let query = select((items::id, items::embedding.cosine_distance(vec![0.1f32, 0.2, 0.3])))
        .from(items::table)
        .order_by(items::embedding.l2_distance(vec![0.1f32, 0.2, 0.3]).asc())
        .limit(5);
    assert_sql(
        query.to_sql(),
        "SELECT \"items\".\"id\", (\"items\".\"embedding\" <=> $1) FROM \"items\" ORDER BY (\"items\".\"embedding\" <-> $2) ASC LIMIT 5",
        &[vector("[0.1,0.2,0.3]"), vector("[0.1,0.2,0.3]")],
    );
}

#[test]
fn every_distance_operator() {
    let q = || vec![1.0f32, 0.0, 0.0];
    let bits = || "10101010".parse::<BitString>().unwrap();
    let query = select((
        items::embedding.negative_inner_product(q()),
        items::embedding.l1_distance(q()),
        items::half.l2_distance(q()),
        items::signature.hamming_distance(bits()),
        items::signature.jaccard_distance(bits()),
    ))
    .from(items::table);
    assert_sql(
        query.to_sql(),
        "SELECT (\"items\".\"embedding\" <#> $1), (\"items\".\"embedding\" <+> $2), (\"items\".\"half\" <-> $3), (\"items\".\"signature\" <~> $4), (\"items\".\"signature\" <%> $5) FROM \"items\"",
        &[vector("[1,0,0]"), vector("[1,0,0]"), vector("[1,0,0]"), vector("10101010"), vector("10101010")],
    );
}
