//! A prefilled dateOfBirth against ageLimit and ageMax: a client younger than the minimum (or
//! older than the maximum) on every day the verification can take place is flagged as suspected
//! (docs: "Verification flagged as suspected if client is younger" / "older").
//!
//! Only a warning: the dashboard decides what a suspected verification means, and the document
//! may give another date than the one prefilled. It is said only where it holds on **every** day
//! the client can verify: from today in the time zone furthest behind UTC
//! ([`TOLERANCE_DAYS`] before the caller's `today`) to the last day the token lets the client in,
//! in the zone furthest ahead (`today`, plus the tolerance, plus the token's lifetime and the
//! longest session, rounded up to whole days). The client only grows older, so the minimum is
//! judged on that last day and the maximum on the first.
//!
//! Ages are whole years, birthdays included (the day before the 18th birthday the client is 17,
//! on it 18). Legal systems differ on when someone born on 29 February has a birthday in a common
//! year, so the reading that warns less is taken on each side: 28 February for the minimum, 1
//! March for the maximum.

use super::check::effective_int;
use super::dates::{ymd, TOLERANCE_DAYS};
use super::repair::effective;
use super::{report_at, CrossMiss, Facts, Members};
use crate::context::Context;
use crate::diag::sink::Sink;
use crate::diag::{Code, Severity};
use crate::diag::{Finding, Kind};
use crate::spec::catalogue::{member, MemberId};
use crate::spec::Shape;
use time::{Date, Duration, Month};

const DATE_OF_BIRTH: MemberId = member("dateOfBirth");
const AGE_LIMIT: MemberId = member("ageLimit");
const AGE_MAX: MemberId = member("ageMax");
const EXPIRY_TIME: MemberId = member("expiryTime");
const SESSION_LENGTH: MemberId = member("sessionLength");

const DAY_SECONDS: i64 = 86_400;

pub(super) const RULE: super::vocab::Custom = super::vocab::Custom {
    // The ages may be the partner profile's defaults; without a birth date there is nothing.
    reads: super::vocab::reads(&[DATE_OF_BIRTH]),
    check,
    schema: None,
    involves: &[DATE_OF_BIRTH, AGE_LIMIT, AGE_MAX, EXPIRY_TIME],
    keep,
    misses,
};

/// When someone born on 29 February has a birthday in a common year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Leap {
    /// On 28 February.
    Early,
    /// On 1 March.
    Late,
}

/// The client's age in whole years on `on`, born on `birth` (negative before birth).
fn age(birth: Date, on: Date, leap: Leap) -> i64 {
    let years = i64::from(on.year()) - i64::from(birth.year());
    let birthday = birthday_in(birth, on.year(), leap);
    if on < birthday {
        years - 1
    } else {
        years
    }
}

/// The birthday of someone born on `birth` in `year`.
fn birthday_in(birth: Date, year: i32, leap: Leap) -> Date {
    birth.replace_year(year).unwrap_or_else(|_| {
        // Only 29 February has no day in some year.
        let day = match leap {
            Leap::Early => Date::from_calendar_date(year, Month::February, 28),
            Leap::Late => Date::from_calendar_date(year, Month::March, 1),
        };
        day.unwrap_or(if year < 0 { Date::MIN } else { Date::MAX })
    })
}

/// The first and the last day (in the caller's calendar, UTC) on which the client may verify:
/// the token lives `expiry` seconds, and a session started then lasts at most the longest
/// documented one.
fn window(today: Date, expiry: i64) -> (Date, Date) {
    let tolerance = Duration::days(TOLERANCE_DAYS);
    let lifetime = expiry.saturating_add(longest_session());
    let days = lifetime.saturating_add(DAY_SECONDS - 1) / DAY_SECONDS;
    let first = today.checked_sub(tolerance).unwrap_or(Date::MIN);
    let last = today
        .checked_add(tolerance)
        .and_then(|d| d.checked_add(Duration::days(days)))
        .unwrap_or(Date::MAX);
    (first, last)
}

/// The longest session the token page allows (sessionLength's maximum).
fn longest_session() -> i64 {
    match SESSION_LENGTH.member().shape {
        Shape::Int(b) => b.max.unwrap_or(b.min),
        _ => 0,
    }
}

/// The token's lifetime: the request's expiryTime, else (absent or `null`) the account's
/// default (the profile's, else the context's); an expiryTime that failed its own rules counts
/// as the longest the API allows, so nothing is said that a valid one would not say.
fn expiry(facts: &Facts, ctx: &Context) -> i64 {
    match facts.get(EXPIRY_TIME).map(|f| f.scalar) {
        Some(super::Scalar::Int(i)) => i,
        None | Some(super::Scalar::Null) => default_expiry(ctx),
        Some(_) => longest_expiry(),
    }
}

/// The longest token lifetime the token page allows (expiryTime's maximum).
fn longest_expiry() -> i64 {
    match EXPIRY_TIME.member().shape {
        Shape::Int(b) => b.max.unwrap_or(i64::MAX),
        _ => i64::MAX,
    }
}

