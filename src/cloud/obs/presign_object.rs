//! Presigned `GET` URLs for one object of a profile's object storage, to share a file without
//! sharing the key: OBS's own form on Huawei Cloud / Flexible Engine (what OBS Console makes),
//! SigV4 on AWS.

use super::{bucket_url, signed_bucket, valid_bucket};
use crate::cloud::catalog::endpoints;
use crate::cloud::key::SigningKey;
use crate::cloud::RequestError;
use crate::profile::{Profile, Provider};
use crate::sign::{self, encode::encode_path, Scheme, SignRequest};
use serde::Deserialize;
use tsify_next::Tsify;

#[derive(Debug, Clone, Deserialize, Tsify)]
#[serde(rename_all = "camelCase")]
pub struct PresignObject {
    pub profile: Profile,
    /// The caller's clock, `YYYYMMDDTHHMMSSZ`; the URL is valid from then for `expires_in` s.
    pub timestamp: String,
    pub bucket: String,
    pub key: String,
    pub expires_in: u32,
}

pub fn presign_object(request: &PresignObject) -> Result<String, RequestError> {
    let profile = &request.profile;
    let scheme = match profile.provider {
        Provider::Huawei | Provider::FlexibleEngine => Scheme::Obs,
        Provider::Aws => Scheme::Aws4,
        other => return Err(RequestError::Unsupported(other)),
    };
    let found = endpoints(profile);
    let obs = found.need_obs()?;
    let bucket = valid_bucket(&request.bucket)?;
    let key = SigningKey::of(profile, &request.timestamp)?;
    let url = bucket_url(
        obs,
        bucket,
        &encode_path(request.key.trim_start_matches('/')),
    );
    let sign_request = SignRequest {
        bucket: signed_bucket(obs, bucket),
        ..key.request(scheme, "GET", url)
    };
    Ok(sign::presign(&sign_request, request.expires_in)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::key::tests::endpoint;
    use crate::profile::{AkIssuer, AkSk, Credential};

    fn request(provider: Provider, region: &str, key: &str) -> PresignObject {
        PresignObject {
            profile: Profile {
                region: Some(region.into()),
                credentials: vec![Credential::AkSk(AkSk {
                    access_key_id: "AKIDEXAMPLE".into(),
                    secret_access_key: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY".into(),
                    user_name: None,
                    security_token: None,
                    expires_at: None,
                    issuer: AkIssuer::Aws,
                })],
                ..Profile::new("p".into(), "p".into(), provider)
            },
            timestamp: "20261123T110000Z".into(),
            bucket: "photos".into(),
            key: key.into(),
            expires_in: 3600,
        }
    }

    #[test]
    fn obs_urls_use_the_obs_query_form_on_the_bucket_host() {
        let url = presign_object(&request(
            Provider::Huawei,
            "ap-southeast-3",
            "2026/cat picture.jpg",
        ))
        .unwrap();
        assert!(
            url.starts_with(
                "https://photos.obs.ap-southeast-3.myhuaweicloud.com/2026/cat%20picture.jpg?"
            ),
            "{url}"
        );
        assert!(
            url.contains("AccessKeyId=AKIDEXAMPLE")
                && url.contains("Expires=")
                && url.contains("Signature="),
            "{url}"
        );
        assert!(!url.contains("wJalrXUtnFEMI"));
    }

    #[test]
    fn aws_urls_use_sigv4_and_custom_endpoints_path_style() {
        let mut r = request(Provider::Aws, "us-east-1", "a.txt");
        r.profile.endpoint = endpoint("http://127.0.0.1:5000");
        let url = presign_object(&r).unwrap();
        assert!(
            url.starts_with("http://127.0.0.1:5000/photos/a.txt?"),
            "{url}"
        );
        assert!(
            url.contains("X-Amz-Algorithm=AWS4-HMAC-SHA256") && url.contains("X-Amz-Expires=3600"),
            "{url}"
        );
    }

    #[test]
    fn refuses_what_it_cannot_sign() {
        let mut r = request(Provider::Ibm, "eu-de", "a");
        assert_eq!(
            presign_object(&r).unwrap_err(),
            RequestError::Unsupported(Provider::Ibm)
        );
        r.profile.provider = Provider::Huawei;
        r.profile.region = Some("cn-north-4".into());
        r.expires_in = 0;
        assert!(matches!(
            presign_object(&r).unwrap_err(),
            RequestError::Sign(_)
        ));
    }
}
