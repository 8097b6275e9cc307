//! OBS's native signature (`Authorization: OBS AK:Base64(HMAC-SHA1(SK, StringToSign))`) and its
//! presigned form, as esdk-obs-python's `obs/auth.py` computes them.

use super::encode::{encode_component, encode_path, query_params};
use super::{
    caller_headers, canonical_method, SignError, SignRequest, SignedRequest, Target, Timestamp,
};
use base64::{engine::general_purpose::STANDARD, Engine};
use hmac::{Hmac, Mac};
use sha1::Sha1;
use std::collections::BTreeMap;

const DATE_HEADER: &str = "x-obs-date";
const TOKEN_HEADER: &str = "x-obs-security-token";
const HEADER_PREFIX: &str = "x-obs-";
const META_PREFIX: &str = "x-obs-meta-";

/// The query items OBS signs (esdk-obs-python `const.ALLOWED_RESOURCE_PARAMTER_NAMES`), besides
/// any `x-obs-*` item. Compared in lower case.
const SUB_RESOURCES: &[&str] = &[
    "acl",
    "backtosource",
    "policy",
    "torrent",
    "logging",
    "location",
    "storageinfo",
    "quota",
    "storageclass",
    "storagepolicy",
    "requestpayment",
    "versions",
    "versioning",
    "versionid",
    "uploads",
    "uploadid",
    "partnumber",
    "website",
    "notification",
    "dispolicy",
    "lifecycle",
    "deletebucket",
    "delete",
    "cors",
    "restore",
    "tagging",
    "replication",
    "metadata",
    "encryption",
    "publicaccessblock",
    "bucketstatus",
    "policystatus",
    "x-obs-accesslabel",
    "inventory",
    "obscompresspolicy",
    "object-lock",
    "retention",
    "directcoldaccess",
    "append",
    "position",
    "truncate",
    "modify",
    "rename",
    "length",
    "name",
    "fileinterface",
    "response-content-type",
    "response-content-language",
    "response-expires",
    "response-cache-control",
    "response-content-disposition",
    "response-content-encoding",
    "x-image-save-bucket",
    "x-image-save-object",
    "x-image-process",
    "x-oss-process",
    "x-workflow-prefix",
    "x-workflow-start",
    "x-workflow-limit",
    "x-workflow-template-name",
    "x-workflow-graph-name",
    "x-workflow-execution-state",
    "x-workflow-execution-type",
    "x-workflow-next-marker",
    "obsworkflowtriggerpolicy",
    "obsbucketalias",
    "obsalias",
];

/// The header form: adds `x-obs-date` (browsers may refuse to send a `Date` the page chose),
/// `x-obs-security-token` for temporary keys, and `Authorization`.
pub fn sign(request: &SignRequest) -> Result<SignedRequest, SignError> {
    let method = canonical_method(&request.method)?;
    let target = Target::parse(&request.url)?;
    let time = Timestamp::parse(&request.timestamp)?;
    let mut headers: Vec<(String, String)> = caller_headers(request, &[DATE_HEADER, TOKEN_HEADER])
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    headers.push((DATE_HEADER.to_owned(), time.http_date()));
    if let Some(token) = &request.security_token {
        headers.push((TOKEN_HEADER.to_owned(), token.expose().to_owned()));
    }
    let string_to_sign = string_to_sign(&method, &headers, None, &target, request, &[]);
    headers.push((
        "Authorization".to_owned(),
        format!(
            "OBS {}:{}",
            request.access_key_id,
            signature(request, &string_to_sign)
        ),
    ));
    Ok(SignedRequest {
        method,
        url: target.url.to_string(),
        headers,
    })
}

/// `?AccessKeyId=…&Expires=<unix>&Signature=…` appended to the URL; a temporary key's token
/// travels (and is signed) as the `x-obs-security-token` query item.
pub fn presign(request: &SignRequest, expires_in: u32) -> Result<String, SignError> {
    let method = canonical_method(&request.method)?;
    let target = Target::parse(&request.url)?;
    let expires =
        (Timestamp::parse(&request.timestamp)?.unix() + i64::from(expires_in)).to_string();
    let headers: Vec<(String, String)> = caller_headers(request, &[DATE_HEADER, TOKEN_HEADER])
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    let token_item = request
        .security_token
        .as_ref()
        .map(|token| (TOKEN_HEADER.to_owned(), token.expose().to_owned()));
    let string_to_sign = string_to_sign(
        &method,
        &headers,
        Some(&expires),
        &target,
        request,
        token_item.as_slice(),
    );
    let mut items = Vec::new();
    if let Some((name, token)) = &token_item {
        items.push(format!("{name}={}", encode_component(token)));
    }
    items.push(format!(
        "AccessKeyId={}",
        encode_component(&request.access_key_id)
    ));
    items.push(format!("Expires={expires}"));
    items.push(format!(
        "Signature={}",
        encode_component(&signature(request, &string_to_sign))
    ));
    Ok(target.with_query(&items.join("&")))
}

