//! `mizzle studio`: a local web page to browse and edit the database, served by the kit
//! on 127.0.0.1 only, behind a random token in the URL it prints. Every asset is in the
//! binary: the page needs no network.

mod data;
mod edits;
mod query;
mod routes;
mod tables;

pub use edits::RowCheck;

use crate::apply::{connect, MigrateOptions};
use mizzle_dsl::schema::model::SchemaModel;
use std::io::Read;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// What a studio serves.
#[derive(Clone, Default)]
pub struct StudioOptions {
    /// The database URL.
    pub url: String,
    /// The port on 127.0.0.1; a free one when 0.
    pub port: u16,
    /// The schema, when the studio runs from the application's migrations binary: its
    /// tables (else the database's own), and drift from it.
    pub schema: Option<SchemaModel>,
    /// The application's validators, checking each edited row before it is sent.
    pub check: Option<RowCheck>,
    /// The migrations folder and journal, for the migrations view.
    pub migrations: Option<(PathBuf, MigrateOptions)>,
}

impl std::fmt::Debug for StudioOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StudioOptions")
            .field("port", &self.port)
            .field("schema", &self.schema.is_some())
            .field("check", &self.check.is_some())
            .finish_non_exhaustive()
    }
}

/// A running studio.
#[derive(Debug)]
pub struct Studio {
    /// The address it listens on.
    pub address: SocketAddr,
    /// The session's token.
    pub token: String,
    server: tokio::task::JoinHandle<()>,
}

impl Studio {
    /// The page's URL, token included.
    pub fn url(&self) -> String {
        format!("http://{}/?token={}", self.address, self.token)
    }

    /// Stops serving.
    pub fn stop(self) {
        self.server.abort();
    }

    /// Serves until the process ends.
    pub async fn wait(self) -> Result<(), String> {
        self.server.await.map_err(|e| e.to_string())
    }
}

/// Starts a studio for `options`: connects, reads the tables (from the schema, else from
/// the database), and serves on 127.0.0.1. Opens nothing by itself: print [`Studio::url`].
pub async fn start(options: StudioOptions) -> Result<Studio, String> {
    let mut conn = connect(&options.url).await?;
    let model = match &options.schema {
        Some(schema) => schema.clone(),
        None => {
            let journal = options
                .migrations
                .as_ref()
                .map(|(_, o)| o.table.clone())
                .unwrap_or_default();
            crate::introspect::model(&mut conn, &[journal.as_str()]).await?
        }
    };
    let dialect = model.kind()?;
    let token = token()?;
    let studio = Arc::new(routes::Studio {
        conn: tokio::sync::Mutex::new(conn),
        dialect,
        tables: tables::tables(&model),
        token: token.clone(),
        check: options.check,
        url: options.url,
        schema: options.schema,
        migrations: options.migrations,
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{}: {e}", options.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let router = routes::router(studio);
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    Ok(Studio { address, token, server })
}

/// 128 random bits, in hex: the URL's token, so that other users of the machine cannot
/// use the studio.
fn token() -> Result<String, String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut random| random.read_exact(&mut bytes))
        .map_err(|e| format!("cannot read random bytes for the studio's token: {e}"))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}
