//! Request signers: AWS SigV4, OBS native, Huawei API Gateway.
//!
//! Sans-IO: a [`SignRequest`] (with the caller's timestamp) goes in, the headers and URL to send
//! come out. No signer adds `Host`, `Date` or `User-Agent`, which a browser sets itself: the host
//! is signed as the URL names it.

pub mod apig;
pub mod aws4;
pub mod encode;
pub mod obs;

use crate::secret::Secret;
use serde::Deserialize;
use std::fmt;
use url::Url;

/// Which signature a request gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// AWS Signature V4 (also accepted by OBS).
    Aws4,
    /// OBS's own `OBS AK:signature`.
    Obs,
    /// Huawei Cloud API Gateway `SDK-HMAC-SHA256` (IAM, ModelArts).
    Apig,
}

/// Everything a signer needs; `timestamp` is `YYYYMMDDTHHMMSSZ` (UTC), given by the caller.
#[derive(Debug, Clone)]
pub struct SignRequest {
    pub scheme: Scheme,
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    pub access_key_id: String,
    pub secret_access_key: Secret,
    pub security_token: Option<Secret>,
    /// Required by `aws4`.
    pub region: Option<String>,
    /// `aws4` only; `s3` when absent.
    pub service: Option<String>,
    /// `obs` only: the bucket of a virtual-host URL (`bucket.obs.region.myhuaweicloud.com`).
    pub bucket: Option<String>,
    /// `aws4` with service `s3`: send `UNSIGNED-PAYLOAD` instead of the body's hash.
    pub unsigned_payload: bool,
    pub timestamp: String,
}

/// What to send: the URL as the browser will send it, and every header to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
}

/// Why a request could not be signed. Messages name fields, never their values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    InvalidUrl,
    InvalidTimestamp,
    InvalidMethod,
    MissingField(&'static str),
    PresignNotSupported,
    InvalidExpiry,
}

impl SignError {
    /// A stable code the UI and tests can match on.
    pub fn code(&self) -> &'static str {
        match self {
            SignError::InvalidUrl => "invalid_url",
            SignError::InvalidTimestamp => "invalid_timestamp",
            SignError::InvalidMethod => "invalid_method",
            SignError::MissingField(_) => "missing_field",
            SignError::PresignNotSupported => "presign_not_supported",
            SignError::InvalidExpiry => "invalid_expiry",
        }
    }
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::InvalidUrl => f.write_str("the URL is not an absolute http(s) URL"),
            SignError::InvalidTimestamp => f.write_str("the timestamp is not YYYYMMDDTHHMMSSZ"),
            SignError::InvalidMethod => f.write_str("the method is not an HTTP token"),
            SignError::MissingField(field) => write!(f, "`{field}` is required for this scheme"),
            SignError::PresignNotSupported => {
                f.write_str("only aws4 and obs have a presigned-URL form")
            }
            SignError::InvalidExpiry => {
                f.write_str("expiresIn must be between 1 second and 7 days")
            }
        }
    }
}

impl std::error::Error for SignError {}

/// Longest validity of a presigned URL (SigV4's limit; OBS has none, the same cap is prudent).
pub const MAX_EXPIRES_IN: u32 = 7 * 24 * 3600;

/// Signs requests of every scheme, keeping SigV4's derived signing key between calls.
#[derive(Default)]
pub struct Signer {
    aws4: aws4::Aws4Signer,
}

impl Signer {
    pub fn sign(&mut self, request: &SignRequest) -> Result<SignedRequest, SignError> {
        match request.scheme {
            Scheme::Aws4 => self.aws4.sign(request),
            Scheme::Obs => obs::sign(request),
            Scheme::Apig => apig::sign(request),
        }
    }

    /// A URL valid for `expires_in` seconds from the request's timestamp.
    pub fn presign(&mut self, request: &SignRequest, expires_in: u32) -> Result<String, SignError> {
        if expires_in == 0 || expires_in > MAX_EXPIRES_IN {
            return Err(SignError::InvalidExpiry);
        }
        match request.scheme {
            Scheme::Aws4 => self.aws4.presign(request, expires_in),
            Scheme::Obs => obs::presign(request, expires_in),
            Scheme::Apig => Err(SignError::PresignNotSupported),
        }
    }
}

/// Signs with a one-off [`Signer`].
pub fn sign(request: &SignRequest) -> Result<SignedRequest, SignError> {
    Signer::default().sign(request)
}

/// Presigns with a one-off [`Signer`].
pub fn presign(request: &SignRequest, expires_in: u32) -> Result<String, SignError> {
    Signer::default().presign(request, expires_in)
}

