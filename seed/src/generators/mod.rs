//! Generators: what makes the values of one column, typed by the column's SQL type, so a
//! generator of text cannot be given to an integer column. [`defaults`] picks one per
//! column from its name and type when none is given.

pub mod defaults;
mod words;

use crate::rng::Rng;
use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use mizzle_dsl::types::{self as st, ParamKind, SqlType, Value};
use std::marker::PhantomData;
use std::sync::Arc;
use words::*;

/// The function a generator runs: the stream, and the row's number.
type MakeFn = dyn Fn(&mut Rng, u64) -> Value<'static> + Send + Sync;

/// Makes values of SQL type `ST`, one per row.
pub struct Gen<ST> {
    pub(crate) make: Arc<MakeFn>,
    pub(crate) unique: bool,
    sql_type: PhantomData<ST>,
}

impl<ST> Clone for Gen<ST> {
    fn clone(&self) -> Self {
        Gen {
            make: self.make.clone(),
            unique: self.unique,
            sql_type: PhantomData,
        }
    }
}

impl<ST> std::fmt::Debug for Gen<ST> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gen")
            .field("unique", &self.unique)
            .finish_non_exhaustive()
    }
}

impl<ST> Gen<ST> {
    /// A generator of the values `make` returns for each row.
    pub fn new(make: impl Fn(&mut Rng, u64) -> Value<'static> + Send + Sync + 'static) -> Self {
        Gen {
            make: Arc::new(make),
            unique: false,
            sql_type: PhantomData,
        }
    }

    /// The same values, never twice in one table: a repeat is drawn again, and a domain too
    /// small for the count is an error naming the column.
    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }

    /// The value for row `row`.
    pub fn value(&self, rng: &mut Rng, row: u64) -> Value<'static> {
        (self.make)(rng, row)
    }

    /// The same values, each `NULL` with probability `p`.
    pub fn or_null(self, p: f64) -> Self {
        let make = self.make.clone();
        Gen::new(move |rng, row| if rng.unit() < p { Value::Null } else { make(rng, row) })
    }
}

fn text<ST>(make: impl Fn(&mut Rng, u64) -> String + Send + Sync + 'static) -> Gen<ST> {
    Gen::new(move |rng, row| Value::Text(make(rng, row).into()))
}

/// `N` words of lorem ipsum, space separated.
fn lorem(rng: &mut Rng, n: usize) -> String {
    (0..n).map(|_| *rng.pick(LOREM)).collect::<Vec<_>>().join(" ")
}

/// First names.
pub fn first_name() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(FIRST_NAMES)).to_owned())
}

/// Last names.
pub fn last_name() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(LAST_NAMES)).to_owned())
}

/// Full names: a first and a last name.
pub fn full_name() -> Gen<st::Text> {
    text(|rng, _| format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)))
}

/// E-mail addresses, unique per row (the row's number is in them).
pub fn email() -> Gen<st::Text> {
    text(|rng, row| {
        format!(
            "{}.{}{row}@{}",
            rng.pick(FIRST_NAMES).to_lowercase(),
            rng.pick(LAST_NAMES).to_lowercase().replace([' ', '-'], ""),
            rng.pick(DOMAINS)
        )
    })
    .unique()
}

/// User names, unique per row.
pub fn username() -> Gen<st::Text> {
    text(|rng, row| format!("{}_{row}", rng.pick(FIRST_NAMES).to_lowercase())).unique()
}

/// Phone numbers: `+<country> <digits>`.
pub fn phone() -> Gen<st::Text> {
    text(|rng, _| {
        format!(
            "+{} {:03} {:03} {:04}",
            rng.between(1, 99),
            rng.between(100, 999),
            rng.between(0, 999),
            rng.between(0, 9999)
        )
    })
}

/// Company names.
pub fn company() -> Gen<st::Text> {
    text(|rng, _| format!("{} {}", rng.pick(COMPANY_WORDS), rng.pick(COMPANY_SUFFIXES)))
}

/// Job titles.
pub fn job_title() -> Gen<st::Text> {
    text(|rng, _| {
        let level = *rng.pick(&["Junior", "Senior", "Lead", "Principal", "Staff", ""]);
        let title = *rng.pick(JOB_TITLES);
        if level.is_empty() {
            title.to_owned()
        } else {
            format!("{level} {title}")
        }
    })
}

/// Country names.
pub fn country() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(COUNTRIES)).to_owned())
}

/// City names.
pub fn city() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(CITIES)).to_owned())
}

/// State and region names.
pub fn state() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(STATES)).to_owned())
}

/// Street addresses: a number and a street.
pub fn street_address() -> Gen<st::Text> {
    text(|rng, _| {
        format!(
            "{} {} {}",
            rng.between(1, 999),
            rng.pick(STREETS),
            rng.pick(STREET_KINDS)
        )
    })
}

