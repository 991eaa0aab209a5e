//! The fuzzers' dictionary names every member the catalogue documents, and every member of the
//! partner profile file, so a new member is fuzzed as a member from the day it is declared.

use idenfy_preflight::{catalogue, schema, Permission};

#[test]
fn the_dictionary_has_every_member_name() {
    let dict = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/idenfy.dict"))
        .expect("fuzz/idenfy.dict");
    let entries: Vec<&str> = dict
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect();
    for m in catalogue::members().chain(catalogue::response_members()) {
        for name in std::iter::once(m.name()).chain(m.aliases().iter().copied()) {
            let entry = format!("\"\\\"{name}\\\"\"");
            assert!(
                entries.contains(&entry.as_str()),
                "fuzz/idenfy.dict lacks {entry}"
            );
        }
    }
    // The profile file's members (as its schema publishes them) and its permissions.
    let profile = schema::profile_schema();
    let members = profile["properties"]
        .as_object()
        .expect("the profile schema lists its properties");
    assert!(!members.is_empty());
    let permissions = Permission::ALL.iter().map(|p| p.member());
    for name in members.keys().map(String::as_str).chain(permissions) {
        let entry = format!("\"\\\"{name}\\\"\"");
        assert!(
            entries.contains(&entry.as_str()),
            "fuzz/idenfy.dict lacks {entry}"
        );
    }
    // Every entry is a quoted libFuzzer token.
    for e in &entries {
        assert!(
            e.starts_with('"') && e.ends_with('"') && e.len() >= 3,
            "{e}"
        );
    }
}
