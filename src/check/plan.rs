//! The requests a key check sends, signed with the caller's timestamp: harmless reads only.
//! - Huawei Cloud / Flexible Engine AK/SK: OBS ListBuckets (SigV4, `UNSIGNED-PAYLOAD` as OBS
//!   wants) and IAM `GET /v3/projects?name=<region>` (API Gateway signature; yields the project ID).
//! - AWS: S3 ListBuckets.
//! - Any of them, given a bucket: `HEAD` it (existence, region, storage class).
//! - IBM API key: the IAM token exchange; the OpenScale read follows from its answer.

use super::{CheckError, CheckRequest, KeyCheck, Step};
use crate::cloud::catalog::{endpoints, Endpoints, Origin};
use crate::profile::{Credential, Profile, Provider};
use crate::secret::Secret;
use crate::sign::{self, encode::encode_component, ibm, Scheme, SignRequest};
use url::Url;

pub fn plan(check: &KeyCheck) -> Result<Vec<CheckRequest>, CheckError> {
    let profile = &check.profile;
    let found = endpoints(profile);
    match profile.provider {
        Provider::Huawei | Provider::FlexibleEngine | Provider::Aws => {
            let key = &access_key(&profile.credentials)?;
            let mut requests = vec![list_buckets(check, key, obs(&found)?)?];
            if matches!(
                profile.provider,
                Provider::Huawei | Provider::FlexibleEngine
            ) {
                let iam = found.iam.as_ref().ok_or(CheckError::UnknownRegion)?;
                requests.push(iam_projects(check, key, iam)?);
            }
            if let Some(bucket) = &check.bucket {
                requests.push(head_bucket(check, key, obs(&found)?, bucket)?);
            }
            Ok(requests)
        }
        Provider::Ibm => {
            let api_key = ibm_api_key(&profile.credentials)?;
            let token = ibm::token_request(api_key);
            let origin = found.ibm_iam.as_ref().ok_or(CheckError::InvalidEndpoint)?;
            Ok(vec![from_ibm(Step::IbmToken, token, origin)?])
        }
        Provider::Azure => Err(CheckError::Unsupported(Provider::Azure)),
    }
}

/// The host-permission match patterns every request of the check needs (asked for at the
/// moment of a check, not at install).
pub fn origins(check: &KeyCheck) -> Result<Vec<String>, CheckError> {
    let found = endpoints(&check.profile);
    let mut patterns: Vec<String> = match check.profile.provider {
        Provider::Huawei | Provider::FlexibleEngine | Provider::Aws => {
            let obs = obs(&found)?;
            let mut list = vec![obs.match_pattern()];
            list.extend(found.iam.iter().map(Origin::match_pattern));
            if let (Some(bucket), false) = (&check.bucket, obs.custom) {
                list.push(format!("https://{}.{}/*", valid_bucket(bucket)?, obs.host));
            }
            list
        }
        Provider::Ibm => [&found.ibm_iam, &found.openscale]
            .into_iter()
            .flatten()
            .map(Origin::match_pattern)
            .collect(),
        Provider::Azure => return Err(CheckError::Unsupported(Provider::Azure)),
    };
    patterns.dedup();
    Ok(patterns)
}

/// The OpenScale data-mart read made with a fresh token, when the profile names its instance.
pub(crate) fn openscale_request(
    check: &KeyCheck,
    token: &Secret,
) -> Result<Option<CheckRequest>, CheckError> {
    let Some(guid) = instance_guid(check) else {
        return Ok(None);
    };
    let region = match check.profile.region() {
        "" => "us-south",
        r => r,
    };
    let found = endpoints(&check.profile);
    let origin = found.openscale.as_ref().ok_or(CheckError::UnknownRegion)?;
    // The instance GUID is also its data mart's ID.
    let request = ibm::openscale_data_mart_request(token, region, guid, Some(guid))
        .map_err(|e| CheckError::Ibm(e.to_string()))?;
    from_ibm(Step::OpenScaleDataMart, request, origin).map(Some)
}

fn instance_guid(check: &KeyCheck) -> Option<&str> {
    check.profile.openscale_guid.as_deref().or_else(|| {
        check.profile.credentials.iter().find_map(|c| match c {
            Credential::IbmInstance(instance) => Some(instance.guid.as_str()),
            _ => None,
        })
    })
}

fn obs(found: &Endpoints) -> Result<&Origin, CheckError> {
    found.obs.as_ref().ok_or(CheckError::UnknownRegion)
}

pub(crate) struct AccessKey<'a> {
    pub(crate) id: &'a str,
    pub(crate) secret: &'a Secret,
    pub(crate) token: Option<&'a Secret>,
}

