//! The parts of generated requests that both generators share (the proptest strategies and the
//! `Arbitrary` requests): labels, what each member's declaration lets through and what breaks
//! it, every near miss as data, and the rules between members kept by construction.
//!
//! Everything here is read off the catalogue, the rules and the rules between members, so a new
//! member or a changed limit changes what is generated with no edit here. A rule proposes its
//! misses ([`Rule::misses`](crate::spec::rules::Rule::misses)); a member keeps those the rest of
//! its declaration accepts, checked once here with the rules' own checks, so every label is
//! true by construction and nothing is filtered while generating.

mod document;
mod policies;
mod values;

pub(crate) use document::document_misses;
#[cfg(feature = "arbitrary")]
pub(crate) use values::candidates;
pub(crate) use values::{canonical, value_misses};
#[cfg(feature = "proptest")]
pub(crate) use values::{keep_list_rules, list_edges, text_examples, FreeTextOf};

use crate::context::Context;
use crate::cross::{Members, RULES};
use crate::diag::{Code, Severity};
use crate::spec::catalogue::{lookup_index, MemberId, FIELDS};
use crate::spec::{Member, Origin};
use serde_json::Value;

/// The violation a near miss must earn: where, which code, how severe, and for a partner
/// policy's, which policy.
///
/// # The contract
///
/// A near miss earns its label's violation and **no other error** ([`holds`](Self::holds)).
/// Warnings besides it are not part of the label; the kit keeps them away where the miss
/// allows, and the ones it cannot keep away are these:
///
/// - a warning the broken member earns whenever it is sent under the context: `legacy_field`
///   beside a miss of a legacy member, `ignored_in_iframe` beside a miss of a redirect URL in an
///   iFrame flow, `document_not_allowed_in_country` beside a `documents` miss whose type the
///   account allows in some of its countries only;
/// - `duplicate_item` at each repeat, beside the `too_many_violations` miss (the repeats are
///   how it passes the cap);
/// - `additional_data_unknown_step` beside a miss inside `additionalData` (its key names no
///   step of `additionalSteps`, which the miss leaves out);
/// - the policy's warning beside an `unsupported_locale` miss, where a partner policy narrows
///   `locale` within the account's locales (a locale the account lacks is outside the policy
///   too).
/// - `age_outside_limits` beside the `expiry_before_birth` miss, where the account sets an
///   `ageLimit`: an expiry before the birth date and within a day of `today` (so that the
///   document is not expired) puts the birth at `today`, and a newborn is younger than any limit.
///
/// Everything else earns its label alone: the date-order misses keep the expiry within a day of
/// `today` (the tolerance), so they earn no `document_expired`, and a policy's miss takes a
/// value only the policy refuses where there is one (a locale the account offers). The kit's
/// tests list every near miss's other violations and hold them to this list.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Label {
    /// The JSON Pointer into the body.
    pub pointer: String,
    /// The stable code ([`Code::Policy`] for a partner policy's).
    pub code: Code,
    /// Error or warning.
    pub severity: Severity,
    /// The partner policy's own code (`acme.baltics_only`) for a label of [`Code::Policy`];
    /// `None` for every other code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
}

impl Label {
    /// A label of a built-in rule (no policy).
    pub(crate) fn at(pointer: impl Into<String>, code: Code, severity: Severity) -> Label {
        Label {
            pointer: pointer.into(),
            code,
            severity,
            policy: None,
        }
    }

    /// The code as reports write it: the policy's own code for a policy's label
    /// (`acme.baltics_only`), else the code's name (`invalid_country_code`), as
    /// [`Violation::code_name`](crate::Violation::code_name) gives it.
    pub fn code_name(&self) -> &str {
        self.policy.as_deref().unwrap_or(self.code.as_str())
    }

