//! Birth, issue and expiry dates against each other and against today.
//!
//! "Today" is the caller's date in UTC, and a client ahead of UTC (Asia, Oceania) is already on
//! tomorrow's date: a document issued "tomorrow" by UTC, or that expired "yesterday", may be
//! right where it was issued. So a date counts as in the future, or as expired, only beyond
//! [`TOLERANCE_DAYS`].

use super::{report_at, Facts};
use super::{CrossMiss, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Implausible, Kind};
use crate::spec::catalogue::{member, MemberId, PLAUSIBLE_AGE};
use time::{Date, Duration};

const DATE_OF_BIRTH: MemberId = member("dateOfBirth");
const DATE_OF_ISSUE: MemberId = member("dateOfIssue");
const DATE_OF_EXPIRY: MemberId = member("dateOfExpiry");

pub(super) const RULE: super::vocab::Custom = super::vocab::Custom {
    reads: super::vocab::reads(&[DATE_OF_BIRTH, DATE_OF_ISSUE, DATE_OF_EXPIRY]),
    check,
    schema: None,
    involves: &[DATE_OF_BIRTH, DATE_OF_ISSUE, DATE_OF_EXPIRY],
    keep,
    misses,
};

/// Days a date may lie after today (or an expiry before today) for time zones ahead of (or
/// behind) UTC, where the date is already (or still) another.
pub const TOLERANCE_DAYS: i64 = 1;

fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let birth = facts.date(DATE_OF_BIRTH);
    let issue = facts.date(DATE_OF_ISSUE);
    let expiry = facts.date(DATE_OF_EXPIRY);

    if let (Some((i, at)), Some((e, _))) = (issue, expiry) {
        if i > e {
            report_at(
                out,
                DATE_OF_ISSUE,
                at,
                Finding::warning(Kind::IssuedAfterExpiry),
            );
        }
    }
    if let (Some((b, at)), Some((i, _))) = (birth, issue) {
        if b > i {
            report_at(
                out,
                DATE_OF_BIRTH,
                at,
                Finding::warning(Kind::BornAfterIssue),
            );
        }
    }
    if let (Some((b, _)), Some((e, at))) = (birth, expiry) {
        if e < b {
            report_at(
                out,
                DATE_OF_EXPIRY,
                at,
                Finding::warning(Kind::ExpiryBeforeBirth),
            );
        }
    }
    // Without today's date the library cannot know; it reads no clock.
    let Some(today) = ctx.today else { return };
    let tolerance = Duration::days(TOLERANCE_DAYS);
    let latest = today.checked_add(tolerance).unwrap_or(Date::MAX);
    for (m, date) in [(DATE_OF_BIRTH, birth), (DATE_OF_ISSUE, issue)] {
        if let Some((d, at)) = date {
            if d > latest {
                let f = Finding::warning(Kind::DateInFuture {
                    tolerance_days: TOLERANCE_DAYS,
                });
                report_at(out, m, at, f);
            }
        }
    }
    if let Some((b, at)) = birth {
        if b < years_before(today, PLAUSIBLE_AGE) {
            let f = Finding::warning(Kind::ImplausibleValue {
                what: Implausible::BirthDate,
                plausible_max: PLAUSIBLE_AGE,
            });
            report_at(out, DATE_OF_BIRTH, at, f);
        }
    }
    if let Some((e, at)) = expiry {
        let earliest = today.checked_sub(tolerance).unwrap_or(Date::MIN);
        if e < earliest {
            let f = Finding::warning(Kind::DocumentExpired {
                tolerance_days: TOLERANCE_DAYS,
            });
            report_at(out, DATE_OF_EXPIRY, at, f);
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

/// `d` written YYYY-MM-DD, as a request holds it.
pub(super) fn ymd(d: Date) -> serde_json::Value {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()).into()
}

/// The dates given are put in order (birth, issue, expiry), then, with today's date, birth and
/// issue no later than today, birth within a plausible age, and expiry no earlier than
/// yesterday (the tolerance: an expiry yesterday is clean, and left alone).
fn keep(members: &mut Members, ctx: &Context) {
    let order = [DATE_OF_BIRTH, DATE_OF_ISSUE, DATE_OF_EXPIRY];
    let given: Vec<(MemberId, Date)> = order
        .iter()
        .filter_map(|&m| {
            let text = members.get(m.name())?.as_str()?;
            crate::spec::rules::date::parse(text).ok().map(|d| (m, d))
        })
        .collect();
    let mut dates: Vec<Date> = given.iter().map(|(_, d)| *d).collect();
    dates.sort_unstable();
    for ((m, _), mut d) in given.iter().zip(dates) {
        if let Some(today) = ctx.today {
            d = if *m == DATE_OF_EXPIRY {
                let earliest = today.checked_sub(Duration::days(TOLERANCE_DAYS));
                d.max(earliest.unwrap_or(today))
            } else {
                d.clamp(years_before(today, PLAUSIBLE_AGE), today)
            };
        }
        members.insert(m.name().into(), ymd(d));
    }
}

fn misses(ctx: &Context) -> Vec<CrossMiss> {
    let day = |y, m, d| {
        time::Month::try_from(m)
            .and_then(|m| Date::from_calendar_date(y, m, d))
            .unwrap_or(Date::MIN)
    };
    let (earlier, later) = (day(2000, 1, 1), day(2000, 1, 2));
    // An expiry before another date: with today's date, yesterday (still within the tolerance,
    // so not `document_expired` too) before today, so the miss earns its own code alone.
    let (expiry, after_expiry) = match ctx.today {
        Some(today) => (
            today
                .checked_sub(Duration::days(TOLERANCE_DAYS))
                .unwrap_or(Date::MIN),
            today,
        ),
        None => (earlier, later),
    };
    let mut out = vec![
        CrossMiss::at(
            DATE_OF_ISSUE,
            Code::IssuedAfterExpiry,
            Severity::Warning,
            vec![
                (DATE_OF_ISSUE, ymd(after_expiry)),
                (DATE_OF_EXPIRY, ymd(expiry)),
            ],
        ),
        CrossMiss::at(
            DATE_OF_BIRTH,
            Code::BornAfterIssue,
            Severity::Warning,
            vec![(DATE_OF_BIRTH, ymd(later)), (DATE_OF_ISSUE, ymd(earlier))],
        ),
        CrossMiss::at(
            DATE_OF_EXPIRY,
            Code::ExpiryBeforeBirth,
            Severity::Warning,
            vec![
                (DATE_OF_BIRTH, ymd(after_expiry)),
                (DATE_OF_EXPIRY, ymd(expiry)),
            ],
        ),
    ];
    if let Some(today) = ctx.today {
        let past_tolerance = Duration::days(TOLERANCE_DAYS + 1);
        let future = today.checked_add(past_tolerance).unwrap_or(Date::MAX);
        let expired = today.checked_sub(past_tolerance).unwrap_or(Date::MIN);
        out.extend([
            CrossMiss::at(
                DATE_OF_BIRTH,
                Code::DateInFuture,
                Severity::Warning,
                vec![(DATE_OF_BIRTH, ymd(future))],
            ),
            CrossMiss::at(
                DATE_OF_ISSUE,
                Code::DateInFuture,
                Severity::Warning,
                vec![(DATE_OF_ISSUE, ymd(future))],
            ),
            CrossMiss::at(
                DATE_OF_EXPIRY,
                Code::DocumentExpired,
                Severity::Warning,
                vec![(DATE_OF_EXPIRY, ymd(expired))],
            ),
            CrossMiss::at(
                DATE_OF_BIRTH,
                Code::ImplausibleValue,
                Severity::Warning,
                vec![(DATE_OF_BIRTH, ymd(years_before(today, PLAUSIBLE_AGE + 1)))],
            ),
        ]);
    }
    out
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
