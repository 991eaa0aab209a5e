//! Rules between members, as data: one table ([`RULES`]) of values of a small vocabulary
//! ([`vocab::Rule`]: what "forces", "requires", "at most", "capped by", "in the account's set",
//! "gated by a permission or feature", "ignored in a flow" mean, and an escape hatch for the rules
//! that fit no word), and one interpreter per use: [`check`] (findings), [`repair`] (what
//! generators keep), [`misses`] (near misses), [`schema`] (JSON Schema fragments) and `explain`
//! (check/explain.rs). Every interpreter reads a member's value as the session runs with it
//! through one resolver ([`resolve`]).
//!
//! They run after every member was checked, whatever failed before: each rule uses the members
//! it needs that parsed, and stays silent about the others (their own violations are already in
//! the report). They read [`Facts`] and report into the sink; they never call back into the
//! checker.

use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind, Subject};
use crate::profile::Needs;
use crate::profile::{Flow, Permission};
use crate::spec::catalogue::{member, MemberId};
use crate::spec::profile::FEATURES;
use vocab::{Cap, Forcing, Gate, Ignored, Listed, Order, Probe, Read, Repair, Requirement};
use vocab::{Rule, When};

mod age_limits;
pub(crate) mod check;
pub(crate) mod dates;
pub(crate) mod documents;
pub(crate) mod facts;
pub(crate) mod misses;
pub(crate) mod nfc_country;
pub(crate) mod policy;
pub(crate) mod repair;
pub(crate) mod resolve;
pub(crate) mod schema;
pub(crate) mod steps;
mod utility_bill;
pub(crate) mod vocab;

pub(crate) use facts::{Data, Fact, Facts, Scalar, Step};
pub use resolve::Provenance;
pub(crate) use resolve::Said;

/// A request's members as JSON, for generators.
pub(crate) type Members = serde_json::Map<String, serde_json::Value>;

/// Members that break one rule between members, and the violation it reports.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CrossMiss {
    /// The members to set.
    pub(crate) set: Vec<(&'static str, serde_json::Value)>,
    /// Where the violation is.
    pub(crate) pointer: String,
    /// Its code.
    pub(crate) code: crate::diag::Code,
    /// Its severity.
    pub(crate) severity: crate::diag::Severity,
}

impl CrossMiss {
    /// `set` earns `code` at the member `at`.
    pub(crate) fn at(
        at: MemberId,
        code: crate::diag::Code,
        severity: crate::diag::Severity,
        set: Vec<(MemberId, serde_json::Value)>,
    ) -> Self {
        CrossMiss {
            set: set.into_iter().map(|(m, v)| (m.name(), v)).collect(),
            pointer: format!("/{}", at.name()),
            code,
            severity,
        }
    }
}

/// The checks that need the selfie (the document-photo checks, checkDocFaceBlacklist and
/// checkDuplicateDocFaces, work without one).
const FACE_CHECKS: [MemberId; 5] = [
    member("checkLiveness"),
    member("idLiveFaceValidation"),
    member("checkFaceBlacklist"),
    member("checkDuplicateFaces"),
    member("autoFaceMatching"),
];

/// The five checks autoFaceMatching false "also disables" (docs).
const FACE_MATCHING_CHECKS: [MemberId; 5] = [
    member("checkLiveness"),
    member("checkFaceBlacklist"),
    member("checkDuplicateDocFaces"),
    member("checkDocFaceBlacklist"),
    member("checkDuplicateFaces"),
];

const BANK_SUB_CHECKS: [MemberId; 3] = [
    member("verifyBankAccounts"),
    member("verifyBankBalances"),
    member("verifyBankTransactions"),
];

const REDIRECTS: [MemberId; 3] = [
    member("successUrl"),
    member("errorUrl"),
    member("unverifiedUrl"),
];

/// The request members for the features an environment may lack (the profile's `features`).
const FEATURE_MEMBERS: [MemberId; FEATURES.len()] = {
    let mut out = [member("clientId"); FEATURES.len()];
    let mut i = 0;
    while i < FEATURES.len() {
        out[i] = member(FEATURES[i]);
        i += 1;
    }
    out
};

/// Each member that needs a permission (docs: reviewFailed "Requires 'review_failed_edit'
/// permission", verifyBank "Requires partner packet permission", callbackUrl "Only works if
/// callback override enabled for partner", …), and what of its value needs it: read off the
/// permissions' one declaration (`permissions!` in `src/profile.rs`).
pub(crate) use crate::spec::profile::GATED as PERMISSION_GATES;

