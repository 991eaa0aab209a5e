//! Stable codes and severities: the machine-readable contract of every violation.
//!
//! Every code is declared once, in the table below (`violations!`), and nowhere else:
//!
//! - its doc line ([`Code::description`]), snake_case name, severity (`error`, `warning`, or
//!   `either` where the document or the caller decides) and reason ([`Code::reason`]);
//! - the [`Kind`]s a rule reports it with, each with its fields, its `message` arms (one
//!   English sentence from the fields; the suggestion's tail is appended after them unless the
//!   kind says `message_naming_suggestion`) and its `params` arms (the machine-readable
//!   parameters; `render.rs` withholds those not in `VALUE_FREE_PARAMS` for a personal member).
//!
//! A code with several kinds lists them all under it (`malformed_json`: `MalformedJson` for a
//! body, `NotSerializable` for a built value; `missing_permission`, `unsupported_locale`,
//! `feature_not_in_environment` each have a profile-file kind too); a kind belongs to the one
//! code it is declared under. `declare.rs` generates `Code`, `Kind`, `Kind::code` and the two
//! renderers from the table. To add a code: one entry here, at its place in the order of
//! [`Code::ALL`] (the README's table and `codes` follow it).

use serde::{Deserialize, Serialize};
use std::fmt::{self, Write as _};
use std::str::FromStr;

/// How bad a violation is. Only errors make a request invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The API would reject or mis-read the request.
    Error,
    /// The request is sent as is, but probably not as meant.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Honours width and alignment (`{:<8}`), like `str`.
impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

use super::finding::{
    Document, Ends, Expected, Finding, Folded, Implausible, JsonType, NameClass, Num, Place,
    PolicyFailure, ProfileMismatch, TypeHint, UnusualClass,
};
use super::render::{range, Params, Suggestions};
use serde_json::Value;
use std::borrow::Cow;

