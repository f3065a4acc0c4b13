//! Spans per statement, transaction and pool wait, with OpenTelemetry's database
//! attributes, seen by a subscriber of the test's own.

use mizzle::prelude::*;
use mizzle::{insert, select};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::{Mutex, Once};
use std::thread::ThreadId;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

/// A span as the subscriber saw it: its name, its fields, and its parent's name.
#[derive(Debug, Clone, Default)]
struct Seen {
    name: &'static str,
    fields: BTreeMap<String, String>,
    parent: Option<&'static str>,
}

/// Every span made in the test binary, with the thread that made it; a span's id is its
/// place in the list plus one.
static SPANS: Mutex<Vec<(ThreadId, Seen)>> = Mutex::new(Vec::new());

thread_local! {
    /// The spans entered on this thread, innermost last (for parents).
    static ENTERED: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// The process's subscriber, set once: a subscriber of one test's own (`set_default`)
/// races with the callsites' interest, which tests on other threads may cache as "never"
/// while it is being set, and then a span is missing.
struct Global;

impl Visit for Seen {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.fields.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.fields.insert(field.name().to_owned(), value.to_owned());
    }
}

impl Subscriber for Global {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.target() == "mizzle"
    }

    fn new_span(&self, attributes: &Attributes<'_>) -> Id {
        let mut seen = Seen {
            name: attributes.metadata().name(),
            ..Seen::default()
        };
        attributes.record(&mut seen);
        let spans = &mut *SPANS.lock().unwrap();
        seen.parent = ENTERED.with(|entered| entered.borrow().last().map(|&id| spans[id as usize - 1].1.name));
        spans.push((std::thread::current().id(), seen));
        Id::from_u64(spans.len() as u64)
    }

    fn record(&self, span: &Id, values: &Record<'_>) {
        let spans = &mut *SPANS.lock().unwrap();
        values.record(&mut spans[span.into_u64() as usize - 1].1);
    }

    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, _: &Event<'_>) {}

    fn enter(&self, span: &Id) {
        ENTERED.with(|entered| entered.borrow_mut().push(span.into_u64()));
    }

    fn exit(&self, _: &Id) {
        ENTERED.with(|entered| entered.borrow_mut().pop());
    }
}

/// The spans one test's thread makes (each test runs on a thread of its own, its
/// statements on it: `#[tokio::test]` is single-threaded).
struct Recorder {
    thread: ThreadId,
    /// Where in the list the spans not taken yet start.
    from: Mutex<usize>,
}

/// Listens to the spans made on this thread from now on.
fn listen() -> Recorder {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| tracing::subscriber::set_global_default(Global).expect("the tests' subscriber is the first"));
    Recorder {
        thread: std::thread::current().id(),
        from: Mutex::new(SPANS.lock().unwrap().len()),
    }
}

impl Recorder {
    /// The spans this thread made since the last call.
    fn taken(&self) -> Vec<Seen> {
        let spans = SPANS.lock().unwrap();
        let mut from = self.from.lock().unwrap();
        let taken = spans[*from..]
            .iter()
            .filter(|(thread, _)| *thread == self.thread)
            .map(|(_, seen)| seen.clone())
            .collect();
        *from = spans.len();
        taken
    }
}

mod schema {
    use mizzle::pg::*;
    mizzle::table! {
        pub visits in Pg {
            id: Integer [primary_key],
            page: Text [not_null],
        }
    }
}
use schema::visits;

