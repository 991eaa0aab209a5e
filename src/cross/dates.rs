//! Birth, issue and expiry dates against each other and against today.
//!
//! "Today" is the caller's date in UTC, and a client ahead of UTC (Asia, Oceania) is already on
//! tomorrow's date: a document issued "tomorrow" by UTC, or that expired "yesterday", may be
//! right where it was issued. So a date counts as in the future, or as expired, only beyond
//! [`TOLERANCE_DAYS`].

use crate::catalogue::{member, Member, PLAUSIBLE_AGE};
use crate::engine::Walk;
use crate::violation::{Code, Finding};
use time::{Date, Duration};

const DATE_OF_BIRTH: Member = member("dateOfBirth");
const DATE_OF_ISSUE: Member = member("dateOfIssue");
const DATE_OF_EXPIRY: Member = member("dateOfExpiry");

/// Days a date may lie after today (or an expiry before today) for time zones ahead of (or
/// behind) UTC, where the date is already (or still) another.
pub const TOLERANCE_DAYS: i64 = 1;

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
    if let (Some((b, _)), Some((e, at))) = (&birth, &expiry) {
        if e < b {
            let f = Finding::error(
                Code::ExpiryBeforeBirth,
                "dateOfExpiry is before dateOfBirth, so one of them is wrong",
            );
            walk.report(at, f, None);
        }
    }
    // Without today's date the library cannot know; it reads no clock.
    let Some(today) = walk.ctx.today else { return };
    let tolerance = Duration::days(TOLERANCE_DAYS);
    let latest = today.checked_add(tolerance).unwrap_or(Date::MAX);
    for (name, date) in [("dateOfBirth", &birth), ("dateOfIssue", &issue)] {
        if let Some((d, at)) = date {
            if *d > latest {
                let f = Finding::error(
                    Code::DateInFuture,
                    format!("{name} is in the future (more than {TOLERANCE_DAYS} day after today, which allows for time zones)"),
                )
                .with("tolerance_days", TOLERANCE_DAYS);
                walk.report(at, f, None);
            }
        }
    }
    if let Some((b, at)) = &birth {
        if *b < years_before(today, PLAUSIBLE_AGE) {
            let f = Finding::warning(
                Code::ImplausibleValue,
                format!("dateOfBirth is more than {PLAUSIBLE_AGE} years ago: probably a typo in the year"),
            )
            .with("plausible_max", PLAUSIBLE_AGE);
            walk.report(at, f, None);
        }
    }
    if let Some((e, at)) = &expiry {
        let earliest = today.checked_sub(tolerance).unwrap_or(Date::MIN);
        if *e < earliest {
            let f = Finding::warning(
                Code::DocumentExpired,
                "dateOfExpiry is in the past: the document has expired and the verification will likely be denied",
            )
            .with("tolerance_days", TOLERANCE_DAYS);
            walk.report(at, f, None);
        }
    }
}

/// The same day `years` years before `date` (28 February for a 29 February that year lacks).
fn years_before(date: Date, years: i64) -> Date {
    let year = i32::try_from(i64::from(date.year()) - years).unwrap_or(i32::MIN);
    date.replace_year(year)
        .or_else(|_| date.replace_day(28).and_then(|d| d.replace_year(year)))
        .unwrap_or(Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn years_before_handles_leap_days() {
        assert_eq!(
            years_before(date!(2026 - 12 - 01), 150),
            date!(1876 - 12 - 01)
        );
        assert_eq!(
            years_before(date!(2024 - 02 - 29), 1),
            date!(2023 - 02 - 28)
        );
        assert_eq!(
            years_before(date!(2024 - 02 - 29), 4),
            date!(2020 - 02 - 29)
        );
    }
}
