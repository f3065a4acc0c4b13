//! MySQL and MariaDB: `` `ident` `` and `?` placeholders.

use super::{write_quoted, write_sized, Dialect, DialectKind};

/// MySQL 8 and MariaDB 10.5+.
#[derive(Debug, Clone, Copy, Default)]
pub struct MySql;

impl crate::private::Sealed for MySql {}

impl Dialect for MySql {
    const NAME: &'static str = "MySQL";
    const KIND: DialectKind = DialectKind::MySql;
    const SUPPORTS_NULLS_ORDER: bool = false;
    const LIMIT_ALL: Option<&'static str> = Some("18446744073709551615");
    const PARENTHESIZED_SET_OPERANDS: bool = true;
    const MAX_PARAMS: usize = 65535;
    type RawValue<'a> = MySqlValueRef<'a>;

    fn write_ident(sql: &mut String, ident: &str) {
        write_quoted(sql, ident, '`');
    }

    fn write_placeholder(sql: &mut String, _n: usize) {
        sql.push('?');
    }

    fn is_null(raw: &Self::RawValue<'_>) -> bool {
        matches!(raw, MySqlValueRef::Null)
    }

    fn write_identity(raw: &Self::RawValue<'_>, out: &mut Vec<u8>) {
        match raw {
            MySqlValueRef::Null => out.push(0),
            MySqlValueRef::Bytes(bytes) => {
                out.push(1);
                write_sized(bytes, out);
            }
            MySqlValueRef::Int(n) => {
                out.push(2);
                out.extend_from_slice(&n.to_le_bytes());
            }
            MySqlValueRef::UInt(n) => {
                out.push(3);
                out.extend_from_slice(&n.to_le_bytes());
            }
            MySqlValueRef::Float(x) => {
                out.push(4);
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
            MySqlValueRef::Double(x) => {
                out.push(5);
                out.extend_from_slice(&x.to_bits().to_le_bytes());
            }
            MySqlValueRef::Date {
                year,
                month,
                day,
                hour,
                minute,
                second,
                micros,
            } => {
                out.push(6);
                out.extend_from_slice(&year.to_le_bytes());
                out.extend_from_slice(&[*month, *day, *hour, *minute, *second]);
                out.extend_from_slice(&micros.to_le_bytes());
            }
            MySqlValueRef::Time {
                negative,
                days,
                hours,
                minutes,
                seconds,
                micros,
            } => {
                out.push(7);
                out.push(u8::from(*negative));
                out.extend_from_slice(&days.to_le_bytes());
                out.extend_from_slice(&[*hours, *minutes, *seconds]);
                out.extend_from_slice(&micros.to_le_bytes());
            }
        }
    }
}

/// One column of a MySQL row as the protocol delivers it, lent by the row: typed in the
/// binary protocol of prepared statements, text in the text protocol.
#[derive(Debug, PartialEq)]
pub enum MySqlValueRef<'a> {
    /// SQL NULL.
    Null,
    /// Text, bytes, decimals, JSON; any value in the text protocol.
    Bytes(MySqlBytes<'a>),
    /// A signed integer.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A `float`.
    Float(f32),
    /// A `double`.
    Double(f64),
    /// A `date`, `datetime` or `timestamp`.
    Date {
        /// Year.
        year: u16,
        /// Month, 1-12.
        month: u8,
        /// Day, 1-31.
        day: u8,
        /// Hour.
        hour: u8,
        /// Minute.
        minute: u8,
        /// Second.
        second: u8,
        /// Microsecond.
        micros: u32,
    },
    /// A `time`, which may be negative or span days.
    Time {
        /// Below zero.
        negative: bool,
        /// Whole days.
        days: u32,
        /// Hours.
        hours: u8,
        /// Minutes.
        minutes: u8,
        /// Seconds.
        seconds: u8,
        /// Microseconds.
        micros: u32,
    },
}

/// The bytes of a MySQL value, lent by the row they were fetched in. The driver delivers
/// each such value in a buffer of its own, so a decoder whose value keeps the bytes (a
/// `String`, a `Vec<u8>`) takes the buffer instead of copying it; others read it through
/// `Deref`. A row is decoded once, each column by one decoder, so nothing reads a column
/// after its bytes were taken.
#[derive(Debug, PartialEq)]
pub struct MySqlBytes<'a>(&'a mut Vec<u8>);

impl<'a> MySqlBytes<'a> {
    /// Lends `bytes`, the buffer of one column of a row, to its decoder.
    pub fn new(bytes: &'a mut Vec<u8>) -> Self {
        MySqlBytes(bytes)
    }

    /// Takes the bytes, leaving the row's buffer empty.
    #[inline]
    pub fn take(self) -> Vec<u8> {
        std::mem::take(self.0)
    }
}

impl std::ops::Deref for MySqlBytes<'_> {
    type Target = [u8];

    #[inline]
    fn deref(&self) -> &[u8] {
        self.0
    }
}
