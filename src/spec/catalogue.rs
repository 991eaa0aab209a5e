//! The field catalogue: every request member, declared once.
//!
//! Validation, normalization, unknown-member suggestions, the rules table (docs/RULES.md), the
//! JSON Schemas, the typed request (generated from them, `src/typed/generated.rs`) and the test
//! generators all read these declarations. To find the rule for a member, search this file for
//! its JSON name (docs/ARCHITECTURE.md).

use super::normalize::Norm;
use super::rules::{
    Bounds, Country, DocumentType, HttpsUrl, Length, Locale, OneOf, PersonName, PrintableAscii,
    Rule, Trimmed, Uuid,
};
use super::{steps, Documented, Member, Origin, Section, Shape, Text};
use std::sync::LazyLock;

const fn field(name: &'static str, section: Section, shape: Shape, doc: &'static str) -> Member {
    Member::new(name, section, shape, doc)
}

/// A member holding personal data (see [`Member::personal`]).
const fn personal(member: Member) -> Member {
    Member {
        personal: true,
        ..member
    }
}

const fn reference(member: Member) -> Member {
    Member {
        origin: Origin::ApiReference,
        ..member
    }
}

/// A member whose default the docs state.
const fn documented(default: Documented, member: Member) -> Member {
    Member {
        default: Some(default),
        ..member
    }
}

/// A member iDenfy's API reference (`kyc.yaml`) declares without `nullable: true`: a `null` is
/// kept but warned about (see [`Member::nullable`]).
const fn not_nullable(member: Member) -> Member {
    Member {
        nullable: false,
        ..member
    }
}

/// A member whose `null` turns its feature off.
const fn null_disables(member: Member) -> Member {
    Member {
        null_disables: true,
        ..member
    }
}

const fn legacy(member: Member) -> Member {
    Member {
        origin: Origin::Legacy,
        ..member
    }
}

const fn text(rules: &'static [&'static dyn Rule]) -> Shape {
    Shape::Str(Text::new(Norm::AsIs, rules))
}

const fn int(min: i64, max: Option<i64>) -> Shape {
    Shape::Int(Bounds {
        min,
        max,
        plausible_max: None,
    })
}

/// The oldest age a person plausibly has; an age limit above it (`2008`) is a year or a typo.
pub const PLAUSIBLE_AGE: i64 = 150;

const AGE: Shape = Shape::Int(Bounds {
    min: 1,
    max: None,
    plausible_max: Some(PLAUSIBLE_AGE),
});

const ASCII: &dyn Rule = &PrintableAscii;
const TRIMMED: &dyn Rule = &Trimmed;
const NON_EMPTY: &dyn Rule = &Length { min: 1, max: None };
const NAME: Shape = Shape::Str(Text::new(
    Norm::PersonName,
    &[
        &Length {
            min: 1,
            max: Some(100),
        },
        &PersonName,
    ],
));
const NUMBER_50: Shape = text(&[
    &Length {
        min: 1,
        max: Some(50),
    },
    ASCII,
    TRIMMED,
]);
const REDIRECT_URL: Shape = text(&[
    &Length {
        min: 5,
        max: Some(2048),
    },
    &HttpsUrl { callback: false },
]);
const UUID: Shape = text(&[&Uuid]);
const RATIO: Shape = Shape::Number(Bounds {
    min: 0.0,
    max: Some(1.0),
    plausible_max: None,
});
const COUNTRY_OR_ALL: &dyn Rule = &Country { allow_all: true };

/// A closed set's values, each with what it means: the member's rule ([`OneOf`]) reads the
/// values, the typed request's enum for the member (`Sex`, `TokenType`, generated from the
/// catalogue by `tests/typed.rs`) its variants and their docs.
#[derive(Clone, Copy, Debug)]
pub struct Choices {
    /// The member whose values these are.
    pub member: MemberId,
    /// Each value as the API spells it, with its meaning (one line, for the variant's docs).
    pub values: &'static [(&'static str, &'static str)],
    /// iDenfy has added and retired values before: the enum is `#[non_exhaustive]`.
    pub open: bool,
}

/// The values of `pairs`, for their [`OneOf`].
const fn values<const N: usize>(pairs: [(&'static str, &'static str); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = pairs[i].0;
        i += 1;
    }
    out
}

