//! Huawei Cloud API Gateway `SDK-HMAC-SHA256` (IAM, ModelArts), as huaweicloudsdkcore's
//! `signer/signer.py` computes it.

use super::encode::{decode, encode_component, hex32, query_params};
use super::{
    caller_headers, canonical_method, SignError, SignRequest, SignedRequest, Target, Timestamp,
};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

const ALGORITHM: &str = "SDK-HMAC-SHA256";
const DATE_HEADER: &str = "X-Sdk-Date";
const TOKEN_HEADER: &str = "X-Security-Token";
const CONTENT_HASH_HEADER: &str = "X-Sdk-Content-Sha256";
const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// Adds `X-Sdk-Date`, `X-Security-Token` for temporary keys, `X-Sdk-Content-Sha256:
/// UNSIGNED-PAYLOAD` for bodies that are neither JSON nor BSON (as the SDK does), and
/// `Authorization`. Every header is signed, `host` included, except names containing `_`.
pub fn sign(request: &SignRequest) -> Result<SignedRequest, SignError> {
    let method = canonical_method(&request.method)?;
    let target = Target::parse(&request.url)?;
    let time = Timestamp::parse(&request.timestamp)?;
    let mut headers: Vec<(String, String)> = caller_headers(request, &[DATE_HEADER, TOKEN_HEADER])
        .map(|(n, v)| (n.to_owned(), v.trim().to_owned()))
        .collect();
    headers.push((DATE_HEADER.to_owned(), time.basic().to_owned()));
    if let Some(token) = &request.security_token {
        headers.push((TOKEN_HEADER.to_owned(), token.expose().to_owned()));
    }
    // As the SDK: an empty Content-Type (falsy in Python) declares nothing.
    let content_type = find(&headers, "content-type").filter(|t| !t.is_empty());
    if content_type
        .is_some_and(|t| !t.starts_with("application/json") && !t.starts_with("application/bson"))
        && find(&headers, CONTENT_HASH_HEADER).is_none()
    {
        headers.push((CONTENT_HASH_HEADER.to_owned(), UNSIGNED_PAYLOAD.to_owned()));
    }
    let payload_hash = match find(&headers, CONTENT_HASH_HEADER) {
        Some(declared) if !request.body.is_empty() => declared.to_owned(),
        _ => hex32(&Sha256::digest(&request.body).into()),
    };

    let mut signed: Vec<(String, &str)> = headers
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.as_str()))
        .chain([("host".to_owned(), target.host.as_str())])
        .collect();
    signed.sort_by(|a, b| a.0.cmp(&b.0));
    let signed_names = signed
        .iter()
        .map(|(n, _)| n.as_str())
        .collect::<Vec<_>>()
        .join(";");
    let header_block: String = signed.iter().map(|(n, v)| format!("{n}:{v}\n")).collect();

    let canonical_request = [
        method.as_str(),
        &canonical_uri(&target),
        &canonical_query(&target),
        &header_block,
        &signed_names,
        &payload_hash,
    ]
    .join("\n");
    let string_to_sign = format!(
        "{ALGORITHM}\n{}\n{}",
        time.basic(),
        hex32(&Sha256::digest(canonical_request.as_bytes()).into())
    );
    let mut mac = Hmac::<Sha256>::new_from_slice(request.secret_access_key.expose().as_bytes())
        .expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    let signature = hex32(&mac.finalize().into_bytes().into());
    headers.push((
        "Authorization".to_owned(),
        format!(
            "{ALGORITHM} Access={}, SignedHeaders={signed_names}, Signature={signature}",
            request.access_key_id
        ),
    ));
    Ok(SignedRequest {
        method,
        url: target.url.to_string(),
        headers,
    })
}

fn find<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// The decoded path split on `/`, each segment encoded, always ending in `/`.
fn canonical_uri(target: &Target) -> String {
    let path = decode(target.url.path());
    let mut uri = path
        .split('/')
        .map(encode_component)
        .collect::<Vec<_>>()
        .join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// Items sorted by decoded key then value, each `encode(key)=encode(value)`.
fn canonical_query(target: &Target) -> String {
    let mut items: Vec<(String, String)> = query_params(target.url.query())
        .into_iter()
        .map(|p| (p.key, p.value.unwrap_or_default()))
        .collect();
    items.sort_unstable();
    items
        .iter()
        .map(|(k, v)| format!("{}={}", encode_component(k), encode_component(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::Scheme;

    /// Huawei's published example key pair (FACTS.md), on an apig request.
    fn request(method: &str, url: &str, content_type: &str, body: &[u8]) -> SignRequest {
        SignRequest {
            scheme: Scheme::Apig,
            method: method.into(),
            url: url.into(),
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.to_vec(),
            access_key_id: "QTWAOYTTINDUT2QVKYUC".into(),
            secret_access_key: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc".into(),
            security_token: None,
            region: None,
            service: None,
            bucket: None,
            unsigned_payload: false,
            timestamp: "20191115T033655Z".into(),
        }
    }

    /// Huawei's published example (API Gateway developer guide, "AK/SK signing"), in FACTS.md.
    #[test]
    fn huawei_published_vector() {
        let request = request("GET", "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", "application/json", b"");
        let signed = sign(&request).unwrap();
        assert_eq!(
            find(&signed.headers, "x-sdk-date"),
            Some("20191115T033655Z")
        );
        assert_eq!(
            find(&signed.headers, "authorization"),
            Some(
                "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, \
                 Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe"
            )
        );
        assert!(find(&signed.headers, "host").is_none());
    }

    /// Found by the differential test against huaweicloudsdkcore (seed 1048040386): a blank
    /// Content-Type must not add `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`, a real non-JSON one must.
    #[test]
    fn only_a_non_empty_non_json_content_type_declares_an_unsigned_payload() {
        let signed_headers = |content_type: &str| {
            sign(&request("PUT", "https://h/v1/x", content_type, b"data"))
                .unwrap()
                .headers
        };
        assert!(find(&signed_headers("  "), "x-sdk-content-sha256").is_none());
        assert!(find(&signed_headers("application/json"), "x-sdk-content-sha256").is_none());
        assert_eq!(
            find(&signed_headers("text/plain"), "x-sdk-content-sha256"),
            Some("UNSIGNED-PAYLOAD")
        );
    }

    #[test]
    fn canonical_uri_always_ends_in_a_slash() {
        let t = Target::parse("https://h/v3/a%2Fb/~x y?b=2&a=1&a=&c").unwrap();
        assert_eq!(canonical_uri(&t), "/v3/a/b/~x%20y/");
        assert_eq!(canonical_query(&t), "a=&a=1&b=2&c=");
    }
}
