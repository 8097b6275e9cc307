//! AWS Signature Version 4 (`AWS4-HMAC-SHA256`), header and presigned-URL forms.
//!
//! Canonicalisation follows AWS's specification and its public test suites. The path is taken as
//! the browser sends it (dot segments resolved, other characters percent-encoded): for service
//! `s3` each segment is decoded then encoded once; other services drop empty segments and encode
//! the sent segments again ("double encoding"). Query items are encoded and sorted, header values
//! trimmed with inner whitespace folded.

use super::encode::{decode, encode_component, hex32, push_component, query_params};
use super::{
    caller_headers, canonical_method, SignError, SignRequest, SignedRequest, Target, Timestamp,
};
use crate::secret::Secret;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";
const DEFAULT_SERVICE: &str = "s3";
/// Headers this signer sets; a caller's copies are replaced.
const SET_HERE: [&str; 3] = ["x-amz-date", "x-amz-content-sha256", "x-amz-security-token"];

/// A SigV4 signer that keeps the last derived signing key, so a caller signing many requests
/// with one key, day, region and service pays one HMAC chain instead of five per request.
#[derive(Default)]
pub struct Aws4Signer {
    cached: Option<CachedKey>,
}

/// A derived signing key and what it depends on (the secret wiped on drop, as the key is).
struct CachedKey {
    date: String,
    region: String,
    service: String,
    secret: Secret,
    key: Zeroizing<[u8; 32]>,
}

/// The pieces of one request both forms share.
struct Prepared<'a> {
    method: String,
    target: Target,
    time: Timestamp,
    region: &'a str,
    service: &'a str,
    /// `date/region/service/aws4_request`.
    scope: String,
}

impl<'a> Prepared<'a> {
    fn new(request: &'a SignRequest) -> Result<Self, SignError> {
        let time = Timestamp::parse(&request.timestamp)?;
        let region = request
            .region
            .as_deref()
            .filter(|r| !r.is_empty())
            .ok_or(SignError::MissingField("region"))?;
        let service = request
            .service
            .as_deref()
            .filter(|s| !s.is_empty())
            .unwrap_or(DEFAULT_SERVICE);
        Ok(Prepared {
            method: canonical_method(&request.method)?,
            target: Target::parse(&request.url)?,
            scope: format!("{}/{region}/{service}/aws4_request", time.date()),
            time,
            region,
            service,
        })
    }

    fn is_s3(&self) -> bool {
        self.service == "s3"
    }

    /// The body's SHA-256, or `UNSIGNED-PAYLOAD` where S3 takes it (`unsigned`, which S3 requires
    /// of presigned URLs).
    fn payload_hash(&self, body: &[u8], unsigned: bool) -> String {
        if self.is_s3() && unsigned {
            UNSIGNED_PAYLOAD.to_owned()
        } else {
            hex32(&Sha256::digest(body).into())
        }
    }

    fn canonical_uri(&self, out: &mut String) {
        let start = out.len();
        let path = self.target.url.path();
        if self.is_s3() {
            for (i, segment) in path.split('/').enumerate() {
                if i > 0 {
                    out.push('/');
                }
                push_component(out, &decode(segment));
            }
        } else {
            // The path as sent is encoded once more: other services sign `%3A` as `%253A`.
            for segment in path.split('/').filter(|s| !s.is_empty()) {
                out.push('/');
                push_component(out, segment);
            }
            if path.ends_with('/') && path.len() > 1 {
                out.push('/');
            }
        }
        if out.len() == start {
            out.push('/');
        }
    }

    /// The URL's query items plus `extra` (already encoded), sorted.
    fn canonical_query(&self, extra: &[(String, String)], out: &mut String) {
        let mut items: Vec<(String, String)> = query_params(self.target.url.query())
            .into_iter()
            .map(|p| {
                (
                    encode_component(&p.key),
                    encode_component(p.value.as_deref().unwrap_or("")),
                )
            })
            .chain(extra.iter().cloned())
            .collect();
        items.sort_unstable();
        push_query(out, &items);
    }

    /// The signed-headers list and the canonical headers block for `headers` plus `host`.
    fn canonical_headers(&self, headers: &[(String, String)]) -> (String, String) {
        let mut lines: Vec<(String, String)> = Vec::with_capacity(headers.len() + 1);
        lines.push(("host".to_owned(), self.target.host.clone()));
        for (name, value) in headers {
            let name = name.to_ascii_lowercase();
            let joined = match lines.iter_mut().find(|(n, _)| *n == name) {
                Some((_, joined)) => {
                    joined.push(',');
                    joined
                }
                None => {
                    lines.push((name, String::with_capacity(value.len())));
                    &mut lines.last_mut().expect("just pushed").1
                }
            };
            for (i, word) in value.split_whitespace().enumerate() {
                if i > 0 {
                    joined.push(' ');
                }
                joined.push_str(word);
            }
        }
        lines.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut signed = String::with_capacity(lines.len() * 16);
        let mut block = String::with_capacity(lines.len() * 48);
        for (i, (name, value)) in lines.iter().enumerate() {
            if i > 0 {
                signed.push(';');
            }
            signed.push_str(name);
            block.push_str(name);
            block.push(':');
            block.push_str(value);
            block.push('\n');
        }
        (signed, block)
    }

