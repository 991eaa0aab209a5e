//! The partner's own rules on top of iDenfy's: members that must be set, and checks on one
//! member's value (a set of values, integer bounds, string lengths, the catalogue's own rules, or
//! a test of the partner's), each reporting under the partner's code. A profile file declares
//! them ([`PolicySpec`]); in Rust, [`Policy`] builds the same and more, for an
//! [`Engine`](crate::Engine).

use super::Facts;
use crate::account::CompiledPolicy;
use crate::context::Context;
use crate::diag::loc::Place;
use crate::diag::sink::Sink;
use crate::diag::{Finding, Kind, PolicyFailure, Subject};
use crate::json::Value;
use crate::profile::{PolicySpec, Profile};
use crate::spec::catalogue::{self, MemberId};
use crate::spec::profile::MAX_POLICY_LENGTH;
use crate::spec::rules::partner_code::{is_partner_code, NOT_A_PARTNER_CODE};
use crate::spec::rules::Rule;
use crate::spec::Shape;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

/// One of the catalogue's rules on a string value (`spec::rules::Country`, `HttpsUrl`, `Length`,
/// `OneOf`, …), for [`Policy::rule`]. Sealed: the catalogue's rules implement it, and a partner's
/// own check is a [`Policy::test`].
///
/// ```
/// use idenfy_preflight::spec::rules::Length;
/// use idenfy_preflight::CatalogueRule;
///
/// static SHORT: Length = Length { min: 1, max: Some(8) };
/// let rule: &'static dyn CatalogueRule = &SHORT;
/// # let _ = rule;
/// ```
pub trait CatalogueRule: sealed::Sealed + fmt::Debug + Sync {}

mod sealed {
    /// What a [`CatalogueRule`](super::CatalogueRule) does, out of the public API.
    pub trait Sealed {
        /// Checks `value` (normalized), appending what it finds.
        fn findings(&self, value: &str, out: &mut Vec<crate::diag::Finding>);
    }

    impl<T: crate::spec::rules::Rule> Sealed for T {
        fn findings(&self, value: &str, out: &mut Vec<crate::diag::Finding>) {
            self.check(value, out);
        }
    }
}

impl<T: Rule> CatalogueRule for T {}

/// A partner's test of a member's value (the checked, normalized value, as JSON).
type Test = Arc<dyn Fn(&serde_json::Value) -> bool + Send + Sync>;

/// A partner's own rule, reporting under the partner's code.
///
/// ```
/// use idenfy_preflight::spec::rules::Country;
/// use idenfy_preflight::{Context, Engine, Policy};
///
/// let engine = Engine::builder()
///     .policy(Policy::require("acme.names", ["firstName", "lastName"])?)
///     .policy(Policy::on("acme.eu_only", "country")?.one_of(["LT", "LV", "EE"]))
///     .policy(Policy::on("acme.short_tokens", "expiryTime")?.max(3600))
///     .policy(Policy::on("acme.own_domain", "callbackUrl")?
///         .test(|v| v.as_str().is_some_and(|u| u.starts_with("https://hooks.acme.example/"))))
///     .build()?;
/// let report = engine.check(br#"{"clientId": "c1", "firstName": "Ona", "country": "DE", "expiryTime": 7200}"#, &Context::new());
/// let found: Vec<_> = report.violations().iter().map(|v| (v.pointer(), v.code_name())).collect();
/// assert_eq!(found, [
///     ("/lastName", "acme.names"),
///     ("/country", "acme.eu_only"),
///     ("/expiryTime", "acme.short_tokens"),
/// ]);
/// assert_eq!(report.violations()[1].message(), "country must be one of EE, LT, LV (partner policy acme.eu_only)");
/// # Ok::<(), idenfy_preflight::PolicyError>(())
/// ```
#[derive(Clone)]
pub struct Policy {
    code: Arc<str>,
    spec: PolicySpec,
    rules: Vec<&'static dyn CatalogueRule>,
    tests: Vec<Test>,
    /// The policy compiled, once [`checked`](Self::checked) (what an engine runs).
    compiled: Option<Arc<CompiledPolicy>>,
}

