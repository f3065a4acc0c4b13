//! Connection targets without their secrets: what an error may say about where it connected.
//!
//! A password reaches a connection string in several places: the URL's userinfo
//! (`postgres://ada:secret@db/app`), a query parameter (`?password=secret`,
//! `?pass=secret`, `?sslpassword=secret`), or a `key=value` connection string
//! (`host=db password=secret`). Each is replaced with `***` in the target an error names,
//! and a driver's message that repeats one loses it too.

use crate::error::Error;
use std::error::Error as StdError;
use std::fmt;

/// What a secret in a message becomes.
const HIDDEN: &str = "***";

/// A connection URL or `key=value` string with every password it holds replaced by `***`:
/// `postgres://ada:***@db/app?sslpassword=***`.
pub fn redact_url(url: &str) -> String {
    let mut redacted = url.to_owned();
    for secret in secrets_of(url) {
        redacted = redacted.replace(&secret, HIDDEN);
    }
    redacted
}

/// The secrets written in `url`: the userinfo's password and the values of parameters
/// whose names say they are secret (`password`, `pass`, `pwd`, `sslpassword`, `token`,
/// `secret`…). Longest first, so that one secret inside another is hidden whole.
pub fn secrets_of(url: &str) -> Vec<String> {
    let mut secrets = Vec::new();
    let pairs = match url.find("://") {
        Some(scheme_end) => {
            let rest = &url[scheme_end + 3..];
            // The userinfo ends at the last `@` before the query: a password may hold
            // `@` or `/`, and hiding too much is better than too little.
            let (head, query) = rest.split_once('?').unwrap_or((rest, ""));
            if let Some(at) = head.rfind('@') {
                if let Some((_user, password)) = head[..at].split_once(':') {
                    secrets.push(password.to_owned());
                }
            }
            query
                .split('&')
                .filter_map(|pair| pair.split_once('='))
                .collect::<Vec<_>>()
        }
        None => key_value_pairs(url),
    };
    secrets.extend(
        pairs
            .into_iter()
            .filter(|(key, _)| is_secret_key(key))
            .map(|(_, value)| value.trim_matches('\'').to_owned()),
    );
    // A driver may show a percent-encoded secret decoded.
    let decoded: Vec<String> = secrets.iter().filter_map(|secret| percent_decoded(secret)).collect();
    secrets.extend(decoded);
    secrets.retain(|secret| !secret.is_empty());
    secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
    secrets.dedup();
    secrets
}

/// The pairs of a libpq-style `key=value key='quoted value'` string.
fn key_value_pairs(text: &str) -> Vec<(&str, &str)> {
    let mut pairs = Vec::new();
    let mut rest = text.trim_start();
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let end = if let Some(quoted) = after.strip_prefix('\'') {
            quoted.find('\'').map_or(after.len(), |close| close + 2)
        } else {
            after.find(char::is_whitespace).unwrap_or(after.len())
        };
        pairs.push((key, &after[..end]));
        rest = after[end..].trim_start();
    }
    pairs
}

/// `text` with its `%XX` escapes decoded, when it has any and they decode to UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        let hex = tail.get(..2).and_then(|hex| std::str::from_utf8(hex).ok());
        match hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
            Some(decoded) if byte == b'%' => {
                bytes.push(decoded);
                rest = &tail[2..];
            }
            _ => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// Whether a connection parameter holds a secret.
fn is_secret_key(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    ["pass", "pwd", "secret", "token"].iter().any(|word| key.contains(word))
}

/// A driver's error whose message repeated a secret, with the secret hidden. The
/// original is dropped: its `Debug` and `Display` would show the secret again.
#[derive(Debug)]
struct Redacted(String);

impl fmt::Display for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl StdError for Redacted {}

impl Error {
    /// [`Error::Connection`] for connecting to `url`: the target with its secrets hidden,
    /// and `source` replaced by its message with them hidden where it repeats one.
    pub fn connection(url: &str, source: impl Into<Box<dyn StdError + Send + Sync>>) -> Error {
        let source = source.into();
        let secrets = secrets_of(url);
        let (display, debug) = (source.to_string(), format!("{source:?}"));
        let leaks = secrets
            .iter()
            .any(|secret| display.contains(secret.as_str()) || debug.contains(secret.as_str()));
        let source = if leaks {
            let mut message = display;
            for secret in &secrets {
                message = message.replace(secret.as_str(), HIDDEN);
            }
            Box::new(Redacted(message))
        } else {
            source
        };
        Error::Connection {
            target: redact_url(url),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_in_the_userinfo_are_hidden() {
        assert_eq!(
            redact_url("postgres://ada:secret@db:5432/app"),
            "postgres://ada:***@db:5432/app"
        );
        assert_eq!(
            redact_url("mysql://root:p@ss/wd@127.0.0.1:3306/test"),
            "mysql://root:***@127.0.0.1:3306/test"
        );
        assert_eq!(redact_url("postgres://ada@db/app"), "postgres://ada@db/app");
        assert_eq!(secrets_of("postgres://ada:p%40ss@db/app"), ["p%40ss", "p@ss"]);
    }

    #[test]
    fn passwords_in_query_parameters_are_hidden() {
        assert_eq!(
            redact_url("postgres://ada@db/app?password=hunter2&sslmode=disable"),
            "postgres://ada@db/app?password=***&sslmode=disable"
        );
        assert_eq!(
            redact_url("mysql://root@db/test?pass=hunter2&sslpassword=k3y&api_token=t0k"),
            "mysql://root@db/test?pass=***&sslpassword=***&api_token=***"
        );
    }

    #[test]
    fn passwords_in_key_value_strings_are_hidden() {
        assert_eq!(
            redact_url("host=db user=ada password=hunter2 dbname=app"),
            "host=db user=ada password=*** dbname=app"
        );
        assert_eq!(
            redact_url("host=db password='two words' dbname=app"),
            "host=db password='***' dbname=app"
        );
    }

    #[test]
    fn a_driver_message_that_repeats_a_secret_loses_it() {
        let error = Error::connection(
            "mysql://root@db/test?password=hunter2",
            "unknown parameter password=hunter2",
        );
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("unknown parameter password=***"), "{shown}");
    }
}
