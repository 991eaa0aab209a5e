//! The integration tests, built as one binary (as ripgrep does): each file under `tests/` is a
//! module here instead of a crate of its own, so the dependency graph is linked once, not once
//! per file. A file's tests are named `file::test` (`cargo test --test all cli::` runs
//! `tests/cli.rs`, `cargo test --test all readme::` the README drift test). Two files stay
//! binaries of their own (Cargo.toml): `conformance` (its own harness, one test per case) and
//! `allocations` (a counting global allocator, which other tests running beside it would
//! disturb).
//!
//! A new file under `tests/` goes into the list below; `every_test_file_is_built` fails until it
//! does (Cargo.toml sets `autotests = false`, so nothing else would build it). `#[path]` makes
//! each file resolve its own `mod common;` to `tests/common/mod.rs`, as when it was a crate.

/// Declares each module from its file and keeps the list of files the guard below compares.
macro_rules! files {
    ($($name:ident = $file:literal),* $(,)?) => {
        $(#[path = $file] mod $name;)*
        /// The files built into this binary.
        const FILES: &[&str] = &[$($file),*];
    };
}

files! {
    arbitrary = "arbitrary.rs",
    bulk = "bulk.rs",
    cli = "cli.rs",
    cli_profile = "cli_profile.rs",
    cli_usage = "cli_usage.rs",
    explain = "explain.rs",
    fuzz_dict = "fuzz_dict.rs",
    layers = "layers.rs",
    policies = "policies.rs",
    privacy = "privacy.rs",
    profile = "profile.rs",
    properties = "properties.rs",
    readme = "readme.rs",
    response = "response.rs",
    schema = "schema.rs",
    strategies = "strategies.rs",
    typed = "typed.rs",
    validator = "validator.rs",
}

/// The `[[test]]` targets of their own in Cargo.toml, and this file.
const OWN_BINARIES: &[&str] = &["all.rs", "allocations.rs", "conformance.rs"];

#[test]
fn every_test_file_is_built() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
    let mut unbuilt = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/ is readable") {
        let name = entry.expect("a tests/ entry").file_name();
        let name = name.to_string_lossy();
        if !name.ends_with(".rs") {
            continue;
        }
        if !FILES.contains(&&*name) && !OWN_BINARIES.contains(&&*name) {
            unbuilt.push(name.into_owned());
        }
    }
    assert!(unbuilt.is_empty(), "add {unbuilt:?} to tests/all.rs");
}
