//! The AK/SK a request is signed with, in the profile's region at the caller's time, and the one
//! way every action turns a [`SignRequest`] into a [`Request`] to send.

use super::{Body, Request, RequestError};
use crate::profile::{Credential, Profile};
use crate::secret::Secret;
use crate::sign::{self, Scheme, SignRequest};

/// A profile's access key, ready to sign: the first AK/SK of the profile, its region and the
/// caller's clock (`YYYYMMDDTHHMMSSZ`, UTC).
#[derive(Debug, Clone, Copy)]
pub struct SigningKey<'a> {
    pub id: &'a str,
    pub secret: &'a Secret,
    pub token: Option<&'a Secret>,
    pub region: &'a str,
    pub timestamp: &'a str,
}

impl<'a> SigningKey<'a> {
    /// Refuses a profile without an AK/SK, and a pair that looks swapped (see [`RequestError`]).
    pub fn of(profile: &'a Profile, timestamp: &'a str) -> Result<Self, RequestError> {
        let key = profile
            .credentials
            .iter()
            .find_map(Credential::aksk)
            .ok_or(RequestError::NoCredential("aksk"))?;
        if looks_swapped(&key.access_key_id, key.secret_access_key.expose()) {
            return Err(RequestError::SwappedKey);
        }
        Ok(SigningKey {
            id: &key.access_key_id,
            secret: &key.secret_access_key,
            token: key.security_token.as_ref(),
            region: profile.region(),
            timestamp,
        })
    }

    /// A request for this key without headers or body (S3-style services take
    /// `UNSIGNED-PAYLOAD`); callers add what their action needs.
    pub fn request(&self, scheme: Scheme, method: &str, url: String) -> SignRequest {
        SignRequest {
            scheme,
            method: method.into(),
            url,
            headers: vec![],
            body: vec![],
            access_key_id: self.id.into(),
            secret_access_key: self.secret.clone(),
            security_token: self.token.cloned(),
            region: Some(self.region.to_owned()),
            service: Some("s3".into()),
            bucket: None,
            unsigned_payload: true,
            timestamp: self.timestamp.to_owned(),
        }
    }

    /// Like [`Self::request`], refusing a profile without a region (a signature names it).
    pub fn regional(
        &self,
        scheme: Scheme,
        method: &str,
        url: String,
    ) -> Result<SignRequest, RequestError> {
        if self.region.is_empty() {
            return Err(RequestError::NoRegion);
        }
        Ok(self.request(scheme, method, url))
    }
}

/// Signs `request` and pairs it with the body the user is shown (`request.body` is what is sent).
pub fn signed(request: &SignRequest, shown: Option<String>) -> Result<Request, RequestError> {
    let signed = sign::sign(request)?;
    let body = shown.map(|shown| Body {
        sent: Secret::new(String::from_utf8_lossy(&request.body).into_owned()),
        shown,
    });
    Ok(Request {
        method: method_name(&signed.method),
        url: signed.url,
        headers: signed.headers,
        body,
    })
}

/// The methods the cloud actions use, as the `&'static str` a [`Request`] holds.
fn method_name(method: &str) -> &'static str {
    ["GET", "HEAD", "PUT", "POST", "DELETE"]
        .into_iter()
        .find(|m| m.eq_ignore_ascii_case(method))
        .unwrap_or("GET")
}

/// AKs are short upper-case letters and digits (Huawei and AWS alike); SKs are 40 characters
/// with lower case (AWS adds `/` and `+`).
fn looks_swapped(id: &str, secret: &str) -> bool {
    let secret_like = |s: &str| {
        s.len() >= 30
            && s.bytes()
                .any(|b| b.is_ascii_lowercase() || b == b'/' || b == b'+')
    };
    let id_like = |s: &str| {
        s.len() <= 32
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    secret_like(id) && id_like(secret)
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::profile::{AkIssuer, AkSk, Credential, Endpoint, Profile, Provider};

    // Huawei's published SDK-HMAC-SHA256 example key (huaweicloudsdkcore's signer docs); any
    // AK/SK would do here.
    pub(crate) const AK: &str = "QTWAOYTTINDUT2QVKYUC";
    pub(crate) const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    pub(crate) const TIMESTAMP: &str = "20261123T110000Z";

    pub(crate) fn key(id: &str, secret: &str, token: Option<&str>) -> Credential {
        Credential::AkSk(AkSk {
            access_key_id: id.into(),
            secret_access_key: secret.into(),
            user_name: None,
            security_token: token.map(Into::into),
            expires_at: None,
            issuer: AkIssuer::of_access_key(id),
        })
    }

    pub(crate) fn aksk() -> Credential {
        key(AK, SK, None)
    }

    /// An IBM platform API key of the right length (its value never matters to a test).
    pub(crate) fn ibm_platform_key() -> Credential {
        Credential::IbmApiKey(crate::profile::IbmApiKey {
            api_key: "k".repeat(44).into(),
            name: None,
            description: None,
            created_at: None,
            id: None,
        })
    }

    /// A custom endpoint as the profile editor stores it.
    pub(crate) fn endpoint(origin: &str) -> Option<Endpoint> {
        Some(serde_json::from_value(origin.into()).expect("a loopback origin"))
    }

    pub(crate) fn profile(
        provider: Provider,
        region: &str,
        credentials: Vec<Credential>,
    ) -> Profile {
        Profile {
            region: Some(region.to_owned()).filter(|r| !r.is_empty()),
            credentials,
            ..Profile::new("p".into(), "p".into(), provider)
        }
    }

    /// The value of `name` among a request's headers.
    pub(crate) fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}
