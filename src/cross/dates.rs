//! Birth, issue and expiry dates against each other and against today.

use crate::catalogue::{member, Member};
use crate::engine::Walk;
use crate::violation::{Code, Finding};

const DATE_OF_BIRTH: Member = member("dateOfBirth");
const DATE_OF_ISSUE: Member = member("dateOfIssue");
const DATE_OF_EXPIRY: Member = member("dateOfExpiry");

pub(super) fn check(walk: &mut Walk<'_>) {
    let birth = walk.facts.date(DATE_OF_BIRTH).map(|(d, f)| (d, f.loc()));
    let issue = walk.facts.date(DATE_OF_ISSUE).map(|(d, f)| (d, f.loc()));
    let expiry = walk.facts.date(DATE_OF_EXPIRY).map(|(d, f)| (d, f.loc()));

    if let (Some((i, at)), Some((e, _))) = (&issue, &expiry) {
        if i > e {
            let f = Finding::error(Code::IssuedAfterExpiry, "dateOfIssue is after dateOfExpiry");
            walk.report(at, f, None);
        }
    }
    if let (Some((b, at)), Some((i, _))) = (&birth, &issue) {
        if b > i {
            let f = Finding::error(Code::BornAfterIssue, "dateOfBirth is after dateOfIssue");
            walk.report(at, f, None);
        }
    }
    // Without today's date the library cannot know; it reads no clock.
    let Some(today) = walk.ctx.today else { return };
    for (name, date) in [("dateOfBirth", &birth), ("dateOfIssue", &issue)] {
        if let Some((d, at)) = date {
            if *d > today {
                let f = Finding::error(Code::DateInFuture, format!("{name} is in the future"));
                walk.report(at, f, None);
            }
        }
    }
    if let Some((e, at)) = &expiry {
        if *e < today {
            let f = Finding::warning(
                Code::DocumentExpired,
                "dateOfExpiry is in the past: the document has expired and the verification will likely be denied",
            );
            walk.report(at, f, None);
        }
    }
}