impl fmt::Debug for Policy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Policy")
            .field("code", &self.code)
            .field("spec", &self.spec)
            .field("rules", &self.rules)
            .field("tests", &self.tests.len())
            .finish()
    }
}

/// Why a policy cannot apply, and which part of it is wrong (the member of its declaration in
/// a profile file: `code`, `member`, `min`, …).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PolicyError {
    /// The part of the policy that is wrong.
    pub part: &'static str,
    /// Why, in a few words.
    pub reason: &'static str,
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "policy {}: {}", self.part, self.reason)
    }
}

impl std::error::Error for PolicyError {}

fn wrong(part: &'static str, reason: &'static str) -> PolicyError {
    PolicyError { part, reason }
}

/// Why a member name is refused.
pub(crate) const NOT_A_MEMBER: &str = "not a request member";

impl PolicyError {
    /// Whether the profile file's declaration already refuses what this error says (a code or
    /// member name its own rules check), so the loader does not report it twice.
    pub(crate) fn declared(&self) -> bool {
        self.reason == NOT_A_MEMBER || self.reason == NOT_A_PARTNER_CODE
    }
}

fn code_of(code: &str) -> Result<Arc<str>, PolicyError> {
    if is_partner_code(code) {
        Ok(code.into())
    } else {
        Err(wrong("code", NOT_A_PARTNER_CODE))
    }
}

fn member_of(name: &str, part: &'static str) -> Result<MemberId, PolicyError> {
    catalogue::lookup_index(name)
        .filter(|(_, alias)| !alias)
        .map(|(i, _)| MemberId::at(i))
        .ok_or(wrong(part, NOT_A_MEMBER))
}

fn is_text(shape: &Shape) -> bool {
    matches!(
        shape,
        Shape::Str(_) | Shape::List(_) | Shape::StrOrList(_) | Shape::IntOrStr { .. } | Shape::Date
    )
}

fn is_integer(shape: &Shape) -> bool {
    matches!(shape, Shape::Int(_) | Shape::IntOrStr { .. })
}

/// The set of `spec`, as the member `m` sends its values (its normalizer applied), so that the
/// request's normalized value is compared with it.
pub(crate) fn normalized_set(spec: &PolicySpec, m: MemberId) -> Option<BTreeSet<String>> {
    let set = spec.one_of.as_ref()?;
    Some(match text_of(&m.member().shape) {
        Some(t) => set
            .iter()
            .map(|v| t.norm.apply(v.as_str().into()).into_owned())
            .collect(),
        None => set.clone(),
    })
}

/// Whether the member `m` itself accepts `v` (normalized) as a value.
fn member_accepts(m: MemberId, v: &str) -> bool {
    let shape = m.member().shape;
    if let Shape::IntOrStr { int, .. } = shape {
        if v.parse::<i64>()
            .is_ok_and(|i| i >= int.min && int.max.is_none_or(|max| i <= max))
        {
            return true;
        }
    }
    let Some(text) = text_of(&shape) else {
        return false;
    };
    let mut found = Vec::new();
    for r in text.rules {
        r.check(v, &mut found);
    }
    !found
        .iter()
        .any(|f| f.severity == crate::diag::Severity::Error)
}

