//! Partial dates: a year, a year and month, or a full day.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::DateError;

/// A calendar date known to the precision the source gives: `1997`,
/// `1997-07` or `1997-07-09`.
///
/// A partial date stands for the whole interval it names: `2014` covers
/// 2014-01-01 through 2014-12-31. [`PartialDate::start`] and
/// [`PartialDate::end`] give that interval's first and last day, and
/// [`PartialDate::overlaps`] compares intervals.
///
/// Dates order by their first day, then by precision (coarser first), so
/// `1997 < 1997-07 < 1997-07-01 < 1997-07-09 < 1997-08`. This is a total
/// order consistent with equality.
///
/// ```
/// use partnership::model::PartialDate;
/// let d: PartialDate = "2014-09".parse().unwrap();
/// assert_eq!(d.to_string(), "2014-09");
/// assert_eq!(d.end().to_string(), "2014-09-30");
/// assert!(d.overlaps(&"2014".parse().unwrap()));
/// assert!("bad".parse::<PartialDate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: u16,
    month: Option<u8>,
    day: Option<u8>,
}

/// A single calendar day, the bound of a [`PartialDate`]'s interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    /// Year, 1 to 9999.
    pub year: u16,
    /// Month, 1 to 12.
    pub month: u8,
    /// Day of the month, 1 to 31.
    pub day: u8,
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

/// The number of days in `month` of `year`.
fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl PartialDate {
    /// A date known only to the year. Fails outside 1..=9999.
    pub fn year(year: u16) -> Result<Self, DateError> {
        Self::new(year, None, None)
    }

    /// A date known to the month.
    pub fn month(year: u16, month: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), None)
    }

    /// A full date.
    pub fn day(year: u16, month: u8, day: u8) -> Result<Self, DateError> {
        Self::new(year, Some(month), Some(day))
    }

    fn new(year: u16, month: Option<u8>, day: Option<u8>) -> Result<Self, DateError> {
        let text = || Self::format(year, month, day);
        if !(1..=9999).contains(&year) {
            return Err(DateError::OutOfRange { value: text() });
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(DateError::OutOfRange { value: text() });
            }
            if let Some(d) = day
                && (d == 0 || d > days_in_month(year, m))
            {
                return Err(DateError::OutOfRange { value: text() });
            }
        } else if day.is_some() {
            return Err(DateError::Malformed { value: text() });
        }
        Ok(PartialDate { year, month, day })
    }

    fn format(year: u16, month: Option<u8>, day: Option<u8>) -> String {
        match (month, day) {
            (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
            (Some(m), None) => format!("{year:04}-{m:02}"),
            _ => format!("{year:04}"),
        }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The year.
    pub fn year_number(&self) -> u16 {
        self.year
    }

    /// The first day of the interval this date stands for.
    pub fn start(&self) -> Day {
        Day {
            year: self.year,
            month: self.month.unwrap_or(1),
            day: self.day.unwrap_or(1),
        }
    }

    /// The last day of the interval this date stands for.
    pub fn end(&self) -> Day {
        let month = self.month.unwrap_or(12);
        Day {
            year: self.year,
            month,
            day: self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        }
    }

    /// Whether the intervals of the two dates share at least one day.
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.start() <= other.end() && other.start() <= self.end()
    }

    /// Whether this date's interval lies wholly inside `other`'s.
    pub fn within(&self, other: &PartialDate) -> bool {
        other.start() <= self.start() && self.end() <= other.end()
    }
}

/// Whether a `[since, until]` span (open where `None`) overlaps `at`'s interval.
///
/// This is the rule behind "active at": a node or link is active at a date
/// when its span overlaps the date's interval.
///
/// ```
/// use partnership::model::{date::span_overlaps, PartialDate};
/// let d = |s: &str| s.parse::<PartialDate>().unwrap();
/// assert!(span_overlaps(Some(&d("2005-03")), Some(&d("2011-12")), &d("2011")));
/// assert!(!span_overlaps(Some(&d("2014-09")), None, &d("2010")));
/// ```
pub fn span_overlaps(
    since: Option<&PartialDate>,
    until: Option<&PartialDate>,
    at: &PartialDate,
) -> bool {
    since.is_none_or(|s| s.start() <= at.end()) && until.is_none_or(|u| at.start() <= u.end())
}

