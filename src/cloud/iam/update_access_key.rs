//! IAM `PUT /v3.0/OS-CREDENTIAL/credentials/{access_key}` (UpdatePermanentAccessKey, *Modifying a
//! Permanent Access Key*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0004.html),
//! here only to deactivate a key: it stops working but can still be turned back on, the step
//! before deleting it.

use super::{access_key_request, key_path};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use serde_json::json;

pub fn deactivate(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    access_key: &str,
) -> Result<Request, RequestError> {
    let body = json!({"credential": {"status": "inactive"}}).to_string();
    access_key_request(
        key,
        iam,
        domain_id,
        "PUT",
        &key_path(access_key),
        Some(body),
    )
}
