"""The published schemas in Python's `jsonschema` (regexes are Python's `re`).

Usage: python_jsonschema.py CORPUS

CORPUS is written by `SCHEMA_CORPUS=CORPUS cargo test --all-features --test all schema::corpus_for_other_validators`:
generated requests with the engine's verdict, kept only where the schema must reach the same one.
Every schema must load and be valid 2020-12, the docs' examples must pass, and every corpus
verdict must match.
"""

import json
import pathlib
import sys

from jsonschema import Draft202012Validator

ROOT = pathlib.Path(__file__).resolve().parents[2]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main(corpus_path):
    # The JSON Schemas; openapi.json is an OpenAPI document, linted by its own tools.
    schemas = {p.name: load(p) for p in sorted((ROOT / "schema").glob("*.schema.json"))}
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)
    request = Draft202012Validator(schemas["token-request.schema.json"])
    response = Draft202012Validator(schemas["token-response.schema.json"])
    failures = []
    if not request.is_valid(load(ROOT / "examples" / "docs-request.json")):
        failures.append("the docs' request example fails the request schema")
    if not response.is_valid(load(ROOT / "examples" / "docs-response.json")):
        failures.append("the docs' response example fails the response schema")
    corpus = load(corpus_path)
    for record in corpus:
        got = request.is_valid(record["body"])
        if got != record["valid"]:
            why = [e.message[:120] for e in request.iter_errors(record["body"])][:3]
            failures.append(
                f"engine says valid={record['valid']}, Python jsonschema says {got}: "
                f"{json.dumps(record['body'], ensure_ascii=False)[:300]} {why}"
            )
    print(f"python jsonschema: {len(schemas)} schemas loaded, {len(corpus)} corpus requests")
    for f in failures[:20]:
        print("  " + f)
    if failures:
        print(f"{len(failures)} disagreements")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