#[tokio::test]
async fn each_statement_has_a_span_with_the_database_attributes_and_no_values() {
    let Some(db) = crate::support::pg("tracing_spans", &[mizzle::create_table(visits::table).unwrap()]).await else {
        return;
    };
    let recorder = listen();

    insert(visits::table)
        .values((visits::id.to(1), visits::page.to("/secret-page")))
        .execute(&db)
        .await
        .unwrap();
    let pages = select(visits::page).from(visits::table).all(&db).await.unwrap();
    assert_eq!(pages, ["/secret-page"]);
    let spans = recorder.taken();
    let queries: Vec<&Seen> = spans.iter().filter(|span| span.name == "mizzle.query").collect();
    assert_eq!(queries.len(), 2, "{spans:#?}");

    let insert_span = &queries[0].fields;
    assert_eq!(insert_span["db.system"], "postgresql");
    assert_eq!(insert_span["db.namespace"], "test");
    assert_eq!(insert_span["db.operation.name"], "INSERT");
    assert_eq!(insert_span["otel.name"], "INSERT");
    assert_eq!(
        insert_span["db.query.text"],
        r#"INSERT INTO "visits" ("id", "page") VALUES ($1, $2)"#
    );
    assert_eq!(insert_span["db.response.returned_rows"], "1");
    let select_span = &queries[1].fields;
    assert_eq!(select_span["db.operation.name"], "SELECT");
    assert_eq!(select_span["db.query.text"], r#"SELECT "visits"."page" FROM "visits""#);
    assert_eq!(select_span["db.response.returned_rows"], "1");
    // Bound values are never recorded unless asked for.
    for span in &spans {
        assert!(
            !span.fields.values().any(|value| value.contains("secret-page")),
            "{span:?}"
        );
        assert!(!span.fields.contains_key("db.query.parameters"), "{span:?}");
    }

    // A failed statement says so.
    let duplicate = insert(visits::table)
        .values((visits::id.to(1), visits::page.to("/again")))
        .execute(&db)
        .await;
    assert!(duplicate.is_err());
    let failed = recorder.taken();
    let failed = failed.iter().find(|span| span.name == "mizzle.query").unwrap();
    assert_eq!(failed.fields["otel.status_code"], "ERROR");
    assert_eq!(failed.fields["error.type"], "unique_violation");
}

#[tokio::test]
async fn statements_in_a_transaction_are_its_children_and_values_are_recorded_when_asked() {
    let options = mizzle::pg::PoolOptions {
        max_size: 2,
        trace_values: true,
        ..Default::default()
    };
    let ddl = [mizzle::create_table(visits::table).unwrap()];
    let Some(db) = crate::support::pg_with("tracing_tx", &ddl, options).await else {
        return;
    };
    let recorder = listen();
    db.transaction(async |tx| {
        insert(visits::table)
            .values((visits::id.to(7), visits::page.to("/home")))
            .execute(tx)
            .await
    })
    .await
    .unwrap();
    let spans = recorder.taken();
    let transaction = spans.iter().position(|span| span.name == "mizzle.transaction");
    assert!(transaction.is_some(), "{spans:#?}");
    let statement = spans.iter().find(|span| span.name == "mizzle.query").unwrap();
    assert_eq!(statement.parent, Some("mizzle.transaction"));
    assert_eq!(statement.fields["db.operation.name"], "INSERT");
    let values = &statement.fields["db.query.parameters"];
    assert!(values.contains("/home") && values.contains('7'), "{values}");
}

#[tokio::test]
async fn a_statement_that_waits_for_a_pooled_connection_has_a_wait_span() {
    let options = mizzle::pg::PoolOptions {
        max_size: 1,
        ..Default::default()
    };
    let ddl = [mizzle::create_table(visits::table).unwrap()];
    let Some(db) = crate::support::pg_with("tracing_wait", &ddl, options).await else {
        return;
    };
    let recorder = listen();
    // The transaction holds the only connection while the select waits for it.
    let holding = db.transaction(async |tx| {
        tx.execute_sql("SELECT pg_sleep(0.2)").await?;
        Ok::<_, mizzle::Error>(())
    });
    let waiting = async {
        tokio::task::yield_now().await;
        select(visits::page).from(visits::table).all(&db).await
    };
    let (held, waited) = tokio::join!(holding, waiting);
    held.unwrap();
    assert!(waited.unwrap().is_empty());
    let spans = recorder.taken();
    // The select's statement span holds its wait for the connection.
    let waited_in_statement = spans
        .iter()
        .any(|span| span.name == "mizzle.pool.wait" && span.parent == Some("mizzle.query"));
    assert!(waited_in_statement, "{spans:#?}");
}

#[tokio::test]
async fn sqlite_and_mysql_statements_have_spans_too() {
    mod lite {
        use mizzle::sqlite::*;
        mizzle::table! {
            pub notes in Sqlite {
                id: Integer [primary_key],
            }
        }
    }
    mod my {
        use mizzle::mysql::*;
        mizzle::table! {
            pub notes in MySql {
                id: Int [primary_key],
            }
        }
    }
    let recorder = listen();
    let db = mizzle::sqlite::Database::connect(":memory:").unwrap();
    db.execute_sql(&mizzle::create_table(lite::notes::table).unwrap())
        .unwrap();
    insert(lite::notes::table)
        .values(lite::notes::id.to(1))
        .execute(&db)
        .unwrap();
    let spans = recorder.taken();
    let span = spans.iter().find(|span| span.name == "mizzle.query").unwrap();
    assert_eq!(span.fields["db.system"], "sqlite");
    assert_eq!(span.fields["db.namespace"], ":memory:");
    assert_eq!(span.fields["db.query.text"], r#"INSERT INTO "notes" ("id") VALUES (?)"#);

    let Some(db) = crate::support::mysql("tracing_spans", &[mizzle::create_table(my::notes::table).unwrap()]).await
    else {
        return;
    };
    recorder.taken();
    let ids = select(my::notes::id).from(my::notes::table).all(&db).await.unwrap();
    assert!(ids.is_empty());
    let spans = recorder.taken();
    let span = spans.iter().find(|span| span.name == "mizzle.query").unwrap();
    assert_eq!(span.fields["db.system"], "mysql");
    assert_eq!(span.fields["db.namespace"], "mizzle_tracing_spans");
    assert_eq!(span.fields["db.response.returned_rows"], "0");
}
