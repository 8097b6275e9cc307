//! IAM `POST /v3.0/OS-CREDENTIAL/credentials` (CreatePermanentAccessKey, *Creating a Permanent
//! Access Key*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0001.html): a new key
//! for the user; a user may make their own without any policy. Its secret is in this answer only
//! (https://support.huaweicloud.com/intl/en-us/usermanual-ca/ca_01_0003.html), so it is read
//! straight into a [`Credential`] for the vault. A third key is refused with `akSkNumExceed`.

use super::{access_key_request, AccessKey};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::profile::{AkIssuer, AkSk};
use crate::secret::Secret;
use serde::Deserialize;
use serde_json::json;

/// What the new key's description says in the console.
pub const DESCRIPTION: &str = "credfill rotation";

pub fn request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    user_id: &str,
) -> Result<Request, RequestError> {
    let body = json!({"credential": {"description": DESCRIPTION, "user_id": user_id}});
    access_key_request(key, iam, domain_id, "POST", "", Some(body.to_string()))
}

/// The new key as IAM describes it, and the key itself (`user_name`: the one it replaces has).
pub fn parse(body: &str, user_name: Option<String>) -> Option<(AccessKey, AkSk)> {
    #[derive(Deserialize)]
    struct Created {
        credential: Made,
    }
    #[derive(Deserialize)]
    struct Made {
        #[serde(flatten)]
        described: AccessKey,
        secret: Secret,
    }
    let made = crate::json::from_str::<Created>(body).ok()?.credential;
    let key = AkSk {
        access_key_id: made.described.access_key.clone(),
        secret_access_key: made.secret,
        user_name,
        security_token: None,
        expires_at: None,
        issuer: AkIssuer::Huawei,
    };
    Some((made.described, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/credential-create.json");

    #[test]
    fn reads_the_documented_answer_into_a_key() {
        let (described, key) = parse(EXAMPLE, Some("ops".into())).unwrap();
        assert_eq!(key.access_key_id, "P83EVBZJMXCYTMUII...");
        assert_eq!(
            key.secret_access_key.expose(),
            "TTqAHPbhWorg9ozx8Dv9MUyzYnOKDppxzHt..."
        );
        assert_eq!(
            (key.user_name.as_deref(), key.issuer),
            (Some("ops"), AkIssuer::Huawei)
        );
        assert!(described.is_active());
        assert!(!format!("{described:?}").contains("TTqAH"));
        let no_secret = EXAMPLE.replace("\"secret\"", "\"hidden\"");
        assert!(parse(&no_secret, None).is_none());
    }
}
