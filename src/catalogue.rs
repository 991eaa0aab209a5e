//! The field catalogue: every request member, declared once.
//!
//! Validation, normalization, unknown-field suggestions, the README rule table and the typed
//! builder's cross-check all read these declarations. To find the rule for a member, search this
//! file for its JSON name.

use crate::normalize::Norm;
use crate::rules::{
    Country, DocumentType, HttpsUrl, IntRange, Length, Locale, NumberRange, OneOf, PersonName,
    PrintableAscii, StrRule, Trimmed, Uuid,
};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The part of the docs a member is documented in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// The client identifier.
    Client,
    /// Personal data.
    PersonalData,
    /// Document data.
    DocumentData,
    /// Session settings.
    SessionSettings,
    /// Verification features.
    VerificationFeatures,
    /// Advanced checks and security.
    AdvancedChecks,
    /// Customization.
    Customization,
}

impl Section {
    /// The heading the docs use.
    pub const fn title(self) -> &'static str {
        match self {
            Section::Client => "Client",
            Section::PersonalData => "Personal Data",
            Section::DocumentData => "Document Data",
            Section::SessionSettings => "Session Settings",
            Section::VerificationFeatures => "Verification Features",
            Section::AdvancedChecks => "Advanced Checks & Security",
            Section::Customization => "Customization",
        }
    }
}

/// Where a member is documented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The Generate token page (token-api.txt).
    TokenPage,
    /// Only the current API reference (idenfy-facts §2.4).
    ApiReference,
    /// Only older documentation; sending it earns a `legacy_field` warning.
    Legacy,
}

/// The JSON type and the rules of a member's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    /// A string, normalized then checked by each rule.
    Str {
        /// The normalizer.
        norm: Norm,
        /// The rules, all run.
        rules: &'static [StrRule],
    },
    /// A `YYYY-MM-DD` date string.
    Date,
    /// A JSON integer (no fraction, no exponent) in range.
    Int(IntRange),
    /// Any JSON number in range.
    Number(NumberRange),
    /// `true` or `false`.
    Bool,
    /// An array of strings, each normalized and checked; repeated items are warned about.
    StrList {
        /// The normalizer of each item.
        norm: Norm,
        /// The rules of each item.
        rules: &'static [StrRule],
    },
    /// A string or an array of strings (the shape is kept).
    StrOrList {
        /// The normalizer of each string.
        norm: Norm,
        /// The rules of each string.
        rules: &'static [StrRule],
    },
    /// A positive integer or a UUID string.
    IntOrUuid,
    /// The additionalSteps object (see [`crate::steps`]).
    AdditionalSteps,
    /// The additionalData object (see [`crate::steps`]).
    AdditionalData,
}

impl Shape {
    /// What the JSON value must be, for messages ("a string", "an integer", …).
    pub const fn expected(&self) -> &'static str {
        match self {
            Shape::Str { .. } | Shape::Date => "a string",
            Shape::Int(_) => "an integer",
            Shape::Number(_) => "a number",
            Shape::Bool => "a boolean (true or false)",
            Shape::StrList { .. } => "an array of strings",
            Shape::StrOrList { .. } => "a string or an array of strings",
            Shape::IntOrUuid => "a positive integer or a UUID string",
            Shape::AdditionalSteps | Shape::AdditionalData => "an object",
        }
    }
}

/// One request member.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Field {
    /// JSON name.
    pub name: &'static str,
    /// Other names the API accepts for it (normalized to `name`).
    pub aliases: &'static [&'static str],
    /// Docs section.
    pub section: Section,
    /// Where it is documented.
    pub origin: Origin,
    /// Required (and then not nullable).
    pub required: bool,
    /// Holds data about the person (names, dates, numbers, nationality): messages about it
    /// must not reveal its value, even through a suggestion (`LTU` → `LT`), unless the caller
    /// opts in. Account settings (`country`, `documents`, `locale`, `tokenType`) are not.
    pub personal: bool,
    /// Type and rules.
    pub shape: Shape,
    /// One line for the docs table.
    pub doc: &'static str,
}

impl Field {
    /// Whether the member holds personal data (see [`Field::personal`]).
    pub fn is_personal(&self) -> bool {
        self.personal
    }
}

