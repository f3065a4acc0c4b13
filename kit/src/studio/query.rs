//! The SQL the studio sends for a page of a table: its filters, its order, and keyset
//! pagination (the rows after the last one shown, never an OFFSET, so that a page deep in
//! a large table costs what the first does). Values travel as text parameters, cast to
//! the column's type on the server where the dialect needs it.

use mizzle_dsl::dialect::DialectKind;
use serde::Deserialize;

/// A column as the studio queries it.
#[derive(Debug, Clone)]
pub struct Col {
    /// Its name.
    pub name: String,
    /// Its SQL type, as the schema or the database spells it.
    pub sql_type: String,
    /// Whether it may be NULL.
    pub nullable: bool,
}

/// One filter of the table view.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Filter {
    /// The column filtered.
    pub column: String,
    /// `eq`, `ne`, `lt`, `le`, `gt`, `ge`, `contains`, `null`, `not_null`.
    pub op: String,
    /// The value compared with (not for `null` and `not_null`).
    #[serde(default)]
    pub value: Option<String>,
}

/// A page of rows: which, in which order, after which row.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
pub struct PageRequest {
    /// The column sorted on; the primary key when `None`.
    #[serde(default)]
    pub sort: Option<String>,
    /// Descending rather than ascending.
    #[serde(default)]
    pub desc: bool,
    /// The filters, all of which a row meets.
    #[serde(default)]
    pub filters: Vec<Filter>,
    /// The last row of the page before: its sort value, then its key's values.
    #[serde(default)]
    pub after: Option<Vec<Option<String>>>,
    /// How many rows (50 by default, at most 500).
    #[serde(default)]
    pub limit: Option<u32>,
}

/// A statement and its text parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sql {
    /// The SQL.
    pub text: String,
    /// The parameters, in order.
    pub params: Vec<Option<String>>,
}

/// Writes SQL for one dialect, numbering parameters as it goes.
pub struct Writer {
    dialect: DialectKind,
    sql: String,
    params: Vec<Option<String>>,
}

impl Writer {
    /// An empty statement of `dialect`.
    pub fn new(dialect: DialectKind) -> Self {
        Writer {
            dialect,
            sql: String::new(),
            params: Vec::new(),
        }
    }

    /// Appends SQL text.
    pub fn push(&mut self, text: &str) -> &mut Self {
        self.sql.push_str(text);
        self
    }

    /// Appends a quoted name (`schema.table` given as one name is quoted whole).
    pub fn name(&mut self, name: &str) -> &mut Self {
        let quote = if self.dialect == DialectKind::MySql { '`' } else { '"' };
        self.sql.push(quote);
        for c in name.chars() {
            if c == quote {
                self.sql.push(quote);
            }
            self.sql.push(c);
        }
        self.sql.push(quote);
        self
    }

    /// Appends a table's name, with its schema when it has one.
    pub fn table(&mut self, (schema, name): &(Option<String>, String)) -> &mut Self {
        if let Some(schema) = schema {
            self.name(schema).push(".");
        }
        self.name(name)
    }

    /// Appends a parameter holding `value`, as a value of `column`'s type.
    pub fn value(&mut self, column: &Col, value: Option<&str>) -> &mut Self {
        self.params.push(value.map(str::to_owned));
        match self.dialect {
            DialectKind::Pg => {
                let n = self.params.len();
                self.sql.push_str(&format!("CAST(${n}::text AS {})", column.sql_type));
            }
            _ => self.sql.push('?'),
        }
        self
    }

    /// Appends `column` read as text (how every value reaches the page).
    pub fn as_text(&mut self, column: &Col) -> &mut Self {
        match self.dialect {
            DialectKind::Pg => {
                self.name(&column.name).push("::text");
            }
            _ => {
                self.name(&column.name);
            }
        }
        self
    }

    /// The statement.
    pub fn finish(self) -> Sql {
        Sql {
            text: self.sql,
            params: self.params,
        }
    }
}

