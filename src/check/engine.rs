//! The engine: a partner's account (its profile, its own policies, its account-level settings)
//! compiled once into a shared plan, and every check of the crate run against it.
//!
//! Only an engine sets the account-level part of the [`Context`] the checks read: each call
//! hands them the caller's per-call context (today, limits, show-values) with the plan's account
//! in it, so the internal code reads the account through the context alone. A caller's own
//! context always has the default account (no profile, unknown members warned about, the
//! documented token lifetime): the free functions, which check under it as given, are the
//! default engine.

use crate::account::Account;
use crate::context::{Context, UnknownFields, DEFAULT_EXPIRY_TIME};
use crate::cross::policy::{compile_profile, Policy, PolicyError};
use crate::profile::Profile;
use crate::report::{Explanation, ProfileReport, Report, ResponseReport, ValidRequest};
use std::sync::Arc;

/// A partner's account compiled once: the checks of the crate, run with its partner
/// [`Profile`], its own [`Policy`]s (after iDenfy's rules and the profile's declarative policies,
/// under the partner's codes), its policy for undocumented members and its default token
/// lifetime. Each call takes what varies per call, a [`Context`].
///
/// Cheap to clone (the compiled plan is shared), `Send` and `Sync`: build one per account at
/// start-up and share it between threads. [`Engine::default()`] has no profile and no policy:
/// the free functions ([`check`](crate::check), [`explain`](crate::explain), …) are that engine.
///
/// ```
/// use idenfy_preflight::{Context, Engine, Policy, Severity};
///
/// let engine = Engine::builder()
///     .policy(Policy::on("acme.locale", "locale")?.one_of(["lt", "en"]).warning())
///     .build()?;
/// let report = engine.check_str(r#"{"clientId": "c1", "locale": "DE"}"#, &Context::new());
/// assert!(report.is_valid()); // a warning
/// let v = &report.violations()[0];
/// assert_eq!((v.code_name(), v.severity()), ("acme.locale", Severity::Warning));
/// assert_eq!(v.params()["check"], "one_of");
/// # Ok::<(), idenfy_preflight::PolicyError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Engine {
    plan: Arc<Plan>,
}

/// What an engine compiled: the account, its settings and its checked policies.
#[derive(Debug)]
struct Plan {
    account: Option<Arc<Account>>,
    unknown_fields: UnknownFields,
    default_expiry_time: u32,
    policies: Vec<Policy>,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            account: None,
            unknown_fields: UnknownFields::Warn,
            default_expiry_time: DEFAULT_EXPIRY_TIME,
            policies: Vec::new(),
        }
    }
}

/// The settings of an [`Engine`], compiled by [`build`](Self::build). Made by
/// [`Engine::builder`].
///
/// ```
/// use idenfy_preflight::{Code, Context, Engine, UnknownFields};
///
/// let engine = Engine::builder()
///     .profile_file(br#"{"permissions": {"callbackOverride": false}}"#, &Context::new())?
///     .unknown_fields(UnknownFields::Deny)
///     .default_expiry_time(3600)
///     .build()?;
/// let report = engine.check_str(r#"{"clientId": "c1", "callbackUrl": "https://a.example/h"}"#, &Context::new());
/// assert_eq!(report.violations()[0].code(), Code::MissingPermission);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct EngineBuilder {
    profile: Option<Arc<Profile>>,
    policies: Vec<Policy>,
    unknown_fields: UnknownFields,
    default_expiry_time: u32,
}

impl Default for EngineBuilder {
    fn default() -> Self {
        EngineBuilder {
            profile: None,
            policies: Vec::new(),
            unknown_fields: UnknownFields::Warn,
            default_expiry_time: DEFAULT_EXPIRY_TIME,
        }
    }
}