    /// Whether `report` holds this violation (the same pointer, code, severity and policy), and
    /// no error besides it. Warnings besides it don't matter (see [the contract](Label#the-contract)).
    ///
    /// One error is never counted as another: `too_many_violations`. It says only that the
    /// report's list was capped ([`Limits::max_violations`](crate::Limits::max_violations))
    /// after an error was cut; it is an error so that capping never turns an invalid report
    /// valid, not because of anything else in the request. The label's own violation must still
    /// be in the (capped) list.
    ///
    /// ```
    /// # #[cfg(feature = "proptest")] {
    /// use idenfy_preflight::strategies::{near_misses, Label};
    /// use idenfy_preflight::{check, Context, Engine};
    ///
    /// let ctx = Context::new();
    /// for miss in near_misses(&Engine::default(), &ctx) {
    ///     assert!(miss.label.holds(&check(&miss.body, &ctx)), "{miss:?}");
    /// }
    /// # }
    /// ```
    pub fn holds(&self, report: &crate::Report<'_>) -> bool {
        let policy = self.policy.as_deref();
        let found = report.violations().iter().any(|v| {
            v.pointer() == self.pointer
                && v.code() == self.code
                && v.severity() == self.severity
                && v.policy() == policy
        });
        let other_error = report.errors().any(|v| {
            !(v.pointer() == self.pointer && v.code() == self.code && v.policy() == policy)
                && v.code() != Code::TooManyViolations
        });
        found && !other_error
    }
}

/// A request body with exactly one rule broken, and the violation that rule reports.
///
/// Its `Debug` shows the body as text (lossy UTF-8), cut after [`DEBUG_BODY_BYTES`] bytes with
/// its whole length noted, so a failing property's output stays readable.
#[derive(Clone, PartialEq, Eq)]
pub struct NearMiss {
    /// The body as sent (bytes: some near misses are not JSON, or not UTF-8).
    pub body: Vec<u8>,
    /// What the engine must report for it.
    pub label: Label,
}

impl NearMiss {
    /// The body as JSON, where it is JSON: `None` for the near misses that are not (malformed,
    /// not UTF-8, after a byte-order mark); one past the size or nesting limit still is. A key
    /// sent twice keeps its last value here.
    #[cfg(feature = "proptest")]
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The body as text, with U+FFFD for bytes that are not UTF-8.
    #[cfg(feature = "proptest")]
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

impl std::fmt::Debug for NearMiss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NearMiss")
            .field("body", &BodyText(&self.body))
            .field("label", &self.label)
            .finish()
    }
}

/// How many bytes of a body `Debug` shows (of a [`NearMiss`], of an `ArbitraryRequest`).
pub const DEBUG_BODY_BYTES: usize = 1024;

/// A body in `Debug` output: its text (lossy UTF-8), quoted and escaped, cut after
/// [`DEBUG_BODY_BYTES`] bytes (at a character boundary) with its whole length noted.
pub(crate) struct BodyText<'a>(pub(crate) &'a [u8]);

impl std::fmt::Debug for BodyText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let bytes = self.0;
        let mut end = bytes.len().min(DEBUG_BODY_BYTES);
        // Not inside a character: back over at most three UTF-8 continuation bytes.
        let floor = end.saturating_sub(3);
        while end > floor && end < bytes.len() && bytes[end] & 0xC0 == 0x80 {
            end -= 1;
        }
        let shown = String::from_utf8_lossy(&bytes[..end]);
        write!(f, "{shown:?}")?;
        if end < bytes.len() {
            write!(f, "… ({} bytes in all)", bytes.len())?;
        }
        Ok(())
    }
}

/// The members a generated request may hold: every documented one, legacy members too (they
/// only warn).
pub(crate) fn members() -> impl Iterator<Item = &'static Member> {
    FIELDS.iter()
}

/// Whether generated valid requests include `m` (legacy members earn a warning each, so they
/// are rarer).
pub(crate) fn is_legacy(m: &Member) -> bool {
    m.origin == Origin::Legacy
}