/// The SQL of a page of `table`'s rows: every column as text, the filters, ordered by
/// the sort column (NULLs last) then the key, after the row `request.after` names.
pub fn page(
    dialect: DialectKind,
    table: &(Option<String>, String),
    columns: &[Col],
    key: &[Col],
    request: &PageRequest,
) -> Result<Sql, String> {
    let shown = &table.1;
    let find = |name: &str| {
        columns
            .iter()
            .find(|column| column.name == name)
            .ok_or_else(|| format!("`{shown}` has no column `{name}`"))
    };
    if key.is_empty() {
        return Err(format!("`{shown}` has no primary key: the studio pages by it"));
    }
    // The order: the sort column (unless it is the key's only column), then the key.
    let mut order: Vec<&Col> = Vec::new();
    if let Some(sort) = &request.sort {
        let sort = find(sort)?;
        if !(key.len() == 1 && key[0].name == sort.name) {
            order.push(sort);
        }
    }
    order.extend(key.iter());
    let mut sql = Writer::new(dialect);
    sql.push("SELECT ");
    for (i, column) in columns.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.as_text(column);
        if dialect == DialectKind::Pg {
            // Named apart from the columns, so that ORDER BY sorts on the column, not on
            // its text (and can use its index).
            sql.push(&format!(" AS c{i}"));
        }
    }
    sql.push(" FROM ").table(table);
    let mut conditions = 0;
    let mut and = |sql: &mut Writer| {
        sql.push(if conditions == 0 { " WHERE " } else { " AND " });
        conditions += 1;
    };
    for filter in &request.filters {
        let column = find(&filter.column)?;
        and(&mut sql);
        write_filter(&mut sql, column, filter)?;
    }
    if let Some(after) = &request.after {
        if after.len() != order.len() {
            return Err(format!(
                "the page's cursor has {} values, where {} were expected",
                after.len(),
                order.len()
            ));
        }
        and(&mut sql);
        write_after(&mut sql, &order, after, request.desc);
    }
    sql.push(" ORDER BY ");
    for (i, column) in order.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        if column.nullable {
            // NULLs last, in either direction, in every dialect.
            sql.push("(").name(&column.name).push(" IS NULL), ");
        }
        sql.name(&column.name).push(if request.desc { " DESC" } else { " ASC" });
    }
    let limit = request.limit.unwrap_or(50).clamp(1, 500);
    sql.push(&format!(" LIMIT {limit}"));
    Ok(sql.finish())
}

fn write_filter(sql: &mut Writer, column: &Col, filter: &Filter) -> Result<(), String> {
    let compare = |op: &str| match op {
        "eq" => Some(" = "),
        "ne" => Some(" <> "),
        "lt" => Some(" < "),
        "le" => Some(" <= "),
        "gt" => Some(" > "),
        "ge" => Some(" >= "),
        _ => None,
    };
    match filter.op.as_str() {
        "null" => {
            sql.name(&column.name).push(" IS NULL");
        }
        "not_null" => {
            sql.name(&column.name).push(" IS NOT NULL");
        }
        "contains" => {
            let value = filter.value.as_deref().unwrap_or_default();
            let pattern = format!(
                "%{}%",
                value.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
            );
            let text = Col {
                sql_type: "text".to_owned(),
                ..column.clone()
            };
            sql.as_text(column);
            sql.push(if sql.dialect == DialectKind::Pg {
                " ILIKE "
            } else {
                " LIKE "
            });
            sql.value(&text, Some(&pattern));
            // Backslash escapes LIKE's wildcards by default on PostgreSQL and MySQL (where
            // `'\'` would not even close the string); SQLite is told.
            if sql.dialect == DialectKind::Sqlite {
                sql.push(" ESCAPE '\\'");
            }
        }
        op => {
            let operator = compare(op).ok_or_else(|| {
                format!("the filter `{op}` is none of eq, ne, lt, le, gt, ge, contains, null, not_null")
            })?;
            sql.name(&column.name).push(operator);
            sql.value(column, filter.value.as_deref());
        }
    }
    Ok(())
}

/// Rows after the row whose values of `order` are `after`, NULLs sorting last: for each
/// key in turn, the rows equal on the keys before it and after on it.
fn write_after(sql: &mut Writer, order: &[&Col], after: &[Option<String>], desc: bool) {
    sql.push("(");
    let mut first = true;
    for i in 0..order.len() {
        // After a NULL, only the next keys can tell rows apart.
        let Some(value) = &after[i] else { continue };
        if !first {
            sql.push(" OR ");
        }
        first = false;
        sql.push("(");
        for j in 0..i {
            match &after[j] {
                None => sql.name(&order[j].name).push(" IS NULL AND "),
                Some(earlier) => sql
                    .name(&order[j].name)
                    .push(" = ")
                    .value(order[j], Some(earlier))
                    .push(" AND "),
            };
        }
        let column = order[i];
        if column.nullable {
            sql.push("(").name(&column.name).push(" IS NULL OR ");
        }
        sql.name(&column.name).push(if desc { " < " } else { " > " });
        sql.value(column, Some(value));
        if column.nullable {
            sql.push(")");
        }
        sql.push(")");
    }
    if first {
        sql.push("1 = 0");
    }
    sql.push(")");
}