const fn field(name: &'static str, section: Section, shape: Shape, doc: &'static str) -> Field {
    Field {
        name,
        aliases: &[],
        section,
        origin: Origin::TokenPage,
        required: false,
        personal: false,
        shape,
        doc,
    }
}

/// A member holding personal data (see [`Field::personal`]).
const fn personal(field: Field) -> Field {
    Field {
        personal: true,
        ..field
    }
}

const fn reference(field: Field) -> Field {
    Field {
        origin: Origin::ApiReference,
        ..field
    }
}

const fn legacy(field: Field) -> Field {
    Field {
        origin: Origin::Legacy,
        ..field
    }
}

pub(crate) const fn text(rules: &'static [StrRule]) -> Shape {
    Shape::Str {
        norm: Norm::AsIs,
        rules,
    }
}

pub(crate) const fn len(min: usize, max: usize) -> StrRule {
    StrRule::Length(Length {
        min,
        max: Some(max),
    })
}

const fn int(min: i64, max: Option<i64>) -> Shape {
    Shape::Int(IntRange {
        min,
        max,
        plausible_max: None,
    })
}

/// The oldest age a person plausibly has; an age limit above it (`2008`) is a year or a typo.
pub const PLAUSIBLE_AGE: i64 = 150;

const AGE: Shape = Shape::Int(IntRange {
    min: 1,
    max: None,
    plausible_max: Some(PLAUSIBLE_AGE),
});

const ASCII: StrRule = StrRule::PrintableAscii(PrintableAscii);
const TRIMMED: StrRule = StrRule::Trimmed(Trimmed);
const NON_EMPTY: StrRule = StrRule::Length(Length { min: 1, max: None });
const NAME: Shape = Shape::Str {
    norm: Norm::PersonName,
    rules: &[len(1, 100), StrRule::PersonName(PersonName)],
};
const NUMBER_50: Shape = text(&[len(1, 50), ASCII, TRIMMED]);
const REDIRECT_URL: Shape = text(&[
    len(5, 2048),
    StrRule::HttpsUrl(HttpsUrl { callback: false }),
]);
const UUID: Shape = text(&[StrRule::Uuid(Uuid)]);
const RATIO: Shape = Shape::Number(NumberRange {
    min: 0.0,
    max: Some(1.0),
});

use Section::*;
use Shape::Bool;