const SEXES: [(&str, &str); 2] = [("M", "Male."), ("F", "Female.")];
const SEX_VALUES: [&str; 2] = values(SEXES);

const TOKEN_TYPES: [(&str, &str); 2] = [
    ("IDENTIFICATION", "Document and selfie (the API's default)."),
    ("DOCUMENT", "Document only."),
];
const TOKEN_TYPE_VALUES: [&str; 2] = values(TOKEN_TYPES);

/// The members the typed request holds as an enum, with their values' meanings.
pub const CHOICES: [Choices; 2] = [
    Choices {
        member: member("sex"),
        values: &SEXES,
        open: false,
    },
    Choices {
        member: member("tokenType"),
        values: &TOKEN_TYPES,
        open: true,
    },
];

/// The tokenType rule (the response requires the member too).
pub const TOKEN_TYPE: OneOf = OneOf {
    values: &TOKEN_TYPE_VALUES,
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
};

use Section::*;
use Shape::Bool;

/// Every member of the request body, in the docs' order.
pub const FIELDS: &[Member] = &[
    Member {
        aliases: &["personScanRef"],
        required: true,
        nullable: false,
        // It may be a customer number or an e-mail address.
        personal: true,
        ..field(
            "clientId",
            Client,
            text(&[
                &Length {
                    min: 1,
                    max: Some(100),
                },
                ASCII,
                TRIMMED,
            ]),
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
        text(&[&OneOf {
            values: &SEX_VALUES,
            retired: &[],
        }]),
        "Sex as on the document.",
    )),
    personal(field(
        "nationality",
        PersonalData,
        Shape::Str(Text::new(Norm::Upper, &[COUNTRY_OR_ALL])),
        "Nationality; ALL clears it.",
    )),
    personal(field(
        "address",
        PersonalData,
        text(&[&Length {
            min: 0,
            max: Some(255),
        }]),
        "Address for proof-of-address checks.",
    )),
    personal(field(
        "externalRef",
        PersonalData,
        text(&[
            &Length {
                min: 0,
                max: Some(40),
            },
            ASCII,
            TRIMMED,
        ]),
        "Your own reference, echoed in webhooks.",
    )),
    documented(
        Documented::EmptyList,
        field(
            "country",
            DocumentData,
            Shape::StrOrList(Text::new(Norm::Upper, &[COUNTRY_OR_ALL])),
            "Preselected document country or countries; ALL allows all.",
        ),
    ),
    field(
        "documents",
        DocumentData,
        Shape::List(Text::new(
            Norm::Upper,
            &[&DocumentType { allow_all: false }],
        )),
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
        text(&[
            &Length {
                min: 5,
                max: Some(2048),
            },
            &HttpsUrl { callback: true },
        ]),
        "Webhook URL for this session (needs callback override).",
    ),
    documented(
        Documented::Str("en"),
        field(
            "locale",
            SessionSettings,
            Shape::Str(Text::new(Norm::Lower, &[&Locale])),
            "UI language; unsupported ones fall back to English.",
        ),
    ),
    documented(
        Documented::Int(crate::context::DEFAULT_EXPIRY_TIME as i64),
        not_nullable(field(
            "expiryTime",
            SessionSettings,
            int(1, Some(crate::context::MAX_EXPIRY_TIME as i64)),
            "Token lifetime in seconds.",
        )),
    ),
    documented(
        Documented::Int(1800),
        not_nullable(field(
            "sessionLength",
            SessionSettings,
            int(60, Some(3600)),
            "Time the client has in the UI, in seconds.",
        )),
    ),
    documented(
        Documented::Str("IDENTIFICATION"),
        not_nullable(field(
            "tokenType",
            SessionSettings,
            Shape::Str(Text::closed(&[&TOKEN_TYPE])),
            "Document only, or document and selfie.",
        )),
    ),
    not_nullable(field(
        "showInstructions",
        SessionSettings,
        Bool,
        "Show the instruction screens.",
    )),
    documented(
        Documented::Bool(false),
        not_nullable(field(
            "generateDigitString",
            SessionSettings,
            Bool,
            "Generate an 8-digit code for the mobile app.",
        )),
    ),
    not_nullable(field(
        "reviewFailed",
        SessionSettings,
        Bool,
        "Manual review of failed sessions.",
    )),
    not_nullable(field(
        "reviewSuccessful",
        SessionSettings,
        Bool,
        "Manual review of successful sessions.",
    )),
    not_nullable(field(
        "verifyEmail",
        VerificationFeatures,
        Bool,
        "Email verification step.",
    )),
    not_nullable(field(
        "verifyPhone",
        VerificationFeatures,
        Bool,
        "Phone verification step.",
    )),
    not_nullable(field(
        "verifyAddress",
        VerificationFeatures,
        Bool,
        "Address verification for the POA step.",
    )),
    not_nullable(field(
        "verifyBank",
        VerificationFeatures,
        Bool,
        "Bank verification step (main toggle).",
    )),
    not_nullable(field(
        "verifyBankAccounts",
        VerificationFeatures,
        Bool,
        "Bank accounts check; needs verifyBank.",
    )),
    not_nullable(field(
        "verifyBankBalances",
        VerificationFeatures,
        Bool,
        "Balances check; needs verifyBank.",
    )),
    not_nullable(field(
        "verifyBankTransactions",
        VerificationFeatures,
        Bool,
        "Transactions check; needs verifyBank.",
    )),
    not_nullable(field(
        "nfcRequired",
        VerificationFeatures,
        Bool,
        "NFC chip reading required.",
    )),
    not_nullable(field(
        "nfcOptional",
        VerificationFeatures,
        Bool,
        "NFC chip reading offered.",
    )),
    not_nullable(field(
        "driverLicenseBack",
        VerificationFeatures,
        Bool,
        "Both sides of a driving licence.",
    )),
    not_nullable(field(
        "checkDriverLicense",
        VerificationFeatures,
        Bool,
        "Driving licence registry check.",
    )),
    not_nullable(field("ageLimit", VerificationFeatures, AGE, "Minimum age.")),
    not_nullable(field("ageMax", VerificationFeatures, AGE, "Maximum age.")),
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
    not_nullable(field(
        "checkLiveness",
        AdvancedChecks,
        Bool,
        "Active 3D face liveness.",
    )),
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
    not_nullable(field(
        "checkAml",
        AdvancedChecks,
        Bool,
        "Add the person to AML monitoring.",
    )),
    not_nullable(field(
        "checkIpProxy",
        AdvancedChecks,
        Bool,
        "IP proxy check.",
    )),
    not_nullable(field(
        "checkFaceBlacklist",
        AdvancedChecks,
        Bool,
        "Selfie against the face blacklist.",
    )),
    not_nullable(field(
        "checkDocFaceBlacklist",
        AdvancedChecks,
        Bool,
        "Document photo against the face blacklist.",
    )),
    not_nullable(field(
        "checkDuplicateFaces",
        AdvancedChecks,
        Bool,
        "Same face seen before.",
    )),
    not_nullable(field(
        "checkDuplicateDocFaces",
        AdvancedChecks,
        Bool,
        "Same document face seen before.",
    )),
    not_nullable(field(
        "checkDuplicatePersonalData",
        AdvancedChecks,
        Bool,
        "Same personal data seen before.",
    )),
    field(
        "registryCentersCountries",
        AdvancedChecks,
        Shape::List(Text::new(Norm::Upper, &[&Country { allow_all: false }])),
        "Countries for registry-centre checks.",
    ),
    field(
        "additionalSteps",
        Customization,
        Shape::Object(&steps::ADDITIONAL_STEPS),
        "Custom steps by country and document type.",
    ),
    field(
        "additionalData",
        Customization,
        Shape::Object(&steps::ADDITIONAL_DATA),
        "Data for COMPARE steps, by step name.",
    ),
    field(
        "utilityBill",
        Customization,
        Bool,
        "Legacy utility-bill step.",
    ),
    null_disables(field(
        "questionnaire",
        Customization,
        text(&[NON_EMPTY]),
        "Questionnaire key; null disables.",
    )),
    documented(
        Documented::Bool(true),
        not_nullable(field(
            "questionnaireRequired",
            Customization,
            Bool,
            "Make the questionnaire mandatory.",
        )),
    ),
    field(
        "riskAssessmentProfile",
        Customization,
        Shape::IntOrStr {
            int: Bounds {
                min: 1,
                max: None,
                plausible_max: None,
            },
            text: Text::new(Norm::AsIs, &[&Uuid]),
        },
        "Risk assessment profile ID or UUID.",
    ),
    reference(field("theme", Customization, UUID, "UI theme UUID.")),
    reference(not_nullable(field(
        "bankCardVerification",
        AdvancedChecks,
        Bool,
        "Bank card verification.",
    ))),
    reference(not_nullable(field(
        "bankCardPdfUpload",
        AdvancedChecks,
        Bool,
        "Bank card PDF upload.",
    ))),
    reference(not_nullable(field(
        "checkCriminal",
        AdvancedChecks,
        Bool,
        "Criminal records check.",
    ))),
    reference(not_nullable(field(
        "checkPersonBlacklist",
        AdvancedChecks,
        Bool,
        "Person blacklist check.",
    ))),
    reference(not_nullable(field(
        "checkLid",
        AdvancedChecks,
        Bool,
        "Lost and invalid documents check.",
    ))),
    reference(not_nullable(field(
        "allowBsnMasking",
        AdvancedChecks,
        Bool,
        "Allow masking of the Dutch BSN.",
    ))),
    reference(not_nullable(field(
        "autoAmlMonitoring",
        AdvancedChecks,
        Bool,
        "Add the person to AML monitoring.",
    ))),
    reference(not_nullable(field(
        "faceMatchingThresholdModifier",
        AdvancedChecks,
        Shape::Number(Bounds {
            min: 0.0,
            max: None,
            plausible_max: None,
        }),
        "Multiplier of the face-match threshold (default 1).",
    ))),
    legacy(field(
        "fraudServices",
        AdvancedChecks,
        Shape::List(Text::new(
            Norm::Upper,
            &[&OneOf {
                values: &["AML_NAMES_CHECK", "LID", "AML_NEWS"],
                retired: &[],
            }],
        )),
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
        Shape::List(Text::new(
            Norm::Upper,
            &[&OneOf {
                values: &["FACE", "EYES"],
                retired: &[],
            }],
        )),
        "Old detection types.",
    )),
    legacy(field(
        "videoCallQuestions",
        SessionSettings,
        Shape::List(Text::new(Norm::AsIs, &[NON_EMPTY])),
        "Old video-call questions.",
    )),
];

