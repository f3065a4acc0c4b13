//! JSON operators on the three servers: reading members by path, key tests, containment,
//! jsonpath, and writing members with UPDATE.

use serde::{Deserialize, Serialize};

/// A member of the documents, read back as a typed value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    pub city: String,
}
impl mizzle::types::JsonValue for Address {}

/// A typed document: its members are declared for `.field(..)`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    pub name: String,
    pub address: Address,
    #[serde(rename = "yearsActive")]
    pub years_active: i64,
}
impl mizzle::types::JsonValue for Person {}

mizzle::json_fields! {
    pub mod person for Person {
        name: String,
        address: Address,
        years_active("yearsActive"): i64,
    }
}
mizzle::json_fields! {
    pub mod address for Address {
        city: String,
    }
}

mod tables {
    pub mod pg {
        use mizzle::pg::*;
        mizzle::table! {
            pub docs in Pg {
                id: Integer [primary_key],
                body: Jsonb [not_null],
                typed: Jsonb<crate::suite::json::Person>,
            }
        }
    }
    pub mod my {
        use mizzle::mysql::*;
        mizzle::table! {
            pub docs in MySql {
                id: Int [primary_key],
                body: Json [not_null],
                typed: Json<crate::suite::json::Person>,
            }
        }
    }
    pub mod lite {
        use mizzle::sqlite::*;
        mizzle::table! {
            pub docs in Sqlite {
                id: Integer [primary_key],
                body: TextJson [not_null],
                typed: TextJson<crate::suite::json::Person>,
            }
        }
    }
}

/// Ada's and Grace's documents; Grace's has a key with a dot in it.
fn documents() -> [serde_json::Value; 2] {
    [
        serde_json::json!({"name": "Ada", "age": 36, "tags": ["math", "engines"], "address": {"city": "London"}}),
        serde_json::json!({"name": "Grace", "age": 85, "tags": ["navy"], "address": {"city": "New York"}, "a.b": 1}),
    ]
}

/// Writes the scenarios every dialect shares.
macro_rules! json_scenarios {
    ($module:ident, $tables:path, $db:ty, $connect:path) => {
        mod $module {
            use super::{documents, Address};
            use mizzle::prelude::*;
            use mizzle::types::BigInt;
            use mizzle::{create_table, insert, select, update};
            use $tables::{docs};

            async fn open(test: &str) -> Option<$db> {
                let db = $connect(&format!("{}_{test}", stringify!($module)), &[create_table(docs::table).unwrap()]).await?;
                let [ada, grace] = documents();
                insert(docs::table)
                    .values(vec![(docs::id.to(1), docs::body.to(ada)), (docs::id.to(2), docs::body.to(grace))])
                    .execute(&db)
                    .await
                    .unwrap();
                Some(db)
            }

            #[tokio::test]
            async fn members_are_read_by_key_index_and_path() {
                let Some(db) = open("json_read").await else {
                    return;
                };
                let rows = select((
                    docs::body.get_text("name"),
                    docs::body.get(["address", "city"]),
                    docs::body.get_as::<Address>("address"),
                    docs::body.get_text(JsonPath::key("tags").then_index(1)),
                    docs::body.get("tags").json_length(),
                ))
                .from(docs::table)
                .order_by(docs::id.asc())
                .all(&db)
                .await
                .unwrap();
                assert_eq!(
                    rows,
                    [
                        (
                            Some("Ada".to_owned()),
                            Some(serde_json::json!("London")),
                            Some(Address { city: "London".into() }),
                            Some("engines".to_owned()),
                            Some(2),
                        ),
                        (
                            Some("Grace".to_owned()),
                            Some(serde_json::json!("New York")),
                            Some(Address { city: "New York".into() }),
                            None,
                            Some(1),
                        ),
                    ]
                );
                let older = select(docs::id)
                    .from(docs::table)
                    .filter(docs::body.extract::<BigInt>("age").gt(50i64))
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(older, [2]);
                let dotted = select(docs::body.extract::<BigInt>("a.b"))
                    .from(docs::table)
                    .order_by(docs::id.asc())
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(dotted, [None, Some(1)]);
            }

            #[tokio::test]
            async fn members_of_a_typed_document_are_read_by_their_declared_names() {
                use super::{address, person, Person};
                let Some(db) = open("json_fields").await else {
                    return;
                };
                let ada = Person {
                    name: "Ada".into(),
                    address: Address { city: "London".into() },
                    years_active: 20,
                };
                update(docs::table).set(docs::typed.to(Some(ada))).filter(docs::id.eq(1)).execute(&db).await.unwrap();
                let rows = select((
                    docs::typed.field(person::address).field(address::city),
                    docs::typed.field(person::years_active),
                    docs::typed.field(person::name),
                ))
                .from(docs::table)
                .order_by(docs::id.asc())
                .all(&db)
                .await
                .unwrap();
                assert_eq!(rows, [(Some("London".to_owned()), Some(20), Some("Ada".to_owned())), (None, None, None)]);
            }

            #[tokio::test]
            async fn keys_are_tested_one_any_or_all() {
                let Some(db) = open("json_keys").await else {
                    return;
                };
                let with = |keys: &'static [&'static str], all: bool| {
                    let db = &db;
                    async move {
                        let test = if all {
                            docs::body.has_all_keys(keys.iter().copied())
                        } else {
                            docs::body.has_any_key(keys.iter().copied())
                        };
                        select(docs::id).from(docs::table).filter(test).order_by(docs::id.asc()).all(db).await.unwrap()
                    }
                };
                assert_eq!(with(&["zzz", "a.b"], false).await, [2]);
                assert_eq!(with(&["name", "a.b"], true).await, [2]);
                assert_eq!(with(&["name", "tags"], true).await, [1, 2]);
                assert!(with(&["zzz"], false).await.is_empty());
                let dotted = select(docs::id).from(docs::table).filter(docs::body.has_key("a.b")).all(&db).await.unwrap();
                assert_eq!(dotted, [2]);
            }

            #[tokio::test]
            async fn members_are_set_and_removed_by_update() {
                let Some(db) = open("json_write").await else {
                    return;
                };
                update(docs::table)
                    .set(docs::body.to(docs::body.json_set(["address", "city"], "Paris").json_remove("tags")))
                    .filter(docs::id.eq(1))
                    .execute(&db)
                    .await
                    .unwrap();
                update(docs::table)
                    .set(docs::body.to(docs::body.json_set("rank", serde_json::json!({"navy": "rear admiral"}))))
                    .filter(docs::id.eq(2))
                    .execute(&db)
                    .await
                    .unwrap();
                let rows = select((docs::body.get_text(["address", "city"]), docs::body.has_key("tags"), docs::body.get_text(["rank", "navy"])))
                    .from(docs::table)
                    .order_by(docs::id.asc())
                    .all(&db)
                    .await
                    .unwrap();
                assert_eq!(
                    rows,
                    [
                        (Some("Paris".to_owned()), false, None),
                        (Some("New York".to_owned()), true, Some("rear admiral".to_owned())),
                    ]
                );
            }
        }
    };
}

