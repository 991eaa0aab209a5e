//! The OpenAPI 3.1 document of `POST /api/v2/token` (`schema/openapi.json`), for code
//! generators, Schemathesis and mock servers: the request and response schemas of `schema/`,
//! iDenfy's error body and problem details for 400, HTTP Basic security as iDenfy has it, and
//! the docs' examples.
//!
//! The answers a stand-in for the endpoint gives before the engine runs (no credentials, a body
//! that is not JSON, a wrong method) are stated here once: the document describes them and
//! `idenfy-preflight serve` sends them.

use super::idenfy::{idenfy_error, IdenfyError};
use super::problem::{problem_details, PROBLEM_JSON};
use super::schema::{request_schema, response_schema};
use crate::diag::{Severity, Violation};
use serde_json::{json, Value};

/// The token endpoint's path.
pub const TOKEN_PATH: &str = "/api/v2/token";

/// The response header that carries a request's warnings (iDenfy's body has no place for them):
/// `code #/pointer` entries separated by `, `, pointers in URI-fragment form.
pub const WARNINGS_HEADER: &str = "preflight-warnings";

/// The docs' request example (the token page's).
const DOCS_REQUEST: &str = include_str!("../../examples/docs-request.json");
/// The docs' response example.
const DOCS_RESPONSE: &str = include_str!("../../examples/docs-response.json");
/// An invalid request for the 400 examples: a three-letter country and an `http://` callback.
const INVALID_EXAMPLE: &str =
    r#"{"clientId": "100000", "country": "LTU", "callbackUrl": "http://example.com/hook"}"#;

/// The identifiers iDenfy's error body may carry (its error-handling page).
const IDENTIFIERS: [&str; 12] = [
    "INTERNAL_ERROR",
    "BAD_VALUE",
    "MISSING_VALUE",
    "UNAUTHORIZED",
    "ENCODING_ERROR",
    "JSON_ERROR",
    "TOKEN_NOT_VALID",
    "PARTNER_CONTRACT_ERROR",
    "METHOD_NOT_ALLOWED",
    "PERMISSIONS_ERROR",
    "TOO_MANY_REQUESTS",
    "VALIDATION_ERROR",
];

fn error(identifier: &'static str, message: &str, status: u16) -> IdenfyError {
    IdenfyError {
        identifier,
        message: message.into(),
        status,
    }
}

/// iDenfy's answer to a request without valid HTTP Basic credentials (API key and secret).
///
/// ```
/// let e = idenfy_preflight::interop::unauthorized();
/// assert_eq!((e.status, e.identifier), (401, "UNAUTHORIZED"));
/// ```
pub fn unauthorized() -> IdenfyError {
    error(
        "UNAUTHORIZED",
        "Authentication failed: send the API key and secret as HTTP Basic credentials.",
        401,
    )
}

/// The answer to a body sent with a content type other than JSON.
///
/// ```
/// let e = idenfy_preflight::interop::unsupported_media_type();
/// assert_eq!((e.status, e.identifier), (415, "VALIDATION_ERROR"));
/// ```
pub fn unsupported_media_type() -> IdenfyError {
    error(
        "VALIDATION_ERROR",
        "Unsupported media type: send the body as application/json.",
        415,
    )
}

/// The answer to a method other than `POST` on the token path.
///
/// ```
/// let e = idenfy_preflight::interop::method_not_allowed();
/// assert_eq!((e.status, e.identifier), (405, "METHOD_NOT_ALLOWED"));
/// ```
pub fn method_not_allowed() -> IdenfyError {
    error(
        "METHOD_NOT_ALLOWED",
        "Method not allowed: the token endpoint takes POST.",
        405,
    )
}

/// The value of the [`WARNINGS_HEADER`] for a report's violations; `None` when there is no
/// warning among them. Only codes and pointers: no value the caller sent.
///
/// ```
/// use idenfy_preflight::{check_str, interop::warnings_header, Context};
///
/// let report = check_str(r#"{"clientId": "c", "firstNme": "Jo"}"#, &Context::new());
/// let header = warnings_header(report.violations());
/// assert_eq!(header.as_deref(), Some("unknown_field #/firstNme"));
/// ```
pub fn warnings_header(violations: &[Violation]) -> Option<String> {
    let entries: Vec<String> = violations
        .iter()
        .filter(|v| v.severity() == Severity::Warning)
        .map(|v| {
            format!(
                "{} {}",
                v.code().as_str(),
                super::problem::fragment_pointer(v.pointer())
            )
        })
        .collect();
    (!entries.is_empty()).then(|| entries.join(", "))
}

fn parsed(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_default()
}

/// `schema` without the keywords that make it a document of its own (an OpenAPI component is
/// part of the OpenAPI document, whose dialect is 2020-12 already).
fn component(mut schema: Value) -> Value {
    if let Value::Object(m) = &mut schema {
        m.remove("$schema");
        m.remove("$id");
    }
    schema
}

