//! PostgreSQL's full-text search: `to_tsvector`, the `to_tsquery` family, `@@`,
//! `setweight`, `ts_rank`, `ts_rank_cd` and `ts_headline`.

use super::search_node;
use crate::dialect::Pg;
use crate::expr::{AsExpression, Expression, Operand};
use crate::render::{RenderSql, SqlWriter};
use crate::types::{Bool, Nullability, Real, SameType, Text, TsQuery, TsVector};
use std::marker::PhantomData;

/// `to_tsvector('config', document)`: the document's lexemes.
#[derive(Debug, Clone, Copy)]
pub struct ToTsVector<E> {
    config: &'static str,
    document: E,
}

/// `to_tsvector('config', document)`, the document text (a column, or an expression such
/// as `title.concat(" ").concat(body)`), normalized by the configuration (`"english"`).
pub fn to_tsvector<E: Expression<SqlType: SameType<Text>>>(config: &'static str, document: E) -> ToTsVector<E> {
    ToTsVector { config, document }
}

impl<E: Expression> Expression for ToTsVector<E> {
    type SqlType = TsVector;
    type Nullability = E::Nullability;
    type Value = String;
}
search_node!(ToTsVector [E,] [E], E);

impl<E: RenderSql<Pg>> RenderSql<Pg> for ToTsVector<E> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("to_tsvector(");
        out.push_name_literal(self.config, "text search configuration");
        out.push_sql(", ");
        self.document.render(out);
        out.push_sql(")");
    }
}

/// Which function reads a query's text into a `tsquery`.
pub trait TsQueryParser: Copy + 'static {
    /// The function's name.
    const NAME: &'static str;
}

/// The `tsquery` parsers.
pub mod tsquery_parser {
    use super::TsQueryParser;

    /// `to_tsquery`: the query syntax (`fat & (rat | cat)`, `supern:*`).
    #[derive(Debug, Clone, Copy)]
    pub struct ToTsQuery;
    impl TsQueryParser for ToTsQuery {
        const NAME: &'static str = "to_tsquery(";
    }

    /// `plainto_tsquery`: every word, ANDed.
    #[derive(Debug, Clone, Copy)]
    pub struct Plain;
    impl TsQueryParser for Plain {
        const NAME: &'static str = "plainto_tsquery(";
    }

    /// `phraseto_tsquery`: the words in order.
    #[derive(Debug, Clone, Copy)]
    pub struct Phrase;
    impl TsQueryParser for Phrase {
        const NAME: &'static str = "phraseto_tsquery(";
    }

    /// `websearch_to_tsquery`: what people type in a search box (`"exact phrase" -not or`).
    #[derive(Debug, Clone, Copy)]
    pub struct WebSearch;
    impl TsQueryParser for WebSearch {
        const NAME: &'static str = "websearch_to_tsquery(";
    }
}

/// A query's text read into a `tsquery` by the parser `P`.
#[derive(Debug, Clone, Copy)]
pub struct ToTsQuery<Q, P> {
    config: &'static str,
    query: Q,
    parser: PhantomData<P>,
}

fn ts_query<Q, P>(config: &'static str, query: Q) -> ToTsQuery<Q, P> {
    ToTsQuery {
        config,
        query,
        parser: PhantomData,
    }
}

/// `to_tsquery('config', query)`: the query syntax, `"fat & (rat | cat)"`. The text is a
/// bound parameter (or any text expression).
pub fn to_tsquery<Q: AsExpression<Text, Expr: Operand>>(
    config: &'static str,
    query: Q,
) -> ToTsQuery<Q::Expr, tsquery_parser::ToTsQuery> {
    ts_query(config, query.into_expression())
}

/// `plainto_tsquery('config', text)`: every word of plain text, ANDed.
pub fn plainto_tsquery<Q: AsExpression<Text, Expr: Operand>>(
    config: &'static str,
    text: Q,
) -> ToTsQuery<Q::Expr, tsquery_parser::Plain> {
    ts_query(config, text.into_expression())
}

/// `phraseto_tsquery('config', text)`: the words of plain text, in order.
pub fn phraseto_tsquery<Q: AsExpression<Text, Expr: Operand>>(
    config: &'static str,
    text: Q,
) -> ToTsQuery<Q::Expr, tsquery_parser::Phrase> {
    ts_query(config, text.into_expression())
}