    /// The canonical request of both forms, `query_extra` being the presigned form's items.
    fn canonical_request(
        &self,
        query_extra: &[(String, String)],
        (signed_headers, header_block): (&str, &str),
        payload_hash: &str,
    ) -> String {
        let mut out = String::with_capacity(256 + header_block.len());
        out.push_str(&self.method);
        out.push('\n');
        self.canonical_uri(&mut out);
        out.push('\n');
        self.canonical_query(query_extra, &mut out);
        out.push('\n');
        out.push_str(header_block);
        out.push('\n');
        out.push_str(signed_headers);
        out.push('\n');
        out.push_str(payload_hash);
        out
    }
}

impl Aws4Signer {
    /// The header form: `Authorization`, `x-amz-date` and, for `s3`, `x-amz-content-sha256`.
    pub fn sign(&mut self, request: &SignRequest) -> Result<SignedRequest, SignError> {
        let prepared = Prepared::new(request)?;
        let mut headers: Vec<(String, String)> = caller_headers(request, &SET_HERE)
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        headers.push(("x-amz-date".to_owned(), prepared.time.basic().to_owned()));
        let payload_hash = prepared.payload_hash(&request.body, request.unsigned_payload);
        if prepared.is_s3() {
            headers.push(("x-amz-content-sha256".to_owned(), payload_hash.clone()));
        }
        if let Some(token) = &request.security_token {
            headers.push(("x-amz-security-token".to_owned(), token.expose().to_owned()));
        }
        let (signed_headers, header_block) = prepared.canonical_headers(&headers);
        let canonical_request =
            prepared.canonical_request(&[], (&signed_headers, &header_block), &payload_hash);
        let signature = self.signature(&prepared, &request.secret_access_key, &canonical_request);
        headers.push((
            "Authorization".to_owned(),
            format!(
                "{ALGORITHM} Credential={}/{}, SignedHeaders={signed_headers}, Signature={signature}",
                request.access_key_id,
                prepared.scope
            ),
        ));
        Ok(SignedRequest {
            method: prepared.method,
            url: prepared.target.url.into(),
            headers,
        })
    }

    /// The presigned-URL form: the `X-Amz-*` items appended to the URL's query. For `s3` the
    /// payload is `UNSIGNED-PAYLOAD`, as S3 requires of presigned URLs.
    pub fn presign(&mut self, request: &SignRequest, expires_in: u32) -> Result<String, SignError> {
        let prepared = Prepared::new(request)?;
        let headers: Vec<(String, String)> = caller_headers(request, &SET_HERE)
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        let (signed_headers, header_block) = prepared.canonical_headers(&headers);
        let mut auth_items = vec![
            ("X-Amz-Algorithm".to_owned(), ALGORITHM.to_owned()),
            (
                "X-Amz-Credential".to_owned(),
                encode_component(&format!("{}/{}", request.access_key_id, prepared.scope)),
            ),
            ("X-Amz-Date".to_owned(), prepared.time.basic().to_owned()),
            ("X-Amz-Expires".to_owned(), expires_in.to_string()),
            (
                "X-Amz-SignedHeaders".to_owned(),
                encode_component(&signed_headers),
            ),
        ];
        if let Some(token) = &request.security_token {
            auth_items.push((
                "X-Amz-Security-Token".to_owned(),
                encode_component(token.expose()),
            ));
        }
        let payload_hash = prepared.payload_hash(&request.body, true);
        let canonical_request = prepared.canonical_request(
            &auth_items,
            (&signed_headers, &header_block),
            &payload_hash,
        );
        let signature = self.signature(&prepared, &request.secret_access_key, &canonical_request);
        auth_items.push(("X-Amz-Signature".to_owned(), signature));
        let mut params = String::with_capacity(512);
        push_query(&mut params, &auth_items);
        Ok(prepared.target.with_query(&params))
    }

    fn signature(
        &mut self,
        prepared: &Prepared,
        secret: &Secret,
        canonical_request: &str,
    ) -> String {
        let mut string_to_sign = String::with_capacity(160);
        string_to_sign.push_str(ALGORITHM);
        string_to_sign.push('\n');
        string_to_sign.push_str(prepared.time.basic());
        string_to_sign.push('\n');
        string_to_sign.push_str(&prepared.scope);
        string_to_sign.push('\n');
        string_to_sign.push_str(&hex32(&Sha256::digest(canonical_request.as_bytes()).into()));
        let key = self.signing_key(prepared, secret);
        hex32(&hmac_sha256(&key[..], string_to_sign.as_bytes()))
    }

