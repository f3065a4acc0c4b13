//! Read-only and read-write handles: whether a connection or transaction may run a
//! statement that writes, decided at compile time.
//!
//! A transaction opened with `TransactionOptions::new().read_only()` hands its closure a
//! `Transaction<'_, ReadOnly>`; an INSERT, UPDATE or DELETE run on it does not compile,
//! where the database would refuse it at run time.

use crate::private::Sealed;
use std::fmt::Debug;

/// Whether a handle may write: [`ReadWrite`] or [`ReadOnly`].
pub trait AccessMode: Sealed + Copy + Default + Debug + Send + Sync + 'static {
    /// `true` for [`ReadOnly`]: the transaction is opened `READ ONLY`.
    const READ_ONLY: bool;
}

/// A handle that runs every statement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadWrite;

/// A handle that runs only statements that read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadOnly;

impl Sealed for ReadWrite {}
impl Sealed for ReadOnly {}

impl AccessMode for ReadWrite {
    const READ_ONLY: bool = false;
}

impl AccessMode for ReadOnly {
    const READ_ONLY: bool = true;
}

/// What a statement does: [`Reads`] (SELECT) or [`Writes`] (INSERT, UPDATE, DELETE).
pub trait Access: Sealed {
    /// `true` for [`Reads`]: a replica may answer the statement.
    const READS: bool;
}

/// A statement that only reads.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reads;

/// A statement that writes, or a SELECT that locks rows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Writes;

impl Sealed for Reads {}
impl Sealed for Writes {}
impl Access for Reads {
    const READS: bool = true;
}
impl Access for Writes {
    const READS: bool = false;
}

/// Proof that a handle of mode `Self` may run a statement that does `A`.
#[diagnostic::on_unimplemented(
    message = "this handle is read-only: it cannot run a statement that writes",
    label = "an INSERT, UPDATE, DELETE or locking SELECT (`.for_update()`, `.for_share()`) on a read-only transaction or on read replicas",
    note = "run writes on the database (a replicated one's primary), or in a transaction opened without `.read_only()`"
)]
pub trait Permits<A: Access> {}

impl<A: Access> Permits<A> for ReadWrite {}
impl Permits<Reads> for ReadOnly {}