/// Every member of the request body, in the docs' order.
pub const FIELDS: &[Field] = &[
    Field {
        aliases: &["personScanRef"],
        required: true,
        // It may be a customer number or an e-mail address.
        personal: true,
        ..field(
            "clientId",
            Client,
            text(&[len(1, 100), ASCII, TRIMMED]),
            "Your unique identifier of the client.",
        )
    },
    personal(field(
        "firstName",
        PersonalData,
        NAME,
        "Given name(s); upper-cased.",
    )),
    personal(field(
        "lastName",
        PersonalData,
        NAME,
        "Surname(s); upper-cased.",
    )),
    personal(field(
        "dateOfBirth",
        PersonalData,
        Shape::Date,
        "Date of birth.",
    )),
    personal(field(
        "sex",
        PersonalData,
        text(&[StrRule::OneOf(OneOf {
            values: &["M", "F"],
            retired: &[],
        })]),
        "Sex as on the document.",
    )),
    personal(field(
        "nationality",
        PersonalData,
        Shape::Str {
            norm: Norm::Upper,
            rules: &[StrRule::Country(Country { allow_all: true })],
        },
        "Nationality; ALL clears it.",
    )),
    personal(field(
        "address",
        PersonalData,
        text(&[len(0, 255)]),
        "Address for proof-of-address checks.",
    )),
    personal(field(
        "externalRef",
        PersonalData,
        text(&[len(0, 40), ASCII, TRIMMED]),
        "Your own reference, echoed in webhooks.",
    )),
    field(
        "country",
        DocumentData,
        Shape::StrOrList {
            norm: Norm::Upper,
            rules: &[StrRule::Country(Country { allow_all: true })],
        },
        "Preselected document country or countries; ALL allows all.",
    ),
    field(
        "documents",
        DocumentData,
        Shape::StrList {
            norm: Norm::Upper,
            rules: &[StrRule::DocumentType(DocumentType)],
        },
        "Document types the client may use.",
    ),
    personal(field(
        "documentNumber",
        DocumentData,
        NUMBER_50,
        "Number of the client's document.",
    )),
    personal(field(
        "personalNumber",
        DocumentData,
        NUMBER_50,
        "Personal or national number.",
    )),
    personal(field(
        "dateOfExpiry",
        DocumentData,
        Shape::Date,
        "Expiry date of the document.",
    )),
    personal(field(
        "dateOfIssue",
        DocumentData,
        Shape::Date,
        "Issue date of the document.",
    )),
    field(
        "successUrl",
        SessionSettings,
        REDIRECT_URL,
        "Redirect after a successful verification.",
    ),
    field(
        "errorUrl",
        SessionSettings,
        REDIRECT_URL,
        "Redirect after a failed verification.",
    ),
    field(
        "unverifiedUrl",
        SessionSettings,
        REDIRECT_URL,
        "Redirect after a verification that was not analysed.",
    ),
    field(
        "callbackUrl",
        SessionSettings,
        text(&[len(5, 2048), StrRule::HttpsUrl(HttpsUrl { callback: true })]),
        "Webhook URL for this session (needs callback override).",
    ),
    field(
        "locale",
        SessionSettings,
        Shape::Str {
            norm: Norm::Lower,
            rules: &[StrRule::Locale(Locale)],
        },
        "UI language; unsupported ones fall back to English.",
    ),
    field(
        "expiryTime",
        SessionSettings,
        int(1, Some(2_592_000)),
        "Token lifetime in seconds.",
    ),
    field(
        "sessionLength",
        SessionSettings,
        int(60, Some(3600)),
        "Time the client has in the UI, in seconds.",
    ),
    field(
        "tokenType",
        SessionSettings,
        text(&[StrRule::OneOf(OneOf {
            values: &["IDENTIFICATION", "DOCUMENT"],
            retired: &[
                (
                    "VIDEO_CALL",
                    "video-call verification was removed from the token API",
                ),
                (
                    "VIDEO_CALL_PHOTOS",
                    "video-call verification was removed from the token API",
                ),
                (
                    "VIDEO_CALL_IDENTIFICATION",
                    "video-call verification was removed from the token API",
                ),
            ],
        })]),
        "Document only, or document and selfie.",
    ),
    field(
        "showInstructions",
        SessionSettings,
        Bool,
        "Show the instruction screens.",
    ),
    field(
        "generateDigitString",
        SessionSettings,
        Bool,
        "Generate an 8-digit code for the mobile app.",
    ),
    field(
        "reviewFailed",
        SessionSettings,
        Bool,
        "Manual review of failed sessions.",
    ),
    field(
        "reviewSuccessful",
        SessionSettings,
        Bool,
        "Manual review of successful sessions.",
    ),
    field(
        "verifyEmail",
        VerificationFeatures,
        Bool,
        "Email verification step.",
    ),
    field(
        "verifyPhone",
        VerificationFeatures,
        Bool,
        "Phone verification step.",
    ),
    field(
        "verifyAddress",
        VerificationFeatures,
        Bool,
        "Address verification for the POA step.",
    ),
    field(
        "verifyBank",
        VerificationFeatures,
        Bool,
        "Bank verification step (main toggle).",
    ),
    field(
        "verifyBankAccounts",
        VerificationFeatures,
        Bool,
        "Bank accounts check; needs verifyBank.",
    ),
    field(
        "verifyBankBalances",
        VerificationFeatures,
        Bool,
        "Balances check; needs verifyBank.",
    ),
    field(
        "verifyBankTransactions",
        VerificationFeatures,
        Bool,
        "Transactions check; needs verifyBank.",
    ),
    field(
        "nfcRequired",
        VerificationFeatures,
        Bool,
        "NFC chip reading required.",
    ),
    field(
        "nfcOptional",
        VerificationFeatures,
        Bool,
        "NFC chip reading offered.",
    ),
    field(
        "driverLicenseBack",
        VerificationFeatures,
        Bool,
        "Both sides of a driving licence.",
    ),
    field(
        "checkDriverLicense",
        VerificationFeatures,
        Bool,
        "Driving licence registry check.",
    ),
    field("ageLimit", VerificationFeatures, AGE, "Minimum age."),
    field("ageMax", VerificationFeatures, AGE, "Maximum age."),
    field(
        "idLiveFaceValidation",
        AdvancedChecks,
        Bool,
        "Passive face liveness.",
    ),
    field(
        "idLiveDocumentValidation",
        AdvancedChecks,
        Bool,
        "Passive document liveness.",
    ),
    field(
        "checkLiveness",
        AdvancedChecks,
        Bool,
        "Active 3D face liveness.",
    ),
    field(
        "autoFaceMatching",
        AdvancedChecks,
        Bool,
        "Face matching; false also disables five face checks.",
    ),
    field(
        "checkBlurAndGlare",
        AdvancedChecks,
        Bool,
        "Blur and glare quality checks.",
    ),
    field(
        "checkAml",
        AdvancedChecks,
        Bool,
        "Add the person to AML monitoring.",
    ),
    field("checkIpProxy", AdvancedChecks, Bool, "IP proxy check."),
    field(
        "checkFaceBlacklist",
        AdvancedChecks,
        Bool,
        "Selfie against the face blacklist.",
    ),
    field(
        "checkDocFaceBlacklist",
        AdvancedChecks,
        Bool,
        "Document photo against the face blacklist.",
    ),
    field(
        "checkDuplicateFaces",
        AdvancedChecks,
        Bool,
        "Same face seen before.",
    ),
    field(
        "checkDuplicateDocFaces",
        AdvancedChecks,
        Bool,
        "Same document face seen before.",
    ),
    field(
        "checkDuplicatePersonalData",
        AdvancedChecks,
        Bool,
        "Same personal data seen before.",
    ),
    field(
        "registryCentersCountries",
        AdvancedChecks,
        Shape::StrList {
            norm: Norm::Upper,
            rules: &[StrRule::Country(Country { allow_all: false })],
        },
        "Countries for registry-centre checks.",
    ),
    field(
        "additionalSteps",
        Customization,
        Shape::AdditionalSteps,
        "Custom steps by country and document type.",
    ),
    field(
        "additionalData",
        Customization,
        Shape::AdditionalData,
        "Data for COMPARE steps, by step name.",
    ),
    field(
        "utilityBill",
        Customization,
        Bool,
        "Legacy utility-bill step.",
    ),
    field(
        "questionnaire",
        Customization,
        text(&[NON_EMPTY]),
        "Questionnaire key; null disables.",
    ),
    field(
        "questionnaireRequired",
        Customization,
        Bool,
        "Make the questionnaire mandatory.",
    ),
    field(
        "riskAssessmentProfile",
        Customization,
        Shape::IntOrUuid,
        "Risk assessment profile ID or UUID.",
    ),
    reference(field("theme", Customization, UUID, "UI theme UUID.")),
    reference(field(
        "bankCardVerification",
        AdvancedChecks,
        Bool,
        "Bank card verification.",
    )),
    reference(field(
        "bankCardPdfUpload",
        AdvancedChecks,
        Bool,
        "Bank card PDF upload.",
    )),
    reference(field(
        "checkCriminal",
        AdvancedChecks,
        Bool,
        "Criminal records check.",
    )),
    reference(field(
        "checkPersonBlacklist",
        AdvancedChecks,
        Bool,
        "Person blacklist check.",
    )),
    reference(field(
        "checkLid",
        AdvancedChecks,
        Bool,
        "Lost and invalid documents check.",
    )),
    reference(field(
        "allowBsnMasking",
        AdvancedChecks,
        Bool,
        "Allow masking of the Dutch BSN.",
    )),
    reference(field(
        "autoAmlMonitoring",
        AdvancedChecks,
        Bool,
        "Add the person to AML monitoring.",
    )),
    reference(field(
        "faceMatchingThresholdModifier",
        AdvancedChecks,
        Shape::Number(NumberRange {
            min: 0.0,
            max: None,
        }),
        "Multiplier of the face-match threshold (default 1).",
    )),
    legacy(field(
        "fraudServices",
        AdvancedChecks,
        Shape::StrList {
            norm: Norm::Upper,
            rules: &[StrRule::OneOf(OneOf {
                values: &["AML_NAMES_CHECK", "LID", "AML_NEWS"],
                retired: &[],
            })],
        },
        "Old list of fraud services.",
    )),
    legacy(field(
        "maxAttemptCount",
        SessionSettings,
        int(1, None),
        "Old attempt limit.",
    )),
    legacy(field(
        "levenshteinTextMatchRatio",
        AdvancedChecks,
        RATIO,
        "Old text match ratio.",
    )),
    legacy(field(
        "levenshteinMrzMatchRatio",
        AdvancedChecks,
        RATIO,
        "Old MRZ match ratio.",
    )),
    legacy(field(
        "checkUrjanet",
        AdvancedChecks,
        Bool,
        "Old utility data check.",
    )),
    legacy(field(
        "detectionTypes",
        AdvancedChecks,
        Shape::StrList {
            norm: Norm::Upper,
            rules: &[StrRule::OneOf(OneOf {
                values: &["FACE", "EYES"],
                retired: &[],
            })],
        },
        "Old detection types.",
    )),
    legacy(field(
        "videoCallQuestions",
        SessionSettings,
        Shape::StrList {
            norm: Norm::AsIs,
            rules: &[NON_EMPTY],
        },
        "Old video-call questions.",
    )),
];

