//! Instruction counts, which (unlike times) are stable on a noisy machine. Under
//! `valgrind --tool=callgrind` this runs one operation `N` times; `benches/instructions.sh`
//! runs it for two `N` and divides the difference, so setup and start-up cancel out.
//!
//! Usage: `instructions OPERATION INPUT N` with OPERATION one of typed, value,
//! jsonschema_is_valid, jsonschema_all_errors, check, check_profile (the check with
//! `examples/profile.json`, read once before counting), and INPUT one of the input names.

#[path = "support/workloads.rs"]
mod workloads;
use std::hint::black_box;
use workloads::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [op, input, n] = args.as_slice() else {
        eprintln!("usage: instructions OPERATION INPUT N");
        std::process::exit(2);
    };
    let Some((_, body)) = INPUTS.iter().find(|(name, _)| name == input) else {
        eprintln!("unknown input {input}");
        std::process::exit(2);
    };
    let n: usize = n.parse().unwrap_or(0);
    let ctx = context();
    let with_profile = profile_engine();
    // Warm up lazily built tables and the schema outside the counted difference.
    let _ = &*SCHEMA;
    black_box(check(body, &ctx));
    black_box(check_on(&with_profile, body, &ctx));
    let mut sink = 0usize;
    for _ in 0..n {
        sink += match op.as_str() {
            "typed" => usize::from(typed(black_box(body))),
            "value" => usize::from(value(black_box(body))),
            "jsonschema_is_valid" => usize::from(schema_is_valid(black_box(body))),
            "jsonschema_all_errors" => schema_all_errors(black_box(body)),
            "check" => check(black_box(body), &ctx),
            "check_profile" => check_on(&with_profile, black_box(body), &ctx),
            other => {
                eprintln!("unknown operation {other}");
                std::process::exit(2);
            }
        };
    }
    black_box(sink);
}