/// What [`Policy::from_spec`] checks; `own_checks`: the policy has catalogue rules or tests.
fn validate(code: &str, spec: &PolicySpec, own_checks: bool) -> Result<(), PolicyError> {
    code_of(code)?;
    for name in &spec.require {
        member_of(name, "require")?;
    }
    let checks = spec.one_of.is_some()
        || spec.min.is_some()
        || spec.max.is_some()
        || spec.min_length.is_some()
        || spec.max_length.is_some();
    let Some(name) = &spec.member else {
        if checks {
            return Err(wrong("member", "the checks need the member they are about"));
        }
        if spec.require.is_empty() {
            return Err(wrong("require", "a policy requires members or checks one"));
        }
        return Ok(());
    };
    let m = member_of(name, "member")?;
    let shape = m.member().shape;
    let fits = |on: bool, fit: bool, part| {
        if on && !fit {
            Err(wrong(part, "does not fit the member's type"))
        } else {
            Ok(())
        }
    };
    fits(spec.one_of.is_some(), is_text(&shape), "oneOf")?;
    fits(spec.min.is_some(), is_integer(&shape), "min")?;
    fits(spec.max.is_some(), is_integer(&shape), "max")?;
    fits(spec.min_length.is_some(), is_text(&shape), "minLength")?;
    fits(spec.max_length.is_some(), is_text(&shape), "maxLength")?;
    if !checks && !own_checks {
        return Err(wrong(
            "member",
            "no check on the member (oneOf, min, max, minLength, maxLength)",
        ));
    }
    if matches!((spec.min, spec.max), (Some(a), Some(b)) if a > b) {
        return Err(wrong("min", "above max: no value can pass"));
    }
    if let Shape::Int(b) | Shape::IntOrStr { int: b, .. } = shape {
        if matches!((spec.min, b.max), (Some(a), Some(top)) if a > top) {
            return Err(wrong(
                "min",
                "above the member's own maximum: no value can pass",
            ));
        }
        if spec.max.is_some_and(|a| a < b.min) {
            return Err(wrong(
                "max",
                "below the member's own minimum: no value can pass",
            ));
        }
    }
    if matches!((spec.min_length, spec.max_length), (Some(a), Some(b)) if a > b) {
        return Err(wrong("minLength", "above maxLength: no value can pass"));
    }
    if spec.min_length.is_some_and(|n| n > MAX_POLICY_LENGTH) {
        return Err(wrong("minLength", "longer than any member's value may be"));
    }
    if let Some(text) = text_of(&shape) {
        // The member's own length rules, asked about a value of exactly the policy's length
        // (no longer than a policy's length may be: a longer maximum is below no member's
        // minimum, and a longer minimum is refused above).
        let refuses = |n: usize, code: crate::diag::Code| {
            if n > MAX_POLICY_LENGTH {
                return false;
            }
            let probe = "a".repeat(n);
            let mut found = Vec::new();
            for r in text.rules {
                r.check(&probe, &mut found);
            }
            found.iter().any(|f| f.code() == code)
        };
        if spec
            .min_length
            .is_some_and(|n| refuses(n, crate::diag::Code::TooLong))
        {
            return Err(wrong(
                "minLength",
                "above the member's own maximum length: no value can pass",
            ));
        }
        if spec
            .max_length
            .is_some_and(|n| refuses(n, crate::diag::Code::TooShort))
        {
            return Err(wrong(
                "maxLength",
                "below the member's own minimum length: no value can pass",
            ));
        }
    }
    if let Some(set) = normalized_set(spec, m) {
        if set.is_empty() {
            return Err(wrong("oneOf", "empty: no value can pass"));
        }
        let length_fits = |v: &String| {
            let n = v.chars().count();
            spec.min_length.is_none_or(|min| n >= min) && spec.max_length.is_none_or(|max| n <= max)
        };
        if !set.iter().all(length_fits) {
            return Err(wrong(
                "oneOf",
                "holds a value the policy's own minLength or maxLength refuses",
            ));
        }
        if !set.iter().all(|v| member_accepts(m, v)) {
            return Err(wrong(
                "oneOf",
                "holds a value the member's own rules refuse",
            ));
        }
    }
    Ok(())
}

fn text_of(shape: &Shape) -> Option<&crate::spec::Text> {
    match shape {
        Shape::Str(t) | Shape::List(t) | Shape::StrOrList(t) => Some(t),
        Shape::IntOrStr { text, .. } => Some(text),
        _ => None,
    }
}

