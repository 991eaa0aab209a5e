//! The integration tests, built as one binary (as ripgrep does): each file under `tests/` is a
//! module here instead of a crate of its own, so the dependency graph is linked once, not once
//! per file. A file's tests are named `file::test` (`cargo test --test all cli::` runs
//! `tests/cli.rs`, `cargo test --test all readme::` the README drift test). Two files stay
//! binaries of their own (Cargo.toml): `conformance` (its own harness, one test per case) and
//! `allocations` (a counting global allocator, which other tests running beside it would
//! disturb).
//!
//! A new file under `tests/` goes into the list below; `every_test_file_is_built` fails until it
//! does (Cargo.toml sets `autotests = false`, so nothing else would build it). The helpers in
//! `tests/common/` are one module here, used as `crate::common`.

mod common;

/// Declares a module per file (`tests/<name>.rs`) and keeps the list the guard below compares.
macro_rules! files {
    ($($name:ident),* $(,)?) => {
        $(mod $name;)*
        /// The files built into this binary.
        const FILES: &[&str] = &[$(concat!(stringify!($name), ".rs")),*];
    };
}

files! {
    arbitrary,
    bulk,
    cli,
    cli_profile,
    cli_usage,
    explain,
    fuzz_dict,
    layers,
    policies,
    privacy,
    profile,
    properties,
    readme,
    response,
    schema,
    serve,
    strategies,
    typed,
    validator,
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
