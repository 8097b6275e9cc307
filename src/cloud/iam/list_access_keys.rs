//! IAM `GET /v3.0/OS-CREDENTIAL/credentials?user_id=` (ListPermanentAccessKeys, *Listing
//! Permanent Access Keys*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0003.html):
//! every key of the user (IAM allows two), without their last use.

use super::{access_key_request, AccessKey};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use crate::sign::encode::encode_component;
use serde::Deserialize;

pub fn request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    user_id: &str,
) -> Result<Request, RequestError> {
    let query = format!("?user_id={}", encode_component(user_id));
    access_key_request(key, iam, domain_id, "GET", &query, None)
}

/// `{"credentials": [{"user_id", "access", "status", "create_time", "description"}]}`.
pub fn parse(body: &str) -> Option<Vec<AccessKey>> {
    #[derive(Deserialize)]
    struct Listed {
        credentials: Vec<AccessKey>,
    }
    Some(crate::json::from_str::<Listed>(body).ok()?.credentials)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/credential-list.json");

    #[test]
    fn reads_the_documented_answer() {
        let keys = parse(EXAMPLE).unwrap();
        let names: Vec<_> = keys.iter().map(|k| k.access_key.as_str()).collect();
        assert_eq!(names, ["LOSZM4YRVLKOY9E8X...", "P83EVBZJMXCYTMU..."]);
        assert_eq!(
            keys[1].created_at.as_deref(),
            Some("2020-01-08T06:25:19.014028Z")
        );
        assert_eq!(keys[0].last_used_at, None);
        assert_eq!(parse(r#"{"credential": {}}"#), None);
    }
}
