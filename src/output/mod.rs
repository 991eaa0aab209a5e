//! Reports in the shapes their readers want: human text, RFC 9457 problem details, iDenfy's own
//! error body, JSON Schemas for teams that don't run Rust, and the README's tables.

pub mod human;
pub mod idenfy;
pub mod problem;
pub mod schema;
pub mod table;
