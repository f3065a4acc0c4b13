use mizzle::prelude::*;
use mizzle::window::{lag, window, FrameBound, FrameExclusion};
use mizzle_compile_fail_tests::my::users;

fn main() {
    let rows = window().order_by(users::id).rows(FrameBound::Preceding(1), FrameBound::CurrentRow);
    let fine = mizzle::select(mizzle::count(users::id).over(rows)).from(users::table).to_sql();
    // MariaDB frames are ROWS or RANGE, without EXCLUDE.
    let groups = window().order_by(users::id).groups(FrameBound::Preceding(1), FrameBound::CurrentRow);
    let by_groups = mizzle::select(mizzle::count(users::id).over(groups)).from(users::table).to_sql();
    let excluding = window()
        .order_by(users::id)
        .rows(FrameBound::Preceding(1), FrameBound::Following(1))
        .exclude(FrameExclusion::CurrentRow);
    let without_self = mizzle::select(mizzle::count(users::id).over(excluding)).from(users::table).to_sql();
    // MariaDB's lag takes no default.
    let before = lag(users::name).default_to("none").over(window().order_by(users::id));
    let with_default = mizzle::select(before).from(users::table).to_sql();
    let _ = (fine, by_groups, without_self, with_default);
}
