//! Calendar dates as plain values: the as-of date of a query is an input, never read from a clock.

use std::fmt;
use std::num::NonZeroU8;

use crate::decimal::push_digits;

/// A day in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    /// 1 to 12. Never zero, so an `Option<Date>` is no larger than a `Date`: the data holds
    /// hundreds of optional dates (every group membership has two), which the page's engine carries.
    month: NonZeroU8,
    day: u8,
}

impl Date {
    /// A date the data files already validated; build-time generated code calls this.
    pub const fn new_unchecked(year: u16, month: u8, day: u8) -> Date {
        let month = match NonZeroU8::new(month) {
            Some(m) => m,
            None => NonZeroU8::MIN,
        };
        Date { year, month, day }
    }

    /// Parses `YYYY-MM-DD`, rejecting impossible days such as 2025-02-29.
    pub fn parse(text: &str) -> Option<Date> {
        let t = text.trim();
        let bytes = t.as_bytes();
        if bytes.len() != 10 || bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u16> {
            let s = t.get(r)?;
            if !s.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            s.parse().ok()
        };
        let year = num(0..4)?;
        let month = NonZeroU8::new(u8::try_from(num(5..7)?).ok()?)?;
        let day = u8::try_from(num(8..10)?).ok()?;
        if month.get() > 12 || day == 0 || day > days_in_month(year, month.get()) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Year, month and day.
    pub const fn ymd(self) -> (u16, u8, u8) {
        (self.year, self.month.get(), self.day)
    }

    /// The next day.
    pub fn next_day(self) -> Date {
        if self.day < days_in_month(self.year, self.month.get()) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month.get() < 12 {
            Date {
                month: self.month.saturating_add(1),
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year.saturating_add(1),
                month: NonZeroU8::MIN,
                day: 1,
            }
        }
    }

    /// The year.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The quarter of the year, 1 to 4.
    pub const fn quarter(self) -> u8 {
        (self.month.get() - 1) / 3 + 1
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// ISO 8601, "2025-01-13". Its digits are written by [`crate::decimal::push_digits`], not by
/// `core::fmt`'s integers (see [`crate::decimal::digits`]).
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        push_digits(&mut out, self.year.into(), 4);
        out.push('-');
        push_digits(&mut out, self.month.get().into(), 2);
        out.push('-');
        push_digits(&mut out, self.day.into(), 2);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_days_only() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("2025-02-29"), None);
        assert_eq!(Date::parse("2025-13-01"), None);
        assert_eq!(Date::parse("2025-1-13"), None);
        assert_eq!(Date::parse("13/01/2025"), None);
        assert!(Date::parse("2025-01-13") < Date::parse("2025-05-13"));
        assert_eq!(Date::parse("2026-07-23").map(Date::quarter), Some(3));
        assert_eq!(
            Date::parse("2024-02-28").map(|d| d.next_day().to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(
            Date::parse("2025-12-31").map(|d| d.next_day().to_string()),
            Some("2026-01-01".into())
        );
        assert_eq!(Date::parse("2025-00-10"), None);
        assert_eq!(
            Date::parse("2025-11-30").map(|d| d.next_day().to_string()),
            Some("2025-12-01".into())
        );
    }

    /// The month's niche: an optional date costs the data nothing more than a date.
    #[test]
    fn an_optional_date_is_no_larger() {
        assert_eq!(size_of::<Option<Date>>(), size_of::<Date>());
    }
}
