//! The generator a column gets when none is given: from its name (`email`, `city`,
//! `created_at`…), else from its type (range, length, precision, enum members).

use super::*;
use mizzle_dsl::schema::{ColumnInfo, TypeInfo};

/// A generator with its SQL type forgotten: what the seeder keeps per column.
#[derive(Clone)]
pub struct Erased {
    pub(crate) make: Arc<MakeFn>,
    pub(crate) unique: bool,
}

impl<ST> From<Gen<ST>> for Erased {
    fn from(gen: Gen<ST>) -> Self {
        Erased {
            make: gen.make,
            unique: gen.unique,
        }
    }
}

fn erased(make: impl Fn(&mut Rng, u64) -> Value<'static> + Send + Sync + 'static) -> Erased {
    Gen::<()>::new(make).into()
}

/// The generator for `column` when the seed run gives none. `None` when mizzle cannot
/// make its values (an array); a nullable such column is left NULL.
pub fn for_column(column: &ColumnInfo) -> Option<Erased> {
    let name = column.name.to_ascii_lowercase();
    let is_text = matches!(column.type_info, TypeInfo::Text { .. });
    if is_text {
        if let Some(gen) = by_name(&name) {
            return Some(fit_text(gen, &column.type_info));
        }
    }
    by_type(&column.type_info)
}

/// A text generator for a column named `name`, when the name says what it holds.
fn by_name(name: &str) -> Option<Erased> {
    let has = |part: &str| name.contains(part);
    let gen: Gen<st::Text> = if has("email") {
        email()
    } else if has("first_name") || name == "firstname" || name == "given_name" {
        first_name()
    } else if has("last_name") || name == "lastname" || name == "surname" || name == "family_name" {
        last_name()
    } else if has("username") || name == "login" || name == "handle" || name == "nick" {
        username()
    } else if name == "name" || name == "full_name" || name == "author" || name == "owner" {
        full_name()
    } else if has("phone") || has("mobile") {
        phone()
    } else if has("company") || has("organization") || has("organisation") {
        company()
    } else if has("job") || name == "position" || name == "role_title" {
        job_title()
    } else if has("country") {
        country()
    } else if has("city") || name == "town" {
        city()
    } else if has("state") || has("region") || has("province") {
        state()
    } else if has("address") || has("street") {
        street_address()
    } else if has("zip") || has("postcode") || has("postal") {
        postcode()
    } else if has("url") || has("website") || has("homepage") || has("link") {
        url()
    } else if name == "ip" || has("ip_address") || name.ends_with("_ip") {
        ipv4()
    } else if has("color") || has("colour") {
        color()
    } else if has("description") || name == "bio" || name == "body" || has("content") || name == "about" {
        paragraph()
    } else if name == "title" || name == "subject" || name == "headline" || name == "summary" {
        sentence()
    } else if name.ends_with("name") {
        full_name()
    } else {
        return None;
    };
    Some(gen.into())
}

