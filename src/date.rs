//! The few date forms credfill reads and writes, in UTC, without a calendar library: the `time`
//! crate's parsers and formatters were about 50 KB of the WASM for these four forms.
//!
//! - `YYYYMMDDTHHMMSSZ`, the signing timestamp (SigV4's `X-Amz-Date`, API Gateway's `X-Sdk-Date`);
//! - RFC 3339 (`2026-01-01T12:00:00Z`, with a fraction or an offset), and the ISO 8601 extended
//!   forms consoles print without seconds or with a `+0000` offset (IBM's `2019-06-28T14:25+0000`);
//! - the HTTP date, IMF-fixdate (`Thu, 01 Jan 2026 12:00:00 GMT`, RFC 9110 §5.6.7), which OBS's
//!   `x-obs-date` and every `Date` header use.
//!
//! Day counts are Howard Hinnant's public-domain `days_from_civil` / `civil_from_days`
//! (<https://howardhinnant.github.io/date_algorithms.html>), proleptic Gregorian. The tests check
//! every form against the `time` crate.

const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]; // day 0 = 1970-01-01
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const DAY: i64 = 86_400;

/// A calendar date and time of day, UTC, each part checked against its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
}

impl Civil {
    /// A date and time read from text, if each part is in its range.
    fn parsed(
        year: u32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<Self> {
        Civil {
            year: i64::from(year),
            month,
            day,
            hour,
            minute,
            second,
        }
        .checked()
    }

    fn checked(self) -> Option<Self> {
        let valid = (0..=9999).contains(&self.year)
            && (1..=12).contains(&self.month)
            && self.day >= 1
            && self.day <= days_in_month(self.year, self.month)
            && self.hour < 24
            && self.minute < 60
            && self.second < 60;
        valid.then_some(self)
    }

    fn unix(self) -> i64 {
        days_from_civil(self.year, self.month, self.day) * DAY
            + i64::from(self.hour * 3600 + self.minute * 60 + self.second)
    }

    fn from_unix(seconds: i64) -> Option<Self> {
        let (days, in_day) = (seconds.div_euclid(DAY), seconds.rem_euclid(DAY));
        let (year, month, day) = civil_from_days(days);
        let in_day = u32::try_from(in_day).ok()?;
        Civil {
            year,
            month,
            day,
            hour: in_day / 3600,
            minute: in_day / 60 % 60,
            second: in_day % 60,
        }
        .checked()
    }
}

/// The short name (`Mon`, `Tue`, …) of the weekday `seconds` falls on.
fn weekday_of(seconds: i64) -> &'static str {
    WEEKDAYS[seconds.div_euclid(DAY).rem_euclid(7) as usize]
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = i64::from((month + 9) % 12);
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Reads ASCII digits and separators off the front of a text.
struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn digits(&mut self, count: usize) -> Option<u32> {
        let (head, rest) = self.0.split_at_checked(count)?;
        let mut value = 0;
        for &b in head {
            value = value * 10 + u32::from(b.is_ascii_digit().then(|| b - b'0')?);
        }
        self.0 = rest;
        Some(value)
    }

    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(count)?;
        self.0 = rest;
        Some(head)
    }

    fn eat(&mut self, expected: &[u8]) -> Option<()> {
        self.0 = self.0.strip_prefix(expected)?;
        Some(())
    }

    fn eat_any(&mut self, choices: &[u8]) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        choices.contains(&first).then(|| self.0 = rest)?;
        Some(first)
    }

    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn done(&self) -> Option<()> {
        self.0.is_empty().then_some(())
    }
}

/// `YYYYMMDDTHHMMSSZ` as unix seconds.
pub fn parse_basic(text: &str) -> Option<i64> {
    let mut at = Cursor(text.as_bytes());
    let (year, month, day) = (at.digits(4)?, at.digits(2)?, at.digits(2)?);
    at.eat(b"T")?;
    let (hour, minute, second) = (at.digits(2)?, at.digits(2)?, at.digits(2)?);
    at.eat(b"Z")?;
    at.done()?;
    Some(Civil::parsed(year, month, day, hour, minute, second)?.unix())
}