    fn signing_key(&mut self, prepared: &Prepared, secret: &Secret) -> &[u8; 32] {
        let date = prepared.time.date();
        let hit = self.cached.as_ref().is_some_and(|c| {
            c.date == date
                && c.region == prepared.region
                && c.service == prepared.service
                && c.secret == *secret
        });
        if !hit {
            let seed = Zeroizing::new(format!("AWS4{}", secret.expose()));
            let k_date = hmac_sha256(seed.as_bytes(), date.as_bytes());
            let k_region = hmac_sha256(&k_date[..], prepared.region.as_bytes());
            let k_service = hmac_sha256(&k_region[..], prepared.service.as_bytes());
            self.cached = Some(CachedKey {
                date: date.to_owned(),
                region: prepared.region.to_owned(),
                service: prepared.service.to_owned(),
                secret: secret.clone(),
                key: hmac_sha256(&k_service[..], b"aws4_request"),
            });
        }
        &self.cached.as_ref().expect("filled above").key
    }
}

fn hmac_sha256(key: &[u8], data: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data);
    Zeroizing::new(mac.finalize().into_bytes().into())
}

fn push_query(out: &mut String, items: &[(String, String)]) {
    for (i, (key, value)) in items.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::Scheme;

    fn request(url: &str) -> SignRequest {
        SignRequest {
            scheme: Scheme::Aws4,
            method: "GET".into(),
            url: url.into(),
            headers: vec![],
            body: vec![],
            access_key_id: "AKIDEXAMPLE".into(),
            secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
            security_token: None,
            region: Some("us-east-1".into()),
            service: Some("s3".into()),
            bucket: None,
            unsigned_payload: false,
            timestamp: "20130524T000000Z".into(),
        }
    }

    fn header<'a>(signed: &'a SignedRequest, name: &str) -> &'a str {
        signed
            .headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {name} header"))
    }

    // The GET Object example of the Amazon S3 API Reference ("Signature Calculations for the
    // Authorization Header: Transferring Payload in a Single Chunk").
    #[test]
    fn s3_documentation_get_object_example() {
        let mut req = request("https://examplebucket.s3.amazonaws.com/test.txt");
        req.access_key_id = "AKIAIOSFODNN7EXAMPLE".into();
        req.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into();
        req.headers = vec![("Range".into(), "bytes=0-9".into())];
        let signed = Aws4Signer::default().sign(&req).unwrap();
        assert_eq!(
            header(&signed, "authorization"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, \
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, \
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    // The presigned GET Object example of the Amazon S3 API Reference ("Authenticating Requests:
    // Using Query Parameters").
    #[test]
    fn s3_documentation_presigned_example() {
        let mut req = request("https://examplebucket.s3.amazonaws.com/test.txt");
        req.access_key_id = "AKIAIOSFODNN7EXAMPLE".into();
        req.secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into();
        let url = Aws4Signer::default().presign(&req, 86400).unwrap();
        assert_eq!(
            url,
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256\
             &X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request\
             &X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\
             &X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"
        );
    }

    #[test]
    fn never_adds_browser_owned_headers_and_reuses_the_key() {
        let mut signer = Aws4Signer::default();
        let mut req = request("https://b.example/k");
        req.headers = vec![("Host".into(), "evil.example".into())];
        let first = signer.sign(&req).unwrap();
        assert!(first.headers.iter().all(
            |(n, _)| !["host", "date", "user-agent"].contains(&n.to_ascii_lowercase().as_str())
        ));
        assert_eq!(first, signer.sign(&req).unwrap());
        assert_eq!(first, Aws4Signer::default().sign(&req).unwrap());
        req.region = None;
        assert_eq!(signer.sign(&req), Err(SignError::MissingField("region")));
    }

    #[test]
    fn the_cached_key_serves_only_its_secret_day_region_and_service() {
        let mut signer = Aws4Signer::default();
        let base = request("https://b.example/k");
        signer.sign(&base).unwrap();
        let mut other_secret = base.clone();
        other_secret.secret_access_key = "another-secret-of-the-same-length-000000".into();
        let mut other_day = base.clone();
        other_day.timestamp = "20130525T000000Z".into();
        let mut other_region = base.clone();
        other_region.region = Some("eu-west-0".into());
        let mut other_service = base.clone();
        other_service.service = Some("iam".into());
        for changed in [other_secret, other_day, other_region, other_service] {
            let reused = signer.sign(&changed).unwrap();
            assert_eq!(reused, Aws4Signer::default().sign(&changed).unwrap());
            assert_ne!(reused, Aws4Signer::default().sign(&base).unwrap());
        }
    }
}