/// Whether a `[since, until]` span (open where `None`) overlaps the range
/// from the start of `from` to the end of `to`; with `from == to` this is
/// [`span_overlaps`].
///
/// ```
/// use partnership::model::{date::span_overlaps_range, PartialDate};
/// let d = |s: &str| s.parse::<PartialDate>().unwrap();
/// assert!(span_overlaps_range(Some(&d("2014-09")), None, &d("2010"), &d("2014")));
/// assert!(!span_overlaps_range(Some(&d("2014-09")), None, &d("2010"), &d("2014-08")));
/// ```
pub fn span_overlaps_range(
    since: Option<&PartialDate>,
    until: Option<&PartialDate>,
    from: &PartialDate,
    to: &PartialDate,
) -> bool {
    since.is_none_or(|s| s.start() <= to.end()) && until.is_none_or(|u| from.start() <= u.end())
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.start()
            .cmp(&other.start())
            .then(self.precision().cmp(&other.precision()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Self::format(self.year, self.month, self.day))
    }
}

fn digits<T: FromStr>(part: &str, width: usize, whole: &str) -> Result<T, DateError> {
    if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(DateError::Malformed {
            value: whole.to_owned(),
        });
    }
    part.parse().map_err(|_| DateError::Malformed {
        value: whole.to_owned(),
    })
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut parts = s.split('-');
        let year = digits::<u16>(parts.next().unwrap_or(""), 4, s)?;
        let month = parts.next().map(|p| digits::<u8>(p, 2, s)).transpose()?;
        let day = parts.next().map(|p| digits::<u8>(p, 2, s)).transpose()?;
        if parts.next().is_some() {
            return Err(DateError::Malformed {
                value: s.to_owned(),
            });
        }
        Self::new(year, month, day).map_err(|e| match e {
            DateError::OutOfRange { .. } => DateError::OutOfRange {
                value: s.to_owned(),
            },
            other => other,
        })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("1997").precision(), Precision::Year);
        assert_eq!(d("1997-07").precision(), Precision::Month);
        assert_eq!(d("1997-07-09").precision(), Precision::Day);
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in [
            "",
            "97",
            "1997-7",
            "1997-07-9",
            "1997/07",
            "1997-13",
            "1997-00",
            "2015-02-29",
            "0000",
            "1997-07-09-01",
            "+997",
            "1997-07-",
            "１９９７",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} should fail");
        }
        assert!("2016-02-29".parse::<PartialDate>().is_ok());
    }

    #[test]
    fn interval_bounds() {
        assert_eq!(d("2014").start().to_string(), "2014-01-01");
        assert_eq!(d("2014").end().to_string(), "2014-12-31");
        assert_eq!(d("2016-02").end().to_string(), "2016-02-29");
        assert_eq!(d("1900-02").end().to_string(), "1900-02-28");
        assert_eq!(d("2000-02").end().to_string(), "2000-02-29");
    }

    #[test]
    fn ordering_puts_coarser_first_on_equal_start() {
        let mut v = [
            d("1997-08"),
            d("1997-07-09"),
            d("1997-07"),
            d("1997"),
            d("1996-12-31"),
        ];
        v.sort();
        let s: Vec<_> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            s,
            ["1996-12-31", "1997", "1997-07", "1997-07-09", "1997-08"]
        );
    }

    #[test]
    fn overlap_and_spans() {
        assert!(d("2014").overlaps(&d("2014-12-31")));
        assert!(!d("2014").overlaps(&d("2015-01")));
        assert!(span_overlaps(None, None, &d("1990")));
        assert!(span_overlaps(Some(&d("2014-09")), None, &d("2014")));
        assert!(!span_overlaps(None, Some(&d("2011-12")), &d("2012")));
    }
}