violations! {
    message(f, mode, out, who);
    params(put);

    /// The body is not valid UTF-8.
    InvalidUtf8 = "invalid_utf8", error
        => "RFC 8259 §8.1 (JSON exchanged between systems is UTF-8) and iDenfy's error \
         messages page (ENCODING_ERROR): a body that cannot be decoded is refused."
    {
        InvalidUtf8 {
            document: Document,
            offset: usize,
            line: usize,
            column: usize,
        }
            message {
                Kind::InvalidUtf8 { document, line, column, .. } => write!(
                    out,
                    "the {} is not valid UTF-8 (first bad byte at line {line}, column {column})",
                    document.name()
                )?,
            }
            params {
                Kind::InvalidUtf8 { offset, line, column, .. } => {
                    put("offset", (*offset).into());
                    put("line", (*line).into());
                    put("column", (*column).into());
                },
            }
    }

    /// The body is not well-formed JSON.
    MalformedJson = "malformed_json", error
        => "Token page (\"Malformation in JSON ... will trigger a standard iDenfy API \
         error response\"; JSON_ERROR on the error messages page): the request is \
         refused. A byte-order mark counts: RFC 8259 §8.1 forbids senders to add one."
    {
        MalformedJson {
            document: Document,
            reason: Cow<'static, str>,
            line: usize,
            column: usize,
        }
            message {
                Kind::MalformedJson { document, reason, line, column } => write!(
                    out,
                    "the {} is not valid JSON: {reason} at line {line}, column {column}",
                    document.name()
                )?,
            }
            params {
                Kind::MalformedJson { reason, line, column, .. } => {
                    put("reason", reason.as_ref().into());
                    put("line", (*line).into());
                    put("column", (*column).into());
                },
            }
        /// A value the caller built that serde_json cannot serialize (code `malformed_json`).
        NotSerializable {
            reason: String,
        }
            message {
                Kind::NotSerializable { reason } => {
                    write!(out, "the value could not be serialized as JSON: {reason}")?
                },
            }
            params {
            }
    }

    /// The top-level JSON value is not an object.
    NotAnObject = "not_an_object", error
        => "kyc.yaml (requestBody schema: type object): anything else is refused, and no \
         member can be read from it."
    {
        NotAnObject {
            document: Document,
            found: JsonType,
        }
            message {
                Kind::NotAnObject { document, found } => write!(
                    out,
                    "the {} must be a JSON object, not {}",
                    document.name(),
                    found.with_article()
                )?,
            }
            params {
                Kind::NotAnObject { found, .. } => put("found", found.name().into()),
            }
    }

    /// The body is larger than the size limit.
    DocumentTooLarge = "document_too_large", error
        => "Checker limit (Limits::max_bytes), not an iDenfy rule: the body is not read \
         past the limit, so nothing beyond it was checked; raise the limit to check a \
         larger body."
    {
        DocumentTooLarge {
            document: Document,
            size: usize,
            limit: usize,
        }
            message {
                // Readers may stop at limit + 1 bytes, so the size is a lower bound.
                Kind::DocumentTooLarge { document, limit, .. } => write!(
                    out,
                    "the {} is larger than the limit of {limit} bytes",
                    document.name()
                )?,
            }
            params {
                Kind::DocumentTooLarge { size, limit, .. } => {
                    put("size", (*size).into());
                    put("limit", (*limit).into());
                },
            }
    }

    /// Arrays and objects are nested deeper than the depth limit.
    NestingTooDeep = "nesting_too_deep", error
        => "Checker limit (Limits::max_depth), not an iDenfy rule: no documented member \
         nests this deep, and the body is not read further, so the rest was not \
         checked."
    {
        NestingTooDeep {
            limit: usize,
            line: usize,
            column: usize,
        }
            message {
                Kind::NestingTooDeep { limit, line, column } => write!(
                    out,
                    "arrays and objects are nested more than {limit} levels deep (at line {line}, column {column})"
                )?,
            }
            params {
                Kind::NestingTooDeep { limit, line, column } => {
                    put("limit", (*limit).into());
                    put("line", (*line).into());
                    put("column", (*column).into());
                },
            }
    }

    /// The violation list was cut at the limit.
    TooManyViolations = "too_many_violations", either
        => "Checker limit (Limits::max_violations), not about the request: the report is \
         cut, errors kept ahead of warnings; it is an error exactly when errors were \
         left out, so the verdict stays that of the full check."
    {
        TooManyViolations {
            limit: usize,
            omitted: usize,
        }
            message {
                Kind::TooManyViolations { limit, omitted } => write!(
                    out,
                    "the report stops after {limit} violations; {omitted} more were found and left out"
                )?,
            }
            params {
                Kind::TooManyViolations { limit, omitted } => {
                    put("limit", (*limit).into());
                    put("omitted", (*omitted).into());
                },
            }
    }

    /// The same member name appears twice in one object.
    DuplicateKey = "duplicate_key", either
        => "Certain loss: RFC 8259 §4 leaves open which copy of a repeated name a parser \
         keeps, so one of the values is lost and which one iDenfy reads is unknown. In \
         additionalSteps, country and document keys that are equal once upper-cased (lt and \
         LT) are an error too: the normalized request sends the codes upper-cased, as the \
         token page converts country codes, so it would hold the key twice. In a response's \
         allowedDocuments they are a warning: the country gets two lists."
    {
        DuplicateKey {
            name: String,
            folded: Option<Folded>,
            /// The document the object is in, which the message names.
            document: Document,
        }
            message {
                Kind::DuplicateKey { folded, document, .. } => match folded {
                    None => write!(out, "this member name appears more than once in the object; JSON parsers disagree on which copy wins, so the {} is ambiguous", document.name())?,
                    Some(Folded::SameKeyTwice { .. }) => out.push_str("this key repeats an earlier key once both are upper-cased, so the normalized request would carry the same key twice"),
                    Some(Folded::TwoLists { .. }) => write!(out, "this key repeats an earlier {} key once both are upper-cased (country codes are case-insensitive), so the country has two lists", f.subject.name)?,
                },
            }
            params {
                Kind::DuplicateKey { name, folded, .. } => {
                    put("name", name.as_str().into());
                    if let Some(Folded::SameKeyTwice { normalized } | Folded::TwoLists { normalized }) =
                        folded
                    {
                        put("normalized", normalized.as_str().into());
                    }
                },
            }
    }

    /// A required member is missing.
    MissingRequired = "missing_required", error
        => "Token page (clientId \"Required: Yes\"; kyc.yaml required: clientId): the API \
         refuses the request (MISSING_VALUE). tokenType, which kyc.yaml also lists, has \
         a documented default (IDENTIFICATION). In a token response: kyc.yaml's \
         required members; in a partner profile: the file's own format."
    {
        MissingRequired {
            field: &'static str,
            alias: Option<&'static str>,
            document: Document,
        }
            message {
                Kind::MissingRequired { field, alias, document } => match (alias, document) {
                    (Some(alias), _) => write!(out, "{field} is required (legacy name: {alias})")?,
                    (None, Document::Response) => {
                        write!(out, "{field} is required in a token response")?
                    }
                    (None, Document::Request) => write!(out, "{field} is required")?,
                    (None, Document::Profile) => {
                        write!(out, "{field} is required in a partner profile")?
                    }
                },
            }
            params {
                Kind::MissingRequired { field, .. } => put("field", (*field).into()),
            }
    }

    /// A member that may not be null is null.
    NullNotAllowed = "null_not_allowed", error
        => "Token page (clientId \"Not null\"): refused. null for a member kyc.yaml does \
         not mark nullable is undocumented_null, a warning."
    {
        NullNotAllowed
            message {
                Kind::NullNotAllowed => write!(out, "{who} is required and may not be null")?,
            }
            params {
            }
    }

    /// A member iDenfy's API reference declares non-nullable is null: the server may refuse it (leave the member out to get its default).
    UndocumentedNull = "undocumented_null", warning
        => "If sent: kyc.yaml declares the member without nullable: true and the token page \
         says nothing of null, so a strict server may refuse it (BAD_VALUE); the null is sent \
         as written, and leaving the member out gets its default."
    {
        UndocumentedNull
            message {
                Kind::UndocumentedNull => write!(
                    out,
                    "{who} is not nullable in iDenfy's API reference, so the server may refuse null; leave {who} out to get its default (the null is sent as written)"
                )?,
            }
            params {
            }
    }

    /// The JSON type differs from the documented one.
    WrongType = "wrong_type", error
        => "Token page and kyc.yaml (each member's type: string, integer, boolean, array, \
         object): a value of another JSON type is refused (BAD_VALUE). A whole number \
         written with a zero fraction (3600.0) is an integer in JSON Schema and is \
         accepted."
    {
        WrongType {
            expected: Expected,
            found: JsonType,
            hint: Option<TypeHint>,
        }
            message {
                Kind::WrongType { expected, found, hint } => {
                    write!(
                        out,
                        "{who} must be {}, not {}",
                        expected.text(),
                        found.with_article()
                    )?;
                    out.push_str(match hint {
                        Some(TypeHint::Unquote) => " (write the number without quotes)",
                        Some(TypeHint::UnquoteBoolean) => " (write true or false without quotes)",
                        Some(TypeHint::WholeNumber) => {
                            " (a whole number: this one has a fraction)"
                        }
                        None => "",
                    });
                },
            }
            params {
                Kind::WrongType { expected, found, .. } => {
                    put("expected", expected.text().into());
                    put("found", found.name().into());
                },
            }
    }

    /// A member and its legacy alias are both present.
    AliasConflict = "alias_conflict", error
        => "Certain loss: the token page accepts personScanRef as the legacy name of \
         clientId; sent together, the server gets two values for one member and keeps \
         one of them."
    {
        AliasConflict {
            alias: &'static str,
            field: &'static str,
        }
            message {
                Kind::AliasConflict { alias, field } => write!(
                    out,
                    "{alias} is the legacy name of {field}; send only one of them"
                )?,
            }
            params {
                Kind::AliasConflict { field, .. } => put("field", (*field).into()),
            }
    }

    /// The member is not documented.
    UnknownField = "unknown_field", either
        => "If sent: iDenfy ignores members it does not know, so the value has no effect \
         (a warning). An error only where the caller asked for it (UnknownFields::Deny, \
         --deny-unknown) or in a partner profile, where an undocumented member is a \
         certain loss: the check it was meant to set stays off unnoticed."
    {
        UnknownField {
            place: Place,
            candidates: Vec<&'static str>,
        }
            message_naming_suggestion {
                Kind::UnknownField { place, candidates } => {
                    match place {
                        Place::Request => {
                            out.push_str("this member is not documented for the Generate token request")
                        }
                        Place::Among(known) | Place::InProfile(known) => write!(
                            out,
                            "this member is not documented here (expected one of {})",
                            known.join(", ")
                        )?,
                    }
                    match (f.suggestion, candidates.as_slice()) {
                        (Some(s), _) => write!(out, "; did you mean {s}?")?,
                        (None, []) => out.push('.'),
                        (None, several) => write!(out, "; did you mean {}?", several.join(" or "))?,
                    }
                    match (f.severity, place) {
                        (Severity::Error, _) => {}
                        (_, Place::InProfile(_)) => out.push_str(" The profile check would ignore it."),
                        _ => out.push_str(
                            " It is passed through unchanged, and the API will probably ignore it.",
                        ),
                    }
                },
            }
            params {
                Kind::UnknownField { candidates, .. } if !candidates.is_empty() => {
                    put("candidates", candidates.clone().into());
                },
            }
    }

    /// The member is not documented, but is almost certainly a documented one mistyped (its value would be lost).
    MisspelledField = "misspelled_field", error
        => "Certain loss: iDenfy ignores members it does not know, and this name is a \
         documented one mistyped or written with invisible, whitespace or look-alike \
         characters, so its value is silently lost."
    {
        /// `look_alike`: the name differs from the suggestion only by invisible, whitespace or
        /// look-alike characters (`lastName` with a trailing no-break space, a Cyrillic `а`).
        MisspelledField {
            look_alike: bool,
        }
            message_naming_suggestion {
                Kind::MisspelledField { look_alike } => {
                    let meant = f.suggestion.unwrap_or("a documented member");
                    if *look_alike {
                        write!(out, "not a documented member name, but it differs from {meant} only by invisible, whitespace or look-alike characters (iDenfy ignores members it does not know, so this value would be lost); did you mean {meant}?")?;
                    } else {
                        write!(out, "not a documented member name, but {meant} is (iDenfy ignores members it does not know, so this value would be lost); did you mean {meant}?")?;
                    }
                },
            }
            params {
            }
    }

    /// The member appears only in old documentation.
    LegacyField = "legacy_field", warning
        => "If sent: only old iDenfy documentation lists the member; the current API may \
         ignore it, so it may have no effect."
    {
        LegacyField {
            name: &'static str,
        }
            message {
                Kind::LegacyField { name } => write!(
                    out,
                    "{name} appears only in old iDenfy documentation; the API may ignore it"
                )?,
            }
            params {
            }
    }

    /// A string is shorter than allowed.
    TooShort = "too_short", error
        => "Token page (\"Min length 1\": firstName, lastName, documentNumber, personalNumber; \
         \"Min length 5\": successUrl, errorUrl, unverifiedUrl, callbackUrl) and iDenfy's \
         error guide (clientId must be a non-empty string; a step name in additionalSteps \
         names a step the account defines, which an empty one cannot): refused (BAD_VALUE)."
    {
        TooShort {
            min: usize,
            length: usize,
        }
            message {
                Kind::TooShort { min: 1, .. } => write!(out, "{who} must not be empty")?,
                Kind::TooShort { min, .. } => {
                    write!(out, "{who} must be at least {min} characters long")?
                },
            }
            params {
                Kind::TooShort { min, length } => {
                    put("min", (*min).into());
                    put("length", (*length).into());
                },
            }
    }

    /// A string is longer than allowed.
    TooLong = "too_long", error
        => "Token page and kyc.yaml (maxLength: clientId and names 100, externalRef 40, \
         documentNumber and personalNumber 50, address 255, URLs 2048): refused \
         (BAD_VALUE)."
    {
        TooLong {
            max: usize,
            length: usize,
        }
            message {
                Kind::TooLong { max, length } => write!(
                    out,
                    "{who} must be at most {max} characters long (it has {length})"
                )?,
            }
            params {
                Kind::TooLong { max, length } => {
                    put("max", (*max).into());
                    put("length", (*length).into());
                },
            }
    }

    /// A number is below the minimum.
    TooSmall = "too_small", error
        => "Token page (expiryTime \"Min 1 second\", where kyc.yaml says minimum 0: the page \
         wins; sessionLength minimum 60, also kyc.yaml; ageLimit and ageMax \"More than \
         0\"): refused (BAD_VALUE)."
    {
        TooSmall {
            min: Num,
            max: Option<Num>,
        }
            message {
                Kind::TooSmall { min, max } => write!(out, "{who} must be {}", range(*min, *max))?,
            }
            params {
                Kind::TooSmall { min, .. } => put("min", (*min).into()),
            }
    }

    /// A number is above the maximum.
    TooLarge = "too_large", error
        => "Token page and kyc.yaml (maximum: expiryTime 2592000, sessionLength 3600): \
         refused (BAD_VALUE)."
    {
        TooLarge {
            min: Num,
            max: Num,
        }
            message {
                Kind::TooLarge { min, max } => {
                    write!(out, "{who} must be {}", range(*min, Some(*max)))?
                },
            }
            params {
                Kind::TooLarge { max, .. } => put("max", (*max).into()),
            }
    }

    /// An integer written with a zero fraction or an exponent (`3600.0`, `3.6e3`): JSON Schema counts it as the integer, and the normalized request writes it as one (`3600`).
    IntegerWrittenAsFloat = "integer_written_as_float", warning
        => "If sent: JSON Schema's integer (and so kyc.yaml's type integer) is any number \
         with a zero fraction, so the value is accepted; the normalized request carries the \
         plain integer (3600), which every JSON reader takes as one."
    {
        /// `rewritten`: the normalized request carries the integer (false beyond 64 bits, where the
        /// number is kept as written).
        IntegerWrittenAsFloat {
            rewritten: bool,
        }
            message {
                Kind::IntegerWrittenAsFloat { rewritten: true } => write!(
                    out,
                    "{who} is an integer written with a fraction or an exponent (like 600.0 or 6e2); JSON Schema counts it as that integer, and the normalized request writes it as one"
                )?,
                Kind::IntegerWrittenAsFloat { rewritten: false } => write!(
                    out,
                    "{who} is an integer written with a fraction or an exponent (like 600.0 or 6e2); JSON Schema counts it as that integer, but beyond 64 bits it is kept as written"
                )?,
            }
            params {
                Kind::IntegerWrittenAsFloat { rewritten } => put("rewritten", (*rewritten).into()),
            }
    }

    /// A string holds a character outside ASCII.
    NotPrintableAscii = "not_printable_ascii", error
        => "Token page constraints (clientId, documentNumber, personalNumber: \"ASCII \
         characters available\"; externalRef: \"ASCII characters only\") and iDenfy's error \
         guide, which lists a non-ASCII clientId among the requests refused."
    {
        NotPrintableAscii {
            position: usize,
            count: usize,
        }
            message {
                Kind::NotPrintableAscii { position, .. } => write!(
                    out,
                    "{who} may contain only ASCII characters; it has a non-ASCII character at position {position}"
                )?,
            }
            params {
                Kind::NotPrintableAscii { position, count } => {
                    put("position", (*position).into());
                    put("count", (*count).into());
                },
            }
    }

    /// A string holds an ASCII control character (a tab, a line feed, DEL).
    AsciiControlCharacter = "ascii_control_character", warning
        => "If sent: the token page allows ASCII characters, which control characters are, \
         so the value is sent as written; a tab or line feed in an identifier is almost never \
         meant, will not match the same value without it, and a document number with one \
         cannot match the document (SUSPECTED)."
    {
        AsciiControlCharacter {
            position: usize,
            count: usize,
        }
            message {
                Kind::AsciiControlCharacter { position, .. } => write!(
                    out,
                    "{who} has an ASCII control character (a tab, a line feed or the like) at position {position}; the docs allow ASCII, so it is sent as written, but it is almost never meant and will not match the same value without it"
                )?,
            }
            params {
                Kind::AsciiControlCharacter { position, count } => {
                    put("position", (*position).into());
                    put("count", (*count).into());
                },
            }
    }

    /// An identifier starts or ends with whitespace, which is sent as written.
    SurroundingWhitespace = "surrounding_whitespace", warning
        => "If sent: the value is sent as written, not trimmed, so \" 42\" and \"42\" are \
         different clients (clientId is the de-duplication key) and a number with a \
         space will not match the document."
    {
        SurroundingWhitespace {
            at: Ends,
        }
            message {
                Kind::SurroundingWhitespace { at } => write!(
                    out,
                    "{who} has whitespace at {}; it is sent as written, not trimmed, so it will not match the same value without it",
                    at.words()
                )?,
            }
            params {
                Kind::SurroundingWhitespace { at } => put("at", at.words().into()),
            }
    }

    /// A value the API accepts that is almost certainly a mistake (an age of 2008, a birth date 200 years ago).
    ImplausibleValue = "implausible_value", warning
        => "If sent: the API accepts it, but it is almost certainly a typo (an ageLimit of \
         2008 flags every client as suspected; a birth date 200 years ago does not \
         match any document)."
    {
        ImplausibleValue {
            what: Implausible,
            plausible_max: i64,
        }
            message {
                Kind::ImplausibleValue { what: Implausible::Age, plausible_max } => write!(
                    out,
                    "{who} is above {plausible_max}, more than any person's age: probably a year or a typo"
                )?,
                Kind::ImplausibleValue { what: Implausible::BirthDate, plausible_max } => write!(
                    out,
                    "{who} is more than {plausible_max} years ago: probably a typo in the year"
                )?,
            }
            params {
                Kind::ImplausibleValue { plausible_max, .. } => {
                    put("plausible_max", (*plausible_max).into())
                },
            }
    }

    /// A name holds a digit, a special character the docs forbid or a control character, or no letter.
    InvalidNameCharacter = "invalid_name_character", error
        => "Token page (firstName, lastName: \"Letters only (no digits)\", \"No special \
         characters: ~!@#$%^*()_+={}[]|:;\",/?\"): a digit of any script, one of \
         those characters or a control character is refused, and a name needs a letter. \
         Any other character is at most a warning."
    {
        /// `None`: the name has no letter.
        InvalidNameCharacter {
            bad: Option<(NameClass, usize, usize)>,
        }
            message {
                Kind::InvalidNameCharacter { bad: None } => {
                    write!(out, "{who} must contain at least one letter")?
                },
                Kind::InvalidNameCharacter { bad: Some((class, position, count)) } => {
                    write!(
                        out,
                        "{who} may not contain digits (of any script), the special characters ~!@#$%^*()_+={{}}[]|:;\",/? or control characters, which iDenfy's docs forbid; the normalized name has {} at position {position}",
                        class.words()
                    )?;
                    if *count > 1 {
                        write!(out, " ({count} such characters in all)")?;
                    }
                },
            }
            params {
                Kind::InvalidNameCharacter { bad: None } => put("class", "no_letter".into()),
                Kind::InvalidNameCharacter { bad: Some((class, position, count)) } => {
                    put("class", class.name().into());
                    put("position", (*position).into());
                    put("count", (*count).into());
                },
            }
    }

    /// A name holds a character the docs do not forbid that is not a letter, mark, space or name punctuation (`&`, an em dash, a symbol): it is sent as written.
    UnusualNameCharacter = "unusual_name_character", warning
        => "If sent: the token page forbids only digits and ~!@#$%^*()_+={}[]|:;\",/?, so \
         the name is sent as written; a name that differs from the document's makes the \
         verification SUSPECTED (kyc.yaml), and < > (forbidden by older docs) may still be \
         refused."
    {
        UnusualNameCharacter {
            class: UnusualClass,
            position: usize,
            count: usize,
        }
            message {
                Kind::UnusualNameCharacter { class, position, count } => {
                    write!(
                        out,
                        "the normalized {who} has {} at position {position}",
                        class.words()
                    )?;
                    if *count > 1 {
                        write!(
                            out,
                            " ({count} characters that are not letters, marks, spaces or name punctuation in all)"
                        )?;
                    }
                    write!(out, ". {}", class.outcome())?;
                },
            }
            params {
                Kind::UnusualNameCharacter { class, position, count } => {
                    put("class", class.name().into());
                    put("position", (*position).into());
                    put("count", (*count).into());
                },
            }
    }

    /// A value outside the documented set.
    InvalidValue = "invalid_value", error
        => "Token page and kyc.yaml (enum: sex M, F; tokenType IDENTIFICATION, DOCUMENT; \
         the additional-steps page's step types UPLOAD, EXTRACT, COMPARE): a value \
         outside the set is refused (BAD_VALUE); values are case-sensitive."
    {
        InvalidValue {
            allowed: &'static [&'static str],
            case_only: bool,
        }
            message {
                Kind::InvalidValue { allowed, case_only } => {
                    write!(out, "{who} must be one of {}", allowed.join(", "))?;
                    // That only the case is wrong tells a personal value (`m` for `M`): it goes
                    // with the suggestion.
                    if *case_only && mode == Suggestions::Named {
                        out.push_str(" (values are case-sensitive)");
                    }
                },
            }
            params {
                Kind::InvalidValue { allowed, .. } => {
                    put("allowed", (*allowed).into())
                },
            }
    }

    /// A value the API no longer offers.
    RetiredValue = "retired_value", error
        => "Token page and kyc.yaml (tokenType enum: only IDENTIFICATION and DOCUMENT): \
         the values older documentation offered (VIDEO_CALL, ...) are no longer \
         accepted."
    {
        RetiredValue {
            allowed: &'static [&'static str],
            why: &'static str,
        }
            message {
                Kind::RetiredValue { allowed, why } => write!(
                    out,
                    "{who}: this value is no longer offered ({why}); use one of {}",
                    allowed.join(", ")
                )?,
            }
            params {
                Kind::RetiredValue { allowed, .. } => {
                    put("allowed", (*allowed).into())
                },
            }
    }

    /// A date is not written as YYYY-MM-DD.
    InvalidDateFormat = "invalid_date_format", error
        => "Token page (\"Format: YYYY-MM-DD\"; kyc.yaml format: date): refused \
         (BAD_VALUE)."
    {
        InvalidDateFormat
            message {
                Kind::InvalidDateFormat => write!(out, "{who} must be a date written YYYY-MM-DD")?,
            }
            params {
                Kind::InvalidDateFormat => put("format", "YYYY-MM-DD".into()),
            }
    }

    /// A YYYY-MM-DD date that does not exist in the calendar.
    InvalidCalendarDate = "invalid_calendar_date", error
        => "kyc.yaml (format: date, the RFC 3339 full-date): a YYYY-MM-DD that is no day \
         of the calendar (02-30, year 0000) is no date, refused (BAD_VALUE)."
    {
        InvalidCalendarDate {
            year_zero: bool,
        }
            message {
                Kind::InvalidCalendarDate { year_zero: true } => write!(
                    out,
                    "{who} has the year 0000, which no calendar (and no server's date type) holds; years start at 0001"
                )?,
                Kind::InvalidCalendarDate { year_zero: false } => write!(
                    out,
                    "{who} is written YYYY-MM-DD but is not a date in the calendar"
                )?,
            }
            params {
                Kind::InvalidCalendarDate { year_zero: true } => put("reason", "year_zero".into()),
            }
    }

    /// A birth or issue date after today.
    DateInFuture = "date_in_future", warning
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document holds a birth or issue date after today, so the prefilled data cannot \
         match and the verification is flagged SUSPECTED (token page: data different from \
         the document; kyc.yaml: mismatch triggers SUSPECTED)."
    {
        DateInFuture {
            tolerance_days: i64,
        }
            message {
                Kind::DateInFuture { tolerance_days } => write!(
                    out,
                    "{who} is in the future (more than {tolerance_days} day after today, which allows for time zones): no document holds it, so the verification will be flagged as suspected"
                )?,
            }
            params {
                Kind::DateInFuture { tolerance_days } => {
                    put("tolerance_days", (*tolerance_days).into())
                },
            }
    }

    /// dateOfIssue is after dateOfExpiry.
    IssuedAfterExpiry = "issued_after_expiry", warning
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document is issued after it expires, so one of the dates cannot match and the \
         verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED)."
    {
        IssuedAfterExpiry
            message {
                Kind::IssuedAfterExpiry => out.push_str(
                    "dateOfIssue is after dateOfExpiry, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
                ),
            }
            params {
            }
    }

    /// dateOfBirth is after dateOfIssue.
    BornAfterIssue = "born_after_issue", warning
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document is issued before its holder is born, so one of the dates cannot match \
         and the verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED)."
    {
        BornAfterIssue
            message {
                Kind::BornAfterIssue => out.push_str(
                    "dateOfBirth is after dateOfIssue, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
                ),
            }
            params {
            }
    }

    /// dateOfExpiry is before dateOfBirth.
    ExpiryBeforeBirth = "expiry_before_birth", warning
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document expires before its holder is born, so one of the dates cannot match \
         and the verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED)."
    {
        ExpiryBeforeBirth
            message {
                Kind::ExpiryBeforeBirth => out.push_str(
                    "dateOfExpiry is before dateOfBirth, so one of them is wrong: the prefilled data cannot match the document and the verification will be flagged as suspected",
                ),
            }
            params {
            }
    }

    /// dateOfExpiry is before today.
    DocumentExpired = "document_expired", warning
        => "If sent: the session runs, but the document has expired, so the verification \
         will likely be denied."
    {
        DocumentExpired {
            tolerance_days: i64,
        }
            message {
                Kind::DocumentExpired { .. } => out.push_str(
                    "dateOfExpiry is in the past: the document has expired and the verification will likely be denied",
                ),
            }
            params {
                Kind::DocumentExpired { tolerance_days } => {
                    put("tolerance_days", (*tolerance_days).into())
                },
            }
    }

    /// Not an ISO 3166-1 alpha-2 country code.
    InvalidCountryCode = "invalid_country_code", error
        => "Token page (nationality, country, registryCentersCountries: \"ISO 3166-1 \
         alpha-2 format\"; iDenfy's own BAD_VALUE example is \"Field 'country' must be \
         a valid ISO 3166-1 alpha-2 code.\"): refused."
    {
        InvalidCountryCode {
            allow_all: bool,
        }
            message {
                Kind::InvalidCountryCode { allow_all } => write!(
                    out,
                    "{who} must be an ISO 3166-1 alpha-2 country code{}",
                    if *allow_all { " or ALL" } else { "" }
                )?,
            }
            params {
            }
    }

    /// Not a document type the API knows.
    UnknownDocumentType = "unknown_document_type", error
        => "Certain loss: the document types are an enumerated list (iDenfy's \
         supported-documents page, which the token page's documents refers to: \"Supported \
         verification documents\"), and a name outside it names no document, so the client \
         can never pick it."
    {
        UnknownDocumentType {
            allow_all: bool,
        }
            message {
                Kind::UnknownDocumentType { allow_all } => write!(
                    out,
                    "{who} must name a document type the API knows (PASSPORT, ID_CARD, …){}",
                    if *allow_all { " or ALL" } else { "" }
                )?,
            }
            params {
            }
    }

    /// A retired or alias document type name.
    LegacyDocumentType = "legacy_document_type", warning
        => "If sent: a retired or alias name (VOTER_CARD is classified as ID_CARD); the \
         current list does not name it, so it may be refused or read as its base type."
    {
        LegacyDocumentType {
            why: &'static str,
        }
            message {
                Kind::LegacyDocumentType { why } => write!(
                    out,
                    "{who}: this document type is not in the current list ({why})"
                )?,
            }
            params {
            }
    }

    /// The same item appears twice in a list.
    DuplicateItem = "duplicate_item", warning
        => "If sent: the list holds the value once in effect; the repeat has no effect."
    {
        DuplicateItem
            message {
                Kind::DuplicateItem => write!(out, "{who} lists the same value twice")?,
            }
            params {
            }
    }

    /// Not an absolute URL.
    InvalidUrl = "invalid_url", error
        => "Token page (successUrl, errorUrl, unverifiedUrl, callbackUrl: \"Must be valid \
         HTTPS URL\"; kyc.yaml format: uri): refused."
    {
        InvalidUrl {
            reason: url::ParseError,
        }
            message {
                Kind::InvalidUrl { reason } => write!(
                    out,
                    "{who} must be an absolute URL such as https://example.com/path ({reason})"
                )?,
            }
            params {
                Kind::InvalidUrl { reason } => put("reason", reason.to_string().into()),
            }
    }

    /// A URL whose scheme is not https.
    UrlNotHttps = "url_not_https", error
        => "Token page (\"Must be valid HTTPS URL\"): a URL of another scheme is refused."
    {
        UrlNotHttps {
            scheme: Cow<'static, str>,
        }
            message {
                Kind::UrlNotHttps { .. } => write!(out, "{who} must use https")?,
            }
            params {
                Kind::UrlNotHttps { scheme } => put("scheme", scheme.as_ref().into()),
            }
    }

    /// A URL without a host.
    UrlMissingHost = "url_missing_host", error
        => "Token page (\"Must be valid HTTPS URL\"): an https URL without a host is not \
         valid, refused."
    {
        UrlMissingHost
            message {
                Kind::UrlMissingHost => write!(out, "{who} must name a host")?,
            }
            params {
            }
    }

    /// A URL the parser rewrites to read it (spaces, backslashes, missing slashes, `{}` in a path).
    UrlNeedsRepair = "url_needs_repair", error
        => "Token page (\"Must be valid HTTPS URL\"; kyc.yaml format: uri, RFC 3986): as \
         written it is no valid URL (spaces, backslashes, missing slashes), so it is refused \
         or read as another URL than the one meant."
    {
        UrlNeedsRepair {
            reason: &'static str,
        }
            message {
                Kind::UrlNeedsRepair { reason } => write!(
                    out,
                    "{who} is not a well-formed URL as written ({reason}); send it in its corrected form"
                )?,
            }
            params {
                Kind::UrlNeedsRepair { reason } => {
                    put("reason", (*reason).into())
                },
            }
    }

    /// A URL with characters RFC 3986 wants percent-encoded that the parser keeps as written (`[]`, `|`, `^`).
    UrlUnencodedCharacters = "url_unencoded_characters", warning
        => "If sent: browsers send these characters as written, but a strict server may \
         refuse the redirect or the webhook."
    {
        UrlUnencodedCharacters {
            characters: String,
        }
            message {
                Kind::UrlUnencodedCharacters { characters } => write!(
                    out,
                    "{who} holds characters that RFC 3986 wants percent-encoded ({characters}); browsers send them as written, but some strict servers refuse them"
                )?,
            }
            params {
                Kind::UrlUnencodedCharacters { characters } => {
                    put("characters", characters.as_str().into())
                },
            }
    }

    /// A URL carrying a user name or password.
    UrlHasCredentials = "url_has_credentials", warning
        => "If sent: the user name and password end up in logs and browser history."
    {
        UrlHasCredentials
            message {
                Kind::UrlHasCredentials => write!(
                    out,
                    "{who} carries a user name or password; they end up in logs and browser history"
                )?,
            }
            params {
            }
    }

    /// A callback URL pointing at a host the webhook sender cannot reach.
    CallbackNotPublic = "callback_not_public", warning
        => "If sent: iDenfy's webhook sender cannot reach a private or local host, so the \
         session's webhooks never arrive."
    {
        CallbackNotPublic {
            reason: &'static str,
        }
            message {
                Kind::CallbackNotPublic { reason } => write!(
                    out,
                    "{who} points at {reason}; iDenfy's webhooks cannot reach it"
                )?,
            }
            params {
                Kind::CallbackNotPublic { reason } => {
                    put("reason", (*reason).into())
                },
            }
    }

    /// A locale over the 7 characters the API reference allows (kyc.yaml `maxLength: 7`).
    InvalidLocale = "invalid_locale", error
        => "kyc.yaml (locale: type string, maxLength 7): a longer locale is refused. A \
         shorter one the UI does not offer is unsupported_locale, a warning."
    {
        InvalidLocale {
            max: usize,
        }
            message {
                Kind::InvalidLocale { max } => write!(
                    out,
                    "{who} is longer than the {max} characters the API accepts for a locale; send a supported one (en, zh_tw)"
                )?,
            }
            params {
                Kind::InvalidLocale { max } => put("max", (*max).into()),
            }
    }

    /// A locale the verification UI (or the partner profile) does not offer (`pt-BR`, `xx`, empty):
    /// sent as written, the UI falls back to English.
    UnsupportedLocale = "unsupported_locale", warning
        => "If sent: Token page (\"If not supported locale is used, the default English \
         will be displayed\"): the verification UI shows English."
    {
        UnsupportedLocale
            message {
                Kind::UnsupportedLocale => write!(
                    out,
                    "{who} is not a supported UI language; it is sent as written and the verification UI will be shown in English"
                )?,
            }
            params {
            }
        /// A locale the partner profile's list leaves out (code `unsupported_locale`).
        LocaleNotOffered
            message {
                Kind::LocaleNotOffered => write!(
                    out,
                    "{who} is not one of the UI languages this account offers (partner profile), so the verification UI will be shown in English"
                )?,
            }
            params {
            }
    }

    /// Not a UUID in its 8-4-4-4-12 form.
    InvalidUuid = "invalid_uuid", error
        => "kyc.yaml (riskAssessmentProfile, theme: format: uuid): a string that is no \
         UUID is refused."
    {
        InvalidUuid
            message {
                Kind::InvalidUuid => write!(
                    out,
                    "{who} must be a UUID written as 8-4-4-4-12 hexadecimal digits"
                )?,
            }
            params {
            }
    }

    /// ageLimit is greater than ageMax.
    AgeLimitAboveAgeMax = "age_limit_above_age_max", warning
        => "If sent: the API accepts both (each only \"More than 0\"), but the token page \
         flags a client younger than ageLimit or older than ageMax as suspected, so with \
         ageLimit above ageMax every verification is flagged SUSPECTED."
    {
        /// `by_default`: one of the two ages is the partner profile's default.
        AgeLimitAboveAgeMax {
            by_default: bool,
        }
            message {
                Kind::AgeLimitAboveAgeMax { by_default } => {
                    out.push_str(
                        "ageLimit is greater than ageMax, so no client can pass: every verification will be flagged as suspected",
                    );
                    if *by_default {
                        out.push_str(" (one of them is the account's dashboard default)");
                    }
                },
            }
            params {
                Kind::AgeLimitAboveAgeMax { by_default: true } => put("source", "profile_default".into()),
            }
    }

    /// A prefilled dateOfBirth makes the client younger than ageLimit (or older than ageMax) on
    /// every day the token can be used: the verification will be flagged as suspected.
    AgeOutsideLimits = "age_outside_limits", warning
        => "If sent: Token page (ageLimit: \"Verification flagged as suspected if client is \
         younger\"; ageMax: \"... if client is older\"; kyc.yaml: \"triggers SUSPECTED \
         status\"): the prefilled birth date puts the client outside the limits on every day \
         the token can be used, so the verification is flagged as suspected."
    {
        /// `min`: the client is younger than ageLimit (else older than ageMax); `limit`: that age
        /// (an account setting, never the client's age); `by_default`: it is the partner profile's
        /// default.
        AgeOutsideLimits {
            min: bool,
            limit: i64,
            by_default: bool,
        }
            message {
                Kind::AgeOutsideLimits { min, limit, by_default } => {
                    let (member, than) = if *min {
                        ("ageLimit", "younger")
                    } else {
                        ("ageMax", "older")
                    };
                    write!(
                        out,
                        "dateOfBirth makes the client {than} than {member} {limit}{} on every day this token can be used, so the verification will be flagged as suspected",
                        if *by_default { " (the account's dashboard default)" } else { "" }
                    )?
                },
            }
            params {
                Kind::AgeOutsideLimits { min, limit, by_default } => {
                    put(if *min { "min" } else { "max" }, (*limit).into());
                    if *by_default {
                        put("source", "profile_default".into());
                    }
                },
            }
    }

    /// expiryTime exceeds the default expiry (or the partner profile's digit-string maximum)
    /// while generateDigitString is true.
    DigitStringExpiryTooLong = "digit_string_expiry_too_long", error
        => "Token page (digitString: \"expiryTime cannot be longer than \
         generateDigitString default value\"): refused."
    {
        /// `by_default`: generateDigitString is on by the partner profile's default; `profile`:
        /// the maximum is the profile's.
        DigitStringExpiryTooLong {
            max: i64,
            by_default: bool,
            profile: bool,
        }
            message {
                Kind::DigitStringExpiryTooLong { max, by_default, profile } => {
                    let on = if *by_default {
                        "generateDigitString on by the account's dashboard default"
                    } else {
                        "generateDigitString true"
                    };
                    let limit = if *profile {
                        "the account's digit-string maximum"
                    } else {
                        "the default expiry"
                    };
                    write!(
                        out,
                        "with {on}, expiryTime may not exceed {limit} of {max} seconds"
                    )?
                },
            }
            params {
                Kind::DigitStringExpiryTooLong { max, by_default, profile } => {
                    put("max", (*max).into());
                    if *by_default {
                        put("source", "profile_default".into());
                    }
                    if *profile {
                        put("limit", "profile".into());
                    }
                },
            }
    }

    /// A bank sub-check is on while verifyBank is false (in the request, or by the partner
    /// profile's default).
    RequiresVerifyBank = "requires_verify_bank", error
        => "Token page (verifyBankAccounts, verifyBankBalances, verifyBankTransactions: \
         \"Requires verifyBank to be enabled\"): with verifyBank off the sub-check \
         cannot run; it is refused or lost."
    {
        /// `by_default`: verifyBank is off by the partner profile's default.
        RequiresVerifyBank {
            by_default: bool,
        }
            message {
                Kind::RequiresVerifyBank { by_default: false } => write!(
                    out,
                    "{who} needs verifyBank, which this request sets to false"
                )?,
                Kind::RequiresVerifyBank { by_default: true } => write!(
                    out,
                    "{who} needs verifyBank, which the account's dashboard default turns off and this request leaves unset"
                )?,
            }
            params {
                Kind::RequiresVerifyBank { by_default: true } => put("source", "profile_default".into()),
            }
    }

    /// A bank sub-check is on while verifyBank is not set in the request.
    VerifyBankNotSet = "verify_bank_not_set", warning
        => "If sent: the sub-check runs only if the account's dashboard turns verifyBank \
         on."
    {
        VerifyBankNotSet
            message {
                Kind::VerifyBankNotSet => write!(
                    out,
                    "{who} needs verifyBank; it is not set here, so it depends on the account setting"
                )?,
            }
            params {
            }
    }

    /// A check is on although autoFaceMatching false disables it.
    DisabledByAutoFaceMatching = "disabled_by_auto_face_matching", warning
        => "If sent: Token page (autoFaceMatching: \"When disabled, also disables\" it): \
         the check does not run."
    {
        DisabledByAutoFaceMatching {
            by_default: bool,
        }
            message {
                Kind::DisabledByAutoFaceMatching { by_default } => write!(
                    out,
                    "{who} is true, but autoFaceMatching false{} disables it",
                    if *by_default { " (the account's dashboard default)" } else { "" }
                )?,
            }
            params {
                Kind::DisabledByAutoFaceMatching { by_default: true } => put("source", "profile_default".into()),
            }
    }

    /// nfcRequired and nfcOptional are both true (required wins).
    NfcRequiredAndOptional = "nfc_required_and_optional", warning
        => "If sent: required wins, so a client who cannot scan the chip is denied (Token \
         page, nfcRequired: \"Failure to scan results in denial\")."
    {
        NfcRequiredAndOptional {
            by_default: bool,
        }
            message {
                Kind::NfcRequiredAndOptional { by_default: false } => out.push_str(
                    "nfcOptional and nfcRequired are both true; required wins, so an NFC scan the client cannot do denies the verification",
                ),
                Kind::NfcRequiredAndOptional { by_default: true } => out.push_str(
                    "nfcOptional is true, but the account's dashboard default requires NFC; required wins, so an NFC scan the client cannot do denies the verification",
                ),
            }
            params {
                Kind::NfcRequiredAndOptional { by_default: true } => put("source", "profile_default".into()),
            }
    }

    /// A face check is on while tokenType DOCUMENT takes no selfie.
    FaceCheckWithoutSelfie = "face_check_without_selfie", warning
        => "If sent: Token page (DOCUMENT: \"Document capturing step only\"): there is no \
         selfie, so the face check cannot run."
    {
        FaceCheckWithoutSelfie {
            by_default: bool,
        }
            message {
                Kind::FaceCheckWithoutSelfie { by_default } => write!(
                    out,
                    "{who} is true, but tokenType DOCUMENT{} takes no selfie, so there is no face to check",
                    if *by_default { " (the account's dashboard default)" } else { "" }
                )?,
            }
            params {
                Kind::FaceCheckWithoutSelfie { by_default: true } => put("source", "profile_default".into()),
            }
    }

    /// ALL listed with other countries, which it makes meaningless.
    RedundantWithAll = "redundant_with_all", warning
        => "If sent: Token page (\"Use 'ALL' to allow all countries\"): the other codes \
         have no effect."
    {
        RedundantWithAll {
            others: usize,
        }
            message {
                Kind::RedundantWithAll { .. } => write!(
                    out,
                    "{who} lists ALL, which allows every country, together with other codes that then have no effect"
                )?,
            }
            params {
                Kind::RedundantWithAll { others } => put("others", (*others).into()),
            }
    }

    /// utilityBill true together with additionalSteps.
    UtilityBillWithAdditionalSteps = "utility_bill_with_additional_steps", warning
        => "If sent: older docs (Mark ID) say utilityBill cannot be combined with \
         additionalSteps; the legacy step may be ignored or the request refused."
    {
        UtilityBillWithAdditionalSteps
            message {
                Kind::UtilityBillWithAdditionalSteps => out.push_str(
                    "utilityBill true cannot be combined with additionalSteps; define a UTILITY_BILL step instead",
                ),
            }
            params {
            }
    }

    /// additionalData for a step that additionalSteps does not define.
    AdditionalDataUnknownStep = "additional_data_unknown_step", warning
        => "If sent: the data is used only if the account's dashboard configures that \
         step; otherwise it is ignored."
    {
        AdditionalDataUnknownStep {
            step: String,
        }
            message {
                Kind::AdditionalDataUnknownStep { .. } => out.push_str(
                    "additionalData names a step that additionalSteps in this request does not define; it is used only if the account's dashboard configures that step",
                ),
            }
            params {
                Kind::AdditionalDataUnknownStep { step } => put("step", step.as_str().into()),
            }
    }

    /// A COMPARE step field without a value in additionalData.
    MissingCompareData = "missing_compare_data", warning
        => "If sent: the COMPARE step has nothing to compare the document against (result \
         NO_DATA)."
    {
        MissingCompareData {
            step: String,
            field: String,
        }
            message {
                Kind::MissingCompareData { .. } => out.push_str(
                    "this COMPARE step field has no value in additionalData, so there is nothing to compare against",
                ),
            }
            params {
                Kind::MissingCompareData { step, field } => {
                    put("step", step.as_str().into());
                    put("field", field.as_str().into());
                },
            }
    }

    /// The request sets a member that needs a permission the partner profile says the account
    /// lacks.
    MissingPermission = "missing_permission", either
        => "Token page (reviewFailed, reviewSuccessful: \"Requires ... permission\"; \
         verifyBank: \"Requires partner packet permission\"; callbackUrl: \"Only works \
         if callback override enabled\"): the partner profile says the account lacks \
         it, so the API refuses it (PERMISSIONS_ERROR) or ignores it. In a profile file \
         (a dashboard default that needs the permission) a warning: the dashboard may \
         hold what the profile's permissions leave out."
    {
        MissingPermission {
            permission: crate::profile::Permission,
        }
            message {
                Kind::MissingPermission { permission } => write!(
                    out,
                    "{who} needs the {} permission, which the partner profile says this account lacks; the API rejects or ignores it",
                    permission.as_str()
                )?,
            }
            params {
                Kind::MissingPermission { permission } => put("permission", permission.as_str().into()),
            }
        /// A profile's dashboard default turns on what needs a permission the profile says the
        /// account lacks.
        DefaultNeedsPermission {
            permission: crate::profile::Permission,
        }
            message {
                Kind::DefaultNeedsPermission { permission } => write!(
                    out,
                    "this dashboard default turns on {who}, which needs the {} permission the profile says the account lacks: one of the two is likely wrong",
                    permission.as_str()
                )?,
            }
            params {
                Kind::DefaultNeedsPermission { permission } => {
                    put("permission", permission.as_str().into())
                },
            }
    }

    /// The request turns on a feature the partner profile's environment does not offer.
    FeatureNotInEnvironment = "feature_not_in_environment", error
        => "Token page (\"You can only override features, parameters, and variables \
         available in your environment\"): the partner profile says the environment \
         lacks it, so it is refused or has no effect. In a profile file, a dashboard \
         default that turns on a feature its own features list leaves out is an error: one \
         of the two statements is false, and the profile is not used."
    {
        FeatureNotInEnvironment
            message {
                Kind::FeatureNotInEnvironment => write!(
                    out,
                    "{who} turns on a feature the partner profile's environment does not offer; only features available in the environment can be overridden"
                )?,
            }
            params {
            }
        /// A profile's dashboard default turns on a feature its own `features` leave out.
        DefaultNotInEnvironment
            message {
                Kind::DefaultNotInEnvironment => write!(
                    out,
                    "this dashboard default turns on {who}, which the profile's features say the environment does not offer: the profile contradicts itself (fix features or the default)"
                )?,
            }
            params {
            }
    }

    /// questionnaire is not one of the partner profile's active questionnaire keys.
    InactiveQuestionnaire = "inactive_questionnaire", error
        => "Token page (questionnaire: \"Must be an active questionnaire configured for \
         the partner\"): refused."
    {
        InactiveQuestionnaire {
            closest: Option<String>,
        }
            message {
                Kind::InactiveQuestionnaire { closest } => {
                    write!(
                        out,
                        "{who} is not an active questionnaire key of this account (partner profile)"
                    )?;
                    if let Some(c) = closest {
                        write!(out, "; did you mean {c}?")?;
                    }
                },
            }
            params {
                Kind::InactiveQuestionnaire { closest: Some(c) } => put("closest", c.as_str().into()),
            }
    }

    /// riskAssessmentProfile is not one of the partner profile's risk assessment profiles.
    UnknownRiskAssessmentProfile = "unknown_risk_assessment_profile", error
        => "Token page (riskAssessmentProfile: the \"ID of the specific Risk Assessment \
         profile to apply\"): an ID that is not one of the account's profiles (partner \
         profile) names nothing to apply, refused or lost."
    {
        UnknownRiskAssessmentProfile
            message {
                Kind::UnknownRiskAssessmentProfile => write!(
                    out,
                    "{who} is not one of this account's risk assessment profiles (partner profile)"
                )?,
            }
            params {
            }
    }

    /// A document type the partner profile allows in none of the chosen countries.
    DocumentNotAllowed = "document_not_allowed", error
        => "Token page (documents: \"The available document types depend on the selected \
         country and the account's allowed document settings\"): the partner profile \
         allows it in none of the chosen countries, so the client can never pick it (a \
         certain loss). Allowed in some of them only: a warning naming those."
    {
        /// `by_default`: the country is the partner profile's default.
        DocumentNotAllowed {
            countries: Vec<String>,
            by_default: bool,
        }
            message {
                Kind::DocumentNotAllowed { countries, .. } if countries.is_empty() => write!(
                    out,
                    "this document type is allowed in no country of this account (partner profile), so the client can never pick it"
                )?,
                Kind::DocumentNotAllowed { countries, by_default } => write!(
                    out,
                    "this document type is not allowed for {}{} in this account (partner profile), so the client can never pick it",
                    countries.join(", "),
                    if *by_default { " (the account's default country)" } else { "" }
                )?,
            }
            params {
                Kind::DocumentNotAllowed { countries, by_default } => {
                    put("countries", countries.clone().into());
                    if *by_default {
                        put("source", "profile_default".into());
                    }
                },
            }
    }

    /// A document type the partner profile allows in some chosen countries but not in others
    /// where no other listed type is allowed either: a client who picks one of those has none.
    DocumentNotAllowedInCountry = "document_not_allowed_in_country", warning
        => "If sent: Token page (documents: \"The available document types depend on the \
         selected country and the account's allowed document settings\"): a client who picks \
         one of the named countries gets a session with no document they can use."
    {
        /// Allowed in some chosen countries, but not in `countries`, where no other listed type is
        /// allowed either; `by_default`: the countries are the partner profile's default.
        DocumentNotAllowedInCountry {
            countries: Vec<String>,
            by_default: bool,
        }
            message {
                Kind::DocumentNotAllowedInCountry { countries, by_default } => write!(
                    out,
                    "this document type is not allowed for {}{} in this account (partner profile), and no other listed type is: a client who picks {} gets a session with no document to use",
                    countries
                        .iter()
                        .map(|c| if c == "ALL" { "the countries it does not list (ALL)" } else { c })
                        .collect::<Vec<_>>()
                        .join(", "),
                    if *by_default { " (of the account's default countries)" } else { "" },
                    if countries.len() == 1 && countries[0] != "ALL" { "it" } else { "one of them" }
                )?,
            }
            params {
                Kind::DocumentNotAllowedInCountry { countries, by_default } => {
                    put("countries", countries.clone().into());
                    if *by_default {
                        put("source", "profile_default".into());
                    }
                },
            }
    }

    /// NFC is required, but the country is not among the partner profile's NFC-readable ones.
    NfcCountryUnsupported = "nfc_country_unsupported", either
        => "Token page (country: \"If NFC is required, must be NFC-supported country\"): \
         refused, or every client who picks the country is denied. In a profile file (its \
         own default country and nfcRequired) a warning: requests that set either are \
         checked on their own."
    {
        /// `by_default`: nfcRequired is on by the partner profile's default; `country_by_default`:
        /// the country is the profile's default (the request leaves it out).
        NfcCountryUnsupported {
            by_default: bool,
            country_by_default: bool,
        }
            message {
                Kind::NfcCountryUnsupported { by_default, country_by_default } => write!(
                    out,
                    "NFC is required{}, but {} is not among the partner profile's NFC-readable countries, so every client who picks it is denied",
                    if *by_default { " (the account's dashboard default)" } else { "" },
                    if *country_by_default { "the account's default country" } else { "this country" }
                )?,
            }
            params {
                Kind::NfcCountryUnsupported { by_default: true, .. } | Kind::NfcCountryUnsupported { country_by_default: true, .. } => put("source", "profile_default".into()),
            }
    }

    /// A registry-centre country the partner profile does not offer registry checks for.
    RegistryCenterUnavailable = "registry_center_unavailable", error
        => "Token page (\"You can only override features ... available in your \
         environment\"): the partner profile offers no registry-centre check for the \
         country, so the check cannot run."
    {
        RegistryCenterUnavailable
            message {
                Kind::RegistryCenterUnavailable => write!(
                    out,
                    "the partner profile offers no registry-centre check for this country"
                )?,
            }
            params {
            }
    }

    /// A redirect URL in an iFrame flow (partner profile), where it is not used.
    IgnoredInIframe = "ignored_in_iframe", warning
        => "If sent: in an iFrame flow the redirect URLs are not used (iDenfy's iFrame \
         page: do not set them); the embedding page decides where the client goes."
    {
        IgnoredInIframe
            message {
                Kind::IgnoredInIframe => write!(
                    out,
                    "{who} is not used in an iFrame flow (partner profile): the page embedding the iFrame decides where the client goes"
                )?,
            }
            params {
            }
    }

    /// A request breaks one of the partner's own policies; the violation's code is the
    /// policy's (`acme.eu_only`), and `params.policy` names it too.
    Policy = "policy", either
        => "The partner profile's own policy: the partner decided that such a request is \
         not to be sent (its severity and message are the partner's); iDenfy itself may \
         accept it."
    {
        /// A partner policy broken: its code, what failed, and its own message if it has one.
        /// `by_default`: the value checked is the partner profile's dashboard default.
        Policy {
            code: std::sync::Arc<str>,
            failed: PolicyFailure,
            message: Option<std::sync::Arc<str>>,
            by_default: bool,
        }
            message {
                // The partner's own message, else what the check wants; never the value.
                Kind::Policy { message: Some(m), by_default, .. } => {
                    out.push_str(m);
                    if *by_default {
                        out.push_str(" (the account's dashboard default)");
                    }
                },
                Kind::Policy { code, failed, by_default: true, .. } => {
                    let inner = Finding {
                        kind: Kind::Policy {
                            code: code.clone(),
                            failed: failed.clone(),
                            message: None,
                            by_default: false,
                        },
                        ..f.clone()
                    };
                    inner.write_message(mode, out)?;
                    out.push_str(" (the account's dashboard default, which the request leaves in place)");
                },
                Kind::Policy { code, failed, .. } => match failed {
                    PolicyFailure::Missing => {
                        write!(out, "{who} is required by the partner policy {code}")?
                    }
                    PolicyFailure::NotOneOf { allowed } => write!(
                        out,
                        "{who} must be one of {} (partner policy {code})",
                        allowed.join(", ")
                    )?,
                    PolicyFailure::Below { min } => {
                        write!(out, "{who} must be at least {min} (partner policy {code})")?
                    }
                    PolicyFailure::Above { max } => {
                        write!(out, "{who} must be at most {max} (partner policy {code})")?
                    }
                    PolicyFailure::Shorter { min } => write!(
                        out,
                        "{who} must be at least {min} characters long (partner policy {code})"
                    )?,
                    PolicyFailure::Longer { max } => write!(
                        out,
                        "{who} must be at most {max} characters long (partner policy {code})"
                    )?,
                    PolicyFailure::Rule(inner) => {
                        inner.write_message(mode, out)?;
                        write!(out, " (partner policy {code})")?
                    }
                    PolicyFailure::Test => write!(out, "{who} fails the partner policy {code}")?,
                },
            }
            params {
                Kind::Policy { code, failed, by_default, .. } => {
                    if *by_default {
                        put("source", "profile_default".into());
                    }
                    put("policy", code.as_ref().into());
                    let check = match failed {
                        PolicyFailure::Missing => "require",
                        PolicyFailure::NotOneOf { allowed } => {
                            put("allowed", allowed.clone().into());
                            "one_of"
                        }
                        PolicyFailure::Below { min } => {
                            put("min", (*min).into());
                            "min"
                        }
                        PolicyFailure::Above { max } => {
                            put("max", (*max).into());
                            "max"
                        }
                        PolicyFailure::Shorter { min } => {
                            put("min", (*min).into());
                            "min_length"
                        }
                        PolicyFailure::Longer { max } => {
                            put("max", (*max).into());
                            "max_length"
                        }
                        PolicyFailure::Rule(inner) => {
                            put("rule", inner.code().as_str().into());
                            "rule"
                        }
                        PolicyFailure::Test => "test",
                    };
                    put("check", check.into());
                },
            }
    }

    /// A partner profile's policy that cannot apply: no namespace in its code, no check, a check
    /// that does not fit its member.
    InvalidPolicy = "invalid_policy", error
        => "Certain loss: a partner profile's policy that cannot apply would check nothing \
         while seeming to, so the profile is refused until it is fixed."
    {
        InvalidPolicy {
            reason: &'static str,
        }
            message {
                Kind::InvalidPolicy { reason } => write!(out, "this policy cannot apply: {reason}")?,
            }
            params {
                Kind::InvalidPolicy { reason } => put("reason", (*reason).into()),
            }
    }

    /// A token response's digitString is not a string of the digits 0–9.
    InvalidDigitString = "invalid_digit_string", error
        => "Token page (digitString: an \"8 digit mobile code\"): a response digitString \
         with anything but the digits 0-9 is no such code; the mobile flow cannot use \
         it."
    {
        /// `None`: the string is empty.
        InvalidDigitString {
            position: Option<usize>,
        }
            message {
                Kind::InvalidDigitString { position: Some(p) } => write!(
                    out,
                    "{who} must consist of the digits 0-9 only; character {p} is not a digit"
                )?,
                Kind::InvalidDigitString { position: None } => write!(
                    out,
                    "{who} must not be empty; it is null when no code was generated"
                )?,
            }
            params {
                Kind::InvalidDigitString { position: Some(p) } => put("position", (*p).into()),
            }
    }

    /// A token response's digitString is not 8 digits long (the docs' own examples have 7).
    UnexpectedDigitStringLength = "unexpected_digit_string_length", warning
        => "If accepted: the token page says 8 digits while its own examples have 7; check \
         what the mobile flow expects."
    {
        UnexpectedDigitStringLength {
            expected: usize,
            length: usize,
        }
            message {
                Kind::UnexpectedDigitStringLength { expected, length } => write!(
                    out,
                    "{who} has {length} digits; the docs specify {expected} (though their own examples show 7), so check what the mobile flow expects"
                )?,
            }
            params {
                Kind::UnexpectedDigitStringLength { expected, length } => {
                    put("expected", (*expected).into());
                    put("length", (*length).into());
                },
            }
    }

    /// A token response echoes a request member with a value other than the one sent.
    EchoChanged = "echo_changed", warning
        => "If the session runs: the response mirrors the request (Token page), so another \
         value means the server changed it and the session runs with the echoed one."
    {
        EchoChanged {
            field: String,
            sent: JsonType,
            echoed: JsonType,
        }
            message {
                Kind::EchoChanged { field, sent, echoed } => {
                    write!(out, "the response echoes {field} with another value than the request sent: the server changed it")?;
                    if sent != echoed {
                        write!(
                            out,
                            " (sent {}, echoed {})",
                            sent.with_article(),
                            echoed.with_article()
                        )?;
                    }
                },
            }
            params {
                Kind::EchoChanged { field, sent, echoed } => {
                    put("field", field.as_str().into());
                    put("sent", sent.name().into());
                    put("echoed", echoed.name().into());
                },
            }
    }

    /// A token response leaves out a member the request sent.
    EchoDropped = "echo_dropped", warning
        => "If the session runs: the response mirrors the request (Token page), so the \
         server dropped or ignored the member and the session runs without it."
    {
        EchoDropped {
            field: String,
        }
            message {
                Kind::EchoDropped { field } => write!(
                    out,
                    "the request sent {field}, but the response leaves it out: the server dropped or ignored it"
                )?,
            }
            params {
                Kind::EchoDropped { field } => put("field", field.as_str().into()),
            }
    }

    /// A token response leaves out (or nulls) a member the OpenAPI description lists as required but iDenfy's published examples do not always carry (`tokenType`); the token is still usable.
    MissingExpectedMember = "missing_expected_member", warning
        => "If accepted: kyc.yaml lists tokenType as required in the response, but iDenfy's \
         published response example leaves it out; the token is usable and the session \
         has the type the request or the account set."
    {
        /// A response member kyc.yaml requires but iDenfy's examples may omit.
        MissingExpectedMember {
            field: &'static str,
        }
            message {
                Kind::MissingExpectedMember { field } => write!(
                    out,
                    "the response carries no {field}; the OpenAPI description lists it as required, but iDenfy's own example responses do not always have it, so the token is still usable and the session has the type the request or the account set"
                )?,
            }
            params {
                Kind::MissingExpectedMember { field } => put("field", (*field).into()),
            }
    }

    /// A token response shows an account setting (allowedDocuments, a dashboard default) other
    /// than the partner profile says.
    ProfileMismatch = "profile_mismatch", warning
        => "If accepted: the server's answer shows the account differs from the partner \
         profile, so the profile is out of date and the checks it drives refuse or pass \
         requests wrongly."
    {
        /// A token response shows an account setting other than the partner profile's: `member`
        /// is the response member (allowedDocuments, or a defaulted request member).
        ProfileMismatch {
            member: &'static str,
            mismatch: Box<ProfileMismatch>,
        }
            message {
                Kind::ProfileMismatch { member, mismatch } => match mismatch.as_ref() {
                    ProfileMismatch::NotInProfile { country, document } => write!(
                    out,
                    "the response's {member} allows {document} for {country}, which the partner profile's allowedDocuments leaves out: the profile is out of date, so its document checks refuse what the account allows"
                )?,
                    ProfileMismatch::NotInResponse { country, document } => write!(
                    out,
                    "the partner profile allows {document} for {country}, which the response's {member} leaves out: the profile is out of date, so its document checks let through what the account refuses"
                )?,
                    ProfileMismatch::OtherDefault => write!(
                    out,
                    "the request left {member} out, and the response echoes another value than the partner profile's dashboard default for it: the profile's defaults are out of date"
                )?,
                },
            }
            params {
                Kind::ProfileMismatch { member, mismatch } => {
                    put("member", (*member).into());
                    match mismatch.as_ref() {
                        ProfileMismatch::NotInProfile { country, document } => {
                            put("country", country.as_str().into());
                            put("document", document.as_str().into());
                            put("reason", "not_in_profile".into());
                        }
                        ProfileMismatch::NotInResponse { country, document } => {
                            put("country", country.as_str().into());
                            put("document", document.as_str().into());
                            put("reason", "not_in_response".into());
                        }
                        ProfileMismatch::OtherDefault => put("reason", "other_default".into()),
                    }
                },
            }
    }
}

