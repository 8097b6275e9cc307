//! Dates in profiles are RFC 3339 text (readable in a backup); arithmetic is on unix ms.

use crate::date;

/// RFC 3339, or the ISO 8601 variants some consoles print (e.g. IBM's `2019-06-28T14:25+0000`).
pub fn parse_ms(text: &str) -> Option<i64> {
    date::parse_rfc3339_ms(text.trim())
}

/// `None` only for a `now` outside the years 0–9999.
pub fn format_ms(ms: i64) -> Option<String> {
    date::format_rfc3339_ms(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_the_clouds_use() {
        // 2026-01-01T12:00:00Z = 1767268800 s.
        let noon = Some(1_767_268_800_000);
        assert_eq!(parse_ms("2026-01-01T12:00:00.000000Z"), noon); // Huawei temporary keys
        assert_eq!(parse_ms("2026-01-01T12:00:00Z"), noon);
        assert_eq!(parse_ms("2026-01-01T13:00:00+01:00"), noon);
        assert_eq!(parse_ms("2026-01-01T12:00+0000"), noon); // IBM CLI
        assert_eq!(parse_ms("yesterday"), None);
        assert_eq!(
            format_ms(1_767_268_800_000).as_deref(),
            Some("2026-01-01T12:00:00Z")
        );
    }
}
