//! What came back for one request, and the readers every diagnosis shares: headers without
//! case, the `<Error>` document of OBS / S3, and the clock difference a server reveals.

use crate::date;
use serde::Deserialize;
use std::collections::BTreeMap;

/// An HTTP answer, or why there was none. JS passes `{status, headers, body}` or `{error}`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Response {
        status: u16,
        #[serde(default)]
        headers: BTreeMap<String, String>,
        #[serde(default)]
        body: String,
    },
    Failed {
        error: Failure,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Failure {
    /// DNS, TLS, refused connection, proxy, offline, timeout, missing host permission.
    Network,
    /// The server sent the request elsewhere (a key check never follows redirects).
    Redirect,
}

impl Answer {
    pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Self {
        Answer::Response {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.to_owned(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        match self {
            Answer::Response { headers, .. } => headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.trim()),
            Answer::Failed { .. } => None,
        }
    }

    /// The first of `names` that the answer carries.
    pub fn first_header(&self, names: &[&str]) -> Option<&str> {
        names.iter().find_map(|n| self.header(n))
    }
}

/// The `<Error><Code>…</Code>…</Error>` document OBS and S3 send with a failure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct XmlError {
    pub code: String,
    pub server_time: Option<String>,
}

pub fn xml_error(body: &str) -> Option<XmlError> {
    let doc = roxmltree::Document::parse(body).ok()?;
    let root = doc.root_element();
    if !root.has_tag_name("Error") {
        return None;
    }
    Some(XmlError {
        code: child_text(root, "Code")?,
        server_time: child_text(root, "ServerTime"),
    })
}

/// How many elements named `tag` a document holds (`Bucket` in a ListBuckets answer).
pub fn count_elements(body: &str, tag: &str) -> Option<usize> {
    let doc = roxmltree::Document::parse(body).ok()?;
    Some(doc.descendants().filter(|n| n.has_tag_name(tag)).count())
}

fn child_text(node: roxmltree::Node, tag: &str) -> Option<String> {
    node.children()
        .find(|n| n.has_tag_name(tag))
        .and_then(|n| n.text())
        .map(|t| t.trim().to_owned())
}

/// Seconds the server's clock is ahead of the request's timestamp (negative: behind), read
/// from `<ServerTime>` when the error names it, else from the `Date` header.
pub fn server_clock_offset(
    answer: &Answer,
    server_time: Option<&str>,
    sent_at: &str,
) -> Option<i64> {
    let sent = date::parse_basic(sent_at)?;
    // `<ServerTime>` is `2026-11-23T11:06:32Z` or `…:32.123Z`.
    let server = server_time
        .and_then(date::parse_rfc3339_ms)
        .map(|ms| ms.div_euclid(1000))
        .or_else(|| answer.header("date").and_then(date::parse_http))?;
    Some(server - sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    // The RequestTimeTooSkewed answer as the Amazon S3 API reference shows it.
    const SKEWED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261123T100000Z</RequestTime><ServerTime>2026-11-23T11:00:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds><RequestId>4442587FB7D0A2F9</RequestId></Error>"#;

    #[test]
    fn reads_the_error_code_and_server_time() {
        let e = xml_error(SKEWED).unwrap();
        assert_eq!(e.code, "RequestTimeTooSkewed");
        assert_eq!(e.server_time.as_deref(), Some("2026-11-23T11:00:00Z"));
        assert_eq!(xml_error("<ListAllMyBucketsResult/>"), None);
        assert_eq!(xml_error("not xml"), None);
    }

    #[test]
    fn clock_offset_from_server_time_or_date_header() {
        let none = Answer::response(403, &[], "");
        assert_eq!(
            server_clock_offset(&none, Some("2026-11-23T11:00:00Z"), "20261123T100000Z"),
            Some(3600)
        );
        let dated = Answer::response(403, &[("Date", "Mon, 23 Nov 2026 09:30:00 GMT")], "");
        assert_eq!(
            server_clock_offset(&dated, None, "20261123T100000Z"),
            Some(-1800)
        );
        assert_eq!(server_clock_offset(&none, None, "20261123T100000Z"), None);
    }

    #[test]
    fn headers_are_found_without_case() {
        let a = Answer::response(200, &[("X-Obs-Storage-Class", " WARM ")], "");
        assert_eq!(a.header("x-obs-storage-class"), Some("WARM"));
        assert_eq!(
            a.first_header(&["x-default-storage-class", "x-obs-storage-class"]),
            Some("WARM")
        );
    }

    #[test]
    fn answers_deserialize_from_both_js_shapes() {
        let ok: Answer =
            serde_json::from_str(r#"{"status":200,"headers":{"date":"x"},"body":"b"}"#).unwrap();
        assert!(matches!(ok, Answer::Response { status: 200, .. }));
        let failed: Answer = serde_json::from_str(r#"{"error":"network"}"#).unwrap();
        assert!(matches!(
            failed,
            Answer::Failed {
                error: Failure::Network
            }
        ));
    }
}