/// RFC 3339, or an ISO 8601 extended form without seconds or with a `±hhmm` / `±hh` offset, as
/// unix milliseconds (a fraction beyond the millisecond is dropped).
pub fn parse_rfc3339_ms(text: &str) -> Option<i64> {
    let mut at = Cursor(text.as_bytes());
    let year = at.digits(4)?;
    at.eat(b"-")?;
    let month = at.digits(2)?;
    at.eat(b"-")?;
    let day = at.digits(2)?;
    at.eat_any(b"Tt ")?;
    let hour = at.digits(2)?;
    at.eat(b":")?;
    let minute = at.digits(2)?;
    let mut second = 0;
    let mut millis = 0;
    if at.eat(b":").is_some() {
        second = at.digits(2)?;
        if at.eat_any(b".,").is_some() {
            let mut scale = 100;
            let mut any = false;
            while let Some(digit) = at.digits(1) {
                millis += digit * scale;
                scale /= 10;
                any = true;
            }
            any.then_some(())?;
        }
    }
    let offset_minutes = match at.eat_any(b"Zz+-")? {
        b'Z' | b'z' => 0,
        sign => {
            let hours = at.digits(2)?;
            let _ = at.eat(b":");
            let minutes = if at.peek().is_some() {
                at.digits(2)?
            } else {
                0
            };
            (hours < 24 && minutes < 60).then_some(())?;
            let offset = i64::from(hours * 60 + minutes);
            if sign == b'-' {
                -offset
            } else {
                offset
            }
        }
    };
    at.done()?;
    let civil = Civil::parsed(year, month, day, hour, minute, second)?;
    Some((civil.unix() - offset_minutes * 60) * 1000 + i64::from(millis))
}

/// RFC 3339 in UTC (`2026-01-01T12:00:00Z`, `…:00.25Z` when there are milliseconds); `None` for a
/// time outside the years 0–9999.
pub fn format_rfc3339_ms(ms: i64) -> Option<String> {
    let c = Civil::from_unix(ms.div_euclid(1000))?;
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    );
    let millis = ms.rem_euclid(1000);
    if millis != 0 {
        let fraction = format!("{millis:03}");
        text.push('.');
        text.push_str(fraction.trim_end_matches('0'));
    }
    text.push('Z');
    Some(text)
}

/// `yyyy-MM-ddTHH:mm+0000`, the minute at or after `seconds` (IAM Identity's `expires_at`, as
/// ibm-platform-services' `IamIdentityV1.create_api_key` documents it). `None` outside the years 0–9999.
pub fn format_minute_utc(seconds: i64) -> Option<String> {
    let c =
        Civil::from_unix(seconds.div_euclid(60) * 60 + (seconds.rem_euclid(60) > 0) as i64 * 60)?;
    Some(format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}+0000",
        c.year, c.month, c.day, c.hour, c.minute
    ))
}

/// IMF-fixdate: `Thu, 01 Jan 2026 12:00:00 GMT`. `None` outside the years 0–9999.
pub fn format_http(seconds: i64) -> Option<String> {
    let c = Civil::from_unix(seconds)?;
    let weekday = weekday_of(seconds);
    let month = MONTHS[c.month as usize - 1];
    Some(format!(
        "{weekday}, {:02} {month} {:04} {:02}:{:02}:{:02} GMT",
        c.day, c.year, c.hour, c.minute, c.second
    ))
}

