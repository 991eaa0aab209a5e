//! Rules between members. They run after every member was checked, whatever failed before:
//! each rule uses the members it needs that parsed, and stays silent about the others (their own
//! violations are already in the report).

use crate::engine::Walk;

mod age_range;
mod bank;
mod dates;
mod digit_string;
mod face_matching;
mod nfc;
mod selfie;
mod utility_bill;

/// Runs every cross-field rule.
pub(crate) fn run(walk: &mut Walk<'_>) {
    dates::check(walk);
    age_range::check(walk);
    digit_string::check(walk);
    bank::check(walk);
    face_matching::check(walk);
    nfc::check(walk);
    selfie::check(walk);
    utility_bill::check(walk);
}

/// The cross-member rules JSON Schema can express, as `if`/`then` fragments for `allOf`.
pub(crate) fn schema_fragments() -> Vec<serde_json::Value> {
    vec![bank::schema(), digit_string::schema()]
}
