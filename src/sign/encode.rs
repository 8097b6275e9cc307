//! URI encoding shared by the signers: AWS's rule (every byte but `A-Z a-z 0-9 - _ . ~` as `%XX`,
//! upper-case hex), which is also what Python's `quote` does, the function the Huawei SDKs use.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::borrow::Cow;

/// Everything but the unreserved characters of RFC 3986.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// The same, keeping `/` so a whole path can be encoded at once.
const PATH: &AsciiSet = &COMPONENT.remove(b'/');

/// Encodes a query key or value, or one path segment.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_component(&mut out, text);
    out
}

/// Appends `text` encoded as [`encode_component`] does, without an intermediate `String`.
pub fn push_component(out: &mut String, text: &str) {
    out.extend(utf8_percent_encode(text, COMPONENT));
}

/// Encodes a path, leaving its `/` separators.
pub fn encode_path(text: &str) -> String {
    utf8_percent_encode(text, PATH).to_string()
}

/// Lower-case hex of a 32-byte digest or signature, the form SigV4 and API Gateway sign. Through
/// `encode_to_slice`: `hex::encode` builds its string a `char` at a time, a measurable share of
/// a signature in WASM.
pub fn hex32(bytes: &[u8; 32]) -> String {
    let mut out = [0u8; 64];
    hex::encode_to_slice(bytes, &mut out).expect("64 hex digits for 32 bytes");
    String::from_utf8(out.to_vec()).expect("hex is ASCII")
}

/// Decodes `%XX` escapes; invalid UTF-8 becomes U+FFFD, as Python's `unquote` does. `+` stays `+`
/// (a URL's path and a SigV4 query both keep it literal).
pub fn decode(text: &str) -> Cow<'_, str> {
    percent_decode_str(text).decode_utf8_lossy()
}

/// One `key[=value]` item of a query string, decoded. `value` is `None` for a bare `key`
/// (OBS signs `acl` and `acl=` differently).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryParam {
    pub key: String,
    pub value: Option<String>,
}

/// The query's items in their order, decoded, empty items dropped.
pub fn query_params(query: Option<&str>) -> Vec<QueryParam> {
    query
        .unwrap_or("")
        .split('&')
        .filter(|item| !item.is_empty())
        .map(|item| {
            let (key, value) = match item.split_once('=') {
                Some((key, value)) => (key, Some(value)),
                None => (item, None),
            };
            QueryParam {
                key: decode(key).into_owned(),
                value: value.map(|v| decode(v).into_owned()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_unreserved_characters() {
        assert_eq!(encode_component("a-b_c.d~e"), "a-b_c.d~e");
        assert_eq!(encode_component("a b/c+d*é"), "a%20b%2Fc%2Bd%2A%C3%A9");
        assert_eq!(encode_path("/a b/c"), "/a%20b/c");
    }

    #[test]
    fn hex32_is_lower_case_hex() {
        let bytes: [u8; 32] = std::array::from_fn(|i| (i as u8).wrapping_mul(37));
        assert_eq!(hex32(&bytes), hex::encode(bytes));
    }

    #[test]
    fn splits_and_decodes_queries() {
        assert_eq!(
            query_params(Some("acl&k=&a%20b=c%2Fd&&x=1=2")),
            vec![
                QueryParam {
                    key: "acl".into(),
                    value: None
                },
                QueryParam {
                    key: "k".into(),
                    value: Some(String::new())
                },
                QueryParam {
                    key: "a b".into(),
                    value: Some("c/d".into())
                },
                QueryParam {
                    key: "x".into(),
                    value: Some("1=2".into())
                },
            ]
        );
        assert!(query_params(None).is_empty());
    }
}
