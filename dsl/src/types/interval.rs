//! [`Interval`]: PostgreSQL's interval, which no std or chrono type represents exactly.

/// A PostgreSQL `interval`: months, days and microseconds are kept apart, as the server
/// does, because a month has no fixed number of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Interval {
    /// Whole months.
    pub months: i32,
    /// Whole days.
    pub days: i32,
    /// Microseconds.
    pub microseconds: i64,
}

const MICROS_PER_SECOND: i64 = 1_000_000;

impl Interval {
    /// The interval as an ISO 8601 duration, as JSON APIs expect it: `P1Y2M3DT4H5M6.5S`;
    /// `PT0S` when empty. Each part keeps its own sign (`P-1MT2H`), as PostgreSQL's
    /// `iso_8601` interval style writes it, since months, days and time do not convert.
    pub fn to_iso8601(&self) -> String {
        use std::fmt::Write;
        if *self == Interval::default() {
            return "PT0S".to_owned();
        }
        let mut text = String::from("P");
        let (years, months) = (self.months / 12, self.months % 12);
        for (value, unit) in [
            (i64::from(years), 'Y'),
            (i64::from(months), 'M'),
            (i64::from(self.days), 'D'),
        ] {
            if value != 0 {
                let _ = write!(text, "{value}{unit}");
            }
        }
        if self.microseconds != 0 {
            text.push('T');
            let seconds_total = self.microseconds / MICROS_PER_SECOND;
            let (hours, minutes, seconds) = (seconds_total / 3600, seconds_total / 60 % 60, seconds_total % 60);
            let fraction = (self.microseconds % MICROS_PER_SECOND).unsigned_abs();
            for (value, unit) in [(hours, 'H'), (minutes, 'M')] {
                if value != 0 {
                    let _ = write!(text, "{value}{unit}");
                }
            }
            if seconds != 0 || fraction != 0 {
                let sign = if self.microseconds < 0 && seconds == 0 { "-" } else { "" };
                let _ = write!(text, "{sign}{seconds}");
                if fraction != 0 {
                    let digits = format!("{fraction:06}");
                    let _ = write!(text, ".{}", digits.trim_end_matches('0'));
                }
                text.push('S');
            }
        }
        text
    }

    /// Reads an ISO 8601 duration: `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, each part
    /// signed or not, or the whole negated by a leading `-`. Years are 12 months, weeks
    /// 7 days; only seconds may have a fraction (to the microsecond).
    pub fn parse_iso8601(text: &str) -> Result<Interval, String> {
        let fail = |why: &str| format!("`{text}` is not an ISO 8601 duration (like P1Y2M3DT4H5M6S): {why}");
        let (negated, rest) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.strip_prefix('+').unwrap_or(text)),
        };
        let rest = rest.strip_prefix('P').ok_or_else(|| fail("it must start with P"))?;
        let (date, time) = match rest.split_once('T') {
            Some((_, "")) => return Err(fail("nothing follows T")),
            Some((date, time)) => (date, Some(time)),
            None => (rest, None),
        };
        if date.is_empty() && time.is_none() {
            return Err(fail("it has no parts"));
        }
        let overflow = || fail("it is out of range");
        let mut interval = Interval::default();
        let mut months: i64 = 0;
        let mut days: i64 = 0;
        for (number, unit) in parts(date, "YMWD").map_err(|why| fail(&why))? {
            let whole = number.whole().ok_or_else(|| fail("only seconds may have a fraction"))?;
            match unit {
                'Y' => {
                    months = whole
                        .checked_mul(12)
                        .and_then(|m| months.checked_add(m))
                        .ok_or_else(overflow)?
                }
                'M' => months = months.checked_add(whole).ok_or_else(overflow)?,
                'W' => {
                    days = whole
                        .checked_mul(7)
                        .and_then(|d| days.checked_add(d))
                        .ok_or_else(overflow)?
                }
                _ => days = days.checked_add(whole).ok_or_else(overflow)?,
            }
        }
        for (number, unit) in time
            .map(|time| parts(time, "HMS"))
            .transpose()
            .map_err(|why| fail(&why))?
            .unwrap_or_default()
        {
            let micros = match unit {
                'H' | 'M' => {
                    let whole = number.whole().ok_or_else(|| fail("only seconds may have a fraction"))?;
                    let per = if unit == 'H' { 3600 } else { 60 };
                    whole.checked_mul(per * MICROS_PER_SECOND)
                }
                _ => number.micros(),
            };
            interval.microseconds = micros
                .and_then(|m| interval.microseconds.checked_add(m))
                .ok_or_else(overflow)?;
        }
        interval.months = i32::try_from(months).map_err(|_| overflow())?;
        interval.days = i32::try_from(days).map_err(|_| overflow())?;
        if negated {
            interval = Interval {
                months: interval.months.checked_neg().ok_or_else(overflow)?,
                days: interval.days.checked_neg().ok_or_else(overflow)?,
                microseconds: interval.microseconds.checked_neg().ok_or_else(overflow)?,
            };
        }
        Ok(interval)
    }
}

/// A signed number of a duration's part: its digits before and after the point.
struct Number<'a> {
    negative: bool,
    whole: &'a str,
    fraction: Option<&'a str>,
}

impl Number<'_> {
    fn whole_value(&self) -> Option<i64> {
        let value: i64 = self.whole.parse().ok()?;
        Some(if self.negative { -value } else { value })
    }

    /// The value, if it has no fraction.
    fn whole(&self) -> Option<i64> {
        self.fraction.is_none().then(|| self.whole_value()).flatten()
    }

    /// The value as microseconds (seconds with up to six digits of fraction).
    fn micros(&self) -> Option<i64> {
        let seconds = self.whole_value()?.checked_mul(MICROS_PER_SECOND)?;
        let fraction = match self.fraction {
            None => 0,
            Some(digits) if digits.len() <= 6 => format!("{digits:0<6}").parse::<i64>().ok()?,
            Some(_) => return None,
        };
        seconds.checked_add(if self.negative { -fraction } else { fraction })
    }
}

/// Splits `1Y-2M3.5S` into its numbers and unit letters, which must be among `units`,
/// each once, in that order.
fn parts<'a>(text: &'a str, units: &str) -> Result<Vec<(Number<'a>, char)>, String> {
    let mut parts = Vec::new();
    let mut rest = text;
    let mut allowed = units;
    while !rest.is_empty() {
        let (negative, unsigned) = match rest.strip_prefix('-') {
            Some(unsigned) => (true, unsigned),
            None => (false, rest.strip_prefix('+').unwrap_or(rest)),
        };
        let end = unsigned
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .ok_or_else(|| format!("`{unsigned}` has no unit letter"))?;
        let (digits, after) = unsigned.split_at(end);
        let (whole, fraction) = match digits.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (digits, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
            return Err(format!("`{digits}` is not a number"));
        }
        let unit = after.chars().next().unwrap_or_default();
        let Some(place) = allowed.find(unit) else {
            let listed: Vec<String> = units.chars().map(String::from).collect();
            return Err(format!(
                "`{unit}` is out of place: the units are {}, in that order",
                listed.join(", ")
            ));
        };
        allowed = &allowed[place + 1..];
        parts.push((
            Number {
                negative,
                whole,
                fraction,
            },
            unit,
        ));
        rest = &after[unit.len_utf8()..];
    }
    Ok(parts)
}
