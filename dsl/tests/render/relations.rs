//! Relational queries: one statement per query, its joins, and the order that regroups it.

use mizzle_dsl::prelude::*;
use mizzle_dsl::relation::{find_first, find_many};

pub mod blog {
    use mizzle_dsl::sqlite::*;
    mizzle_dsl::table! {
        pub users in Sqlite {
            id: Integer [primary_key],
            name: Text [not_null],
            invited_by: Integer [references(users::id)],
        }
    }
    mizzle_dsl::table! {
        pub posts in Sqlite {
            id: Integer [primary_key],
            author_id: Integer [not_null, references(users::id)],
            title: Text [not_null],
        }
    }
    mizzle_dsl::table! {
        pub comments in Sqlite {
            id: Integer [primary_key],
            post_id: Integer [not_null, references(posts::id)],
            body: Text [not_null],
        }
    }
    mizzle_dsl::table! {
        pub tags in Sqlite { id: Integer [primary_key], label: Text [not_null] }
    }
    mizzle_dsl::table! {
        pub post_tags in Sqlite { post_id: Integer [not_null], tag_id: Integer [not_null] }
    }
    mizzle_dsl::relations! {
        /// A post's tags, through `post_tags`.
        pub tagged: posts::table => many(tags::table) through(post_tags::table)
            on (posts::id = post_tags::post_id) and (post_tags::tag_id = tags::id);
        /// A user's posts.
        pub user_posts: users::table => many(posts::table) on (users::id = posts::author_id);
        /// A post's author.
        pub post_author: posts::table => one(users::table) on (posts::author_id = users::id);
        /// A post's comments.
        pub post_comments: posts::table => many(comments::table) on (posts::id = comments::post_id);
        /// Who invited a user: a relation of the table to itself.
        pub inviter: users::table => optional(users::table) on (users::invited_by = users::id);
    }
}

use blog::{inviter, post_author, post_comments, user_posts, users};

#[test]
fn nested_relations_are_left_joins_ordered_by_each_levels_key() {
    let query = find_many(users::table).with(user_posts.with(post_comments).with(post_author));
    let rendered = query.to_sql().unwrap();
    assert_eq!(
        rendered.sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", \
         \"t1\".\"id\", \"t1\".\"author_id\", \"t1\".\"title\", \
         \"t2\".\"id\", \"t2\".\"post_id\", \"t2\".\"body\", \
         \"t3\".\"id\", \"t3\".\"name\", \"t3\".\"invited_by\" \
         FROM \"users\" \
         LEFT JOIN \"posts\" AS \"t1\" ON \"t1\".\"author_id\" = \"users\".\"id\" \
         LEFT JOIN \"comments\" AS \"t2\" ON \"t2\".\"post_id\" = \"t1\".\"id\" \
         LEFT JOIN \"users\" AS \"t3\" ON \"t3\".\"id\" = \"t1\".\"author_id\" \
         ORDER BY \"users\".\"id\", \"t1\".\"id\", \"t2\".\"id\", \"t3\".\"id\""
    );
    assert!(rendered.binds.is_empty());
}

#[test]
fn a_filter_order_and_limit_apply_to_the_rows_of_the_queried_table_before_the_joins() {
    let query = find_first(users::table)
        .filter(users::name.ne("nobody"))
        .order_by(users::name.desc())
        .with(inviter);
    let rendered = query.to_sql().unwrap();
    assert_eq!(
        rendered.sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", \
         \"t1\".\"id\", \"t1\".\"name\", \"t1\".\"invited_by\" \
         FROM (SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\" FROM \"users\" \
         WHERE \"users\".\"name\" <> ? ORDER BY \"users\".\"name\" DESC, \"users\".\"id\" LIMIT 1) AS \"users\" \
         LEFT JOIN \"users\" AS \"t1\" ON \"t1\".\"id\" = \"users\".\"invited_by\" \
         ORDER BY \"users\".\"name\" DESC, \"users\".\"id\", \"t1\".\"id\""
    );
    assert_eq!(rendered.binds, [mizzle_dsl::types::Value::Text("nobody".into())]);
}

