//! Full-text search on the real servers: PostgreSQL's tsvector with a GIN index, MySQL's
//! FULLTEXT index, SQLite's FTS5 table fed by triggers. Results ranked by relevance.

mod tables {
    pub mod pg {
        use mizzle::pg::*;
        mizzle::table! {
            pub articles in Pg {
                id: Integer [primary_key],
                title: Text [not_null],
                body: Text [not_null],
                search: TsVector [generated_stored("setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)")],
            }
            define |t| {
                t.index("articles_search_idx").using("gin").on(search);
            }
        }
        mizzle::table! {
            pub saved_searches in Pg {
                id: Integer [primary_key],
                query: TsQuery [not_null],
                vector: TsVector,
            }
        }
    }
    pub mod my {
        use mizzle::mysql::*;
        mizzle::table! {
            pub articles in MySql {
                id: Int [primary_key],
                title: Varchar<200> [not_null],
                body: Text [not_null],
            }
            define |t| {
                t.index("articles_text_idx").fulltext().on((title, body));
            }
        }
    }
    pub mod lite {
        use mizzle::sqlite::*;
        mizzle::table! {
            pub articles in Sqlite {
                id: Integer [primary_key],
                title: Text [not_null],
                body: Text [not_null],
            }
        }
        mizzle::table! {
            pub articles_fts in Sqlite {
                rowid: Integer [primary_key],
                title: Text,
                body: Text,
            }
            define |t| {
                t.fts5().content(articles::id).tokenize("porter unicode61");
            }
        }
    }
}

/// Three articles: one about engines in its title, one that mentions them in passing, one
/// about something else.
const ARTICLES: [(i32, &str, &str); 3] = [
    (
        1,
        "Analytical engines",
        "Babbage designed engines that compute tables of numbers.",
    ),
    (
        2,
        "Navigation",
        "Ships were steered by tables; later, steam engines moved them.",
    ),
    (
        3,
        "Compilers",
        "A compiler translates programs written by people into machine code.",
    ),
];

#[tokio::test]
async fn postgres_ranks_title_matches_first_and_highlights_them() {
    use mizzle::expr::{to_tsquery, ts_headline, ts_rank, websearch_to_tsquery};
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use tables::pg::{articles, saved_searches};
    let ddl = [
        create_table(articles::table).unwrap(),
        create_table(saved_searches::table).unwrap(),
    ];
    let Some(db) = crate::support::pg("text_search", &ddl).await else {
        return;
    };
    for (id, title, body) in ARTICLES {
        insert(articles::table)
            .values((articles::id.to(id), articles::title.to(title), articles::body.to(body)))
            .execute(&db)
            .await
            .unwrap();
    }
    let query = websearch_to_tsquery("english", "engines -compiler");
    let found = select((
        articles::id,
        ts_headline("english", articles::body, query).options("StartSel=[, StopSel=]"),
    ))
    .from(articles::table)
    .filter(articles::search.matches(query))
    .order_by(ts_rank(articles::search, query).desc())
    .all(&db)
    .await
    .unwrap();
    assert_eq!(
        found,
        [
            (
                1,
                "Babbage designed [engines] that compute tables of numbers.".to_owned()
            ),
            (
                2,
                "Ships were steered by tables; later, steam [engines] moved them.".to_owned()
            ),
        ]
    );
    // The vector a generated column holds reads back as PostgreSQL prints it.
    let vector = select(articles::search)
        .from(articles::table)
        .filter(articles::id.eq(3))
        .get(&db)
        .await
        .unwrap();
    assert_eq!(
        vector.flatten().as_deref(),
        Some("'code':11 'compil':1A,3 'machin':10 'peopl':8 'program':5 'translat':4 'written':6")
    );
    // tsquery and tsvector values go in as text and come back as PostgreSQL prints them.
    let texts = [
        "'fat' & ( 'rat' | 'cat' )",
        "!'fat' & 'rat':*A <-> 'cat' <2> 'dog'",
        "'it''s' | 'back\\\\slash'",
    ];
    for (id, text) in (1..).zip(texts) {
        insert(saved_searches::table)
            .values((
                saved_searches::id.to(id),
                saved_searches::query.to(text),
                saved_searches::vector.to(Some("'fat':2A 'rat':3,5C 'it''s'")),
            ))
            .execute(&db)
            .await
            .unwrap();
    }
    let stored = select((
        saved_searches::query,
        mizzle::sql::<mizzle::types::Text>("query::text"),
        saved_searches::vector,
        mizzle::sql::<mizzle::types::Text>("vector::text"),
    ))
    .from(saved_searches::table)
    .order_by(saved_searches::id.asc())
    .all(&db)
    .await
    .unwrap();
    for (decoded, printed, vector, vector_printed) in stored {
        assert_eq!(decoded, printed);
        assert_eq!(vector, Some(vector_printed));
    }
    // A query built by the parser reads back too.
    let parsed = select(to_tsquery("english", "!fats & (rats | cats) <-> dogs:*"))
        .from(articles::table)
        .limit(1)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(parsed.as_deref(), Some("!'fat' & ( 'rat' | 'cat' ) <-> 'dog':*"));
}

