//! An engine instance: a context and the partner's own policies, checked together so that every
//! violation, iDenfy's and the partner's, lands in one report.

use crate::context::Context;
use crate::cross::policy::Policy;
use crate::report::{Explanation, Report};

/// A [`Context`] with the partner's own [`Policy`]s, which every check runs after iDenfy's rules
/// (and after the partner profile's declarative policies), reporting under the partner's codes.
///
/// ```
/// use idenfy_preflight::{Context, Engine, Policy, Severity};
///
/// let engine = Engine::new(Context::new())
///     .with_policy(Policy::on("acme.locale", "locale")?.one_of(["lt", "en"]).warning())?;
/// let report = engine.check_str(r#"{"clientId": "c1", "locale": "DE"}"#);
/// assert!(report.is_valid()); // a warning
/// let v = &report.violations()[0];
/// assert_eq!((v.code_name(), v.severity()), ("acme.locale", Severity::Warning));
/// assert_eq!(v.params()["check"], "one_of");
/// # Ok::<(), idenfy_preflight::PolicyError>(())
/// ```
#[derive(Clone, Debug, Default)]
pub struct Engine {
    ctx: Context,
    policies: Vec<Policy>,
}

impl Engine {
    /// An engine checking under `ctx`, with no policy of its own yet.
    pub fn new(ctx: Context) -> Self {
        Engine {
            ctx,
            policies: Vec::new(),
        }
    }

    /// Adds a policy, if it can apply ([`Policy::checked`]); policies run in the order added.
    pub fn with_policy(mut self, policy: Policy) -> Result<Self, crate::PolicyError> {
        self.policies.push(policy.checked()?);
        Ok(self)
    }

    /// The context.
    pub fn context(&self) -> &Context {
        &self.ctx
    }

    /// The policies added, in order.
    pub fn policies(&self) -> &[Policy] {
        &self.policies
    }

    /// Checks a body given as raw bytes (see [`check`](crate::check)).
    pub fn check<'a>(&self, body: &'a [u8]) -> Report<'a> {
        super::request::check_then(body, &self.ctx, &self.policies, |_| ()).0
    }

    /// Checks a body given as a string.
    pub fn check_str<'a>(&self, body: &'a str) -> Report<'a> {
        self.check(body.as_bytes())
    }

    /// Checks a request given as a `serde_json::Value` (see [`check_value`](crate::check_value)).
    pub fn check_value(&self, body: &serde_json::Value) -> Report<'static> {
        super::serialized(body, &self.ctx, &self.policies)
    }

    /// Checks a body and resolves every setting (see [`explain`](crate::explain)).
    pub fn explain<'a>(&self, body: &'a [u8]) -> Explanation<'a> {
        super::explain::explain(body, &self.ctx, &self.policies)
    }
}