impl EngineBuilder {
    /// Sets the partner profile, making the account-dependent rules precise. Its digit-string
    /// limit, where it states one, wins over [`default_expiry_time`](Self::default_expiry_time).
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine, Profile};
    /// use std::collections::BTreeSet;
    ///
    /// let mut profile = Profile::default();
    /// profile.locales = Some(BTreeSet::from(["lt".to_owned()]));
    /// let engine = Engine::builder().profile(profile).build()?;
    /// let report = engine.check_str(r#"{"clientId": "c1", "locale": "en"}"#, &Context::new());
    /// assert_eq!(report.violations()[0].code(), Code::UnsupportedLocale);
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn profile(mut self, profile: impl Into<Arc<Profile>>) -> Self {
        self.profile = Some(profile.into());
        self
    }

    /// Reads the partner profile from a profile file's bytes (see
    /// [`load_profile`](crate::load_profile); `ctx` gives the limits and whether values are
    /// shown), or gives its [`ProfileReport`] when it has errors. (A file's warnings are not
    /// kept: to show them, [`load_profile`](crate::load_profile) and [`profile`](Self::profile).)
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine};
    ///
    /// let refused = Engine::builder().profile_file(br#"{"nfcCountrys": ["LT"]}"#, &Context::new());
    /// let report = refused.unwrap_err();
    /// assert_eq!(report.violations()[0].code(), Code::UnknownField);
    /// assert!(report.violations()[0].message().ends_with("did you mean nfcCountries?"));
    /// ```
    ///
    /// # Errors
    ///
    /// The file's report, when the file is not a profile or one of its members is an error.
    pub fn profile_file(self, file: &[u8], ctx: &Context) -> Result<Self, ProfileReport> {
        let profile = super::profile::load(file, ctx).into_result()?;
        Ok(self.profile(profile))
    }

    /// Adds a policy of the partner's own; policies run in the order added, after the profile's.
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine, Policy};
    ///
    /// let engine = Engine::builder()
    ///     .policy(Policy::require("acme.names", ["firstName", "lastName"])?)
    ///     .build()?;
    /// let report = engine.check_str(r#"{"clientId": "c1", "firstName": "Ona"}"#, &Context::new());
    /// assert_eq!(report.violations()[0].code_name(), "acme.names");
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn policy(mut self, policy: Policy) -> Self {
        self.policies.push(policy);
        self
    }

    /// Sets the policy for members the catalogue does not know (default: a warning).
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine, UnknownFields};
    ///
    /// let engine = Engine::builder().unknown_fields(UnknownFields::Deny).build()?;
    /// let report = engine.check_str(r#"{"clientId": "c1", "zzz": 1}"#, &Context::new());
    /// assert!(!report.is_valid());
    /// assert_eq!(report.violations()[0].code(), Code::UnknownField);
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn unknown_fields(mut self, policy: UnknownFields) -> Self {
        self.unknown_fields = policy;
        self
    }

    /// Sets the account's default token lifetime in seconds (default
    /// [`DEFAULT_EXPIRY_TIME`](crate::DEFAULT_EXPIRY_TIME)): with `generateDigitString: true` the
    /// request may not ask for more, unless the profile states its own limit.
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine};
    ///
    /// let engine = Engine::builder().default_expiry_time(3600).build()?;
    /// let body = r#"{"clientId": "c1", "generateDigitString": true, "expiryTime": 7200}"#;
    /// let report = engine.check_str(body, &Context::new());
    /// assert_eq!(report.violations()[0].code(), Code::DigitStringExpiryTooLong);
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn default_expiry_time(mut self, seconds: u32) -> Self {
        self.default_expiry_time = seconds;
        self
    }

    /// Compiles the engine, once: every policy, the partner's own and the profile's, is checked
    /// here ([`Policy::checked`], [`Policy::from_spec`]), so a check never meets one that
    /// cannot apply.
    ///
    /// ```
    /// use idenfy_preflight::{Engine, Policy, PolicySpec, Profile};
    ///
    /// // A set of values on an integer member cannot apply.
    /// let mut profile = Profile::default();
    /// let mut spec = PolicySpec::default();
    /// spec.member = Some("expiryTime".into());
    /// spec.one_of = Some(["600".to_owned()].into());
    /// profile.policies.insert("acme.expiry".into(), spec);
    /// let refused = Engine::builder().profile(profile).build().unwrap_err();
    /// assert_eq!(refused.part, "oneOf");
    /// ```
    ///
    /// # Errors
    ///
    /// The first policy that cannot apply: the partner's own in the order added, then the
    /// profile's by code.
    pub fn build(self) -> Result<Engine, PolicyError> {
        let policies = self
            .policies
            .into_iter()
            .map(Policy::checked)
            .collect::<Result<Vec<_>, _>>()?;
        let account = match self.profile {
            Some(profile) => {
                let compiled = compile_profile(&profile)?;
                Some(Arc::new(Account::compile(profile).with_policies(compiled)))
            }
            None => None,
        };
        Ok(Engine {
            plan: Arc::new(Plan {
                account,
                unknown_fields: self.unknown_fields,
                default_expiry_time: self.default_expiry_time,
                policies,
            }),
        })
    }
}