/// The snake_case name; honours width and alignment (`{:<20}`), like `str`.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Reading a report back (a service consuming the CLI's JSON): by the snake_case name.
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Code::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown violation code {name:?}")))
    }
}

/// A name that is no [`Code`] or [`Severity`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName(String);

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown name {:?}", self.0)
    }
}

impl std::error::Error for UnknownName {}

/// By the snake_case name.
///
/// ```
/// use idenfy_preflight::{Code, Severity};
///
/// assert_eq!("duplicate_key".parse::<Code>(), Ok(Code::DuplicateKey));
/// assert!("DuplicateKey".parse::<Code>().is_err());
/// assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
/// ```
impl FromStr for Code {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, UnknownName> {
        Code::from_name(s).ok_or_else(|| UnknownName(s.to_owned()))
    }
}

/// `error` or `warning`.
impl FromStr for Severity {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, UnknownName> {
        match s {
            "error" => Ok(Severity::Error),
            "warning" => Ok(Severity::Warning),
            _ => Err(UnknownName(s.to_owned())),
        }
    }
}

/// Where an error's reason may come from: iDenfy's documents (the token page, kyc.yaml, its
/// error messages), RFC 8259 for the JSON itself, a certain loss, the partner's own profile, or
/// (not an iDenfy rule, said so) the checker's limits. An error's [`Code::reason`] names one;
/// the unit tests and the conformance suite hold every code to it.
pub const REASON_SOURCES: &[&str] = &[
    "Token page",
    "kyc.yaml",
    "error messages page",
    "RFC 8259",
    "Certain loss",
    "certain loss",
    "partner profile",
    "Checker limit",
];

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::diag::Subject;
    use std::sync::Arc;

    /// A value of a kind's field, to build one value of every kind ([`samples`]).
    pub(crate) trait Sample {
        fn sample() -> Self;
    }

    macro_rules! sample {
        ($($ty:ty => $value:expr,)*) => {
            $(impl Sample for $ty {
                fn sample() -> Self {
                    $value
                }
            })*
        };
    }

    sample! {
        usize => 3,
        i64 => 7,
        bool => true,
        &'static str => "member",
        &'static [&'static str] => &["A", "B"],
        String => "LT".to_owned(),
        Cow<'static, str> => Cow::Borrowed("expected value"),
        Arc<str> => Arc::from("acme.rule"),
        Document => Document::Request,
        JsonType => JsonType::String,
        Folded => Folded::SameKeyTwice { normalized: "LT".into() },
        Expected => Expected::Integer,
        TypeHint => TypeHint::Unquote,
        Place => Place::Among(&["a", "b"]),
        Num => Num::Int(5),
        Ends => Ends::Both,
        Implausible => Implausible::Age,
        NameClass => NameClass::Digit,
        UnusualClass => UnusualClass::Other,
        url::ParseError => url::ParseError::EmptyHost,
        crate::profile::Permission => crate::profile::Permission::BankPacket,
        ProfileMismatch => ProfileMismatch::OtherDefault,
        PolicyFailure => PolicyFailure::Missing,
    }

    impl<T: Sample> Sample for Option<T> {
        fn sample() -> Self {
            Some(T::sample())
        }
    }

    impl<T: Sample> Sample for Vec<T> {
        fn sample() -> Self {
            vec![T::sample()]
        }
    }

    impl<T: Sample> Sample for Box<T> {
        fn sample() -> Self {
            Box::new(T::sample())
        }
    }

    impl<A: Sample, B: Sample, C: Sample> Sample for (A, B, C) {
        fn sample() -> Self {
            (A::sample(), B::sample(), C::sample())
        }
    }

    /// Every code is declared with at least one kind, and every kind renders: a message (one
    /// sentence, with the suggestion's tail unless it names it) and params
    /// with snake_case names. The table's grammar makes a message arm, a params block and a
    /// reason compulsory; a code declared with no kind would have none, and fails here.
    #[test]
    fn every_code_is_declared_with_a_kind_that_renders() {
        let samples = samples();
        for &code in Code::ALL {
            assert!(
                samples.iter().any(|k| k.code() == code),
                "{code} is declared with no kind: it has no message and no params"
            );
            assert!(!code.description().is_empty(), "{code}");
        }
        for kind in samples {
            for (personal, suggestion) in [(false, None), (false, Some("LT")), (true, Some("LT"))] {
                let finding = Finding::warning(kind.clone())
                    .about(Subject::part("member", "items"), personal)
                    .suggest(suggestion);
                let message = finding.message(false);
                assert!(
                    !message.is_empty() && message.trim() == message && !message.contains("  "),
                    "{kind:?}: {message:?}"
                );
                if suggestion.is_some() && !kind.names_suggestion() {
                    assert!(
                        message.ends_with(if personal {
                            super::super::render::WITHHELD
                        } else {
                            "; did you mean LT?"
                        }),
                        "{kind:?}: {message:?}"
                    );
                }
                for key in finding.params().keys() {
                    assert!(
                        key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                        "{kind:?}: {key}"
                    );
                }
                assert_eq!(finding.code(), kind.code());
            }
        }
    }

    /// A fixed severity is the one the reason speaks for (a warning's says what happens if sent
    /// anyway), and the one every conformance case reports the code with.
    #[test]
    fn declared_severities_hold() {
        for &code in Code::ALL {
            let says_if = WARNING_REASON_STARTS
                .iter()
                .any(|s| code.reason().starts_with(s));
            match code.severity() {
                Some(Severity::Warning) => assert!(says_if, "{code}"),
                Some(Severity::Error) => assert!(!says_if, "{code}"),
                None => {}
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let cases: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
            for v in cases
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|c| c["violations"].as_array())
                .flatten()
            {
                let code = v["code"].as_str().and_then(Code::from_name);
                let severity = v["severity"].as_str().and_then(|s| s.parse().ok());
                if let (Some(code), Some(severity)) = (code, severity) {
                    seen += 1;
                    if let Some(fixed) = code.severity() {
                        assert_eq!(fixed, severity, "{code} in {:?}", entry.path());
                    }
                }
            }
        }
        assert!(seen > 100, "{seen} violations read from tests/cases");
    }

    /// How a warning's reason starts: what happens when it is sent (or accepted) anyway.
    const WARNING_REASON_STARTS: &[&str] = &["If sent: ", "If accepted: ", "If the session runs: "];

    /// Every code has its reason: one or more sentences that cite where an error comes from,
    /// or say what a warning's request will do.
    #[test]
    fn every_code_has_a_reason() {
        for &code in Code::ALL {
            let reason = code.reason();
            assert!(
                reason.len() > 40 && reason.ends_with('.'),
                "{code}: {reason:?}"
            );
            assert!(!reason.contains("  "), "{code}: {reason:?}");
            assert!(
                REASON_SOURCES.iter().any(|s| reason.contains(s))
                    || WARNING_REASON_STARTS.iter().any(|s| reason.starts_with(s)),
                "{code}: {reason:?} cites no source and says nothing of what happens"
            );
        }
    }

    /// Codes and severities print and parse under one name each (the CLI's `codes` command and
    /// its JSON read them back).
    #[test]
    fn names_print_and_parse_back() {
        for &code in Code::ALL {
            assert_eq!(code.to_string().parse::<Code>(), Ok(code));
        }
        for severity in [Severity::Error, Severity::Warning] {
            assert_eq!(severity.to_string(), severity.as_str());
            assert_eq!(severity.as_str().parse::<Severity>(), Ok(severity));
            assert_eq!(format!("[{severity:>8}]").len(), 10);
        }
        assert_eq!("error".parse::<Severity>(), Ok(Severity::Error));
        assert_eq!("warning".parse::<Severity>(), Ok(Severity::Warning));
        let unknown = "Error".parse::<Severity>();
        assert_eq!(unknown, Err(UnknownName("Error".into())));
        assert_eq!(
            unknown.map_err(|e| e.to_string()),
            Err("unknown name \"Error\"".into())
        );
    }
}