pub(crate) fn access_key(credentials: &[Credential]) -> Result<AccessKey<'_>, CheckError> {
    let key = credentials
        .iter()
        .find_map(Credential::aksk)
        .map(|key| AccessKey {
            id: &key.access_key_id,
            secret: &key.secret_access_key,
            token: key.security_token.as_ref(),
        })
        .ok_or(CheckError::NoCredential("aksk"))?;
    if looks_swapped(key.id, key.secret.expose()) {
        return Err(CheckError::SwappedKey);
    }
    Ok(key)
}

/// AKs are short upper-case letters and digits (Huawei and AWS alike); SKs are 40 characters
/// with lower case (AWS adds `/` and `+`).
fn looks_swapped(id: &str, secret: &str) -> bool {
    let secret_like = |s: &str| {
        s.len() >= 30
            && s.bytes()
                .any(|b| b.is_ascii_lowercase() || b == b'/' || b == b'+')
    };
    let id_like = |s: &str| {
        s.len() <= 32
            && s.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    };
    secret_like(id) && id_like(secret)
}

/// The platform API key first: it is the one OpenScale's checks are about.
fn ibm_api_key(credentials: &[Credential]) -> Result<&Secret, CheckError> {
    let platform = credentials.iter().find_map(|c| match c {
        Credential::IbmApiKey(key) => Some(&key.api_key),
        _ => None,
    });
    let service = || {
        credentials.iter().find_map(|c| match c {
            Credential::IbmService(service) => Some(&service.api_key),
            _ => None,
        })
    };
    platform
        .or_else(service)
        .ok_or(CheckError::NoCredential("ibm_api_key"))
}

fn signed(step: Step, request: &SignRequest) -> Result<CheckRequest, CheckError> {
    let signed = sign::sign(request)?;
    Ok(CheckRequest {
        id: step,
        method: signed.method,
        url: signed.url,
        headers: signed.headers,
        body: None,
    })
}

fn sign_request(
    check: &KeyCheck,
    key: &AccessKey,
    scheme: Scheme,
    method: &str,
    url: String,
) -> Result<SignRequest, CheckError> {
    if check.profile.region().is_empty() {
        return Err(CheckError::UnknownRegion);
    }
    Ok(key_request(
        &check.profile,
        &check.timestamp,
        key,
        scheme,
        method,
        url,
    ))
}

/// A body-less request for `key` (S3-style services take `UNSIGNED-PAYLOAD`), signed in the
/// profile's region at `timestamp`. Shared by the checks and the presigned links.
pub(crate) fn key_request(
    profile: &Profile,
    timestamp: &str,
    key: &AccessKey,
    scheme: Scheme,
    method: &str,
    url: String,
) -> SignRequest {
    SignRequest {
        scheme,
        method: method.into(),
        url,
        headers: vec![],
        body: vec![],
        access_key_id: key.id.into(),
        secret_access_key: key.secret.clone(),
        security_token: key.token.cloned(),
        region: Some(profile.region().to_owned()),
        service: Some("s3".into()),
        bucket: None,
        unsigned_payload: true,
        timestamp: timestamp.to_owned(),
    }
}

fn list_buckets(
    check: &KeyCheck,
    key: &AccessKey,
    obs: &Origin,
) -> Result<CheckRequest, CheckError> {
    let request = sign_request(check, key, Scheme::Aws4, "GET", format!("{}/", obs.base()))?;
    signed(Step::ListBuckets, &request)
}

fn iam_projects(
    check: &KeyCheck,
    key: &AccessKey,
    iam: &Origin,
) -> Result<CheckRequest, CheckError> {
    let region = encode_component(check.profile.region());
    let url = format!("{}/v3/projects?name={region}", iam.base());
    let mut request = sign_request(check, key, Scheme::Apig, "GET", url)?;
    request
        .headers
        .push(("Content-Type".into(), "application/json".into()));
    signed(Step::IamProjects, &request)
}

fn head_bucket(
    check: &KeyCheck,
    key: &AccessKey,
    obs: &Origin,
    bucket: &str,
) -> Result<CheckRequest, CheckError> {
    let url = bucket_url(obs, valid_bucket(bucket)?, "");
    let request = sign_request(check, key, Scheme::Aws4, "HEAD", url)?;
    signed(Step::Bucket, &request)
}

/// Virtual-host style on the catalog's hosts (what OBS expects); path style on a custom origin,
/// which has no wildcard DNS. `path` is already encoded.
pub(crate) fn bucket_url(obs: &Origin, bucket: &str, path: &str) -> String {
    if obs.custom {
        format!("{}/{bucket}/{path}", obs.base())
    } else {
        format!("{}/{path}", obs.sub_base(bucket))
    }
}