/// `gen`, its text cut to the column's length, in characters or in bytes of UTF-8.
fn fit_text(gen: Erased, info: &TypeInfo) -> Erased {
    let TypeInfo::Text { max_chars, max_bytes } = *info else {
        return gen;
    };
    if max_chars.is_none() && max_bytes.is_none() {
        return gen;
    }
    let fits = move |chars: usize, bytes: usize| {
        max_chars.is_none_or(|max| chars <= max as usize) && max_bytes.is_none_or(|max| bytes <= max as usize)
    };
    let make = gen.make.clone();
    Erased {
        make: Arc::new(move |rng, row| match make(rng, row) {
            Value::Text(text) if !fits(text.chars().count(), text.len()) => {
                // The longest prefix that fits: the first character past the limits ends it.
                let end = text
                    .char_indices()
                    .enumerate()
                    .find(|(chars, (at, c))| !fits(chars + 1, at + c.len_utf8()))
                    .map_or(text.len(), |(_, (at, _))| at);
                Value::Text(text[..end].to_owned().into())
            }
            other => other,
        }),
        unique: gen.unique,
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A generator from the column's type alone.
fn by_type(info: &TypeInfo) -> Option<Erased> {
    let recent = (
        date(2020, 1, 1).and_hms_opt(0, 0, 0)?,
        date(2026, 12, 31).and_hms_opt(23, 59, 59)?,
    );
    Some(match info.clone() {
        TypeInfo::Integer { min, max } => {
            // A plausible range inside the type's: counts and amounts, not extremes.
            let low = min.max(if min < 0 { 0 } else { min });
            let high = max.min(low + 1000);
            let kind = ParamKind::Integer { min, max };
            erased(move |rng, _| integer_value(kind, rng.between(low, high)))
        }
        TypeInfo::Float => erased(|rng, _| Value::F64((rng.unit() * 100_000.0).round() / 100.0)),
        TypeInfo::Decimal { precision, scale } => {
            let scale = scale.unwrap_or(2).min(6);
            let digits = precision.unwrap_or(10).saturating_sub(scale).clamp(1, 6);
            let max = 10i128.pow(digits) * 10i128.pow(scale) - 1;
            erased(move |rng, _| {
                Value::Decimal(rust_decimal::Decimal::from_i128_with_scale(rng.between(0, max), scale))
            })
        }
        TypeInfo::Bool => erased(|rng, _| Value::Bool(rng.unit() < 0.5)),
        TypeInfo::Text { max_chars, max_bytes } => {
            // Lorem words are ASCII: a byte limit is a character limit for them.
            let limit = max_chars.or(max_bytes).unwrap_or(200) as usize;
            erased(move |rng, _| {
                let n = rng.between(1, 6) as usize;
                let words = super::lorem(rng, n);
                Value::Text(words.chars().take(limit).collect::<String>().into())
            })
        }
        TypeInfo::Bytes { max_len } => {
            let len = max_len.unwrap_or(16).min(16) as usize;
            bytes(len).into()
        }
        TypeInfo::Uuid => uuids().into(),
        TypeInfo::Date => dates(date(1950, 1, 1), date(2026, 12, 31)).into(),
        TypeInfo::Time => times().into(),
        TypeInfo::Timestamp => timestamps(recent.0, recent.1).into(),
        TypeInfo::TimestampTz => instants(recent.0, recent.1).into(),
        TypeInfo::UnixTime { millis } => {
            let (from, span) = (
                recent.0.and_utc().timestamp(),
                (recent.1 - recent.0).num_seconds().max(0),
            );
            erased(move |rng, _| {
                let seconds = from + rng.between(0, i128::from(span)) as i64;
                Value::I64(if millis {
                    seconds * 1000 + rng.between(0, 999) as i64
                } else {
                    seconds
                })
            })
        }
        TypeInfo::Interval => intervals(365).into(),
        TypeInfo::Json => erased(|rng, row| {
            let value = serde_json::json!({ "n": row, "word": *rng.pick(LOREM) });
            Value::Json(value.to_string().into())
        }),
        TypeInfo::Enum { members } => erased(move |rng, _| Value::Text((*rng.pick(members)).into())),
        TypeInfo::Array(_) => return None,
        TypeInfo::Vector { dim } => {
            let dim = dim.unwrap_or(3);
            erased(move |rng, _| {
                let values: Vec<String> = (0..dim).map(|_| format!("{:.3}", rng.unit() * 2.0 - 1.0)).collect();
                Value::Text(format!("[{}]", values.join(",")).into())
            })
        }
        TypeInfo::SparseVector { dim } => {
            let dim = dim.unwrap_or(3).max(1);
            erased(move |rng, _| {
                let at = rng.between(1, i128::from(dim));
                Value::Text(format!("{{{at}:{:.3}}}/{dim}", rng.unit() + 0.001).into())
            })
        }
        TypeInfo::Formatted(format) => {
            let example = format.example;
            erased(move |_, row| example(row))
        }
        TypeInfo::Bits { len, varying } => {
            let len = len.unwrap_or(8).min(64);
            erased(move |rng, _| {
                let n = if varying {
                    rng.between(1, i128::from(len)) as u32
                } else {
                    len
                };
                Value::Text(
                    (0..n)
                        .map(|_| if rng.unit() < 0.5 { '0' } else { '1' })
                        .collect::<String>()
                        .into(),
                )
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{erased, fit_text};
    use crate::rng::Rng;
    use mizzle_dsl::schema::TypeInfo;
    use mizzle_dsl::types::Value;

    fn cut(text: &'static str, max_chars: Option<u32>, max_bytes: Option<u32>) -> Value<'static> {
        let gen = fit_text(
            erased(move |_, _| Value::Text(text.into())),
            &TypeInfo::Text { max_chars, max_bytes },
        );
        (gen.make)(&mut Rng::stream(0, "t", "c"), 0)
    }

    #[test]
    fn text_is_cut_to_the_columns_characters_or_bytes_on_a_character_boundary() {
        assert_eq!(cut("déjà vu", Some(4), None), Value::Text("déjà".into()));
        // "déj" is 4 bytes; "déjà" would be 6.
        assert_eq!(cut("déjà vu", None, Some(5)), Value::Text("déj".into()));
        assert_eq!(cut("short", Some(10), Some(10)), Value::Text("short".into()));
    }
}
