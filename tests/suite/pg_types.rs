//! PostgreSQL's network, bit-string, geometric, money, citext and precision types: each
//! written, read back equal, and compared in a WHERE with a bound value.

use mizzle::types::{BitString, GeoPoint, Inet, Line, MacAddr, MacAddr8, Point};

mod tables {
    use mizzle::pg::*;
    mizzle::table! {
        pub hosts in Pg {
            id: Integer [primary_key],
            address: Inet [not_null],
            network: Cidr [not_null],
            mac: MacAddr [not_null],
            mac8: MacAddr8 [not_null],
            flags: Bit<4> [not_null],
            mask: VarBit<8> [not_null],
            any_bits: VarBitAny,
            location: Point [not_null],
            border: Line [not_null],
            balance: Money [not_null],
            name: Citext [not_null],
            seen_at: TimestampP<3> [not_null],
            seen_tz: TimestamptzP<0> [not_null],
            opens: TimeP<2> [not_null],
        }
    }
}

#[tokio::test]
async fn each_type_round_trips_and_compares() {
    use chrono::{NaiveDate, TimeZone, Utc};
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use rust_decimal::Decimal;
    use tables::hosts;
    // citext into the test's own schema, which every connection of the test searches (a
    // database holds an extension once: an earlier one elsewhere goes first).
    let ddl = [
        "DROP EXTENSION IF EXISTS citext CASCADE; CREATE EXTENSION citext SCHEMA mizzle_pg_types".to_owned(),
        create_table(hosts::table).unwrap(),
    ];
    let Some(db) = crate::support::pg("pg_types", &ddl).await else {
        return;
    };
    let day = NaiveDate::from_ymd_opt(2026, 12, 2).unwrap();
    let row = hosts::New {
        id: 1,
        address: "192.168.10.7/24".parse::<Inet>().unwrap(),
        network: "2001:db8::/32".parse::<Inet>().unwrap(),
        mac: "08:00:2b:01:02:03".parse::<MacAddr>().unwrap(),
        mac8: "08:00:2b:01:02:03:04:05".parse::<MacAddr8>().unwrap(),
        flags: "1010".parse::<BitString>().unwrap(),
        mask: "110".parse::<BitString>().unwrap(),
        any_bits: Some("1111000011".parse::<BitString>().unwrap()),
        location: Point { x: 1.5, y: -2.0 },
        border: "{1,-1,0.5}".parse::<Line>().unwrap(),
        balance: Decimal::new(123456, 2),
        name: "Ada Lovelace".to_owned(),
        seen_at: day.and_hms_micro_opt(10, 11, 12, 345_678).unwrap(),
        seen_tz: Utc.from_utc_datetime(&day.and_hms_micro_opt(10, 11, 12, 600_000).unwrap()),
        opens: chrono::NaiveTime::from_hms_micro_opt(9, 30, 0, 123_456).unwrap(),
    };
    insert(hosts::table).values(row.clone()).execute(&db).await.unwrap();
    let read = select(hosts::table.row())
        .from(hosts::table)
        .get(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(read.address, row.address);
    assert_eq!(read.network, row.network);
    assert_eq!((read.mac, read.mac8), (row.mac, row.mac8));
    assert_eq!(
        (read.flags.to_string(), read.mask.to_string()),
        ("1010".to_owned(), "110".to_owned())
    );
    assert_eq!(read.any_bits, row.any_bits);
    assert_eq!(read.location, row.location);
    assert_eq!(
        read.border,
        Line {
            a: 1.0,
            b: -1.0,
            c: 0.5
        }
    );
    assert_eq!(read.balance, row.balance);
    assert_eq!(read.name, "Ada Lovelace");
    // The precision rounds what is stored: 3 digits, none, 2.
    assert_eq!(read.seen_at, day.and_hms_milli_opt(10, 11, 12, 346).unwrap());
    assert_eq!(
        read.seen_tz,
        Utc.from_utc_datetime(&day.and_hms_opt(10, 11, 13).unwrap())
    );
    assert_eq!(
        read.opens,
        chrono::NaiveTime::from_hms_milli_opt(9, 30, 0, 120).unwrap()
    );
    // Bound values compare in WHERE, each sent in its own type.
    let found = select(hosts::id)
        .from(hosts::table)
        .filter(
            hosts::address
                .eq("192.168.10.7/24".parse::<Inet>().unwrap())
                .and(hosts::mac.eq("08-00-2B-01-02-03".parse::<MacAddr>().unwrap()))
                .and(hosts::flags.eq("1010".parse::<BitString>().unwrap()))
                .and(hosts::balance.eq(Decimal::new(123456, 2)))
                .and(hosts::name.eq("ADA LOVELACE")),
        )
        .all(&db)
        .await
        .unwrap();
    assert_eq!(found, [1]);
    // A value the type refuses is the server's error, named.
    let refused = insert(hosts::table)
        .values(hosts::New {
            id: 2,
            flags: "10".parse::<BitString>().unwrap(),
            ..row
        })
        .execute(&db)
        .await
        .unwrap_err();
    assert!(
        refused
            .to_string()
            .contains("bit string length 2 does not match type bit(4)"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_mysql_bit_field_reads_as_an_integer() {
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    mod flags_table {
        use mizzle::mysql::*;
        mizzle::table! {
            pub flags in MySql {
                id: Int [primary_key],
                bits: Bit<12> [not_null],
            }
        }
    }
    use flags_table::flags;
    let Some(db) = crate::support::mysql("bit_field", &[create_table(flags::table).unwrap()]).await else {
        return;
    };
    insert(flags::table)
        .values(vec![
            (flags::id.to(1), flags::bits.to(0b1010_0000_0101u64)),
            (flags::id.to(2), flags::bits.to(0u64)),
        ])
        .execute(&db)
        .await
        .unwrap();
    let read = select(flags::bits)
        .from(flags::table)
        .order_by(flags::id.asc())
        .all(&db)
        .await
        .unwrap();
    assert_eq!(read, [0b1010_0000_0101, 0]);
    let found = select(flags::id)
        .from(flags::table)
        .filter(flags::bits.eq(0b1010_0000_0101u64))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(found, [1]);
}

mod places {
    use mizzle::pg::*;
    mizzle::table! {
        pub places in Pg {
            id: Integer [primary_key],
            at: GeometryPoint<4326> [not_null],
        }
    }
}

#[tokio::test]
async fn a_postgis_point_keeps_its_srid() {
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    use places::places;
    let Some(db) = crate::support::pg("postgis", &[]).await else {
        return;
    };
    // PostGIS into the test's own schema, which every connection of the test searches.
    let installed = db
        .execute_sql("DROP EXTENSION IF EXISTS postgis CASCADE; CREATE EXTENSION postgis SCHEMA mizzle_postgis")
        .await;
    if let Err(error) = installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "PostGIS is installed by .ci/run, yet the extension is missing: {error}"
        );
        eprintln!("skipped: PostGIS is not installed on this server ({error})");
        return;
    }
    db.execute_sql(&create_table(places::table).unwrap()).await.unwrap();
    let oslo = GeoPoint {
        x: 10.75,
        y: 59.91,
        srid: 4326,
    };
    insert(places::table)
        .values((places::id.to(1), places::at.to(oslo)))
        .execute(&db)
        .await
        .unwrap();
    let read = select(places::at).from(places::table).get(&db).await.unwrap();
    assert_eq!(read, Some(oslo));
    let text = select(mizzle::sql::<mizzle::types::Text>("ST_AsEWKT(at)"))
        .from(places::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(text.as_deref(), Some("SRID=4326;POINT(10.75 59.91)"));
    let found = select(places::id)
        .from(places::table)
        .filter(places::at.eq(oslo))
        .all(&db)
        .await
        .unwrap();
    assert_eq!(found, [1]);
    // A point of another system is the server's error, named.
    let refused = insert(places::table)
        .values((places::id.to(2), places::at.to(GeoPoint { srid: 3857, ..oslo })))
        .execute(&db)
        .await
        .unwrap_err();
    assert!(refused.to_string().contains("SRID"), "{refused}");
}

#[tokio::test]
async fn a_mysql_point_keeps_its_srid() {
    use mizzle::prelude::*;
    use mizzle::{create_table, insert, select};
    mod spots_table {
        use mizzle::mysql::*;
        mizzle::table! {
            pub spots in MySql {
                id: Int [primary_key],
                at: Point [not_null],
            }
        }
    }
    use spots_table::spots;
    let Some(db) = crate::support::mysql("points", &[create_table(spots::table).unwrap()]).await else {
        return;
    };
    let oslo = GeoPoint {
        x: 10.75,
        y: 59.91,
        srid: 4326,
    };
    insert(spots::table)
        .values((spots::id.to(1), spots::at.to(oslo)))
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(select(spots::at).from(spots::table).get(&db).await.unwrap(), Some(oslo));
    let text = select(mizzle::sql::<mizzle::types::Text>("ST_AsText(at)"))
        .from(spots::table)
        .get(&db)
        .await
        .unwrap();
    assert_eq!(text.as_deref(), Some("POINT(10.75 59.91)"));
}