/// Every rule between members, in the order they run (findings at one place keep it).
pub(crate) static RULES: [Rule; 20] = [
    Rule::Custom(&dates::RULE),
    // ageLimit is a minimum and ageMax a maximum; a minimum above the maximum admits nobody.
    Rule::AtMost(Order {
        low: member("ageLimit"),
        high: member("ageMax"),
        finding: |by_default| Finding::warning(Kind::AgeLimitAboveAgeMax { by_default }),
        sample: (30, 29),
    }),
    Rule::Custom(&age_limits::RULE),
    // The 8-digit mobile code may not outlive the account's default expiry (docs: "digitString").
    Rule::CappedBy(Cap {
        member: member("expiryTime"),
        when: member("generateDigitString"),
        limit: Context::digit_string_limit,
        documented: crate::context::DEFAULT_EXPIRY_TIME,
        finding: |max, by_default, profile| {
            Finding::error(Kind::DigitStringExpiryTooLong {
                max,
                by_default,
                profile,
            })
        },
    }),
    // The bank sub-checks need the bank step (verifyBank).
    Rule::Requires(Requirement {
        members: &BANK_SUB_CHECKS,
        on: member("verifyBank"),
        finding: |by_default| Finding::error(Kind::RequiresVerifyBank { by_default }),
        unknown: || Finding::warning(Kind::VerifyBankNotSet),
    }),
    // autoFaceMatching false also disables five checks (docs); asking for them is a mistake.
    Rule::Forces(Forcing {
        by: member("autoFaceMatching"),
        when: When::Flag(false),
        forced: &FACE_MATCHING_CHECKS,
        to: false,
        finding: |by_default| Finding::warning(Kind::DisabledByAutoFaceMatching { by_default }),
    }),
    // nfcRequired and nfcOptional contradict each other; the server lets required win.
    Rule::Forces(Forcing {
        by: member("nfcRequired"),
        when: When::Flag(true),
        forced: &[member("nfcOptional")],
        to: false,
        finding: |by_default| Finding::warning(Kind::NfcRequiredAndOptional { by_default }),
    }),
    // tokenType DOCUMENT captures the document only: the selfie's checks have nothing to see.
    Rule::Forces(Forcing {
        by: member("tokenType"),
        when: When::Choice("DOCUMENT"),
        forced: &FACE_CHECKS,
        to: false,
        finding: |by_default| Finding::warning(Kind::FaceCheckWithoutSelfie { by_default }),
    }),
    Rule::Custom(&utility_bill::RULE),
    Rule::Custom(&steps::UNKNOWN_STEP),
    Rule::Custom(&steps::MISSING_COMPARE_DATA),
    // The rules that read the partner profile (each silent where the profile does not say).
    Rule::Gated(Gate::Permissions(&PERMISSION_GATES)),
    // "You can only override features, parameters, and variables available in your environment".
    Rule::Gated(Gate::Features(&FEATURE_MEMBERS)),
    // "Must be an active questionnaire configured for the partner".
    Rule::InSet(Listed {
        member: member("questionnaire"),
        set: crate::account::Account::questionnaire_set,
        read: Read::Exact,
        only: &[],
        finding: |closest| Finding::error(Kind::InactiveQuestionnaire { closest }),
        repair: Repair::First,
        probe: Probe::Altered,
    }),
    // One of the account's risk assessment profiles (an integer ID as its digits, a UUID).
    Rule::InSet(Listed {
        member: member("riskAssessmentProfile"),
        set: crate::account::Account::risk_assessment_profiles,
        read: Read::Id,
        only: &[],
        finding: |_| Finding::error(Kind::UnknownRiskAssessmentProfile),
        repair: Repair::First,
        probe: Probe::SmallestId,
    }),
    // A country registry-centre checks are available for.
    Rule::InSet(Listed {
        member: member("registryCentersCountries"),
        set: crate::account::Account::registry_center_countries,
        read: Read::Items,
        only: &[],
        finding: |_| Finding::error(Kind::RegistryCenterUnavailable),
        repair: Repair::Retain,
        probe: Probe::FirstOutside(|| crate::spec::rules::country::codes().collect()),
    }),
    // A UI language the account offers (only one iDenfy offers at all is compared: another
    // already has its own warning).
    Rule::InSet(Listed {
        member: member("locale"),
        set: crate::account::Account::locales,
        read: Read::Str,
        only: crate::spec::rules::locale::SUPPORTED_LOCALES,
        finding: |_| Finding::warning(Kind::LocaleNotOffered),
        repair: Repair::Drop,
        probe: Probe::FirstOutside(|| crate::spec::rules::locale::SUPPORTED_LOCALES.to_vec()),
    }),
    Rule::Custom(&documents::RULE),
    Rule::Custom(&nfc_country::RULE),
    // In an iFrame flow the client never leaves the partner's page: the redirect URLs are
    // unused, and setting one suggests the flow is not what the sender thinks.
    Rule::IgnoredInFlow(Ignored {
        flow: Flow::Iframe,
        members: &REDIRECTS,
        finding: || Finding::warning(Kind::IgnoredInIframe),
        sample: "https://example.com/done",
    }),
];

