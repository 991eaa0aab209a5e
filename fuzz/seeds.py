"""Builds the fuzzers' seed corpus from examples/ and the conformance cases (tests/cases), so
the seeds follow the cases with no copy to keep in step:

    python3 fuzz/seeds.py            # writes fuzz/corpus/{check,typed,check_response,profile}/
"""

import base64
import glob
import hashlib
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
CORPUS = ROOT / "fuzz" / "corpus"


def bodies():
    for path in sorted(glob.glob(str(ROOT / "examples" / "*.json"))):
        yield pathlib.Path(path).read_bytes()
    for path in sorted(glob.glob(str(ROOT / "tests" / "cases" / "*.json"))):
        for case in json.loads(pathlib.Path(path).read_text()):
            if "body_text" in case:
                yield case["body_text"].encode()
            elif "body_hex" in case:
                yield bytes.fromhex(case["body_hex"].replace(" ", ""))
            elif "body_base64" in case:
                yield base64.b64decode(case["body_base64"])
            elif "body" in case:
                yield json.dumps(case["body"], ensure_ascii=False).encode()


def profiles():
    """examples/profile.json, every case's context.profile (as the conformance test loads it),
    and a few broken files: wrong types, a misspelled member, bad codes, a duplicate key, a
    default that breaks its member's rules, and files that are not JSON objects."""
    yield (ROOT / "examples" / "profile.json").read_bytes()
    for path in sorted(glob.glob(str(ROOT / "tests" / "cases" / "*.json"))):
        for case in json.loads(pathlib.Path(path).read_text()):
            context = case.get("context")
            if isinstance(context, dict) and "profile" in context:
                yield json.dumps(context["profile"], ensure_ascii=False).encode()
    yield b'{"permissions": {"reviewFailedEdit": "yes"}, "flow": "popup"}'
    yield b'{"nfcCountrys": ["LT"], "locales": ["lt", "xx_YY"]}'
    yield b'{"nfcCountries": ["LTU", "lt", "LT"], "registryCenterCountries": [1]}'
    yield b'{"allowedDocuments": {"lt": ["PASSPORT"], "LT": ["ID_CARD"], "XX": ["NOPE"]}}'
    yield b'{"features": ["verifyBank", "ageLimit"], "questionnaires": ["", "kyc"]}'
    yield b'{"defaults": {"locale": "klingon", "ageLimit": -1, "clientId": "c"}}'
    yield b'{"defaultExpiryTime": 0, "digitStringMaxExpiry": 2592001, "defaultSessionLength": 59}'
    yield b'{"flow": "iframe", "flow": "redirect"}'
    yield b'{"permissions": null, "features": null, "defaults": null}'
    yield b'["not", "an", "object"]'
    yield b'{"questionnaires": ["kyc-basic"'


def write(target, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


count = 0
for body in bodies():
    write("check", body)
    write("typed", body)
    count += 1
response = (ROOT / "examples" / "docs-response.json").read_bytes()
for first in (b"\x00", b"\x01"):  # with and without the request to compare the echo with
    write("check_response", first + response)
    write("check_response", first + b'{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT"}')
profile_seeds = set(profiles())  # many cases share a profile
for profile in profile_seeds:
    write("profile", profile)
print(f"{count} request seeds, 4 response seeds, {len(profile_seeds)} profile seeds in {CORPUS}")