#[test]
fn a_related_levels_filter_order_and_limit_apply_to_each_source_rows_related_rows() {
    use blog::posts;
    let query = find_many(users::table)
        .with(
            user_posts
                .filter(posts::title.ne("draft"))
                .order_by(posts::title.desc())
                .limit(3),
        )
        .with(inviter.filter(users::name.ne("nobody")));
    let rendered = query.to_sql().unwrap();
    assert_eq!(
        rendered.sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", \
         \"t1\".\"id\", \"t1\".\"author_id\", \"t1\".\"title\", \
         \"t2\".\"id\", \"t2\".\"name\", \"t2\".\"invited_by\" \
         FROM \"users\" \
         LEFT JOIN (SELECT \"posts\".\"id\", \"posts\".\"author_id\", \"posts\".\"title\", \
         ROW_NUMBER() OVER (PARTITION BY \"posts\".\"author_id\" ORDER BY \"posts\".\"title\" DESC, \"posts\".\"id\") AS \"mizzle_rn\" \
         FROM \"posts\" WHERE \"posts\".\"title\" <> ?) AS \"t1\" \
         ON \"t1\".\"author_id\" = \"users\".\"id\" AND \"t1\".\"mizzle_rn\" <= 3 \
         LEFT JOIN \"users\" AS \"t2\" ON \"t2\".\"id\" = \"users\".\"invited_by\" AND \"t2\".\"name\" <> ? \
         ORDER BY \"users\".\"id\", \"t1\".\"title\" DESC, \"t1\".\"id\", \"t2\".\"id\""
    );
    assert_eq!(
        rendered.binds,
        [
            mizzle_dsl::types::Value::Text("draft".into()),
            mizzle_dsl::types::Value::Text("nobody".into())
        ]
    );
}

#[test]
fn many_to_many_joins_its_junction_then_its_target() {
    use blog::{posts, tagged, tags};
    assert_eq!(
        find_many(posts::table).with(tagged).to_sql().unwrap().sql,
        "SELECT \"posts\".\"id\", \"posts\".\"author_id\", \"posts\".\"title\", \"t1\".\"id\", \"t1\".\"label\" \
         FROM \"posts\" \
         LEFT JOIN \"post_tags\" AS \"j1\" ON \"j1\".\"post_id\" = \"posts\".\"id\" \
         LEFT JOIN \"tags\" AS \"t1\" ON \"t1\".\"id\" = \"j1\".\"tag_id\" \
         ORDER BY \"posts\".\"id\", \"t1\".\"id\""
    );
    // Limited per post: the junction and the target joined inside, numbered per post.
    assert_eq!(
        find_many(posts::table).with(tagged.order_by(tags::label).limit(2)).to_sql().unwrap().sql,
        "SELECT \"posts\".\"id\", \"posts\".\"author_id\", \"posts\".\"title\", \"t1\".\"id\", \"t1\".\"label\" \
         FROM \"posts\" \
         LEFT JOIN (SELECT \"tags\".\"id\", \"tags\".\"label\", \"post_tags\".\"post_id\" AS \"mizzle_k0\", \
         ROW_NUMBER() OVER (PARTITION BY \"post_tags\".\"post_id\" ORDER BY \"tags\".\"label\", \"tags\".\"id\") AS \"mizzle_rn\" \
         FROM \"tags\" INNER JOIN \"post_tags\" ON \"post_tags\".\"tag_id\" = \"tags\".\"id\") AS \"t1\" \
         ON \"t1\".\"mizzle_k0\" = \"posts\".\"id\" AND \"t1\".\"mizzle_rn\" <= 2 \
         ORDER BY \"posts\".\"id\", \"t1\".\"label\", \"t1\".\"id\""
    );
}

#[test]
fn a_relation_count_is_a_subquery_in_the_select_list() {
    use mizzle_dsl::relation::count_of;
    assert_eq!(
        find_many(users::table).with(count_of(user_posts)).to_sql().unwrap().sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", \
         (SELECT count(*) FROM \"posts\" AS \"mizzle_counted\" WHERE \"mizzle_counted\".\"author_id\" = \"users\".\"id\") \
         FROM \"users\" ORDER BY \"users\".\"id\""
    );
}