/// `Method\nContent-MD5\nContent-Type\nDate\n` + `x-obs-*` headers + resource. `expires` takes
/// the Date slot of a presigned URL; `extra_query` are items added to the URL by the signer.
fn string_to_sign(
    method: &str,
    headers: &[(String, String)],
    expires: Option<&str>,
    target: &Target,
    request: &SignRequest,
    extra_query: &[(String, String)],
) -> String {
    // Last value wins for a repeated name, as in the SDK's dict.
    let mut interesting: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let name = name.to_ascii_lowercase();
        if matches!(name.as_str(), "content-type" | "content-md5" | "date")
            || name.starts_with(HEADER_PREFIX)
        {
            interesting.insert(name, value.clone());
        }
    }
    if interesting.contains_key(DATE_HEADER) {
        interesting.insert("date".to_owned(), String::new());
    }
    if let Some(expires) = expires {
        interesting.insert("date".to_owned(), expires.to_owned());
    }
    for always in ["content-type", "content-md5"] {
        interesting.entry(always.to_owned()).or_default();
    }
    let mut text = format!("{method}\n");
    for (name, value) in &interesting {
        if name.starts_with(META_PREFIX) {
            text.push_str(&format!("{name}:{}", value.trim()));
        } else if name.starts_with(HEADER_PREFIX) {
            text.push_str(&format!("{name}:{value}"));
        } else {
            text.push_str(value);
        }
        text.push('\n');
    }
    text.push_str(&canonical_resource(
        target,
        request.bucket.as_deref(),
        extra_query,
    ));
    text
}

/// `/bucket/key?sub-resources`: the path (prefixed by the bucket of a virtual-host URL),
/// re-encoded, then OBS's sub-resources sorted by name, values left raw.
fn canonical_resource(
    target: &Target,
    bucket: Option<&str>,
    extra_query: &[(String, String)],
) -> String {
    let path = super::encode::decode(target.url.path()).into_owned();
    let mut resource = match bucket.filter(|b| !b.is_empty()) {
        Some(bucket) => format!("/{bucket}{path}"),
        None => path,
    };
    resource = encode_path(&resource);
    let mut items: Vec<(String, Option<String>)> = query_params(target.url.query())
        .into_iter()
        .map(|p| (p.key, p.value))
        .chain(
            extra_query
                .iter()
                .map(|(k, v)| (k.clone(), Some(v.clone()))),
        )
        .filter(|(key, _)| {
            let key = key.to_lowercase();
            SUB_RESOURCES.contains(&key.as_str()) || key.starts_with(HEADER_PREFIX)
        })
        .collect();
    // Stable, so repeated names keep their order, like the SDK's sort on names only.
    items.sort_by(|a, b| a.0.cmp(&b.0));
    if !items.is_empty() {
        let joined: Vec<String> = items
            .iter()
            .map(|(key, value)| match value {
                Some(value) => format!("{}={value}", encode_path(key)),
                None => encode_path(key),
            })
            .collect();
        resource.push('?');
        resource.push_str(&joined.join("&"));
    }
    resource
}

fn signature(request: &SignRequest, string_to_sign: &str) -> String {
    let mut mac = Hmac::<Sha1>::new_from_slice(request.secret_access_key.expose().as_bytes())
        .expect("HMAC takes any key length");
    mac.update(string_to_sign.as_bytes());
    STANDARD.encode(mac.finalize().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sign::Scheme;

    fn request(url: &str, bucket: Option<&str>) -> SignRequest {
        SignRequest {
            scheme: Scheme::Obs,
            method: "GET".into(),
            url: url.into(),
            headers: vec![],
            body: vec![],
            access_key_id: "AK".into(),
            secret_access_key: "SK".into(),
            security_token: None,
            region: None,
            service: None,
            bucket: bucket.map(Into::into),
            unsigned_payload: false,
            timestamp: "20191115T033655Z".into(),
        }
    }

    #[test]
    fn virtual_host_and_path_style_name_the_bucket() {
        let vhost = Target::parse("https://b.obs.example/a%20b/c?acl&prefix=x").unwrap();
        assert_eq!(canonical_resource(&vhost, Some("b"), &[]), "/b/a%20b/c?acl");
        let root = Target::parse("https://b.obs.example/").unwrap();
        assert_eq!(canonical_resource(&root, Some("b"), &[]), "/b/");
        let path = Target::parse("https://obs.example/b?versionId=1%2F2&uploads").unwrap();
        assert_eq!(
            canonical_resource(&path, None, &[]),
            "/b?uploads&versionId=1/2"
        );
    }

    #[test]
    fn x_obs_date_empties_the_date_line() {
        let req = request("https://obs.example/", None);
        let signed = sign(&req).unwrap();
        let headers: Vec<&str> = signed.headers.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(headers, ["x-obs-date", "Authorization"]);
        let text = string_to_sign(
            "GET",
            &signed.headers[..1],
            None,
            &Target::parse(&req.url).unwrap(),
            &req,
            &[],
        );
        assert_eq!(
            text,
            "GET\n\n\n\nx-obs-date:Fri, 15 Nov 2019 03:36:55 GMT\n/"
        );
    }
}