/// Each rule's [`Rule::reads`], computed at compile time.
static READS: [u128; RULES.len()] = {
    let mut out = [0; RULES.len()];
    let mut i = 0;
    while i < RULES.len() {
        out[i] = RULES[i].reads();
        i += 1;
    }
    out
};

/// Runs every rule between members (those whose members are present), then the partner's
/// policies.
pub(crate) fn run(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let present = facts.present();
    for (rule, &reads) in RULES.iter().zip(&READS) {
        if reads & present != 0 {
            check::check(rule, facts, ctx, out);
        }
    }
    policy::run_profile(facts, ctx, out);
}

/// The schema fragments of the rules JSON Schema can express, for `allOf`.
pub(crate) fn schema_fragments() -> Vec<serde_json::Value> {
    RULES.iter().filter_map(schema::fragment).collect()
}

/// Whether the partner profile in `ctx` forbids the member `m` to hold `v`: a permission the
/// account lacks, or a feature its environment does not offer (for generators, which keep such
/// members out of requests meant to break something else).
#[cfg_attr(
    not(any(feature = "proptest", feature = "arbitrary")),
    allow(dead_code)
)]
pub(crate) fn forbidden(ctx: &Context, m: MemberId, v: &serde_json::Value) -> bool {
    repair::forbidden(&RULES, ctx, m, v)
}

/// The permission the account lacks for a dashboard default `v` of the member `m` that turns on
/// what needs it (`verifyBank: true`, `generateDigitString: true`, …). Not for the members the
/// permission lets a request override (`callbackUrl`, `reviewFailed`, `additionalSteps`): a
/// dashboard setting is what such a permission overrides, so it contradicts nothing.
pub(crate) fn default_lacks(
    ctx: &Context,
    m: MemberId,
    v: &serde_json::Value,
) -> Option<Permission> {
    PERMISSION_GATES
        .iter()
        .find(|&&(g, p, needs)| {
            g == m
                && ctx.account().permission(p) == Some(false)
                && needs == Needs::True
                && check::asks(v, Needs::True)
        })
        .map(|&(_, p, _)| p)
}

/// Reports `finding` about the member `m` of `fact`.
fn report_at(out: &mut Sink, m: MemberId, fact: &Fact, finding: Finding) {
    let finding = finding.about(Subject::of(m.name()), m.member().personal);
    out.report(&fact.loc(m), finding, None);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{check_str, Context};

    /// Each forcing the table states (what `explain` shows) is read by the rule's own check:
    /// the deciding value beside each forced member set against it earns the row's finding
    /// there, and the other value of the decider earns nothing.
    #[test]
    fn every_forcing_is_checked_by_its_own_row() {
        let mut seen = 0;
        for rule in &RULES {
            let Some(f) = rule.forcing() else { continue };
            let code = (f.finding)(false).code();
            for &m in f.forced {
                let body = |decider: serde_json::Value| {
                    serde_json::json!({"clientId": "c", f.by.name(): decider, m.name(): !f.to})
                        .to_string()
                };
                let deciding = body(f.when.to_json());
                let report = check_str(&deciding, &Context::new());
                let found = report
                    .violations()
                    .iter()
                    .any(|v| v.pointer() == format!("/{}", m.name()) && v.code() == code);
                assert!(found, "{} forced by {}", m.name(), f.by.name());
                let other = match f.when {
                    When::Flag(b) => serde_json::Value::from(!b),
                    When::Choice(_) => "IDENTIFICATION".into(),
                };
                let other = body(other);
                let report = check_str(&other, &Context::new());
                assert!(
                    !report.violations().iter().any(|v| v.code() == code),
                    "{} without {}",
                    m.name(),
                    f.by.name()
                );
                seen += 1;
            }
        }
        assert_eq!(seen, 5 + 1 + 5 + 3);
    }

    /// The schema interpreter says what JSON Schema can: the rows whose finding is an error and
    /// that need no partner profile (the bank requirement and the digit-string cap today).
    #[test]
    fn only_error_rows_without_the_profile_have_a_schema_fragment() {
        let with: Vec<usize> = RULES
            .iter()
            .enumerate()
            .filter(|(_, r)| schema::fragment(r).is_some())
            .map(|(i, _)| i)
            .collect();
        assert_eq!(with, [3, 4]);
    }

    /// Reads is the union of the members a row needs present (its forced or requiring
    /// members alone: the decider may be a default).
    #[test]
    fn a_row_runs_when_a_member_it_reports_at_is_present() {
        let nfc = RULES.iter().find_map(|r| match r {
            Rule::Forces(f) if f.by == member("nfcRequired") => Some(r.reads()),
            _ => None,
        });
        assert_eq!(nfc, Some(1 << member("nfcOptional").index()));
    }
}
