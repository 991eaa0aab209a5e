//! The README's generated tables must match the catalogue.
//! Regenerate with: `UPDATE_README=1 cargo test --test readme`.

use std::path::Path;

fn section(readme: &str, name: &str) -> Option<(usize, usize)> {
    let start_marker = format!("<!-- {name}:start -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let start = readme.find(&start_marker)? + start_marker.len();
    let end = readme[start..].find(&end_marker)? + start;
    Some((start, end))
}

#[test]
fn readme_tables_match_the_catalogue() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md is readable");
    let tables = [
        ("rules", idenfy_preflight::render::rules_markdown()),
        ("codes", idenfy_preflight::render::codes_markdown()),
        ("profile", idenfy_preflight::render::profile_markdown()),
        (
            "engine-only",
            idenfy_preflight::render::engine_only_markdown(),
        ),
    ];
    let update = std::env::var_os("UPDATE_README").is_some();
    let mut stale = Vec::new();
    for (name, generated) in tables {
        let (start, end) = section(&readme, name)
            .unwrap_or_else(|| panic!("README.md lacks the <!-- {name}:start/end --> markers"));
        if readme[start..end] != generated {
            if update {
                readme.replace_range(start..end, &generated);
            } else {
                stale.push(name);
            }
        }
    }
    if update {
        std::fs::write(&path, readme).expect("README.md is writable");
    }
    assert!(
        stale.is_empty(),
        "README.md tables {stale:?} differ from the catalogue; run `UPDATE_README=1 cargo test --test readme`"
    );
}
