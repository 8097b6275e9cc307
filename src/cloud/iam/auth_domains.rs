//! IAM `GET /v3/auth/domains` (KeystoneListAuthDomains, *Querying Account Information Accessible
//! to an IAM User*, https://support.huaweicloud.com/intl/en-us/api-iam/iam_07_0001.html; no policy
//! permission needed): the account's ID, which the key actions send in `X-Domain-Id`. It is how
//! huaweicloudsdkcore's `GlobalCredentials` finds the ID it was not given (`auth/credentials.py`,
//! `IamHelper.get_keystone_list_auth_domains_request` in `auth/internal.py`).

use crate::cloud::apig::{self, Scope};
use crate::cloud::catalog::Origin;
use crate::cloud::key::SigningKey;
use crate::cloud::{Request, RequestError};
use serde::Deserialize;

pub fn request(key: &SigningKey, iam: &Origin) -> Result<Request, RequestError> {
    let url = format!("{}/v3/auth/domains", iam.base());
    apig::request(key, "GET", url, Scope::Unscoped, None)
}

/// The first account listed (an IAM user belongs to one), from `{"domains": [{"id"}]}`.
pub fn parse(body: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct Domains {
        domains: Vec<Domain>,
    }
    #[derive(Deserialize)]
    struct Domain {
        id: String,
    }
    let found: Domains = crate::json::from_str(body).ok()?;
    found.domains.into_iter().next().map(|d| d.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::endpoints;
    use crate::cloud::key::tests::{aksk, header, profile, TIMESTAMP};
    use crate::profile::Provider;

    const EXAMPLE: &str =
        include_str!("../../../tests/fixtures/cloud-answers/iam/keystone-list-auth-domains.json");

    #[test]
    fn the_account_id_from_the_documented_answer() {
        assert_eq!(
            parse(EXAMPLE).as_deref(),
            Some("d78cbac186b744899480f25bd022f468")
        );
        assert_eq!(parse(r#"{"domains": []}"#), None);
        assert_eq!(parse("<html/>"), None);
        let p = profile(Provider::Huawei, "cn-north-4", vec![aksk()]);
        let key = SigningKey::of(&p, TIMESTAMP).unwrap();
        let r = request(&key, &endpoints(&p).iam.unwrap()).unwrap();
        assert_eq!(
            r.url,
            "https://iam.cn-north-4.myhuaweicloud.com/v3/auth/domains"
        );
        assert_eq!(header(&r.headers, "x-domain-id"), None);
    }
}