impl Policy {
    /// Members that must be set (present and not `null`).
    pub fn require<I, S>(code: &str, members: I) -> Result<Policy, PolicyError>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let spec = PolicySpec {
            require: members.into_iter().map(Into::into).collect(),
            ..PolicySpec::default()
        };
        Policy::from_spec(code, &spec)
    }

    /// Checks on the value of `member`, added with the methods below. A value `null`, absent,
    /// or already in error by the member's own rules is not checked.
    pub fn on(code: &str, member: &str) -> Result<Policy, PolicyError> {
        member_of(member, "member")?;
        Ok(Policy {
            code: code_of(code)?,
            spec: PolicySpec {
                member: Some(member.to_owned()),
                ..PolicySpec::default()
            },
            rules: Vec::new(),
            tests: Vec::new(),
            compiled: None,
        })
    }

    /// A policy as a profile file declares it, checked: its code, its members, and that each
    /// check fits its member (a set of values or lengths for a string, bounds for an integer)
    /// and can be passed (a set of values the member's own rules accept, bounds within the
    /// member's).
    pub fn from_spec(code: &str, spec: &PolicySpec) -> Result<Policy, PolicyError> {
        validate(code, spec, false)?;
        Ok(Policy {
            code: code_of(code)?,
            spec: spec.clone(),
            rules: Vec::new(),
            tests: Vec::new(),
            compiled: None,
        })
    }

    /// The policy, if it can apply (what [`from_spec`](Self::from_spec) checks, with the
    /// catalogue rules and tests added in Rust counted as checks too); an
    /// [`Engine`](crate::Engine) takes only such.
    pub fn checked(self) -> Result<Policy, PolicyError> {
        let own = !self.rules.is_empty() || !self.tests.is_empty();
        validate(&self.code, &self.spec, own)?;
        if !self.rules.is_empty() {
            let text = self
                .spec
                .member
                .as_deref()
                .and_then(|m| member_of(m, "member").ok())
                .is_some_and(|m| is_text(&m.member().shape));
            if !text {
                return Err(wrong("rule", "a catalogue rule checks a string member"));
            }
        }
        let compiled = compile(&self.code, &self.spec);
        Ok(Policy {
            compiled: Some(Arc::new(compiled)),
            ..self
        })
    }

    /// The value (each item of a list) must be one of `values`.
    pub fn one_of<I, S>(mut self, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.spec.one_of = Some(values.into_iter().map(Into::into).collect());
        self.compiled = None;
        self
    }

    /// The integer value must be at least `min`.
    pub fn min(mut self, min: i64) -> Self {
        self.spec.min = Some(min);
        self.compiled = None;
        self
    }

    /// The integer value must be at most `max`.
    pub fn max(mut self, max: i64) -> Self {
        self.spec.max = Some(max);
        self.compiled = None;
        self
    }

    /// The string value must have at least `min` characters.
    pub fn min_length(mut self, min: usize) -> Self {
        self.spec.min_length = Some(min);
        self.compiled = None;
        self
    }

    /// The string value must have at most `max` characters.
    pub fn max_length(mut self, max: usize) -> Self {
        self.spec.max_length = Some(max);
        self.compiled = None;
        self
    }

    /// One of the catalogue's rules (`spec::rules`: `Country`, `HttpsUrl`, `Length`, `OneOf`,
    /// …) on the string value (each item of a list).
    pub fn rule(mut self, rule: &'static dyn CatalogueRule) -> Self {
        self.rules.push(rule);
        self
    }

    /// The partner's own test of the value (normalized, as JSON): `false` is a violation.
    pub fn test(
        mut self,
        test: impl Fn(&serde_json::Value) -> bool + Send + Sync + 'static,
    ) -> Self {
        self.tests.push(Arc::new(test));
        self
    }

    /// The message its violations carry, instead of one saying what the check wants.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.spec.message = Some(message.into());
        self.compiled = None;
        self
    }

    /// Report warnings instead of errors.
    pub fn warning(mut self) -> Self {
        self.spec.warning = true;
        self.compiled = None;
        self
    }

    /// The partner's code.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Checks the facts (and the defaults of the partner profile in `ctx` the session runs
    /// with), reporting into `out`.
    pub(crate) fn run(&self, facts: &Facts<'_>, ctx: &Context, out: &mut Sink) {
        match &self.compiled {
            Some(compiled) => run(compiled, &self.rules, &self.tests, facts, ctx, out),
            None => {
                let compiled = compile(&self.code, &self.spec);
                run(&compiled, &self.rules, &self.tests, facts, ctx, out);
            }
        }
    }
}

/// Runs the policies of the partner profile in `ctx` (a policy that cannot apply was refused
/// when the profile was read; one built in Rust that cannot apply is skipped).
pub(crate) fn run_profile(facts: &Facts<'_>, ctx: &Context, out: &mut Sink) {
    for policy in profile_policies(ctx) {
        run(policy, &[], &[], facts, ctx, out);
    }
}

