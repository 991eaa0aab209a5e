//! Stable codes and severities: the machine-readable contract of every violation.

use serde::{Deserialize, Serialize};
use std::fmt;
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

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $name:literal => $reason:literal, )*) => {
        /// Stable machine code of a violation. The snake_case name (see [`Code::as_str`]) is the
        /// contract; it never changes meaning once released.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable snake_case name.
            pub const fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// One line on what the code means (from its doc comment).
            pub fn description(self) -> &'static str {
                match self { $(Code::$variant => concat!($($doc),*).trim_start(),)* }
            }

            /// Why the code is what it is, stated once here, beside its declaration: for an
            /// error, the documented reason iDenfy refuses or loses such a request (the token
            /// page, kyc.yaml with the property, or a certain loss); for a warning ("If sent:"),
            /// what happens when it is sent anyway. `codes CODE` shows it.
            pub const fn reason(self) -> &'static str {
                match self { $(Code::$variant => $reason,)* }
            }

            /// Looks a code up by its snake_case name.
            pub fn from_name(name: &str) -> Option<Code> {
                match name { $($name => Some(Code::$variant),)* _ => None }
            }
        }
    };
}

codes! {
    /// The body is not valid UTF-8.
    InvalidUtf8 = "invalid_utf8"
        => "RFC 8259 §8.1 (JSON exchanged between systems is UTF-8) and iDenfy's error \
         messages page (ENCODING_ERROR): a body that cannot be decoded is refused.",
    /// The body is not well-formed JSON.
    MalformedJson = "malformed_json"
        => "Token page (\"Malformation in JSON ... will trigger a standard iDenfy API \
         error response\"; JSON_ERROR on the error messages page): the request is \
         refused. A byte-order mark counts: RFC 8259 §8.1 forbids senders to add one.",
    /// The top-level JSON value is not an object.
    NotAnObject = "not_an_object"
        => "kyc.yaml (requestBody schema: type object): anything else is refused, and no \
         member can be read from it.",
    /// The body is larger than the size limit.
    DocumentTooLarge = "document_too_large"
        => "Checker limit (Limits::max_bytes), not an iDenfy rule: the body is not read \
         past the limit, so nothing beyond it was checked; raise the limit to check a \
         larger body.",
    /// Arrays and objects are nested deeper than the depth limit.
    NestingTooDeep = "nesting_too_deep"
        => "Checker limit (Limits::max_depth), not an iDenfy rule: no documented member \
         nests this deep, and the body is not read further, so the rest was not \
         checked.",
    /// The violation list was cut at the limit.
    TooManyViolations = "too_many_violations"
        => "Checker limit (Limits::max_violations), not about the request: the report is \
         cut, errors kept ahead of warnings; it is an error exactly when errors were \
         left out, so the verdict stays that of the full check.",
    /// The same member name appears twice in one object.
    DuplicateKey = "duplicate_key"
        => "Certain loss: RFC 8259 §4 leaves open which copy of a repeated name a parser \
         keeps, so one of the values is lost and which one iDenfy reads is unknown. In \
         additionalSteps, country and document keys that are equal once upper-cased (lt and \
         LT) are an error too: the normalized request sends the codes upper-cased, as the \
         token page converts country codes, so it would hold the key twice. In a response's \
         allowedDocuments they are a warning: the country gets two lists.",
    /// A required member is missing.
    MissingRequired = "missing_required"
        => "Token page (clientId \"Required: Yes\"; kyc.yaml required: clientId): the API \
         refuses the request (MISSING_VALUE). tokenType, which kyc.yaml also lists, has \
         a documented default (IDENTIFICATION). In a token response: kyc.yaml's \
         required members; in a partner profile: the file's own format.",
    /// A member that may not be null is null.
    NullNotAllowed = "null_not_allowed"
        => "Token page (clientId \"Not null\"): refused. null for a member kyc.yaml does \
         not mark nullable is undocumented_null, a warning.",
    /// A member iDenfy's API reference declares non-nullable is null: the server may refuse it (leave the member out to get its default).
    UndocumentedNull = "undocumented_null"
        => "If sent: kyc.yaml declares the member without nullable: true and the token page \
         says nothing of null, so a strict server may refuse it (BAD_VALUE); the null is sent \
         as written, and leaving the member out gets its default.",
    /// The JSON type differs from the documented one.
    WrongType = "wrong_type"
        => "Token page and kyc.yaml (each member's type: string, integer, boolean, array, \
         object): a value of another JSON type is refused (BAD_VALUE). A whole number \
         written with a zero fraction (3600.0) is an integer in JSON Schema and is \
         accepted.",
    /// A member and its legacy alias are both present.
    AliasConflict = "alias_conflict"
        => "Certain loss: the token page accepts personScanRef as the legacy name of \
         clientId; sent together, the server gets two values for one member and keeps \
         one of them.",
    /// The member is not documented.
    UnknownField = "unknown_field"
        => "If sent: iDenfy ignores members it does not know, so the value has no effect \
         (a warning). An error only where the caller asked for it (UnknownFields::Deny, \
         --deny-unknown) or in a partner profile, where an undocumented member is a \
         certain loss: the check it was meant to set stays off unnoticed.",
    /// The member is not documented, but is almost certainly a documented one mistyped (its value would be lost).
    MisspelledField = "misspelled_field"
        => "Certain loss: iDenfy ignores members it does not know, and this name is a \
         documented one mistyped or written with invisible, whitespace or look-alike \
         characters, so its value is silently lost.",
    /// The member appears only in old documentation.
    LegacyField = "legacy_field"
        => "If sent: only old iDenfy documentation lists the member; the current API may \
         ignore it, so it may have no effect.",
    /// A string is shorter than allowed.
    TooShort = "too_short"
        => "Token page (\"Min length 1\": firstName, lastName, documentNumber, personalNumber; \
         \"Min length 5\": successUrl, errorUrl, unverifiedUrl, callbackUrl) and iDenfy's \
         error guide (clientId must be a non-empty string; a step name in additionalSteps \
         names a step the account defines, which an empty one cannot): refused (BAD_VALUE).",
    /// A string is longer than allowed.
    TooLong = "too_long"
        => "Token page and kyc.yaml (maxLength: clientId and names 100, externalRef 40, \
         documentNumber and personalNumber 50, address 255, URLs 2048): refused \
         (BAD_VALUE).",
    /// A number is below the minimum.
    TooSmall = "too_small"
        => "Token page (expiryTime \"Min 1 second\", where kyc.yaml says minimum 0: the page \
         wins; sessionLength minimum 60, also kyc.yaml; ageLimit and ageMax \"More than \
         0\"): refused (BAD_VALUE).",
    /// A number is above the maximum.
    TooLarge = "too_large"
        => "Token page and kyc.yaml (maximum: expiryTime 2592000, sessionLength 3600): \
         refused (BAD_VALUE).",
    /// An integer written with a zero fraction or an exponent (`3600.0`, `3.6e3`): JSON Schema counts it as the integer, and the normalized request writes it as one (`3600`).
    IntegerWrittenAsFloat = "integer_written_as_float"
        => "If sent: JSON Schema's integer (and so kyc.yaml's type integer) is any number \
         with a zero fraction, so the value is accepted; the normalized request carries the \
         plain integer (3600), which every JSON reader takes as one.",
    /// A string holds a character outside ASCII.
    NotPrintableAscii = "not_printable_ascii"
        => "Token page constraints (clientId, documentNumber, personalNumber: \"ASCII \
         characters available\"; externalRef: \"ASCII characters only\") and iDenfy's error \
         guide, which lists a non-ASCII clientId among the requests refused.",
    /// A string holds an ASCII control character (a tab, a line feed, DEL).
    AsciiControlCharacter = "ascii_control_character"
        => "If sent: the token page allows ASCII characters, which control characters are, \
         so the value is sent as written; a tab or line feed in an identifier is almost never \
         meant, will not match the same value without it, and a document number with one \
         cannot match the document (SUSPECTED).",
    /// An identifier starts or ends with whitespace, which is sent as written.
    SurroundingWhitespace = "surrounding_whitespace"
        => "If sent: the value is sent as written, not trimmed, so \" 42\" and \"42\" are \
         different clients (clientId is the de-duplication key) and a number with a \
         space will not match the document.",
    /// A value the API accepts that is almost certainly a mistake (an age of 2008, a birth date 200 years ago).
    ImplausibleValue = "implausible_value"
        => "If sent: the API accepts it, but it is almost certainly a typo (an ageLimit of \
         2008 flags every client as suspected; a birth date 200 years ago does not \
         match any document).",
    /// A name holds a digit, a special character the docs forbid or a control character, or no letter.
    InvalidNameCharacter = "invalid_name_character"
        => "Token page (firstName, lastName: \"Letters only (no digits)\", \"No special \
         characters: ~!@#$%^*()_+={}[]|:;\",/?\"): a digit of any script, one of \
         those characters or a control character is refused, and a name needs a letter. \
         Any other character is at most a warning.",
    /// A name holds a character the docs do not forbid that is not a letter, mark, space or name punctuation (`&`, an em dash, a symbol): it is sent as written.
    UnusualNameCharacter = "unusual_name_character"
        => "If sent: the token page forbids only digits and ~!@#$%^*()_+={}[]|:;\",/?, so \
         the name is sent as written; a name that differs from the document's makes the \
         verification SUSPECTED (kyc.yaml), and < > (forbidden by older docs) may still be \
         refused.",
    /// A value outside the documented set.
    InvalidValue = "invalid_value"
        => "Token page and kyc.yaml (enum: sex M, F; tokenType IDENTIFICATION, DOCUMENT; \
         the additional-steps page's step types UPLOAD, EXTRACT, COMPARE): a value \
         outside the set is refused (BAD_VALUE); values are case-sensitive.",
    /// A value the API no longer offers.
    RetiredValue = "retired_value"
        => "Token page and kyc.yaml (tokenType enum: only IDENTIFICATION and DOCUMENT): \
         the values older documentation offered (VIDEO_CALL, ...) are no longer \
         accepted.",
    /// A date is not written as YYYY-MM-DD.
    InvalidDateFormat = "invalid_date_format"
        => "Token page (\"Format: YYYY-MM-DD\"; kyc.yaml format: date): refused \
         (BAD_VALUE).",
    /// A YYYY-MM-DD date that does not exist in the calendar.
    InvalidCalendarDate = "invalid_calendar_date"
        => "kyc.yaml (format: date, the RFC 3339 full-date): a YYYY-MM-DD that is no day \
         of the calendar (02-30, year 0000) is no date, refused (BAD_VALUE).",
    /// A birth or issue date after today.
    DateInFuture = "date_in_future"
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document holds a birth or issue date after today, so the prefilled data cannot \
         match and the verification is flagged SUSPECTED (token page: data different from \
         the document; kyc.yaml: mismatch triggers SUSPECTED).",
    /// dateOfIssue is after dateOfExpiry.
    IssuedAfterExpiry = "issued_after_expiry"
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document is issued after it expires, so one of the dates cannot match and the \
         verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED).",
    /// dateOfBirth is after dateOfIssue.
    BornAfterIssue = "born_after_issue"
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document is issued before its holder is born, so one of the dates cannot match \
         and the verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED).",
    /// dateOfExpiry is before dateOfBirth.
    ExpiryBeforeBirth = "expiry_before_birth"
        => "If sent: the API accepts it (the token page asks only YYYY-MM-DD), but no \
         document expires before its holder is born, so one of the dates cannot match \
         and the verification is flagged SUSPECTED (token page: data different from the document; \
         kyc.yaml: mismatch triggers SUSPECTED).",
    /// dateOfExpiry is before today.
    DocumentExpired = "document_expired"
        => "If sent: the session runs, but the document has expired, so the verification \
         will likely be denied.",
    /// Not an ISO 3166-1 alpha-2 country code.
    InvalidCountryCode = "invalid_country_code"
        => "Token page (nationality, country, registryCentersCountries: \"ISO 3166-1 \
         alpha-2 format\"; iDenfy's own BAD_VALUE example is \"Field 'country' must be \
         a valid ISO 3166-1 alpha-2 code.\"): refused.",
    /// Not a document type the API knows.
    UnknownDocumentType = "unknown_document_type"
        => "Certain loss: the document types are an enumerated list (iDenfy's \
         supported-documents page, which the token page's documents refers to: \"Supported \
         verification documents\"), and a name outside it names no document, so the client \
         can never pick it.",
    /// A retired or alias document type name.
    LegacyDocumentType = "legacy_document_type"
        => "If sent: a retired or alias name (VOTER_CARD is classified as ID_CARD); the \
         current list does not name it, so it may be refused or read as its base type.",
    /// The same item appears twice in a list.
    DuplicateItem = "duplicate_item"
        => "If sent: the list holds the value once in effect; the repeat has no effect.",
    /// Not an absolute URL.
    InvalidUrl = "invalid_url"
        => "Token page (successUrl, errorUrl, unverifiedUrl, callbackUrl: \"Must be valid \
         HTTPS URL\"; kyc.yaml format: uri): refused.",
    /// A URL whose scheme is not https.
    UrlNotHttps = "url_not_https"
        => "Token page (\"Must be valid HTTPS URL\"): a URL of another scheme is refused.",
    /// A URL without a host.
    UrlMissingHost = "url_missing_host"
        => "Token page (\"Must be valid HTTPS URL\"): an https URL without a host is not \
         valid, refused.",
    /// A URL the parser rewrites to read it (spaces, backslashes, missing slashes, `{}` in a path).
    UrlNeedsRepair = "url_needs_repair"
        => "Token page (\"Must be valid HTTPS URL\"; kyc.yaml format: uri, RFC 3986): as \
         written it is no valid URL (spaces, backslashes, missing slashes), so it is refused \
         or read as another URL than the one meant.",
    /// A URL with characters RFC 3986 wants percent-encoded that the parser keeps as written (`[]`, `|`, `^`).
    UrlUnencodedCharacters = "url_unencoded_characters"
        => "If sent: browsers send these characters as written, but a strict server may \
         refuse the redirect or the webhook.",
    /// A URL carrying a user name or password.
    UrlHasCredentials = "url_has_credentials"
        => "If sent: the user name and password end up in logs and browser history.",
    /// A callback URL pointing at a host the webhook sender cannot reach.
    CallbackNotPublic = "callback_not_public"
        => "If sent: iDenfy's webhook sender cannot reach a private or local host, so the \
         session's webhooks never arrive.",
    /// A locale over the 7 characters the API reference allows (kyc.yaml `maxLength: 7`).
    InvalidLocale = "invalid_locale"
        => "kyc.yaml (locale: type string, maxLength 7): a longer locale is refused. A \
         shorter one the UI does not offer is unsupported_locale, a warning.",
    /// A locale the verification UI (or the partner profile) does not offer (`pt-BR`, `xx`, empty):
    /// sent as written, the UI falls back to English.
    UnsupportedLocale = "unsupported_locale"
        => "If sent: Token page (\"If not supported locale is used, the default English \
         will be displayed\"): the verification UI shows English.",
    /// Not a UUID in its 8-4-4-4-12 form.
    InvalidUuid = "invalid_uuid"
        => "kyc.yaml (riskAssessmentProfile, theme: format: uuid): a string that is no \
         UUID is refused.",
    /// ageLimit is greater than ageMax.
    AgeLimitAboveAgeMax = "age_limit_above_age_max"
        => "If sent: the API accepts both (each only \"More than 0\"), but the token page \
         flags a client younger than ageLimit or older than ageMax as suspected, so with \
         ageLimit above ageMax every verification is flagged SUSPECTED.",
    /// A prefilled dateOfBirth makes the client younger than ageLimit (or older than ageMax) on
    /// every day the token can be used: the verification will be flagged as suspected.
    AgeOutsideLimits = "age_outside_limits"
        => "If sent: Token page (ageLimit: \"Verification flagged as suspected if client is \
         younger\"; ageMax: \"... if client is older\"; kyc.yaml: \"triggers SUSPECTED \
         status\"): the prefilled birth date puts the client outside the limits on every day \
         the token can be used, so the verification is flagged as suspected.",
    /// expiryTime exceeds the default expiry (or the partner profile's digit-string maximum)
    /// while generateDigitString is true.
    DigitStringExpiryTooLong = "digit_string_expiry_too_long"
        => "Token page (digitString: \"expiryTime cannot be longer than \
         generateDigitString default value\"): refused.",
    /// A bank sub-check is on while verifyBank is false (in the request, or by the partner
    /// profile's default).
    RequiresVerifyBank = "requires_verify_bank"
        => "Token page (verifyBankAccounts, verifyBankBalances, verifyBankTransactions: \
         \"Requires verifyBank to be enabled\"): with verifyBank off the sub-check \
         cannot run; it is refused or lost.",
    /// A bank sub-check is on while verifyBank is not set in the request.
    VerifyBankNotSet = "verify_bank_not_set"
        => "If sent: the sub-check runs only if the account's dashboard turns verifyBank \
         on.",
    /// A check is on although autoFaceMatching false disables it.
    DisabledByAutoFaceMatching = "disabled_by_auto_face_matching"
        => "If sent: Token page (autoFaceMatching: \"When disabled, also disables\" it): \
         the check does not run.",
    /// nfcRequired and nfcOptional are both true (required wins).
    NfcRequiredAndOptional = "nfc_required_and_optional"
        => "If sent: required wins, so a client who cannot scan the chip is denied (Token \
         page, nfcRequired: \"Failure to scan results in denial\").",
    /// A face check is on while tokenType DOCUMENT takes no selfie.
    FaceCheckWithoutSelfie = "face_check_without_selfie"
        => "If sent: Token page (DOCUMENT: \"Document capturing step only\"): there is no \
         selfie, so the face check cannot run.",
    /// ALL listed with other countries, which it makes meaningless.
    RedundantWithAll = "redundant_with_all"
        => "If sent: Token page (\"Use 'ALL' to allow all countries\"): the other codes \
         have no effect.",
    /// utilityBill true together with additionalSteps.
    UtilityBillWithAdditionalSteps = "utility_bill_with_additional_steps"
        => "If sent: older docs (Mark ID) say utilityBill cannot be combined with \
         additionalSteps; the legacy step may be ignored or the request refused.",
    /// additionalData for a step that additionalSteps does not define.
    AdditionalDataUnknownStep = "additional_data_unknown_step"
        => "If sent: the data is used only if the account's dashboard configures that \
         step; otherwise it is ignored.",
    /// A COMPARE step field without a value in additionalData.
    MissingCompareData = "missing_compare_data"
        => "If sent: the COMPARE step has nothing to compare the document against (result \
         NO_DATA).",
    /// The request sets a member that needs a permission the partner profile says the account
    /// lacks.
    MissingPermission = "missing_permission"
        => "Token page (reviewFailed, reviewSuccessful: \"Requires ... permission\"; \
         verifyBank: \"Requires partner packet permission\"; callbackUrl: \"Only works \
         if callback override enabled\"): the partner profile says the account lacks \
         it, so the API refuses it (PERMISSIONS_ERROR) or ignores it. In a profile file \
         (a dashboard default that needs the permission) a warning: the dashboard may \
         hold what the profile's permissions leave out.",
    /// The request turns on a feature the partner profile's environment does not offer.
    FeatureNotInEnvironment = "feature_not_in_environment"
        => "Token page (\"You can only override features, parameters, and variables \
         available in your environment\"): the partner profile says the environment \
         lacks it, so it is refused or has no effect. In a profile file, a dashboard \
         default that turns on a feature its own features list leaves out is an error: one \
         of the two statements is false, and the profile is not used.",
    /// questionnaire is not one of the partner profile's active questionnaire keys.
    InactiveQuestionnaire = "inactive_questionnaire"
        => "Token page (questionnaire: \"Must be an active questionnaire configured for \
         the partner\"): refused.",
    /// riskAssessmentProfile is not one of the partner profile's risk assessment profiles.
    UnknownRiskAssessmentProfile = "unknown_risk_assessment_profile"
        => "Token page (riskAssessmentProfile: the \"ID of the specific Risk Assessment \
         profile to apply\"): an ID that is not one of the account's profiles (partner \
         profile) names nothing to apply, refused or lost.",
    /// A document type the partner profile allows in none of the chosen countries.
    DocumentNotAllowed = "document_not_allowed"
        => "Token page (documents: \"The available document types depend on the selected \
         country and the account's allowed document settings\"): the partner profile \
         allows it in none of the chosen countries, so the client can never pick it (a \
         certain loss). Allowed in some of them only: a warning naming those.",
    /// A document type the partner profile allows in some chosen countries but not in others
    /// where no other listed type is allowed either: a client who picks one of those has none.
    DocumentNotAllowedInCountry = "document_not_allowed_in_country"
        => "If sent: Token page (documents: \"The available document types depend on the \
         selected country and the account's allowed document settings\"): a client who picks \
         one of the named countries gets a session with no document they can use.",
    /// NFC is required, but the country is not among the partner profile's NFC-readable ones.
    NfcCountryUnsupported = "nfc_country_unsupported"
        => "Token page (country: \"If NFC is required, must be NFC-supported country\"): \
         refused, or every client who picks the country is denied. In a profile file (its \
         own default country and nfcRequired) a warning: requests that set either are \
         checked on their own.",
    /// A registry-centre country the partner profile does not offer registry checks for.
    RegistryCenterUnavailable = "registry_center_unavailable"
        => "Token page (\"You can only override features ... available in your \
         environment\"): the partner profile offers no registry-centre check for the \
         country, so the check cannot run.",
    /// A redirect URL in an iFrame flow (partner profile), where it is not used.
    IgnoredInIframe = "ignored_in_iframe"
        => "If sent: in an iFrame flow the redirect URLs are not used (iDenfy's iFrame \
         page: do not set them); the embedding page decides where the client goes.",
    /// A request breaks one of the partner's own policies; the violation's code is the
    /// policy's (`acme.eu_only`), and `params.policy` names it too.
    Policy = "policy"
        => "The partner profile's own policy: the partner decided that such a request is \
         not to be sent (its severity and message are the partner's); iDenfy itself may \
         accept it.",
    /// A partner profile's policy that cannot apply: no namespace in its code, no check, a check
    /// that does not fit its member.
    InvalidPolicy = "invalid_policy"
        => "Certain loss: a partner profile's policy that cannot apply would check nothing \
         while seeming to, so the profile is refused until it is fixed.",
    /// A token response's digitString is not a string of the digits 0–9.
    InvalidDigitString = "invalid_digit_string"
        => "Token page (digitString: an \"8 digit mobile code\"): a response digitString \
         with anything but the digits 0-9 is no such code; the mobile flow cannot use \
         it.",
    /// A token response's digitString is not 8 digits long (the docs' own examples have 7).
    UnexpectedDigitStringLength = "unexpected_digit_string_length"
        => "If accepted: the token page says 8 digits while its own examples have 7; check \
         what the mobile flow expects.",
    /// A token response echoes a request member with a value other than the one sent.
    EchoChanged = "echo_changed"
        => "If the session runs: the response mirrors the request (Token page), so another \
         value means the server changed it and the session runs with the echoed one.",
    /// A token response leaves out a member the request sent.
    EchoDropped = "echo_dropped"
        => "If the session runs: the response mirrors the request (Token page), so the \
         server dropped or ignored the member and the session runs without it.",
    /// A token response leaves out (or nulls) a member the OpenAPI description lists as required but iDenfy's published examples do not always carry (`tokenType`); the token is still usable.
    MissingExpectedMember = "missing_expected_member"
        => "If accepted: kyc.yaml lists tokenType as required in the response, but iDenfy's \
         published response example leaves it out; the token is usable and the session \
         has the type the request or the account set.",
    /// A token response shows an account setting (allowedDocuments, a dashboard default) other
    /// than the partner profile says.
    ProfileMismatch = "profile_mismatch"
        => "If accepted: the server's answer shows the account differs from the partner \
         profile, so the profile is out of date and the checks it drives refuse or pass \
         requests wrongly.",
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
mod tests {
    use super::*;

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
