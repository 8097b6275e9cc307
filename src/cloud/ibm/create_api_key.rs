//! IAM Identity `POST /v1/apikeys`: a new API key for the user (`iam_id`) in their account, as
//! ibm-platform-services' `IamIdentityV1.create_api_key` sends it
//! (https://cloud.ibm.com/apidocs/iam-identity-token-api#create-api-key). A user key's value is
//! in the answer once (`store_value` left out: IAM does not keep it), and never again.

use super::api_key_details::ApiKey;
use super::bearer_headers;
use crate::cloud::catalog::Origin;
use crate::cloud::{Body, Request};
use crate::profile::IbmApiKey;
use crate::secret::Secret;
use serde::{Deserialize, Serialize};

/// What the new key is made from: a name, its owner and account, and for a key that ends, when
/// (`yyyy-MM-ddTHH:mm+0000`, [`crate::date::format_minute_utc`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewApiKey<'a> {
    pub name: &'a str,
    pub iam_id: &'a str,
    pub account_id: &'a str,
    pub description: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<&'a str>,
}

/// The creation, made with `token` (the body holds no secret: shown as sent).
pub fn request(iam: &Origin, token: &Secret, key: &NewApiKey) -> Request {
    let mut headers = bearer_headers(token);
    headers.push(("Content-Type".into(), "application/json".into()));
    let body = serde_json::to_string(key).expect("plain fields");
    Request {
        method: "POST",
        url: format!("{}/v1/apikeys", iam.base()),
        headers,
        body: Some(Body::public(body)),
    }
}

/// The new key's record, and the key itself for the vault (its value, name, ID and creation);
/// `None` when the answer is not the documented `ApiKey` with its value.
pub fn parse(body: &str) -> Option<(ApiKey, IbmApiKey)> {
    #[derive(Deserialize)]
    struct Value {
        apikey: Secret,
    }
    let record: ApiKey = crate::json::from_str(body).ok()?;
    let Value { apikey } = crate::json::from_str(body).ok()?;
    if apikey.expose().is_empty() {
        return None;
    }
    let key = IbmApiKey {
        api_key: apikey,
        name: Some(record.name.clone()),
        description: None,
        created_at: record.created_at.clone(),
        id: Some(record.id.clone()),
    };
    Some((record, key))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const CREATED: &str =
        include_str!("../../../tests/fixtures/cloud-answers/ibm/api_key_created.json");

    #[test]
    fn the_new_keys_value_is_read_once_into_the_key_to_save() {
        let iam = crate::cloud::catalog::of(crate::profile::Provider::Ibm, "us-south")
            .ibm_iam
            .unwrap();
        let new = NewApiKey {
            name: "n",
            iam_id: "IBMid-1",
            account_id: "a",
            description: "d",
            expires_at: None,
        };
        let r = request(&iam, &Secret::new("T"), &new);
        assert_eq!(
            (r.method, r.url.as_str()),
            ("POST", "https://iam.cloud.ibm.com/v1/apikeys")
        );
        assert_eq!(
            r.body.unwrap().shown,
            r#"{"name":"n","iam_id":"IBMid-1","account_id":"a","description":"d"}"#
        );
        let ending = NewApiKey {
            expires_at: Some("2026-01-01T20:00+0000"),
            ..new
        };
        assert!(request(&iam, &Secret::new("T"), &ending)
            .body
            .unwrap()
            .shown
            .ends_with(r#","description":"d","expires_at":"2026-01-01T20:00+0000"}"#));
        let (record, key) = parse(CREATED).unwrap();
        assert_eq!(record.id, "ApiKey-5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f");
        assert_eq!(
            key.api_key.expose(),
            "NEWKEYplaceholder0123456789abcdefghijklmnopq"
        );
        assert_eq!(key.id.as_deref(), Some(record.id.as_str()));
        // A record without its value (a key listed, not made) is no new key.
        let details =
            include_str!("../../../tests/fixtures/cloud-answers/ibm/api_key_details.json");
        assert_eq!(parse(details), None);
    }
}
