//! pgvector on a real server: vectors written and read back, nearest neighbours by each
//! distance, through an HNSW index. Runs where `CREATE EXTENSION vector` succeeds, and says
//! it was skipped elsewhere (no package of pgvector is available to this machine).

use mizzle::types::SparseVector;

mod tables {
    use mizzle::pg::*;
    use mizzle::schema::op_class;
    mizzle::table! {
        pub items in Pg {
            id: Integer [primary_key],
            embedding: Vector<3> [not_null],
            half: HalfVec<3> [not_null],
            sparse: SparseVec<5> [not_null],
            signature: Bit<8> [not_null],
        }
        define |t| {
            t.index("items_embedding_hnsw").using("hnsw").on(op_class(embedding, "vector_l2_ops")).with("m", "16");
        }
    }
}

#[tokio::test]
async fn nearest_neighbours_by_each_distance() {
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use tables::items;
    let Some(db) = crate::support::pg("vectors", &[]).await else {
        return;
    };
    if let Err(error) = db.execute_sql("CREATE EXTENSION IF NOT EXISTS vector").await {
        eprintln!("skipped: pgvector is not installed on this server ({error})");
        return;
    }
    db.execute_sql(&create_table(items::table).unwrap()).await.unwrap();
    let rows = [
        (1, [1.0f32, 0.0, 0.0], "10000000"),
        (2, [0.0, 1.0, 0.0], "11110000"),
        (3, [0.9, 0.1, 0.0], "10000001"),
    ];
    for (id, v, bits) in rows {
        insert(items::table)
            .values(items::New {
                id,
                embedding: v.to_vec(),
                half: v.to_vec(),
                sparse: SparseVector::from_dense(&[v[0], 0.0, v[1], 0.0, v[2]]),
                signature: bits.parse().unwrap(),
            })
            .execute(&db)
            .await
            .unwrap();
    }
    let read = select(items::table.row())
        .from(items::table)
        .filter(items::id.eq(3))
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.embedding, [0.9, 0.1, 0.0]);
    // Half precision keeps about three digits.
    assert!(
        read.half.iter().zip([0.9, 0.1, 0.0]).all(|(a, b)| (a - b).abs() < 1e-3),
        "{:?}",
        read.half
    );
    assert_eq!(read.sparse, SparseVector::from_dense(&[0.9, 0.0, 0.1, 0.0, 0.0]));
    let nearest = |order: &'static str| {
        let db = &db;
        async move {
            let query = vec![1.0f32, 0.05, 0.0];
            let q = select(items::id).from(items::table).limit(2);
            match order {
                "l2" => q.order_by(items::embedding.l2_distance(query).asc()).all(db).await,
                "cosine" => q.order_by(items::embedding.cosine_distance(query).asc()).all(db).await,
                "ip" => {
                    q.order_by(items::embedding.negative_inner_product(query).asc())
                        .all(db)
                        .await
                }
                _ => q.order_by(items::half.l1_distance(query).asc()).all(db).await,
            }
            .unwrap()
        }
    };
    assert_eq!(nearest("l2").await, [1, 3]);
    assert_eq!(nearest("cosine").await, [1, 3]);
    assert_eq!(nearest("ip").await, [1, 3]);
    assert_eq!(nearest("l1").await, [1, 3]);
    let by_bits = select(items::id)
        .from(items::table)
        .order_by(
            items::signature
                .hamming_distance("10000011".parse::<mizzle::types::BitString>().unwrap())
                .asc(),
        )
        .limit(1)
        .all(&db)
        .await
        .unwrap();
    assert_eq!(by_bits, [3]);
}