/// Postcodes of five digits.
pub fn postcode() -> Gen<st::Text> {
    text(|rng, _| format!("{:05}", rng.between(0, 99_999)))
}

/// One lorem ipsum word.
pub fn word() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(LOREM)).to_owned())
}

/// A lorem ipsum sentence of 4 to 12 words.
pub fn sentence() -> Gen<st::Text> {
    text(|rng, _| {
        let n = rng.between(4, 12) as usize;
        let mut s = lorem(rng, n);
        if let Some(first) = s.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        s.push('.');
        s
    })
}

/// A lorem ipsum paragraph of 3 to 6 sentences.
pub fn paragraph() -> Gen<st::Text> {
    let sentences = sentence();
    text(move |rng, row| {
        let n = rng.between(3, 6);
        (0..n)
            .map(|_| match sentences.value(rng, row) {
                Value::Text(s) => s.into_owned(),
                _ => String::new(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// URLs on example domains.
pub fn url() -> Gen<st::Text> {
    text(|rng, _| format!("https://{}/{}", rng.pick(DOMAINS), rng.pick(LOREM)))
}

/// IPv4 addresses.
pub fn ipv4() -> Gen<st::Text> {
    text(|rng, _| {
        format!(
            "{}.{}.{}.{}",
            rng.between(1, 254),
            rng.between(0, 255),
            rng.between(0, 255),
            rng.between(1, 254)
        )
    })
}

/// IPv6 addresses in the documentation range.
pub fn ipv6() -> Gen<st::Text> {
    text(|rng, _| {
        let groups: Vec<String> = (0..6).map(|_| format!("{:x}", rng.between(0, 0xffff))).collect();
        format!("2001:db8:{}", groups.join(":"))
    })
}

/// Color names.
pub fn color() -> Gen<st::Text> {
    text(|rng, _| (*rng.pick(COLORS)).to_owned())
}

/// Colors as `#rrggbb`.
pub fn hex_color() -> Gen<st::Text> {
    text(|rng, _| format!("#{:06x}", rng.between(0, 0xff_ffff)))
}

/// Text that is `prefix` and the row's number: unique.
pub fn text_sequence(prefix: &'static str) -> Gen<st::Text> {
    text(move |_, row| format!("{prefix}{}", row + 1)).unique()
}

/// One of `items`.
pub fn one_of(items: &'static [&'static str]) -> Gen<st::Text> {
    text(move |rng, _| (*rng.pick(items)).to_owned())
}

/// One of `items`, each drawn in proportion to its weight.
pub fn weighted(items: &'static [(&'static str, u32)]) -> Gen<st::Text> {
    let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum::<u64>().max(1);
    text(move |rng, _| {
        let mut at = rng.below(total);
        for (item, weight) in items {
            if at < u64::from(*weight) {
                return (*item).to_owned();
            }
            at -= u64::from(*weight);
        }
        items.first().map_or_else(String::new, |(item, _)| (*item).to_owned())
    })
}

/// SQL integer types, and the value variant each binds as.
pub trait IntegerSql: SqlType {}
macro_rules! integer_sql {
    ($($t:ty),*) => { $(impl IntegerSql for $t {})* };
}
integer_sql!(
    st::TinyInt,
    st::SmallInt,
    st::MediumInt,
    st::Integer,
    st::BigInt,
    st::TinyIntUnsigned,
    st::SmallIntUnsigned,
    st::MediumIntUnsigned,
    st::IntUnsigned,
    st::BigIntUnsigned,
    st::Year
);

/// `n` as the value an integer column of placeholder kind `kind` binds.
pub(crate) fn integer_value(kind: ParamKind, n: i128) -> Value<'static> {
    let ParamKind::Integer { min, max } = kind else {
        return Value::I64(n as i64);
    };
    match (min, max) {
        (-128, 127) => Value::I8(n as i8),
        (-32_768, 32_767) => Value::I16(n as i16),
        (0, 255) => Value::U8(n as u8),
        (0, 65_535) => Value::U16(n as u16),
        (min, max) if min >= 0 && max <= i128::from(u32::MAX) => Value::U32(n as u32),
        (min, max) if min >= 0 && max > i128::from(i64::MAX) => Value::U64(n as u64),
        (min, max) if min >= i128::from(i32::MIN) && max <= i128::from(i32::MAX) => Value::I32(n as i32),
        _ => Value::I64(n as i64),
    }
}

/// Integers in `min..=max`.
pub fn integers<ST: IntegerSql>(min: i64, max: i64) -> Gen<ST> {
    Gen::new(move |rng, _| integer_value(ST::PARAM, rng.between(i128::from(min), i128::from(max))))
}

/// `start`, `start + 1`… one per row: unique.
pub fn sequence<ST: IntegerSql>(start: i64) -> Gen<ST> {
    Gen::new(move |_, row| integer_value(ST::PARAM, i128::from(start) + i128::from(row))).unique()
}

/// Years in `from..=to`.
pub fn years(from: u16, to: u16) -> Gen<st::Year> {
    Gen::new(move |rng, _| Value::U16(rng.between(i128::from(from), i128::from(to)) as u16))
}

/// Floats in `min..max`.
pub fn floats(min: f64, max: f64) -> Gen<st::Double> {
    Gen::new(move |rng, _| Value::F64(min + rng.unit() * (max - min)))
}

/// Decimals in `min..=max` with `scale` digits after the point.
pub fn decimals(min: i64, max: i64, scale: u32) -> Gen<st::Numeric> {
    Gen::new(move |rng, _| {
        let factor = 10i128.pow(scale);
        let n = rng.between(i128::from(min) * factor, i128::from(max) * factor);
        Value::Decimal(rust_decimal::Decimal::from_i128_with_scale(n, scale))
    })
}

/// `true` with probability `p`.
pub fn booleans(p: f64) -> Gen<st::Bool> {
    Gen::new(move |rng, _| Value::Bool(rng.unit() < p))
}

/// Dates in `from..=to`.
pub fn dates(from: NaiveDate, to: NaiveDate) -> Gen<st::Date> {
    let days = (to - from).num_days().max(0);
    Gen::new(move |rng, _| Value::Date(from + Duration::days(rng.between(0, i128::from(days)) as i64)))
}

/// Times of day, to the second.
pub fn times() -> Gen<st::Time> {
    Gen::new(|rng, _| {
        let seconds = rng.between(0, 86_399) as u32;
        Value::Time(NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap_or_default())
    })
}

fn seconds_between(from: NaiveDateTime, to: NaiveDateTime) -> i64 {
    (to - from).num_seconds().max(0)
}

/// Dates and times in `from..=to`, to the second.
pub fn timestamps(from: NaiveDateTime, to: NaiveDateTime) -> Gen<st::Timestamp> {
    let span = seconds_between(from, to);
    Gen::new(move |rng, _| Value::Timestamp(from + Duration::seconds(rng.between(0, i128::from(span)) as i64)))
}

/// Instants in `from..=to` (UTC), to the second.
pub fn instants(from: NaiveDateTime, to: NaiveDateTime) -> Gen<st::TimestampTz> {
    let span = seconds_between(from, to);
    Gen::new(move |rng, _| {
        let at = from + Duration::seconds(rng.between(0, i128::from(span)) as i64);
        Value::TimestampTz(Utc.from_utc_datetime(&at))
    })
}

/// Intervals of up to `max_days` days.
pub fn intervals(max_days: i32) -> Gen<st::IntervalType> {
    Gen::new(move |rng, _| {
        Value::Interval(mizzle_dsl::types::Interval {
            months: 0,
            days: rng.between(0, i128::from(max_days)) as i32,
            microseconds: rng.between(0, 86_399_999_999) as i64,
        })
    })
}

/// Random (version 4) UUIDs drawn from the stream: the same on every run.
pub fn uuids() -> Gen<st::Uuid> {
    Gen::new(|rng, _| {
        let bits = (u128::from(rng.next_u64()) << 64) | u128::from(rng.next_u64());
        Value::Uuid(uuid::Builder::from_random_bytes(bits.to_be_bytes()).into_uuid())
    })
}

/// JSON documents that `make` builds.
pub fn json<T: 'static>(make: impl Fn(&mut Rng, u64) -> serde_json::Value + Send + Sync + 'static) -> Gen<st::Json<T>> {
    Gen::new(move |rng, row| Value::Json(make(rng, row).to_string().into()))
}

/// JSON documents of a serde type `T`, which `make` builds: for a `Json<T>` column.
pub fn json_of<T: serde::Serialize + 'static>(
    make: impl Fn(&mut Rng, u64) -> T + Send + Sync + 'static,
) -> Gen<st::Json<T>> {
    Gen::new(move |rng, row| {
        let value = serde_json::to_value(make(rng, row)).unwrap_or(serde_json::Value::Null);
        Value::Json(value.to_string().into())
    })
}

/// Bytes, `len` of them.
pub fn bytes(len: usize) -> Gen<st::Bytes> {
    Gen::new(move |rng, _| Value::Bytes((0..len).map(|_| rng.below(256) as u8).collect::<Vec<u8>>().into()))
}

/// Members of enum `E`, as its SQL spelling.
pub fn members<E: mizzle_dsl::types::SqlEnum>() -> Gen<st::Enum<E>> {
    Gen::new(|rng, _| Value::Text((*rng.pick(E::MEMBERS)).into()))
}