#[test]
fn a_relations_aggregate_reads_its_target_under_the_subquerys_alias() {
    use blog::{comments, posts};
    use mizzle_dsl::expr::max;
    use mizzle_dsl::relation::aggregate_of;
    assert_eq!(
        find_many(posts::table)
            .with(aggregate_of(post_comments, max(comments::id)))
            .to_sql()
            .unwrap()
            .sql,
        "SELECT \"posts\".\"id\", \"posts\".\"author_id\", \"posts\".\"title\", \
         (SELECT max(\"mizzle_counted\".\"id\") FROM \"comments\" AS \"mizzle_counted\" WHERE \"mizzle_counted\".\"post_id\" = \"posts\".\"id\") \
         FROM \"posts\" ORDER BY \"posts\".\"id\""
    );
}

#[test]
fn relation_filters_are_exists_subqueries_keyed_to_the_row_as_its_level_names_it() {
    use blog::{comments, tagged, tags};
    use mizzle_dsl::relation::{has, has_no};
    let query = find_many(users::table)
        .filter(has(user_posts).matching(has_no(post_comments).matching(comments::body.eq("spam"))))
        .with(user_posts.filter(has(tagged).matching(tags::label.eq("rust"))))
        .filter(has(inviter));
    let rendered = query.to_sql().unwrap();
    assert_eq!(
        rendered.sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", \
         \"t1\".\"id\", \"t1\".\"author_id\", \"t1\".\"title\" \
         FROM \"users\" \
         LEFT JOIN \"posts\" AS \"t1\" ON \"t1\".\"author_id\" = \"users\".\"id\" \
         AND EXISTS (SELECT 1 FROM \"tags\" AS \"mizzle_has\" \
         INNER JOIN \"post_tags\" AS \"mizzle_has_junction\" ON \"mizzle_has_junction\".\"tag_id\" = \"mizzle_has\".\"id\" \
         WHERE \"mizzle_has_junction\".\"post_id\" = \"t1\".\"id\" AND \"mizzle_has\".\"label\" = ?) \
         WHERE (EXISTS (SELECT 1 FROM \"posts\" AS \"mizzle_has\" WHERE \"mizzle_has\".\"author_id\" = \"users\".\"id\" \
         AND NOT EXISTS (SELECT 1 FROM \"comments\" AS \"mizzle_has_2\" WHERE \"mizzle_has_2\".\"post_id\" = \"mizzle_has\".\"id\" \
         AND \"mizzle_has_2\".\"body\" = ?)) \
         AND EXISTS (SELECT 1 FROM \"users\" AS \"mizzle_has\" WHERE \"mizzle_has\".\"id\" = \"users\".\"invited_by\")) \
         ORDER BY \"users\".\"id\", \"t1\".\"id\""
    );
    assert_eq!(rendered.binds, [crate::text("rust"), crate::text("spam")]);
}

#[test]
fn picked_columns_are_fetched_with_the_key_that_tells_rows_apart() {
    use blog::posts;
    let query = find_many(users::table)
        .columns((users::name,))
        .with(user_posts.omit((posts::author_id,)))
        .filter(users::id.gt(1));
    assert_eq!(
        query.to_sql().unwrap().sql,
        "SELECT \"users\".\"name\", \"users\".\"id\", \"t1\".\"id\", \"t1\".\"title\", \"t1\".\"id\" \
         FROM \"users\" LEFT JOIN \"posts\" AS \"t1\" ON \"t1\".\"author_id\" = \"users\".\"id\" \
         WHERE \"users\".\"id\" > ? ORDER BY \"users\".\"id\", \"t1\".\"id\""
    );
}

#[derive(Debug, Clone, Copy, Default)]
struct Shout;
impl mizzle_dsl::schema::AliasName for Shout {
    const NAME: &'static str = "shout";
}

#[test]
fn extras_are_expressions_over_the_row_as_its_level_names_it() {
    use blog::posts;
    use mizzle_dsl::relation::extra;
    let query = find_many(users::table)
        .with(extra(Shout, users::name.concat("!")))
        .with(user_posts.with(extra(Shout, posts::title.concat("?"))));
    let rendered = query.to_sql().unwrap();
    assert_eq!(
        rendered.sql,
        "SELECT \"users\".\"id\", \"users\".\"name\", \"users\".\"invited_by\", (\"users\".\"name\" || ?), \
         \"t1\".\"id\", \"t1\".\"author_id\", \"t1\".\"title\", (\"t1\".\"title\" || ?) \
         FROM \"users\" LEFT JOIN \"posts\" AS \"t1\" ON \"t1\".\"author_id\" = \"users\".\"id\" \
         ORDER BY \"users\".\"id\", \"t1\".\"id\""
    );
    assert_eq!(rendered.binds, [crate::text("!"), crate::text("?")]);
}