fn default_expiry(ctx: &Context) -> i64 {
    let profile = ctx.account().default_expiry_time();
    i64::from(profile.unwrap_or(ctx.default_expiry_time))
}

/// What the dates say about the limits: the one the client is outside of, if any.
fn outside(birth: Date, (first, last): (Date, Date), min: Option<i64>, max: Option<i64>) -> Side {
    if min.is_some_and(|min| age(birth, last, Leap::Early) < min) {
        Side::Min
    } else if max.is_some_and(|max| age(birth, first, Leap::Late) > max) {
        Side::Max
    } else {
        Side::Within
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Min,
    Max,
    Within,
}

/// Only with today's date, a valid birth date no later than tomorrow (a later one is
/// `date_in_future` already) and valid ages (either may be the profile's default).
fn check(facts: &Facts, ctx: &Context, out: &mut Sink) {
    let Some(today) = ctx.today else { return };
    let Some((birth, at)) = facts.date(DATE_OF_BIRTH) else {
        return;
    };
    let latest = today
        .checked_add(Duration::days(TOLERANCE_DAYS))
        .unwrap_or(Date::MAX);
    if birth > latest {
        return;
    }
    let min = effective_int(facts, AGE_LIMIT, ctx);
    let max = effective_int(facts, AGE_MAX, ctx);
    let window = window(today, expiry(facts, ctx));
    let found = match outside(birth, window, min.map(|m| m.0), max.map(|m| m.0)) {
        Side::Min => min.map(|m| (m, true)),
        Side::Max => max.map(|m| (m, false)),
        Side::Within => None,
    };
    let Some(((limit, from), is_min)) = found else {
        return;
    };
    let f = Finding::warning(Kind::AgeOutsideLimits {
        min: is_min,
        limit,
        by_default: from.by_default(),
    });
    report_at(out, DATE_OF_BIRTH, at, f);
}

/// The request's dateOfBirth, parsed.
fn birth_of(members: &Members) -> Option<Date> {
    let text = members.get(DATE_OF_BIRTH.name())?.as_str()?;
    crate::spec::rules::date::parse(text).ok()
}

/// A birth date outside the limits moves to the nearest one within them (the latest birth old
/// enough, the earliest young enough); the other dates' order is the dates rule's to keep.
fn keep(members: &mut Members, ctx: &Context) {
    let Some(today) = ctx.today else { return };
    let Some(birth) = birth_of(members) else {
        return;
    };
    // A later one is the dates rule's to bring back to today.
    if birth > today {
        return;
    }
    let int = |m: MemberId| effective(members, m, ctx).and_then(|e| e.value.as_int());
    let (min, max) = (int(AGE_LIMIT), int(AGE_MAX));
    let expiry = match members.get(EXPIRY_TIME.name()) {
        None | Some(serde_json::Value::Null) => default_expiry(ctx),
        Some(v) => v
            .as_i64()
            .filter(|e| (1..=longest_expiry()).contains(e))
            .unwrap_or(longest_expiry()),
    };
    let (first, last) = window(today, expiry);
    let moved = match outside(birth, (first, last), min, max) {
        Side::Min => min.map(|min| latest_born(last, min, Leap::Early)),
        Side::Max => {
            max.and_then(|max| latest_born(first, max.saturating_add(1), Leap::Late).next_day())
        }
        Side::Within => None,
    };
    if let Some(d) = moved {
        members.insert(DATE_OF_BIRTH.name().into(), ymd(d));
    }
}

/// The latest birth date that is `years` old on `on`.
fn latest_born(on: Date, years: i64, leap: Leap) -> Date {
    let Ok(year) = i32::try_from(i64::from(on.year()).saturating_sub(years)) else {
        return Date::MIN;
    };
    // The same day that year, or 28 February for a 29 February the year lacks; a birth on 29
    // February may be old enough a day later than 28 February.
    let base = on
        .replace_year(year)
        .or_else(|_| on.replace_day(28).and_then(|d| d.replace_year(year)))
        .unwrap_or(Date::MIN);
    match base.next_day() {
        Some(next) if age(next, on, leap) >= years => next,
        _ => base,
    }
}

/// With today's date: a ten-year-old under an ageLimit of 18, an eighty-year-old over an
/// ageMax of 65.
fn misses(ctx: &Context) -> Vec<CrossMiss> {
    let Some(today) = ctx.today else {
        return vec![];
    };
    let born = |years| ymd(latest_born(today, years, Leap::Early));
    vec![
        CrossMiss::at(
            DATE_OF_BIRTH,
            Code::AgeOutsideLimits,
            Severity::Warning,
            vec![(DATE_OF_BIRTH, born(10)), (AGE_LIMIT, 18.into())],
        ),
        CrossMiss::at(
            DATE_OF_BIRTH,
            Code::AgeOutsideLimits,
            Severity::Warning,
            vec![(DATE_OF_BIRTH, born(80)), (AGE_MAX, 65.into())],
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn an_age_counts_whole_years_and_turns_on_the_birthday() {
        let birth = date!(2008 - 12 - 02);
        assert_eq!(age(birth, date!(2026 - 12 - 01), Leap::Early), 17);
        assert_eq!(age(birth, date!(2026 - 12 - 02), Leap::Early), 18);
        assert_eq!(age(birth, date!(2026 - 12 - 03), Leap::Late), 18);
        assert_eq!(age(birth, date!(2008 - 12 - 01), Leap::Late), -1);
        assert_eq!(age(birth, birth, Leap::Late), 0);
    }

    #[test]
    fn a_leap_day_birthday_falls_on_either_side_of_march() {
        let birth = date!(2008 - 02 - 29);
        assert_eq!(age(birth, date!(2026 - 02 - 27), Leap::Early), 17);
        assert_eq!(age(birth, date!(2026 - 02 - 28), Leap::Early), 18);
        assert_eq!(age(birth, date!(2026 - 02 - 28), Leap::Late), 17);
        assert_eq!(age(birth, date!(2026 - 03 - 01), Leap::Late), 18);
        // In a leap year, 29 February itself.
        assert_eq!(age(birth, date!(2028 - 02 - 28), Leap::Early), 19);
        assert_eq!(age(birth, date!(2028 - 02 - 29), Leap::Early), 20);
    }

    #[test]
    fn the_window_runs_from_yesterday_to_past_the_token_s_lifetime() {
        let today = date!(2026 - 12 - 01);
        // One day of tolerance each side; 86400 + 3600 seconds round up to two days.
        assert_eq!(
            window(today, 86_400),
            (date!(2026 - 11 - 30), date!(2026 - 12 - 04))
        );
        assert_eq!(window(today, 1).1, date!(2026 - 12 - 03));
        // 30 days and an hour: 31 days.
        assert_eq!(window(today, 2_592_000).1, date!(2027 - 01 - 02));
        assert_eq!(window(Date::MAX, i64::MAX).1, Date::MAX);
        assert_eq!(window(Date::MIN, 1).0, Date::MIN);
    }

    /// The birth date `keep` moves to is the nearest inside the limits: one day further is
    /// outside (around 29 February too).
    #[test]
    fn keep_moves_a_birth_date_to_the_boundary() {
        let days = |from: Date, n| (0..n).filter_map(move |i| from.checked_add(Duration::days(i)));
        let todays = days(date!(2027 - 02 - 20), 16)
            .chain(days(date!(2028 - 02 - 20), 16))
            .chain([date!(2026 - 12 - 01)]);
        let mut moved = 0;
        for today in todays {
            let ctx = Context::new().with_today(today);
            let window = window(today, default_expiry(&ctx));
            for (set, years) in [(AGE_LIMIT, 18), (AGE_MAX, 65), (AGE_LIMIT, 1), (AGE_MAX, 3)] {
                for born in [0, 1, 2, 3, 4, 10, 17, 18, 19, 64, 65, 66, 80] {
                    for shift in -3..=3 {
                        let birth = latest_born(today, born, Leap::Early)
                            .checked_add(Duration::days(shift))
                            .unwrap_or(Date::MIN);
                        if birth > today {
                            continue;
                        }
                        let mut members = Members::new();
                        members.insert(DATE_OF_BIRTH.name().into(), ymd(birth));
                        members.insert(set.name().into(), years.into());
                        keep(&mut members, &ctx);
                        let kept = birth_of(&members).unwrap_or(Date::MIN);
                        let (min, max) = if set == AGE_LIMIT {
                            (Some(years), None)
                        } else {
                            (None, Some(years))
                        };
                        assert_eq!(outside(kept, window, min, max), Side::Within, "{members:?}");
                        if kept != birth {
                            moved += 1;
                            let further = if set == AGE_LIMIT {
                                kept.next_day()
                            } else {
                                kept.previous_day()
                            };
                            let further = further.unwrap_or(Date::MIN);
                            assert_ne!(
                                outside(further, window, min, max),
                                Side::Within,
                                "{today} {members:?}"
                            );
                        }
                    }
                }
            }
        }
        assert!(moved > 100, "{moved}");
    }

    #[test]
    fn the_latest_birth_old_enough_may_be_a_leap_day() {
        assert_eq!(
            latest_born(date!(2027 - 02 - 28), 19, Leap::Early),
            date!(2008 - 02 - 29)
        );
        assert_eq!(
            latest_born(date!(2027 - 02 - 28), 19, Leap::Late),
            date!(2008 - 02 - 28)
        );
        assert_eq!(
            latest_born(date!(2028 - 02 - 29), 1, Leap::Late),
            date!(2027 - 02 - 28)
        );
        assert_eq!(
            latest_born(date!(2026 - 12 - 01), 18, Leap::Late),
            date!(2008 - 12 - 01)
        );
    }
}
