"""Writes N lines of the docs' request example, compact, one per line: the input of the bulk
mode's measurement in docs/PERFORMANCE.md (`python3 benches/jsonl.py 1000000 > docs-1m.jsonl`)."""

import json
import pathlib
import sys

example = pathlib.Path(__file__).resolve().parents[1] / "examples" / "docs-request.json"
line = json.dumps(json.loads(example.read_text()), separators=(",", ":"), ensure_ascii=False)
count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
out = sys.stdout
for _ in range(count):
    out.write(line)
    out.write("\n")
