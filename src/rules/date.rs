//! Calendar dates written `YYYY-MM-DD`.

use crate::violation::{Code, Finding};
use time::{Date, Month};

/// Parses exactly `YYYY-MM-DD` into a real calendar date.
///
/// The ten-byte shape is checked by hand (`time`'s `[year]` parser would also take a sign), then
/// `time` decides whether the date exists.
///
/// ```
/// use idenfy_preflight::rules::date::parse;
/// use idenfy_preflight::Code;
///
/// assert!(parse("dateOfBirth", "1990-02-28").is_ok());
/// assert_eq!(parse("dateOfBirth", "1990-02-30").unwrap_err().code, Code::InvalidCalendarDate);
/// assert_eq!(parse("dateOfBirth", "1990-2-28").unwrap_err().code, Code::InvalidDateFormat);
/// ```
pub fn parse(field: &str, value: &str) -> Result<Date, Finding> {
    let b = value.as_bytes();
    let shape_ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(Finding::error(
            Code::InvalidDateFormat,
            format!("{field} must be a date written YYYY-MM-DD"),
        )
        .with("format", "YYYY-MM-DD"));
    }
    let num =
        |r: std::ops::Range<usize>| b[r].iter().fold(0u16, |n, d| n * 10 + u16::from(d - b'0'));
    let month = Month::try_from(u8::try_from(num(5..7)).unwrap_or(0));
    let day = u8::try_from(num(8..10)).unwrap_or(0);
    let year = i32::from(num(0..4));
    if year == 0 {
        // The proleptic calendar goes from 1 BC to AD 1; servers' date types start at 0001.
        return Err(Finding::error(
            Code::InvalidCalendarDate,
            format!("{field} has the year 0000, which no calendar (and no server's date type) holds; years start at 0001"),
        )
        .with("reason", "year_zero"));
    }
    month
        .and_then(|m| Date::from_calendar_date(year, m, day))
        .map_err(|_| {
            Finding::error(
                Code::InvalidCalendarDate,
                format!("{field} is written YYYY-MM-DD but is not a date in the calendar"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        assert!(parse("d", "2024-02-29").is_ok());
        assert_eq!(
            parse("d", "2023-02-29").unwrap_err().code,
            Code::InvalidCalendarDate
        );
        assert_eq!(
            parse("d", "2023-13-01").unwrap_err().code,
            Code::InvalidCalendarDate
        );
        assert_eq!(
            parse("d", "2023-12-32").unwrap_err().code,
            Code::InvalidCalendarDate
        );
        assert_eq!(
            parse("d", "0000-01-01").unwrap_err().code,
            Code::InvalidCalendarDate
        );
        assert_eq!(parse("d", "0001-01-01").map(|d| d.year()), Ok(1));
        assert!(parse("d", "9999-12-31").is_ok());
        for bad in [
            "+1990-01-01",
            "1990-01-01 ",
            "1990/01/01",
            "19900101",
            "1990-01-0a",
            "",
        ] {
            assert_eq!(
                parse("d", bad).unwrap_err().code,
                Code::InvalidDateFormat,
                "{bad}"
            );
        }
    }
}
