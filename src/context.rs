//! Everything a check needs that is not in the request body.
//!
//! The library reads no clock, file or environment: the caller passes today's date here (and
//! the account-dependent settings to an [`Engine`](crate::Engine)), so the same body, engine and
//! `Context` always give the same report.

use crate::account::{Account, UNKNOWN};
use crate::profile::Profile;
use std::sync::Arc;
use time::Date;

/// What to do with a top-level member the catalogue does not know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnknownFields {
    /// Report a warning (with a "did you mean" suggestion) and pass the member through unchanged.
    #[default]
    Warn,
    /// Report an error: the request is invalid while it carries a member the API does not document.
    Deny,
}

/// Resource limits that protect a service linking the crate against hostile input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted document, in bytes (default 1 MiB).
    pub max_bytes: usize,
    /// Deepest accepted nesting of arrays and objects (default 32; values above 127 act as 127,
    /// the limit of the JSON reader itself).
    pub max_depth: usize,
    /// Longest violation list; past it the list ends with one `too_many_violations` entry
    /// (default 256).
    pub max_violations: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 1024 * 1024,
            max_depth: 32,
            max_violations: 256,
        }
    }
}

/// The default token lifetime of an iDenfy account, in seconds, as documented.
pub const DEFAULT_EXPIRY_TIME: u32 = 86_400;

/// The longest token lifetime the token page allows for `expiryTime`, in seconds (30 days):
/// the bound of a profile's `defaultExpiryTime` too.
pub const MAX_EXPIRY_TIME: u32 = 2_592_000;

/// What varies from one check to the next: today's date, the resource limits, and whether
/// values may be shown. What belongs to the account (its partner profile, its policies, the
/// unknown-field policy, its default token lifetime) is set once on an
/// [`Engine`](crate::Engine) instead.
///
/// ```
/// use idenfy_preflight::{Context, Date, Engine, Month, UnknownFields};
///
/// let today = Date::from_calendar_date(2026, Month::November, 25)?;
/// let ctx = Context::new().with_today(today).with_show_values(true);
/// assert_eq!(ctx.today, Some(today));
/// let engine = Engine::builder().unknown_fields(UnknownFields::Deny).build()?;
/// assert!(!engine.check_str(r#"{"clientId": "c1", "zzz": 1}"#, &ctx).is_valid());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Context {
    /// Today's date. Without it, rules relative to today (future birth date, expired document)
    /// are skipped; rules between two dates of the body still run.
    pub today: Option<Date>,
    /// Size, depth and violation-count limits.
    pub limits: Limits,
    /// Copy the offending input value into each violation (`value`), and show what is derived
    /// from a personal member's value (its suggestion, in the message and in `params`). Off by
    /// default because names, dates and document numbers are personal data.
    pub show_values: bool,
    // The account-level settings, set only by an engine (which hands the checks a context
    // carrying its own; a caller's context always has the defaults): the checks read the
    // account through this one value.
    /// Policy for members the catalogue does not know.
    pub(crate) unknown_fields: UnknownFields,
    /// The account's default `expiryTime` in seconds; with `generateDigitString: true` the
    /// request may not ask for more (default 86400).
    pub(crate) default_expiry_time: u32,
    /// What the partner knows of its account, compiled once by the engine; without it (or
    /// where it leaves a part out), the rules that depend on the account assume nothing.
    /// Shared, so a context is cheap to clone.
    pub(crate) account: Option<Arc<Account>>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            today: None,
            limits: Limits::default(),
            show_values: false,
            unknown_fields: UnknownFields::Warn,
            default_expiry_time: DEFAULT_EXPIRY_TIME,
            account: None,
        }
    }
}

impl Context {
    /// The defaults: no date, default limits, values hidden.
    ///
    /// ```
    /// use idenfy_preflight::{Context, Limits};
    ///
    /// let ctx = Context::new();
    /// assert_eq!((ctx.today, ctx.limits, ctx.show_values), (None, Limits::default(), false));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets today's date, enabling the date-relative rules.
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Code, Context, Date, Month};
    ///
    /// let body = r#"{"clientId": "c1", "dateOfBirth": "2030-01-01"}"#;
    /// assert!(check_str(body, &Context::new()).is_valid());
    /// let ctx = Context::new().with_today(Date::from_calendar_date(2026, Month::November, 25)?);
    /// assert_eq!(check_str(body, &ctx).violations()[0].code(), Code::DateInFuture);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with_today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// Sets the resource limits.
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Code, Context, Limits};
    ///
    /// let ctx = Context::new().with_limits(Limits { max_bytes: 8, ..Limits::default() });
    /// let report = check_str(r#"{"clientId": "c1"}"#, &ctx);
    /// assert_eq!(report.violations()[0].code(), Code::DocumentTooLarge);
    /// ```
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Opts in to copying input values into violations, and to what is derived from personal
    /// ones (suggestions); see [`show_values`](Self::show_values).
    ///
    /// ```
    /// use idenfy_preflight::{check_str, Context};
    ///
    /// let ctx = Context::new().with_show_values(true);
    /// let report = check_str(r#"{"clientId": "c1", "sex": "X"}"#, &ctx);
    /// assert_eq!(report.violations()[0].value(), Some(&serde_json::json!("X")));
    /// ```
    pub fn with_show_values(mut self, show: bool) -> Self {
        self.show_values = show;
        self
    }

    /// This context with the account-level settings of an engine (its compiled account, its
    /// unknown-field policy and default token lifetime): what the checks receive.
    pub(crate) fn for_account(
        &self,
        account: Option<&Arc<Account>>,
        unknown_fields: UnknownFields,
        default_expiry_time: u32,
    ) -> Context {
        Context {
            today: self.today,
            limits: self.limits,
            show_values: self.show_values,
            unknown_fields,
            default_expiry_time,
            account: account.cloned(),
        }
    }

    /// This context with `profile` compiled into it (the internal tests' and the profile
    /// self-check's shortcut for an engine with that profile).
    pub(crate) fn with_profile(mut self, profile: impl Into<Arc<Profile>>) -> Self {
        self.account = Some(Arc::new(Account::compile(profile.into())));
        self
    }

    /// The partner profile, if the engine has one.
    pub(crate) fn profile(&self) -> Option<&Profile> {
        self.account().profile()
    }

    /// The account the checks read (the profile compiled once).
    pub(crate) fn account(&self) -> &Account {
        self.account.as_deref().unwrap_or(&UNKNOWN)
    }

    /// The digit-string expiry limit in seconds: the profile's where it states one.
    pub(crate) fn digit_string_limit(&self) -> (u32, bool) {
        match self.profile().and_then(Profile::digit_string_limit) {
            Some(max) => (max, true),
            None => (self.default_expiry_time, false),
        }
    }
}