const fn required_count() -> usize {
    let (mut n, mut i) = (0, 0);
    while i < FIELDS.len() {
        if FIELDS[i].required {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn required_members() -> [MemberId; required_count()] {
    let mut out = [MemberId(0); required_count()];
    let (mut n, mut i) = (0, 0);
    while i < FIELDS.len() {
        if FIELDS[i].required {
            out[n] = MemberId(i);
            n += 1;
        }
        i += 1;
    }
    out
}

/// The required members, read off [`FIELDS`] at compile time.
pub const REQUIRED: [MemberId; required_count()] = required_members();

/// A member by its position in [`FIELDS`], resolved at compile time with [`member`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemberId(usize);

impl MemberId {
    /// The member at `index` in [`FIELDS`].
    pub(crate) const fn at(index: usize) -> MemberId {
        MemberId(index)
    }

    /// Position in [`FIELDS`].
    pub const fn index(self) -> usize {
        self.0
    }

    /// The member's JSON name.
    pub const fn name(self) -> &'static str {
        FIELDS[self.0].name
    }

    /// The member's declaration.
    pub const fn member(self) -> &'static Member {
        &FIELDS[self.0]
    }
}

/// The member named `name`; a name not in the catalogue fails to compile where this is used in
/// a `const`, so rules between members cannot refer to a misspelled member.
///
/// ```
/// use idenfy_preflight::spec::catalogue::{member, MemberId};
///
/// const VERIFY_BANK: MemberId = member("verifyBank");
/// assert_eq!(VERIFY_BANK.name(), "verifyBank");
/// ```
pub const fn member(name: &str) -> MemberId {
    let mut i = 0;
    while i < FIELDS.len() {
        if const_eq(FIELDS[i].name, name) {
            return MemberId(i);
        }
        i += 1;
    }
    panic!("no such member in the catalogue")
}

pub(crate) const fn const_eq(a: &str, b: &str) -> bool {
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
/// use idenfy_preflight::spec::catalogue::lookup;
///
/// assert_eq!(lookup("personScanRef").map(|(f, alias)| (f.name, alias)), Some(("clientId", true)));
/// assert!(lookup("firstname").is_none()); // names are case-sensitive
/// ```
pub fn lookup(name: &str) -> Option<(&'static Member, bool)> {
    lookup_index(name).map(|(i, alias)| (&FIELDS[i], alias))
}

/// Like [`lookup`], giving the position in [`FIELDS`].
pub fn lookup_index(name: &str) -> Option<(usize, bool)> {
    known(name).map(|k| (k.index, k.alias))
}

/// A name the API accepts, as the checker looks it up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Known {
    /// Position of the member in [`FIELDS`].
    pub(crate) index: usize,
    /// The name is an alias of the member's.
    pub(crate) alias: bool,
    /// Position of the name in [`all_names`]: a small number, for bit sets of names seen.
    pub(crate) id: u32,
}

/// The member `name` names, if any.
pub(crate) fn known(name: &str) -> Option<Known> {
    INDEX.get(name)
}

/// The declaration of `name` (exact, no aliases).
pub fn get(name: &str) -> Option<&'static Member> {
    lookup(name).filter(|(_, alias)| !alias).map(|(f, _)| f)
}