/// Whether a request holding `m` as `null` earns nothing for it: a documented null
/// (`questionnaire`, `additionalSteps`), not one the engine warns or errs about. Asked of the
/// engine, so a generator offers `null` exactly where the check takes it.
#[cfg(feature = "proptest")]
pub(crate) fn null_is_clean(m: &Member) -> bool {
    let mut members = minimal();
    members.insert(m.name.to_owned(), Value::Null);
    let body = serde_json::to_vec(&Value::Object(members)).unwrap_or_default();
    crate::check(&body, &Context::new()).violations().is_empty()
}

/// Every rule between members applied to `members`, so the request keeps them all.
///
/// One rule's repair can break another's (a `DOCUMENT` token turns `autoFaceMatching` off,
/// which then disables five checks that may be on), so the rules are applied again until
/// nothing changes. Each repair only switches flags off, sets the member a rule needs, or lowers
/// a value to its limit, so a round that changes nothing comes within a few rounds.
pub(crate) fn keep_rules(members: &mut Members, ctx: &Context) {
    for _ in 0..=RULES.len() {
        let before = members.clone();
        for rule in &RULES {
            crate::cross::repair::keep(rule, members, ctx);
        }
        policies::keep(members, ctx);
        if *members == before {
            return;
        }
    }
}

/// The members that share a rule between members with `name` (itself included): a request
/// broken at `name` on purpose leaves them out, so no other rule fires.
pub(crate) fn entangled(name: &str) -> Vec<&'static str> {
    let mut out = vec![];
    for rule in &RULES {
        let involves = rule.involves();
        if involves.iter().any(|m| m.name() == name) {
            out.extend(involves.iter().map(|m| m.name()));
        }
    }
    out
}

/// One near miss, before a valid base request is chosen: members to set (or a change of the
/// whole body), and the label.
#[derive(Clone, Debug)]
pub(crate) enum Recipe {
    /// Set these members (after removing every member entangled with them).
    Members {
        set: Vec<(String, Value)>,
        label: Label,
    },
    /// Change the serialized body (not JSON, duplicate keys, limits).
    Body {
        make: fn(&Members, &Context) -> Vec<u8>,
        label: fn(&Context) -> Label,
    },
}

impl Recipe {
    /// The label this recipe earns under `ctx`.
    #[cfg(feature = "proptest")]
    pub(crate) fn label(&self, ctx: &Context) -> Label {
        match self {
            Recipe::Members { label, .. } => label.clone(),
            Recipe::Body { label, .. } => label(ctx),
        }
    }

    /// The near miss on `base` (a valid request's members).
    pub(crate) fn apply(&self, base: &Members, ctx: &Context) -> NearMiss {
        match self {
            Recipe::Members { set, label } => {
                let mut members = base.clone();
                for (name, _) in set {
                    for other in entangled(name) {
                        members.remove(other);
                    }
                    members.remove(name);
                }
                for (name, value) in set {
                    members.insert(name.clone(), value.clone());
                }
                NearMiss {
                    body: serde_json::to_vec(&Value::Object(members)).unwrap_or_default(),
                    label: label.clone(),
                }
            }
            Recipe::Body { make, label } => NearMiss {
                body: make(base, ctx),
                label: label(ctx),
            },
        }
    }
}