impl Engine {
    /// The settings of an engine, to [`build`](EngineBuilder::build).
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine};
    ///
    /// let engine = Engine::builder().build()?;
    /// assert!(engine.profile().is_none() && engine.policies().is_empty());
    /// assert!(engine.check_str(r#"{"clientId": "c1"}"#, &Context::new()).is_valid());
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }

    /// The partner profile, if the engine has one.
    ///
    /// ```
    /// use idenfy_preflight::{Engine, Profile};
    ///
    /// let engine = Engine::builder().profile(Profile::default()).build()?;
    /// assert_eq!(engine.profile(), Some(&Profile::default()));
    /// assert_eq!(Engine::default().profile(), None);
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn profile(&self) -> Option<&Profile> {
        self.plan.account.as_deref().and_then(Account::profile)
    }

    /// The partner's own policies, in the order added.
    ///
    /// ```
    /// use idenfy_preflight::{Engine, Policy};
    ///
    /// let engine = Engine::builder().policy(Policy::require("acme.names", ["firstName"])?).build()?;
    /// assert_eq!(engine.policies()[0].code(), "acme.names");
    /// # Ok::<(), idenfy_preflight::PolicyError>(())
    /// ```
    pub fn policies(&self) -> &[Policy] {
        &self.plan.policies
    }

    /// The context the checks receive: the caller's, with this engine's account.
    pub(crate) fn context(&self, ctx: &Context) -> Context {
        let plan = &*self.plan;
        ctx.for_account(
            plan.account.as_ref(),
            plan.unknown_fields,
            plan.default_expiry_time,
        )
    }

    /// Checks a request body given as raw bytes (see [`check`](crate::check)).
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine};
    ///
    /// let engine = Engine::default();
    /// let report = engine.check(br#"{"clientId": "100000", "locale": "EN"}"#, &Context::new());
    /// assert_eq!(report.request().unwrap().to_json_string(), r#"{"clientId":"100000","locale":"en"}"#);
    /// ```
    pub fn check<'a>(&self, body: &'a [u8], ctx: &Context) -> Report<'a> {
        super::request::check_then(body, &self.context(ctx), &self.plan.policies, |_| ()).0
    }

    /// Checks a request body given as a string.
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine};
    ///
    /// let report = Engine::default().check_str(r#"{"clientId": "c1", "sex": "X"}"#, &Context::new());
    /// assert_eq!(report.violations()[0].code(), Code::InvalidValue);
    /// ```
    pub fn check_str<'a>(&self, body: &'a str, ctx: &Context) -> Report<'a> {
        self.check(body.as_bytes(), ctx)
    }

    /// Checks a request given as a `serde_json::Value` (see
    /// [`check_value`](crate::check_value)); a [`TokenRequest`](crate::TokenRequest) through
    /// its value.
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine, Policy, TokenRequest};
    ///
    /// let body = serde_json::json!({"clientId": "c1", "sex": "M"});
    /// assert!(Engine::default().check_value(&body, &Context::new()).is_valid());
    /// let engine = Engine::builder().policy(Policy::require("acme.names", ["lastName"])?).build()?;
    /// let typed = serde_json::to_value(TokenRequest::new("c1"))?;
    /// let report = engine.check_value(&typed, &Context::new());
    /// assert_eq!(report.violations()[0].pointer(), "/lastName");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_value(&self, body: &serde_json::Value, ctx: &Context) -> Report<'static> {
        self.check_serialized(body, ctx)
    }

    /// Checks anything that serializes to a request body (a typed request, for `validator`).
    #[cfg_attr(not(feature = "validator"), allow(dead_code))]
    pub(crate) fn check_serialized(
        &self,
        body: &impl serde::Serialize,
        ctx: &Context,
    ) -> Report<'static> {
        super::serialized(body, &self.context(ctx), &self.plan.policies)
    }

    /// Checks a request body and resolves every session setting (see
    /// [`explain`](crate::explain)).
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine, Provenance};
    ///
    /// let engine = Engine::builder()
    ///     .profile_file(br#"{"defaults": {"nfcRequired": true}}"#, &Context::new())?
    ///     .build()?;
    /// let e = engine.explain(br#"{"clientId": "c1"}"#, &Context::new());
    /// assert_eq!(e.setting("nfcRequired").unwrap().provenance, Provenance::ProfileDefault);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn explain<'a>(&self, body: &'a [u8], ctx: &Context) -> Explanation<'a> {
        super::explain::explain(body, &self.context(ctx), &self.plan.policies)
    }

    /// Checks a token response given as raw bytes (see
    /// [`check_response`](crate::check_response)); with a profile, what the response says of
    /// the account is compared with it.
    ///
    /// ```
    /// use idenfy_preflight::{Code, Context, Engine};
    ///
    /// let engine = Engine::builder()
    ///     .profile_file(br#"{"allowedDocuments": {"ALL": ["PASSPORT"]}}"#, &Context::new())?
    ///     .build()?;
    /// let body = br#"{"authToken": "t", "scanRef": "s", "tokenType": "DOCUMENT",
    ///                 "allowedDocuments": {"ALL": ["PASSPORT", "ID_CARD"]}}"#;
    /// let report = engine.check_response(body, None, &Context::new());
    /// assert!(report.violations().iter().any(|v| v.code() == Code::ProfileMismatch));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn check_response(
        &self,
        body: &[u8],
        request: Option<&ValidRequest<'_>>,
        ctx: &Context,
    ) -> ResponseReport {
        super::response::check(body, request, &self.context(ctx))
    }

    /// Checks a token response given as a string (see [`check_response`](Self::check_response)).
    ///
    /// ```
    /// use idenfy_preflight::{Context, Engine};
    ///
    /// let report = Engine::default().check_response_str(r#"{"authToken": "t"}"#, None, &Context::new());
    /// assert_eq!(report.errors().count(), 1); // scanRef is missing
    /// ```
    pub fn check_response_str(
        &self,
        body: &str,
        request: Option<&ValidRequest<'_>>,
        ctx: &Context,
    ) -> ResponseReport {
        self.check_response(body.as_bytes(), request, ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::PolicySpec;
    use crate::Code;

    const EXAMPLE: &[u8] = include_bytes!("../../examples/profile.json");

    fn codes(report: &Report<'_>) -> Vec<(String, Code)> {
        report
            .violations()
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code()))
            .collect()
    }

    /// An engine is built once and shared: cloned cheaply (the same plan), sent and shared
    /// between threads, each of which gets the reports one thread gets.
    #[test]
    fn an_engine_is_shared_between_threads() {
        fn shareable<T: Send + Sync + Clone + 'static>() {}
        shareable::<Engine>();
        shareable::<EngineBuilder>();
        let engine = Engine::builder()
            .profile_file(EXAMPLE, &Context::new())
            .expect("the example profile loads")
            .build()
            .expect("its policies apply");
        let copy = engine.clone();
        assert!(
            Arc::ptr_eq(&engine.plan, &copy.plan),
            "a clone shares the plan"
        );
        let body = br#"{"clientId": "c1", "locale": "es", "callbackUrl": "https://x.example/h"}"#;
        let ctx = Context::new();
        let alone = codes(&engine.check(body, &ctx));
        assert!(!alone.is_empty(), "the profile's rules apply");
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let engine = engine.clone();
                std::thread::spawn(move || codes(&engine.check(body, &Context::new())))
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().ok(), Some(alone.clone()));
        }
        // Borrowed by scoped threads, without a clone, too.
        std::thread::scope(|s| {
            let seen = s.spawn(|| codes(&engine.check(body, &ctx)));
            assert_eq!(seen.join().ok(), Some(alone.clone()));
        });
    }

    /// The account's settings are the engine's: a caller's context cannot carry them, and
    /// each check receives them whatever context it is given.
    #[test]
    fn the_engine_hands_its_account_to_every_check() {
        let engine = Engine::builder()
            .profile_file(br#"{"locales": ["lt"]}"#, &Context::new())
            .expect("loads")
            .unknown_fields(UnknownFields::Deny)
            .default_expiry_time(600)
            .build()
            .expect("no policy");
        let given = Context::new().with_show_values(true);
        let ctx = engine.context(&given);
        assert_eq!(ctx.unknown_fields, UnknownFields::Deny);
        assert_eq!(ctx.default_expiry_time, 600);
        assert!(ctx.profile().is_some_and(|p| p.locales.is_some()));
        assert!(ctx.show_values, "the caller's per-call settings are kept");
        let plain = Engine::default().context(&given);
        assert_eq!(plain, given, "the default engine adds nothing");
        let body = br#"{"clientId": "c1", "locale": "en", "zzz": 1, "generateDigitString": true, "expiryTime": 601}"#;
        let found: Vec<Code> = codes(&engine.check(body, &Context::new()))
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        for code in [
            Code::UnsupportedLocale,
            Code::UnknownField,
            Code::DigitStringExpiryTooLong,
        ] {
            assert!(found.contains(&code), "{code}: {found:?}");
        }
        let report = engine.check(body, &Context::new());
        let unknown = report
            .violations()
            .iter()
            .find(|v| v.code() == Code::UnknownField);
        assert!(unknown.is_some_and(|v| v.severity() == crate::Severity::Error));
        assert!(crate::check(body, &Context::new()).is_valid());
    }

    /// The partner's policies and the profile's are checked when the engine is built, not at
    /// each check: one that cannot apply is refused by `build`, whichever the source.
    #[test]
    fn a_policy_that_cannot_apply_is_refused_at_build() {
        let wrong = Policy::on("acme.expiry", "expiryTime")
            .expect("a member")
            .one_of(["600"]);
        let refused = Engine::builder().policy(wrong.clone()).build().err();
        assert_eq!(refused.map(|e| e.part), Some("oneOf"));
        let mut spec = PolicySpec {
            member: Some("expiryTime".into()),
            one_of: Some(["600".to_owned()].into()),
            ..PolicySpec::default()
        };
        let mut profile = Profile::default();
        profile.policies.insert("acme.expiry".into(), spec.clone());
        let refused = Engine::builder().profile(profile.clone()).build().err();
        assert_eq!(refused.map(|e| e.part), Some("oneOf"));
        // One that can apply is taken, from either source, and runs.
        spec.one_of = None;
        spec.max = Some(600);
        profile.policies.insert("acme.expiry".into(), spec);
        let engine = Engine::builder()
            .profile(profile)
            .policy(Policy::require("acme.names", ["lastName"]).expect("a member"))
            .build()
            .expect("both apply");
        let report = engine.check_str(r#"{"clientId": "c", "expiryTime": 601}"#, &Context::new());
        let mut found: Vec<&str> = report.violations().iter().map(|v| v.code_name()).collect();
        found.sort_unstable();
        assert_eq!(found, ["acme.expiry", "acme.names"]);
        // The first wrong one of the partner's own is named, in the order added.
        let first = Engine::builder()
            .policy(Policy::require("acme.ok", ["lastName"]).expect("a member"))
            .policy(wrong)
            .policy(Policy::on("acme.late", "locale").expect("a member").min(1))
            .build()
            .err();
        assert_eq!(first.map(|e| e.part), Some("oneOf"));
    }

    /// A profile file with errors gives its report, and no engine.
    #[test]
    fn a_profile_file_with_errors_is_refused_with_its_report() {
        let refused = Engine::builder().profile_file(br#"{"flow": "popup"}"#, &Context::new());
        let report = refused.expect_err("refused");
        assert!(!report.is_valid() && report.profile().is_none());
        let limits = crate::Limits {
            max_bytes: 4,
            ..crate::Limits::default()
        };
        let small = Context::new().with_limits(limits);
        let refused = Engine::builder().profile_file(br#"{"flow": "iframe"}"#, &small);
        let report = refused.expect_err("too large under the context's limits");
        assert_eq!(report.violations()[0].code(), Code::DocumentTooLarge);
    }

    /// Building compiles the profile's policies once: they are there before the first check,
    /// the same as a context carrying the profile compiles on its first.
    #[test]
    fn the_profile_policies_are_compiled_when_the_engine_is_built() {
        let profile = crate::load_profile(EXAMPLE, &Context::new())
            .into_result()
            .expect("loads");
        assert!(
            !profile.policies.is_empty(),
            "the example declares policies"
        );
        let engine = Engine::builder()
            .profile(profile.clone())
            .build()
            .expect("applies");
        let account = engine.plan.account.as_deref().expect("has a profile");
        let built = account.compiled_policies().expect("compiled by build()");
        let lazy = Context::new().with_profile(profile);
        assert_eq!(lazy.account().compiled_policies(), None);
        assert_eq!(crate::cross::policy::profile_policies(&lazy), built);
        assert_eq!(
            built.len(),
            engine.profile().map_or(0, |p| p.policies.len())
        );
    }

    /// Every entry point of the engine is the free function's with the engine's account: the
    /// default engine gives the free functions' reports, and an engine with a profile the
    /// reports of a context carrying that profile (the old `Context::with_profile` path).
    #[test]
    fn every_entry_point_matches_the_free_functions() {
        let profile = crate::load_profile(EXAMPLE, &Context::new())
            .into_result()
            .expect("loads");
        let with = Engine::builder()
            .profile(profile.clone())
            .build()
            .expect("applies");
        let today = time::Date::from_calendar_date(2026, time::Month::December, 1).ok();
        let ctx = Context {
            today,
            ..Context::new()
        };
        let old = ctx.clone().with_profile(profile);
        let bodies: [&[u8]; 4] = [
            br#"{"clientId": "c1", "locale": "es", "country": "US", "nfcRequired": true}"#,
            br#"{"clientId": "c1", "firstName": "Ona", "lastName": "Jonaite"}"#,
            b"not json",
            include_bytes!("../../examples/docs-request.json"),
        ];
        let response = include_bytes!("../../examples/docs-response.json");
        for body in bodies {
            for (engine, ctx) in [(&Engine::default(), &ctx), (&with, &old)] {
                let plain = &Context {
                    account: None,
                    ..ctx.clone()
                };
                assert_eq!(engine.check(body, plain), crate::check(body, ctx));
                let text = String::from_utf8_lossy(body);
                assert_eq!(engine.check_str(&text, plain), crate::check_str(&text, ctx));
                if let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) {
                    assert_eq!(
                        engine.check_value(&value, plain),
                        crate::check_value(&value, ctx)
                    );
                }
                let (mine, theirs) = (engine.explain(body, plain), crate::explain(body, ctx));
                assert_eq!(mine.report(), theirs.report());
                assert_eq!(mine.to_json_pretty(), theirs.to_json_pretty());
                let request = crate::check(body, ctx);
                assert_eq!(
                    engine.check_response(response, request.request(), plain),
                    crate::check_response(response, request.request(), ctx)
                );
                let text = String::from_utf8_lossy(response);
                assert_eq!(
                    engine.check_response_str(&text, None, plain),
                    crate::check_response_str(&text, None, ctx)
                );
            }
        }
    }
}
