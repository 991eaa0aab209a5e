//! The token response's own members, declared like the request's (every other member of a
//! response is an echo of the request member of that name in [`FIELDS`](super::catalogue::FIELDS)).
//!
//! token-api.txt's response section and the OpenAPI description (idenfy-facts §3).

use super::catalogue::TOKEN_TYPE;
use super::normalize::Norm;
use super::rules::{Country, DigitString, DocumentType, HttpsUrl, Length, PrintableAscii};
use super::{FoldedKeys, Map, Member, Object, Section, Shape, Text};
use crate::diag::Expected;

/// The length the docs give for digitString ("Length = 8").
pub const DIGIT_STRING_LENGTH: usize = 8;

const fn response(name: &'static str, required: bool, shape: Shape, doc: &'static str) -> Member {
    Member {
        required,
        ..Member::new(name, Section::Response, shape, doc)
    }
}

/// `allowedDocuments`: country code (or `ALL`, in any case: the server echoes codes as it
/// received them) to the document types allowed there. A key that repeats an earlier one once
/// upper-cased is one country with two lists, a warning.
pub const ALLOWED_DOCUMENTS: Object = Object::Map(Map {
    key_label: "COUNTRY",
    keys_are: ("allowedDocuments", "keys"),
    keys: Text::new(Norm::Upper, &[&Country { allow_all: true }]),
    send_normalized_keys: true,
    folded: FoldedKeys::Warning,
    values_are: ("allowedDocuments", "entries"),
    values: &Shape::List(Text::new(Norm::AsIs, &[&DocumentType { allow_all: false }])),
    nullable: false,
});

/// The members of a token response beyond the echoed request.
pub const RESPONSE_FIELDS: &[Member] = &[
    response(
        "message",
        false,
        Shape::Str(Text::new(
            Norm::AsIs,
            &[&Length {
                min: 0,
                max: Some(100),
            }],
        )),
        "A message for the developer about the token.",
    ),
    response(
        "authToken",
        true,
        Shape::Str(Text::new(
            Norm::AsIs,
            &[
                &Length {
                    min: 1,
                    max: Some(40),
                },
                &PrintableAscii,
            ],
        )),
        "The token passed to the verification UI.",
    ),
    response(
        "scanRef",
        true,
        Shape::Str(Text::new(
            Norm::AsIs,
            &[&Length {
                min: 1,
                max: Some(40),
            }],
        )),
        "iDenfy's identifier of the verification.",
    ),
    response(
        "tokenType",
        false,
        Shape::Str(Text::closed(&[&TOKEN_TYPE])),
        "Document only, or document and selfie (the OpenAPI description requires it; absent or null, a warning).",
    ),
    response(
        "digitString",
        false,
        Shape::Str(Text {
            norm: Norm::AsIs,
            rules: &[&DigitString {
                length: DIGIT_STRING_LENGTH,
            }],
            expected: Expected::Digits,
            closed: false,
        }),
        "Code for the mobile app; null unless generateDigitString was true.",
    ),
    response(
        "allowedDocuments",
        false,
        Shape::Object(&ALLOWED_DOCUMENTS),
        "Document types the client may use, by country code or ALL.",
    ),
    response(
        "redirectUrl",
        false,
        Shape::Str(Text::new(Norm::AsIs, &[&HttpsUrl { callback: false }])),
        "Direct URL of the hosted verification flow.",
    ),
    response(
        "personScanRef",
        false,
        Shape::Str(Text::new(
            Norm::AsIs,
            &[
                &Length {
                    min: 1,
                    max: Some(100),
                },
                &PrintableAscii,
            ],
        )),
        "Legacy name of clientId, echoed by the OpenAPI description.",
    ),
];

/// Response members the OpenAPI description (kyc.yaml) lists as required that iDenfy's own
/// published example responses leave out: not [`Member::required`] (the token is usable without
/// them), but absent or `null` they earn a warning (`missing_expected_member`).
pub const EXPECTED_RESPONSE_MEMBERS: &[&str] = &["tokenType"];

/// The response member named `name`, if it is one of [`RESPONSE_FIELDS`].
///
/// ```
/// use idenfy_preflight::spec::response::response_member;
///
/// assert!(response_member("authToken").is_some_and(|f| f.required));
/// assert!(response_member("firstName").is_none()); // an echoed request member
/// ```
pub fn response_member(name: &str) -> Option<&'static Member> {
    RESPONSE_FIELDS.iter().find(|f| f.name == name)
}
