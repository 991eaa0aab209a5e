"""The ratio table of the last `cargo bench --bench check` run: medians in ns, and each as a
multiple of the typed parse of the same input (read from criterion's target/criterion)."""

import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1] / "target" / "criterion"
INPUTS = ["docs_example", "minimal", "eight_violations"]
OPS = [
    "typed_parse",
    "value_parse",
    "jsonschema_is_valid",
    "jsonschema_all_errors",
    "check",
    "check_with_profile",
]


def median(group, op):
    path = ROOT / group / op / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]


print("| | " + " | ".join(INPUTS) + " |")
print("|---|" + "---:|" * len(INPUTS))
for op in OPS:
    cells = []
    for group in INPUTS:
        base = median(group, "typed_parse")
        t = median(group, op)
        cells.append(f"{t:.0f} ns ({t / base:.2f}×)")
    print(f"| {op} | " + " | ".join(cells) + " |")
