//! Full-text search per dialect: PostgreSQL's tsvector and tsquery, MySQL's MATCH …
//! AGAINST over a FULLTEXT index, SQLite's FTS5 tables.

use crate::{assert_sql, text};
use mizzle_dsl::expr::{
    bm25, fts5_match, highlight, match_against, phraseto_tsquery, plainto_tsquery, to_tsquery, to_tsvector,
    ts_headline, ts_rank, ts_rank_cd, websearch_to_tsquery, Weight,
};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::schema::create_table;

mod tables {
    pub mod pg {
        use mizzle_dsl::pg::*;
        mizzle_dsl::table! {
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
    }
    pub mod my {
        use mizzle_dsl::mysql::*;
        mizzle_dsl::table! {
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
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub articles in Sqlite {
                id: Integer [primary_key],
                title: Text [not_null],
                body: Text [not_null],
            }
        }
        mizzle_dsl::table! {
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
use tables::{lite, my, pg};

#[test]
fn a_generated_tsvector_column_with_a_gin_index() {
    assert_eq!(
        create_table(pg::articles::table).unwrap(),
        "CREATE TABLE IF NOT EXISTS \"articles\" (\n  \"id\" integer PRIMARY KEY,\n  \"title\" text NOT NULL,\n  \"body\" text NOT NULL,\n  \"search\" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', title), 'A') || to_tsvector('english', body)) STORED\n);\nCREATE INDEX \"articles_search_idx\" ON \"articles\" USING gin (\"search\");"
    );
}

#[test]
fn postgres_searches_ranks_and_highlights() {
    let query = websearch_to_tsquery("english", "engines -steam");
    let rows = select((
        pg::articles::id,
        ts_rank(pg::articles::search, query),
        ts_headline("english", pg::articles::body, query).options("StartSel=<mark>, StopSel=</mark>"),
    ))
    .from(pg::articles::table)
    .filter(pg::articles::search.matches(query))
    .order_by(ts_rank(pg::articles::search, query).desc())
    .limit(10);
    assert_sql(
        rows.to_sql(),
        "SELECT \"articles\".\"id\", ts_rank(\"articles\".\"search\", websearch_to_tsquery('english', $1)), ts_headline('english', \"articles\".\"body\", websearch_to_tsquery('english', $2), $3) FROM \"articles\" WHERE (\"articles\".\"search\" @@ websearch_to_tsquery('english', $4)) ORDER BY ts_rank(\"articles\".\"search\", websearch_to_tsquery('english', $5)) DESC LIMIT 10",
        &[
            text("engines -steam"),
            text("engines -steam"),
            text("StartSel=<mark>, StopSel=</mark>"),
            text("engines -steam"),
            text("engines -steam"),
        ],
    );
}

#[test]
fn postgres_builds_vectors_and_queries() {
    let vector = to_tsvector("english", pg::articles::title)
        .setweight(Weight::A)
        .append(to_tsvector("simple", pg::articles::body));
    let query = select((
        ts_rank_cd(vector, to_tsquery("english", "fat & (rat | cat)")),
        pg::articles::search.matches(plainto_tsquery("english", "fat rats")),
        pg::articles::search.matches(phraseto_tsquery("english", "fat rats")),
    ))
    .from(pg::articles::table);
    assert_sql(
        query.to_sql(),
        "SELECT ts_rank_cd((setweight(to_tsvector('english', \"articles\".\"title\"), 'A') || to_tsvector('simple', \"articles\".\"body\")), to_tsquery('english', $1)), (\"articles\".\"search\" @@ plainto_tsquery('english', $2)), (\"articles\".\"search\" @@ phraseto_tsquery('english', $3)) FROM \"articles\"",
        &[text("fat & (rat | cat)"), text("fat rats"), text("fat rats")],
    );
}

#[test]
fn a_configuration_name_is_a_name_or_an_error() {
    let query = select(to_tsvector("english'); DROP TABLE articles; --", pg::articles::body)).from(pg::articles::table);
    let error = query.to_sql().unwrap_err();
    assert!(
        error.to_string().contains("is not a text search configuration name"),
        "{error}"
    );
}

#[test]
fn mysql_matches_against_a_fulltext_index() {
    assert_eq!(
        create_table(my::articles::table).unwrap(),
        "CREATE TABLE `articles` (\n  `id` int PRIMARY KEY NOT NULL,\n  `title` varchar(200) NOT NULL,\n  `body` text NOT NULL\n);\nCREATE FULLTEXT INDEX `articles_text_idx` ON `articles` (`title`, `body`);"
    );
    let search = || match_against((my::articles::title, my::articles::body), "engines");
    assert_sql(
        select((my::articles::id, search().relevance()))
            .from(my::articles::table)
            .filter(search())
            .order_by(search().relevance().desc())
            .to_sql(),
        "SELECT `articles`.`id`, MATCH (`articles`.`title`, `articles`.`body`) AGAINST (? IN NATURAL LANGUAGE MODE) FROM `articles` WHERE MATCH (`articles`.`title`, `articles`.`body`) AGAINST (? IN NATURAL LANGUAGE MODE) ORDER BY MATCH (`articles`.`title`, `articles`.`body`) AGAINST (? IN NATURAL LANGUAGE MODE) DESC",
        &[text("engines"), text("engines"), text("engines")],
    );
    assert_sql(
        select(my::articles::id)
            .from(my::articles::table)
            .filter(match_against(my::articles::body, "+engines -steam").boolean_mode())
            .to_sql(),
        "SELECT `articles`.`id` FROM `articles` WHERE MATCH (`articles`.`body`) AGAINST (? IN BOOLEAN MODE)",
        &[text("+engines -steam")],
    );
}

#[test]
fn sqlite_declares_an_fts5_table_fed_by_triggers() {
    assert_eq!(
        create_table(lite::articles_fts::table).unwrap(),
        "CREATE VIRTUAL TABLE IF NOT EXISTS `articles_fts` USING fts5(`title`, `body`, content = 'articles', content_rowid = 'id', tokenize = 'porter unicode61');\n\
         CREATE TRIGGER IF NOT EXISTS `articles_fts_ai` AFTER INSERT ON `articles` BEGIN INSERT INTO `articles_fts`(rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`); END;\n\
         CREATE TRIGGER IF NOT EXISTS `articles_fts_ad` AFTER DELETE ON `articles` BEGIN INSERT INTO `articles_fts`(`articles_fts`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`); END;\n\
         CREATE TRIGGER IF NOT EXISTS `articles_fts_au` AFTER UPDATE ON `articles` BEGIN INSERT INTO `articles_fts`(`articles_fts`, rowid, `title`, `body`) VALUES ('delete', old.`id`, old.`title`, old.`body`); INSERT INTO `articles_fts`(rowid, `title`, `body`) VALUES (new.`id`, new.`title`, new.`body`); END;\n\
         INSERT INTO `articles_fts`(`articles_fts`) VALUES ('rebuild');"
    );
    assert_eq!(
        mizzle_dsl::schema::drop_table(lite::articles_fts::table),
        "DROP TRIGGER IF EXISTS `articles_fts_ai`;\nDROP TRIGGER IF EXISTS `articles_fts_ad`;\nDROP TRIGGER IF EXISTS `articles_fts_au`;\nDROP TABLE IF EXISTS `articles_fts`;"
    );
}

#[test]
fn sqlite_matches_ranks_and_highlights_an_fts5_table() {
    let query = select((
        lite::articles::title,
        highlight(lite::articles_fts::body, "<b>", "</b>"),
        bm25(lite::articles_fts::table),
    ))
    .from(lite::articles_fts::table)
    .inner_join(lite::articles::table, lite::articles::id.eq(lite::articles_fts::rowid))
    .filter(fts5_match(lite::articles_fts::table, "engine*"))
    .order_by(bm25(lite::articles_fts::table).asc());
    assert_sql(
        query.to_sql(),
        "SELECT \"articles\".\"title\", highlight(\"articles_fts\", 1, ?, ?), bm25(\"articles_fts\") FROM \"articles_fts\" INNER JOIN \"articles\" ON \"articles\".\"id\" = \"articles_fts\".\"rowid\" WHERE \"articles_fts\" MATCH ? ORDER BY bm25(\"articles_fts\") ASC",
        &[text("<b>"), text("</b>"), text("engine*")],
    );
}

#[test]
fn fulltext_indexes_are_mysqls() {
    mod lite_fulltext {
        use mizzle_dsl::sqlite::*;
        mizzle_dsl::table! {
            pub notes in Sqlite {
                id: Integer [primary_key],
                body: Text,
            }
            define |t| {
                t.index("notes_body_idx").fulltext().on(body);
            }
        }
    }
    let error = create_table(lite_fulltext::notes::table).unwrap_err();
    assert!(error.to_string().contains("FULLTEXT indexes are MySQL's"), "{error}");
}