/// `websearch_to_tsquery('config', text)`: search-box syntax, `"exact phrase" or -word`;
/// never an error, whatever people type.
pub fn websearch_to_tsquery<Q: AsExpression<Text, Expr: Operand>>(
    config: &'static str,
    text: Q,
) -> ToTsQuery<Q::Expr, tsquery_parser::WebSearch> {
    ts_query(config, text.into_expression())
}

impl<Q: Expression, P> Expression for ToTsQuery<Q, P> {
    type SqlType = TsQuery;
    type Nullability = Q::Nullability;
    type Value = String;
}
search_node!(ToTsQuery [Q, P,] [Q, P], Q);

impl<Q: RenderSql<Pg>, P: TsQueryParser> RenderSql<Pg> for ToTsQuery<Q, P> {
    const TYPE_SHAPED: bool = Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql(P::NAME);
        out.push_name_literal(self.config, "text search configuration");
        out.push_sql(", ");
        self.query.render(out);
        out.push_sql(")");
    }
}

/// A lexeme's weight, `A` (most important) to `D` (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    /// `A`.
    A,
    /// `B`.
    B,
    /// `C`.
    C,
    /// `D`.
    D,
}

impl Weight {
    fn literal(self) -> &'static str {
        match self {
            Weight::A => "'A'",
            Weight::B => "'B'",
            Weight::C => "'C'",
            Weight::D => "'D'",
        }
    }
}

/// Methods of `tsvector` expressions.
pub trait TsVectorMethods: Expression<SqlType = TsVector> + Sized {
    /// `vector @@ query`: the document matches the query.
    fn matches<Q: Expression<SqlType = TsQuery>>(self, query: Q) -> Matches<Self, Q> {
        Matches { vector: self, query }
    }

    /// `setweight(vector, 'A')`: every lexeme weighted so, for ranking title above body.
    fn setweight(self, weight: Weight) -> SetWeight<Self> {
        SetWeight { vector: self, weight }
    }

    /// `vector || other`: both documents' lexemes, the other's positions after this one's.
    fn append<O: Expression<SqlType = TsVector>>(self, other: O) -> Append<Self, O> {
        Append {
            left: self,
            right: other,
        }
    }
}

impl<E: Expression<SqlType = TsVector>> TsVectorMethods for E {}

/// `vector @@ query`.
#[derive(Debug, Clone, Copy)]
pub struct Matches<V, Q> {
    vector: V,
    query: Q,
}

impl<V: Expression, Q: Expression> Expression for Matches<V, Q> {
    type SqlType = Bool;
    type Nullability = <V::Nullability as Nullability>::Or<Q::Nullability>;
    type Value = bool;
}
search_node!(Matches [V, Q,] [V, Q], V, Q);

impl<V: RenderSql<Pg>, Q: RenderSql<Pg>> RenderSql<Pg> for Matches<V, Q> {
    const TYPE_SHAPED: bool = V::TYPE_SHAPED && Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("(");
        self.vector.render(out);
        out.push_sql(" @@ ");
        self.query.render(out);
        out.push_sql(")");
    }
}

/// `setweight(vector, 'A')`.
#[derive(Debug, Clone, Copy)]
pub struct SetWeight<V> {
    vector: V,
    weight: Weight,
}

impl<V: Expression> Expression for SetWeight<V> {
    type SqlType = TsVector;
    type Nullability = V::Nullability;
    type Value = String;
}
search_node!(SetWeight [V,] [V], V);

impl<V: RenderSql<Pg>> RenderSql<Pg> for SetWeight<V> {
    const TYPE_SHAPED: bool = V::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("setweight(");
        self.vector.render(out);
        out.push_sql(", ");
        // The weight is a value of the node: the shape pass must know which.
        out.push_choice(self.weight as u64);
        out.push_sql(self.weight.literal());
        out.push_sql(")");
    }
}

/// `left || right` of two `tsvector`s.
#[derive(Debug, Clone, Copy)]
pub struct Append<L, R> {
    left: L,
    right: R,
}

impl<L: Expression, R: Expression> Expression for Append<L, R> {
    type SqlType = TsVector;
    type Nullability = <L::Nullability as Nullability>::Or<R::Nullability>;
    type Value = String;
}
search_node!(Append [L, R,] [L, R], L, R);

