//! IAM Identity `GET /v1/apikeys/details`: an API key's own record (its ID, its owner's `iam_id`,
//! its account, whether it is locked), read by its value in the `IAM-ApiKey` header, as
//! ibm-platform-services' `IamIdentityV1.get_api_keys_details` sends it
//! (https://cloud.ibm.com/apidocs/iam-identity-token-api#get-api-keys-details). The key goes to
//! IAM's own host (the one that makes its tokens) and nowhere else.

use super::bearer_headers;
use crate::cloud::catalog::Origin;
use crate::cloud::Request;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// The read made with `token` of the record of `api_key`.
pub fn request(iam: &Origin, token: &Secret, api_key: &Secret) -> Request {
    let mut headers = bearer_headers(token);
    headers.push(("IAM-ApiKey".into(), api_key.expose().into()));
    Request {
        method: "GET",
        url: format!("{}/v1/apikeys/details", iam.base()),
        headers,
        body: None,
    }
}

/// What the rotation needs of IAM Identity's `ApiKey` (its value, when there is one, is read
/// apart: never kept here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKey {
    pub id: String,
    pub name: String,
    pub iam_id: String,
    pub account_id: String,
    #[serde(default)]
    pub locked: bool,
    #[serde(default)]
    pub created_at: Option<String>,
}

/// The key's record from a 2xx body; `None` when it is not the documented `ApiKey`.
pub fn parse(body: &str) -> Option<ApiKey> {
    crate::json::from_str(body).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const DETAILS: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/api_key_details.json");

    #[test]
    fn the_key_goes_in_its_header_to_iam_and_its_record_is_read() {
        let iam = crate::cloud::catalog::of(crate::profile::Provider::Ibm, "eu-de")
            .ibm_iam
            .unwrap();
        let r = request(&iam, &Secret::new("T"), &Secret::new("KEY-VALUE"));
        assert_eq!(
            (r.method, r.url.as_str()),
            ("GET", "https://iam.cloud.ibm.com/v1/apikeys/details")
        );
        assert!(r
            .headers
            .contains(&("IAM-ApiKey".into(), "KEY-VALUE".into())));
        let key = parse(DETAILS).unwrap();
        assert_eq!(key.id, "ApiKey-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        assert_eq!(key.iam_id, "IBMid-270000ABCD");
        assert_eq!(key.account_id, "0123456789abcdef0123456789abcdef");
        assert!(!key.locked);
        assert_eq!(parse("<html>"), None);
        assert_eq!(parse("{}"), None);
    }
}
