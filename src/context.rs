//! Everything a check needs that is not in the request body.
//!
//! The library reads no clock, file or environment: the caller passes today's date and the
//! account-dependent settings here, so the same body and the same `Context` always give the same
//! report.

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

/// Inputs of a check that do not come from the request body.
///
/// ```
/// use idenfy_preflight::{Context, Date, Month, UnknownFields};
///
/// let today = Date::from_calendar_date(2026, Month::November, 25)?;
/// let ctx = Context::new()
///     .with_today(today)
///     .with_unknown_fields(UnknownFields::Deny);
/// assert_eq!(ctx.today, Some(today));
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
    /// Policy for members the catalogue does not know.
    pub unknown_fields: UnknownFields,
    /// The account's default `expiryTime` in seconds; with `generateDigitString: true` the
    /// request may not ask for more (default 86400).
    pub default_expiry_time: u32,
    /// Copy the offending input value into each violation (`value`), and show what is derived
    /// from a personal member's value (its suggestion, in the message and in `params`). Off by
    /// default because names, dates and document numbers are personal data.
    pub show_values: bool,
    /// What the partner knows of its account, compiled once when set; without it (or where it
    /// leaves a part out), the rules that depend on the account assume nothing. Shared, so a
    /// context is cheap to clone.
    pub(crate) account: Option<Arc<Account>>,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            today: None,
            limits: Limits::default(),
            unknown_fields: UnknownFields::Warn,
            default_expiry_time: DEFAULT_EXPIRY_TIME,
            show_values: false,
            account: None,
        }
    }
}

impl Context {
    /// The defaults: no date, default limits, unknown fields warned about, values hidden.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets today's date, enabling the date-relative rules.
    pub fn with_today(mut self, today: Date) -> Self {
        self.today = Some(today);
        self
    }

    /// Sets the resource limits.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets the unknown-field policy.
    pub fn with_unknown_fields(mut self, policy: UnknownFields) -> Self {
        self.unknown_fields = policy;
        self
    }

    /// Sets the account's default token lifetime in seconds.
    pub fn with_default_expiry_time(mut self, seconds: u32) -> Self {
        self.default_expiry_time = seconds;
        self
    }

    /// Sets the partner profile, making the account-dependent rules precise. Its digit-string
    /// limit, where it states one, wins over [`default_expiry_time`](Self::default_expiry_time).
    pub fn with_profile(mut self, profile: impl Into<Arc<Profile>>) -> Self {
        self.account = Some(Arc::new(Account::compile(profile.into())));
        self
    }

    /// The partner profile, if one was set.
    pub fn profile(&self) -> Option<&Profile> {
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

    /// Opts in to copying input values into violations, and to what is derived from personal
    /// ones (suggestions); see [`show_values`](Self::show_values).
    pub fn with_show_values(mut self, show: bool) -> Self {
        self.show_values = show;
        self
    }
}
