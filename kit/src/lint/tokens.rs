//! A migration statement as tokens: enough SQL to tell which table, column and action a
//! DDL statement names, whatever the quoting and the case.

/// One token of a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Token {
    /// A keyword or bare name, upper-cased for matching, with its text as written.
    Word { upper: String, text: String },
    /// A quoted name (`"x"`, `` `x` ``), unquoted.
    Quoted(String),
    /// A string literal, a number, or any other text that is neither a name nor a symbol.
    Literal(String),
    /// Punctuation: `(`, `)`, `,`, `.`, `;`, operators.
    Symbol(char),
}

impl Token {
    /// Whether it is the keyword `word` (given upper-case).
    pub(crate) fn is(&self, word: &str) -> bool {
        matches!(self, Token::Word { upper, .. } if upper == word)
    }

    /// The name it spells, if it is a name.
    pub(crate) fn name(&self) -> Option<&str> {
        match self {
            Token::Word { text, .. } => Some(text),
            Token::Quoted(name) => Some(name),
            _ => None,
        }
    }
}

/// The tokens of `sql`, comments left out.
pub(crate) fn tokenize(sql: &str) -> Vec<Token> {
    let chars: Vec<char> = sql.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            i += 1;
        } else if c == '-' && next == Some('-') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
        } else if c == '"' || c == '`' {
            let (text, end) = quoted(&chars, i, c);
            tokens.push(Token::Quoted(text));
            i = end;
        } else if c == '\'' {
            let (text, end) = quoted(&chars, i, c);
            tokens.push(Token::Literal(format!("'{text}'")));
            i = end;
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_' || chars[i] == '$') {
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            tokens.push(Token::Word {
                upper: text.to_uppercase(),
                text,
            });
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '.') {
                i += 1;
            }
            tokens.push(Token::Literal(chars[start..i].iter().collect()));
        } else {
            tokens.push(Token::Symbol(c));
            i += 1;
        }
    }
    tokens
}

/// A quoted run starting at `start` with `quote`, a doubled quote standing for one: its
/// text and the index after it.
fn quoted(chars: &[char], start: usize, quote: char) -> (String, usize) {
    let mut text = String::new();
    let mut i = start + 1;
    while i < chars.len() {
        if chars[i] == quote {
            if chars.get(i + 1) == Some(&quote) {
                text.push(quote);
                i += 2;
                continue;
            }
            return (text, i + 1);
        }
        text.push(chars[i]);
        i += 1;
    }
    (text, i)
}

/// Whether `tokens` start with the keywords `words` (upper-case).
pub(crate) fn starts_with(tokens: &[Token], words: &[&str]) -> bool {
    tokens.len() >= words.len() && tokens.iter().zip(words).all(|(token, word)| token.is(word))
}

/// A possibly schema-qualified name at the start of `tokens`: the last part (the table's
/// own name) and how many tokens it took.
pub(crate) fn qualified_name(tokens: &[Token]) -> Option<(String, usize)> {
    let mut name = tokens.first()?.name()?.to_owned();
    let mut used = 1;
    while matches!(tokens.get(used), Some(Token::Symbol('.'))) {
        name = tokens.get(used + 1)?.name()?.to_owned();
        used += 2;
    }
    Some((name, used))
}

/// `tokens` split at commas outside parentheses.
pub(crate) fn split_top_level(tokens: &[Token]) -> Vec<&[Token]> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, token) in tokens.iter().enumerate() {
        match token {
            Token::Symbol('(') => depth += 1,
            Token::Symbol(')') => depth = depth.saturating_sub(1),
            Token::Symbol(',') if depth == 0 => {
                parts.push(&tokens[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tokens[start..]);
    parts.into_iter().filter(|part| !part.is_empty()).collect()
}

/// Whether the keyword sequence `words` occurs anywhere in `tokens`.
pub(crate) fn contains(tokens: &[Token], words: &[&str]) -> bool {
    tokens.windows(words.len()).any(|window| starts_with(window, words))
}