json_scenarios!(on_postgres, super::tables::pg, mizzle::pg::Database, crate::support::pg);
json_scenarios!(
    on_mysql,
    super::tables::my,
    mizzle::mysql::Database,
    crate::support::mysql
);
json_scenarios!(
    on_sqlite,
    super::tables::lite,
    mizzle::sqlite::AsyncDatabase,
    crate::support::sqlite
);

/// Containment on PostgreSQL's jsonb and MySQL's JSON.
macro_rules! containment_scenario {
    ($name:ident, $tables:path, $connect:path) => {
        #[tokio::test]
        async fn $name() {
            use mizzle::prelude::*;
            use mizzle::{create_table, insert, select};
            use $tables::{docs};
            let Some(db) = $connect(stringify!($name), &[create_table(docs::table).unwrap()]).await else {
                return;
            };
            let [ada, grace] = documents();
            insert(docs::table)
                .values(vec![(docs::id.to(1), docs::body.to(ada)), (docs::id.to(2), docs::body.to(grace))])
                .execute(&db)
                .await
                .unwrap();
            let navy = select(docs::id)
                .from(docs::table)
                .filter(docs::body.contains(serde_json::json!({"tags": ["navy"]})))
                .all(&db)
                .await
                .unwrap();
            assert_eq!(navy, [2]);
            let within = select(docs::id)
                .from(docs::table)
                .filter(docs::body.get("address").contained_by(serde_json::json!({"city": "London", "zip": "N1"})))
                .all(&db)
                .await
                .unwrap();
            assert_eq!(within, [1]);
        }
    };
}

containment_scenario!(containment_on_postgres, tables::pg, crate::support::pg);
containment_scenario!(containment_on_mysql, tables::my, crate::support::mysql);

#[tokio::test]
async fn jsonpath_queries_on_postgres() {
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use tables::pg::docs;
    let Some(db) = crate::support::pg("jsonpath_queries", &[create_table(docs::table).unwrap()]).await else {
        return;
    };
    let [ada, grace] = documents();
    insert(docs::table)
        .values(vec![
            (docs::id.to(1), docs::body.to(ada)),
            (docs::id.to(2), docs::body.to(grace)),
        ])
        .execute(&db)
        .await
        .unwrap();
    let math = select(docs::id)
        .from(docs::table)
        .filter(docs::body.path_exists("$.tags[*] ? (@ == \"math\")"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(math, [1]);
    let older = select(docs::id)
        .from(docs::table)
        .filter(docs::body.path_match("$.age > 50"))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(older, [2]);
}

mod binary {
    use mizzle::sqlite::*;
    mizzle::table! {
        pub docs in Sqlite {
            id: Integer [primary_key],
            body: BlobJson [not_null],
        }
    }
}

#[tokio::test]
async fn sqlite_keeps_binary_json_binary_and_reads_it_with_its_functions() {
    use binary::docs;
    use mizzle::prelude::*;
    use mizzle::types::Text;
    use mizzle::{create_table, insert, select, sql, update};
    let Some(db) = crate::support::sqlite("binary_json", &[create_table(docs::table).unwrap()]).await else {
        return;
    };
    let [ada, _] = documents();
    insert(docs::table)
        .values((docs::id.to(1), docs::body.to(ada.clone())))
        .execute(&db)
        .await
        .unwrap();
    // Stored as a blob, in the form SQLite's own jsonb() writes, which json() reads.
    let stored = select((sql::<Text>("typeof(body)"), sql::<Text>("json(body)")))
        .from(docs::table)
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.0, "blob");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stored.1).unwrap(), ada);
    assert_eq!(select(docs::body).from(docs::table).get(&db).await.unwrap(), Some(ada));
    let city = select(docs::body.get_text(["address", "city"]))
        .from(docs::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(city, Some(Some("London".to_owned())));
    // Writing a member keeps it binary.
    update(docs::table)
        .set(docs::body.to(docs::body.json_set("age", 37).json_remove("tags")))
        .filter(docs::id.eq(1))
        .execute(&db)
        .await
        .unwrap();
    let after = select((
        sql::<Text>("typeof(body)"),
        docs::body.extract::<mizzle::types::BigInt>("age"),
        docs::body.has_key("tags"),
    ))
    .from(docs::table)
    .get(&db)
    .await
    .unwrap()
    .unwrap();
    assert_eq!(after, ("blob".to_owned(), Some(37), false));
}