/// A member by its position in [`FIELDS`], resolved at compile time with [`member`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member(usize);

impl Member {
    /// Position in [`FIELDS`].
    pub const fn index(self) -> usize {
        self.0
    }

    /// The member's JSON name.
    pub const fn name(self) -> &'static str {
        FIELDS[self.0].name
    }
}

/// The member named `name`; a name not in the catalogue fails to compile where this is used in
/// a `const`, so rules between members cannot refer to a misspelled member.
///
/// ```
/// use idenfy_preflight::catalogue::{member, Member};
///
/// const VERIFY_BANK: Member = member("verifyBank");
/// assert_eq!(VERIFY_BANK.name(), "verifyBank");
/// ```
pub const fn member(name: &str) -> Member {
    let mut i = 0;
    while i < FIELDS.len() {
        if const_eq(FIELDS[i].name, name) {
            return Member(i);
        }
        i += 1;
    }
    panic!("no such member in the catalogue")
}

const fn const_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The declaration of `name` (or of the member `name` is an alias of), with whether the alias
/// was used.
///
/// ```
/// use idenfy_preflight::catalogue::lookup;
///
/// assert_eq!(lookup("personScanRef").map(|(f, alias)| (f.name, alias)), Some(("clientId", true)));
/// assert!(lookup("firstname").is_none()); // names are case-sensitive
/// ```
pub fn lookup(name: &str) -> Option<(&'static Field, bool)> {
    lookup_index(name).map(|(i, alias)| (&FIELDS[i], alias))
}

/// Like [`lookup`], giving the position in [`FIELDS`].
pub fn lookup_index(name: &str) -> Option<(usize, bool)> {
    INDEX.get(name).copied()
}

/// The declaration of `name` (exact, no aliases).
pub fn get(name: &str) -> Option<&'static Field> {
    lookup(name).filter(|(_, alias)| !alias).map(|(f, _)| f)
}

// A hash lookup: a body has dozens of members and the catalogue has dozens of names. The keys are
// our own constants, so a fast non-DoS-resistant hash is safe: input only ever probes the table.
static INDEX: LazyLock<FxHashMap<&'static str, (usize, bool)>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for (i, f) in FIELDS.iter().enumerate() {
        m.insert(f.name, (i, false));
        for a in f.aliases {
            m.insert(*a, (i, true));
        }
    }
    m
});

/// Every name the API accepts, prepared for telling misspellings from other members.
pub(crate) static NAMES: LazyLock<crate::suggest::Vocabulary<'static>> =
    LazyLock::new(|| crate::suggest::Vocabulary::new(all_names()));

/// Every name the API accepts (members and aliases), for suggestions.
pub fn all_names() -> impl Iterator<Item = &'static str> {
    FIELDS
        .iter()
        .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = all_names().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
