//! Window functions: OVER with partitions, orders and frames, per dialect.

use crate::assert_sql;
use crate::schema::{lite, my, pg};
use mizzle_dsl::expr::{count, count_star, sum};
use mizzle_dsl::prelude::*;
use mizzle_dsl::query::select;
use mizzle_dsl::types::Value;
use mizzle_dsl::window::{
    cume_dist, dense_rank, first_value, lag, last_value, lead, ntile, percent_rank, rank, row_number, window,
    FrameBound, FrameExclusion,
};

#[test]
fn ranking_functions_over_a_partitioned_ordered_window() {
    use pg::posts;
    let by_author = || window().partition_by(posts::author_id).order_by(posts::likes.desc());
    assert_sql(
        select((
            posts::title,
            row_number().over(by_author()),
            rank().over(by_author()),
            dense_rank().over(by_author()),
            percent_rank().over(by_author()),
            cume_dist().over(by_author()),
            ntile(4).over(by_author()),
        ))
        .from(posts::table)
        .to_sql(),
        r#"SELECT "posts"."title", row_number() OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), rank() OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), dense_rank() OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), percent_rank() OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), cume_dist() OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), ntile(4) OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC) FROM "posts""#,
        &[],
    );
}

#[test]
fn lag_and_lead_take_an_offset_and_a_default_as_a_parameter() {
    use lite::posts;
    let by_id = || window().order_by(posts::id);
    assert_sql(
        select((
            lag(posts::likes).over(by_id()),
            lead(posts::title).offset(2).default_to("none").over(by_id()),
        ))
        .from(posts::table)
        .to_sql(),
        r#"SELECT lag("posts"."likes", 1) OVER (ORDER BY "posts"."id"), lead("posts"."title", 2, ?) OVER (ORDER BY "posts"."id") FROM "posts""#,
        &[Value::Text("none".into())],
    );
}

#[test]
fn mysql_windows_spell_as_the_others_do() {
    use my::posts;
    assert_sql(
        select(
            lag(posts::title)
                .offset(2)
                .over(window().partition_by(posts::author_id).order_by(posts::id)),
        )
        .from(posts::table)
        .to_sql(),
        "SELECT lag(`posts`.`title`, 2) OVER (PARTITION BY `posts`.`author_id` ORDER BY `posts`.`id`) FROM `posts`",
        &[],
    );
}

#[test]
fn aggregates_over_windows_with_frames() {
    use lite::posts;
    let running = window()
        .partition_by(posts::author_id)
        .order_by(posts::id)
        .rows(FrameBound::UnboundedPreceding, FrameBound::CurrentRow);
    let neighbours = window()
        .order_by(posts::likes)
        .groups(FrameBound::Preceding(1), FrameBound::Following(1))
        .exclude(FrameExclusion::CurrentRow);
    assert_sql(
        select((
            sum(posts::likes).over(running),
            count(posts::id).over(neighbours),
            count_star().over(window()),
            first_value(posts::title).over(window().order_by(posts::likes.desc())),
            last_value(posts::title).over(
                window()
                    .order_by(posts::likes)
                    .range(FrameBound::UnboundedPreceding, FrameBound::UnboundedFollowing),
            ),
        ))
        .from(posts::table)
        .to_sql(),
        r#"SELECT sum("posts"."likes") OVER (PARTITION BY "posts"."author_id" ORDER BY "posts"."id" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW), count("posts"."id") OVER (ORDER BY "posts"."likes" GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE CURRENT ROW), count(*) OVER (), first_value("posts"."title") OVER (ORDER BY "posts"."likes" DESC), last_value("posts"."title") OVER (ORDER BY "posts"."likes" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM "posts""#,
        &[],
    );
}

#[test]
fn a_window_may_order_by_an_aggregate_of_a_grouped_query() {
    use pg::{posts, users};
    assert_sql(
        select((
            users::name,
            count(posts::id),
            rank().over(window().order_by(count(posts::id).desc())),
        ))
        .from(users::table)
        .left_join(posts::table, posts::author_id.eq(users::id))
        .group_by(users::id)
        .to_sql(),
        r#"SELECT "users"."name", count("posts"."id"), rank() OVER (ORDER BY count("posts"."id") DESC) FROM "users" LEFT JOIN "posts" ON "posts"."author_id" = "users"."id" GROUP BY "users"."id""#,
        &[],
    );
}

#[test]
fn frames_with_only_a_frame_and_windows_in_order_by() {
    use pg::posts;
    assert_sql(
        select(posts::title)
            .from(posts::table)
            .order_by(row_number().over(window().rows(FrameBound::Preceding(3), FrameBound::CurrentRow)))
            .to_sql(),
        r#"SELECT "posts"."title" FROM "posts" ORDER BY row_number() OVER (ROWS BETWEEN 3 PRECEDING AND CURRENT ROW)"#,
        &[],
    );
}

#[test]
fn a_named_window_is_declared_once_after_having_and_read_by_name() {
    use mizzle_dsl::window::named_window;
    use pg::posts;
    let by_author = named_window(
        "by_author",
        window().partition_by(posts::author_id).order_by(posts::likes.desc()),
    );
    let everyone = named_window("everyone", window());
    assert_sql(
        select((
            posts::title,
            row_number().over_named(&by_author),
            rank().over_named(&by_author),
            count_star().over_named(&everyone),
        ))
        .from(posts::table)
        .filter(posts::likes.gt(1))
        .window(&by_author)
        .window(&everyone)
        .order_by(posts::id)
        .to_sql(),
        r#"SELECT "posts"."title", row_number() OVER "by_author", rank() OVER "by_author", count(*) OVER "everyone" FROM "posts" WHERE "posts"."likes" > $1 WINDOW "by_author" AS (PARTITION BY "posts"."author_id" ORDER BY "posts"."likes" DESC), "everyone" AS () ORDER BY "posts"."id""#,
        &[Value::I32(1)],
    );
}
