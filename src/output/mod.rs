//! Reports in the shapes their readers want: human text, RFC 9457 problem details, iDenfy's own
//! error body, JSON Schemas for teams that don't run Rust, the tables in docs/, and a read-only
//! view of the catalogue. Reached through the facades in `lib.rs`.

pub(crate) mod catalogue;
pub(crate) mod human;
pub(crate) mod idenfy;
pub(crate) mod openapi;
pub(crate) mod problem;
pub(crate) mod schema;
pub(crate) mod table;
