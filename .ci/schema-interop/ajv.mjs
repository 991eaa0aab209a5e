// The published schemas in Ajv (2020-12 class, default options: strict mode, Unicode regexes).
//
// Usage: node ajv.mjs CORPUS   (the corpus of python_jsonschema.py)
// Run from a directory where `ajv` is installed (`npm install ajv@8`): it is resolved from there.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(path.join(process.cwd(), "package.json"));
const Ajv2020 = require("ajv/dist/2020.js").default;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const load = (p) => JSON.parse(fs.readFileSync(p, "utf8"));
const failures = [];
const validators = {};
const warnings = [];
const logger = { log: () => {}, warn: (m) => warnings.push(String(m)), error: (m) => warnings.push(String(m)) };
// The JSON Schemas; openapi.json is an OpenAPI document, linted by its own tools.
for (const name of fs.readdirSync(path.join(root, "schema")).filter((n) => n.endsWith(".schema.json")).sort()) {
  const ajv = new Ajv2020({ logger });
  validators[name] = ajv.compile(load(path.join(root, "schema", name)));
}
if (warnings.length) failures.push(`Ajv strict-mode warnings: ${warnings.join("; ")}`);
const request = validators["token-request.schema.json"];
const response = validators["token-response.schema.json"];
if (!request(load(path.join(root, "examples", "docs-request.json")))) failures.push("docs request example fails");
if (!response(load(path.join(root, "examples", "docs-response.json")))) failures.push("docs response example fails");
const corpus = load(process.argv[2]);
for (const record of corpus) {
  const got = request(record.body);
  if (got !== record.valid) {
    const why = (request.errors || []).slice(0, 3).map((e) => `${e.instancePath} ${e.message}`);
    failures.push(`engine says valid=${record.valid}, Ajv says ${got}: ${JSON.stringify(record.body).slice(0, 300)} ${why}`);
  }
}
console.log(`ajv: ${Object.keys(validators).length} schemas compiled, ${corpus.length} corpus requests`);
for (const f of failures.slice(0, 20)) console.log("  " + f);
if (failures.length) {
  console.log(`${failures.length} problems`);
  process.exit(1);
}