/// Every near miss a request body can have under `ctx`: each member's value misses, each rule
/// between members, and the document-level ones (not JSON, not UTF-8, limits, duplicates,
/// unknown and misspelled members).
pub(crate) fn recipes(ctx: &Context) -> Vec<Recipe> {
    let mut out = recipes_of_the_catalogue(ctx);
    out.extend(policies::misses(ctx));
    if ctx.account().known() {
        // A partner profile can make a member's miss moot (a document type the account never
        // allows, a legacy name included): a miss is kept only where it, applied to the
        // smallest request that keeps the profile's policies as it is applied to any valid
        // request (the members entangled with it removed, so a default may stand in for one),
        // earns its label and no other error under the profile.
        //
        // Of the misses with one label, those with the fewest violations beside it are kept: a
        // default can bring a warning of a rule between members to one value that another
        // value with the same label avoids.
        let smallest = smallest(ctx);
        let counts: Vec<Option<usize>> = out
            .iter()
            .map(|r| match r {
                Recipe::Members { label, .. } => {
                    let body = r.apply(&smallest, ctx).body;
                    let report = crate::check(&body, ctx);
                    label.holds(&report).then(|| report.violations().len())
                }
                Recipe::Body { .. } => Some(0),
            })
            .collect();
        let fewest = |label: &Label| {
            out.iter()
                .zip(&counts)
                .filter_map(|(r, n)| match r {
                    Recipe::Members { label: l, .. } if l == label => *n,
                    _ => None,
                })
                .min()
        };
        let keep: Vec<bool> = out
            .iter()
            .zip(&counts)
            .map(|(r, n)| match (r, n) {
                (Recipe::Members { label, .. }, Some(n)) => fewest(label) == Some(*n),
                (Recipe::Body { .. }, _) => true,
                (_, None) => false,
            })
            .collect();
        let mut keep = keep.into_iter();
        out.retain(|_| keep.next().unwrap_or(false));
    }
    out
}

fn recipes_of_the_catalogue(ctx: &Context) -> Vec<Recipe> {
    let mut out = Vec::new();
    // A member the partner profile forbids is never sent, so its value misses would also earn
    // the profile's error; each rule's misses keep clear of what another rule forbids.
    for (i, m) in members().enumerate() {
        let id = MemberId::at(i);
        for miss in value_misses(&m.shape) {
            if crate::cross::forbidden(ctx, id, &miss.value) {
                continue;
            }
            out.push(Recipe::Members {
                set: vec![(m.name.into(), miss.value)],
                label: Label::at(
                    format!("/{}{}", m.name, miss.suffix),
                    miss.code,
                    miss.severity,
                ),
            });
        }
    }
    for rule in &RULES {
        for miss in crate::cross::misses::misses(rule, &RULES, ctx) {
            let own = matches!(
                miss.code,
                Code::MissingPermission | Code::FeatureNotInEnvironment
            );
            let forbidden = miss.set.iter().any(|(name, v)| {
                lookup_index(name)
                    .is_some_and(|(i, _)| crate::cross::forbidden(ctx, MemberId::at(i), v))
            });
            if forbidden && !own {
                continue;
            }
            out.push(Recipe::Members {
                set: miss.set.into_iter().map(|(n, v)| (n.into(), v)).collect(),
                label: Label::at(miss.pointer, miss.code, miss.severity),
            });
        }
    }
    out.extend(document_misses());
    out
}

/// The smallest valid request under `ctx`: `clientId` alone, and what the partner profile's
/// policies require.
pub(crate) fn smallest(ctx: &Context) -> Members {
    let mut members = minimal();
    keep_rules(&mut members, ctx);
    members
}

