//! The partner's account as the checks read it: the [`Profile`] a caller gave, compiled once when
//! it is attached, so that no check re-reads or re-normalizes it.
//!
//! Every rule that depends on the account reads it through [`Account`] (from
//! `Context::account`), never through the caller's `Profile` value directly: this is the one
//! place where what the account knows is turned into what the rules look up.

use crate::profile::Profile;
use std::sync::Arc;

/// An account compiled for checking. Without a profile, it knows nothing, and every rule that
/// depends on the account assumes nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Account {
    profile: Option<Arc<Profile>>,
}

/// The account that knows nothing (no partner profile).
pub(crate) static UNKNOWN: Account = Account { profile: None };

impl Account {
    /// Compiles `profile` for checking.
    pub(crate) fn compile(profile: Arc<Profile>) -> Self {
        Account {
            profile: Some(profile),
        }
    }

    /// The profile as the caller gave it, if any.
    pub(crate) fn profile(&self) -> Option<&Profile> {
        self.profile.as_deref()
    }
}