/// Relations without `on (..)`: their keys come from the foreign keys the tables declare.
mod derived {
    use super::blog::{comments, posts, tags, users};
    mizzle_dsl::relations! {
        pub writings: users::table => many(posts::table);
        pub writer: posts::table => one(users::table);
        pub invited: users::table => many(users::table);
        pub invited_by: users::table => optional(users::table);
        pub remarks: posts::table => many(comments::table);
        pub unrelated: users::table => many(tags::table);
        pub sure_inviter: users::table => one(users::table);
        pub invitees_explicit: users::table => many(users::table) on (users::id = users::invited_by);
    }
    mizzle_dsl::table! {
        pub reviews in mizzle_dsl::dialect::Sqlite {
            id: Integer [primary_key],
            author_id: Integer [not_null, references(users::id)],
            reviewer_id: Integer [not_null, references(users::id)],
        }
    }
    use mizzle_dsl::sqlite::Integer;
    mizzle_dsl::relations! {
        pub reviewed: users::table => many(reviews::table);
    }

    /// A relation written by hand: what `relations!` writes for `on (posts::id = comments::post_id)`.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct CommentsByHand;
    impl mizzle_dsl::relation::Relation for CommentsByHand {
        const NAME: &'static str = "comments_by_hand";
        type Source = posts::table;
        type Target = comments::table;
        type Kind = mizzle_dsl::relation::Many;
        const KEYS: &'static [(&'static str, &'static str)] = &[("id", "post_id")];
    }
}

#[test]
fn relations_without_columns_join_on_the_foreign_key_between_their_tables() {
    use derived::{invited, invited_by, invitees_explicit, remarks, writer, writings, CommentsByHand};
    assert_eq!(
        find_many(users::table)
            .with(writings.with(writer))
            .with(invited_by)
            .with(invited)
            .to_sql()
            .unwrap()
            .sql,
        find_many(users::table)
            .with(user_posts.with(post_author))
            .with(inviter)
            .with(invitees_explicit)
            .to_sql()
            .unwrap()
            .sql
    );
    let derived = find_many(blog::posts::table)
        .with(remarks)
        .to_sql()
        .unwrap()
        .sql
        .into_owned();
    let by_hand = find_many(blog::posts::table)
        .with(CommentsByHand)
        .to_sql()
        .unwrap()
        .sql
        .into_owned();
    assert_eq!(derived, by_hand);
    assert_eq!(
        derived,
        "SELECT \"posts\".\"id\", \"posts\".\"author_id\", \"posts\".\"title\", \"t1\".\"id\", \"t1\".\"post_id\", \"t1\".\"body\" \
         FROM \"posts\" LEFT JOIN \"comments\" AS \"t1\" ON \"t1\".\"post_id\" = \"posts\".\"id\" \
         ORDER BY \"posts\".\"id\", \"t1\".\"id\""
    );
}

#[test]
fn a_relation_whose_foreign_key_is_missing_ambiguous_or_nullable_says_so() {
    use derived::{reviewed, sure_inviter, unrelated};
    let error = find_many(users::table)
        .with(unrelated)
        .to_sql()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("relation `unrelated` names no columns, and no foreign key joins `users` and `tags`"),
        "{error}"
    );
    let error = find_many(users::table).with(reviewed).to_sql().unwrap_err().to_string();
    assert!(
        error.contains(
            "2 foreign keys join `users` and `reviews` (id = author_id; id = reviewer_id): choose one with `on (..)`"
        ),
        "{error}"
    );
    let error = find_many(users::table)
        .with(sure_inviter)
        .to_sql()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("relation `sure_inviter` is declared `one`, but its key `users.invited_by` is nullable: declare it `optional`"),
        "{error}"
    );
}
