//! The studio in a real browser (headless Chromium, driven through chromedriver) on each
//! database: browse a table, filter it, edit a row (refused by a validator with the
//! message on the field, then saved and read back from the database), and the SQL
//! console. With `MIZZLE_STUDIO_SCREENSHOTS=<folder>`, the SQLite run saves pictures of
//! the main views there (docs/studio holds the ones the README shows).

mod studio_support;
mod support;

use fantoccini::{Client, ClientBuilder, Locator};
use mizzle_dsl::dialect::Dialect;
use mizzle_dsl::schema::Schema;
use mizzle_kit::apply::connect;
use std::time::Duration;

/// chromedriver, started on a free port, and stopped when dropped.
struct Driver {
    process: tokio::process::Child,
    port: u16,
}

impl Driver {
    /// Starts chromedriver; `None` (or a failure under CI) when it is not installed.
    async fn start() -> Option<Driver> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let process = match tokio::process::Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .kill_on_drop(true)
            .spawn()
        {
            Ok(process) => process,
            Err(error) => {
                assert!(
                    std::env::var("CI").as_deref() != Ok("true"),
                    "chromedriver is not installed, and CI=true requires it (apt-get install chromium chromium-driver): {error}"
                );
                eprintln!("skipped: chromedriver is not installed ({error})");
                return None;
            }
        };
        for _ in 0..100 {
            if tokio::net::TcpStream::connect(("127.0.0.1", port)).await.is_ok() {
                return Some(Driver { process, port });
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start listening");
    }

    /// A headless Chromium session.
    async fn browser(&self) -> Client {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            serde_json::json!({ "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,720"] }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.start_kill();
    }
}

/// The text of every cell of the table view's column `column`, in order, read at once
/// (the page redraws its table as rows arrive).
async fn column_texts(browser: &Client, column: &str) -> Vec<String> {
    let script = "return [...document.querySelectorAll(`#grid tbody td[data-column='${arguments[0]}']`)].map(td => td.textContent);";
    let texts = browser.execute(script, vec![column.into()]).await.unwrap();
    serde_json::from_value(texts).unwrap()
}

/// Clicks the element `css` finds, once the page has drawn it (again, if it redraws
/// meanwhile).
async fn click(browser: &Client, css: &str) {
    for _ in 0..100 {
        if let Ok(element) = browser.find(Locator::Css(css)).await {
            if element.click().await.is_ok() {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("nothing to click at `{css}`");
}

/// Waits until `column`'s cells read `expected`.
async fn wait_for_column(browser: &Client, column: &str, expected: &[&str]) {
    for _ in 0..100 {
        if column_texts(browser, column).await == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the column `{column}` read {:?}, not {expected:?}",
        column_texts(browser, column).await
    );
}

/// Waits until nothing matches `css`.
async fn wait_gone(browser: &Client, css: &str) {
    for _ in 0..100 {
        if browser.find_all(Locator::Css(css)).await.unwrap().is_empty() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("`{css}` is still there");
}

/// Double-clicks the cell of `column` in the row whose `id` cell reads `id`.
async fn edit_cell(browser: &Client, id: &str, column: &str, text: &str) {
    let script = "const row = [...document.querySelectorAll('#grid tbody tr')].find(r => r.querySelector(\"td[data-column='id']\").textContent === arguments[0]); \
                  row.querySelector(`td[data-column='${arguments[1]}']`).dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));";
    browser.execute(script, vec![id.into(), column.into()]).await.unwrap();
    // The value is selected as the cell opens: typing replaces it, Enter stages it.
    let input = browser
        .wait()
        .for_element(Locator::Css(&format!("input[data-editing='{column}']")))
        .await
        .unwrap();
    input.send_keys(&format!("{text}\u{E007}")).await.unwrap();
}

async fn screenshot(browser: &Client, name: &str) {
    if let Ok(folder) = std::env::var("MIZZLE_STUDIO_SCREENSHOTS") {
        std::fs::create_dir_all(&folder).unwrap();
        let png = browser.screenshot().await.unwrap();
        std::fs::write(std::path::Path::new(&folder).join(format!("{name}.png")), png).unwrap();
    }
}

/// One chromedriver at a time: each picks a free port by binding port 0 and letting it
/// go, so two starting together can pick the same one, and the one that loses the race
/// exits while its test talks to the other's driver, until that one stops.
static ONE_DRIVER: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn scenario<D: Dialect>(dialect: &str, schema: Schema<D>) {
    let _one_driver = ONE_DRIVER.lock().await;
    let Some(driver) = Driver::start().await else {
        return;
    };
    let Some(url) = support::database(dialect, &format!("studio_browser_{dialect}")).await else {
        return;
    };
    let studio = studio_support::studio_on(&url, &schema).await;
    let mut conn = connect(&url).await.unwrap();
    let browser = driver.browser().await;
    let shots = dialect == "sqlite";

    // Browse: the tables with their counts; a table's rows.
    browser.goto(&studio.url()).await.unwrap();
    click(&browser, "#tables a[data-table='posts']").await;
    wait_for_column(&browser, "title", &["Notes", "Engines", "Machines"]).await;
    // A foreign key is a link to the row it refers to.
    click(&browser, "#grid tbody td[data-column='user_id'] a").await;
    wait_for_column(&browser, "name", &["Ada"]).await;
    // And back: Ada's row links to the posts that refer to it.
    click(&browser, "#grid tbody a[data-referenced-by='posts']").await;
    wait_for_column(&browser, "title", &["Notes", "Engines"]).await;
    click(&browser, "#tables a[data-table='users']").await;
    wait_for_column(&browser, "name", &["Ada", "Grace", "Alan", "Barbara"]).await;
    if shots {
        screenshot(&browser, "table").await;
    }

    // Filter: names containing "al".
    browser
        .find(Locator::Css("#filter-column"))
        .await
        .unwrap()
        .select_by_value("name")
        .await
        .unwrap();
    browser
        .find(Locator::Css("#filter-op"))
        .await
        .unwrap()
        .select_by_value("contains")
        .await
        .unwrap();
    browser
        .find(Locator::Css("#filter-value"))
        .await
        .unwrap()
        .send_keys("al")
        .await
        .unwrap();
    click(&browser, "#filter-add").await;
    wait_for_column(&browser, "name", &["Alan"]).await;
    click(&browser, ".chip button").await;
    wait_for_column(&browser, "name", &["Ada", "Grace", "Alan", "Barbara"]).await;

    // An edit the validator refuses: the message is on the field, nothing is sent.
    edit_cell(&browser, "1", "age", "old").await;
    click(&browser, "#apply").await;
    let error = browser
        .wait()
        .for_element(Locator::Css("td[data-column='age'] .field-error"))
        .await
        .unwrap();
    let message = error.text().await.unwrap();
    assert!(!message.is_empty(), "the field shows why");
    if shots {
        screenshot(&browser, "validation").await;
    }
    let unchanged = conn
        .query_text("SELECT name FROM users WHERE id = 1 AND age = 36")
        .await
        .unwrap();
    assert_eq!(unchanged.len(), 1, "the refused edit was not sent");
    // Then a valid edit, saved and read back from the database.
    click(&browser, "#discard").await;
    edit_cell(&browser, "1", "name", "Ada Lovelace").await;
    click(&browser, "#apply").await;
    // Applied once the staged edits are gone (a staged value shows in its cell already).
    wait_gone(&browser, "#staged").await;
    wait_for_column(&browser, "name", &["Ada Lovelace", "Grace", "Alan", "Barbara"]).await;
    let name = conn.query_text("SELECT name FROM users WHERE id = 1").await.unwrap();
    assert_eq!(name[0][0].as_deref(), Some("Ada Lovelace"));

    // The SQL console.
    click(&browser, "header nav button[data-view='sql']").await;
    let input = browser.wait().for_element(Locator::Css("#sql-input")).await.unwrap();
    input.send_keys("SELECT count(*) AS posts FROM posts").await.unwrap();
    click(&browser, "#sql-run").await;
    let result = browser
        .wait()
        .for_element(Locator::Css("#sql-result td"))
        .await
        .unwrap();
    assert_eq!(result.text().await.unwrap(), "3");
    if shots {
        screenshot(&browser, "sql").await;
        click(&browser, "header nav button[data-view='diagram']").await;
        browser.wait().for_element(Locator::Css("#diagram")).await.unwrap();
        screenshot(&browser, "diagram").await;
    }
    browser.close().await.unwrap();
    studio.stop();
}

#[tokio::test]
async fn in_a_browser_the_studio_browses_filters_and_edits_sqlite() {
    scenario("sqlite", studio_support::sqlite()).await;
}

#[tokio::test]
async fn in_a_browser_the_studio_browses_filters_and_edits_postgres() {
    scenario("postgresql", studio_support::pg()).await;
}

#[tokio::test]
async fn in_a_browser_the_studio_browses_filters_and_edits_mysql() {
    scenario("mysql", studio_support::mysql()).await;
}
