//! IAM `POST /v3.0/OS-CREDENTIAL/securitytokens` with `methods: ["token"]`
//! (CreateTemporaryAccessKeyByToken, *Obtaining Temporary Access Keys and Security Tokens of an IAM
//! User*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_04_0002.html): a temporary AK/SK
//! and security token with the rights of the key that signs the request, valid `duration_seconds`.
//! The page accepts an AK/SK `Authorization` signature (recommended over `X-Auth-Token`) and needs
//! no permission; signed as huaweicloudsdkiam's `IamClient` signs it with `GlobalCredentials` (the
//! account's ID in `X-Domain-Id`). The answer is the only place the temporary secret appears: read
//! straight into an [`AkSk`] for the snippet, never for the vault.

use crate::cloud::apig::{self, Scope};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::{AkIssuer, AkSk};
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::json;

/// `duration_seconds`' bounds: huaweicloudsdkiam's `IdentityToken` model ("minimum: 900
/// maximum: 86400", huaweicloud/huaweicloud-sdk-java-v3
/// `services/iam/src/main/java/com/huaweicloud/sdk/iam/v3/model/IdentityToken.java`).
pub const SECONDS: std::ops::RangeInclusive<u32> = 900..=86_400;

pub fn request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    seconds: u32,
) -> Result<Request, RequestError> {
    let url = format!("{}/v3.0/OS-CREDENTIAL/securitytokens", iam.base());
    let body = json!({"auth": {"identity": {"methods": ["token"], "token": {"duration_seconds": seconds}}}});
    // The request holds no secret: it is shown as sent.
    let body = body.to_string();
    apig::request(
        key,
        "POST",
        url,
        Scope::Domain(domain_id),
        Some((body.clone(), body)),
    )
}

/// The temporary key from `{"credential": {"access", "secret", "securitytoken", "expires_at"}}`.
pub fn parse(body: &str) -> Option<AkSk> {
    #[derive(Deserialize)]
    struct Issued {
        credential: Temporary,
    }
    #[derive(Deserialize)]
    struct Temporary {
        access: String,
        secret: Secret,
        securitytoken: Secret,
        expires_at: String,
    }
    let made = crate::json::from_str::<Issued>(body).ok()?.credential;
    Some(AkSk {
        access_key_id: made.access,
        secret_access_key: made.secret,
        user_name: None,
        security_token: Some(made.securitytoken),
        expires_at: Some(made.expires_at),
        issuer: AkIssuer::Huawei,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, TIMESTAMP};
    use crate::profile::Provider;

    const EXAMPLE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/securitytoken-create.json");

    #[test]
    fn reads_the_documented_answer_into_a_temporary_key() {
        let key = parse(EXAMPLE).unwrap();
        assert_eq!(key.access_key_id, "E6DX0TF2ZREQ4Z...");
        assert_eq!(
            key.secret_access_key.expose(),
            "w9ePum0qdfac39ErLD0UdjofYkqort6Iw...."
        );
        assert!(key
            .security_token
            .as_ref()
            .unwrap()
            .expose()
            .starts_with("gQpjbi1ub3J0aC00"));
        assert_eq!(
            key.expires_at.as_deref(),
            Some("2020-01-08T02:56:19.587000Z")
        );
        assert!(
            !format!("{key:?}").contains("w9ePum0"),
            "no secret in Debug"
        );
        // An answer without the token is no temporary key.
        assert!(parse(&EXAMPLE.replace("securitytoken", "token")).is_none());
    }

    #[test]
    fn asks_for_the_lifetime_signed_in_the_account() {
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let sent = request(&key, &endpoints(&p).iam.unwrap(), "d0", 3600).unwrap();
        assert_eq!(sent.method, "POST");
        assert_eq!(
            sent.url,
            "https://iam.cn-north-4.myhuaweicloud.com/v3.0/OS-CREDENTIAL/securitytokens"
        );
        assert_eq!(header(&sent.headers, "x-domain-id"), Some("d0"));
        let body: serde_json::Value =
            serde_json::from_str(sent.body.unwrap().sent.expose()).unwrap();
        assert_eq!(
            body,
            json!({"auth": {"identity": {"methods": ["token"], "token": {"duration_seconds": 3600}}}})
        );
    }
}
