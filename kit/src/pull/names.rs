//! Rust names for SQL names: snake_case identifiers (raw for keywords) for tables and
//! columns, CamelCase for enum types and members; the SQL name is kept where it differs.

/// Rust's keywords, which a name must take as a raw identifier (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in",
    "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static", "struct", "trait", "true", "type",
    "unsafe", "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Names that cannot be raw identifiers either.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A snake_case identifier for `sql`: `User Name` → `user_name`, `type` → `r#type`.
pub(crate) fn ident(sql: &str) -> String {
    let mut name = String::new();
    let mut previous_lower = false;
    for c in sql.chars() {
        if c.is_ascii_alphanumeric() {
            if c.is_ascii_uppercase() && previous_lower {
                name.push('_');
            }
            previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
            name.push(c.to_ascii_lowercase());
        } else {
            if !name.ends_with('_') && !name.is_empty() {
                name.push('_');
            }
            previous_lower = false;
        }
    }
    let mut name = name.trim_end_matches('_').to_owned();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "c_");
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    } else if KEYWORDS.contains(&name.as_str()) {
        name.insert_str(0, "r#");
    }
    name
}

/// Whether `ident(sql)` names the column `sql` by itself (the `table!` macro reads a raw
/// identifier's name without its `r#`).
pub(crate) fn keeps_name(sql: &str) -> bool {
    ident(sql).trim_start_matches("r#") == sql
}

/// A CamelCase name: `order_status` → `OrderStatus`.
pub(crate) fn camel(sql: &str) -> String {
    let camel: String = ident(sql)
        .trim_start_matches("r#")
        .split('_')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect();
    if camel.starts_with(|c: char| c.is_ascii_digit()) || camel.is_empty() {
        format!("V{camel}")
    } else {
        camel
    }
}

/// A Rust string literal.
pub(crate) fn literal(text: &str) -> String {
    format!("{text:?}")
}