/// The request's time, in the forms the schemes need. Keeps its `YYYYMMDDTHHMMSSZ` text, which
/// SigV4 and API Gateway sign as given: no formatting on the hot path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Timestamp {
    unix: i64,
    basic: String,
}

impl Timestamp {
    pub(crate) fn parse(text: &str) -> Result<Self, SignError> {
        let unix = crate::date::parse_basic(text).ok_or(SignError::InvalidTimestamp)?;
        Ok(Timestamp {
            unix,
            basic: text.to_owned(),
        })
    }

    /// `YYYYMMDDTHHMMSSZ`.
    pub(crate) fn basic(&self) -> &str {
        &self.basic
    }

    /// `YYYYMMDD`, the date of a SigV4 scope.
    pub(crate) fn date(&self) -> &str {
        &self.basic[..8]
    }

    /// RFC 1123, as OBS's `x-obs-date` wants it.
    pub(crate) fn http_date(&self) -> String {
        crate::date::format_http(self.unix).expect("a four-digit year formats")
    }

    pub(crate) fn unix(&self) -> i64 {
        self.unix
    }
}

/// The parsed URL and the `host[:port]` that is signed (the port only when not the default).
pub(crate) struct Target {
    pub(crate) url: Url,
    pub(crate) host: String,
}

impl Target {
    pub(crate) fn parse(text: &str) -> Result<Self, SignError> {
        let url = crate::ascii_url::parse(text).map_err(|_| SignError::InvalidUrl)?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(SignError::InvalidUrl);
        }
        let host = url.host_str().ok_or(SignError::InvalidUrl)?;
        let host = match url.port() {
            Some(port) => format!("{host}:{port}"),
            None => host.to_owned(),
        };
        Ok(Target { url, host })
    }

    /// The URL with `params` (already encoded) appended to its query.
    pub(crate) fn with_query(&self, params: &str) -> String {
        let mut url = self.url.clone();
        let query = match self.url.query() {
            Some(existing) if !existing.is_empty() => format!("{existing}&{params}"),
            _ => params.to_owned(),
        };
        url.set_query(Some(&query));
        url.into()
    }
}

/// The caller's headers minus those a signer sets itself or a browser refuses to let a page set
/// (`host`), compared without case. Values lose their outer whitespace, as `fetch` sends them.
pub(crate) fn caller_headers<'a>(
    request: &'a SignRequest,
    set_by_signer: &'a [&str],
) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
    request
        .headers
        .iter()
        .filter(move |(name, _)| {
            !name.eq_ignore_ascii_case("host")
                && !name.eq_ignore_ascii_case("authorization")
                && !set_by_signer.iter().any(|s| name.eq_ignore_ascii_case(s))
        })
        .map(|(name, value)| (name.as_str(), value.trim_matches(HTTP_WHITESPACE)))
}

const HTTP_WHITESPACE: [char; 4] = [' ', '\t', '\n', '\r'];

/// Methods are HTTP tokens; upper-cased as every scheme signs them.
pub(crate) fn canonical_method(method: &str) -> Result<String, SignError> {
    let is_token = !method.is_empty()
        && method
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
    if is_token {
        Ok(method.to_ascii_uppercase())
    } else {
        Err(SignError::InvalidMethod)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_forms() {
        let t = Timestamp::parse("20191115T033655Z").unwrap();
        assert_eq!(t.basic(), "20191115T033655Z");
        assert_eq!(t.date(), "20191115");
        assert_eq!(t.http_date(), "Fri, 15 Nov 2019 03:36:55 GMT");
        assert_eq!(t.unix(), 1_573_789_015);
        for bad in [
            "2019-11-15T03:36:55Z",
            "20191315T033655Z",
            "+020191115T033655Z",
        ] {
            assert_eq!(
                Timestamp::parse(bad),
                Err(SignError::InvalidTimestamp),
                "{bad}"
            );
        }
    }

    #[test]
    fn host_keeps_only_a_non_default_port() {
        assert_eq!(
            Target::parse("https://h.example:443/").unwrap().host,
            "h.example"
        );
        assert_eq!(
            Target::parse("http://127.0.0.1:9000/").unwrap().host,
            "127.0.0.1:9000"
        );
        assert!(Target::parse("ftp://h.example/").is_err());
        assert!(Target::parse("/relative").is_err());
    }

    #[test]
    fn errors_never_echo_values() {
        let e = SignError::MissingField("region");
        assert_eq!(e.code(), "missing_field");
        assert!(e.to_string().contains("region"));
        assert_eq!(canonical_method("get"), Ok("GET".into()));
        assert_eq!(canonical_method("GE T"), Err(SignError::InvalidMethod));
    }
}