/// An IMF-fixdate as unix seconds (the only form RFC 9110 lets a server send). The weekday must
/// be the date's.
pub fn parse_http(text: &str) -> Option<i64> {
    let mut at = Cursor(text.as_bytes());
    let weekday = at.take(3)?;
    at.eat(b", ")?;
    let day = at.digits(2)?;
    at.eat(b" ")?;
    let month_name = at.take(3)?;
    let month = MONTHS.iter().position(|m| m.as_bytes() == month_name)?;
    at.eat(b" ")?;
    let year = at.digits(4)?;
    at.eat(b" ")?;
    let hour = at.digits(2)?;
    at.eat(b":")?;
    let minute = at.digits(2)?;
    at.eat(b":")?;
    let second = at.digits(2)?;
    at.eat(b" GMT")?;
    at.done()?;
    let month = month as u32 + 1;
    let unix = Civil::parsed(year, month, day, hour, minute, second)?.unix();
    (weekday == weekday_of(unix).as_bytes()).then_some(unix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use time::format_description::well_known::{Iso8601, Rfc2822, Rfc3339};
    use time::macros::format_description;
    use time::{OffsetDateTime, PrimitiveDateTime};

    const NOON: i64 = 1_767_268_800; // 2026-01-01T12:00:00Z

    fn reference(seconds: i64) -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(seconds).unwrap()
    }

    #[test]
    fn reads_the_forms_the_clouds_send() {
        let noon_ms = Some(NOON * 1000);
        assert_eq!(parse_rfc3339_ms("2026-01-01T12:00:00.000000Z"), noon_ms); // Huawei temporary keys
        assert_eq!(parse_rfc3339_ms("2026-01-01T12:00:00Z"), noon_ms);
        assert_eq!(parse_rfc3339_ms("2026-01-01T13:00:00+01:00"), noon_ms);
        assert_eq!(parse_rfc3339_ms("2026-01-01T12:00+0000"), noon_ms); // IBM CLI
        assert_eq!(
            parse_rfc3339_ms("2026-01-01T12:00:00.25Z"),
            Some(NOON * 1000 + 250)
        );
        assert_eq!(parse_basic("20260101T120000Z"), Some(NOON));
        assert_eq!(parse_http("Thu, 01 Jan 2026 12:00:00 GMT"), Some(NOON));
        assert_eq!(
            format_http(NOON).as_deref(),
            Some("Thu, 01 Jan 2026 12:00:00 GMT")
        );
        assert_eq!(
            format_rfc3339_ms(NOON * 1000).as_deref(),
            Some("2026-01-01T12:00:00Z")
        );
        // IAM Identity's `expires_at` counts in minutes: a key never ends before the time asked.
        let minute = |seconds| format_minute_utc(seconds);
        assert_eq!(minute(NOON).as_deref(), Some("2026-01-01T12:00+0000"));
        assert_eq!(minute(NOON + 1).as_deref(), Some("2026-01-01T12:01+0000"));
        assert_eq!(minute(NOON - 1).as_deref(), Some("2026-01-01T12:00+0000"));
        assert_eq!(parse_rfc3339_ms(&minute(NOON).unwrap()), Some(NOON * 1000));
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for text in [
            "yesterday",
            "2026-02-29T12:00:00Z",  // not a leap year
            "2026-01-01T24:00:00Z",  // no hour 24
            "2026-01-01T12:00:00",   // no offset: local time is not a moment
            "2026-01-01T12:00:00.Z", // a dot without digits
            "2026-01-01T12:00:00Z ", // trailing text
            "2026-1-01T12:00:00Z",
        ] {
            assert_eq!(parse_rfc3339_ms(text), None, "{text}");
        }
        assert_eq!(parse_basic("2026-01-01T12:00:00Z"), None);
        assert_eq!(parse_basic("20261301T120000Z"), None);
        assert_eq!(parse_basic("20260101T120000"), None);
        assert_eq!(parse_http("Fri, 01 Jan 2026 12:00:00 GMT"), None); // wrong weekday
        assert_eq!(parse_http("Thu, 01 Jan 2026 12:00:00 +0000"), None);
        assert_eq!(format_rfc3339_ms(i64::MAX), None);
        assert_eq!(format_http(-62_167_219_201), None); // the second before year 0
    }

    proptest! {
        // Every second from year 0 to 9999, against the `time` crate.
        #[test]
        fn agrees_with_the_time_crate(seconds in -62_167_219_200i64..253_402_300_800, millis in 0i64..1000) {
            let at = reference(seconds);
            let ms = seconds * 1000 + millis;
            let time_ms = at.replace_millisecond(millis as u16).unwrap();
            prop_assert_eq!(format_rfc3339_ms(ms), time_ms.format(&Rfc3339).ok());
            let rfc3339 = time_ms.format(&Rfc3339).unwrap();
            prop_assert_eq!(parse_rfc3339_ms(&rfc3339), Some(ms));

            let http = at.format(format_description!(
                "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
            )).unwrap();
            prop_assert_eq!(format_http(seconds), Some(http.clone()));
            prop_assert_eq!(parse_http(&http), Some(seconds));
            if seconds >= -2_208_988_800 {
                // `time` reads RFC 2822 dates from 1900 on only.
                let time_http = OffsetDateTime::parse(&http, &Rfc2822).ok().map(|t| t.unix_timestamp());
                prop_assert_eq!(parse_http(&http), time_http);
            }

            let basic = at.format(format_description!("[year][month][day]T[hour][minute][second]Z")).unwrap();
            prop_assert_eq!(parse_basic(&basic), Some(seconds));
            let time_basic = PrimitiveDateTime::parse(&basic, format_description!("[year][month][day]T[hour][minute][second]Z"));
            prop_assert_eq!(parse_basic(&basic), time_basic.ok().map(|t| t.assume_utc().unix_timestamp()));
        }

        // Offsets, with and without the colon, and minutes without seconds: the ISO 8601 forms
        // `time` also reads.
        #[test]
        fn offsets_agree_with_the_time_crate(seconds in 0i64..253_402_214_400, offset_minutes in -1439i32..=1439, colon: bool, with_seconds: bool) {
            let at = reference(seconds - seconds % if with_seconds { 1 } else { 60 });
            let offset = time::UtcOffset::from_whole_seconds(offset_minutes * 60).unwrap();
            let local = at.to_offset(offset);
            let (sign, abs) = if offset_minutes < 0 { ('-', -offset_minutes) } else { ('+', offset_minutes) };
            let clock = if with_seconds {
                format!("{:02}:{:02}:{:02}", local.hour(), local.minute(), local.second())
            } else {
                format!("{:02}:{:02}", local.hour(), local.minute())
            };
            let text = format!(
                "{:04}-{:02}-{:02}T{clock}{sign}{:02}{}{:02}",
                local.year(), local.month() as u8, local.day(), abs / 60, if colon { ":" } else { "" }, abs % 60
            );
            let expected = OffsetDateTime::parse(&text, &Rfc3339)
                .or_else(|_| OffsetDateTime::parse(&text, &Iso8601::PARSING))
                .ok()
                .map(|t| t.unix_timestamp() * 1000);
            prop_assert!(expected.is_some(), "{}", text);
            prop_assert_eq!(parse_rfc3339_ms(&text), expected, "{}", text);
        }
    }
}