/// The policies of `profile`, each validated as [`Policy::from_spec`] does and compiled: what an
/// [`Engine`](crate::Engine) compiles once when it is built (the first that cannot apply is the
/// error).
pub(crate) fn compile_profile(profile: &Profile) -> Result<Vec<CompiledPolicy>, PolicyError> {
    profile
        .policies
        .iter()
        .map(|(code, spec)| {
            validate(code, spec, false)?;
            Ok(compile(&Arc::from(code.as_str()), spec))
        })
        .collect()
}

/// The policies of the partner profile in `ctx` that can apply, compiled once per account (an
/// engine's were compiled when it was built; a profile put in a context by the crate itself is
/// validated and compiled here, on its first check).
pub(crate) fn profile_policies(ctx: &Context) -> &[CompiledPolicy] {
    ctx.account().policies(|profile| {
        profile
            .policies
            .iter()
            .filter(|(code, spec)| validate(code, spec, false).is_ok())
            .map(|(code, spec)| compile(&code.as_str().into(), spec))
            .collect()
    })
}

/// The policy `code` declared by `spec`, compiled (its members looked up, its set normalized).
fn compile(code: &Arc<str>, spec: &PolicySpec) -> CompiledPolicy {
    let member = checked_member(spec);
    CompiledPolicy {
        code: code.clone(),
        require: spec
            .require
            .iter()
            .filter_map(|n| member_of(n, "require").ok())
            .collect(),
        member,
        set: member.and_then(|m| normalized_set(spec, m)),
        spec: spec.clone(),
    }
}

/// The violation of the policy `code` about the member `m`.
fn finding(
    code: &Arc<str>,
    spec: &PolicySpec,
    failed: PolicyFailure,
    m: MemberId,
    by_default: bool,
) -> Finding {
    let kind = Kind::Policy {
        code: code.clone(),
        failed,
        message: spec.message.as_deref().map(Into::into),
        by_default,
    };
    let f = if spec.warning {
        Finding::warning(kind)
    } else {
        Finding::error(kind)
    };
    f.about(Subject::of(m.name()), m.member().personal)
}

/// The member a policy's value checks are about, if it names one.
fn checked_member(spec: &PolicySpec) -> Option<MemberId> {
    spec.member
        .as_deref()
        .and_then(|n| member_of(n, "member").ok())
}

/// The partner profile's dashboard default for `m`, when the session runs with it: the
/// request leaves `m` out, or sends `null` where that means "the default" (for `questionnaire`,
/// `null` is a value of its own: none).
fn default_in_effect<'c>(
    facts: &Facts<'_>,
    ctx: &'c Context,
    m: MemberId,
) -> Option<&'c serde_json::Value> {
    let in_effect = match facts.get(m) {
        None => true,
        Some(f) => f.scalar == super::Scalar::Null && !m.member().null_disables,
    };
    in_effect
        .then(|| ctx.account().default(m))
        .flatten()
        .filter(|v| !v.is_null())
}

/// What the policy's checks on one member find in a dashboard default `value` (the profile
/// self-check reports them in the profile file): each failure with its index in a list.
pub(crate) fn default_failures(
    code: &str,
    spec: &PolicySpec,
    value: &serde_json::Value,
) -> Vec<(Option<usize>, Finding)> {
    let Some(m) = checked_member(spec) else {
        return Vec::new();
    };
    let code: Arc<str> = code.into();
    let set = normalized_set(spec, m);
    failures(spec, set.as_ref(), &[], &[], m, &Value::from_serde(value))
        .into_iter()
        .map(|(i, failed)| (i, finding(&code, spec, failed, m, true)))
        .collect()
}