/// How many names share a slot of [`Index`] at most (a test holds the table to it).
const SLOT: usize = 3;

/// The names the API accepts, by a cheap hash of a name's length and three of its bytes, built
/// at compile time. A body has dozens of members and each is looked up once, so the lookup is a
/// few instructions and one comparison; the keys are our own constants, so input can only probe
/// the table, never fill it. A name whose slot is full would fail to compile.
struct Index {
    slots: [[Option<(&'static str, Known)>; SLOT]; Index::SIZE],
}

impl Index {
    const SIZE: usize = 512;

    const fn slot(name: &str) -> usize {
        let b = name.as_bytes();
        if b.is_empty() {
            return 0;
        }
        let (first, middle, last) = (
            b[0] as usize,
            b[b.len() / 2] as usize,
            b[b.len() - 1] as usize,
        );
        ((b.len() * 7) ^ (first * 31) ^ (middle * 17) ^ (last * 131)) % Self::SIZE
    }

    const fn build() -> Index {
        let mut slots = [[None; SLOT]; Index::SIZE];
        let (mut index, mut id) = (0, 0);
        while index < FIELDS.len() {
            let f = &FIELDS[index];
            let mut n = 0;
            while n <= f.aliases.len() {
                let name = if n == 0 { f.name } else { f.aliases[n - 1] };
                let slot = &mut slots[Index::slot(name)];
                let mut free = 0;
                while slot[free].is_some() {
                    // Past the slot's end: fails to compile, a sign to widen the table.
                    free += 1;
                }
                slot[free] = Some((
                    name,
                    Known {
                        index,
                        alias: n > 0,
                        id,
                    },
                ));
                id += 1;
                n += 1;
            }
            index += 1;
        }
        // Names seen are kept as bits of a u128 (check/request.rs): past 128 names, two would
        // share a bit and be taken for a duplicate. Fails to compile rather than misreport.
        assert!(id <= 128, "more names than bits in the seen-names set");
        Index { slots }
    }

    fn get(&self, name: &str) -> Option<Known> {
        let slot = &self.slots[Self::slot(name)];
        slot.iter()
            .flatten()
            .find(|(n, _)| n.len() == name.len() && n.as_bytes() == name.as_bytes())
            .map(|(_, k)| *k)
    }
}

static INDEX: Index = Index::build();
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
    fn every_name_has_a_place_in_the_index() {
        for name in all_names() {
            assert_eq!(
                known(name).map(|k| FIELDS[k.index].name == name || k.alias),
                Some(true),
                "{name}"
            );
        }
        assert_eq!(known("firstname"), None);
        assert_eq!(known(""), None);
    }

    #[test]
    fn name_ids_fit_a_bit_set() {
        assert!(all_names().count() <= 128);
    }

    #[test]
    fn names_are_unique() {
        let mut names: Vec<_> = all_names().collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n);
    }
}
