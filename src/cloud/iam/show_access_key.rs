//! IAM `GET /v3.0/OS-CREDENTIAL/credentials/{access_key}` (ShowPermanentAccessKey, *Querying a
//! Permanent Access Key*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0002.html): one
//! key's user, status, creation and last use. A user may read their own keys without any policy.

use super::{access_key_request, key_path, AccessKey};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use serde::Deserialize;

pub fn request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    access_key: &str,
) -> Result<Request, RequestError> {
    access_key_request(key, iam, domain_id, "GET", &key_path(access_key), None)
}

/// `{"credential": {"user_id", "access", "status", "create_time", "last_use_time"}}`.
pub fn parse(body: &str) -> Option<AccessKey> {
    #[derive(Deserialize)]
    struct Shown {
        credential: AccessKey,
    }
    Some(crate::json::from_str::<Shown>(body).ok()?.credential)
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/credential-show.json");

    #[test]
    fn reads_the_documented_answer() {
        let key = parse(EXAMPLE).unwrap();
        assert_eq!(key.access_key, "LOSZM4YRVLKOY9E8...");
        assert_eq!(key.user_id, "07609fb9358010e21f7bc003751...");
        assert!(key.is_active());
        assert_eq!(
            key.last_used_at.as_deref(),
            Some("2020-01-08T06:26:08.123059Z")
        );
        assert_eq!(parse("{}"), None);
    }
}
