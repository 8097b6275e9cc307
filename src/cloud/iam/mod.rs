//! Huawei Cloud / Flexible Engine IAM, signed with the API Gateway signature.
//!
//! The permanent access keys (`/v3.0/OS-CREDENTIAL/credentials`) are a global service: signed as
//! huaweicloudsdkiam's `IamClient` signs them with `GlobalCredentials`, the account's ID in
//! `X-Domain-Id` ([`auth_domains`] finds it, as the SDK core's `GlobalCredentials` does when it is
//! not given). Their answers and failures are read here once for every key action.

pub mod auth_domains;
pub mod auth_projects;
pub mod create_access_key;
pub mod create_temporary_key;
pub mod delete_access_key;
pub mod list_access_keys;
pub mod show_access_key;
pub mod update_access_key;

use crate::cloud::apig::{self, Scope};
use crate::cloud::catalog::Origin;
use crate::cloud::diagnosis::received;
use crate::cloud::key::SigningKey;
use crate::cloud::{Answer, Request, RequestError};
use crate::sign::encode::encode_component;
use serde::{Deserialize, Serialize};

/// `/v3.0/OS-CREDENTIAL/credentials`, the access keys' collection.
const ACCESS_KEYS: &str = "/v3.0/OS-CREDENTIAL/credentials";

/// One key's path under the collection.
fn key_path(access_key: &str) -> String {
    format!("/{}", encode_component(access_key))
}

/// A key-management request in the account `domain_id`; `path` follows the collection's.
fn access_key_request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    method: &str,
    path: &str,
    body: Option<String>,
) -> Result<Request, RequestError> {
    let url = format!("{}{ACCESS_KEYS}{path}", iam.base());
    // No key action's body holds a secret: it is shown as sent.
    let body = body.map(|sent| (sent.clone(), sent));
    apig::request(key, method, url, Scope::Domain(domain_id), body)
}

/// One permanent access key as IAM describes it (never its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessKey {
    #[serde(alias = "access")]
    pub access_key: String,
    #[serde(alias = "user_id")]
    pub user_id: String,
    /// `active` or `inactive`.
    pub status: String,
    #[serde(default, alias = "create_time")]
    pub created_at: Option<String>,
    /// Only *Querying a Permanent Access Key* says it (the listing does not).
    #[serde(default, alias = "last_use_time")]
    pub last_used_at: Option<String>,
}

impl AccessKey {
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

/// Why IAM did not do what a key action asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The network failed or the answer was a redirect (`host` is the IAM host).
    Unreached,
    /// API Gateway refused the key itself (wrong SK, unknown or locked AK, clock): its code.
    Key(Option<String>),
    /// `400 akSkNumExceed`: the user already has the two keys IAM allows.
    TwoKeys,
    /// `403`: not allowed to the key's user (rights, or the account's access-key protection).
    Forbidden,
    /// `404`: IAM does not know the key (or, on another cloud, the path).
    NotFound,
    /// Any other answer (its HTTP status).
    Other(u16),
}

/// The answer's body when IAM did what was asked (2xx), else why not. IAM's own errors are
/// Keystone's `{"error": {"code", "title", "message"}}`; API Gateway's are `APIGW.xxxx` codes.
pub fn accepted(answer: &Answer) -> Result<&str, Refusal> {
    let Ok((status, body, _)) = received(answer) else {
        return Err(Refusal::Unreached);
    };
    if status == 0 {
        return Err(Refusal::Unreached);
    }
    if (200..300).contains(&status) {
        return Ok(body);
    }
    if let Some(gateway) = apig::service_error(body).filter(|e| e.code.starts_with("APIGW")) {
        return match status {
            401 | 403 => Err(Refusal::Key(Some(gateway.code))),
            _ => Err(Refusal::Other(status)),
        };
    }
    match status {
        400 if keystone_message(body).as_deref() == Some("akSkNumExceed") => Err(Refusal::TwoKeys),
        401 => Err(Refusal::Key(None)),
        403 => Err(Refusal::Forbidden),
        404 => Err(Refusal::NotFound),
        _ => Err(Refusal::Other(status)),
    }
}

/// Keystone's `error.message`.
fn keystone_message(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Body {
        error: Error,
    }
    #[derive(Deserialize)]
    struct Error {
        message: String,
    }
    let body: Body = crate::json::from_str(body).ok()?;
    Some(body.error.message)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) const TWO_KEYS: &str = include_str!(
        "../../../tests/fixtures/cloud-answers/iam/credential-create-400-aksk-num-exceed.json"
    );
    const FORBIDDEN: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/keystone-403-forbidden.json");
    const WRONG_SK: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/apig-401-signature.json");
    const LOCKED: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/apig-401-ak-locked.json");

    fn refusal(status: u16, body: &str) -> Refusal {
        accepted(&Answer::response(status, &[], body)).unwrap_err()
    }

    #[test]
    fn each_refusal_is_told_apart() {
        assert_eq!(refusal(400, TWO_KEYS), Refusal::TwoKeys);
        assert_eq!(refusal(403, FORBIDDEN), Refusal::Forbidden);
        assert_eq!(
            refusal(401, WRONG_SK),
            Refusal::Key(Some("APIGW.0301".into()))
        );
        assert!(matches!(refusal(401, LOCKED), Refusal::Key(Some(_))));
        // Another 400 is not the two-key limit.
        assert_eq!(refusal(400, FORBIDDEN), Refusal::Other(400));
        assert_eq!(refusal(404, ""), Refusal::NotFound);
        assert_eq!(
            accepted(&Answer::Failed {
                error: crate::cloud::answer::Failure::Network
            })
            .unwrap_err(),
            Refusal::Unreached
        );
        assert_eq!(accepted(&Answer::response(204, &[], "")), Ok(""));
    }
}
