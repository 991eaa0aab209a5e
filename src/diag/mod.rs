//! Diagnostics: what a check reports and how.
//!
//! - [`Code`] and [`Severity`]: the stable contract, each code declared once in `code.rs` (its
//!   meaning, reason, severity, and the [`Kind`]s it is reported with, their message and
//!   params); `declare.rs` generates the rest from that table;
//! - [`Finding`]: what a rule found, as typed facts ([`Kind`] with its parameters, a
//!   suggestion, the [`Subject`] it is about), no text;
//! - `Loc`/`Place`: where in the input, as an RFC 6901 pointer built only when reporting;
//! - `Sink`: the capped collector every check reports into;
//! - [`Violation`]: a finding placed in the document, whose message is rendered on demand with
//!   the personal-data policy applied then.

#[macro_use]
mod declare;
mod code;
mod finding;
pub(crate) mod loc;
mod render;
pub(crate) mod sink;
mod violation;

pub use code::{Code, Severity, UnknownName, REASON_SOURCES};
pub use finding::{
    Document, Ends, Expected, Finding, Folded, Implausible, JsonType, Kind, NameClass, Num, Place,
    PolicyFailure, ProfileMismatch, Subject, TypeHint, UnusualClass,
};
pub(crate) use render::{escape_invisible, is_invisible};
pub use render::{Params, VALUE_FREE_PARAMS};
pub use violation::Violation;
