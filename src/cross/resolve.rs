//! The one resolver of effective values: what a member runs with in the session, and where that
//! comes from. The checker's rules (over [`Facts`](super::Facts)), the generators (over a request
//! as JSON) and `explain` all ask it, so "left out means the partner profile's default" is
//! stated once.

use crate::account::Account;
use crate::spec::catalogue::MemberId;
use serde::Serialize;

/// Where the value a session runs with comes from (see [`explain`](crate::explain)).
///
/// ```
/// use idenfy_preflight::{explain, Context, Provenance};
///
/// let e = explain(br#"{"clientId": "c1", "tokenType": "DOCUMENT", "checkLiveness": true}"#, &Context::new());
/// let liveness = e.setting("checkLiveness").map(|s| s.provenance);
/// assert_eq!(liveness, Some(Provenance::Forced { by: "tokenType" }));
/// assert_eq!(Provenance::ProfileDefault.describe(), "profile default");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "source")]
#[non_exhaustive]
pub enum Provenance {
    /// The request sets it.
    Request,
    /// The account's default: the partner profile's dashboard default (or, for `expiryTime`,
    /// its default expiry, or the context's where it is not the documented one).
    ProfileDefault,
    /// The API's documented default, for a setting the dashboard cannot preset (`expiryTime`,
    /// `sessionLength`: the environment's, documented 86400 and 1800).
    ApiDefault,
    /// Another setting decides it, whatever it is set to (`autoFaceMatching` false turns off
    /// five checks).
    Forced {
        /// The member that decides it.
        by: &'static str,
    },
    /// A feature the partner profile's environment does not offer: off, whatever the account's
    /// dashboard says.
    NotInEnvironment,
    /// The account decides, and no partner profile says how.
    Unknown,
}

impl Provenance {
    /// A few words for a table: `request`, `profile default`, `forced by autoFaceMatching`.
    pub fn describe(self) -> String {
        match self {
            Provenance::Request => "request".into(),
            Provenance::ProfileDefault => "profile default".into(),
            Provenance::ApiDefault => "API default".into(),
            Provenance::Forced { by } => format!("forced by {by}"),
            Provenance::NotInEnvironment => "not in the environment (profile features)".into(),
            Provenance::Unknown => "unknown: the account decides".into(),
        }
    }

    /// The value is the partner profile's default (what a rule's `by_default` parameter says).
    pub(crate) fn by_default(self) -> bool {
        self == Provenance::ProfileDefault
    }
}

/// What a request says of a member, in either data model: the checker's facts (scalars that
/// passed the member's own rules) or the generators' JSON.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Said<'r> {
    /// Left out.
    Absent,
    /// `null`.
    Null,
    Bool(bool),
    Int(i64),
    /// A closed-set value or a string.
    Str(&'r str),
    /// A JSON value (the generators' requests, and the profile's defaults).
    Json(&'r serde_json::Value),
    /// Present, but of another shape, or invalid.
    Other,
}

impl<'r> Said<'r> {
    /// What the JSON member `v` (if any) says.
    pub(crate) fn json(v: Option<&'r serde_json::Value>) -> Self {
        match v {
            None => Said::Absent,
            Some(serde_json::Value::Null) => Said::Null,
            Some(v) => Said::Json(v),
        }
    }

    pub(crate) fn as_bool(self) -> Option<bool> {
        match self {
            Said::Bool(b) => Some(b),
            Said::Json(v) => v.as_bool(),
            _ => None,
        }
    }

    pub(crate) fn as_int(self) -> Option<i64> {
        match self {
            Said::Int(i) => Some(i),
            Said::Json(v) => v.as_i64(),
            _ => None,
        }
    }

    pub(crate) fn as_json(self) -> Option<&'r serde_json::Value> {
        match self {
            Said::Json(v) => Some(v),
            _ => None,
        }
    }

    pub(crate) fn as_str(self) -> Option<&'r str> {
        match self {
            Said::Str(s) => Some(s),
            Said::Json(v) => v.as_str(),
            _ => None,
        }
    }
}

/// A member's value as the session runs with it, and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Effective<'r> {
    pub(crate) value: Said<'r>,
    pub(crate) from: Provenance,
}

/// The member `m` as the session runs with it, as the rules between members read it: what the
/// request says (`null` is the default's, but where `null` is a value of its own:
/// `questionnaire: null` is "none"), else the account's dashboard default (a `null` default only
/// where `null` is a value); `None` where neither says. The API's documented default decides no
/// rule: where the dashboard can preset a member, the account's setting is unknown without a
/// profile.
pub(crate) fn resolve<'r>(
    m: MemberId,
    said: Said<'r>,
    account: &'r Account,
) -> Option<Effective<'r>> {
    let null_disables = m.member().null_disables;
    match said {
        Said::Absent => {}
        Said::Null if !null_disables => {}
        value => {
            return Some(Effective {
                value,
                from: Provenance::Request,
            })
        }
    }
    let default = account.default(m)?;
    (!default.is_null() || null_disables).then_some(Effective {
        value: Said::json(Some(default)),
        from: Provenance::ProfileDefault,
    })
}
