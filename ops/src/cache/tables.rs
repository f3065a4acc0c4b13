//! The tables a statement names, read from its SQL: what a cached result depends on, and
//! what a write makes stale.

/// Every table named after `FROM`, `JOIN`, `INTO`, `UPDATE` or `TABLE` in `sql`, qualified
/// by its schema where the SQL qualifies it, each once, sorted. String literals are
/// skipped; a subquery in parentheses is read for its own tables. A name that is a CTE's
/// is listed too, which costs only an extra dependency.
pub(crate) fn tables_in(sql: &str) -> Vec<String> {
    let mut tables = Vec::new();
    let mut tokens = Tokens { rest: sql };
    let mut after_keyword = false;
    while let Some(token) = tokens.next() {
        match token {
            Token::Word(word) => {
                if after_keyword && is_any(word, &["LATERAL", "ONLY"]) {
                    // `JOIN LATERAL (…)`, `FROM ONLY name`: the name, if any, comes next.
                } else if after_keyword && is_any(word, &["SET", "OF", "NOWAIT", "SKIP"]) {
                    // `DO UPDATE SET`, `FOR UPDATE OF …`, `FOR UPDATE NOWAIT`: no table.
                    after_keyword = false;
                } else if after_keyword {
                    tables.push(tokens.qualified(word.to_owned()));
                    after_keyword = false;
                } else {
                    after_keyword = is_any(word, &["FROM", "JOIN", "INTO", "UPDATE", "TABLE"]);
                }
            }
            Token::Quoted(name) => {
                if after_keyword {
                    tables.push(tokens.qualified(name));
                }
                after_keyword = false;
            }
            Token::Other => after_keyword = false,
        }
    }
    tables.sort();
    tables.dedup();
    tables
}

/// Whether `word` is one of `keywords`, in any case.
fn is_any(word: &str, keywords: &[&str]) -> bool {
    keywords.iter().any(|keyword| word.eq_ignore_ascii_case(keyword))
}

enum Token<'s> {
    /// A bare word: a keyword or an unquoted name.
    Word(&'s str),
    /// A quoted name (`"name"` or `` `name` ``), its quotes taken off.
    Quoted(String),
    /// Anything else: punctuation, a literal, a placeholder.
    Other,
}

struct Tokens<'s> {
    rest: &'s str,
}

impl<'s> Tokens<'s> {
    fn next(&mut self) -> Option<Token<'s>> {
        self.rest = self.rest.trim_start();
        let first = self.rest.chars().next()?;
        match first {
            '"' | '`' => Some(Token::Quoted(self.quoted(first))),
            '\'' => {
                self.quoted('\'');
                Some(Token::Other)
            }
            c if c.is_alphabetic() || c == '_' => {
                let end = self
                    .rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(self.rest.len());
                let (word, rest) = self.rest.split_at(end);
                self.rest = rest;
                Some(Token::Word(word))
            }
            c => {
                self.rest = &self.rest[c.len_utf8()..];
                Some(Token::Other)
            }
        }
    }

    /// A quoted token starting here, a doubled quote standing for one.
    fn quoted(&mut self, quote: char) -> String {
        let mut text = String::new();
        let mut chars = self.rest.char_indices().skip(1).peekable();
        while let Some((at, c)) = chars.next() {
            if c == quote {
                if chars.peek().is_some_and(|&(_, next)| next == quote) {
                    chars.next();
                    text.push(quote);
                    continue;
                }
                self.rest = &self.rest[at + c.len_utf8()..];
                return text;
            }
            text.push(c);
        }
        self.rest = "";
        text
    }

    /// `name`, with the parts after it when they follow a dot (`schema.table`).
    fn qualified(&mut self, mut name: String) -> String {
        while let Some(rest) = self.rest.strip_prefix('.') {
            self.rest = rest;
            match self.next() {
                Some(Token::Word(word)) => name = format!("{name}.{word}"),
                Some(Token::Quoted(part)) => name = format!("{name}.{part}"),
                _ => break,
            }
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::tables_in;

    #[test]
    fn the_tables_of_a_select_with_joins_and_a_subquery() {
        let sql = r#"SELECT "users"."name" FROM "users" INNER JOIN "posts" ON "posts"."author_id" = "users"."id" WHERE "users"."id" IN (SELECT "user_id" FROM "app"."bans") AND "users"."name" <> 'FROM "decoy"'"#;
        assert_eq!(tables_in(sql), ["app.bans", "posts", "users"]);
    }

    #[test]
    fn the_table_a_write_names() {
        assert_eq!(tables_in("INSERT INTO `users` (`name`) VALUES (?)"), ["users"]);
        assert_eq!(
            tables_in(r#"UPDATE "users" SET "name" = $1 WHERE "id" = $2"#),
            ["users"]
        );
        assert_eq!(tables_in(r#"DELETE FROM "users" WHERE "id" = $1"#), ["users"]);
        assert_eq!(tables_in("update users set name = 'x'"), ["users"]);
        let upsert = r#"INSERT INTO "users" ("id") VALUES ($1) ON CONFLICT ("id") DO UPDATE SET "id" = excluded."id""#;
        assert_eq!(tables_in(upsert), ["users"]);
        assert_eq!(
            tables_in(r#"SELECT "id" FROM ONLY "users" FOR UPDATE NOWAIT"#),
            ["users"]
        );
        assert_eq!(tables_in(r#"SELECT 1 FROM "we""ird""#), [r#"we"ird"#]);
    }
}