#[cfg(test)]
mod tests {
    use super::{page, Col, Filter, PageRequest};
    use mizzle_dsl::dialect::DialectKind;

    fn users() -> (Option<String>, String) {
        (None, "users".to_owned())
    }

    fn col(name: &str, sql_type: &str, nullable: bool) -> Col {
        Col {
            name: name.to_owned(),
            sql_type: sql_type.to_owned(),
            nullable,
        }
    }

    #[test]
    fn the_first_page_is_ordered_by_the_key() {
        let columns = [col("id", "integer", false), col("name", "text", true)];
        let sql = page(
            DialectKind::Pg,
            &users(),
            &columns,
            &columns[..1],
            &PageRequest::default(),
        )
        .unwrap();
        assert_eq!(
            sql.text,
            r#"SELECT "id"::text AS c0, "name"::text AS c1 FROM "users" ORDER BY "id" ASC LIMIT 50"#
        );
        assert!(sql.params.is_empty());
    }

    #[test]
    fn a_later_page_sorted_on_a_nullable_column_starts_after_the_last_row() {
        let columns = [col("id", "int", false), col("name", "varchar(40)", true)];
        let request = PageRequest {
            sort: Some("name".to_owned()),
            filters: vec![Filter {
                column: "name".to_owned(),
                op: "contains".to_owned(),
                value: Some("a_b".to_owned()),
            }],
            after: Some(vec![Some("Ada".to_owned()), Some("7".to_owned())]),
            limit: Some(20),
            ..PageRequest::default()
        };
        let sql = page(DialectKind::MySql, &users(), &columns, &columns[..1], &request).unwrap();
        assert_eq!(
            sql.text,
            "SELECT `id`, `name` FROM `users` WHERE `name` LIKE ? AND (((`name` IS NULL OR `name` > ?)) \
             OR (`name` = ? AND `id` > ?)) ORDER BY (`name` IS NULL), `name` ASC, `id` ASC LIMIT 20"
        );
        assert_eq!(
            sql.params,
            [
                Some("%a\\_b%".to_owned()),
                Some("Ada".to_owned()),
                Some("Ada".to_owned()),
                Some("7".to_owned())
            ]
        );
    }

    #[test]
    fn after_a_null_only_the_key_orders_the_rows() {
        let columns = [col("id", "integer", false), col("name", "text", true)];
        let request = PageRequest {
            sort: Some("name".to_owned()),
            desc: true,
            after: Some(vec![None, Some("7".to_owned())]),
            ..PageRequest::default()
        };
        let sql = page(DialectKind::Pg, &users(), &columns, &columns[..1], &request).unwrap();
        assert_eq!(
            sql.text,
            r#"SELECT "id"::text AS c0, "name"::text AS c1 FROM "users" WHERE (("name" IS NULL AND "id" < CAST($1::text AS integer))) ORDER BY ("name" IS NULL), "name" DESC, "id" DESC LIMIT 50"#
        );
    }

    #[test]
    fn unknown_columns_and_filters_are_refused_by_name() {
        let columns = [col("id", "integer", false)];
        let request = PageRequest {
            sort: Some("nope".to_owned()),
            ..PageRequest::default()
        };
        let error = page(DialectKind::Sqlite, &users(), &columns, &columns, &request).unwrap_err();
        assert_eq!(error, "`users` has no column `nope`");
        let request = PageRequest {
            filters: vec![Filter {
                column: "id".to_owned(),
                op: "like".to_owned(),
                value: None,
            }],
            ..PageRequest::default()
        };
        let error = page(DialectKind::Sqlite, &users(), &columns, &columns, &request).unwrap_err();
        assert!(error.starts_with("the filter `like` is none of"), "{error}");
    }
}