/// The smallest valid request: `clientId` alone.
pub(crate) fn minimal() -> Members {
    let mut m = Members::new();
    for required in FIELDS.iter().filter(|f| f.required) {
        m.insert(required.name.to_owned(), canonical(&required.shape));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use time::macros::date;

    /// The contexts the rules between members read: without a date, with one, and with the
    /// example partner profile (in its redirect flow and in an iFrame one).
    fn contexts() -> Vec<Context> {
        let file = include_bytes!("../../examples/profile.json");
        let profile = crate::load_profile(file, &Context::new())
            .into_result()
            .unwrap_or_default();
        assert_ne!(
            profile,
            crate::Profile::default(),
            "the example profile loads"
        );
        let mut iframe = profile.clone();
        iframe.flow = Some(crate::Flow::Iframe);
        let today = Context::new().with_today(date!(2026 - 12 - 01));
        vec![
            Context::new(),
            today.clone(),
            today.clone().with_profile(profile),
            today.with_profile(iframe),
        ]
    }

    fn with_required(set: &[(&str, Value)]) -> Members {
        let mut members = Members::new();
        members.insert("clientId".into(), "client-1".into());
        for (name, value) in set {
            members.insert((*name).into(), value.clone());
        }
        members
    }

    fn violations(members: &Members, ctx: &Context) -> Vec<(String, Code)> {
        let body = serde_json::to_vec(&Value::Object(members.clone())).unwrap_or_default();
        crate::check(&body, ctx)
            .violations()
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code()))
            .collect()
    }

    /// Generators repair a request with `keep_rules`: every near miss of a rule between members
    /// comes out of it clean, warnings included, and a second pass changes nothing.
    #[test]
    fn keeping_the_rules_repairs_each_of_their_misses() {
        for ctx in contexts() {
            for rule in &RULES {
                for miss in crate::cross::misses::misses(rule, &RULES, &ctx) {
                    let mut members = with_required(&miss.set);
                    assert_ne!(violations(&members, &ctx), vec![], "{miss:?}");
                    keep_rules(&mut members, &ctx);
                    assert_eq!(violations(&members, &ctx), vec![], "{miss:?} → {members:?}");
                    let kept = members.clone();
                    keep_rules(&mut members, &ctx);
                    assert_eq!(members, kept, "{miss:?}");
                }
            }
        }
    }

    /// The profile's defaults decide too: a default country NFC cannot read under a default
    /// `nfcRequired`, a default a policy refuses, default countries one of which the documents
    /// leave bare. A request that leaves the members out is repaired like one that sends them.
    #[test]
    fn keeping_the_rules_repairs_what_the_defaults_break() {
        let file = br#"{"nfcCountries": ["LT", "LV"],
            "allowedDocuments": {"LT": ["DRIVER_LICENSE", "PASSPORT"], "LV": ["PASSPORT"]},
            "defaults": {"nfcRequired": true, "country": ["LT", "LV", "US"]},
            "policies": {"acme.baltics": {"member": "country", "oneOf": ["LT", "LV"]}}}"#;
        let profile = crate::load_profile(file, &Context::new()).into_result();
        assert!(profile.is_ok(), "the profile loads, with warnings");
        let ctx = Context::new().with_profile(profile.unwrap_or_default());
        for set in [
            vec![],
            vec![("documents", json!(["DRIVER_LICENSE"]))],
            vec![("country", Value::Null)],
        ] {
            let mut members = with_required(&set);
            assert_ne!(violations(&members, &ctx), vec![], "{set:?}");
            keep_rules(&mut members, &ctx);
            assert_eq!(violations(&members, &ctx), vec![], "{set:?} → {members:?}");
        }
    }

    /// A label holds when its violation is there, exactly (pointer, code, severity), and no
    /// other error is; warnings besides it don't matter.
    #[test]
    fn a_label_holds_for_its_violation_alone() {
        let ctx = Context::new();
        let label = |pointer: &str, code, severity| Label::at(pointer, code, severity);
        let sex = label("/sex", Code::InvalidValue, Severity::Error);
        let one = crate::check_str(r#"{"clientId": "c", "sex": "X"}"#, &ctx);
        assert!(sex.holds(&one));
        assert!(!label("/tokenType", Code::InvalidValue, Severity::Error).holds(&one));
        assert!(!label("/sex", Code::WrongType, Severity::Error).holds(&one));
        assert!(!label("/sex", Code::InvalidValue, Severity::Warning).holds(&one));
        let warned = crate::check_str(r#"{"clientId": "c", "sex": "X", "zzz": 1}"#, &ctx);
        assert!(sex.holds(&warned));
        let two = crate::check_str(r#"{"clientId": "c", "sex": "X", "tokenType": "x"}"#, &ctx);
        assert!(!sex.holds(&two));
        let unknown = label("/zzz", Code::UnknownField, Severity::Warning);
        assert!(!unknown.holds(&warned), "the sex error is another error");
        let only = crate::check_str(r#"{"clientId": "c", "zzz": 1}"#, &ctx);
        assert!(unknown.holds(&only));
    }

    /// The list members, each with its item rules.
    fn lists() -> Vec<(&'static Member, &'static crate::spec::Text)> {
        members()
            .filter(|m| !is_legacy(m))
            .filter_map(|m| match &m.shape {
                crate::spec::Shape::List(t) | crate::spec::Shape::StrOrList(t) => Some((m, t)),
                _ => None,
            })
            .collect()
    }

    /// Every list a generator can pick of two items of a list member's examples, each in every
    /// spelling (`ALL` or `all` beside each of the 250 countries, in both orders), comes out of
    /// `keep_list_rules` clean: no `redundant_with_all`, no `duplicate_item`. Exhaustive, so the
    /// one pair in 250 that the random generators meet now and then is judged every run.
    #[test]
    fn every_pair_of_list_items_is_kept_clean() {
        let ctx = Context::new();
        let mut judged = 0;
        let mut repaired = 0;
        for (m, text) in lists() {
            let examples = values::text_examples(text);
            let mut firsts = values::list_edges(text);
            firsts.extend(examples.iter().take(3).cloned());
            for a in &firsts {
                for spelled in text.norm.spellings(a) {
                    for b in &examples {
                        for pair in [
                            vec![spelled.clone(), b.clone()],
                            vec![b.clone(), spelled.clone()],
                        ] {
                            let kept = keep_list_rules(text, pair.clone());
                            assert!(!kept.is_empty(), "{}: {pair:?}", m.name);
                            repaired += usize::from(kept.len() < 2);
                            let mut members = with_required(&[]);
                            members.insert(m.name.into(), serde_json::json!(kept));
                            assert_eq!(violations(&members, &ctx), vec![], "{}: {pair:?}", m.name);
                            judged += 1;
                        }
                    }
                }
            }
        }
        assert!(judged > 1000, "{judged}");
        // `ALL`/`all` beside each other country (and each repeat) lost an item.
        assert!(repaired >= 4 * 249, "{repaired}");
    }

    /// The repair can fail: `ALL` beside a code, kept as picked, earns `redundant_with_all`.
    #[test]
    fn all_beside_a_code_is_what_the_repair_removes() {
        let (_, text) = lists()
            .into_iter()
            .find(|(m, _)| m.name == "country")
            .expect("country is a list member");
        assert_eq!(values::list_edges(text), ["ALL", "LT"]);
        let mut members = with_required(&[("country", serde_json::json!(["all", "XK"]))]);
        assert_eq!(
            violations(&members, &Context::new()),
            [("/country/0".to_owned(), Code::RedundantWithAll)]
        );
        let kept = keep_list_rules(text, vec!["all".into(), "XK".into()]);
        assert_eq!(kept, ["XK"]);
        members.insert("country".into(), serde_json::json!(kept));
        assert_eq!(violations(&members, &Context::new()), vec![]);
        assert_eq!(
            keep_list_rules(text, vec!["ALL".into(), "all".into()]),
            ["ALL"]
        );
    }

    /// Every candidate value of the `Arbitrary` requests is clean alone, for every member.
    #[cfg(feature = "arbitrary")]
    #[test]
    fn every_candidate_is_clean_alone() {
        let ctx = Context::new();
        for m in members().filter(|m| !is_legacy(m)) {
            for v in candidates(&m.shape) {
                let mut members = with_required(&[]);
                members.insert(m.name.into(), v.clone());
                keep_rules(&mut members, &ctx);
                assert_eq!(violations(&members, &ctx), vec![], "{}: {v}", m.name);
            }
        }
    }

    /// `Debug` of a body: whole up to the limit, else cut at a character boundary with the
    /// length noted.
    #[test]
    fn a_body_debugs_as_text_cut_at_the_limit() {
        let show = |b: &[u8]| format!("{:?}", BodyText(b));
        let exact = vec![b'a'; DEBUG_BODY_BYTES];
        assert_eq!(show(&exact), format!("{:?}", "a".repeat(DEBUG_BODY_BYTES)));
        let mut over = exact.clone();
        over.push(b'b');
        let shown = show(&over);
        assert!(shown.ends_with(&format!("\"… ({} bytes in all)", DEBUG_BODY_BYTES + 1)));
        assert!(
            shown.starts_with(&format!("{:?}…", "a".repeat(DEBUG_BODY_BYTES))),
            "{shown}"
        );
        // A two-byte character across the cut is left out whole, never split into U+FFFD.
        let mut split = vec![b'a'; DEBUG_BODY_BYTES - 1];
        split.extend("é".as_bytes());
        let shown = show(&split);
        assert!(
            !shown.contains('\u{fffd}') && !shown.contains('é'),
            "{shown}"
        );
        assert!(shown.contains("bytes in all"), "{shown}");
        // Not UTF-8: shown lossily, the length noted only when cut.
        assert_eq!(show(b"\xff"), "\"\u{fffd}\"");
    }

    /// The members sharing a rule with a member: itself and the others of each rule it is in.
    #[test]
    fn entangled_members_share_a_rule() {
        let with_auto = entangled("autoFaceMatching");
        assert!(with_auto.contains(&"checkDocFaceBlacklist") && with_auto.contains(&"tokenType"));
        assert!(!with_auto.contains(&"verifyBank"), "{with_auto:?}");
        assert_eq!(entangled("firstName"), Vec::<&str>::new());
    }

    /// A repair that breaks another rule is repaired in turn: a `DOCUMENT` token switches
    /// `autoFaceMatching` off (no selfie), and then the checks it disables go off too.
    #[test]
    fn one_repair_breaking_another_rule_is_repaired_too() {
        let ctx = Context::new();
        let mut members = with_required(&[
            ("tokenType", "DOCUMENT".into()),
            ("autoFaceMatching", true.into()),
            ("checkDocFaceBlacklist", true.into()),
        ]);
        keep_rules(&mut members, &ctx);
        assert_eq!(violations(&members, &ctx), vec![], "{members:?}");
        assert_eq!(members["autoFaceMatching"], false);
        assert_eq!(members["checkDocFaceBlacklist"], false);
    }

    /// A request that already keeps the rules is left exactly as it is: each part of a miss
    /// (its trigger alone, the flag alone), and each part with one member `null`, where clean.
    #[test]
    fn keeping_the_rules_leaves_a_clean_request_alone() {
        let mut judged = 0;
        for ctx in contexts() {
            for rule in &RULES {
                for miss in crate::cross::misses::misses(rule, &RULES, &ctx) {
                    let n = miss.set.len();
                    for subset in 0..(1u32 << n) - 1 {
                        let part: Vec<_> = (0..n)
                            .filter(|i| subset & (1 << i) != 0)
                            .map(|i| miss.set[i].clone())
                            .collect();
                        for nulled in 0..=part.len() {
                            let mut part = part.clone();
                            if let Some((_, v)) = part.get_mut(nulled) {
                                *v = Value::Null;
                            }
                            let mut members = with_required(&part);
                            if !violations(&members, &ctx).is_empty() {
                                continue;
                            }
                            let before = members.clone();
                            keep_rules(&mut members, &ctx);
                            assert_eq!(members, before, "{miss:?}");
                            judged += 1;
                        }
                    }
                }
            }
        }
        assert!(judged > 100, "{judged}");
    }
}