fn run(
    policy: &CompiledPolicy,
    rules: &[&'static dyn CatalogueRule],
    tests: &[Test],
    facts: &Facts<'_>,
    ctx: &Context,
    out: &mut Sink,
) {
    let (code, spec) = (&policy.code, &policy.spec);
    for &m in &policy.require {
        // A default the session runs with sets the member as much as the request would.
        let set = facts
            .get(m)
            .is_some_and(|f| f.scalar != super::Scalar::Null)
            || default_in_effect(facts, ctx, m).is_some();
        if !set {
            out.report_at(
                &Place::missing(m.name()),
                finding(code, spec, PolicyFailure::Missing, m, false),
            );
        }
    }
    let Some(m) = policy.member else {
        return;
    };
    let set = policy.set.as_ref();
    if let Some((value, fact)) = facts.value(m).filter(|(v, _)| **v != Value::Null) {
        let at = fact.loc(m);
        for (i, failed) in failures(spec, set, rules, tests, m, value) {
            let f = finding(code, spec, failed, m, false);
            match i {
                Some(i) => out.report(&at.index(i), f, None),
                None => out.report(&at, f, None),
            }
        }
    } else if let Some(default) = default_in_effect(facts, ctx, m) {
        // The policy applies to the value the session runs with: the dashboard default, at the
        // member the request would set to choose another.
        let value = Value::from_serde(default);
        for (_, failed) in failures(spec, set, rules, tests, m, &value) {
            out.report_at(
                &Place::missing(m.name()),
                finding(code, spec, failed, m, true),
            );
        }
    }
}

/// What the policy's checks on the member `m` find in its checked `value`, each failure with
/// its index in a list.
fn failures(
    spec: &PolicySpec,
    set: Option<&BTreeSet<String>>,
    rules: &[&'static dyn CatalogueRule],
    tests: &[Test],
    m: MemberId,
    value: &Value<'_>,
) -> Vec<(Option<usize>, PolicyFailure)> {
    let mut failures: Vec<(Option<usize>, PolicyFailure)> = Vec::new();
    let not_one_of = |i: Option<usize>, s: &str, failures: &mut Vec<_>| {
        if let Some(set) = set {
            if !set.contains(s) {
                let allowed = set.iter().cloned().collect();
                failures.push((i, PolicyFailure::NotOneOf { allowed }));
            }
        }
    };
    let mut text = |i: Option<usize>, s: &str| {
        not_one_of(i, s, &mut failures);
        let length = s.chars().count();
        if let Some(min) = spec.min_length.filter(|&min| length < min) {
            failures.push((i, PolicyFailure::Shorter { min }));
        }
        if let Some(max) = spec.max_length.filter(|&max| length > max) {
            failures.push((i, PolicyFailure::Longer { max }));
        }
        let mut found = Vec::new();
        for rule in rules {
            rule.findings(s, &mut found);
        }
        for f in found {
            let f = f.about(Subject::of(m.name()), m.member().personal);
            failures.push((i, PolicyFailure::Rule(Box::new(f))));
        }
    };
    match value {
        Value::String(s) => text(None, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if let Value::String(s) = item {
                    text(Some(i), s);
                }
            }
        }
        Value::Number(n) => {
            // An integer ID (`riskAssessmentProfile`) is one of a set as its digits.
            not_one_of(None, &n.to_string(), &mut failures);
            if let Some(i) = n.as_i64() {
                if let Some(min) = spec.min.filter(|&min| i < min) {
                    failures.push((None, PolicyFailure::Below { min }));
                }
                if let Some(max) = spec.max.filter(|&max| i > max) {
                    failures.push((None, PolicyFailure::Above { max }));
                }
            }
        }
        _ => {}
    }
    // Never `null` here: `run` skips a request's `null`, and no default in effect is `null`.
    if !tests.is_empty() {
        let json = value.to_serde();
        if tests.iter().any(|t| !t(&json)) {
            failures.push((None, PolicyFailure::Test));
        }
    }
    failures
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A checked policy carries its compiled form (members looked up, set normalized), so no
    /// check compiles it again.
    #[test]
    fn a_checked_policy_is_compiled_once() {
        let policy = Policy::on("acme.locale", "locale")
            .map(|p| p.one_of(["LT", "en"]))
            .and_then(Policy::checked)
            .expect("applies");
        let compiled = policy.compiled.as_deref().expect("compiled by checked()");
        assert_eq!(*compiled, compile(&policy.code, &policy.spec));
        assert!(compiled.set.as_ref().is_some_and(|s| s.contains("lt")));
    }
}
