//! Reading a partner profile file: the same reader and object walker as a request, against the
//! profile's declaration, then the typed [`Profile`] built from what passed.

use super::Checker;
use crate::context::Context;
use crate::diag::loc::ROOT;
use crate::diag::{Document, Finding, Kind};
use crate::profile::Profile;
use crate::report::ProfileReport;
use crate::spec::profile::PROFILE;

/// Reads and checks the profile file `input`; the profile only if nothing was an error.
pub(crate) fn load(input: &[u8], ctx: &Context) -> ProfileReport {
    let mut checker = Checker::new(ctx);
    let Some(members) = checker.read_object(input, Document::Profile) else {
        return ProfileReport::new(None, checker.into_sink());
    };
    let checked = checker.object(&PROFILE, members, &ROOT);
    if checker.errors() > 0 {
        return ProfileReport::new(None, checker.into_sink());
    }
    // Every member passed its declaration, so the typed value reads it (a member that is
    // `null` is unknown, as if left out); should the two ever disagree, the file is refused
    // with the reason rather than half-read.
    let mut typed = checked.to_serde();
    if let serde_json::Value::Object(members) = &mut typed {
        members.retain(|_, v| !v.is_null());
    }
    match serde_json::from_value::<Profile>(typed) {
        Ok(profile) => ProfileReport::new(Some(profile), checker.into_sink()),
        Err(e) => {
            let f = Finding::error(Kind::NotSerializable {
                reason: e.to_string(),
            });
            checker.report(&ROOT, f, None);
            ProfileReport::new(None, checker.into_sink())
        }
    }
}