impl<L: RenderSql<Pg>, R: RenderSql<Pg>> RenderSql<Pg> for Append<L, R> {
    const TYPE_SHAPED: bool = L::TYPE_SHAPED && R::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("(");
        self.left.render(out);
        out.push_sql(" || ");
        self.right.render(out);
        out.push_sql(")");
    }
}

/// `ts_rank(vector, query)`, or `ts_rank_cd` (cover density) when `CD`.
#[derive(Debug, Clone, Copy)]
pub struct TsRank<V, Q, const CD: bool> {
    vector: V,
    query: Q,
}

/// `ts_rank(vector, query)`: how well the document matches, by how often the query's
/// lexemes occur (weighted by `setweight`); order by it descending.
pub fn ts_rank<V: Expression<SqlType = TsVector>, Q: Expression<SqlType = TsQuery>>(
    vector: V,
    query: Q,
) -> TsRank<V, Q, false> {
    TsRank { vector, query }
}

/// `ts_rank_cd(vector, query)`: rank by cover density, how close together the lexemes are.
pub fn ts_rank_cd<V: Expression<SqlType = TsVector>, Q: Expression<SqlType = TsQuery>>(
    vector: V,
    query: Q,
) -> TsRank<V, Q, true> {
    TsRank { vector, query }
}

impl<V: Expression, Q: Expression, const CD: bool> Expression for TsRank<V, Q, CD> {
    type SqlType = Real;
    type Nullability = <V::Nullability as Nullability>::Or<Q::Nullability>;
    type Value = f32;
}
search_node!(TsRank [V, Q, const CD: bool,] [V, Q, CD], V, Q);

impl<V: RenderSql<Pg>, Q: RenderSql<Pg>, const CD: bool> RenderSql<Pg> for TsRank<V, Q, CD> {
    const TYPE_SHAPED: bool = V::TYPE_SHAPED && Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql(if CD { "ts_rank_cd(" } else { "ts_rank(" });
        self.vector.render(out);
        out.push_sql(", ");
        self.query.render(out);
        out.push_sql(")");
    }
}

/// `ts_headline('config', document, query[, options])`.
#[derive(Debug, Clone)]
pub struct TsHeadline<E, Q> {
    config: &'static str,
    document: E,
    query: Q,
    options: Option<String>,
}

/// `ts_headline('config', document, query)`: the document's passage that matches, its
/// words marked (`<b>…</b>` unless [`options`](TsHeadline::options) say otherwise).
pub fn ts_headline<E: Expression<SqlType: SameType<Text>>, Q: Expression<SqlType = TsQuery>>(
    config: &'static str,
    document: E,
    query: Q,
) -> TsHeadline<E, Q> {
    TsHeadline {
        config,
        document,
        query,
        options: None,
    }
}

impl<E, Q> TsHeadline<E, Q> {
    /// PostgreSQL's headline options, bound as a parameter:
    /// `"StartSel=<mark>, StopSel=</mark>, MaxWords=20"`.
    pub fn options(mut self, options: impl Into<String>) -> Self {
        self.options = Some(options.into());
        self
    }
}

impl<E: Expression, Q: Expression> Expression for TsHeadline<E, Q> {
    type SqlType = Text;
    type Nullability = <E::Nullability as Nullability>::Or<Q::Nullability>;
    type Value = String;
}
search_node!(TsHeadline [E, Q,] [E, Q], E, Q);

impl<E: RenderSql<Pg>, Q: RenderSql<Pg>> RenderSql<Pg> for TsHeadline<E, Q> {
    const TYPE_SHAPED: bool = E::TYPE_SHAPED && Q::TYPE_SHAPED;

    fn render<'q>(&'q self, out: &mut SqlWriter<'q, Pg>) {
        out.push_sql("ts_headline(");
        out.push_name_literal(self.config, "text search configuration");
        out.push_sql(", ");
        self.document.render(out);
        out.push_sql(", ");
        self.query.render(out);
        out.push_choice(u64::from(self.options.is_some()));
        if let Some(options) = &self.options {
            out.push_sql(", ");
            out.push_bind(crate::types::Value::Text(std::borrow::Cow::Borrowed(options)));
        }
        out.push_sql(")");
    }
}
