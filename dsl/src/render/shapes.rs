//! The text of statements already rendered, found again by the fingerprint of their shape.
//!
//! A query built the same way twice writes the same SQL: only its bound values differ.
//! Rendering it again costs more than running it on an embedded database, so a statement
//! is first walked without writing text: the walk collects the bound values and a
//! fingerprint of every piece the text would be made of. The fingerprint of a piece is the
//! address and length of a `'static` string (the same address always holds the same
//! text), or the bytes of a string made at run time, or a number (a LIMIT). When the
//! fingerprint is known, its text is reused; otherwise the statement is rendered in full
//! and its text kept for the next time.
//!
//! A statement whose static text follows from its type alone (every node of it says so,
//! with [`RenderSql::TYPE_SHAPED`](super::RenderSql::TYPE_SHAPED)) is keyed by its type
//! instead, and its walk fingerprints only what depends on values: the numbers, text made
//! at run time and choices its nodes record. Most statements are such, and their walk
//! then costs little more than collecting their values.

use super::writer::Fingerprint;
use std::any::TypeId;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// How much statement text the process keeps, in bytes. Texts are kept for the life of
/// the process, so a program that builds endless different shapes (IN lists of every
/// length, say) stops adding to it here and renders those in full each time.
pub const KEPT_TEXT_BUDGET: usize = 8 << 20;

/// Statements longer than this are not kept: they are many-row inserts, whose row counts vary.
const LONGEST_KEPT: usize = 64 << 10;

/// The texts kept so far, shared by every thread.
static KEPT: Mutex<Option<HashMap<Key, &'static str, Identity>>> = Mutex::new(None);

/// The bytes of text kept so far.
static KEPT_BYTES: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// This thread's view of [`KEPT`], read without a lock.
    static SEEN: RefCell<HashMap<Key, &'static str, Identity>> = RefCell::default();
}

/// What a kept text is found by: the fingerprint of a statement's walk, and the
/// statement's type when the walk fingerprinted only what depends on values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Key {
    by_type: Option<TypeId>,
    fingerprint: Fingerprint,
}

impl Key {
    /// The key of a walk that fingerprinted every piece of text.
    pub(crate) fn of_pieces(fingerprint: Fingerprint) -> Self {
        Key {
            by_type: None,
            fingerprint,
        }
    }

    /// The key of a walk over a statement of type `S` that fingerprinted only what
    /// depends on values. Lifetimes do not change a statement's text, so a statement that
    /// borrows its values has the type id of the same statement owning them.
    pub(crate) fn of_type<S: ?Sized>(fingerprint: Fingerprint) -> Self {
        Key {
            by_type: Some(typeid::of::<S>()),
            fingerprint,
        }
    }

    /// One well-mixed word, to hash the key by.
    fn word(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut type_word = ShapeHasher::default();
        self.by_type.hash(&mut type_word);
        self.fingerprint.word() ^ type_word.finish()
    }
}

impl std::hash::Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.word());
    }
}

/// A statement text kept for reuse. Each text is kept once, so the key is its address:
/// two shapes are equal exactly when their texts are the same kept text. Backends key
/// their prepared statements by it, which spares hashing the whole text on every run.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    text: &'static str,
    /// A well-mixed hash of the key the text was kept under.
    hash: u64,
}

impl Shape {
    /// The statement's text.
    pub fn text(self) -> &'static str {
        self.text
    }
}

impl PartialEq for Shape {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.text, other.text)
    }
}

impl Eq for Shape {}

impl std::hash::Hash for Shape {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// A map keyed by [`Shape`], hashed by the hash each shape carries.
pub type ShapeMap<V> = HashMap<Shape, V, Identity>;

/// The kept text of the statement with this key, if one was kept.
pub(crate) fn find(key: Key) -> Option<Shape> {
    if let Some(text) = SEEN.with_borrow(|seen| seen.get(&key).copied()) {
        return Some(shape(key, text));
    }
    let text = KEPT.lock().ok()?.as_ref()?.get(&key).copied()?;
    SEEN.with_borrow_mut(|seen| seen.insert(key, text));
    Some(shape(key, text))
}

/// Keeps `text` as the statement with this key, while the budget allows.
pub(crate) fn keep(key: Key, text: &str) -> Option<Shape> {
    if text.len() > LONGEST_KEPT || KEPT_BYTES.load(Ordering::Relaxed) + text.len() > KEPT_TEXT_BUDGET {
        return None;
    }
    let mut kept = KEPT.lock().ok()?;
    let kept = kept.get_or_insert_with(HashMap::default);
    let text = match kept.get(&key) {
        Some(text) => *text,
        None => {
            KEPT_BYTES.fetch_add(text.len(), Ordering::Relaxed);
            let text: &'static str = Box::leak(text.into());
            kept.insert(key, text);
            text
        }
    };
    SEEN.with_borrow_mut(|seen| seen.insert(key, text));
    Some(shape(key, text))
}

fn shape(key: Key, text: &'static str) -> Shape {
    Shape { text, hash: key.word() }
}

/// Hashes keys and shapes by their own words: they are hashes already.
type Identity = BuildHasherDefault<ShapeHasher>;

/// The hasher of a [`ShapeMap`]: fingerprints and shapes are hashes already, so it takes
/// their words as they are.
#[derive(Debug, Default)]
pub struct ShapeHasher(u64);

impl Hasher for ShapeHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, word: u64) {
        self.0 ^= word;
    }
}