#[tokio::test]
async fn mysql_matches_against_its_fulltext_index_by_relevance() {
    use mizzle::expr::match_against;
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use tables::my::articles;
    let Some(db) = crate::support::mysql("text_search", &[create_table(articles::table).unwrap()]).await else {
        return;
    };
    for (id, title, body) in ARTICLES {
        insert(articles::table)
            .values((articles::id.to(id), articles::title.to(title), articles::body.to(body)))
            .execute(&db)
            .await
            .unwrap();
    }
    let search = || match_against((articles::title, articles::body), "engines");
    let found = select(articles::id)
        .from(articles::table)
        .filter(search())
        .order_by(search().relevance().desc())
        .all(&db)
        .await
        .unwrap();
    assert_eq!(found, [1, 2]);
    let without_steam = select(articles::id)
        .from(articles::table)
        .filter(match_against((articles::title, articles::body), "+engines -steam").boolean_mode())
        .all(&db)
        .await
        .unwrap();
    assert_eq!(without_steam, [1]);
}

#[tokio::test]
async fn sqlite_searches_an_fts5_table_its_triggers_keep_current() {
    use mizzle::expr::{bm25, fts5_match, highlight};
    use mizzle::prelude::*;
    use mizzle::{create_table, delete, insert, select, update};
    use tables::lite::{articles, articles_fts};
    let Some(db) = crate::support::sqlite("text_search", &[create_table(articles::table).unwrap()]).await else {
        return;
    };
    let add = async |(id, title, body): (i32, &str, &str)| {
        insert(articles::table)
            .values((
                articles::id.to(i64::from(id)),
                articles::title.to(title),
                articles::body.to(body),
            ))
            .execute(&db)
            .await
            .unwrap();
    };
    // The first article is there before the index: the index is built from it.
    add(ARTICLES[0]).await;
    db.execute_sql(&create_table(articles_fts::table).unwrap())
        .await
        .unwrap();
    for article in ARTICLES.into_iter().skip(1) {
        add(article).await;
    }
    let search = |query: &'static str| {
        select((articles::id, highlight(articles_fts::title, "[", "]")))
            .from(articles_fts::table)
            .inner_join(articles::table, articles::id.eq(articles_fts::rowid))
            .filter(fts5_match(articles_fts::table, query))
            .order_by(bm25(articles_fts::table).asc())
    };
    let found = search("engine").all(&db).await.unwrap();
    assert_eq!(
        found,
        [
            (1, Some("Analytical [engines]".to_owned())),
            (2, Some("Navigation".to_owned()))
        ]
    );
    // Writes to the content table reach the index through its triggers.
    update(articles::table)
        .set(articles::body.to("Ships were steered by the stars."))
        .filter(articles::id.eq(2))
        .execute(&db)
        .await
        .unwrap();
    delete(articles::table)
        .filter(articles::id.eq(1))
        .execute(&db)
        .await
        .unwrap();
    assert!(search("engine").all(&db).await.unwrap().is_empty());
    assert_eq!(
        search("star").all(&db).await.unwrap(),
        [(2, Some("Navigation".to_owned()))]
    );
}