fn idenfy_error_schema() -> Value {
    json!({
        "type": "object",
        "description": "iDenfy's error body: `identifier` is stable, `message` wording may change.",
        "required": ["identifier", "message"],
        "properties": {
            "identifier": {"enum": IDENTIFIERS},
            "message": {"type": "string"}
        }
    })
}

fn problem_error_schema() -> Value {
    json!({
        "type": "object",
        "required": ["pointer", "detail", "code", "severity"],
        "properties": {
            "pointer": {"type": "string", "description": "The JSON Pointer in URI-fragment form (`#/firstName`)."},
            "detail": {"type": "string"},
            "code": super::schema::code_schema(),
            "severity": {"enum": ["error", "warning"]},
            "params": {"type": "object"}
        }
    })
}

fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "RFC 9457 problem details, for a client that asks for application/problem+json.",
        "required": ["type", "title", "status", "detail", "errors"],
        "properties": {
            "type": {"type": "string", "description": "`about:blank`: the status says it all."},
            "title": {"type": "string"},
            "status": {"const": 400},
            "detail": {"type": "string"},
            "errors": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/ProblemError"}},
            "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemError"}}
        }
    })
}

fn error_body(e: &IdenfyError) -> Value {
    serde_json::to_value(e).unwrap_or_default()
}

fn error_response(description: &str, example: &IdenfyError) -> Value {
    json!({
        "description": description,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/IdenfyError"},
                "example": error_body(example)
            }
        }
    })
}

/// The OpenAPI 3.1 document of `POST /api/v2/token`, as `schema/openapi.json` holds it.
///
/// ```
/// let doc = idenfy_preflight::schema::openapi();
/// assert_eq!(doc["openapi"], "3.1.0");
/// assert!(doc["paths"]["/api/v2/token"]["post"]["responses"]["201"].is_object());
/// ```
pub fn openapi() -> Value {
    let ctx = crate::Context::new();
    let invalid = crate::check_str(INVALID_EXAMPLE, &ctx);
    let idenfy_400 = idenfy_error(&invalid).map(|e| error_body(&e));
    let problem_400 = problem_details(&invalid).and_then(|p| serde_json::to_value(p).ok());
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "iDenfy Generate token (POST /api/v2/token), as idenfy-preflight checks it",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "The token request with every documented rule, generated from the idenfy-preflight catalogues.",
            "description": "The request schema says what JSON Schema can say about the body (schema/token-request.schema.json); the rules only the engine checks are in docs/SCHEMAS.md. `idenfy-preflight serve` answers as this document says.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "servers": [
            {"url": "https://ivs.idenfy.com", "description": "iDenfy"},
            {"url": "http://127.0.0.1:8080", "description": "idenfy-preflight serve --port 8080"}
        ],
        "security": [{"apiKeyPair": []}],
        "tags": [{"name": "token", "description": "Identity verification sessions."}],
        "paths": {
            TOKEN_PATH: {
                "post": {
                    "operationId": "generateToken",
                    "summary": "Generate a verification token",
                    "description": "Creates an identity-verification session. Every error is answered with 400 and iDenfy's error body, naming the most fundamental one; a client that accepts application/problem+json gets every violation. Warnings come in the `preflight-warnings` header.",
                    "tags": ["token"],
                    "requestBody": {
                        "required": true,
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/TokenRequest"},
                                "examples": {
                                    "docs": {"summary": "The token page's example", "value": parsed(DOCS_REQUEST)},
                                    "smallest": {"summary": "The smallest request", "value": {"clientId": "100000"}}
                                }
                            }
                        }
                    },
                    "responses": {
                        "201": {
                            "description": "The session is created.",
                            "headers": {
                                WARNINGS_HEADER: {
                                    "description": "The request's warnings (`code #/pointer`, separated by `, `); absent when there are none. Not sent by iDenfy.",
                                    "schema": {"type": "string"}
                                }
                            },
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/TokenResponse"},
                                    "example": parsed(DOCS_RESPONSE)
                                }
                            }
                        },
                        "400": {
                            "description": "The request breaks a documented rule.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/IdenfyError"},
                                    "example": idenfy_400
                                },
                                PROBLEM_JSON: {
                                    "schema": {"$ref": "#/components/schemas/ProblemDetails"},
                                    "example": problem_400
                                }
                            }
                        },
                        "401": error_response("No valid HTTP Basic credentials.", &unauthorized()),
                        "415": error_response("A body that is not sent as JSON.", &unsupported_media_type())
                    }
                }
            }
        },
        "components": {
            "securitySchemes": {
                "apiKeyPair": {
                    "type": "http",
                    "scheme": "basic",
                    "description": "The API key as the user name and the API secret as the password, as iDenfy's own API."
                }
            },
            "schemas": {
                "TokenRequest": component(request_schema()),
                "TokenResponse": component(response_schema()),
                "IdenfyError": idenfy_error_schema(),
                "ProblemDetails": problem_schema(),
                "ProblemError": problem_error_schema()
            }
        }
    })
}
