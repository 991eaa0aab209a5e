//! The echo: every member of the request that the response changed or left out.

use super::Echoed;
use crate::check::Checker;
use crate::diag::loc::{Place, ROOT};
use crate::diag::{Finding, Kind};
use crate::json::eq::same_value;
use crate::report::ValidRequest;
use crate::spec::catalogue;

/// Reports every member of `request` that the response changed or left out (warnings: the
/// server answers with what it stored, and the verification runs with that).
pub(super) fn compare(
    checker: &mut Checker<'_>,
    request: &ValidRequest<'_>,
    echoed: &[Echoed<'_>],
) {
    for (name, sent) in request.members() {
        // A response may echo a member under a legacy name (personScanRef for clientId).
        let aliases = catalogue::get(name).map_or(&[][..], |f| f.aliases);
        let found = echoed
            .iter()
            .find(|e| e.name == name)
            .or_else(|| echoed.iter().find(|e| aliases.iter().any(|a| e.name == *a)));
        match found {
            None => {
                let f = Finding::warning(Kind::EchoDropped {
                    field: name.to_owned(),
                });
                checker.report_at(&Place::missing(name), f);
            }
            Some(e) if !same_value(sent, &e.value) => {
                let f = Finding::warning(Kind::EchoChanged {
                    field: name.to_owned(),
                    sent: sent.json_type(),
                    echoed: e.value.json_type(),
                });
                checker.report(&ROOT.key(&e.name, e.position), f, Some(&e.value));
            }
            Some(_) => {}
        }
    }
}
