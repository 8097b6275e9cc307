//! IAM `DELETE /v3.0/OS-CREDENTIAL/credentials/{access_key}` (DeletePermanentAccessKey, *Deleting
//! a Permanent Access Key*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_03_0005.html;
//! `204` without a body).

use super::{access_key_request, key_path};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};

pub fn request(
    key: &SigningKey,
    iam: &Origin,
    domain_id: &str,
    access_key: &str,
) -> Result<Request, RequestError> {
    access_key_request(key, iam, domain_id, "DELETE", &key_path(access_key), None)
}
