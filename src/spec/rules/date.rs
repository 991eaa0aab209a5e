//! Calendar dates written `YYYY-MM-DD`.

use crate::diag::{Code, Finding, Kind};
use crate::spec::gen::Miss;
use time::{Date, Month};

/// Parses exactly `YYYY-MM-DD` into a real calendar date of a year from 0001.
///
/// The ten-byte shape is checked by hand (`time`'s `[year]` parser would also take a sign), then
/// `time` decides whether the date exists.
///
/// ```
/// use idenfy_preflight::spec::rules::date::parse;
/// use idenfy_preflight::Code;
///
/// assert!(parse("1990-02-28").is_ok());
/// assert_eq!(parse("1990-02-30").unwrap_err().code(), Code::InvalidCalendarDate);
/// assert_eq!(parse("1990-2-28").unwrap_err().code(), Code::InvalidDateFormat);
/// assert_eq!(parse("0000-01-01").unwrap_err().code(), Code::InvalidCalendarDate);
/// ```
pub fn parse(value: &str) -> Result<Date, Finding> {
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(Finding::error(Kind::InvalidDateFormat));
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    let year = i32::from(num(0..4));
    if year == 0 {
        // The proleptic calendar goes from 1 BC to AD 1; servers' date types start at 0001.
        return Err(Finding::error(Kind::InvalidCalendarDate {
            year_zero: true,
        }));
    }
    let month = Month::try_from(u8::try_from(num(5..7)).unwrap_or(0));
    let day = u8::try_from(num(8..10)).unwrap_or(0);
    month
        .and_then(|m| Date::from_calendar_date(year, m, day))
        .map_err(|_| Finding::error(Kind::InvalidCalendarDate { year_zero: false }))
}

/// For generators: dates written wrongly, and dates no calendar has.
pub fn misses() -> Vec<Miss> {
    vec![
        Miss::error("1990-2-28", Code::InvalidDateFormat),
        Miss::error("20.12.1990", Code::InvalidDateFormat),
        Miss::error("1990-02-30", Code::InvalidCalendarDate),
        Miss::error("1990-13-01", Code::InvalidCalendarDate),
        Miss::error("0000-01-01", Code::InvalidCalendarDate),
    ]
}

/// Dates at the edges, for generated tests: leap days, the first and last day of a year, the
/// shape's near misses.
pub fn probes() -> Vec<String> {
    [
        "1990-02-28",
        "1990-02-29",
        "2000-02-29",
        "1990-02-30",
        "1990-2-28",
        "1990-13-01",
        "0000-01-01",
        "0001-01-01",
        "9999-12-31",
        "2999-01-01",
        "+990-01-01",
    ]
    .map(String::from)
    .to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Code;

    /// The probes straddle each edge the parser has: the leap day passes where it exists and
    /// fails where it doesn't, the first and last representable years pass, year 0000 and a
    /// malformed shape fail; the misses earn their codes.
    #[test]
    fn probes_straddle_the_edges_and_misses_earn_their_codes() {
        let probes = probes();
        let code = |v: &str| parse(v).err().map(|f| f.code());
        for (v, want) in [
            ("2000-02-29", None),
            ("1990-02-29", Some(Code::InvalidCalendarDate)),
            ("0001-01-01", None),
            ("9999-12-31", None),
            ("0000-01-01", Some(Code::InvalidCalendarDate)),
            ("1990-2-28", Some(Code::InvalidDateFormat)),
        ] {
            assert!(probes.iter().any(|p| p == v), "{v} is not a probe");
            assert_eq!(code(v), want, "{v}");
        }
        for m in misses() {
            assert_eq!(code(&m.value), Some(m.code), "{}", m.value);
        }
    }

    #[test]
    fn boundaries() {
        assert!(parse("2024-02-29").is_ok());
        assert_eq!(
            parse("2023-02-29").unwrap_err().code(),
            Code::InvalidCalendarDate
        );
        assert_eq!(
            parse("2023-13-01").unwrap_err().code(),
            Code::InvalidCalendarDate
        );
        assert_eq!(
            parse("2023-12-32").unwrap_err().code(),
            Code::InvalidCalendarDate
        );
        assert_eq!(parse("0001-01-01").map(|d| d.year()), Ok(1));
        assert!(parse("9999-12-31").is_ok());
        for bad in [
            "+1990-01-01",
            "1990-01-01 ",
            "1990/01/01",
            "19900101",
            "1990-01-0a",
            "",
        ] {
            assert_eq!(
                parse(bad).unwrap_err().code(),
                Code::InvalidDateFormat,
                "{bad}"
            );
        }
    }
}