/// OBS and S3 bucket names: 3–63 lower-case letters, digits, `-` and `.`, starting and ending
/// with a letter or digit. Anything else cannot be put into a host name safely.
pub(crate) fn valid_bucket(name: &str) -> Result<&str, CheckError> {
    let ok = (3..=63).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name.ends_with(|c: char| c.is_ascii_alphanumeric());
    if ok {
        Ok(name)
    } else {
        Err(CheckError::InvalidBucket)
    }
}

/// An IBM request with its catalog origin replaced by the profile's (the same origin unless a
/// custom endpoint is set).
fn from_ibm(
    step: Step,
    request: ibm::HttpRequest,
    origin: &Origin,
) -> Result<CheckRequest, CheckError> {
    let url = Url::parse(&request.url).map_err(|_| CheckError::InvalidEndpoint)?;
    let path = &url[url::Position::BeforePath..];
    Ok(CheckRequest {
        id: step,
        method: request.method,
        url: format!("{}{path}", origin.base()),
        headers: request.headers,
        body: request.body,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::profile::{AkIssuer, AkSk, Endpoint, IbmApiKey, IbmInstance};

    // Huawei's published SDK-HMAC-SHA256 example key (FACTS.md); any AK/SK would do here.
    const AK: &str = "QTWAOYTTINDUT2QVKYUC";
    const SK: &str = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
    const GUID: &str = "0123abcd-4567-89ef-0123-456789abcdef";

    fn key(id: &str, secret: &str, token: Option<&str>) -> Credential {
        Credential::AkSk(AkSk {
            access_key_id: id.into(),
            secret_access_key: secret.into(),
            user_name: None,
            security_token: token.map(Into::into),
            expires_at: None,
            issuer: AkIssuer::of_access_key(id),
        })
    }

    fn aksk() -> Credential {
        key(AK, SK, None)
    }

    /// A custom endpoint as the profile editor stores it.
    pub(crate) fn endpoint(origin: &str) -> Option<Endpoint> {
        Some(serde_json::from_value(origin.into()).expect("a loopback origin"))
    }

    pub(crate) fn check(
        provider: Provider,
        region: &str,
        credentials: Vec<Credential>,
    ) -> KeyCheck {
        KeyCheck {
            profile: Profile {
                region: Some(region.to_owned()).filter(|r| !r.is_empty()),
                credentials,
                ..Profile::new("p".into(), "p".into(), provider)
            },
            timestamp: "20261123T110000Z".into(),
            bucket: None,
        }
    }

    fn header<'a>(r: &'a CheckRequest, name: &str) -> Option<&'a str> {
        r.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn huawei_aksk_lists_buckets_with_sigv4_and_projects_with_apig() {
        let requests = plan(&check(Provider::Huawei, "cn-north-4", vec![aksk()])).unwrap();
        assert_eq!(requests.len(), 2);
        let (obs, iam) = (&requests[0], &requests[1]);
        assert_eq!((obs.id, obs.method.as_str()), (Step::ListBuckets, "GET"));
        assert_eq!(obs.url, "https://obs.cn-north-4.myhuaweicloud.com/");
        let auth = header(obs, "authorization").unwrap();
        assert!(
            auth.starts_with(&format!(
                "AWS4-HMAC-SHA256 Credential={AK}/20261123/cn-north-4/s3/aws4_request"
            )),
            "{auth}"
        );
        assert_eq!(
            header(obs, "x-amz-content-sha256"),
            Some("UNSIGNED-PAYLOAD")
        );
        assert_eq!(iam.id, Step::IamProjects);
        assert_eq!(
            iam.url,
            "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4"
        );
        assert!(header(iam, "authorization")
            .unwrap()
            .starts_with(&format!("SDK-HMAC-SHA256 Access={AK}")));
        assert_eq!(header(iam, "x-sdk-date"), Some("20261123T110000Z"));
        for r in &requests {
            assert!(r.body.is_none());
            assert!(!format!("{r:?}").contains(SK), "the SK must never be sent");
        }
    }

    #[test]
    fn a_bucket_adds_a_virtual_host_head_request_and_its_origin() {
        let mut c = check(Provider::FlexibleEngine, "eu-west-0", vec![aksk()]);
        c.bucket = Some("training-data".into());
        let requests = plan(&c).unwrap();
        let head = requests.last().unwrap();
        assert_eq!((head.id, head.method.as_str()), (Step::Bucket, "HEAD"));
        assert_eq!(
            head.url,
            "https://training-data.oss.eu-west-0.prod-cloud-ocb.orange-business.com/"
        );
        assert_eq!(
            origins(&c).unwrap(),
            [
                "https://oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://iam.eu-west-0.prod-cloud-ocb.orange-business.com/*",
                "https://training-data.oss.eu-west-0.prod-cloud-ocb.orange-business.com/*",
            ]
        );
        c.bucket = Some("Bad_Name".into());
        assert_eq!(plan(&c).unwrap_err(), CheckError::InvalidBucket);
    }

    #[test]
    fn a_custom_endpoint_gets_path_style_buckets() {
        let mut c = check(Provider::Aws, "us-east-1", vec![aksk()]);
        c.profile.endpoint = endpoint("http://127.0.0.1:5000");
        c.bucket = Some("data".into());
        let requests = plan(&c).unwrap();
        assert_eq!(requests.len(), 2, "AWS has no IAM projects step");
        assert_eq!(requests[0].url, "http://127.0.0.1:5000/");
        assert_eq!(requests[1].url, "http://127.0.0.1:5000/data/");
        assert_eq!(origins(&c).unwrap(), ["http://127.0.0.1/*"]);
    }

    #[test]
    fn a_swapped_pair_is_refused_before_anything_is_sent() {
        assert_eq!(
            plan(&check(
                Provider::Huawei,
                "cn-north-4",
                vec![key(SK, AK, None)]
            ))
            .unwrap_err(),
            CheckError::SwappedKey
        );
        // The AWS documentation's example pair, the right way round, is not mistaken for one.
        let aws = key(
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            None,
        );
        assert!(plan(&check(Provider::Aws, "us-east-1", vec![aws])).is_ok());
    }

    #[test]
    fn temporary_keys_send_their_token() {
        let temporary = key(AK, SK, Some("tok"));
        let requests = plan(&check(Provider::Huawei, "af-south-1", vec![temporary])).unwrap();
        assert_eq!(header(&requests[0], "x-amz-security-token"), Some("tok"));
        assert_eq!(header(&requests[1], "x-security-token"), Some("tok"));
    }

    #[test]
    fn profiles_without_a_usable_key_or_region_are_refused() {
        assert_eq!(
            plan(&check(Provider::Huawei, "cn-north-4", vec![])).unwrap_err(),
            CheckError::NoCredential("aksk")
        );
        assert_eq!(
            plan(&check(Provider::Huawei, "xx-none-1", vec![aksk()])).unwrap_err(),
            CheckError::UnknownRegion
        );
        assert_eq!(
            plan(&check(Provider::Azure, "", vec![])).unwrap_err(),
            CheckError::Unsupported(Provider::Azure)
        );
        assert_eq!(
            plan(&check(Provider::Ibm, "eu-de", vec![aksk()])).unwrap_err(),
            CheckError::NoCredential("ibm_api_key")
        );
    }

    pub(crate) fn ibm_api_key() -> Credential {
        Credential::IbmApiKey(IbmApiKey {
            api_key: "k".repeat(44).into(),
            name: None,
            description: None,
            created_at: None,
            id: None,
        })
    }

    fn ibm_check(region: &str) -> KeyCheck {
        let instance = Credential::IbmInstance(IbmInstance {
            guid: GUID.into(),
            crn: None,
            location: None,
            service_name: None,
            name: None,
            account_id: None,
        });
        check(Provider::Ibm, region, vec![ibm_api_key(), instance])
    }

    #[test]
    fn ibm_starts_with_the_token_request_only() {
        let c = ibm_check("eu-de");
        let requests = plan(&c).unwrap();
        assert_eq!(requests.len(), 1);
        assert_eq!(requests[0].id, Step::IbmToken);
        assert_eq!(requests[0].url, "https://iam.cloud.ibm.com/identity/token");
        assert!(requests[0]
            .body
            .as_ref()
            .unwrap()
            .expose()
            .contains("apikey="));
        assert_eq!(
            origins(&c).unwrap(),
            [
                "https://iam.cloud.ibm.com/*",
                "https://eu-de.api.aiopenscale.cloud.ibm.com/*"
            ]
        );
    }

    #[test]
    fn openscale_follows_the_token_on_the_instance_guid() {
        let mut c = ibm_check("eu-gb");
        let next = openscale_request(&c, &Secret::new("T")).unwrap().unwrap();
        assert_eq!(
            next.url,
            format!(
                "https://eu-gb.api.aiopenscale.cloud.ibm.com/openscale/{GUID}/v2/data_marts/{GUID}"
            )
        );
        assert_eq!(header(&next, "authorization"), Some("Bearer T"));
        c.profile.endpoint = endpoint("http://127.0.0.1:7000");
        let next = openscale_request(&c, &Secret::new("T")).unwrap().unwrap();
        assert!(next.url.starts_with("http://127.0.0.1:7000/openscale/"));
        assert_eq!(
            plan(&c).unwrap()[0].url,
            "http://127.0.0.1:7000/identity/token"
        );
        c.profile.credentials.pop();
        assert_eq!(openscale_request(&c, &Secret::new("T")).unwrap(), None);
    }
}
