//! IAM Identity `DELETE /v1/apikeys/{id}/lock`: a key locked "for further write operations" is
//! unlocked, so that it can be deleted, as ibm-platform-services' `IamIdentityV1.unlock_api_key`
//! sends it (https://cloud.ibm.com/apidocs/iam-identity-token-api#unlock-api-key).

use super::{authorization, key_path};
use crate::cloud::catalog::Origin;
use crate::cloud::{Request, RequestError};
use crate::secret::Secret;

/// The unlocking of the key `id`, made with `token`.
pub fn request(iam: &Origin, token: &Secret, id: &str) -> Result<Request, RequestError> {
    Ok(Request {
        method: "DELETE",
        url: format!("{}{}/lock", iam.base(), key_path(id)?),
        headers: authorization(token),
        body: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_of_the_key_is_removed() {
        let iam = crate::cloud::catalog::of(crate::profile::Provider::Ibm, "us-south")
            .ibm_iam
            .unwrap();
        let r = request(&iam, &Secret::new("T"), "ApiKey-1").unwrap();
        assert_eq!(
            (r.method, r.url.as_str()),
            (
                "DELETE",
                "https://iam.cloud.ibm.com/v1/apikeys/ApiKey-1/lock"
            )
        );
    }
}
